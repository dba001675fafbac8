//! The handling steps of a request beyond the statutory clock's own (correction,
//! consultation, extension): assignment (交办) and transfer (转办) to the unit holding
//! the information, internal notes, the fee notice and payment (信息处理费), and the
//! delivery of the reply; and the checks a reply's outcome needs from the record
//! (其他处理 rows 1 and 2 only when the applicant really did not correct or pay).

use super::{Handling, StepInput};
use crate::{App, Error, Result};
use chrono::{Datelike, NaiveDate};
use gongkai_domain::annual_report::Outcome;
use gongkai_domain::fees::{self, PAYMENT_WORKDAYS};
use gongkai_domain::request_clock::{Stop, StopReason};
use gongkai_store::OrgId;
use gongkai_store::orgs::Org;
use gongkai_store::requests::{self, Event, EventKind, NewEvent};

/// The longest note, in characters.
const MAX_NOTE_CHARS: usize = 2000;

fn last(events: &[Event], kind: EventKind) -> Option<&Event> {
    events.iter().rev().find(|e| e.kind == kind)
}

/// The payment window of a fee notice sent on `notice_on`: 20 working days from the
/// day after the applicant receives it (国办函〔2020〕109号). The notice goes by the
/// applicant's chosen channel; the platform takes the day it was sent as received.
pub fn payment_due(app: &App, notice_on: NaiveDate) -> NaiveDate {
    fees::payment_due(notice_on, &app.calendar).value
}

/// The stop of the clock a fee notice makes, when the office's setting says the
/// payment window does not count: from the notice to the payment, or, unpaid, to the
/// end of the window (or today, while it runs).
pub fn fee_stop(app: &App, events: &[Event], today: NaiveDate) -> Option<Stop> {
    if !app.settings.requests.fee_stops_clock {
        return None;
    }
    let notice = last(events, EventKind::FeeNotice)?;
    let to = match last(events, EventKind::FeePaid) {
        Some(paid) => paid.on,
        None => payment_due(app, notice.on).min(today).max(notice.on),
    };
    Some(Stop {
        from: notice.on,
        to,
        reason: StopReason::Payment,
    })
}

/// The note of a step: required where `field` is given, never longer than the limit.
fn note(input: &StepInput, required: Option<&str>) -> Result<String> {
    let text = input.note.trim().to_string();
    if let (Some(field), true) = (required, text.is_empty()) {
        return Err(Error::invalid(field, "请填写"));
    }
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(Error::invalid(
            "说明",
            format!("不能超过 {MAX_NOTE_CHARS} 个字"),
        ));
    }
    Ok(text)
}

/// An assignment or transfer to a unit of the agency's government; a transfer needs a
/// unit other than the current one and the reason.
pub fn assignment(
    current: &Handling,
    input: &StepInput,
    on: NaiveDate,
    all: &[Org],
) -> Result<NewEvent> {
    let transfer = input.kind == "transfer";
    let unit: OrgId = input
        .org
        .trim()
        .parse()
        .map_err(|_| Error::invalid("承办单位", "请选择承办单位"))?;
    let agency = current.request.fields.org_id;
    let government = crate::access::government_of(all, agency);
    if !all.iter().any(|o| o.id == unit) || !crate::ledgers::units::is_within(all, unit, government)
    {
        return Err(Error::invalid("承办单位", "应为本级政府所属单位"));
    }
    if transfer && current.request.handling_org.is_none() {
        return Err(Error::invalid("转办", "尚未交办，请先交办"));
    }
    if transfer && current.request.handling_org == Some(unit) {
        return Err(Error::invalid("承办单位", "已由该单位承办"));
    }
    let (kind, required) = if transfer {
        (EventKind::Transfer, Some("转办理由"))
    } else {
        (EventKind::Assign, None)
    };
    Ok(NewEvent {
        note: note(input, required)?,
        org_id: Some(unit),
        ..NewEvent::on(kind, on)
    })
}

/// An internal note: text required.
pub fn internal_note(input: &StepInput, on: NaiveDate) -> Result<NewEvent> {
    Ok(NewEvent {
        note: note(input, Some("备注内容"))?,
        ..NewEvent::on(EventKind::Note, on)
    })
}

