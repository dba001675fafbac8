//! The kinds of draft and the period each is generally given, and the check of a
//! consultation's dates against it: the end after the start, and a period shorter than
//! usual only with a reason (which the public page shows).
//!
//! Periods are counted as the law counts them: the first day is not counted
//! (《民法典》第二百零一条), so a consultation from 1 March to 31 March lasts 30 days;
//! working days are counted on the platform's calendar in the same way.

use crate::calendar::{Calendar, Reckoned};
use crate::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;

/// The kind of draft put out for comment, which decides its usual period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    /// 重大行政决策 (《重大行政决策程序暂行条例》).
    MajorDecision,
    /// 规章 (《规章制定程序条例》).
    Rule,
    /// 行政规范性文件.
    Normative,
    /// Any other draft.
    Other,
}

impl DraftKind {
    pub const ALL: [DraftKind; 4] = [
        DraftKind::MajorDecision,
        DraftKind::Rule,
        DraftKind::Normative,
        DraftKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DraftKind::MajorDecision => "major_decision",
            DraftKind::Rule => "rule",
            DraftKind::Normative => "normative",
            DraftKind::Other => "other",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            DraftKind::MajorDecision => "重大行政决策",
            DraftKind::Rule => "规章",
            DraftKind::Normative => "规范性文件",
            DraftKind::Other => "其他",
        }
    }

    /// A kind from its code or its Chinese name.
    pub fn parse(s: &str) -> Option<DraftKind> {
        let s = s.trim();
        DraftKind::ALL
            .into_iter()
            .find(|k| k.code() == s || k.label_zh() == s)
    }

    /// The period this kind of draft is generally open for. `market_related`: the draft
    /// bears closely on the production and business of market entities.
    pub fn usual_period(self, market_related: bool, rules: &PeriodRules) -> UsualPeriod {
        match self {
            // 《重大行政决策程序暂行条例》第十五条, 《规章制定程序条例》第十五条: 一般不少于30日.
            DraftKind::MajorDecision | DraftKind::Rule => UsualPeriod {
                length: Length::Days(rules.days),
                basis: self.basis_zh(),
            },
            // 《优化营商环境条例》第六十二条: 与市场主体生产经营活动密切相关的, 一般不少于30日.
            DraftKind::Normative | DraftKind::Other if market_related => UsualPeriod {
                length: Length::Days(rules.days),
                basis: "《优化营商环境条例》第六十二条",
            },
            // 行政规范性文件: 一般不少于7个工作日 (the 法治政府 indicator; rules.md §8, its
            // original text unverified, so no basis is cited), hence a setting.
            DraftKind::Normative | DraftKind::Other => UsualPeriod {
                length: Length::Workdays(rules.workdays),
                basis: "",
            },
        }
    }

    fn basis_zh(self) -> &'static str {
        match self {
            DraftKind::MajorDecision => "《重大行政决策程序暂行条例》第十五条",
            DraftKind::Rule => "《规章制定程序条例》第十五条",
            DraftKind::Normative | DraftKind::Other => "",
        }
    }
}

/// The usual periods, as the platform is configured (defaults: 30 days, 7 working days).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodRules {
    /// 重大行政决策, 规章 and drafts bearing on market entities, in calendar days.
    pub days: u32,
    /// Other 规范性文件 and drafts, in working days.
    pub workdays: u32,
}

impl Default for PeriodRules {
    fn default() -> PeriodRules {
        PeriodRules {
            days: 30,
            workdays: 7,
        }
    }
}

/// A length of time, in calendar or working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    Days(u32),
    Workdays(u32),
}

impl Length {
    pub fn label_zh(self) -> String {
        match self {
            Length::Days(n) => format!("{n}日"),
            Length::Workdays(n) => format!("{n}个工作日"),
        }
    }
}

/// The period a kind of draft is generally given, and where the rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsualPeriod {
    pub length: Length,
    pub basis: &'static str,
}

/// A consultation's dates, checked against the usual period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Its length in the unit of the usual period.
    pub length: Reckoned<Length>,
    pub usual: UsualPeriod,
    /// Why it is shorter than usual (empty when it is not).
    pub short_reason: String,
}

impl Period {
    pub fn is_short(&self) -> bool {
        !self.short_reason.is_empty()
    }
}

