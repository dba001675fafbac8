//! The completion chart of ledgers: each unit's completion rate as a bar.

use crate::kit::chart::BarChart;
use gongkai_app::ledgers::UnitStats;

/// The units' completion rates as a chart.
pub fn completion_chart(units: &[UnitStats]) -> BarChart {
    BarChart::of(
        "各单位任务完成率（数据见下表）",
        units
            .iter()
            .map(|u| (u.name.clone(), u.stats.completion_percent)),
    )
}
