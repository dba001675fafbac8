//! Review and validity of documents: submit, return and publish (三审), relations
//! between documents with their effect on validity (立改废), and the cleanup (清理)
//! of normative documents.

use super::permit::{permitted_document, today};
use crate::access::{self, CurrentUser, DOCUMENT_EDITORS, DOCUMENT_REVIEWERS};
use crate::{App, DocumentId, Error, Result};
use chrono::{Datelike, NaiveDate};
use gongkai_domain::calendar::parse_date;
use gongkai_domain::lifecycle::{DocumentStatus, LifecycleStep};
use gongkai_domain::relation::RelationKind;
use gongkai_domain::validity::Validity;
use gongkai_store::documents::{self, CleanupFilter, Document};
use gongkai_store::orgs;
use gongkai_store::{WriteTx, relations};

/// Takes a review step. Editors submit; reviewers return (with a reason) or publish,
/// and never a document they submitted themselves: 三审 needs a second person.
/// Publishing needs the 保密审查 of this submission and no open personal-information
/// finding (the document is scanned again first), and applies the document's amending
/// and repealing relations.
pub async fn take_step(
    app: &App,
    user: &CurrentUser,
    id: DocumentId,
    step: LifecycleStep,
    note: &str,
) -> Result<Document> {
    permitted_document(app, user, id, step_roles(step)).await?;
    let note = note.trim();
    if step == LifecycleStep::Return && note.is_empty() {
        return Err(Error::invalid("退回理由", "请说明退回理由"));
    }
    if step == LifecycleStep::Publish && submitted_by(app, id).await? == Some(user.id) {
        return Err(Error::invalid(
            "审核",
            "不能审核发布自己提交的文件，请由另一位审核人员处理",
        ));
    }
    if step == LifecycleStep::Publish {
        super::secrecy::require_review(app, id).await?;
        super::pii::require_no_open(&super::pii::rescan(app, user, id).await?)?;
    }
    let mut tx = app.store.begin(user.actor()).await?;
    let document = documents::step(&mut tx, id, step, note, today()).await?;
    if step == LifecycleStep::Publish {
        apply_relations(app, &mut tx, &document).await?;
    }
    tx.commit().await?;
    Ok(document)
}

/// What a user may do with one document, for the console to offer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allowed {
    /// Change its fields.
    pub edit: bool,
    /// Attach files, relate it to others, change its validity.
    pub manage: bool,
    /// The review steps its status allows and the user's roles permit.
    pub steps: Vec<LifecycleStep>,
    /// Record its 保密审查 (a reviewer, while it is in review).
    pub secrecy_review: bool,
    /// Mask personal information in its title or body.
    pub mask: bool,
    /// Dismiss a personal-information finding with a reason (a reviewer).
    pub dismiss: bool,
}

/// What `user` may do with `document`.
pub async fn allowed(app: &App, user: &CurrentUser, document: &Document) -> Result<Allowed> {
    let all_orgs = orgs::list(&app.store).await?;
    let issuer = document.fields.issuer_id;
    let may = |roles: &[gongkai_domain::role::Role]| {
        access::require_document_role(user, roles, issuer, &all_orgs).is_ok()
    };
    Ok(Allowed {
        edit: may(super::edit::edit_roles(document.status)),
        manage: may(&DOCUMENT_EDITORS),
        steps: LifecycleStep::ALL
            .into_iter()
            .filter(|&step| document.status.after(step).is_some() && may(step_roles(step)))
            .collect(),
        secrecy_review: document.status == DocumentStatus::InReview && may(&DOCUMENT_REVIEWERS),
        mask: may(&super::pii::MASKERS),
        dismiss: may(&DOCUMENT_REVIEWERS),
    })
}

fn step_roles(step: LifecycleStep) -> &'static [gongkai_domain::role::Role] {
    match step {
        LifecycleStep::Submit => &DOCUMENT_EDITORS,
        LifecycleStep::Return | LifecycleStep::Publish => &DOCUMENT_REVIEWERS,
    }
}

/// Who submitted the document for review most recently.
async fn submitted_by(app: &App, id: DocumentId) -> Result<Option<gongkai_store::UserId>> {
    let submitted = documents::last_step(&app.store, id, LifecycleStep::Submit).await?;
    Ok(submitted.and_then(|e| e.actor_id))
}

/// The reason recorded on a document that `source` amends or repeals.
fn replaced_reason(kind: RelationKind, source: &Document) -> String {
    let number = match source.fields.doc_number.as_str() {
        "" => String::new(),
        n => format!("（{n}）"),
    };
    format!("被《{}》{number}{}", source.fields.title, kind.label_zh())
}

