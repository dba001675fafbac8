//! `gongkai import policies` and the console's import: files (.txt, .html, .docx,
//! .pdf) or directories into the policy library.
//!
//! Each file is read, its page layout recognised (portal metadata block, or title,
//! 发文字号 and dates from the text) and stored as a published document in its own
//! transaction, so one bad file never stops the others. Importing again updates the
//! same document, found by its 索引号 or by the SHA-256 of its text; nothing is
//! duplicated. A document without a 索引号 gets one from its issuer's sequence
//! (先入库，后公开).

use super::body::body_html;
use super::numbering::generate_index_number;
use crate::{App, Error, Result};
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::doc_number::DocNumber;
use gongkai_domain::index_number::IndexNumber;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::topic::is_interpretation_genre;
use gongkai_domain::validity::Validity;
use gongkai_extract::{ExtractedPage, SourceKind, Table, parse_page, tables_of, text_of};
use gongkai_store::Actor;
use gongkai_store::documents::{self, DocumentFields};
use gongkai_store::orgs::{self, Org};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// What an import did, file by file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Files not imported, with the reason.
    pub skipped: Vec<(PathBuf, String)>,
}

/// Progress reported to the caller (the CLI draws a bar from it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportEvent {
    /// The number of files found.
    Found(usize),
    /// One file is done.
    Done(PathBuf),
}

/// What importing one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// Imports every supported file under `paths` (directories are walked).
pub async fn import_paths(
    app: &App,
    actor: &Actor,
    paths: &[PathBuf],
    progress: &(dyn Fn(ImportEvent) + Sync),
) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    let files = collect_files(paths, &mut summary.skipped);
    progress(ImportEvent::Found(files.len()));
    for file in files {
        match import_file(app, actor, &file).await {
            Ok(Outcome::Created) => summary.created += 1,
            Ok(Outcome::Updated) => summary.updated += 1,
            Ok(Outcome::Unchanged) => summary.unchanged += 1,
            Err(e) => summary.skipped.push((file.clone(), e.to_string())),
        }
        progress(ImportEvent::Done(file));
    }
    Ok(summary)
}

/// The supported files under `paths`, sorted; others are listed as skipped.
fn collect_files(paths: &[PathBuf], skipped: &mut Vec<(PathBuf, String)>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending: Vec<PathBuf> = paths.to_vec();
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            match std::fs::read_dir(&path) {
                Ok(entries) => pending.extend(entries.filter_map(|e| e.ok().map(|e| e.path()))),
                Err(e) => skipped.push((path, format!("无法读取目录：{e}"))),
            }
        } else if !path.exists() {
            skipped.push((path, "文件不存在".to_string()));
        } else if SourceKind::from_path(&path).is_some() {
            files.push(path);
        } else {
            skipped.push((
                path,
                "不支持的文件类型（支持 .txt .html .docx .pdf）".to_string(),
            ));
        }
    }
    files.sort();
    files
}

async fn import_file(app: &App, actor: &Actor, path: &Path) -> Result<Outcome> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    import_bytes(app, actor, path, &bytes).await
}

/// Imports one file's content, its type told by the name's extension.
async fn import_bytes(app: &App, actor: &Actor, name: &Path, bytes: &[u8]) -> Result<Outcome> {
    let kind = SourceKind::from_path(name)
        .ok_or_else(|| Error::invalid("文件", "不支持的文件类型（支持 .txt .html .docx .pdf）"))?;
    let text = text_of(bytes, kind).map_err(|e| Error::invalid("文件内容", e.to_string()))?;
    import_with_tables(app, actor, &text, &tables_of(bytes, kind)).await
}

/// Imports files uploaded from the console (portal pages saved as HTML, Word and PDF
/// files), each in its own transaction: the office only, since an imported document
/// is stored as published (it was published on the old portal); the same report as
/// `gongkai import policies`, file by file.
pub async fn import_uploads(
    app: &App,
    user: &crate::access::CurrentUser,
    files: Vec<(String, Vec<u8>)>,
) -> Result<ImportSummary> {
    crate::access::require_office(user)?;
    if files.is_empty() {
        return Err(Error::invalid("文件", "请选择要导入的文件"));
    }
    let actor = user.actor();
    let mut summary = ImportSummary::default();
    for (name, bytes) in files {
        let path = PathBuf::from(&name);
        match import_bytes(app, &actor, &path, &bytes).await {
            Ok(Outcome::Created) => summary.created += 1,
            Ok(Outcome::Updated) => summary.updated += 1,
            Ok(Outcome::Unchanged) => summary.unchanged += 1,
            Err(e) if e.is_client_error() => summary.skipped.push((path, e.to_string())),
            Err(e) => return Err(e),
        }
    }
    Ok(summary)
}

