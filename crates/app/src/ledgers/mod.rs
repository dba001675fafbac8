//! Work-plan ledgers (任务分工台账): a plan read from a file or a library document
//! ([`import`]), reviewed and corrected by the disclosure office and handed to the
//! units ([`review`]), then tracked by each unit on its part ([`tracking`]) to the
//! office's sign-off ([`sign_off`]), with
//! figures per plan and per unit ([`Stats`]).
//!
//! Who may do what: a plan is run by a unit (a government, or the office that does
//! disclosure work for it). Office staff and admins whose grants cover that unit manage
//! the plan (import, correct, map names, confirm, sign off, return); leaders covering it
//! follow it; a unit's staff see the tasks assigned to their unit and only their own
//! unit's reports. Unit names resolve below the running unit's government.

pub mod derive;
pub mod import;
pub mod review;
pub mod sheet;
pub mod sign_off;
pub mod tracking;
pub mod units;

use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use gongkai_domain::calendar::Calendar;
use gongkai_domain::ledger::{PlanStatus, TaskStatus, Timeliness, completion_percent};
use gongkai_domain::role::Role;
use gongkai_store::ledgers::{self, Plan, Task};
use gongkai_store::orgs::{self, Org};
use gongkai_store::{OrgId, PlanId};

/// Roles that manage the plans of the units their grant covers.
pub const LEDGER_MANAGERS: [Role; 2] = [Role::Admin, Role::Office];
/// Roles that follow every task of such a plan.
pub const LEDGER_OVERSEERS: [Role; 3] = [Role::Admin, Role::Office, Role::Leader];
/// Roles that report progress for the units their grant covers.
pub const TASK_REPORTERS: [Role; 4] = [Role::Admin, Role::Office, Role::Editor, Role::Reviewer];

/// A task with its standing against its deadline today.
#[derive(Debug, Clone)]
pub struct TaskRow {
    pub task: Task,
    pub timeliness: Timeliness,
}

impl TaskRow {
    fn of(task: Task, calendar: &Calendar) -> TaskRow {
        let timeliness = Timeliness::of(task.fields.deadline, task.status, today(), calendar);
        TaskRow { task, timeliness }
    }
}

/// The figures of a set of tasks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub total: usize,
    /// Tasks per status, in [`TaskStatus::ALL`] order.
    pub by_status: Vec<(TaskStatus, usize)>,
    /// Completed or signed off.
    pub done: usize,
    pub overdue: usize,
    pub completion_percent: u32,
}

impl Stats {
    /// The figures of whole tasks.
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a TaskRow>) -> Stats {
        Stats::of_items(
            rows.into_iter()
                .map(|r| (r.task.status, r.timeliness.is_overdue())),
        )
    }

    /// The figures of one unit's parts of tasks: each counted by the unit's own status,
    /// overdue while the task is and the unit's part is not done.
    fn of_parts<'a>(org: OrgId, rows: impl IntoIterator<Item = &'a TaskRow>) -> Stats {
        Stats::of_items(rows.into_iter().filter_map(|r| {
            let part = r.task.part_of(org)?;
            Some((part, r.timeliness.is_overdue() && !part.is_done()))
        }))
    }

    /// The figures of items given as (status, overdue).
    fn of_items(items: impl Iterator<Item = (TaskStatus, bool)>) -> Stats {
        let items: Vec<(TaskStatus, bool)> = items.collect();
        let count = |status: TaskStatus| items.iter().filter(|(s, _)| *s == status).count();
        let done = items.iter().filter(|(s, _)| s.is_done()).count();
        Stats {
            total: items.len(),
            by_status: TaskStatus::ALL.iter().map(|s| (*s, count(*s))).collect(),
            done,
            overdue: items.iter().filter(|(_, overdue)| *overdue).count(),
            completion_percent: completion_percent(done, items.len()),
        }
    }
}

/// The figures of one unit within a plan: its parts of the tasks it leads or shares,
/// each by the unit's own status (a shared task counts for each unit on its own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitStats {
    pub org_id: OrgId,
    pub name: String,
    pub stats: Stats,
}

/// Figures per unit, in directory order, for the units that have tasks.
pub fn unit_stats(rows: &[TaskRow], orgs: &[Org]) -> Vec<UnitStats> {
    orgs.iter()
        .filter_map(|org| {
            let stats = Stats::of_parts(org.id, rows);
            (stats.total > 0).then(|| UnitStats {
                org_id: org.id,
                name: org.name.clone(),
                stats,
            })
        })
        .collect()
}

