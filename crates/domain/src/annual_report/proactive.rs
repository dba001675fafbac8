//! Section 二 of the annual report (主动公开政府信息情况, 2021 format; annual-report.md
//! §2.3): the 规章 and 行政规范性文件 made, repealed and in force (条例第二十条第(一)项),
//! counted from the policy library, and the licensing, penalty, enforcement and fee
//! figures (第(五)(六)(八)项) that the platform does not hold and the office enters.

use crate::Error;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The two kinds of rule-making documents section 二 counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// 规章.
    Regulation,
    /// 行政规范性文件.
    Normative,
}

impl RuleKind {
    /// The kind of a library document: 规章 are promulgated by 令 (中办发〔2012〕14号
    /// 第八条: 令 "适用于依照有关法律公布行政法规和规章"), so a document of genre 令 counts
    /// as a 规章; any other document marked normative counts as a 行政规范性文件.
    pub fn of(genre: &str, normative: bool) -> Option<RuleKind> {
        match genre.trim() {
            "令" => Some(RuleKind::Regulation),
            _ if normative => Some(RuleKind::Normative),
            _ => None,
        }
    }
}

/// What section 二 needs to know of one published library document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleFacts {
    pub kind: RuleKind,
    /// 成文日期 (or the publication date where it is not recorded).
    pub made_on: NaiveDate,
    /// The day it was repealed or ceased to be in force, if it has.
    pub ended_on: Option<NaiveDate>,
}

/// One row of 第二十条第(一)项: 本年制发件数 · 本年废止件数 · 现行有效件数.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RuleCounts {
    pub made: u64,
    pub repealed: u64,
    pub in_force: u64,
}

/// The figures the office enters because the platform does not hold them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct EnteredFigures {
    /// 第(五)项 行政许可：本年处理决定数量.
    pub licensing: u64,
    /// 第(六)项 行政处罚：本年处理决定数量.
    pub penalty: u64,
    /// 第(六)项 行政强制：本年处理决定数量.
    pub enforcement: u64,
    /// 第(八)项 行政事业性收费：本年收费金额, in 元 (shown in 万元).
    pub fees_yuan: u64,
}

impl EnteredFigures {
    /// The figures of several units together.
    pub fn sum<'a>(all: impl IntoIterator<Item = &'a EnteredFigures>) -> EnteredFigures {
        all.into_iter()
            .fold(EnteredFigures::default(), |acc, f| EnteredFigures {
                licensing: acc.licensing + f.licensing,
                penalty: acc.penalty + f.penalty,
                enforcement: acc.enforcement + f.enforcement,
                fees_yuan: acc.fees_yuan + f.fees_yuan,
            })
    }
}

/// Section 二 of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProactiveTable {
    pub regulations: RuleCounts,
    pub normative: RuleCounts,
    pub entered: EnteredFigures,
}

impl ProactiveTable {
    /// The table of `year`: a document counts as made in the year of its 成文日期, as
    /// repealed in the year it ended, and as in force when made by the year's end and
    /// not ended by then.
    pub fn compute(year: i32, documents: &[RuleFacts], entered: EnteredFigures) -> ProactiveTable {
        let mut table = ProactiveTable {
            regulations: RuleCounts::default(),
            normative: RuleCounts::default(),
            entered,
        };
        for document in documents {
            let row = match document.kind {
                RuleKind::Regulation => &mut table.regulations,
                RuleKind::Normative => &mut table.normative,
            };
            let made_year = document.made_on.year();
            let ended_year = document.ended_on.map(|d| d.year());
            if made_year == year {
                row.made += 1;
            }
            if ended_year == Some(year) {
                row.repealed += 1;
            }
            if made_year <= year && ended_year.is_none_or(|y| y > year) {
                row.in_force += 1;
            }
        }
        table
    }
}