/// Marks the documents that a published `source` amends or repeals.
async fn apply_relations(app: &App, tx: &mut WriteTx, source: &Document) -> Result<()> {
    let on = source.fields.published_on.unwrap_or_else(today);
    for relation in relations::of(&app.store, source.id).await?.outgoing {
        if let Some(validity) = relation.kind.target_validity() {
            let reason = replaced_reason(relation.kind, source);
            let replaced_by = relation.kind.replaces_target().then_some(source.id);
            documents::change_validity(tx, relation.other.id, validity, on, &reason, replaced_by)
                .await?;
        }
    }
    Ok(())
}

/// Finds a document named by its id, 索引号 or 发文字号 (any bracket variant).
pub async fn find_document(app: &App, reference: &str) -> Result<Document> {
    let reference = reference.trim();
    let not_found = || Error::invalid("关联文件", format!("找不到文件“{reference}”"));
    if let Ok(id) = reference.parse::<i64>() {
        return documents::get(&app.store, DocumentId(id))
            .await
            .map_err(|_| not_found());
    }
    if let Some(found) = documents::find_by_index_number(&app.store, reference).await? {
        return Ok(found);
    }
    let key = gongkai_domain::doc_number::DocNumber::parse(reference)
        .map_err(|_| not_found())?
        .normalized();
    documents::find_by_doc_number_key(&app.store, &key)
        .await?
        .ok_or_else(not_found)
}

/// Records that `source` amends / repeals / interprets / is based on the document
/// named by `target`; amending or repealing needs the right to write the target's
/// documents too (anyone may interpret or cite another unit's). A published source that amends or repeals changes the
/// target's validity at once; a draft does so when it is published.
pub async fn relate(
    app: &App,
    user: &CurrentUser,
    source: DocumentId,
    target: &str,
    kind: RelationKind,
) -> Result<()> {
    let (source, all_orgs) = permitted_document(app, user, source, &DOCUMENT_EDITORS).await?;
    let target = find_document(app, target).await?;
    if kind.target_validity().is_some() {
        // Amending or repealing changes the target: only its issuer's writers may.
        let issuer = target.fields.issuer_id;
        access::require_document_role(user, &DOCUMENT_EDITORS, issuer, &all_orgs)?;
    }
    let mut tx = app.store.begin(user.actor()).await?;
    relations::add(&mut tx, source.id, target.id, kind).await?;
    if let (Some(validity), true) = (kind.target_validity(), source.published_at.is_some()) {
        let on = source.fields.published_on.unwrap_or_else(today);
        let reason = replaced_reason(kind, &source);
        let replaced_by = kind.replaces_target().then_some(source.id);
        documents::change_validity(&mut tx, target.id, validity, on, &reason, replaced_by).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The relations of a document from both ends.
pub async fn relations_of(app: &App, id: DocumentId) -> Result<relations::Relations> {
    Ok(relations::of(&app.store, id).await?)
}

/// Removes a relation (the target's validity stays as it is: change it explicitly).
pub async fn unrelate(
    app: &App,
    user: &CurrentUser,
    source: DocumentId,
    target: DocumentId,
    kind: RelationKind,
) -> Result<()> {
    permitted_document(app, user, source, &DOCUMENT_EDITORS).await?;
    let mut tx = app.store.begin(user.actor()).await?;
    relations::remove(&mut tx, source, target, kind).await?;
    tx.commit().await?;
    Ok(())
}

/// A validity change as the console form submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ValidityInput {
    /// A validity code or name (有效, 失效, 废止, 已修改).
    pub validity: String,
    /// `YYYY-MM-DD`; today when empty.
    pub on: String,
    pub reason: String,
    /// The id, 索引号 or 发文字号 of the document that replaced this one, if any.
    pub replaced_by: String,
}

struct ValidityChange {
    validity: Validity,
    on: NaiveDate,
    reason: String,
    replaced_by: Option<DocumentId>,
}

async fn validity_change(app: &App, input: &ValidityInput) -> Result<ValidityChange> {
    let validity =
        Validity::parse(&input.validity).map_err(|e| Error::invalid("有效性", e.to_string()))?;
    let on = match input.on.trim() {
        "" => today(),
        text => parse_date(text).map_err(|e| Error::invalid("变更日期", e.to_string()))?,
    };
    let reason = input.reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid("变更理由", "请说明有效性变更的理由"));
    }
    let replaced_by = match input.replaced_by.trim() {
        "" => None,
        reference => Some(find_document(app, reference).await?.id),
    };
    Ok(ValidityChange {
        validity,
        on,
        reason: reason.to_string(),
        replaced_by,
    })
}

