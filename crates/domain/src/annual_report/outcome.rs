//! The outcomes a reply records: the leaf rows of section 三's 本年度办理结果, the
//! blocks (一) to (六) they fall in, their wording and their default legal basis.

use serde::Serialize;

/// Every outcome a reply records: one leaf row of section 三's 本年度办理结果, with its
/// legal basis (rules.md §1.6; the mapping is an inference, marked where unverified).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Disclosed,
    PartlyDisclosed,
    WithheldStateSecret,
    WithheldByLaw,
    WithheldSafety,
    WithheldThirdParty,
    WithheldInternalAffairs,
    WithheldProcess,
    WithheldEnforcementFile,
    WithheldQuery,
    UnavailableNotHeld,
    UnavailableNeedsMaking,
    UnavailableStillUnclear,
    NotProcessedPetition,
    NotProcessedRepeated,
    NotProcessedPublication,
    NotProcessedExcessive,
    NotProcessedConfirmation,
    OtherNoCorrection,
    OtherUnpaidFee,
    OtherElse,
}

/// The blocks of 本年度办理结果, (一) to (六).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeBlock {
    Disclosed,
    PartlyDisclosed,
    Withheld,
    Unavailable,
    NotProcessed,
    Other,
}

impl OutcomeBlock {
    pub fn label_zh(self) -> &'static str {
        match self {
            OutcomeBlock::Disclosed => "（一）予以公开",
            OutcomeBlock::PartlyDisclosed => "（二）部分公开",
            OutcomeBlock::Withheld => "（三）不予公开",
            OutcomeBlock::Unavailable => "（四）无法提供",
            OutcomeBlock::NotProcessed => "（五）不予处理",
            OutcomeBlock::Other => "（六）其他处理",
        }
    }
}

impl Outcome {
    pub const ALL: [Outcome; 21] = [
        Outcome::Disclosed,
        Outcome::PartlyDisclosed,
        Outcome::WithheldStateSecret,
        Outcome::WithheldByLaw,
        Outcome::WithheldSafety,
        Outcome::WithheldThirdParty,
        Outcome::WithheldInternalAffairs,
        Outcome::WithheldProcess,
        Outcome::WithheldEnforcementFile,
        Outcome::WithheldQuery,
        Outcome::UnavailableNotHeld,
        Outcome::UnavailableNeedsMaking,
        Outcome::UnavailableStillUnclear,
        Outcome::NotProcessedPetition,
        Outcome::NotProcessedRepeated,
        Outcome::NotProcessedPublication,
        Outcome::NotProcessedExcessive,
        Outcome::NotProcessedConfirmation,
        Outcome::OtherNoCorrection,
        Outcome::OtherUnpaidFee,
        Outcome::OtherElse,
    ];

    /// Stable codes, in [`Outcome::ALL`] order (the serde names).
    const CODES: [&'static str; 21] = [
        "disclosed",
        "partly_disclosed",
        "withheld_state_secret",
        "withheld_by_law",
        "withheld_safety",
        "withheld_third_party",
        "withheld_internal_affairs",
        "withheld_process",
        "withheld_enforcement_file",
        "withheld_query",
        "unavailable_not_held",
        "unavailable_needs_making",
        "unavailable_still_unclear",
        "not_processed_petition",
        "not_processed_repeated",
        "not_processed_publication",
        "not_processed_excessive",
        "not_processed_confirmation",
        "other_no_correction",
        "other_unpaid_fee",
        "other_else",
    ];

