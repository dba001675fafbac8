//! The office's review of an extracted plan: correct a task's text, units and deadline,
//! drop what is no task, map the unit names the directory does not know (remembered
//! for later plans), and confirm the plan, which hands its tasks to the units.

use super::require_manager;
use super::units::{Directory, Resolved, assignments};
use crate::access::CurrentUser;
use crate::orgs::split_names;
use crate::{Actor, App, Error, OrgId, Result};
use gongkai_domain::calendar::parse_date;
use gongkai_domain::ledger::PlanStatus;
use gongkai_store::ledgers::{self, Plan, Task, TaskFields, mappings};
use gongkai_store::orgs::{self, Org};
use gongkai_store::{PlanId, TaskId};
use serde::Deserialize;

/// Longest task text kept, in characters.
pub const MAX_TASK_CHARS: usize = 2000;

/// The plan, when the user manages it.
pub(crate) async fn managed_plan(
    app: &App,
    user: &CurrentUser,
    id: PlanId,
) -> Result<(Plan, Vec<Org>)> {
    let all = orgs::list(&app.store).await?;
    let plan = ledgers::get(&app.store, id).await?;
    require_manager(user, &plan, &all)?;
    Ok((plan, all))
}

/// Refuses unless the plan is still a draft: once confirmed, its tasks and their units
/// carry the units' record and are no longer corrected here.
fn require_draft(plan: &Plan) -> Result<()> {
    if plan.status == PlanStatus::Draft {
        Ok(())
    } else {
        Err(Error::invalid(
            "计划",
            "计划已下发，任务和单位不能再修改；如需调整，请在台账表格中新增任务",
        ))
    }
}

/// A task and its plan, when the user manages the plan.
pub async fn managed_task(app: &App, user: &CurrentUser, id: TaskId) -> Result<(Plan, Task)> {
    let task = ledgers::task(&app.store, id).await?;
    let (plan, _) = managed_plan(app, user, task.plan_id).await?;
    Ok((plan, task))
}

/// The correction form of one task.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TaskInput {
    #[serde(default)]
    pub body: String,
    /// 牵头单位, separated by 、 or ，.
    #[serde(default)]
    pub lead: String,
    /// 责任单位, separated by 、 or ，.
    #[serde(default)]
    pub responsible: String,
    #[serde(default)]
    pub deadline_text: String,
    /// `YYYY-MM-DD`, or empty for none.
    #[serde(default)]
    pub deadline: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub ongoing: Option<String>,
}

impl TaskInput {
    /// The form filled with a task's current values.
    pub fn from_task(task: &Task) -> TaskInput {
        let f = &task.fields;
        TaskInput {
            body: f.body.clone(),
            lead: f.lead_names.join("、"),
            responsible: f.responsible_names.join("、"),
            deadline_text: f.deadline_text.clone().unwrap_or_default(),
            deadline: f.deadline.map(|d| d.to_string()).unwrap_or_default(),
            ongoing: f.ongoing.then(|| "on".to_string()),
        }
    }

    /// The corrected fields, keeping what the form does not edit (outline, headings,
    /// links) from `current`.
    pub fn apply(&self, current: &TaskFields) -> Result<TaskFields> {
        let body = self.body.trim();
        if body.is_empty() {
            return Err(Error::invalid("任务内容", "请填写任务内容"));
        }
        if body.chars().count() > MAX_TASK_CHARS {
            return Err(Error::invalid(
                "任务内容",
                format!("不能超过 {MAX_TASK_CHARS} 个字"),
            ));
        }
        let deadline = match self.deadline.trim() {
            "" => None,
            text => Some(parse_date(text).map_err(|_| {
                Error::invalid("工作时限", format!("“{text}”不是有效日期（YYYY-MM-DD）"))
            })?),
        };
        let deadline_text = self.deadline_text.trim();
        Ok(TaskFields {
            body: body.to_string(),
            lead_names: split_names(&self.lead),
            responsible_names: split_names(&self.responsible),
            deadline_text: (!deadline_text.is_empty()).then(|| deadline_text.to_string()),
            deadline,
            ongoing: self.ongoing.is_some(),
            ..current.clone()
        })
    }
}

/// Corrects a task and resolves its units again.
pub async fn update_task(
    app: &App,
    user: &CurrentUser,
    id: TaskId,
    input: &TaskInput,
) -> Result<Task> {
    let (plan, task) = managed_task(app, user, id).await?;
    require_draft(&plan)?;
    let fields = input.apply(&task.fields)?;
    let directory = Directory::load(app, plan.org_id).await?;
    let mut tx = app.store.begin(user.actor()).await?;
    ledgers::update_task(&mut tx, id, &fields).await?;
    ledgers::set_units(&mut tx, id, &assignments(&directory.resolver(), &fields)).await?;
    tx.commit().await?;
    Ok(ledgers::task(&app.store, id).await?)
}

/// Drops a task that is none (a heading or a note read as a task) from a draft plan.
pub async fn delete_task(app: &App, user: &CurrentUser, id: TaskId) -> Result<PlanId> {
    let (plan, _) = managed_task(app, user, id).await?;
    require_draft(&plan)?;
    if ledgers::is_linked(&app.store, id).await? {
        return Err(Error::invalid(
            "任务",
            "其他计划的任务对应本任务（上级任务或结转来源），不能删除",
        ));
    }
    let mut tx = app.store.begin(user.actor()).await?;
    ledgers::delete_task(&mut tx, id).await?;
    tx.commit().await?;
    Ok(plan.id)
}

