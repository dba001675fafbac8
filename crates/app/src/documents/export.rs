//! The complete export of the public library (the open-data habit of CKAN and
//! data.gov.cn): every published, proactively disclosed document with its metadata,
//! relations and attachment links, as JSON Lines or CSV.
//!
//! The export walks the library by id in batches and writes each batch as soon as
//! it is encoded, so memory stays the same however many documents there are. It is
//! read from the database when asked for, so it is current the moment a document is
//! published, changed or withdrawn.

use super::public::last_public_change;
use crate::{App, Error, Result};
use chrono::NaiveDate;
use gongkai_store::documents::columns as document_columns;
use gongkai_store::documents::{self, Document};
use gongkai_store::relations::{self, Relation, Relations};
use gongkai_store::{DocumentId, Timestamp, attachments};
use serde::Serialize;
use tokio::io::{AsyncWrite, AsyncWriteExt};

/// Documents read and encoded at a time.
const BATCH: i64 = 500;

/// The two formats of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One JSON object per document per line (`application/x-ndjson`).
    JsonLines,
    /// One row per document under a header row; relations and attachments joined.
    Csv,
}

impl ExportFormat {
    /// `jsonl` or `csv`, as the CLI and the download addresses name them.
    pub fn parse(code: &str) -> Result<ExportFormat> {
        match code {
            "jsonl" => Ok(ExportFormat::JsonLines),
            "csv" => Ok(ExportFormat::Csv),
            other => Err(Error::invalid(
                "导出格式",
                format!("“{other}”无法识别：应为 jsonl 或 csv"),
            )),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::JsonLines => "jsonl",
            ExportFormat::Csv => "csv",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::JsonLines => "application/x-ndjson; charset=utf-8",
            ExportFormat::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// One exported document: the line of the JSON Lines export.
#[derive(Debug, Serialize)]
pub struct ExportedDocument {
    pub id: i64,
    pub index_number: String,
    pub title: String,
    pub doc_number: String,
    pub issuer: String,
    pub topic: String,
    pub genre: String,
    pub normative: bool,
    /// valid, expired, repealed or amended.
    pub validity: String,
    pub effective_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub written_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    /// The publication or the last public change (validity), RFC 3339.
    pub updated: String,
    pub interpretation_form: Option<String>,
    pub validity_change: Option<ExportedValidityChange>,
    /// Codes of the 法定主动公开内容 columns it was confirmed in.
    pub columns: Vec<String>,
    pub url: String,
    pub body_text: String,
    pub relations: Vec<ExportedRelation>,
    pub attachments: Vec<ExportedAttachment>,
}

#[derive(Debug, Serialize)]
pub struct ExportedValidityChange {
    pub on: NaiveDate,
    pub reason: String,
    pub replaced_by: Option<i64>,
}

/// A relation with another public document, seen from the exported one.
#[derive(Debug, Serialize)]
pub struct ExportedRelation {
    /// amends, repeals, interprets or based_on.
    pub kind: String,
    /// `outgoing` (this document amends… the other) or `incoming`.
    pub direction: String,
    pub id: i64,
    pub title: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct ExportedAttachment {
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub url: String,
}

/// The header of the CSV export, in column order.
const CSV_HEADER: [&str; 19] = [
    "id",
    "index_number",
    "title",
    "doc_number",
    "issuer",
    "topic",
    "genre",
    "normative",
    "validity",
    "effective_on",
    "expires_on",
    "written_on",
    "published_on",
    "updated",
    "interpretation_form",
    "columns",
    "url",
    "relations",
    "attachments",
];

/// Writes the export of every public document to `out` and returns how many were
/// written; `out` is flushed at the end.
pub async fn write_export<W: AsyncWrite + Unpin>(
    app: &App,
    format: ExportFormat,
    out: &mut W,
) -> Result<u64> {
    if format == ExportFormat::Csv {
        out.write_all(&csv_line(CSV_HEADER.iter().map(|s| s.to_string()))?)
            .await
            .map_err(write_failed)?;
    }
    let mut written = 0u64;
    let mut after = DocumentId(0);
    loop {
        let batch = documents::list_public_after(&app.store, after, BATCH).await?;
        let Some(last) = batch.last().map(|d| d.id) else {
            break;
        };
        let mut files = attachments::of_range(&app.store, after, last).await?;
        let mut links = relations::of_range(&app.store, after, last).await?;
        let mut columns = document_columns::confirmed_of_range(&app.store, after, last).await?;
        after = last;
        let mut chunk = Vec::with_capacity(batch.len() * 2048);
        for document in batch {
            let id = document.id;
            let exported = exported(
                document,
                files.remove(&id).unwrap_or_default(),
                links.remove(&id).unwrap_or_default(),
                columns.remove(&id).unwrap_or_default(),
            );
            encode(format, &exported, &mut chunk)?;
            written += 1;
        }
        out.write_all(&chunk).await.map_err(write_failed)?;
    }
    out.flush().await.map_err(write_failed)?;
    Ok(written)
}

fn write_failed(source: std::io::Error) -> Error {
    Error::Io {
        path: "导出文件".to_string(),
        source,
    }
}

fn encode_failed(e: impl std::fmt::Display) -> Error {
    Error::Internal(format!("导出编码失败：{e}"))
}

fn exported(
    document: Document,
    files: Vec<attachments::Attachment>,
    links: Relations,
    columns: Vec<String>,
) -> ExportedDocument {
    let updated = rfc3339(last_public_change(&document));
    let id = document.id.0;
    let f = document.fields;
    let relation = |r: Relation, direction: &str| ExportedRelation {
        kind: r.kind.code().to_string(),
        direction: direction.to_string(),
        id: r.other.id.0,
        url: format!("/documents/{}", r.other.id),
        title: r.other.title,
    };
    // Only relations whose other end the public may read are exported.
    let outgoing = links.outgoing.into_iter().filter(|r| r.other.public);
    let incoming = links.incoming.into_iter().filter(|r| r.other.public);
    ExportedDocument {
        id,
        index_number: document.index_number,
        title: f.title,
        doc_number: f.doc_number,
        issuer: f.issuer_name,
        topic: f.topic,
        genre: f.genre,
        normative: f.normative,
        validity: f.validity.code().to_string(),
        effective_on: f.effective_on,
        expires_on: f.expires_on,
        written_on: f.written_on,
        published_on: f.published_on,
        updated,
        interpretation_form: f.interpretation_form.map(|form| form.code().to_string()),
        columns,
        validity_change: document.validity_change.map(|c| ExportedValidityChange {
            on: c.on,
            reason: c.reason,
            replaced_by: c.replaced_by.map(|d| d.0),
        }),
        url: format!("/documents/{id}"),
        body_text: f.body_text,
        relations: outgoing
            .map(|r| relation(r, "outgoing"))
            .chain(incoming.map(|r| relation(r, "incoming")))
            .collect(),
        attachments: files
            .into_iter()
            .map(|a| ExportedAttachment {
                url: format!("/documents/{id}/attachments/{}", a.id),
                file_name: a.file_name,
                media_type: a.media_type,
                size_bytes: a.size_bytes,
                sha256: a.sha256,
            })
            .collect(),
    }
}

/// RFC 3339 in UTC to the second, as feeds and exports write times.
pub fn rfc3339(t: Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn encode(format: ExportFormat, d: &ExportedDocument, chunk: &mut Vec<u8>) -> Result<()> {
    match format {
        ExportFormat::JsonLines => {
            serde_json::to_writer(&mut *chunk, d).map_err(encode_failed)?;
            chunk.push(b'\n');
        }
        ExportFormat::Csv => chunk.extend(csv_line(csv_fields(d))?),
    }
    Ok(())
}

fn csv_fields(d: &ExportedDocument) -> impl Iterator<Item = String> {
    let date = |day: Option<NaiveDate>| day.map(|x| x.to_string()).unwrap_or_default();
    // Relations as `kind:direction:id`, attachments as their links, each `;`-joined.
    let relations = d
        .relations
        .iter()
        .map(|r| format!("{}:{}:{}", r.kind, r.direction, r.id))
        .collect::<Vec<_>>()
        .join(";");
    let attachments = d
        .attachments
        .iter()
        .map(|a| a.url.clone())
        .collect::<Vec<_>>()
        .join(";");
    [
        d.id.to_string(),
        d.index_number.clone(),
        d.title.clone(),
        d.doc_number.clone(),
        d.issuer.clone(),
        d.topic.clone(),
        d.genre.clone(),
        d.normative.to_string(),
        d.validity.clone(),
        date(d.effective_on),
        date(d.expires_on),
        date(d.written_on),
        date(d.published_on),
        d.updated.clone(),
        d.interpretation_form.clone().unwrap_or_default(),
        d.columns.join(";"),
        d.url.clone(),
        relations,
        attachments,
    ]
    .into_iter()
}

/// One CSV record (RFC 4180 quoting) with its line end.
fn csv_line(fields: impl Iterator<Item = String>) -> Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    writer.write_record(fields).map_err(encode_failed)?;
    writer.into_inner().map_err(encode_failed)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn formats_are_named_as_the_cli_names_them() {
        assert_eq!(
            ExportFormat::parse("jsonl").unwrap(),
            ExportFormat::JsonLines
        );
        assert_eq!(ExportFormat::parse("csv").unwrap(), ExportFormat::Csv);
        assert!(ExportFormat::parse("xml").is_err());
    }

    #[test]
    fn csv_fields_are_quoted_when_they_hold_commas_or_quotes() {
        let line = csv_line(["a,b".to_string(), "say \"hi\"".to_string()].into_iter()).unwrap();
        assert_eq!(
            String::from_utf8(line).unwrap(),
            "\"a,b\",\"say \"\"hi\"\"\"\n"
        );
    }

    #[test]
    fn csv_header_names_every_field() {
        let d = ExportedDocument {
            id: 1,
            index_number: String::new(),
            title: String::new(),
            doc_number: String::new(),
            issuer: String::new(),
            topic: String::new(),
            genre: String::new(),
            normative: false,
            validity: String::new(),
            effective_on: None,
            expires_on: None,
            written_on: None,
            published_on: None,
            updated: String::new(),
            interpretation_form: None,
            validity_change: None,
            columns: vec![],
            url: String::new(),
            body_text: String::new(),
            relations: vec![],
            attachments: vec![],
        };
        assert_eq!(csv_fields(&d).count(), CSV_HEADER.len());
    }
}
