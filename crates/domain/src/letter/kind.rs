//! The kinds of letter the handling of a request produces: the notices and one reply
//! per outcome, with their stable codes, titles and labels.

use crate::annual_report::Outcome;

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
            LetterKind::Reply(outcome) => format!("{}（{}）", self.title_zh(), outcome.plain_zh()),
            _ => self.title_zh().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
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
}
