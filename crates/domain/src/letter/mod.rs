//! Letters to applicants and third parties about a disclosure request (依申请公开):
//! the kinds of letter the record of a request calls for, the fields a letter's
//! template may name, and the built-in default texts.
//!
//! - 补正告知书 (条例第三十条): what to correct, said once;
//! - 延长答复期限告知书 (条例第三十三条第二款);
//! - 征求第三方意见函 (条例第三十二条);
//! - 政府信息公开申请答复书 (条例第三十六条), one per reply outcome, each ending with
//!   the remedies (条例第五十一条; 行政复议法第二十条: 60 days; 行政诉讼法第四十六条:
//!   6 months).
//!
//! Templates name fields as `{字段名}`; [`template`] renders and checks them.

mod defaults;
pub mod template;

use crate::annual_report::Outcome;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

pub use template::{placeholders, render, validate};

/// A field a letter template may name, as `{名称}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Agency,
    Applicant,
    Serial,
    Received,
    Replied,
    Request,
    Decision,
    LegalBasis,
    CorrectionItems,
    CorrectionPeriod,
    OriginalDue,
    ExtensionWorkdays,
    ExtendedDue,
    ThirdParty,
    ConsultationDeadline,
    FeeMethod,
    FeeAmount,
    PaymentDue,
    LetterDate,
}

impl Field {
    pub const ALL: [Field; 19] = [
        Field::Agency,
        Field::Applicant,
        Field::Serial,
        Field::Received,
        Field::Replied,
        Field::Request,
        Field::Decision,
        Field::LegalBasis,
        Field::CorrectionItems,
        Field::CorrectionPeriod,
        Field::OriginalDue,
        Field::ExtensionWorkdays,
        Field::ExtendedDue,
        Field::ThirdParty,
        Field::ConsultationDeadline,
        Field::FeeMethod,
        Field::FeeAmount,
        Field::PaymentDue,
        Field::LetterDate,
    ];

    /// The name written between braces in a template.
    pub fn name_zh(self) -> &'static str {
        match self {
            Field::Agency => "机关名称",
            Field::Applicant => "申请人",
            Field::Serial => "申请编号",
            Field::Received => "收到日期",
            Field::Replied => "答复日期",
            Field::Request => "申请内容",
            Field::Decision => "办理结果",
            Field::LegalBasis => "法律依据",
            Field::CorrectionItems => "补正事项",
            Field::CorrectionPeriod => "补正期限",
            Field::OriginalDue => "原答复期限",
            Field::ExtensionWorkdays => "延长工作日数",
            Field::ExtendedDue => "延长后答复期限",
            Field::ThirdParty => "第三方",
            Field::ConsultationDeadline => "征求意见截止日期",
            Field::FeeMethod => "计收方式",
            Field::FeeAmount => "收费金额",
            Field::PaymentDue => "缴费期限",
            Field::LetterDate => "文书日期",
        }
    }

    /// Where the value comes from, for the template editor.
    pub fn source_zh(self) -> &'static str {
        match self {
            Field::Agency => "受理申请的机关名称",
            Field::Applicant => "申请人姓名或名称",
            Field::Serial => "申请编号",
            Field::Received => "收到申请之日",
            Field::Replied => "答复日期（已答复的申请）",
            Field::Request => "所需信息的名称、文号或内容描述",
            Field::Decision => "办理结果的决定表述（已答复的申请）",
            Field::LegalBasis => "答复时记录的法律依据（已答复的申请）",
            Field::CorrectionItems => "发出补正告知时记录的说明（需要补正的事项）",
            Field::CorrectionPeriod => {
                "补正期限：记录的截止日期，未记录时为“收到本告知书之日起15个工作日内”"
            }
            Field::OriginalDue => "延长前的答复期限（已延长的申请）",
            Field::ExtensionWorkdays => "延长的工作日数（已延长的申请）",
            Field::ExtendedDue => "延长后的答复期限（已延长的申请）",
            Field::ThirdParty => "征求意见的第三方（征求意见记录的说明）",
            Field::ConsultationDeadline => "征求意见结束日期",
            Field::FeeMethod => "收费通知记录的计收方式及依据（按件或按量）",
            Field::FeeAmount => "应缴信息处理费金额（元）",
            Field::PaymentDue => "缴费期限：收到通知次日起20个工作日的最后一日",
            Field::LetterDate => "文书日期：对应办理环节的日期",
        }
    }

    /// The field named `name` (without braces).
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name_zh() == name)
    }
}

/// The values of a letter's fields; a field absent or empty cannot be used.
pub type Fields = BTreeMap<Field, String>;

