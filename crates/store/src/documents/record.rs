//! A document as the library stores it: the fields its authors edit, its 索引号 and
//! status, and the stamps of its history.

use crate::{DocumentId, OrgId, Timestamp};
use chrono::NaiveDate;
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::interpretation::InterpretationForm;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::validity::Validity;

/// The metadata and content of a document that its authors edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFields {
    pub title: String,
    /// 发文字号 as written ('' when none) and its normalised form for matching.
    pub doc_number: String,
    pub doc_number_key: String,
    pub issuer_id: Option<OrgId>,
    pub issuer_name: String,
    pub topic: String,
    pub genre: String,
    /// 行政规范性文件: managed with validity and cleanup.
    pub normative: bool,
    pub validity: Validity,
    pub effective_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub written_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    pub disclosure: DisclosureAttribute,
    pub interpretation_form: Option<InterpretationForm>,
    pub body_html: String,
    pub body_text: String,
}

/// A stored document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: DocumentId,
    pub index_number: String,
    pub fields: DocumentFields,
    pub status: DocumentStatus,
    pub source_hash: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub published_at: Option<Timestamp>,
    /// The last change of validity (立改废), if any.
    pub validity_change: Option<ValidityChange>,
    /// When the document was last reviewed in a cleanup (清理).
    pub last_reviewed_on: Option<NaiveDate>,
}

/// A change of validity: when, why, and the document that replaced this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidityChange {
    pub on: NaiveDate,
    pub reason: String,
    pub replaced_by: Option<DocumentId>,
}
