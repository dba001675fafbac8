//! Each step staff take on a message, checked against where the message stands and
//! who may take it (`access`); every refusal is a Chinese message that saves nothing.

use super::access::{may_triage, may_work};
use super::view::clock_of;
use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use gongkai_domain::message::Refusal;
use gongkai_store::messages::{self, Mailbox, Message, Status, Step};
use gongkai_store::orgs::{self, Org};
use gongkai_store::{MessageId, OrgId};

const MAX_TEXT_CHARS: usize = 5000;

/// A step as the staff page's forms send it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct StepInput {
    /// accept, refuse, route, transfer, note, extend, reply or publish.
    #[serde(default)]
    pub step: String,
    /// Refuse: petition, disclosure_request or other.
    #[serde(default)]
    pub refusal: String,
    /// Route, transfer: the unit's id.
    #[serde(default)]
    pub org: String,
    /// Extend: the period in all, in working days.
    #[serde(default)]
    pub total: String,
    /// The reason, note, reply or text to publish.
    #[serde(default)]
    pub text: String,
}

fn required(text: &str, field: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, "请填写"));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(Error::invalid(
            field,
            format!("不能超过 {MAX_TEXT_CHARS} 个字"),
        ));
    }
    Ok(text.to_string())
}

fn unit(value: &str, all: &[Org]) -> Result<OrgId> {
    value
        .trim()
        .parse()
        .ok()
        .map(OrgId)
        .filter(|id| all.iter().any(|o| o.id == *id))
        .ok_or_else(|| Error::invalid("单位", "请选择单位"))
}

/// Refuses unless the message stands at one of `allowed`.
fn standing(m: &Message, allowed: &[Status], what: &str) -> Result<()> {
    if allowed.contains(&m.status) {
        Ok(())
    } else {
        Err(Error::invalid(
            what,
            format!("留言当前为“{}”，不能{what}", m.status.label_zh()),
        ))
    }
}

/// The step the input asks for, checked against the message and the user.
fn step_of(
    input: &StepInput,
    m: &Message,
    mailbox: &Mailbox,
    triage: bool,
    all: &[Org],
    settings: &crate::config::Settings,
) -> Result<Step> {
    let triage_only = || {
        if triage {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    };
    Ok(match input.step.as_str() {
        "accept" => {
            triage_only()?;
            standing(m, &[Status::New], "受理")?;
            Step::Accept
        }
        "refuse" => {
            triage_only()?;
            standing(m, &[Status::New], "不予受理")?;
            let refusal = Refusal::parse(&input.refusal)
                .ok_or_else(|| Error::invalid("不予受理原因", "请选择原因"))?;
            let reason = match refusal {
                Refusal::Other => required(&input.text, "不予受理理由")?,
                other => format!("{}{}", other.guidance_zh(), input.text.trim()),
            };
            Step::Refuse { refusal, reason }
        }
        "route" => {
            triage_only()?;
            standing(m, &[Status::Accepted], "交办")?;
            Step::Route {
                org: unit(&input.org, all)?,
            }
        }
        "transfer" => {
            triage_only()?;
            standing(m, &[Status::Accepted], "转办")?;
            let org = unit(&input.org, all)?;
            if Some(org) == m.handling_org {
                return Err(Error::invalid("转办", "已由该单位办理"));
            }
            Step::Transfer {
                org,
                reason: required(&input.text, "转办理由")?,
            }
        }
        "note" => Step::Note {
            text: required(&input.text, "备注")?,
        },
        "extend" => {
            triage_only()?;
            standing(m, &[Status::New, Status::Accepted], "延期")?;
            let total = input
                .total
                .trim()
                .parse()
                .map_err(|_| Error::invalid("延期后的时限", "请填写工作日数"))?;
            clock_of(m).check_extension(total, mailbox.fields.max_workdays)?;
            Step::Extend {
                total,
                reason: required(&input.text, "延期理由（含批准人）")?,
            }
        }
        "reply" => {
            standing(m, &[Status::Accepted], "答复")?;
            Step::Reply {
                text: required(&input.text, "答复内容")?,
            }
        }
        "publish" => {
            triage_only()?;
            standing(m, &[Status::Replied], "公开")?;
            if !m.fields.publish_consent {
                return Err(Error::invalid("公开", "留言人未同意公开"));
            }
            let text = required(&input.text, "公开内容")?;
            let guard = crate::guard::guard_of(settings, today());
            crate::guard::require_clean(&guard, "公开内容", &text)?;
            Step::Publish { text }
        }
        _ => return Err(Error::invalid("操作", "无法识别的操作")),
    })
}

/// Takes a step on message `id` for the user.
pub async fn take_step(
    app: &App,
    user: &CurrentUser,
    id: MessageId,
    input: &StepInput,
) -> Result<()> {
    let m = messages::get(&app.store, id).await?;
    let mailbox = messages::get_box(&app.store, m.fields.mailbox_id).await?;
    let all = orgs::list(&app.store).await?;
    if !may_work(user, &m, &mailbox, &all) {
        return Err(Error::Forbidden);
    }
    let triage = may_triage(user, &mailbox, &all);
    let step = step_of(input, &m, &mailbox, triage, &all, &app.settings)?;
    let mut tx = app.store.begin(user.actor()).await?;
    messages::record_step(&mut tx, &m, &step, today()).await?;
    tx.commit().await?;
    Ok(())
}
