//! What the audit log keeps of a document: its metadata, and a SHA-256 standing for
//! its body.

use super::Document;
use crate::time::date_to_text;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// What the audit log keeps of a document: its metadata and a hash of each body.
#[derive(Serialize)]
struct AuditView<'a> {
    index_number: &'a str,
    title: &'a str,
    doc_number: &'a str,
    issuer_name: &'a str,
    topic: &'a str,
    genre: &'a str,
    validity: &'static str,
    status: &'static str,
    written_on: Option<String>,
    published_on: Option<String>,
    body_text_sha256: String,
}

pub(super) fn audit_view(d: &Document) -> serde_json::Value {
    let f = &d.fields;
    serde_json::to_value(AuditView {
        index_number: &d.index_number,
        title: &f.title,
        doc_number: &f.doc_number,
        issuer_name: &f.issuer_name,
        topic: &f.topic,
        genre: &f.genre,
        validity: f.validity.code(),
        status: d.status.code(),
        written_on: f.written_on.map(date_to_text),
        published_on: f.published_on.map(date_to_text),
        body_text_sha256: hex::encode(Sha256::digest(f.body_text.as_bytes())),
    })
    .unwrap_or(serde_json::Value::Null)
}