/// One unit name a plan writes, with what it stands for.
#[derive(Debug, Clone)]
pub struct NameRow {
    pub name: String,
    pub resolved: Resolved,
    /// The units it stands for (or, when unknown, the proposals), with their names.
    pub units: Vec<Org>,
    /// How many tasks name it.
    pub tasks: usize,
}

/// Every unit name the plan's tasks write, unknown names first, then in first-seen
/// order.
pub async fn names(app: &App, user: &CurrentUser, id: PlanId) -> Result<Vec<NameRow>> {
    let (plan, _) = managed_plan(app, user, id).await?;
    names_of(app, &plan).await
}

/// [`names`] without the access check.
pub(crate) async fn names_of(app: &App, plan: &Plan) -> Result<Vec<NameRow>> {
    let tasks = ledgers::tasks_of(&app.store, plan.id).await?;
    let directory = Directory::load(app, plan.org_id).await?;
    let resolver = directory.resolver();
    let mut rows: Vec<NameRow> = Vec::new();
    for name in tasks.iter().flat_map(|t| {
        t.fields
            .lead_names
            .iter()
            .chain(&t.fields.responsible_names)
    }) {
        if let Some(row) = rows.iter_mut().find(|r| r.name == *name) {
            row.tasks += 1;
            continue;
        }
        let resolved = resolver.resolve(name);
        let ids: &[OrgId] = match &resolved {
            Resolved::Unknown { proposals } => proposals,
            other => other.units(),
        };
        let units = ids
            .iter()
            .filter_map(|id| directory.orgs.iter().find(|o| o.id == *id).cloned())
            .collect();
        rows.push(NameRow {
            name: name.clone(),
            resolved,
            units,
            tasks: 1,
        });
    }
    rows.sort_by_key(|r| !r.resolved.is_unknown());
    Ok(rows)
}

/// Maps a name to units (none: not a unit) for the plan's government, remembers it for
/// later plans, and resolves the plan's tasks again.
pub async fn map_name(
    app: &App,
    user: &CurrentUser,
    id: PlanId,
    name: &str,
    units: &[OrgId],
) -> Result<()> {
    let (plan, _) = managed_plan(app, user, id).await?;
    require_draft(&plan)?;
    remember(app, &user.actor(), &plan, name, units).await?;
    resolve_again(app, &user.actor(), &plan).await
}

/// Remembers a mapping for the plan's government, without the access check; the
/// plan's tasks keep their units until [`resolve_again`].
pub(crate) async fn remember(
    app: &App,
    actor: &Actor,
    plan: &Plan,
    name: &str,
    units: &[OrgId],
) -> Result<()> {
    let all = orgs::list(&app.store).await?;
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("单位名称", "请填写要对应的名称"));
    }
    let government = crate::access::government_of(&all, plan.org_id);
    if let Some(outside) = units
        .iter()
        .find(|u| !super::units::is_within(&all, **u, government))
    {
        return Err(Error::invalid(
            "对应单位",
            format!("单位 {outside} 不存在或不属于本级政府"),
        ));
    }
    let mut tx = app.store.begin(actor.clone()).await?;
    mappings::remember(&mut tx, government, name, units).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets every task's units from its written names with the current directory and
/// mappings, in one transaction.
pub(crate) async fn resolve_again(app: &App, actor: &Actor, plan: &Plan) -> Result<()> {
    let tasks = ledgers::tasks_of(&app.store, plan.id).await?;
    let directory = Directory::load(app, plan.org_id).await?;
    let resolver = directory.resolver();
    let mut tx = app.store.begin(actor.clone()).await?;
    for task in &tasks {
        ledgers::set_units(&mut tx, task.id, &assignments(&resolver, &task.fields)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Confirms a draft plan: refused while a unit name is unknown or the plan has no
/// task; afterwards the units see their tasks.
pub async fn confirm(app: &App, user: &CurrentUser, id: PlanId) -> Result<()> {
    let (plan, _) = managed_plan(app, user, id).await?;
    confirm_plan(app, &user.actor(), &plan).await
}

/// [`confirm`] without the access check.
pub(crate) async fn confirm_plan(app: &App, actor: &Actor, plan: &Plan) -> Result<()> {
    require_draft(plan)?;
    let id = plan.id;
    let unknown: Vec<String> = names_of(app, plan)
        .await?
        .into_iter()
        .filter(|r| r.resolved.is_unknown())
        .map(|r| r.name)
        .collect();
    if !unknown.is_empty() {
        return Err(Error::invalid(
            "单位名称",
            format!("以下名称尚未对应到单位：{}", unknown.join("、")),
        ));
    }
    let tasks = ledgers::tasks_of(&app.store, id).await?;
    if tasks.is_empty() {
        return Err(Error::invalid("任务", "计划没有任务，不能下发"));
    }
    let directory = Directory::load(app, plan.org_id).await?;
    let resolver = directory.resolver();
    let mut tx = app.store.begin(actor.clone()).await?;
    ledgers::confirm(&mut tx, id).await?;
    for task in &tasks {
        ledgers::set_units(&mut tx, task.id, &assignments(&resolver, &task.fields)).await?;
    }
    tx.commit().await?;
    Ok(())
}
