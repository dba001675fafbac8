//! A document read back from its row: the columns selected, the codes turned back
//! into domain values, and the fetch of one row by id.

use super::{Document, DocumentFields, ValidityChange};
use crate::time::{from_text, optional_date, optional_time};
use crate::{DocumentId, Error, OrgId, Result};
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::interpretation::InterpretationForm;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::validity::Validity;
use sqlx::{AnyConnection, Row};

pub(super) const COLUMNS: &str = "id, index_number, title, doc_number, doc_number_key, issuer_id, issuer_name, \
     topic, genre, normative, validity, effective_on, expires_on, written_on, published_on, \
     disclosure, disclosure_reason, interpretation_form, body_html, body_text, source_hash, status, \
     created_at, updated_at, published_at, validity_changed_on, validity_reason, replaced_by_id, \
     last_reviewed_on";

/// [`COLUMNS`] qualified by a table alias, for queries that join documents.
pub(super) fn qualified_columns(alias: &str) -> String {
    COLUMNS
        .split(',')
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn validity_from(code: &str) -> Result<Validity> {
    Validity::parse(code).map_err(|_| Error::unreadable("有效性", code))
}

pub(crate) fn status_from(code: &str) -> Result<DocumentStatus> {
    DocumentStatus::from_code(code).ok_or_else(|| Error::unreadable("状态", code))
}

pub(crate) fn form_from(code: Option<&str>) -> Result<Option<InterpretationForm>> {
    code.map(|f| InterpretationForm::parse(f).map_err(|_| Error::unreadable("解读形式", f)))
        .transpose()
}

pub(super) fn document_from_row(row: &sqlx::any::AnyRow) -> Result<Document> {
    let validity: String = row.try_get("validity")?;
    let status: String = row.try_get("status")?;
    let disclosure: String = row.try_get("disclosure")?;
    let reason: String = row.try_get("disclosure_reason")?;
    let form: Option<String> = row.try_get("interpretation_form")?;
    Ok(Document {
        id: DocumentId(row.try_get("id")?),
        index_number: row.try_get("index_number")?,
        fields: DocumentFields {
            title: row.try_get("title")?,
            doc_number: row.try_get("doc_number")?,
            doc_number_key: row.try_get("doc_number_key")?,
            issuer_id: row.try_get::<Option<i64>, _>("issuer_id")?.map(OrgId),
            issuer_name: row.try_get("issuer_name")?,
            topic: row.try_get("topic")?,
            genre: row.try_get("genre")?,
            normative: row.try_get::<i64, _>("normative")? != 0,
            validity: validity_from(&validity)?,
            effective_on: optional_date(row, "effective_on")?,
            expires_on: optional_date(row, "expires_on")?,
            written_on: optional_date(row, "written_on")?,
            published_on: optional_date(row, "published_on")?,
            disclosure: DisclosureAttribute::new(&disclosure, &reason)
                .map_err(|_| Error::unreadable("公开属性", &disclosure))?,
            interpretation_form: form_from(form.as_deref())?,
            body_html: row.try_get("body_html")?,
            body_text: row.try_get("body_text")?,
        },
        status: status_from(&status)?,
        source_hash: row.try_get("source_hash")?,
        created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
        updated_at: from_text(&row.try_get::<String, _>("updated_at")?)?,
        published_at: optional_time(row, "published_at")?,
        validity_change: optional_date(row, "validity_changed_on")?
            .map(|on| -> Result<ValidityChange> {
                Ok(ValidityChange {
                    on,
                    reason: row.try_get("validity_reason")?,
                    replaced_by: row
                        .try_get::<Option<i64>, _>("replaced_by_id")?
                        .map(DocumentId),
                })
            })
            .transpose()?,
        last_reviewed_on: optional_date(row, "last_reviewed_on")?,
    })
}

pub(super) async fn fetch(conn: &mut AnyConnection, id: DocumentId) -> Result<Document> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM documents WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            entity: "文件",
            id: id.to_string(),
        })?;
    document_from_row(&row)
}
