//! Messages to an agency (留言: 区长信箱, 部门信箱, 我为政府网站找错): their categories,
//! the reply clock — so many working days from receipt, the day of receipt not counted
//! (seeds 003, 004: 收到留言咨询之日起3个工作日内完成回复), extended once with approval up
//! to a ceiling for a complex message — with its explanation, and the ways a message
//! is not accepted (a petition goes to 信访, a disclosure request to 依申请公开).
//!
//! The numbers are the office's settings per box and category: no national rule fixes
//! them (rules.md §8).

use crate::calendar::Calendar;
use crate::calendar::skipped::Skipped;
use crate::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;

/// The usual reply period, in working days.
pub const DEFAULT_REPLY_WORKDAYS: u32 = 3;
/// The longest period after an extension, in working days in all.
pub const DEFAULT_MAX_WORKDAYS: u32 = 10;

/// What a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Consultation,
    Suggestion,
    Complaint,
    Help,
    /// An error on the government's website (我为政府网站找错).
    Correction,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Consultation,
        Category::Suggestion,
        Category::Complaint,
        Category::Help,
        Category::Correction,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Category::Consultation => "consultation",
            Category::Suggestion => "suggestion",
            Category::Complaint => "complaint",
            Category::Help => "help",
            Category::Correction => "correction",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Category::Consultation => "咨询",
            Category::Suggestion => "建议",
            Category::Complaint => "投诉",
            Category::Help => "求助",
            Category::Correction => "纠错",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        let s = s.trim();
        Category::ALL
            .into_iter()
            .find(|c| c.code() == s || c.label_zh() == s)
    }
}

/// Why a message is not accepted, and where it belongs instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// A petition (信访): handled under 《信访工作条例》 through the petition channels.
    Petition,
    /// A request for government information: made under the 条例 through 依申请公开.
    DisclosureRequest,
    /// Anything else (abusive, duplicate, not the agency's matter…), with the reason.
    Other,
}

impl Refusal {
    pub const ALL: [Refusal; 3] = [
        Refusal::Petition,
        Refusal::DisclosureRequest,
        Refusal::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Refusal::Petition => "petition",
            Refusal::DisclosureRequest => "disclosure_request",
            Refusal::Other => "other",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Refusal::Petition => "属于信访事项",
            Refusal::DisclosureRequest => "属于政府信息公开申请",
            Refusal::Other => "其他原因",
        }
    }

    pub fn parse(s: &str) -> Option<Refusal> {
        Refusal::ALL.into_iter().find(|r| r.code() == s.trim())
    }

    /// What the writer is told about where to go instead.
    pub fn guidance_zh(self) -> &'static str {
        match self {
            Refusal::Petition => {
                "您反映的事项属于信访事项，请通过信访渠道（国家信访局网上信访平台、来信来访）提出（《信访工作条例》）。"
            }
            Refusal::DisclosureRequest => {
                "您需要的是政府信息，请通过政府信息公开申请提出（《中华人民共和国政府信息公开条例》第二十七条），网址：/requests/new。"
            }
            Refusal::Other => "",
        }
    }
}

/// A message's reply clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub received_on: NaiveDate,
    /// The box's period for the message's category, in working days.
    pub workdays: u32,
    /// After the one extension: the period in all, in working days.
    pub extended_to: Option<u32>,
}

/// The due date of a reply and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub due: NaiveDate,
    pub explanation: Vec<String>,
    /// Years without a holiday notice that the count touched.
    pub missing_years: Vec<i32>,
}

impl Clock {
    /// The period in force: the extended one, else the category's.
    pub fn period(&self) -> u32 {
        self.extended_to.unwrap_or(self.workdays)
    }

    /// The due date, explained in Chinese one line per step.
    pub fn reckon(&self, calendar: &Calendar) -> Due {
        let period = self.period();
        let counted = calendar.add_workdays(self.received_on, period);
        let mut explanation = vec![format!(
            "起算：收到留言之日 {}，自次日起计算（收到当日不计入）",
            self.received_on
        )];
        let mut line = format!("{period} 个工作日届满：{}", counted.value);
        if let Some(total) = self.extended_to {
            line.push_str(&format!(
                "（原期限 {} 个工作日，经批准延长至 {total} 个工作日）",
                self.workdays
            ));
        }
        let Skipped {
            holidays,
            makeup_days,
        } = calendar.skipped(self.received_on, counted.value);
        if !holidays.is_empty() {
            let ranges: Vec<String> = holidays
                .iter()
                .map(|(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a} 至 {b}")
                    }
                })
                .collect();
            line.push_str(&format!("；跳过法定节假日 {}", ranges.join("、")));
        }
        if !makeup_days.is_empty() {
            let days: Vec<String> = makeup_days.iter().map(NaiveDate::to_string).collect();
            line.push_str(&format!("；调休上班日 {} 计入", days.join("、")));
        }
        explanation.push(line);
        Due {
            due: counted.value,
            explanation,
            missing_years: counted.missing_years,
        }
    }

    /// Checks an extension to `total` working days in all: once, longer than the
    /// category's period, no longer than `max`.
    pub fn check_extension(&self, total: u32, max: u32) -> Result<()> {
        let refused = |reason: String| Err(Error::MessageClock { reason });
        if self.extended_to.is_some() {
            return refused("留言办理期限只能延长一次".to_string());
        }
        if total <= self.workdays {
            return refused(format!(
                "延长后的期限应长于原期限 {} 个工作日",
                self.workdays
            ));
        }
        if total > max {
            return refused(format!("延长后的期限最多 {max} 个工作日"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::calendar::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn three_working_days_skip_the_national_day_holiday() {
        // Received Tuesday 2025-09-30: 1–8 October are the holiday, so the working days
        // are 9 (Thu), 10 (Fri) and 11 October (Sat, a make-up working day).
        let clock = Clock {
            received_on: d("2025-09-30"),
            workdays: 3,
            extended_to: None,
        };
        let due = clock.reckon(&Calendar::builtin());
        assert_eq!(due.due, d("2025-10-11"));
        assert_eq!(
            due.explanation[1],
            "3 个工作日届满：2025-10-11；跳过法定节假日 2025-10-01 至 2025-10-08；调休上班日 2025-10-11 计入"
        );
        assert!(due.missing_years.is_empty());
    }

    #[test]
    fn an_extension_is_granted_once_up_to_the_ceiling() {
        let clock = Clock {
            received_on: d("2025-03-03"),
            workdays: 3,
            extended_to: None,
        };
        assert_eq!(clock.reckon(&Calendar::builtin()).due, d("2025-03-06"));
        assert!(clock.check_extension(3, 10).is_err());
        assert_eq!(
            clock.check_extension(11, 10).unwrap_err().to_string(),
            "延长后的期限最多 10 个工作日"
        );
        clock.check_extension(10, 10).unwrap();
        let extended = Clock {
            extended_to: Some(10),
            ..clock
        };
        assert_eq!(extended.reckon(&Calendar::builtin()).due, d("2025-03-17"));
        assert_eq!(
            extended.check_extension(10, 10).unwrap_err().to_string(),
            "留言办理期限只能延长一次"
        );
    }

    #[test]
    fn categories_and_refusals_read_their_codes_and_names() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.code()), Some(c));
            assert_eq!(Category::parse(c.label_zh()), Some(c));
        }
        assert_eq!(Refusal::parse("petition"), Some(Refusal::Petition));
        assert!(
            Refusal::DisclosureRequest
                .guidance_zh()
                .contains("/requests/new")
        );
    }
}