/// Changes the validity of one document (立改废), recording date, reason and the
/// document that replaced it.
pub async fn change_validity(
    app: &App,
    user: &CurrentUser,
    id: DocumentId,
    input: &ValidityInput,
) -> Result<Document> {
    permitted_document(app, user, id, &DOCUMENT_EDITORS).await?;
    let change = validity_change(app, input).await?;
    if change.replaced_by == Some(id) {
        return Err(Error::invalid("替代文件", "不能由文件自身替代"));
    }
    let mut tx = app.store.begin(user.actor()).await?;
    let document = documents::change_validity(
        &mut tx,
        id,
        change.validity,
        change.on,
        &change.reason,
        change.replaced_by,
    )
    .await?;
    tx.commit().await?;
    Ok(document)
}

/// What waits for the user in the library: documents in review (for those who may
/// review), drafts, and normative documents due for cleanup within 90 days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Worklist {
    pub in_review: i64,
    pub drafts: i64,
    pub cleanup: i64,
    /// Personal-information findings not yet dealt with.
    pub pii_open: i64,
}

/// The user's [`Worklist`], counted over the documents they may see.
pub async fn worklist(app: &App, user: &CurrentUser) -> Result<Worklist> {
    let count = |status| super::edit::console_list(app, user, Some(status), None, 1);
    let reviewer = DOCUMENT_REVIEWERS.iter().any(|&role| user.has_role(role));
    Ok(Worklist {
        in_review: if reviewer {
            count(DocumentStatus::InReview).await?.1
        } else {
            0
        },
        drafts: count(DocumentStatus::Draft).await?.1,
        cleanup: cleanup_list(app, user, 90).await?.1,
        pii_open: i64::try_from(super::pii::open_findings(app, user).await?.len())
            .unwrap_or(i64::MAX),
    })
}

/// Most documents one cleanup list shows.
pub const CLEANUP_LIMIT: i64 = 500;

/// Normative documents due for cleanup (清理): those whose validity period ends
/// within `within_days` calendar days, and those not reviewed this year.
pub async fn cleanup_list(
    app: &App,
    user: &CurrentUser,
    within_days: u32,
) -> Result<(Vec<Document>, i64)> {
    let all_orgs = orgs::list(&app.store).await?;
    let today = today();
    let filter = CleanupFilter {
        issuers: access::visible_issuers(user, &all_orgs),
        expiring_by: today + chrono::Days::new(u64::from(within_days)),
        reviewed_since: NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
    };
    Ok(documents::cleanup_candidates(&app.store, &filter, CLEANUP_LIMIT).await?)
}

/// What a cleanup decides for the documents it selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CleanupDecision {
    /// Reviewed and kept in force (继续有效).
    Keep,
    /// The validity changes, e.g. to 失效 or 废止.
    Change(Validity),
}

/// Applies one decision to every selected document in one transaction: all of them
/// change, or none (a refused document names itself in the error).
pub async fn cleanup_batch(
    app: &App,
    user: &CurrentUser,
    ids: &[DocumentId],
    decision: CleanupDecision,
    input: &ValidityInput,
) -> Result<usize> {
    if ids.is_empty() {
        return Err(Error::invalid("文件", "请至少选择一个文件"));
    }
    let all_orgs = orgs::list(&app.store).await?;
    let change = validity_change(
        app,
        &ValidityInput {
            validity: Validity::Valid.code().to_string(),
            ..input.clone()
        },
    )
    .await?;
    let mut tx = app.store.begin(user.actor()).await?;
    for &id in ids {
        let document = documents::get(&app.store, id).await?;
        access::require_document_role(
            user,
            &DOCUMENT_EDITORS,
            document.fields.issuer_id,
            &all_orgs,
        )
        .map_err(|_| Error::invalid("文件", format!("无权清理《{}》", document.fields.title)))?;
        match decision {
            CleanupDecision::Keep => {
                documents::mark_reviewed(&mut tx, id, change.on, &change.reason).await?;
            }
            CleanupDecision::Change(validity) => {
                documents::change_validity(
                    &mut tx,
                    id,
                    validity,
                    change.on,
                    &change.reason,
                    change.replaced_by,
                )
                .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(ids.len())
}