/// Imports one document from its plain text (the seeds of the demo, for instance).
pub async fn import_text(app: &App, actor: &Actor, text: &str) -> Result<Outcome> {
    import_with_tables(app, actor, text, &[]).await
}

/// Imports one document from its text and the data tables of its source, which its
/// body keeps as tables.
async fn import_with_tables(
    app: &App,
    actor: &Actor,
    text: &str,
    tables: &[Table],
) -> Result<Outcome> {
    let source_hash = hex::encode(Sha256::digest(text.as_bytes()));
    let page = parse_page(text);
    let all_orgs = orgs::list(&app.store).await?;
    let fields = fields_of(&page, &all_orgs, tables)?;
    let declared = page
        .metadata
        .index_number
        .as_deref()
        .map(IndexNumber::parse)
        .transpose()?;
    let existing = match &declared {
        Some(number) => documents::find_by_index_number(&app.store, number.as_str()).await?,
        None => None,
    };
    let existing = match existing {
        Some(found) => Some(found),
        None => documents::find_by_source_hash(&app.store, &source_hash).await?,
    };
    let mut tx = app.store.begin(actor.clone()).await?;
    let outcome = match existing {
        Some(document) if document.fields == fields => Outcome::Unchanged,
        Some(document) => {
            let updated =
                documents::update(&mut tx, document.id, &fields, Some(&source_hash)).await?;
            super::pii::rescan_in(app, &mut tx, &updated).await?;
            super::columns::suggest_in(app, &mut tx, &updated).await?;
            Outcome::Updated
        }
        None => {
            let number = match declared {
                Some(number) => number.as_str().to_string(),
                None => generate_index_number(&mut tx, &fields, &all_orgs).await?,
            };
            let status = DocumentStatus::Published;
            let created =
                documents::create(&mut tx, &number, &fields, status, Some(&source_hash)).await?;
            super::pii::rescan_in(app, &mut tx, &created).await?;
            super::columns::suggest_in(app, &mut tx, &created).await?;
            Outcome::Created
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

/// The stored fields of an extracted page; a page without a title is refused.
fn fields_of(page: &ExtractedPage, all_orgs: &[Org], tables: &[Table]) -> Result<DocumentFields> {
    let meta = &page.metadata;
    let title = page
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| Error::invalid("标题", "未能从文件中识别出标题"))?;
    let doc_number = meta.doc_number.clone().unwrap_or_default();
    let doc_number_key = DocNumber::parse(&doc_number)
        .map(|n| n.normalized())
        .unwrap_or_default();
    let issuer_name = meta.issuer.clone().unwrap_or_default();
    let issuer_id = all_orgs
        .iter()
        .find(|o| {
            let key = gongkai_domain::org::normalize_unit_name(&issuer_name);
            gongkai_domain::org::normalize_unit_name(&o.name) == key
                || o.aliases
                    .iter()
                    .any(|a| gongkai_domain::org::normalize_unit_name(a) == key)
        })
        .map(|o| o.id);
    let validity = match meta.validity.as_deref() {
        Some(v) => Validity::parse(v)?,
        None => Validity::Valid,
    };
    let genre = meta.genre.clone().unwrap_or_default();
    Ok(DocumentFields {
        title: title.to_string(),
        doc_number,
        doc_number_key,
        issuer_id,
        issuer_name,
        topic: meta.topic.clone().unwrap_or_default(),
        normative: false,
        validity,
        effective_on: None,
        expires_on: None,
        written_on: meta.written_on,
        published_on: meta.published_on,
        disclosure: DisclosureAttribute::Proactive,
        interpretation_form: None,
        body_html: body_html(&page.body, tables),
        body_text: page.body.clone(),
        genre: if genre.is_empty() && is_interpretation_genre(title) {
            "解读".to_string()
        } else {
            genre
        },
    })
}
