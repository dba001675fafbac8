//! The server-rendered completion chart of ledgers: one horizontal bar per unit,
//! drawn by `templates/completion_chart.html` in a 640-unit-wide SVG.

use gongkai_app::ledgers::UnitStats;

/// Height of one bar row, in SVG units.
const ROW: usize = 28;

/// One bar: a unit, its completion rate and its row's offset from the top.
pub struct Bar {
    pub label: String,
    pub percent: u32,
    pub y: usize,
}

/// The bars and the chart's height.
pub struct CompletionChart {
    pub bars: Vec<Bar>,
    pub height: usize,
}

impl CompletionChart {
    pub fn of(units: &[UnitStats]) -> CompletionChart {
        let bars: Vec<Bar> = units
            .iter()
            .enumerate()
            .map(|(i, u)| Bar {
                label: u.name.clone(),
                percent: u.stats.completion_percent,
                y: i * ROW,
            })
            .collect();
        CompletionChart {
            height: bars.len() * ROW + 8,
            bars,
        }
    }
}
