//! Which columns of 法定主动公开内容 (条例第二十条、第二十一条) a document belongs to: the
//! rule (domain `platform::statutory`) suggests when a document is created, imported
//! or saved; its editors, reviewers and the office confirm or change the choice on the
//! document's page, or confirm the suggestions of many documents from one worklist.

use super::permit::permitted_document;
use crate::access::{CurrentUser, require_document_role};
use crate::{App, DocumentId, Error, Result};
use gongkai_domain::platform::statutory::{StatutoryColumn, catalogue, suggest};
use gongkai_domain::role::Role;
use gongkai_store::WriteTx;
use gongkai_store::documents::Document;
use gongkai_store::documents::columns::{self, DocumentColumn};
use gongkai_store::orgs;

/// Who may set a document's columns: those who write or review its issuer's
/// documents, and the office.
const COLUMN_EDITORS: [Role; 4] = [Role::Admin, Role::Office, Role::Editor, Role::Reviewer];

/// Most documents the worklist shows at a time.
pub const AWAITING_LIMIT: i64 = 200;

/// The installation's columns: Art. 20's fifteen and the configured Art. 21 items
/// (checked when the settings were loaded).
pub fn statutory_columns(app: &App) -> Result<Vec<StatutoryColumn>> {
    catalogue(&app.settings.platform.local_items).map_err(|reason| Error::Config {
        key: "platform.local_items".to_string(),
        reason,
    })
}

/// Records the rule's suggestions for a document just created, imported or saved
/// (a document whose columns were confirmed keeps them).
pub(crate) async fn suggest_in(app: &App, tx: &mut WriteTx, document: &Document) -> Result<()> {
    let f = &document.fields;
    let codes = suggest(&statutory_columns(app)?, &f.title, &f.topic, f.normative);
    columns::suggest(tx, document.id, &codes).await?;
    Ok(())
}

/// A column as a document's page offers it.
#[derive(Debug, Clone)]
pub struct ColumnChoice {
    pub column: StatutoryColumn,
    /// Ticked: confirmed, or suggested while nothing is confirmed.
    pub chosen: bool,
    /// The rule suggests it and nobody has confirmed yet.
    pub suggested: bool,
}

/// Every column with the document's choice, for its console page.
pub async fn choices(app: &App, id: DocumentId) -> Result<Vec<ColumnChoice>> {
    let stored: Vec<DocumentColumn> = columns::of_document(&app.store, id).await?;
    Ok(statutory_columns(app)?
        .into_iter()
        .map(|column| {
            let row = stored.iter().find(|s| s.code == column.code);
            ColumnChoice {
                column,
                chosen: row.is_some(),
                suggested: row.is_some_and(|r| !r.confirmed),
            }
        })
        .collect())
}

/// Sets the document's columns to `codes` (at least one, each of this installation).
pub async fn confirm(
    app: &App,
    user: &CurrentUser,
    id: DocumentId,
    codes: &[String],
) -> Result<()> {
    permitted_document(app, user, id, &COLUMN_EDITORS).await?;
    let known = statutory_columns(app)?;
    let mut chosen: Vec<String> = Vec::new();
    for code in codes {
        let code = code.trim();
        if !known.iter().any(|c| c.code == code) {
            return Err(Error::invalid(
                "所属栏目",
                format!("“{code}”不是本平台的栏目"),
            ));
        }
        if !chosen.iter().any(|c| c == code) {
            chosen.push(code.to_string());
        }
    }
    if chosen.is_empty() {
        return Err(Error::invalid(
            "所属栏目",
            "请至少选择一个栏目（无对应事项的选“其他政府信息”）",
        ));
    }
    let mut tx = app.store.begin(user.actor()).await?;
    columns::confirm(&mut tx, id, &chosen).await?;
    tx.commit().await?;
    Ok(())
}

/// Confirms the rule's suggestions for a document as they stand.
pub async fn confirm_suggested(app: &App, user: &CurrentUser, id: DocumentId) -> Result<()> {
    let suggested: Vec<String> = columns::of_document(&app.store, id)
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect();
    confirm(app, user, id, &suggested).await
}

/// Published documents whose columns are only suggested, that the user may confirm,
/// newest first.
pub async fn awaiting(app: &App, user: &CurrentUser) -> Result<Vec<(Document, Vec<String>)>> {
    let all_orgs = orgs::list(&app.store).await?;
    Ok(columns::awaiting_confirmation(&app.store, AWAITING_LIMIT)
        .await?
        .into_iter()
        .filter(|(d, _)| {
            require_document_role(user, &COLUMN_EDITORS, d.fields.issuer_id, &all_orgs).is_ok()
        })
        .collect())
}

/// The public documents of one column (1-based page) and how many there are.
pub async fn public_in_column(
    app: &App,
    code: &str,
    page: i64,
    per_page: i64,
) -> Result<(StatutoryColumn, Vec<Document>, i64)> {
    let column = statutory_columns(app)?
        .into_iter()
        .find(|c| c.code == code)
        .ok_or_else(|| Error::NotFound("栏目不存在".to_string()))?;
    let per_page = per_page.clamp(1, super::MAX_PAGE_SIZE);
    let offset = (page.max(1) - 1).saturating_mul(per_page);
    let (found, total) = columns::list_public_in(&app.store, code, per_page, offset).await?;
    Ok((column, found, total))
}

/// Every column with the number of public documents confirmed in it.
pub async fn public_counts(app: &App) -> Result<Vec<(StatutoryColumn, i64)>> {
    let counts = columns::public_counts(&app.store).await?;
    Ok(statutory_columns(app)?
        .into_iter()
        .map(|c| (c, counts.get(c.code).copied().unwrap_or(0)))
        .collect())
}
