//! The server-rendered bar chart: one horizontal bar per row with its percentage,
//! drawn by `templates/kit/bar_chart.html` in a 640-unit-wide SVG; the page shows the
//! same figures in a table beside it.

/// Height of one bar row, in SVG units.
const ROW: usize = 28;

/// One bar: its label, its percentage and its row's offset from the top.
pub struct Bar {
    pub label: String,
    pub percent: u32,
    pub y: usize,
}

/// The bars, the chart's accessible title and its height.
pub struct BarChart {
    pub title: String,
    pub bars: Vec<Bar>,
    pub height: usize,
}

impl BarChart {
    /// A chart titled `title` (it says where the figures are in words) of `rows`:
    /// label and percentage.
    pub fn of(title: &str, rows: impl IntoIterator<Item = (String, u32)>) -> BarChart {
        let bars: Vec<Bar> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (label, percent))| Bar {
                label,
                percent: percent.min(100),
                y: i * ROW,
            })
            .collect();
        BarChart {
            title: title.to_string(),
            height: bars.len() * ROW + 8,
            bars,
        }
    }
}
