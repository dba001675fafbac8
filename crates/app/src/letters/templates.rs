//! An agency's own letter templates: listed with the built-in ones, edited, checked
//! before they are saved (known fields, balanced braces) and reset to the built-in
//! text. Only those who handle the agency's requests may change them.

use crate::access::CurrentUser;
use crate::requests::{handles, require_handler};
use crate::{App, Error, Result};
use gongkai_domain::letter::{self, LetterKind};
use gongkai_domain::org::OrgKind;
use gongkai_store::letters::{self as stored, LetterTemplate};
use gongkai_store::orgs::{self, Org};
use gongkai_store::{OrgId, Timestamp};

/// Longest template, in characters.
const MAX_TEMPLATE_CHARS: usize = 10_000;

/// One kind of letter of an agency, with the text in force.
#[derive(Debug, Clone)]
pub struct TemplateRow {
    pub kind: LetterKind,
    pub code: String,
    pub label: String,
    pub body: String,
    /// Who saved the agency's own text and when; none while the built-in one applies.
    pub saved: Option<(String, Timestamp)>,
}

/// The text of `kind` in force for `org`: its own, else the built-in one.
pub(crate) async fn body_of(app: &App, org: OrgId, kind: LetterKind) -> Result<String> {
    Ok(stored::get(&app.store, org, kind)
        .await?
        .map_or_else(|| kind.default_template().to_string(), |t| t.body))
}

fn row(kind: LetterKind, own: Option<&LetterTemplate>) -> TemplateRow {
    TemplateRow {
        kind,
        code: kind.code(),
        label: kind.label_zh(),
        body: own.map_or_else(|| kind.default_template().to_string(), |t| t.body.clone()),
        saved: own.map(|t| (t.updated_by.clone(), t.updated_at)),
    }
}

/// The agencies whose templates the user may edit: those whose requests they handle
/// (top-level units and governments, where requests are addressed).
pub async fn agencies(app: &App, user: &CurrentUser) -> Result<Vec<Org>> {
    let all = orgs::list(&app.store).await?;
    Ok(all
        .iter()
        .filter(|o| o.parent_id.is_none() || o.kind == OrgKind::Government)
        .filter(|o| handles(user, o.id, &all))
        .cloned()
        .collect())
}

/// Every kind of letter of an agency with the text in force.
pub async fn list(app: &App, user: &CurrentUser, org: OrgId) -> Result<Vec<TemplateRow>> {
    require_handler(app, user, org).await?;
    let own = stored::list(&app.store, org).await?;
    Ok(LetterKind::all()
        .into_iter()
        .map(|kind| row(kind, own.iter().find(|t| t.kind == kind.code())))
        .collect())
}

fn kind_of(code: &str) -> Result<LetterKind> {
    LetterKind::parse(code).ok_or_else(|| Error::NotFound("没有这种文书".to_string()))
}

/// One kind of an agency's letters.
pub async fn get(app: &App, user: &CurrentUser, org: OrgId, code: &str) -> Result<TemplateRow> {
    require_handler(app, user, org).await?;
    let kind = kind_of(code)?;
    let own = stored::get(&app.store, org, kind).await?;
    Ok(row(kind, own.as_ref()))
}

/// Saves the agency's text of a kind after checking it; the built-in text saved
/// unchanged resets the kind instead.
pub async fn save(app: &App, user: &CurrentUser, org: OrgId, code: &str, body: &str) -> Result<()> {
    require_handler(app, user, org).await?;
    let kind = kind_of(code)?;
    let body = body.replace("\r\n", "\n");
    let body = body.trim();
    if body.chars().count() > MAX_TEMPLATE_CHARS {
        return Err(Error::invalid(
            "模板",
            format!("不能超过 {MAX_TEMPLATE_CHARS} 个字"),
        ));
    }
    letter::validate(body)?;
    let mut tx = app.store.begin(user.actor()).await?;
    if body == kind.default_template() {
        stored::reset(&mut tx, org, kind).await?;
    } else {
        stored::set(&mut tx, org, kind, body).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Drops the agency's text of a kind: the built-in one applies again.
pub async fn reset(app: &App, user: &CurrentUser, org: OrgId, code: &str) -> Result<()> {
    require_handler(app, user, org).await?;
    let kind = kind_of(code)?;
    let mut tx = app.store.begin(user.actor()).await?;
    stored::reset(&mut tx, org, kind).await?;
    tx.commit().await?;
    Ok(())
}
