//! The built-in texts of letters: what each says until an agency saves its own.
//!
//! Replies share their text per block of outcomes (予以公开, 部分公开, 不予公开, 无法
//! 提供, 不予处理, 其他处理); the outcome's own decision comes in through `{办理结果}`
//! and its article through `{法律依据}`. Every reply ends with the remedies in generic
//! wording (the competent reconsideration body and court are not named, so that the
//! text is right for any agency; an agency may name them in its own template).

use super::LetterKind;
use crate::annual_report::{Outcome, OutcomeBlock};

impl LetterKind {
    /// The built-in template text, used until an agency saves its own.
    pub fn default_template(self) -> &'static str {
        template(self)
    }
}

/// The decision a reply with this outcome states (the value of `{办理结果}`).
pub fn decision_zh(outcome: Outcome) -> &'static str {
    decision(outcome)
}

const CORRECTION_NOTICE: &str = "{申请人}：
本机关于{收到日期}收到您提出的政府信息公开申请（申请编号：{申请编号}）。经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项如下：
{补正事项}
请您在{补正期限}向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
特此告知。";

const EXTENSION_NOTICE: &str = "{申请人}：
本机关于{收到日期}收到您提出的政府信息公开申请（申请编号：{申请编号}），申请获取“{申请内容}”。因需要较长时间处理，本机关不能在{原答复期限}前作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长工作日数}个工作日，本机关将于{延长后答复期限}前作出答复。
特此告知。";

// The applicant is not named to the third party: their identity is personal information.
const THIRD_PARTY: &str = "{第三方}：
本机关于{收到日期}收到政府信息公开申请（申请编号：{申请编号}），申请获取“{申请内容}”。经审查，公开该政府信息可能损害您的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求您的意见。
请您于{征求意见截止日期}前向本机关提出书面意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。您不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您。
特此函告。";

const FEE_NOTICE: &str = "{申请人}：
本机关于{收到日期}收到您提出的政府信息公开申请（申请编号：{申请编号}），申请获取“{申请内容}”。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您的申请应当缴纳信息处理费。
计收方式：{计收方式}。
应缴金额：{收费金额}元。
请您于{缴费期限}前缴纳。逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。
特此通知。";

/// The built-in template of `kind`.
fn template(kind: LetterKind) -> &'static str {
    match kind {
        LetterKind::CorrectionNotice => CORRECTION_NOTICE,
        LetterKind::ExtensionNotice => EXTENSION_NOTICE,
        LetterKind::ThirdPartyConsultation => THIRD_PARTY,
        LetterKind::FeeNotice => FEE_NOTICE,
        LetterKind::Reply(outcome) => reply(outcome.block()),
    }
}

/// The reply text of a block: opening, decision with its basis, what follows, remedies.
fn reply(block: OutcomeBlock) -> &'static str {
    // concat! needs literals, so the shared parts are repeated through a macro.
    macro_rules! reply_text {
        ($middle:literal) => {
            concat!(
                "{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（申请编号：{申请编号}），申请获取“{申请内容}”。\n",
                "经审查，根据{法律依据}的规定，{办理结果}。\n",
                $middle,
                "\n如对本答复不服，可以在收到本答复之日起六十日内依法向有管辖权的行政复议机关申请行政复议，或者在六个月内依法向有管辖权的人民法院提起行政诉讼。"
            )
        };
    }
    match block {
        OutcomeBlock::Disclosed => reply_text!("相关政府信息随本答复书一并提供。\n特此答复。"),
        OutcomeBlock::PartlyDisclosed => reply_text!(
            "可以公开的部分随本答复书一并提供；其余部分{不予公开理由}，根据{不予公开依据}的规定不予公开。\n特此答复。"
        ),
        OutcomeBlock::Withheld
        | OutcomeBlock::Unavailable
        | OutcomeBlock::NotProcessed
        | OutcomeBlock::Other => reply_text!("特此答复。"),
    }
}