/// Checks a consultation's dates: the end after the start, and a period shorter than
/// the usual one only with a reason. Any reason given for a period that is not short
/// is dropped.
pub fn check_period(
    calendar: &Calendar,
    usual: UsualPeriod,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    reason: &str,
) -> Result<Period> {
    if ends_on <= starts_on {
        return Err(Error::ConsultationPeriod {
            reason: "截止日期须晚于开始日期".to_string(),
        });
    }
    let length = match usual.length {
        Length::Days(_) => Reckoned {
            value: Length::Days(days_between(starts_on, ends_on)),
            missing_years: Vec::new(),
        },
        Length::Workdays(_) => {
            let n = calendar.workdays_between(starts_on, ends_on);
            Reckoned {
                value: Length::Workdays(u32::try_from(n.value).unwrap_or(0)),
                missing_years: n.missing_years,
            }
        }
    };
    let short = match (length.value, usual.length) {
        (Length::Days(n), Length::Days(min)) | (Length::Workdays(n), Length::Workdays(min)) => {
            n < min
        }
        _ => false,
    };
    let reason = reason.trim();
    if short && reason.is_empty() {
        let basis = if usual.basis.is_empty() {
            String::new()
        } else {
            format!("（{}）", usual.basis)
        };
        return Err(Error::ConsultationPeriod {
            reason: format!(
                "征求意见期限一般不少于{}{basis}，本次为{}；期限较短的，须说明理由",
                usual.length.label_zh(),
                length.value.label_zh()
            ),
        });
    }
    Ok(Period {
        starts_on,
        ends_on,
        length,
        usual,
        short_reason: if short {
            reason.to_string()
        } else {
            String::new()
        },
    })
}

/// Calendar days from `a` to `b`, `a` not counted.
pub(super) fn days_between(a: NaiveDate, b: NaiveDate) -> u32 {
    u32::try_from((b - a).num_days()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::calendar::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn period(kind: DraftKind, market: bool, from: &str, to: &str, reason: &str) -> Result<Period> {
        let usual = kind.usual_period(market, &PeriodRules::default());
        check_period(&Calendar::builtin(), usual, d(from), d(to), reason)
    }

    #[test]
    fn a_major_decision_is_open_thirty_days_not_counting_the_first() {
        let p = period(
            DraftKind::MajorDecision,
            false,
            "2025-03-01",
            "2025-03-31",
            "",
        )
        .unwrap();
        assert_eq!(p.length.value, Length::Days(30));
        assert!(!p.is_short());
        let e = period(
            DraftKind::MajorDecision,
            false,
            "2025-03-01",
            "2025-03-30",
            "",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "征求意见期限一般不少于30日（《重大行政决策程序暂行条例》第十五条），本次为29日；期限较短的，须说明理由"
        );
    }

    #[test]
    fn a_shorter_period_stands_with_its_reason_which_is_kept() {
        let p = period(
            DraftKind::Rule,
            false,
            "2025-03-01",
            "2025-03-21",
            " 情况紧急 ",
        )
        .unwrap();
        assert!(p.is_short());
        assert_eq!(p.short_reason, "情况紧急");
        let long = period(DraftKind::Rule, false, "2025-03-01", "2025-04-30", "不需要").unwrap();
        assert_eq!(
            long.short_reason, "",
            "a reason for a usual period is not shown"
        );
    }

    #[test]
    fn a_normative_document_counts_working_days_across_a_holiday() {
        // 2025-09-30 (Tue) to 2025-10-10 (Fri): 1–8 October are the National Day
        // holiday and 11 October (Sat) a make-up day; the working days counted are
        // 9 and 10 October only.
        let p = period(DraftKind::Normative, false, "2025-09-30", "2025-10-10", "x").unwrap();
        assert_eq!(p.length.value, Length::Workdays(2));
        assert!(p.is_short());
        // 2025-09-30 to 2025-10-17: 9, 10, 11 (make-up), 13–17 October = 8 working days.
        let p = period(DraftKind::Normative, false, "2025-09-30", "2025-10-17", "").unwrap();
        assert_eq!(p.length.value, Length::Workdays(8));
    }

    #[test]
    fn a_draft_bearing_on_market_entities_needs_thirty_days_whatever_its_kind() {
        let usual = DraftKind::Normative.usual_period(true, &PeriodRules::default());
        assert_eq!(usual.length, Length::Days(30));
        assert_eq!(usual.basis, "《优化营商环境条例》第六十二条");
        let e = period(DraftKind::Other, true, "2025-03-01", "2025-03-20", "").unwrap_err();
        assert!(
            e.to_string().contains("《优化营商环境条例》第六十二条"),
            "{e}"
        );
    }

    #[test]
    fn the_end_must_follow_the_start() {
        for to in ["2025-03-01", "2025-02-01"] {
            let e = period(DraftKind::Other, false, "2025-03-01", to, "急").unwrap_err();
            assert_eq!(e.code(), "invalid_consultation_period");
        }
    }
}
