//! What can happen to a request: the kinds of event, with their stable codes and names.

/// What happened to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// The correction notice (补正告知) was sent.
    CorrectionNotice,
    /// The corrected request was received: the clock restarts.
    Corrected,
    /// A consultation (third party or other agency) stopped the clock.
    Stop,
    /// The reply period was extended (with the approver in the note).
    Extension,
    /// The reply was given.
    Reply,
    /// The request was assigned to the unit holding the information (交办).
    Assign,
    /// The request was transferred to another unit, with the reason (转办).
    Transfer,
    /// An internal note of the staff (never shown to the applicant).
    Note,
    /// The fee notice (收费通知) was sent, with the amount.
    FeeNotice,
    /// The fee was paid.
    FeePaid,
    /// The reply was delivered to the applicant (送达), with how.
    Delivery,
    /// A correction of the reply given (更正): what was wrong and what stands now. The
    /// reply itself is given once; its outcome stays as recorded.
    ReplyCorrection,
}

impl EventKind {
    const ALL: [EventKind; 12] = [
        EventKind::CorrectionNotice,
        EventKind::Corrected,
        EventKind::Stop,
        EventKind::Extension,
        EventKind::Reply,
        EventKind::Assign,
        EventKind::Transfer,
        EventKind::Note,
        EventKind::FeeNotice,
        EventKind::FeePaid,
        EventKind::Delivery,
        EventKind::ReplyCorrection,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::CorrectionNotice => "correction_notice",
            EventKind::Corrected => "corrected",
            EventKind::Stop => "stop",
            EventKind::Extension => "extension",
            EventKind::Reply => "reply",
            EventKind::Assign => "assign",
            EventKind::Transfer => "transfer",
            EventKind::Note => "note",
            EventKind::FeeNotice => "fee_notice",
            EventKind::FeePaid => "fee_paid",
            EventKind::Delivery => "delivery",
            EventKind::ReplyCorrection => "reply_correction",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            EventKind::CorrectionNotice => "发出补正告知",
            EventKind::Corrected => "收到补正后的申请",
            EventKind::Stop => "征求意见（中止计算）",
            EventKind::Extension => "延长答复期限",
            EventKind::Reply => "答复",
            EventKind::Assign => "交办",
            EventKind::Transfer => "转办",
            EventKind::Note => "内部备注",
            EventKind::FeeNotice => "发出收费通知",
            EventKind::FeePaid => "申请人缴费",
            EventKind::Delivery => "送达答复",
            EventKind::ReplyCorrection => "更正答复",
        }
    }

    /// Whether the applicant's tracking page lists the event: the steps of the
    /// statutory procedure do; assignment, transfer and notes are internal.
    pub fn shown_to_applicant(self) -> bool {
        !matches!(
            self,
            EventKind::Assign | EventKind::Transfer | EventKind::Note
        )
    }

    /// Whether the applicant also reads the event's note: only a reply correction's,
    /// which is written to them; other notes name consulted parties or staff matters.
    pub fn note_shown_to_applicant(self) -> bool {
        self == EventKind::ReplyCorrection
    }

    pub fn parse(code: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.code() == code)
    }
}