    /// The stable code stored and used by the API.
    pub fn code(self) -> &'static str {
        Outcome::CODES[self.index()]
    }

    /// The outcome with this code.
    pub fn parse(code: &str) -> Option<Outcome> {
        let code = code.trim();
        Outcome::ALL.into_iter().find(|o| o.code() == code)
    }

    /// The block the outcome belongs to.
    pub fn block(self) -> OutcomeBlock {
        use Outcome::*;
        match self {
            Disclosed => OutcomeBlock::Disclosed,
            PartlyDisclosed => OutcomeBlock::PartlyDisclosed,
            WithheldStateSecret
            | WithheldByLaw
            | WithheldSafety
            | WithheldThirdParty
            | WithheldInternalAffairs
            | WithheldProcess
            | WithheldEnforcementFile
            | WithheldQuery => OutcomeBlock::Withheld,
            UnavailableNotHeld | UnavailableNeedsMaking | UnavailableStillUnclear => {
                OutcomeBlock::Unavailable
            }
            NotProcessedPetition
            | NotProcessedRepeated
            | NotProcessedPublication
            | NotProcessedExcessive
            | NotProcessedConfirmation => OutcomeBlock::NotProcessed,
            OtherNoCorrection | OtherUnpaidFee | OtherElse => OutcomeBlock::Other,
        }
    }

    /// The row's wording in the report.
    pub fn label_zh(self) -> &'static str {
        use Outcome::*;
        match self {
            Disclosed => "（一）予以公开",
            PartlyDisclosed => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            WithheldStateSecret => "1.属于国家秘密",
            WithheldByLaw => "2.其他法律行政法规禁止公开",
            WithheldSafety => "3.危及“三安全一稳定”",
            WithheldThirdParty => "4.保护第三方合法权益",
            WithheldInternalAffairs => "5.属于三类内部事务信息",
            WithheldProcess => "6.属于四类过程性信息",
            WithheldEnforcementFile => "7.属于行政执法案卷",
            WithheldQuery => "8.属于行政查询事项",
            UnavailableNotHeld => "1.本机关不掌握相关政府信息",
            UnavailableNeedsMaking => "2.没有现成信息需要另行制作",
            UnavailableStillUnclear => "3.补正后申请内容仍不明确",
            NotProcessedPetition => "1.信访举报投诉类申请",
            NotProcessedRepeated => "2.重复申请",
            NotProcessedPublication => "3.要求提供公开出版物",
            NotProcessedExcessive => "4.无正当理由大量反复申请",
            NotProcessedConfirmation => "5.要求行政机关确认或重新出具已获取信息",
            OtherNoCorrection => "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            OtherUnpaidFee => {
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
            }
            OtherElse => "3.其他",
        }
    }

    /// The outcome as an applicant reads it: the block's name, then the row's reason
    /// without its ordinal or the annual report's counting note ("不予公开：属于国家秘密",
    /// "部分公开").
    pub fn plain_zh(self) -> String {
        let block = self.block().label_zh();
        let block = block.rsplit('）').next().unwrap_or(block);
        match self.block() {
            OutcomeBlock::Disclosed | OutcomeBlock::PartlyDisclosed => block.to_string(),
            _ => {
                let row = self.label_zh();
                let reason = row.split_once('.').map_or(row, |(_, reason)| reason);
                format!("{block}：{reason}")
            }
        }
    }

    /// The article a reply with this outcome cites by default (rules.md §1.6; an
    /// inference where the national text names none).
    pub fn legal_basis_zh(self) -> &'static str {
        use Outcome::*;
        match self {
            Disclosed => "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
            PartlyDisclosed => "《中华人民共和国政府信息公开条例》第三十七条",
            WithheldStateSecret | WithheldByLaw | WithheldSafety => {
                "《中华人民共和国政府信息公开条例》第十四条"
            }
            WithheldThirdParty => "《中华人民共和国政府信息公开条例》第十五条、第三十二条",
            WithheldInternalAffairs => "《中华人民共和国政府信息公开条例》第十六条第一款",
            WithheldProcess | WithheldEnforcementFile => {
                "《中华人民共和国政府信息公开条例》第十六条第二款"
            }
            // UNVERIFIED: the national text names no article for 行政查询事项.
            WithheldQuery => "《中华人民共和国政府信息公开条例》第三十六条第（七）项",
            UnavailableNotHeld => {
                "《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项"
            }
            UnavailableNeedsMaking => "《中华人民共和国政府信息公开条例》第三十八条",
            UnavailableStillUnclear | OtherNoCorrection => {
                "《中华人民共和国政府信息公开条例》第三十条"
            }
            NotProcessedPetition | NotProcessedPublication => {
                "《中华人民共和国政府信息公开条例》第三十九条"
            }
            NotProcessedRepeated => "《中华人民共和国政府信息公开条例》第三十六条第（六）项",
            NotProcessedExcessive => "《中华人民共和国政府信息公开条例》第三十五条",
            // UNVERIFIED: no explicit article found for this row.
            NotProcessedConfirmation => "《中华人民共和国政府信息公开条例》第三十六条",
            OtherUnpaidFee => "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
            OtherElse => "《中华人民共和国政府信息公开条例》",
        }
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn applicants_read_the_outcome_without_the_reports_numbering_or_notes() {
        assert_eq!(Outcome::Disclosed.plain_zh(), "予以公开");
        assert_eq!(Outcome::PartlyDisclosed.plain_zh(), "部分公开");
        assert_eq!(
            Outcome::WithheldStateSecret.plain_zh(),
            "不予公开：属于国家秘密"
        );
        assert_eq!(
            Outcome::UnavailableNotHeld.plain_zh(),
            "无法提供：本机关不掌握相关政府信息"
        );
        for outcome in Outcome::ALL {
            let plain = outcome.plain_zh();
            assert!(!plain.contains('（') && !plain.contains("1."), "{plain}");
        }
    }

    #[test]
    fn twenty_one_outcomes_make_the_twenty_five_rows_with_their_blocks() {
        // 一, 二, 21 outcome rows, （七）, 四.
        assert_eq!(2 + Outcome::ALL.len() + 2, 25);
        let count = |block| Outcome::ALL.iter().filter(|o| o.block() == block).count();
        assert_eq!(count(OutcomeBlock::Withheld), 8);
        assert_eq!(count(OutcomeBlock::Unavailable), 3);
        assert_eq!(count(OutcomeBlock::NotProcessed), 5);
        assert_eq!(count(OutcomeBlock::Other), 3);
        for (i, outcome) in Outcome::ALL.iter().enumerate() {
            assert_eq!(outcome.index(), i);
            assert_eq!(Outcome::parse(outcome.code()), Some(*outcome));
            let serde_name = serde_json::to_value(outcome).unwrap();
            assert_eq!(serde_name, outcome.code(), "the code is the serde name");
            assert!(outcome.legal_basis_zh().contains('《'));
        }
    }
}