/// The fee notice: once, by one method (按件 or 按量, never both), for an amount the
/// rules make due; a request the rules leave free gets no notice.
pub async fn fee_notice(
    app: &App,
    current: &Handling,
    input: &StepInput,
    on: NaiveDate,
) -> Result<NewEvent> {
    if last(&current.events, EventKind::FeeNotice).is_some() {
        return Err(Error::invalid("收费通知", "收费通知只能发出一次"));
    }
    let (method, amount) = match input.method.as_str() {
        "per_request" => {
            let fields = &current.request.fields;
            let rank = requests::rank_in_month(
                &app.store,
                &fields.id_number,
                fields.received_on,
                current.request.id,
            )
            .await?;
            let n = u32::try_from(rank).unwrap_or(u32::MAX);
            let month = format!(
                "{}年{}月",
                fields.received_on.year(),
                fields.received_on.month()
            );
            (
                format!("按件计收：该申请人{month}第 {n} 件申请"),
                u64::from(fees::per_request_fee(n)),
            )
        }
        "per_page" => {
            let pages: u32 = input
                .pages
                .trim()
                .parse()
                .map_err(|_| Error::invalid("页数", "请填写提供信息的页数"))?;
            (format!("按量计收：{pages} 页"), fees::per_page_fee(pages))
        }
        _ => return Err(Error::invalid("计收方式", "请选择按件或按量计收")),
    };
    if amount == 0 {
        return Err(Error::invalid(
            "收费通知",
            format!("{method}，按规定不收费（国办函〔2020〕109号）"),
        ));
    }
    // The record keeps the method as its note, the amount and the last day to pay.
    Ok(NewEvent {
        note: method,
        until: Some(payment_due(app, on)),
        amount: Some(amount),
        ..NewEvent::on(EventKind::FeeNotice, on)
    })
}

/// The payment: after the notice, once, within the window.
pub fn fee_paid(
    app: &App,
    current: &Handling,
    input: &StepInput,
    on: NaiveDate,
) -> Result<NewEvent> {
    let notice = last(&current.events, EventKind::FeeNotice)
        .ok_or_else(|| Error::invalid("缴费", "尚未发出收费通知"))?;
    if last(&current.events, EventKind::FeePaid).is_some() {
        return Err(Error::invalid("缴费", "已记录缴费"));
    }
    let due = payment_due(app, notice.on);
    if on < notice.on || on > due {
        return Err(Error::invalid(
            "缴费日期",
            format!(
                "应在收费通知发出之日 {} 至缴费期限 {due} 之间（{PAYMENT_WORKDAYS} 个工作日）",
                notice.on
            ),
        ));
    }
    Ok(NewEvent {
        note: note(input, None)?,
        ..NewEvent::on(EventKind::FeePaid, on)
    })
}

/// The delivery of the reply (送达): after the reply, with how it was delivered.
pub fn delivery(current: &Handling, input: &StepInput, on: NaiveDate) -> Result<NewEvent> {
    let Some((replied_on, _)) = current.request.reply else {
        return Err(Error::invalid("送达", "尚未答复"));
    };
    if on < replied_on {
        return Err(Error::invalid("送达日期", "不能早于答复日期"));
    }
    Ok(NewEvent {
        note: note(input, Some("送达方式"))?,
        ..NewEvent::on(EventKind::Delivery, on)
    })
}

/// A correction of the reply given (更正答复): after the reply, with what it corrects.
/// The reply is given once (a second one is refused); a correction is a new event of
/// the timeline, linked to the reply by following it, and the applicant sees it.
pub fn reply_correction(current: &Handling, input: &StepInput, on: NaiveDate) -> Result<NewEvent> {
    let Some((replied_on, _)) = current.request.reply else {
        return Err(Error::invalid("更正答复", "尚未答复"));
    };
    if on < replied_on {
        return Err(Error::invalid("更正日期", "不能早于答复日期"));
    }
    Ok(NewEvent {
        note: note(input, Some("更正内容"))?,
        ..NewEvent::on(EventKind::ReplyCorrection, on)
    })
}

/// The record a reply's outcome needs: 其他处理 row 1 only after a correction notice
/// left unanswered (条例第三十条), row 2 only after a fee notice left unpaid past its
/// window (国办函〔2020〕109号).
pub fn check_outcome(app: &App, current: &Handling, outcome: Outcome, on: NaiveDate) -> Result<()> {
    let events = &current.events;
    let supported = match outcome {
        Outcome::OtherNoCorrection => {
            last(events, EventKind::CorrectionNotice).is_some()
                && last(events, EventKind::Corrected).is_none()
        }
        Outcome::OtherUnpaidFee => {
            last(events, EventKind::FeeNotice).is_some_and(|n| on > payment_due(app, n.on))
                && last(events, EventKind::FeePaid).is_none()
        }
        _ => true,
    };
    if supported {
        return Ok(());
    }
    Err(Error::invalid(
        "办理结果",
        match outcome {
            Outcome::OtherNoCorrection => {
                "只有发出补正告知后申请人逾期未补正的，才能按“逾期不补正”处理"
            }
            _ => "只有收费通知的缴费期限届满仍未缴费的，才能按“逾期未缴费”处理",
        },
    ))
}
