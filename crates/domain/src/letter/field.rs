//! The fields a letter's template may name (`{字段名}`), and how letters write their
//! values: dates, and the correction period when the record names none.

use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

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
    WithheldReason,
    WithheldBasis,
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
    pub const ALL: [Field; 21] = [
        Field::Agency,
        Field::Applicant,
        Field::Serial,
        Field::Received,
        Field::Replied,
        Field::Request,
        Field::Decision,
        Field::LegalBasis,
        Field::WithheldReason,
        Field::WithheldBasis,
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
            Field::WithheldReason => "不予公开理由",
            Field::WithheldBasis => "不予公开依据",
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
            Field::WithheldReason => "部分公开时不予公开部分的理由（答复时选择）",
            Field::WithheldBasis => "部分公开时不予公开部分的法律依据",
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
