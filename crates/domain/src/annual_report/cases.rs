//! Section 四 (行政复议、行政诉讼情况): the kinds of case, their results, and the
//! table counted from the year's cases.

use serde::Serialize;

/// The result of a reconsideration or a suit (section 四's columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseResult {
    /// 结果维持.
    Upheld,
    /// 结果纠正.
    Corrected,
    /// 其他结果.
    Other,
    /// 尚未审结.
    Pending,
}

impl CaseResult {
    pub const ALL: [CaseResult; 4] = [
        CaseResult::Upheld,
        CaseResult::Corrected,
        CaseResult::Other,
        CaseResult::Pending,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseResult::Upheld => "upheld",
            CaseResult::Corrected => "corrected",
            CaseResult::Other => "other",
            CaseResult::Pending => "pending",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CaseResult::Upheld => "结果维持",
            CaseResult::Corrected => "结果纠正",
            CaseResult::Other => "其他结果",
            CaseResult::Pending => "尚未审结",
        }
    }

    pub fn parse(code: &str) -> Option<CaseResult> {
        CaseResult::ALL
            .into_iter()
            .find(|r| r.code() == code.trim())
    }
}

/// A case of section 四.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// 行政复议.
    Reconsideration,
    /// 行政诉讼，未经复议直接起诉.
    DirectSuit,
    /// 行政诉讼，复议后起诉.
    SuitAfterReconsideration,
}

impl CaseKind {
    pub const ALL: [CaseKind; 3] = [
        CaseKind::Reconsideration,
        CaseKind::DirectSuit,
        CaseKind::SuitAfterReconsideration,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseKind::Reconsideration => "reconsideration",
            CaseKind::DirectSuit => "direct_suit",
            CaseKind::SuitAfterReconsideration => "suit_after_reconsideration",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CaseKind::Reconsideration => "行政复议",
            CaseKind::DirectSuit => "行政诉讼（未经复议直接起诉）",
            CaseKind::SuitAfterReconsideration => "行政诉讼（复议后起诉）",
        }
    }

    pub fn parse(code: &str) -> Option<CaseKind> {
        CaseKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// One group of section 四: the four results and their total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CaseCounts {
    pub upheld: u64,
    pub corrected: u64,
    pub other: u64,
    pub pending: u64,
    pub total: u64,
}

impl CaseCounts {
    fn add(&mut self, result: CaseResult) {
        match result {
            CaseResult::Upheld => self.upheld += 1,
            CaseResult::Corrected => self.corrected += 1,
            CaseResult::Other => self.other += 1,
            CaseResult::Pending => self.pending += 1,
        }
        self.total += 1;
    }
}

/// Section 四 (行政复议、行政诉讼情况).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CaseTable {
    pub reconsideration: CaseCounts,
    pub direct_suit: CaseCounts,
    pub suit_after_reconsideration: CaseCounts,
}

impl CaseTable {
    /// The table from the year's cases (kind and result as at the end of the year).
    pub fn compute(cases: &[(CaseKind, CaseResult)]) -> CaseTable {
        let mut table = CaseTable::default();
        for (kind, result) in cases {
            match kind {
                CaseKind::Reconsideration => table.reconsideration.add(*result),
                CaseKind::DirectSuit => table.direct_suit.add(*result),
                CaseKind::SuitAfterReconsideration => {
                    table.suit_after_reconsideration.add(*result);
                }
            }
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annual_report::Identity;

    #[test]
    fn case_kinds_and_results_round_trip_through_their_codes() {
        for kind in CaseKind::ALL {
            assert_eq!(CaseKind::parse(kind.code()), Some(kind));
        }
        for result in CaseResult::ALL {
            assert_eq!(CaseResult::parse(result.code()), Some(result));
        }
        assert_eq!(CaseResult::parse("维持"), None);
    }

    #[test]
    fn cases_count_by_kind_and_result() {
        let table = CaseTable::compute(&[
            (CaseKind::Reconsideration, CaseResult::Upheld),
            (CaseKind::Reconsideration, CaseResult::Corrected),
            (CaseKind::DirectSuit, CaseResult::Pending),
            (CaseKind::SuitAfterReconsideration, CaseResult::Other),
        ]);
        assert_eq!(table.reconsideration.total, 2);
        assert_eq!(table.direct_suit.pending, 1);
        assert_eq!(table.suit_after_reconsideration.other, 1);
        assert!(table.identities().iter().all(Identity::holds));
    }
}
