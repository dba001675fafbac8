//! The crate's single error type.
//!
//! Every fallible function of `gongkai-domain` returns [`Error`]. Each variant names the
//! offending input so that a message shown to a user says what to fix. `Display` is in
//! Chinese (zh-CN) because it reaches users as is; [`Error::code`] gives a stable machine code
//! for APIs and logs.

/// Everything that can go wrong in the domain rules.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A date string that is not a real date in strict `YYYY-MM-DD` form.
    #[error("日期无效：{input}（应为 YYYY-MM-DD 格式的真实日期）")]
    InvalidDate { input: String },

    /// Holiday data whose content is wrong at a given date (or year key).
    #[error("节假日数据有误：{date}：{reason}")]
    CalendarData { date: String, reason: String },

    /// Holiday data that is not well-formed JSON of the expected structure.
    #[error("节假日数据格式有误：{reason}")]
    CalendarFormat { reason: String },

    /// A unified social credit code (统一社会信用代码) that fails GB 32100-2015.
    #[error("统一社会信用代码无效：{input}：{reason}")]
    InvalidCreditCode { input: String, reason: String },

    /// An organisation kind that is neither a known code nor a known Chinese name.
    #[error("无法识别的单位类型：{input}")]
    UnknownOrgKind { input: String },

    /// A password that does not meet the password policy.
    #[error("密码强度不足：{reason}")]
    WeakPassword { reason: String },
}

impl Error {
    /// A stable snake_case machine code for this kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidDate { .. } => "invalid_date",
            Error::CalendarData { .. } => "calendar_data",
            Error::CalendarFormat { .. } => "calendar_format",
            Error::InvalidCreditCode { .. } => "invalid_credit_code",
            Error::UnknownOrgKind { .. } => "unknown_org_kind",
            Error::WeakPassword { .. } => "weak_password",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_snake_case() {
        let cases = [
            (Error::InvalidDate { input: "x".into() }, "invalid_date"),
            (
                Error::CalendarData {
                    date: "x".into(),
                    reason: "y".into(),
                },
                "calendar_data",
            ),
            (
                Error::CalendarFormat { reason: "y".into() },
                "calendar_format",
            ),
            (
                Error::InvalidCreditCode {
                    input: "x".into(),
                    reason: "y".into(),
                },
                "invalid_credit_code",
            ),
            (
                Error::UnknownOrgKind { input: "x".into() },
                "unknown_org_kind",
            ),
            (Error::WeakPassword { reason: "y".into() }, "weak_password"),
        ];
        for (error, code) in cases {
            assert_eq!(error.code(), code);
        }
    }

    #[test]
    fn display_names_the_input_in_chinese() {
        let error = Error::InvalidDate {
            input: "2024-02-30".into(),
        };
        assert_eq!(
            error.to_string(),
            "日期无效：2024-02-30（应为 YYYY-MM-DD 格式的真实日期）"
        );
        let error = Error::CalendarData {
            date: "2027-01-01".into(),
            reason: "重复".into(),
        };
        assert_eq!(error.to_string(), "节假日数据有误：2027-01-01：重复");
    }
}
