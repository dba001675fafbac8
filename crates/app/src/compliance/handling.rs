//! The indicators read from what the public sends: disclosure requests replied by
//! their due date (条例 Art. 33), messages within their box's period, and policy
//! questions (咨询) within 5 working days (seed 002).

use super::sourced::Sourced;
use crate::{App, Result};
use chrono::NaiveDate;
use gongkai_domain::compliance::{Indicator, Item, POLICY_QUESTION_WORKDAYS, RecordRef};
use gongkai_domain::message::Category;
use gongkai_store::messages::Status;

async fn requests(app: &App, today: NaiveDate, out: &mut Sourced) -> Result<()> {
    for h in crate::requests::every_request(app, |_| true).await? {
        let r = &h.request;
        let unit = r.handling_org.unwrap_or(r.fields.org_id);
        let done = r.reply.as_ref().map(|(on, _)| *on);
        let label = format!("依申请公开 {}", r.serial);
        let record = RecordRef {
            kind: "request",
            id: r.id.0,
        };
        let found = Item::judged(&app.calendar, record, label, h.reckoning.due, done, today);
        out.push(Indicator::Requests, Some(unit), found);
    }
    Ok(())
}

async fn messages(app: &App, today: NaiveDate, out: &mut Sourced) -> Result<()> {
    for v in crate::messages::views(app, |m, _, _| m.status != Status::Refused).await? {
        let m = &v.message;
        let unit = m.handling_org.unwrap_or(v.mailbox.fields.org_id);
        let label = format!("留言 {}《{}》", m.serial, m.fields.title);
        let record = RecordRef {
            kind: "message",
            id: m.id.0,
        };
        let found = Item::judged(
            &app.calendar,
            record.clone(),
            label.clone(),
            v.due.due,
            m.replied_on,
            today,
        );
        out.push(Indicator::Messages, Some(unit), found);
        if m.fields.category == Category::Consultation {
            let due = app
                .calendar
                .add_workdays(m.fields.received_on, POLICY_QUESTION_WORKDAYS)
                .value;
            let found = Item::judged(&app.calendar, record, label, due, m.replied_on, today);
            out.push(Indicator::PolicyQuestions, Some(unit), found);
        }
    }
    Ok(())
}

/// The indicators of requests and messages.
pub(super) async fn collect(app: &App, today: NaiveDate, out: &mut Sourced) -> Result<()> {
    requests(app, today, out).await?;
    messages(app, today, out).await
}