/// A letter the handling of a request produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LetterKind {
    /// 补正告知书 (条例第三十条).
    CorrectionNotice,
    /// 延长答复期限告知书 (条例第三十三条第二款).
    ExtensionNotice,
    /// 征求第三方意见函 (条例第三十二条).
    ThirdPartyConsultation,
    /// 信息处理费缴费通知书 (国办函〔2020〕109号).
    FeeNotice,
    /// 政府信息公开申请答复书 for one outcome (条例第三十六条).
    Reply(Outcome),
}

/// The code prefix of reply letters: `reply.<outcome code>`.
const REPLY_PREFIX: &str = "reply.";

impl LetterKind {
    /// Every kind: the four notices, then one reply per outcome.
    pub fn all() -> Vec<LetterKind> {
        let mut kinds = vec![
            LetterKind::CorrectionNotice,
            LetterKind::ExtensionNotice,
            LetterKind::ThirdPartyConsultation,
            LetterKind::FeeNotice,
        ];
        kinds.extend(Outcome::ALL.into_iter().map(LetterKind::Reply));
        kinds
    }

    /// The stable code, stored with an agency's template and used in addresses.
    pub fn code(self) -> String {
        match self {
            LetterKind::CorrectionNotice => "correction_notice".to_string(),
            LetterKind::ExtensionNotice => "extension_notice".to_string(),
            LetterKind::ThirdPartyConsultation => "third_party".to_string(),
            LetterKind::FeeNotice => "fee_notice".to_string(),
            LetterKind::Reply(outcome) => format!("{REPLY_PREFIX}{}", outcome.code()),
        }
    }

    /// The kind with this code.
    pub fn parse(code: &str) -> Option<LetterKind> {
        match code.trim() {
            "correction_notice" => Some(LetterKind::CorrectionNotice),
            "extension_notice" => Some(LetterKind::ExtensionNotice),
            "third_party" => Some(LetterKind::ThirdPartyConsultation),
            "fee_notice" => Some(LetterKind::FeeNotice),
            other => other
                .strip_prefix(REPLY_PREFIX)
                .and_then(Outcome::parse)
                .map(LetterKind::Reply),
        }
    }

    /// The letter's title.
    pub fn title_zh(self) -> &'static str {
        match self {
            LetterKind::CorrectionNotice => "补正告知书",
            LetterKind::ExtensionNotice => "延长答复期限告知书",
            LetterKind::ThirdPartyConsultation => "征求第三方意见函",
            LetterKind::FeeNotice => "信息处理费缴费通知书",
            LetterKind::Reply(_) => "政府信息公开申请答复书",
        }
    }

    /// How the kind is listed: the title, and the outcome of a reply.
    pub fn label_zh(self) -> String {
        match self {
            LetterKind::Reply(outcome) => format!(
                "{}（{}：{}）",
                self.title_zh(),
                outcome.block().label_zh(),
                outcome.label_zh()
            ),
            _ => self.title_zh().to_string(),
        }
    }

    /// The built-in template text, used until an agency saves its own.
    pub fn default_template(self) -> &'static str {
        defaults::template(self)
    }
}

/// The decision a reply with this outcome states (the value of `{办理结果}`).
pub fn decision_zh(outcome: Outcome) -> &'static str {
    defaults::decision(outcome)
}

/// The correction period when the record names no date (an office's common practice;
/// 条例第三十条 asks only for a reasonable period).
pub const DEFAULT_CORRECTION_PERIOD: &str = "收到本告知书之日起15个工作日内";

/// A date as letters write it: 2025年1月24日.
pub fn date_zh(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn every_kind_has_a_stable_code_that_parses_back() {
        let kinds = LetterKind::all();
        assert_eq!(kinds.len(), 4 + Outcome::ALL.len());
        for kind in &kinds {
            assert_eq!(LetterKind::parse(&kind.code()), Some(*kind), "{kind:?}");
        }
        assert_eq!(
            LetterKind::Reply(Outcome::WithheldStateSecret).code(),
            "reply.withheld_state_secret"
        );
        assert_eq!(LetterKind::parse("reply.nothing"), None);
        assert_eq!(LetterKind::parse("reply"), None);
    }

    #[test]
    fn every_field_name_parses_back_and_is_unique() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.name_zh()), Some(field));
        }
        assert_eq!(Field::parse("申请人电话"), None);
    }

    #[test]
    fn dates_are_written_without_leading_zeros() {
        let date = NaiveDate::from_ymd_opt(2025, 1, 24).unwrap();
        assert_eq!(date_zh(date), "2025年1月24日");
    }
}
