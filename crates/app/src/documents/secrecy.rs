//! 保密审查 and 公开属性 in the review chain: the reviewer records the confidentiality
//! review (conclusion, basis, date) and confirms the disclosure attribute before a
//! document is published (条例 Art. 17; Art. 14–16 for the grounds of not disclosing).
//! A review counts for the submission it follows: a document returned, changed and
//! submitted again is reviewed again.

use super::permit::{permitted_document, today};
use crate::access::{CurrentUser, DOCUMENT_REVIEWERS};
use crate::{App, DocumentId, Error, Result};
use gongkai_domain::calendar::parse_date;
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::lifecycle::{DocumentStatus, LifecycleStep};
use gongkai_domain::secrecy::{Conclusion, SecrecyReview};
use gongkai_store::documents;
use gongkai_store::documents::secrecy::{self, StoredReview};

/// The review form: a conclusion code, the basis, the date (`YYYY-MM-DD`, empty for
/// today) and the 公开属性 with its reason.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ReviewInput {
    pub conclusion: String,
    pub basis: String,
    pub reviewed_on: String,
    pub disclosure: String,
    pub disclosure_reason: String,
}

impl ReviewInput {
    fn review(&self) -> Result<SecrecyReview> {
        let reviewed_on = match self.reviewed_on.trim() {
            "" => today(),
            date => parse_date(date).map_err(|e| Error::invalid("审查日期", e.to_string()))?,
        };
        let disclosure = DisclosureAttribute::new(&self.disclosure, &self.disclosure_reason)
            .map_err(|e| Error::invalid("公开属性", e.to_string()))?;
        Ok(SecrecyReview::new(
            &self.conclusion,
            &self.basis,
            reviewed_on,
            disclosure,
            today(),
        )?)
    }
}

/// Records a reviewer's confidentiality review of a document in review.
pub async fn record_review(
    app: &App,
    user: &CurrentUser,
    id: DocumentId,
    input: &ReviewInput,
) -> Result<StoredReview> {
    let (document, _) = permitted_document(app, user, id, &DOCUMENT_REVIEWERS).await?;
    if document.status != DocumentStatus::InReview {
        return Err(Error::invalid("保密审查", "文件提交审核后才能进行保密审查"));
    }
    let review = input.review()?;
    let mut tx = app.store.begin(user.actor()).await?;
    let stored = secrecy::record(&mut tx, id, &review).await?;
    tx.commit().await?;
    Ok(stored)
}

/// The reviews of a document, oldest first.
pub async fn reviews_of(app: &App, id: DocumentId) -> Result<Vec<StoredReview>> {
    Ok(secrecy::of_document(&app.store, id).await?)
}

/// The review that lets the document be published: the latest one, made after its
/// latest submission, that cleared it.
pub(crate) async fn require_review(app: &App, id: DocumentId) -> Result<StoredReview> {
    let submitted_at = documents::last_step(&app.store, id, LifecycleStep::Submit)
        .await?
        .map(|e| e.at);
    let latest = reviews_of(app, id).await?.pop();
    let missing = || {
        Error::invalid(
            "保密审查",
            "发布前须完成保密审查，记录审查结论、依据、日期并确认公开属性",
        )
    };
    let review = match (latest, submitted_at) {
        (Some(review), Some(at)) if review.recorded_at >= at => review,
        (Some(review), None) => review,
        _ => return Err(missing()),
    };
    if review.review.conclusion == Conclusion::NotCleared {
        return Err(Error::invalid(
            "保密审查",
            "保密审查结论为涉密或敏感，不能发布，请退回处理",
        ));
    }
    Ok(review)
}
