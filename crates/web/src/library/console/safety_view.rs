//! The publication-safety section of a document's console page: the 保密审查 records
//! with the form a reviewer fills in, the personal information the guard found with
//! its mask and dismiss actions, and the attachments it could not read.

use crate::kit::error::WebError;
use crate::kit::format::local_time;
use gongkai_app::documents::pii::{self, place_of};
use gongkai_app::documents::secrecy;
use gongkai_app::model::{Attachment, FindingField};
use gongkai_app::{App, DocumentId};
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::pii::FindingStatus;
use gongkai_domain::secrecy::Conclusion;

/// A 保密审查 record as the page lists it.
pub struct ReviewRow {
    pub reviewed_on: String,
    pub conclusion: &'static str,
    pub basis: String,
    pub disclosure: String,
    pub reviewer: String,
    pub recorded_at: String,
}

/// A finding as the page lists it.
pub struct FindingRow {
    pub id: i64,
    pub place: String,
    pub kind: &'static str,
    pub masked: String,
    pub status: &'static str,
    pub open: bool,
    /// In the title or body: one action masks it.
    pub maskable: bool,
    pub reason: String,
    pub resolver: String,
}

/// The safety section of a document's page.
pub struct SafetyView {
    pub reviews: Vec<ReviewRow>,
    pub findings: Vec<FindingRow>,
    pub open: usize,
    pub unchecked: Vec<String>,
    pub conclusions: Vec<(&'static str, &'static str)>,
    pub disclosures: [(&'static str, &'static str); 3],
}

/// 主动公开, or the attribute with its reason.
pub fn disclosure_text(attribute: &DisclosureAttribute) -> String {
    match attribute.reason() {
        Some(reason) => format!("{}（{reason}）", attribute.label_zh()),
        None => attribute.label_zh().to_string(),
    }
}

/// The safety section of document `id`.
pub async fn safety_view(
    app: &App,
    id: DocumentId,
    attachments: &[Attachment],
) -> Result<SafetyView, WebError> {
    let reviews = secrecy::reviews_of(app, id)
        .await?
        .into_iter()
        .rev()
        .map(|r| ReviewRow {
            reviewed_on: r.review.reviewed_on.format("%Y-%m-%d").to_string(),
            conclusion: r.review.conclusion.label_zh(),
            basis: r.review.basis,
            disclosure: disclosure_text(&r.review.disclosure),
            reviewer: r.reviewer_name,
            recorded_at: local_time(r.recorded_at),
        })
        .collect();
    let findings: Vec<FindingRow> = pii::findings_of(app, id)
        .await?
        .into_iter()
        .map(|f| FindingRow {
            id: f.id,
            place: place_of(&f.scan),
            kind: f.scan.kind.label(),
            masked: f.scan.masked,
            status: f.status.label_zh(),
            open: f.status == FindingStatus::Open,
            maskable: f.scan.field != FindingField::Attachment,
            reason: f.reason,
            resolver: f.resolver_name,
        })
        .collect();
    Ok(SafetyView {
        reviews,
        open: findings.iter().filter(|f| f.open).count(),
        findings,
        unchecked: pii::unchecked(attachments),
        conclusions: Conclusion::ALL
            .iter()
            .map(|c| (c.code(), c.label_zh()))
            .collect(),
        disclosures: DisclosureAttribute::choices(),
    })
}
