//! The demo's disclosure requests, dated back from today: one just received online,
//! one by post that waited for a third party and was extended, and one answered. The
//! applicants are fictitious; their identity numbers only pass the check character.

use crate::documents::today;
use crate::requests::{RequestInput, record_as};
use crate::{App, Result};
use chrono::{Days, NaiveDate};
use gongkai_domain::annual_report::Outcome;
use gongkai_domain::request::Channel;
use gongkai_store::Actor;
use gongkai_store::requests::{self, EventKind, NewEvent};

fn input(name: &str, id_number: &str, description: &str) -> RequestInput {
    RequestInput {
        applicant_type: "natural_person".to_string(),
        applicant_name: name.to_string(),
        id_number: id_number.to_string(),
        phone: "023-00000000".to_string(),
        description: description.to_string(),
        preferred_form: "电子文本".to_string(),
        delivery: "电子邮件".to_string(),
        receipt_evidence: "EMS 签收单（演示）".to_string(),
        ..RequestInput::default()
    }
}

fn days_ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).unwrap_or_else(today)
}

pub(super) async fn seed(app: &App, actor: &Actor) -> Result<()> {
    let fresh = input(
        "王某",
        "11010519491231002X",
        "示例区2025年老旧小区改造项目清单",
    );
    record_as(app, actor.clone(), &fresh, Channel::Online, days_ago(3)).await?;

    let waiting = input(
        "李某",
        "110105194912310038",
        "东城街道某地块征收补偿方案及批复",
    );
    let waiting = record_as(app, actor.clone(), &waiting, Channel::Post, days_ago(30)).await?;
    let mut tx = app.store.begin(actor.clone()).await?;
    let steps = [
        (
            EventKind::Stop,
            days_ago(25),
            Some(days_ago(12)),
            None,
            "征求第三方（演示公司）意见",
        ),
        (
            EventKind::Extension,
            days_ago(5),
            None,
            Some(15),
            "区政务公开办负责人（演示）",
        ),
    ];
    for (kind, on, until, workdays, note) in steps {
        let event = NewEvent {
            kind,
            on,
            until,
            workdays,
            note: note.to_string(),
        };
        requests::add_event(&mut tx, waiting.request.id, &event).await?;
    }
    tx.commit().await?;

    let answered = input(
        "赵某",
        "110105194912310046",
        "示例区2024年财政预算执行情况报告",
    );
    let answered = record_as(app, actor.clone(), &answered, Channel::Email, days_ago(40)).await?;
    let mut tx = app.store.begin(actor.clone()).await?;
    let outcome = Outcome::Disclosed;
    requests::reply(
        &mut tx,
        answered.request.id,
        days_ago(28),
        outcome,
        outcome.legal_basis_zh(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
