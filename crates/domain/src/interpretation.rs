//! 政策解读 (interpretation): its forms and how late it followed its policy.
//!
//! This module owns the forms an interpretation takes and the measure of its lag. Nationally
//! the interpretation is prepared, signed off and published together with the policy
//! (国办发〔2016〕80号: 同步组织、同步审签、同步部署); "at the latest within 3 working days"
//! is a local rule (郑州 2016; rules.md, deadlines.md), so the allowed lag is a setting with
//! [`DEFAULT_MAX_INTERPRETATION_LAG`] as default.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, Reckoned};
use crate::{Error, Result};

/// Default allowed lag in working days between a policy and its interpretation (local rule
/// of 3 working days, deadlines.md); callers may configure another.
pub const DEFAULT_MAX_INTERPRETATION_LAG: i64 = 3;

/// The form of an interpretation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterpretationForm {
    /// A written text (文字解读).
    Text,
    /// A graphic explanation (图解).
    Graphic,
    /// A video (视频解读).
    Video,
    /// A press conference (新闻发布会).
    PressConference,
    /// Questions and answers (问答).
    QAndA,
}

impl InterpretationForm {
    /// Every form, in declaration order.
    pub const ALL: [InterpretationForm; 5] = [
        InterpretationForm::Text,
        InterpretationForm::Graphic,
        InterpretationForm::Video,
        InterpretationForm::PressConference,
        InterpretationForm::QAndA,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            InterpretationForm::Text => "text",
            InterpretationForm::Graphic => "graphic",
            InterpretationForm::Video => "video",
            InterpretationForm::PressConference => "press_conference",
            InterpretationForm::QAndA => "q_and_a",
        }
    }

    /// The name shown to users.
    pub fn label_zh(self) -> &'static str {
        match self {
            InterpretationForm::Text => "文字",
            InterpretationForm::Graphic => "图解",
            InterpretationForm::Video => "视频",
            InterpretationForm::PressConference => "新闻发布会",
            InterpretationForm::QAndA => "问答",
        }
    }

    /// Parses a code (`q_and_a`, any case) or a Chinese name (问答); surrounding whitespace
    /// is ignored. Fails with [`Error::UnknownInterpretationForm`].
    pub fn parse(s: &str) -> Result<InterpretationForm> {
        let name = s.trim();
        let lower = name.to_ascii_lowercase();
        InterpretationForm::ALL
            .into_iter()
            .find(|f| f.code() == lower || f.label_zh() == name)
            .ok_or_else(|| Error::UnknownInterpretationForm {
                input: name.to_string(),
            })
    }
}

/// Working days from a policy's publication to its interpretation's:
/// `calendar.workdays_between(policy_published, interpretation_published)`.
///
/// 0 means the same day (or a non-working day right after, before the next working day);
/// a negative lag means the interpretation came first. Provisional when a year involved
/// has no loaded holiday notice (see [`Reckoned`]).
pub fn interpretation_lag(
    calendar: &Calendar,
    policy_published: NaiveDate,
    interpretation_published: NaiveDate,
) -> Reckoned<i64> {
    calendar.workdays_between(policy_published, interpretation_published)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::calendar::parse_date;

    fn lag(policy: &str, interpretation: &str) -> Reckoned<i64> {
        interpretation_lag(
            &Calendar::builtin(),
            parse_date(policy).unwrap(),
            parse_date(interpretation).unwrap(),
        )
    }

    #[test]
    fn every_form_round_trips_through_code_and_label() {
        for form in InterpretationForm::ALL {
            assert_eq!(InterpretationForm::parse(form.code()), Ok(form), "{form:?}");
            assert_eq!(
                InterpretationForm::parse(form.label_zh()),
                Ok(form),
                "{form:?}"
            );
            let json = serde_json::to_string(&form).unwrap();
            assert_eq!(json, format!("\"{}\"", form.code()));
            assert_eq!(
                serde_json::from_str::<InterpretationForm>(&json).unwrap(),
                form
            );
        }
        assert_eq!(
            InterpretationForm::parse(" Q_AND_A "),
            Ok(InterpretationForm::QAndA)
        );
    }

    #[test]
    fn unknown_forms_are_rejected() {
        for input in ["", "音频", "qanda", "press"] {
            assert_eq!(
                InterpretationForm::parse(input),
                Err(Error::UnknownInterpretationForm {
                    input: input.into()
                }),
                "{input:?}"
            );
        }
        assert_eq!(
            InterpretationForm::parse("音频").unwrap_err().to_string(),
            "无法识别的解读形式：音频"
        );
    }

    #[test]
    fn lag_counts_working_days_after_the_policy() {
        // (policy, interpretation, working days); 2024 per 国办发明电〔2023〕7号.
        let cases = [
            ("2024-03-04", "2024-03-04", 0, "same day"),
            ("2024-03-04", "2024-03-07", 3, "Monday to Thursday"),
            ("2024-03-08", "2024-03-11", 1, "over a weekend"),
            (
                "2024-03-08",
                "2024-03-10",
                0,
                "published on the weekend after",
            ),
            (
                "2024-09-30",
                "2024-10-08",
                1,
                "over the National Day holiday",
            ),
            ("2024-03-07", "2024-03-04", -3, "interpretation first"),
        ];
        for (policy, interpretation, expected, why) in cases {
            let answer = lag(policy, interpretation);
            assert_eq!(answer.value, expected, "{why}: {policy} → {interpretation}");
            assert!(!answer.is_provisional(), "{why}");
        }
    }

    #[test]
    fn lag_in_a_year_without_notice_is_provisional() {
        let answer = lag("2030-03-04", "2030-03-06");
        assert_eq!(answer.value, 2);
        assert_eq!(answer.missing_years, [2030]);
    }

    #[test]
    fn default_lag_is_the_local_three_working_days() {
        assert_eq!(DEFAULT_MAX_INTERPRETATION_LAG, 3);
    }
}
