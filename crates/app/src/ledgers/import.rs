//! Turning a work plan into a draft ledger: from an uploaded file (.txt, .html, .docx,
//! .pdf) or from a document already in the policy library. The extracted tasks are
//! stored as a draft with their units resolved as far as the directory allows; the
//! office reviews them before the plan reaches the units.

use super::LEDGER_MANAGERS;
use super::units::{Directory, assignments};
use crate::access::CurrentUser;
use crate::documents::{console_document, find_document, public_document};
use crate::{Actor, App, Error, OrgId, Result};
use chrono::Datelike;
use gongkai_domain::calendar::parse_date;
use gongkai_extract::{Ledger, SourceKind, extract_workplan, extract_workplan_from};
use gongkai_store::ledgers::{self, NewPlan, Plan, TaskFields};
use gongkai_store::orgs;
use std::path::Path;

/// Imports a work plan from an uploaded file, run by the unit `runner` (a government,
/// or the office of one).
pub async fn from_file(
    app: &App,
    user: &CurrentUser,
    runner: OrgId,
    file_name: &str,
    bytes: Vec<u8>,
) -> Result<Plan> {
    require_runner(app, user, runner).await?;
    let kind = SourceKind::from_path(Path::new(file_name)).ok_or_else(|| {
        Error::invalid(
            "文件",
            "请上传 txt、html、docx 或 pdf 格式的工作要点或分工方案",
        )
    })?;
    let ledger = tokio::task::spawn_blocking(move || extract_workplan_from(&bytes, kind))
        .await
        .map_err(|e| Error::Internal(format!("读取文件失败：{e}")))?
        .map_err(|e| Error::invalid("文件", e.to_string()))?;
    let plan = NewPlan {
        title: ledger.title.clone(),
        year: ledger.year,
        org_id: runner,
        source_document_id: None,
        source_name: file_name.to_string(),
    };
    store_draft(app, &user.actor(), plan, &ledger).await
}

/// Imports a work plan from a document of the library, named by its id, 索引号 or
/// 发文字号: a published public one, or one the user may see in the console.
pub async fn from_document(
    app: &App,
    user: &CurrentUser,
    runner: OrgId,
    reference: &str,
) -> Result<Plan> {
    require_runner(app, user, runner).await?;
    let document = find_document(app, reference)
        .await
        .map_err(|_| Error::invalid("政策文件", format!("文件库中找不到“{}”", reference.trim())))?
        .id;
    let document = match public_document(app, document).await {
        Ok(public) => public,
        Err(_) => console_document(app, user, document).await?,
    };
    let fields = document.fields;
    let ledger = extract_workplan(&format!("{}\n{}", fields.title, fields.body_text));
    let plan = NewPlan {
        title: fields.title.clone(),
        year: ledger.year.or(fields.written_on.map(|d| d.year())),
        org_id: runner,
        source_document_id: Some(document.id),
        source_name: fields.title,
    };
    store_draft(app, &user.actor(), plan, &ledger).await
}

async fn require_runner(app: &App, user: &CurrentUser, runner: OrgId) -> Result<()> {
    let all = orgs::list(&app.store).await?;
    if !all.iter().any(|o| o.id == runner) {
        return Err(Error::invalid("牵头政府", "请选择组织实施计划的政府"));
    }
    crate::access::require_view_org(user, runner, &all)?;
    if user.covers(&LEDGER_MANAGERS, runner, &all) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// Stores an extracted ledger as a draft plan with its units resolved.
pub(crate) async fn store_draft(
    app: &App,
    actor: &Actor,
    plan: NewPlan,
    ledger: &Ledger,
) -> Result<Plan> {
    if ledger.tasks.is_empty() {
        return Err(Error::invalid(
            "文件",
            "未识别出任何任务：请确认上传的是工作要点或任务分工方案",
        ));
    }
    let tasks: Vec<TaskFields> = ledger.tasks.iter().map(task_fields).collect();
    let directory = Directory::load(app, plan.org_id).await?;
    let resolver = directory.resolver();
    let mut tx = app.store.begin(actor.clone()).await?;
    let (created, ids) = ledgers::create(&mut tx, &plan, &tasks).await?;
    for (id, fields) in ids.iter().zip(&tasks) {
        ledgers::set_units(&mut tx, *id, &assignments(&resolver, fields)).await?;
    }
    tx.commit().await?;
    Ok(created)
}

/// The stored form of an extracted task.
fn task_fields(task: &gongkai_extract::Task) -> TaskFields {
    TaskFields {
        outline: task.id.clone(),
        path: task.path.clone(),
        number: task.number.clone(),
        body: task.text.clone(),
        lead_names: task.lead_units.clone(),
        responsible_names: task.responsible_units.clone(),
        deadline_text: task.deadline_text.clone(),
        deadline: task.deadline.as_deref().and_then(|d| parse_date(d).ok()),
        ongoing: task.ongoing,
        superior_task_id: None,
        carried_from_id: None,
    }
}
