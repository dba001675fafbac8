//! The crate's single error type, and the result type that carries it.
//!
//! Every fallible function of `gongkai-domain` returns [`Error`]. Each variant names the
//! offending input so that a message shown to a user says what to fix. `Display` is in
//! Chinese (zh-CN) because it reaches users as is; [`Error::code`] gives a stable machine code
//! for APIs and logs.

/// Result type of every fallible function of this crate.
pub type Result<T> = std::result::Result<T, Error>;

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

    /// A 发文字号 that does not have the form 机关代字〔年份〕顺序号号 (中办发〔2012〕14号 Art. 9).
    #[error("发文字号无效：{input}：{reason}")]
    InvalidDocNumber { input: String, reason: String },

    /// A 有效性 that is neither a known code nor a known Chinese name.
    #[error("无法识别的有效性：{input}")]
    UnknownValidity { input: String },

    /// A 公开属性 that is neither a known code nor a known Chinese name.
    #[error("无法识别的公开属性：{input}")]
    UnknownDisclosureAttribute { input: String },

    /// A 公开属性 that must state its reason (依申请公开, 不予公开) but has none.
    #[error("{attribute}须说明理由")]
    MissingReason { attribute: String },

    /// A 索引号 that cannot be stored as a catalogue number.
    #[error("索引号无效：{input}：{reason}")]
    InvalidIndexNumber { input: String, reason: String },

    /// A relation between documents whose code is not known.
    #[error("无法识别的文件关系：{input}")]
    UnknownRelation { input: String },

    /// A form of 政策解读 that is neither a known code nor a known Chinese name.
    #[error("无法识别的解读形式：{input}")]
    UnknownInterpretationForm { input: String },

    /// Dates of a disclosure request that cannot make a due date (a correction before
    /// the receipt, a stop ending before it starts, an extension over 20 working days).
    #[error("{reason}")]
    RequestDates { reason: String },

    /// A letter whose template needs a field the request's record does not give (a
    /// blank in a letter to an applicant is never acceptable).
    #[error("文书缺少“{field}”：办理记录中没有这一项，请补充记录或修改文书模板")]
    LetterField { field: String },

    /// A letter template that cannot be used: an unknown placeholder or unbalanced braces.
    #[error("文书模板有误：{reason}")]
    LetterTemplate { reason: String },

    /// Dates of a consultation that cannot stand: an end not after the start, or a
    /// period shorter than usual without a reason.
    #[error("{reason}")]
    ConsultationPeriod { reason: String },

    /// An extension of a message's reply period that cannot be granted.
    #[error("{reason}")]
    MessageClock { reason: String },

    /// A 保密审查 record that cannot stand: no conclusion or basis, a date in the future,
    /// or a document found secret yet marked for active disclosure.
    #[error("保密审查：{reason}")]
    SecrecyReview { reason: String },

    /// An assessment scheme that cannot be used: weights not adding up to 100, an
    /// indicator without a rule or one that does not fit its source, duplicates.
    #[error("考核方案：{reason}")]
    AssessmentScheme { reason: String },

    /// An amount of money that is not a non-negative number of 万元 with at most four
    /// decimals.
    #[error("金额应为不小于 0 的数字（单位：万元，最多四位小数）：{input}")]
    InvalidAmount { input: String },

    /// A phone number or e-mail address that cannot be used to reach its writer.
    #[error("{reason}")]
    InvalidContact { reason: String },
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
            Error::InvalidDocNumber { .. } => "invalid_doc_number",
            Error::UnknownValidity { .. } => "unknown_validity",
            Error::UnknownDisclosureAttribute { .. } => "unknown_disclosure_attribute",
            Error::MissingReason { .. } => "missing_reason",
            Error::InvalidIndexNumber { .. } => "invalid_index_number",
            Error::UnknownRelation { .. } => "unknown_relation",
            Error::UnknownInterpretationForm { .. } => "unknown_interpretation_form",
            Error::RequestDates { .. } => "invalid_request_dates",
            Error::LetterField { .. } => "letter_field_missing",
            Error::LetterTemplate { .. } => "invalid_letter_template",
            Error::InvalidAmount { .. } => "invalid_amount",
            Error::InvalidContact { .. } => "invalid_contact",
            Error::ConsultationPeriod { .. } => "invalid_consultation_period",
            Error::MessageClock { .. } => "invalid_message_extension",
            Error::SecrecyReview { .. } => "invalid_secrecy_review",
            Error::AssessmentScheme { .. } => "invalid_assessment_scheme",
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
            (
                Error::InvalidDocNumber {
                    input: "x".into(),
                    reason: "y".into(),
                },
                "invalid_doc_number",
            ),
            (
                Error::UnknownValidity { input: "x".into() },
                "unknown_validity",
            ),
            (
                Error::UnknownDisclosureAttribute { input: "x".into() },
                "unknown_disclosure_attribute",
            ),
            (
                Error::MissingReason {
                    attribute: "x".into(),
                },
                "missing_reason",
            ),
            (
                Error::InvalidIndexNumber {
                    input: "x".into(),
                    reason: "y".into(),
                },
                "invalid_index_number",
            ),
            (
                Error::UnknownRelation { input: "x".into() },
                "unknown_relation",
            ),
            (
                Error::UnknownInterpretationForm { input: "x".into() },
                "unknown_interpretation_form",
            ),
            (
                Error::LetterField { field: "x".into() },
                "letter_field_missing",
            ),
            (
                Error::LetterTemplate { reason: "y".into() },
                "invalid_letter_template",
            ),
            (
                Error::ConsultationPeriod { reason: "y".into() },
                "invalid_consultation_period",
            ),
            (
                Error::MessageClock { reason: "y".into() },
                "invalid_message_extension",
            ),
            (
                Error::SecrecyReview { reason: "y".into() },
                "invalid_secrecy_review",
            ),
            (
                Error::AssessmentScheme { reason: "y".into() },
                "invalid_assessment_scheme",
            ),
        ];
        for (error, code) in &cases {
            assert_eq!(error.code(), *code, "{error:?}");
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code} is not snake_case"
            );
            assert!(!code.starts_with('_') && !code.ends_with('_'), "{code}");
        }
        let mut codes: Vec<&str> = cases.iter().map(|(_, code)| *code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), cases.len(), "codes must be unique");
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