/// Reads an amount in 万元 (up to four decimals, i.e. to the 元) as whole 元.
pub fn parse_wan_yuan(input: &str) -> Result<u64, Error> {
    let invalid = || Error::InvalidAmount {
        input: input.to_string(),
    };
    let text = input.trim().replace([',', '，'], "");
    if text.is_empty() {
        return Ok(0);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 4 {
        return Err(invalid());
    }
    let wan: u64 = whole.parse().map_err(|_| invalid())?;
    let yuan: u64 = format!("{fraction:0<4}").parse().map_err(|_| invalid())?;
    wan.checked_mul(10_000)
        .and_then(|w| w.checked_add(yuan))
        .ok_or_else(invalid)
}

/// Whole 元 written in 万元 as the table shows it: up to four decimals, no trailing
/// zeros (12.35, 0, 3.0001).
pub fn format_wan_yuan(yuan: u64) -> String {
    let whole = yuan / 10_000;
    let fraction = yuan % 10_000;
    if fraction == 0 {
        return whole.to_string();
    }
    let fraction = format!("{fraction:04}");
    format!("{whole}.{}", fraction.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::calendar::parse_date;

    fn day(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn facts(kind: RuleKind, made: &str, ended: Option<&str>) -> RuleFacts {
        RuleFacts {
            kind,
            made_on: day(made),
            ended_on: ended.map(day),
        }
    }

    #[test]
    fn regulations_are_told_by_the_genre_and_normative_documents_by_their_mark() {
        assert_eq!(RuleKind::of("令", false), Some(RuleKind::Regulation));
        assert_eq!(RuleKind::of(" 令 ", true), Some(RuleKind::Regulation));
        assert_eq!(RuleKind::of("通知", true), Some(RuleKind::Normative));
        assert_eq!(RuleKind::of("通知", false), None);
    }

    #[test]
    fn documents_count_as_made_repealed_and_in_force_by_year() {
        let documents = [
            // Made in 2025, in force at its end.
            facts(RuleKind::Normative, "2025-03-01", None),
            // Made in 2023, repealed in 2025: repealed, not in force.
            facts(RuleKind::Normative, "2023-05-01", Some("2025-06-30")),
            // Made in 2024, repealed in 2026: in force at the end of 2025.
            facts(RuleKind::Normative, "2024-01-10", Some("2026-01-05")),
            // Made and repealed in 2025.
            facts(RuleKind::Normative, "2025-01-02", Some("2025-12-31")),
            // Made in 2026: not yet counted.
            facts(RuleKind::Normative, "2026-01-01", None),
            // A 规章 made in 2022.
            facts(RuleKind::Regulation, "2022-08-08", None),
        ];
        let entered = EnteredFigures {
            licensing: 3,
            ..EnteredFigures::default()
        };
        let table = ProactiveTable::compute(2025, &documents, entered);
        assert_eq!(
            table.normative,
            RuleCounts {
                made: 2,
                repealed: 2,
                in_force: 2
            }
        );
        assert_eq!(
            table.regulations,
            RuleCounts {
                made: 0,
                repealed: 0,
                in_force: 1
            }
        );
        assert_eq!(table.entered.licensing, 3);
    }

    #[test]
    fn amounts_in_wan_yuan_round_trip_to_the_yuan() {
        assert_eq!(parse_wan_yuan("12.35").unwrap(), 123_500);
        assert_eq!(parse_wan_yuan(" 1,000 ").unwrap(), 10_000_000);
        assert_eq!(parse_wan_yuan("").unwrap(), 0);
        assert_eq!(parse_wan_yuan("0.0001").unwrap(), 1);
        for bad in [
            "-1",
            "1.23456",
            "abc",
            ".5",
            "1.2.3",
            "99999999999999999999",
        ] {
            assert!(parse_wan_yuan(bad).is_err(), "{bad}");
        }
        assert_eq!(format_wan_yuan(123_500), "12.35");
        assert_eq!(format_wan_yuan(0), "0");
        assert_eq!(format_wan_yuan(30_001), "3.0001");
    }

    #[test]
    fn entered_figures_of_units_add_up() {
        let a = EnteredFigures {
            licensing: 1,
            penalty: 2,
            enforcement: 3,
            fees_yuan: 4,
        };
        let sum = EnteredFigures::sum([&a, &a]);
        assert_eq!(sum.licensing, 2);
        assert_eq!(sum.fees_yuan, 8);
    }
}
