//! Tasks taken from one plan into another, keeping the link: the year-end 回头看 that
//! carries a confirmed plan's unfinished tasks into next year's plan, and a local task
//! division started from a superior plan (picked tasks, then units and deadlines
//! reassigned in the draft).
//!
//! The target is a draft plan the user manages, or a new one. A task already taken
//! into the target from the same source task is not taken twice.

use super::review::managed_plan;
use super::units::{Directory, assignments};
use super::{LEDGER_MANAGERS, LEDGER_OVERSEERS, TaskRow, rows_of};
use crate::access::CurrentUser;
use crate::{App, Error, OrgId, PlanId, Result, TaskId};
use gongkai_domain::ledger::PlanStatus;
use gongkai_store::ledgers::{self, NewPlan, Plan, Task, TaskFields};
use gongkai_store::orgs;

/// How the taken tasks are linked to their source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// 回头看: last year's unfinished task carried on.
    CarryOver,
    /// The superior plan's task this local one implements.
    Superior,
}

impl Link {
    pub fn parse(code: &str) -> Option<Link> {
        match code {
            "carry-over" => Some(Link::CarryOver),
            "superior" => Some(Link::Superior),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Link::CarryOver => "carry-over",
            Link::Superior => "superior",
        }
    }

    fn of(self, fields: &TaskFields) -> Option<TaskId> {
        match self {
            Link::CarryOver => fields.carried_from_id,
            Link::Superior => fields.superior_task_id,
        }
    }
}

/// What the pick page offers.
#[derive(Debug, Clone)]
pub struct Pick {
    pub source: Plan,
    /// The tasks that may be taken: unfinished ones for 回头看, all for a superior plan.
    pub rows: Vec<TaskRow>,
    /// Draft plans the user manages, to take them into.
    pub targets: Vec<Plan>,
    /// The units a new plan may be run by.
    pub runners: Vec<gongkai_store::orgs::Org>,
    /// The title proposed for a new plan.
    pub new_title: String,
}

/// The source plan and what may be taken from it.
pub async fn pick(app: &App, user: &CurrentUser, source: PlanId, link: Link) -> Result<Pick> {
    let source = readable_source(app, user, source, link).await?;
    let mut rows = rows_of(app, ledgers::tasks_of(&app.store, source.id).await?);
    if link == Link::CarryOver {
        rows.retain(|r| !r.task.status.is_done());
    }
    Ok(Pick {
        targets: draft_targets(app, user, source.id).await?,
        runners: super::running_units(app, user).await?,
        new_title: proposed_title(&source, link),
        rows,
        source,
    })
}

/// 回头看 needs the right to manage the confirmed plan; a superior plan needs only the
/// right to follow it.
async fn readable_source(app: &App, user: &CurrentUser, id: PlanId, link: Link) -> Result<Plan> {
    match link {
        Link::CarryOver => {
            let (plan, _) = managed_plan(app, user, id).await?;
            if plan.status != PlanStatus::Confirmed {
                return Err(Error::invalid("回头看", "计划尚未下发，没有可结转的任务"));
            }
            Ok(plan)
        }
        Link::Superior => {
            let all = orgs::list(&app.store).await?;
            let plan = ledgers::get(&app.store, id).await?;
            if user.covers(&LEDGER_OVERSEERS, plan.org_id, &all) {
                Ok(plan)
            } else {
                Err(Error::Forbidden)
            }
        }
    }
}

async fn draft_targets(app: &App, user: &CurrentUser, source: PlanId) -> Result<Vec<Plan>> {
    let all = orgs::list(&app.store).await?;
    Ok(ledgers::list(&app.store)
        .await?
        .into_iter()
        .filter(|p| {
            p.id != source
                && p.status == PlanStatus::Draft
                && user.covers(&LEDGER_MANAGERS, p.org_id, &all)
        })
        .collect())
}

fn proposed_title(source: &Plan, link: Link) -> String {
    match (link, source.year) {
        (Link::CarryOver, Some(year)) => format!("{}年结转任务", year + 1),
        (Link::CarryOver, None) => format!("{}（结转任务）", source.title),
        (Link::Superior, _) => format!("{}（本级任务分工）", source.title),
    }
}

/// Where the tasks go.
#[derive(Debug, Clone)]
pub enum Target {
    /// A draft plan the user manages.
    Plan(PlanId),
    /// A new draft plan with this title, run by this unit.
    New { title: String, runner: OrgId },
}

