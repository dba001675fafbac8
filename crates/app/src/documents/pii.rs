//! Personal information in documents (个人信息保护): a document's title, body and
//! attachments scanned by the guard whenever they change and before publication; the
//! findings kept with what staff did about them: masked in the body with one action,
//! or dismissed by a reviewer with a reason. Publishing waits while one is open.
//!
//! Seed 001: "避免身份证号码、电话号码、家庭情况等公民个人信息非法泄露"; 条例 Art. 15.

use super::files::read_content;
use super::permit::{permitted_document, today};
use crate::access::{self, CurrentUser, DOCUMENT_REVIEWERS};
use crate::guard::{Located, guard_of, readable, scan_file, scan_text};
use crate::{App, DocumentId, Error, Result};
use gongkai_domain::pii::{FindingStatus, Guard};
use gongkai_domain::role::Role;
use gongkai_extract::{SourceKind, text_of};
use gongkai_store::WriteTx;
use gongkai_store::attachments::{self, Attachment};
use gongkai_store::documents::findings::{self, Field, OpenFinding, ScannedFinding, StoredFinding};
use gongkai_store::documents::{self, Document};
use gongkai_store::orgs;
use sha2::{Digest, Sha256};

/// Who may mask a finding in the body: those who write documents and those who
/// review them.
pub(super) const MASKERS: [Role; 4] = [Role::Admin, Role::Office, Role::Editor, Role::Reviewer];

/// Longest reason for a dismissal, in characters.
pub const MAX_REASON_CHARS: usize = 200;

