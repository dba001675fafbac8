//! The identities every table must satisfy (annual-report.md §2.4–2.5), each with
//! its rule and both sides.

use super::{ApplicantType, CaseTable, RequestTable, Row};
use serde::Serialize;

/// One identity of a table: its rule and both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub rule: String,
    pub left: u64,
    pub right: u64,
}

impl Identity {
    pub fn holds(&self) -> bool {
        self.left == self.right
    }
}

impl RequestTable {
    /// Every identity of the table (annual-report.md §2.4–2.5), each with its two sides.
    pub fn identities(&self) -> Vec<Identity> {
        let mut checks = Vec::new();
        let names = ApplicantType::ALL.map(ApplicantType::label_zh);
        for (column, name) in names.iter().chain(&["总计"]).enumerate() {
            let cell = |row: &Row| row.cell(column);
            checks.push(Identity {
                rule: format!("{name}：一 + 二 = 三（七）总计 + 四"),
                left: cell(&self.received) + cell(&self.carried_over),
                right: cell(&self.handled) + cell(&self.carried_forward),
            });
            let summed: u64 = self.outcomes.iter().map(|(_, row)| cell(row)).sum();
            checks.push(Identity {
                rule: format!("{name}：（七）总计 = （一）至（六）之和"),
                left: cell(&self.handled),
                right: summed,
            });
        }
        let rows = [
            ("一", &self.received),
            ("二", &self.carried_over),
            ("（七）", &self.handled),
            ("四", &self.carried_forward),
        ];
        for (name, row) in rows.into_iter().chain(
            self.outcomes
                .iter()
                .map(|(outcome, row)| (outcome.label_zh(), row)),
        ) {
            checks.push(Identity {
                rule: format!("{name}：总计 = 各类申请人之和"),
                left: row.total,
                right: row.cells().iter().sum(),
            });
        }
        checks
    }
}

impl CaseTable {
    /// 总计 = the four results, for each group.
    pub fn identities(&self) -> Vec<Identity> {
        [
            ("行政复议", &self.reconsideration),
            ("行政诉讼（未经复议直接起诉）", &self.direct_suit),
            ("行政诉讼（复议后起诉）", &self.suit_after_reconsideration),
        ]
        .into_iter()
        .map(|(name, c)| Identity {
            rule: format!("{name}：总计 = 维持 + 纠正 + 其他 + 尚未审结"),
            left: c.total,
            right: c.upheld + c.corrected + c.other + c.pending,
        })
        .collect()
    }
}
