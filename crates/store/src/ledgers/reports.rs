//! The record of a task: units' progress reports (进展情况) with their evidence — files
//! stored by content address, or documents published in the library — and the office's
//! sign-offs (销号) and returns (退回). Entries are only ever appended, and each sets
//! the task's status in the same transaction.

use super::task_edits::{set_part_status, set_status};
use crate::time::{from_text, to_text};
use crate::{DocumentId, Error, OrgId, Result, Store, TaskId, Timestamp, UserId, WriteTx, now};
use gongkai_domain::ledger::{ReportKind, TaskStatus};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

/// One entry of a task's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub id: i64,
    pub task_id: TaskId,
    /// The reporting unit, or the unit running the plan for the office's entries.
    pub org_id: OrgId,
    pub org_name: String,
    pub kind: ReportKind,
    /// The unit whose part the entry is about, with its name; `None` when the office
    /// closed the whole task.
    pub part: Option<(OrgId, String)>,
    /// The part's status after this entry (the task's, for a closing entry).
    pub status: TaskStatus,
    pub body: String,
    pub author_id: Option<UserId>,
    pub author_name: String,
    pub at: Timestamp,
    pub evidence: Vec<Evidence>,
}

/// A piece of evidence of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub id: i64,
    /// A document of the library, with its title.
    pub document: Option<(DocumentId, String)>,
    /// An uploaded file: its content address, name, type and size.
    pub sha256: Option<String>,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
}

/// Evidence to attach to a new report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewEvidence {
    Document(DocumentId),
    File {
        sha256: String,
        file_name: String,
        media_type: String,
        size_bytes: i64,
    },
}

/// What a new entry says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    pub task_id: TaskId,
    pub org_id: OrgId,
    pub kind: ReportKind,
    /// The unit whose part the entry moves; `None`: the whole task (办结).
    pub part: Option<OrgId>,
    /// The status the part (or the task) had when the entry was decided on.
    pub from: TaskStatus,
    /// The part's (or the task's) status after the entry.
    pub status: TaskStatus,
    pub body: String,
}