/// The fingerprint that recognises a value in a document without storing it.
fn fingerprint(document: DocumentId, located: &Located) -> String {
    let f = &located.finding;
    let key = format!("{}:{}:{}", document.0, f.kind.code(), f.value);
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// Adds the findings of one field, one per value, their locations joined.
fn collect(
    out: &mut Vec<ScannedFinding>,
    document: DocumentId,
    field: Field,
    attachment: Option<&Attachment>,
    found: Vec<Located>,
) {
    for located in found {
        let print = fingerprint(document, &located);
        let same = out.iter_mut().find(|s| {
            s.field == field
                && s.attachment_id == attachment.map(|a| a.id)
                && s.fingerprint == print
        });
        match same {
            Some(s) if located.location.is_empty() || has_place(&s.location, &located.location) => {
            }
            Some(s) => {
                if !s.location.is_empty() {
                    s.location.push('、');
                }
                s.location.push_str(&located.location);
            }
            None => out.push(ScannedFinding {
                field,
                attachment_id: attachment.map(|a| a.id),
                attachment_name: attachment.map(|a| a.file_name.clone()).unwrap_or_default(),
                location: located.location,
                kind: located.finding.kind,
                masked: located.finding.masked(),
                fingerprint: print,
            }),
        }
    }
}

/// Whether the joined places `places` (第2段、第5段) already name `place`: a whole
/// place, so C2 is not taken for part of C21.
fn has_place(places: &str, place: &str) -> bool {
    places.split('、').any(|p| p == place)
}

/// What the guard found in a document, and the attachments it should have read but
/// could not (name, reason).
#[derive(Debug, Clone, Default)]
pub struct DocumentScan {
    pub findings: Vec<ScannedFinding>,
    pub unreadable: Vec<(String, String)>,
    /// Bytes of the attachments read.
    pub attachment_bytes: usize,
}

/// What the guard finds in the attachments the extract crate reads.
async fn scan_attachments(
    app: &App,
    guard: &Guard,
    document: DocumentId,
    files: &[Attachment],
    out: &mut DocumentScan,
) -> Result<()> {
    for attachment in files {
        if !readable(&attachment.file_name) {
            continue;
        }
        let bytes = read_content(app, &attachment.sha256).await?;
        out.attachment_bytes += bytes.len();
        let (guard, name) = (guard.clone(), attachment.file_name.clone());
        let found = tokio::task::spawn_blocking(move || scan_file(&guard, &name, &bytes))
            .await
            .map_err(|e| Error::Internal(format!("检查附件失败：{e}")))?;
        match found {
            Ok(found) => collect(
                &mut out.findings,
                document,
                Field::Attachment,
                Some(attachment),
                found,
            ),
            Err(e) => out
                .unreadable
                .push((attachment.file_name.clone(), e.to_string())),
        }
    }
    Ok(())
}

/// What the guard finds in a document now: title, body, and its readable attachments
/// `files`. Nothing is stored.
pub async fn scan(
    app: &App,
    guard: &Guard,
    document: &Document,
    files: &[Attachment],
) -> Result<DocumentScan> {
    let mut out = DocumentScan::default();
    let id = document.id;
    let title = scan_text(guard, &document.fields.title);
    collect(&mut out.findings, id, Field::Title, None, title);
    let body = scan_text(guard, &document.fields.body_text);
    collect(&mut out.findings, id, Field::Body, None, body);
    scan_attachments(app, guard, id, files, &mut out).await?;
    Ok(out)
}

/// Scans a document again and stores what changed, in the transaction of the change
/// that called for it. An attachment that cannot be read any more (stored before
/// uploads were checked) is left to staff, logged.
pub(crate) async fn rescan_in(
    app: &App,
    tx: &mut WriteTx,
    document: &Document,
) -> Result<Vec<StoredFinding>> {
    let guard = guard_of(&app.settings, today());
    let files = attachments::of(&app.store, document.id).await?;
    let scan = scan(app, &guard, document, &files).await?;
    for (name, reason) in &scan.unreadable {
        tracing::warn!(document = document.id.0, attachment = %name, "附件无法检查：{reason}");
    }
    Ok(findings::sync(tx, document.id, &scan.findings).await?)
}

/// Scans a document again in a transaction of its own.
pub(crate) async fn rescan(
    app: &App,
    user: &CurrentUser,
    id: DocumentId,
) -> Result<Vec<StoredFinding>> {
    let document = documents::get(&app.store, id).await?;
    let mut tx = app.store.begin(user.actor()).await?;
    let stored = rescan_in(app, &mut tx, &document).await?;
    tx.commit().await?;
    Ok(stored)
}

/// Refuses an upload the guard should read but cannot (a corrupt file), before
/// anything is saved.
pub(crate) fn check_readable(file_name: &str, bytes: &[u8]) -> Result<()> {
    if readable(file_name) {
        let guard = Guard::new(std::iter::empty::<String>(), today());
        scan_file(&guard, file_name, bytes).map_err(|e| {
            Error::invalid(
                "附件",
                format!("无法读取“{file_name}”，文件可能已损坏：{e}"),
            )
        })?;
    }
    Ok(())
}

/// The findings of a document, every status.
pub async fn findings_of(app: &App, id: DocumentId) -> Result<Vec<StoredFinding>> {
    Ok(findings::of_document(&app.store, id).await?)
}

/// The attachments of a document the guard cannot read (images, .doc, .ofd …), for
/// staff to check by eye.
pub fn unchecked(attachments: &[Attachment]) -> Vec<String> {
    attachments
        .iter()
        .filter(|a| !readable(&a.file_name))
        .map(|a| a.file_name.clone())
        .collect()
}

/// The open finding `finding` of document `id`.
async fn open_finding(app: &App, id: DocumentId, finding: i64) -> Result<StoredFinding> {
    let stored = findings::get(&app.store, id, finding).await?;
    if stored.status != FindingStatus::Open {
        return Err(Error::invalid(
            "个人信息",
            format!("这一处已是“{}”，无需再处理", stored.status.label_zh()),
        ));
    }
    Ok(stored)
}

/// Replaces every occurrence of a finding's value in the title or body with its masked
/// form. Attachments cannot be masked here: they are replaced.
pub async fn mask(app: &App, user: &CurrentUser, id: DocumentId, finding: i64) -> Result<()> {
    let (document, _) = permitted_document(app, user, id, &MASKERS).await?;
    let stored = open_finding(app, id, finding).await?;
    let guard = guard_of(&app.settings, today());
    let mut fields = document.fields.clone();
    match stored.scan.field {
        Field::Attachment => {
            return Err(Error::invalid(
                "个人信息",
                format!(
                    "附件“{}”中的个人信息不能在线遮盖：请删除该附件，上传处理后的文件",
                    stored.scan.attachment_name
                ),
            ));
        }
        Field::Title => {
            fields.title = masked_in(&guard, id, &stored, &fields.title, &fields.title)?;
        }
        Field::Body => {
            fields.body_html =
                masked_in(&guard, id, &stored, &fields.body_text, &fields.body_html)?;
            fields.body_text = text_of(fields.body_html.as_bytes(), SourceKind::Html)
                .map_err(|e| Error::invalid("正文", e.to_string()))?;
        }
    }
    let mut tx = app.store.begin(user.actor()).await?;
    let updated = documents::update(&mut tx, id, &fields, None).await?;
    let note = format!("遮盖为 {}", stored.scan.masked);
    findings::resolve(&mut tx, &stored, FindingStatus::Masked, &note).await?;
    rescan_in(app, &mut tx, &updated).await?;
    tx.commit().await?;
    Ok(())
}

/// `target` (the title, or the body's HTML) with each occurrence of the finding's
/// value, as the guard found it in `text`, replaced by the masked form.
fn masked_in(
    guard: &Guard,
    id: DocumentId,
    stored: &StoredFinding,
    text: &str,
    target: &str,
) -> Result<String> {
    let occurrences: Vec<&str> = guard
        .scan(text)
        .into_iter()
        .map(|finding| Located {
            finding,
            location: String::new(),
        })
        .filter(|l| fingerprint(id, l) == stored.scan.fingerprint)
        .filter_map(|l| text.get(l.finding.span))
        .collect();
    if occurrences.is_empty() {
        return Err(Error::invalid(
            "个人信息",
            "找不到这一处，内容可能已修改，请刷新页面",
        ));
    }
    let mut masked = target.to_string();
    for raw in occurrences {
        let escaped = raw.replace('\u{a0}', "&nbsp;");
        if masked.contains(raw) {
            masked = masked.replace(raw, &stored.scan.masked);
        } else if masked.contains(&escaped) {
            masked = masked.replace(&escaped, &stored.scan.masked);
        } else {
            return Err(Error::invalid(
                "个人信息",
                "这一处的格式无法自动遮盖，请修改正文后保存",
            ));
        }
    }
    Ok(masked)
}

/// A reviewer's decision that a finding is not a person's information, or lawful to
/// publish, with the reason.
pub async fn dismiss(
    app: &App,
    user: &CurrentUser,
    id: DocumentId,
    finding: i64,
    reason: &str,
) -> Result<()> {
    permitted_document(app, user, id, &DOCUMENT_REVIEWERS).await?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid("排除理由", "请说明为何这一处不必处理"));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(Error::invalid(
            "排除理由",
            format!("不能超过 {MAX_REASON_CHARS} 个字"),
        ));
    }
    let stored = open_finding(app, id, finding).await?;
    let mut tx = app.store.begin(user.actor()).await?;
    findings::resolve(&mut tx, &stored, FindingStatus::Dismissed, reason).await?;
    tx.commit().await?;
    Ok(())
}