/// Takes `tasks` of `source` into the target; returns the target and how many were
/// taken (those already there are skipped).
pub async fn take(
    app: &App,
    user: &CurrentUser,
    source: PlanId,
    link: Link,
    tasks: &[TaskId],
    target: Target,
) -> Result<(PlanId, usize)> {
    let offered = pick(app, user, source, link).await?;
    let chosen: Vec<&Task> = offered
        .rows
        .iter()
        .map(|r| &r.task)
        .filter(|t| tasks.contains(&t.id))
        .collect();
    if chosen.is_empty() || chosen.len() != tasks.len() {
        return Err(Error::invalid("任务", "请选择本计划中可转入的任务"));
    }
    let target_plan = target_plan(&offered, link, target)?;
    let existing = match &target_plan {
        TargetPlan::Existing(plan) => ledgers::tasks_of(&app.store, plan.id).await?,
        TargetPlan::New(_) => Vec::new(),
    };
    let already: Vec<TaskId> = existing.iter().filter_map(|t| link.of(&t.fields)).collect();
    let section = next_section(&existing);
    let runner = match &target_plan {
        TargetPlan::Existing(Plan { org_id, .. }) | TargetPlan::New(NewPlan { org_id, .. }) => {
            *org_id
        }
    };
    let directory = Directory::load(app, runner).await?;
    let resolver = directory.resolver();
    let mut tx = app.store.begin(user.actor()).await?;
    let target_id = match target_plan {
        TargetPlan::Existing(plan) => plan.id,
        TargetPlan::New(plan) => ledgers::create(&mut tx, &plan, &[]).await?.0.id,
    };
    let mut taken = 0;
    for task in chosen.into_iter().filter(|t| !already.contains(&t.id)) {
        let fields = TaskFields {
            outline: format!("{section}.{}", taken + 1),
            ..linked_fields(task, link)
        };
        let id = ledgers::add_task(&mut tx, target_id, &fields).await?;
        ledgers::set_units(&mut tx, id, &assignments(&resolver, &fields)).await?;
        taken += 1;
    }
    tx.commit().await?;
    Ok((target_id, taken))
}

/// The first top-level number after the target's tasks: taken tasks are numbered under
/// it (`3.1`, `3.2`…), so their 序号 never collide with the target's.
fn next_section(tasks: &[Task]) -> u32 {
    tasks
        .iter()
        .filter_map(|t| t.fields.outline.split('.').next()?.parse::<u32>().ok())
        .max()
        .map_or(1, |n| n.saturating_add(1))
}

enum TargetPlan {
    Existing(Plan),
    New(NewPlan),
}

fn target_plan(offered: &Pick, link: Link, target: Target) -> Result<TargetPlan> {
    match target {
        Target::Plan(id) => offered
            .targets
            .iter()
            .find(|p| p.id == id)
            .cloned()
            .map(TargetPlan::Existing)
            .ok_or_else(|| Error::invalid("转入计划", "只能转入您管理的待确认计划")),
        Target::New { title, runner } => {
            let title = title.trim();
            if title.is_empty() {
                return Err(Error::invalid("新计划名称", "请填写新计划的名称"));
            }
            if !offered.runners.iter().any(|o| o.id == runner) {
                return Err(Error::Forbidden);
            }
            let next = i32::from(link == Link::CarryOver);
            Ok(TargetPlan::New(NewPlan {
                title: title.to_string(),
                year: leading_year(title).or(offered.source.year.map(|y| y + next)),
                org_id: runner,
                source_document_id: None,
                source_name: offered.source.title.clone(),
            }))
        }
    }
}

/// The year a title starts with (2023年…).
fn leading_year(title: &str) -> Option<i32> {
    let digits: String = title.chars().take_while(char::is_ascii_digit).collect();
    let rest = title.get(digits.len()..)?;
    (digits.len() == 4 && rest.starts_with('年'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The copy of a task in its new plan. A carried task keeps its text and units but not
/// last year's deadline, which the office sets anew; a superior task keeps its
/// deadline until the local one is set.
fn linked_fields(task: &Task, link: Link) -> TaskFields {
    let source = &task.fields;
    match link {
        Link::CarryOver => TaskFields {
            deadline_text: Some(match &source.deadline_text {
                Some(text) => format!("上年工作时限：{text}"),
                None => "上年结转".to_string(),
            }),
            deadline: None,
            carried_from_id: Some(task.id),
            superior_task_id: source.superior_task_id,
            ..source.clone()
        },
        Link::Superior => TaskFields {
            superior_task_id: Some(task.id),
            carried_from_id: None,
            ..source.clone()
        },
    }
}
