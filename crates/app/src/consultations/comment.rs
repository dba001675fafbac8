//! A comment from the public on an open consultation: its text (never empty, never
//! longer than configured), and the name and contact as the office asks for them
//! (kept private).

use super::view::stage_of;
use crate::config::Ask;
use crate::form::Problems;
use crate::{App, Error, Result};
use gongkai_domain::consultation::Stage;
use gongkai_domain::contact::ContactKind;
use gongkai_store::consultations::{self, NewComment};
use gongkai_store::{Actor, ConsultationId};
use serde::Deserialize;

/// The longest name or contact, in characters.
const MAX_SHORT_CHARS: usize = 100;

/// The comment form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CommentInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub body: String,
}

/// A field as the office asks for it: dropped when not asked, required when so set.
fn asked(
    problems: &mut Problems,
    ask: Ask,
    (value, contact): (&str, Option<ContactKind>),
    field: &str,
) -> String {
    if ask == Ask::No {
        return String::new();
    }
    let value = match contact {
        Some(kind) => problems.contact(value, kind, field),
        None => problems.text(value, MAX_SHORT_CHARS, field),
    };
    if ask == Ask::Required && value.is_empty() {
        problems.add(field, "请填写");
    }
    value
}

/// Accepts a comment on consultation `id` while it is open.
pub async fn comment(app: &App, id: ConsultationId, input: &CommentInput) -> Result<()> {
    let consultation = consultations::get(&app.store, id).await?;
    match stage_of(&consultation) {
        Stage::Open { .. } => {}
        Stage::Upcoming => return Err(Error::NotFound("征求意见不存在".to_string())),
        Stage::Closed => {
            return Err(Error::invalid("意见", "本次征求意见已结束，不再接收意见"));
        }
    }
    let settings = &app.settings.participation;
    let mut problems = Problems::default();
    let max = usize::try_from(settings.max_comment_chars).unwrap_or(usize::MAX);
    let body = problems.text(&input.body, max, "意见内容");
    if body.is_empty() {
        problems.add("意见内容", "请填写");
    }
    let comment = NewComment {
        name: asked(
            &mut problems,
            settings.comment_name,
            (&input.name, None),
            "姓名",
        ),
        contact: asked(
            &mut problems,
            settings.comment_contact,
            (&input.contact, Some(ContactKind::PhoneOrEmail)),
            "联系方式",
        ),
        body,
    };
    problems.finish()?;
    let mut tx = app.store.begin(Actor::system("portal")).await?;
    consultations::add_comment(&mut tx, id, &comment).await?;
    tx.commit().await?;
    Ok(())
}
