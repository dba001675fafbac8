//! What the writer sees of their message, found by its serial and private tracking
//! code together (a wrong pair is "not found", whichever part is wrong): where it
//! stands, its due date, the public steps and the reply; and the writer's rating of
//! the reply, once.

use super::view::{MessageView, view_of};
use crate::documents::today;
use crate::form::Problems;
use crate::tracking::tracking_hash;
use crate::{App, Error, Result};
use gongkai_store::messages::{self, Status, Step};
use gongkai_store::{Actor, orgs};

/// A message as its writer tracks it: internal steps left out.
#[derive(Debug, Clone)]
pub struct Tracked {
    pub view: MessageView,
}

fn not_found() -> Error {
    Error::NotFound("没有找到该留言：请核对留言编号和查询码".to_string())
}

/// The message with this serial and tracking code.
pub async fn track(app: &App, serial: &str, code: &str) -> Result<Tracked> {
    let found = messages::find_by_tracking_hash(&app.store, &tracking_hash(code))
        .await?
        .filter(|m| m.serial == serial.trim())
        .ok_or_else(not_found)?;
    let mailbox = messages::get_box(&app.store, found.fields.mailbox_id).await?;
    let all = orgs::list(&app.store).await?;
    let mut view = view_of(app, found, mailbox, &all, true).await?;
    view.events.retain(|e| e.kind.is_public());
    Ok(Tracked { view })
}

/// The writer's satisfaction with the reply, 1 to 5, with a remark; once.
pub async fn rate(app: &App, serial: &str, code: &str, score: &str, note: &str) -> Result<()> {
    let tracked = track(app, serial, code).await?;
    let m = &tracked.view.message;
    if m.status != Status::Replied {
        return Err(Error::invalid("满意度评价", "答复后才能评价"));
    }
    if m.rating.is_some() {
        return Err(Error::invalid("满意度评价", "已经评价过了"));
    }
    let mut problems = Problems::default();
    let score = match score.trim().parse::<u8>() {
        Ok(n) if (1..=5).contains(&n) => n,
        _ => {
            problems.add("满意度", "请选择 1 到 5");
            0
        }
    };
    let note = problems.text(note, 500, "评价意见");
    problems.finish()?;
    let mut tx = app.store.begin(Actor::system("portal")).await?;
    messages::record_step(&mut tx, m, &Step::Rate { score, note }, today()).await?;
    tx.commit().await?;
    Ok(())
}