/// The open findings in documents of the units the user may see, or oversees as the
/// disclosure office of their government, by unit.
pub async fn open_findings(app: &App, user: &CurrentUser) -> Result<Vec<OpenFinding>> {
    let all_orgs = orgs::list(&app.store).await?;
    let visible = access::visible_issuers(user, &all_orgs);
    Ok(findings::open(&app.store)
        .await?
        .into_iter()
        .filter(|f| match (&visible, f.issuer_id) {
            (None, _) => true,
            (Some(ids), Some(issuer)) => {
                ids.contains(&issuer) || access::is_office_for(user, issuer, &all_orgs)
            }
            (Some(_), None) => false,
        })
        .collect())
}

/// Refuses publication while a finding is open, naming them.
pub(crate) fn require_no_open(found: &[StoredFinding]) -> Result<()> {
    let open: Vec<String> = found
        .iter()
        .filter(|f| f.status == FindingStatus::Open)
        .map(|f| format!("{}（{}）", place_of(&f.scan), f.scan.masked))
        .collect();
    if open.is_empty() {
        return Ok(());
    }
    Err(Error::invalid(
        "个人信息",
        format!(
            "发现 {} 处个人信息尚未处理：{}。请遮盖、替换附件或由审核人员说明理由排除后再发布",
            open.len(),
            open.join("；")
        ),
    ))
}

/// Where a finding is, as staff read it: 标题, 正文第3段, 附件“名单.xlsx”工作表“名单”C5.
pub fn place_of(scan: &ScannedFinding) -> String {
    match scan.field {
        Field::Title => "标题".to_string(),
        Field::Body => format!("正文{}", scan.location),
        Field::Attachment => format!("附件“{}”{}", scan.attachment_name, scan.location),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_matched_whole() {
        assert!(has_place("工作表“名单”C21、第3段", "第3段"));
        assert!(!has_place("工作表“名单”C21", "工作表“名单”C2"));
        assert!(!has_place("", "第1段"));
    }
}