/// Why the withheld part of a 部分公开 reply is withheld, as its letter words it (the
/// reasons of the 不予公开 rows, 条例第十四条至第十六条); `None` for other outcomes.
pub fn withheld_part_zh(outcome: Outcome) -> Option<&'static str> {
    use Outcome::*;
    Some(match outcome {
        WithheldStateSecret => "属于国家秘密",
        WithheldByLaw => "属于法律、行政法规禁止公开的政府信息",
        WithheldSafety => "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
        WithheldThirdParty => "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容",
        WithheldInternalAffairs => "属于人事管理、后勤管理、内部工作流程等内部事务信息",
        WithheldProcess => "属于行政机关在履行行政管理职能过程中形成的过程性信息",
        WithheldEnforcementFile => "属于行政执法案卷信息",
        WithheldQuery => "属于行政查询事项",
        _ => return None,
    })
}

/// The decision a reply states (条例第三十六条 to 第三十九条; the reasons as the
/// articles word them).
fn decision(outcome: Outcome) -> &'static str {
    use Outcome::*;
    match outcome {
        Disclosed => "您申请获取的政府信息属于公开范围，本机关决定予以公开",
        PartlyDisclosed => {
            "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定对可以公开的部分予以公开"
        }
        WithheldStateSecret => "您申请获取的政府信息属于国家秘密，本机关决定不予公开",
        WithheldByLaw => {
            "您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开"
        }
        WithheldSafety => {
            "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开"
        }
        WithheldThirdParty => {
            "您申请获取的政府信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，本机关决定不予公开"
        }
        WithheldInternalAffairs => {
            "您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息，本机关决定不予公开"
        }
        WithheldProcess => {
            "您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的过程性信息，本机关决定不予公开"
        }
        WithheldEnforcementFile => "您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开",
        WithheldQuery => {
            "您申请获取的信息属于行政查询事项，本机关决定不作为政府信息公开申请予以公开，您可以按照相关规定办理查询"
        }
        UnavailableNotHeld => "经检索查找，本机关不掌握您申请获取的政府信息，无法提供",
        UnavailableNeedsMaking => {
            "您申请获取的政府信息需要本机关对现有政府信息进行加工、分析，本机关无法提供"
        }
        UnavailableStillUnclear => "您补正后的申请内容仍不明确，本机关无法提供",
        NotProcessedPetition => {
            "您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道反映"
        }
        NotProcessedRepeated => "您的申请属于重复申请，本机关不予重复处理",
        NotProcessedPublication => {
            "您申请获取的信息为公开出版物，本机关不予处理，您可以通过获取公开出版物的途径获取"
        }
        NotProcessedExcessive => {
            "您的申请数量、频次明显超过合理范围，且未能说明理由或者理由不合理，本机关不予处理"
        }
        NotProcessedConfirmation => {
            "您的申请属于要求行政机关确认或者重新出具已获取的信息，本机关不予处理"
        }
        OtherNoCorrection => {
            "您无正当理由逾期未补正，视为放弃申请，本机关不再处理您的政府信息公开申请"
        }
        OtherUnpaidFee => {
            "您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理您的政府信息公开申请"
        }
        OtherElse => "本机关已依法对您的申请作出处理",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    /// Opening of every reply: to whom, what was asked, when.
    const REPLY_OPENING: &str = "{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（申请编号：{申请编号}），申请获取“{申请内容}”。";

    /// The decision and its legal basis.
    const REPLY_DECISION: &str = "经审查，根据{法律依据}的规定，{办理结果}。";

    /// The remedies (条例第五十一条; 行政复议法第二十条; 行政诉讼法第四十六条).
    const REMEDIES: &str = "如对本答复不服，可以在收到本答复之日起六十日内依法向有管辖权的行政复议机关申请行政复议，或者在六个月内依法向有管辖权的人民法院提起行政诉讼。";

    #[test]
    fn the_reply_parts_match_the_shared_constants() {
        for outcome in Outcome::ALL {
            let text = template(LetterKind::Reply(outcome));
            assert!(text.starts_with(REPLY_OPENING), "{outcome:?}");
            assert!(text.contains(REPLY_DECISION), "{outcome:?}");
            assert!(text.ends_with(REMEDIES), "{outcome:?}");
        }
    }
}