/// Moves the entry's part from its `from` status to its new one (and the task with its
/// parts), or the whole task for a closing entry, then appends the entry with its
/// evidence; refused (nothing written) when the status changed meanwhile.
pub async fn add(tx: &mut WriteTx, report: &NewReport, evidence: &[NewEvidence]) -> Result<i64> {
    match report.part {
        Some(org) => set_part_status(tx, report.task_id, org, report.from, report.status).await?,
        None => set_status(tx, report.task_id, report.from, report.status).await?,
    }
    let actor = tx.actor().clone();
    let row = sqlx::query(
        "INSERT INTO task_reports (task_id, org_id, part_org_id, kind, status, body, author_id, \
         author_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(report.task_id.0)
    .bind(report.org_id.0)
    .bind(report.part.map(|o| o.0))
    .bind(report.kind.code())
    .bind(report.status.code())
    .bind(&report.body)
    .bind(actor.user_id.map(|u| u.0))
    .bind(&actor.name)
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await?;
    let id: i64 = row.try_get("id")?;
    for item in evidence {
        add_evidence(tx, id, item).await?;
    }
    let entry = serde_json::json!({
        "report": id, "unit": report.org_id, "part": report.part, "kind": report.kind.code(),
        "status": report.status.code(), "evidence": evidence.len(),
    });
    tx.record("task.report", "task", report.task_id, None, Some(entry));
    Ok(id)
}

async fn add_evidence(tx: &mut WriteTx, report: i64, item: &NewEvidence) -> Result<()> {
    let (document, sha256, name, media, size) = match item {
        NewEvidence::Document(id) => (Some(id.0), None, "", "", 0),
        NewEvidence::File {
            sha256,
            file_name,
            media_type,
            size_bytes,
        } => (
            None,
            Some(sha256.as_str()),
            file_name.as_str(),
            media_type.as_str(),
            *size_bytes,
        ),
    };
    sqlx::query(
        "INSERT INTO task_evidence (report_id, document_id, sha256, file_name, media_type, size_bytes) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(report)
    .bind(document)
    .bind(sha256)
    .bind(name)
    .bind(media)
    .bind(size)
    .execute(tx.conn())
    .await?;
    Ok(())
}

fn report_from_row(row: &AnyRow) -> Result<Report> {
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    Ok(Report {
        id: row.try_get("id")?,
        task_id: TaskId(row.try_get("task_id")?),
        org_id: OrgId(row.try_get("org_id")?),
        org_name: row.try_get("org_name")?,
        kind: ReportKind::parse(&kind).ok_or_else(|| Error::unreadable("记录类型", &kind))?,
        part: match row.try_get::<Option<i64>, _>("part_org_id")? {
            Some(id) => Some((
                OrgId(id),
                row.try_get::<Option<String>, _>("part_name")?
                    .unwrap_or_default(),
            )),
            None => None,
        },
        status: TaskStatus::parse(&status).ok_or_else(|| Error::unreadable("任务状态", &status))?,
        body: row.try_get("body")?,
        author_id: row.try_get::<Option<i64>, _>("author_id")?.map(UserId),
        author_name: row.try_get("author_name")?,
        at: from_text(&row.try_get::<String, _>("at")?)?,
        evidence: Vec::new(),
    })
}

fn evidence_from_row(row: &AnyRow) -> Result<Evidence> {
    let document = match row.try_get::<Option<i64>, _>("document_id")? {
        Some(id) => Some((
            DocumentId(id),
            row.try_get::<Option<String>, _>("title")?
                .unwrap_or_default(),
        )),
        None => None,
    };
    Ok(Evidence {
        id: row.try_get("id")?,
        document,
        sha256: row.try_get("sha256")?,
        file_name: row.try_get("file_name")?,
        media_type: row.try_get("media_type")?,
        size_bytes: row.try_get("size_bytes")?,
    })
}

/// The record of a task, oldest first, with each entry's evidence.
pub async fn of(store: &Store, task: TaskId) -> Result<Vec<Report>> {
    let rows = sqlx::query(
        "SELECT r.id, r.task_id, r.org_id, o.name AS org_name, r.part_org_id, \
         p.name AS part_name, r.kind, r.status, r.body, r.author_id, r.author_name, r.at \
         FROM task_reports r JOIN orgs o ON o.id = r.org_id \
         LEFT JOIN orgs p ON p.id = r.part_org_id WHERE r.task_id = $1 ORDER BY r.id",
    )
    .bind(task.0)
    .fetch_all(store.pool())
    .await?;
    let mut reports = rows
        .iter()
        .map(report_from_row)
        .collect::<Result<Vec<_>>>()?;
    let evidence_rows = sqlx::query(
        "SELECT e.id, e.report_id, e.document_id, d.title, e.sha256, e.file_name, e.media_type, \
         e.size_bytes FROM task_evidence e LEFT JOIN documents d ON d.id = e.document_id \
         WHERE e.report_id IN (SELECT id FROM task_reports WHERE task_id = $1) ORDER BY e.id",
    )
    .bind(task.0)
    .fetch_all(store.pool())
    .await?;
    for row in &evidence_rows {
        let report_id: i64 = row.try_get("report_id")?;
        if let Some(report) = reports.iter_mut().find(|r| r.id == report_id) {
            report.evidence.push(evidence_from_row(row)?);
        }
    }
    Ok(reports)
}

/// When each task was last reported done (completed or signed off), for the tasks
/// that have been.
pub async fn done_at(store: &Store) -> Result<std::collections::HashMap<TaskId, Timestamp>> {
    let rows = sqlx::query(
        "SELECT task_id, MAX(at) AS at FROM task_reports \
         WHERE status IN ('completed', 'signed_off') GROUP BY task_id",
    )
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                TaskId(row.try_get("task_id")?),
                from_text(&row.try_get::<String, _>("at")?)?,
            ))
        })
        .collect()
}
