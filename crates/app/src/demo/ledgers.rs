//! The demo's work-plan ledgers: each seed document of the library read into a plan
//! run by the demo office, its unknown unit names mapped to the closest demo unit (or
//! to none), confirmed, and given some progress — reports, completions, sign-offs and
//! a return — so that the dashboards have something to show. The last seed stays a
//! draft, for the review page.
//!
//! Mapping every unknown name to its first proposal is a shortcut for the demo only;
//! in real use the office confirms each mapping.

use crate::ledgers::import::store_draft;
use crate::ledgers::review::{confirm_plan, names_of, remember, resolve_again};
use crate::ledgers::units::Resolved;
use crate::{App, Result};
use gongkai_domain::ledger::{ReportKind, TaskStatus};
use gongkai_extract::extract_workplan;
use gongkai_store::documents::{self, Document};
use gongkai_store::ledgers::reports::{self, NewReport};
use gongkai_store::ledgers::{self, NewPlan, Plan};
use gongkai_store::{Actor, OrgId};

/// Reads each seed into a confirmed plan with progress, except the last, which stays
/// a draft waiting for the office's review.
pub(super) async fn seed(app: &App, actor: &Actor, runner: OrgId, seeds: &[&str]) -> Result<()> {
    for (n, text) in seeds.iter().enumerate() {
        let Some(document) = seed_document(app, text).await? else {
            continue;
        };
        let ledger = extract_workplan(&format!(
            "{}\n{}",
            document.fields.title, document.fields.body_text
        ));
        if ledger.tasks.is_empty() {
            continue;
        }
        let plan = NewPlan {
            title: document.fields.title.clone(),
            year: ledger.year,
            org_id: runner,
            source_document_id: Some(document.id),
            source_name: document.fields.title.clone(),
        };
        let plan = store_draft(app, actor, plan, &ledger).await?;
        if n + 1 == seeds.len() {
            break;
        }
        map_unknown_names(app, actor, &plan).await?;
        confirm_plan(app, actor, &plan).await?;
        add_progress(app, actor, &plan).await?;
    }
    Ok(())
}

async fn seed_document(app: &App, text: &str) -> Result<Option<Document>> {
    use sha2::{Digest, Sha256};
    let hash = hex::encode(Sha256::digest(text.as_bytes()));
    Ok(documents::find_by_source_hash(&app.store, &hash).await?)
}

async fn map_unknown_names(app: &App, actor: &Actor, plan: &Plan) -> Result<()> {
    for row in names_of(app, plan).await? {
        if let Resolved::Unknown { proposals } = &row.resolved {
            let units: Vec<OrgId> = proposals.iter().take(1).copied().collect();
            remember(app, actor, plan, &row.name, &units).await?;
        }
    }
    resolve_again(app, actor, plan).await
}

/// What the demo does with the n-th task of a plan: of every ten, four are signed off,
/// two completed and waiting, two in progress (one of them returned once), two untouched.
fn progress_of(n: usize) -> &'static [(ReportKind, TaskStatus, &'static str)] {
    const REPORTED: (ReportKind, TaskStatus, &str) = (
        ReportKind::Progress,
        TaskStatus::InProgress,
        "已制定工作方案，正在推进。",
    );
    const COMPLETED: (ReportKind, TaskStatus, &str) = (
        ReportKind::Progress,
        TaskStatus::Completed,
        "已按要求完成，相关信息已在门户网站公开。",
    );
    const SIGNED_OFF: (ReportKind, TaskStatus, &str) = (
        ReportKind::SignOff,
        TaskStatus::SignedOff,
        "审核通过，予以销号",
    );
    const RETURNED: (ReportKind, TaskStatus, &str) = (
        ReportKind::Return,
        TaskStatus::InProgress,
        "佐证材料不全，请补充公开链接。",
    );
    match n % 10 {
        0 | 3 | 5 | 8 => &[REPORTED, COMPLETED, SIGNED_OFF],
        1 | 6 => &[REPORTED, COMPLETED],
        2 => &[REPORTED],
        7 => &[COMPLETED, RETURNED],
        _ => &[],
    }
}

/// Every unit of a task carries the same story on its part, so that the task's status
/// (which follows from its parts) is the story's.
async fn add_progress(app: &App, actor: &Actor, plan: &Plan) -> Result<()> {
    let tasks = ledgers::tasks_of(&app.store, plan.id).await?;
    let mut tx = app.store.begin(actor.clone()).await?;
    for (n, task) in tasks.iter().enumerate() {
        for unit in task.parts() {
            let mut current = unit.status;
            for (kind, status, body) in progress_of(n) {
                let org_id = match kind {
                    ReportKind::Progress => unit.org_id,
                    _ => plan.org_id,
                };
                let entry = NewReport {
                    task_id: task.id,
                    org_id,
                    kind: *kind,
                    part: Some(unit.org_id),
                    from: current,
                    status: *status,
                    body: (*body).to_string(),
                };
                reports::add(&mut tx, &entry, &[]).await?;
                current = *status;
            }
        }
    }
    tx.commit().await?;
    Ok(())
}