/// Whether a grant of one of `roles` covers the unit running the plan.
fn covers_plan(user: &CurrentUser, roles: &[Role], plan: &Plan, orgs: &[Org]) -> bool {
    user.covers(roles, plan.org_id, orgs)
}

/// Refuses unless the user manages the plan.
pub(crate) fn require_manager(user: &CurrentUser, plan: &Plan, orgs: &[Org]) -> Result<()> {
    if covers_plan(user, &LEDGER_MANAGERS, plan, orgs) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// The units the user works for among `units` (any staff grant covering them).
fn own_units(user: &CurrentUser, units: impl Iterator<Item = OrgId>, orgs: &[Org]) -> Vec<OrgId> {
    let mut own: Vec<OrgId> = units
        .filter(|id| user.covers(&crate::access::STAFF, *id, orgs))
        .collect();
    own.dedup();
    own
}

/// A plan in the list, with its figures.
#[derive(Debug, Clone)]
pub struct PlanSummary {
    pub plan: Plan,
    /// The name of the unit running the plan.
    pub runner: String,
    pub stats: Stats,
}

/// The plans the user follows (office, admin or leader over the running unit), newest
/// year first.
pub async fn plans(app: &App, user: &CurrentUser) -> Result<Vec<PlanSummary>> {
    let orgs = orgs::list(&app.store).await?;
    let mut summaries = Vec::new();
    for plan in ledgers::list(&app.store).await? {
        if !covers_plan(user, &LEDGER_OVERSEERS, &plan, &orgs) {
            continue;
        }
        let rows = rows_of(app, ledgers::tasks_of(&app.store, plan.id).await?);
        summaries.push(PlanSummary {
            runner: org_name(&orgs, plan.org_id),
            stats: Stats::of(&rows),
            plan,
        });
    }
    Ok(summaries)
}

fn rows_of(app: &App, tasks: Vec<Task>) -> Vec<TaskRow> {
    tasks
        .into_iter()
        .map(|t| TaskRow::of(t, &app.calendar))
        .collect()
}

pub(crate) fn org_name(orgs: &[Org], id: OrgId) -> String {
    orgs.iter()
        .find(|o| o.id == id)
        .map(|o| o.name.clone())
        .unwrap_or_default()
}

/// A plan as one user sees it.
#[derive(Debug, Clone)]
pub struct PlanView {
    pub plan: Plan,
    /// The name of the unit running the plan.
    pub runner: String,
    /// Every task for those who follow the plan; a unit's own tasks otherwise.
    pub rows: Vec<TaskRow>,
    pub stats: Stats,
    pub units: Vec<UnitStats>,
    pub may_manage: bool,
    /// Whether the user sees the whole plan (office, admin, leader).
    pub oversees: bool,
}

/// A plan with the tasks the user may see: all of them for its office, admins and
/// leaders; a unit's staff see their units' tasks of a confirmed plan, and nobody else
/// sees anything.
pub async fn plan_view(app: &App, user: &CurrentUser, id: PlanId) -> Result<PlanView> {
    let orgs = orgs::list(&app.store).await?;
    let plan = ledgers::get(&app.store, id).await?;
    let oversees = covers_plan(user, &LEDGER_OVERSEERS, &plan, &orgs);
    let mut rows = rows_of(app, ledgers::tasks_of(&app.store, id).await?);
    if !oversees {
        if plan.status != PlanStatus::Confirmed {
            return Err(Error::Forbidden);
        }
        rows.retain(|r| !own_units(user, r.task.units.iter().map(|u| u.org_id), &orgs).is_empty());
        if rows.is_empty() {
            return Err(Error::Forbidden);
        }
    }
    Ok(PlanView {
        runner: org_name(&orgs, plan.org_id),
        stats: Stats::of(&rows),
        units: unit_stats(&rows, &orgs),
        may_manage: covers_plan(user, &LEDGER_MANAGERS, &plan, &orgs),
        oversees,
        rows,
        plan,
    })
}

/// The units a user may run plans for: those of their office and admin grants (a
/// government, or the office (区府办) that runs disclosure work for it).
pub async fn running_units(app: &App, user: &CurrentUser) -> Result<Vec<Org>> {
    let orgs = orgs::list(&app.store).await?;
    Ok(orgs
        .iter()
        .filter(|o| {
            user.grants
                .iter()
                .any(|g| g.org_id == o.id && LEDGER_MANAGERS.contains(&g.role))
        })
        .cloned()
        .collect())
}
