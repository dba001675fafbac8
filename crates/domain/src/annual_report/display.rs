//! Section 三 as the 2021 format shows it: its rows and headings, in order and wording.

use super::{OutcomeBlock, RequestTable, Row};
use serde::Serialize;

impl RequestTable {
    /// The table's rows in the order and wording of the 2021 format: 25 rows with
    /// cells, and the headings of 三 and of the blocks (三) to (六) without.
    pub fn display_rows(&self) -> Vec<DisplayRow> {
        let row = |label: &str, depth, cells| DisplayRow {
            label: label.to_string(),
            depth,
            cells,
        };
        let mut rows = vec![
            row("一、本年新收政府信息公开申请数量", 0, Some(self.received)),
            row(
                "二、上年结转政府信息公开申请数量",
                0,
                Some(self.carried_over),
            ),
            row("三、本年度办理结果", 0, None),
        ];
        let mut block = None;
        for (outcome, cells) in &self.outcomes {
            let has_rows = !matches!(
                outcome.block(),
                OutcomeBlock::Disclosed | OutcomeBlock::PartlyDisclosed
            );
            if has_rows && block != Some(outcome.block()) {
                rows.push(row(outcome.block().label_zh(), 1, None));
            }
            block = Some(outcome.block());
            rows.push(row(
                outcome.label_zh(),
                if has_rows { 2 } else { 1 },
                Some(*cells),
            ));
        }
        rows.push(row("（七）总计", 1, Some(self.handled)));
        rows.push(row("四、结转下年度继续办理", 0, Some(self.carried_forward)));
        rows
    }
}

/// One line of section 三 as the format shows it: a heading (no cells) or a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisplayRow {
    pub label: String,
    /// 0 for 一 to 四, 1 for (一) to (七), 2 for the numbered sub-rows.
    pub depth: u8,
    pub cells: Option<Row>,
}
