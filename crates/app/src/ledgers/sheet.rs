//! The ledger as a spreadsheet, the way offices keep it: export in the ledger layout
//! (序号, 目标任务, 任务内容, 牵头单位, 责任单位, 工作时限, 进展情况, 状态) and import of
//! the edited sheet back.
//!
//! An imported row is matched to its task by 序号; its text, units and deadline replace
//! the task's (units resolved again), and a row with a new 序号 becomes a new task. Once
//! the plan is confirmed, a row may no longer change an existing task's units (its
//! record belongs to them), and a new task's unit names must all be known. 进展情况 and
//! 状态 are not read back: progress and sign-off go through the record, which says who
//! did what and when. The whole sheet is checked before anything is written, and every
//! column a row is read from must be there: a missing column never empties a field.

use super::review::managed_plan;
use super::units::{Directory, UnitResolver, assignments};
use super::{TaskRow, rows_of};
use crate::access::CurrentUser;
use crate::orgs::split_names;
use crate::table::{Column, read_upload, write_xlsx};
use crate::{App, Error, PlanId, Result};
use gongkai_domain::calendar::parse_date;
use gongkai_domain::deadline_phrase;
use gongkai_domain::ledger::{PlanStatus, ReportKind};
use gongkai_store::ledgers::{self, Task, TaskFields, reports};

/// The ledger layout's columns and their widths.
pub const COLUMNS: [Column<'static>; 8] = [
    ("序号", 8.0),
    ("目标任务", 28.0),
    ("任务内容", 60.0),
    ("牵头单位", 20.0),
    ("责任单位", 30.0),
    ("工作时限", 16.0),
    ("进展情况", 40.0),
    ("状态", 12.0),
];

/// The plan's ledger as an XLSX file, with each task's latest progress report.
pub async fn export(app: &App, user: &CurrentUser, id: PlanId) -> Result<(String, Vec<u8>)> {
    let (plan, _) = managed_plan(app, user, id).await?;
    let rows = rows_of(app, ledgers::tasks_of(&app.store, id).await?);
    let mut lines = Vec::with_capacity(rows.len());
    for row in &rows {
        let progress = reports::of(&app.store, row.task.id)
            .await?
            .into_iter()
            .rev()
            .find(|r| r.kind == ReportKind::Progress)
            .map(|r| format!("{}：{}", r.org_name, r.body))
            .unwrap_or_default();
        lines.push(line(row, progress));
    }
    let bytes = write_xlsx("任务台账", &plan.title, &COLUMNS, lines)?;
    Ok((format!("{}.xlsx", plan.title), bytes))
}

/// The 工作时限 cell of a task: the deadline as written, else its date.
fn deadline_cell(f: &TaskFields) -> String {
    match (&f.deadline_text, f.deadline) {
        (Some(text), _) => text.clone(),
        (None, Some(date)) => date.to_string(),
        (None, None) => String::new(),
    }
}

fn line(row: &TaskRow, progress: String) -> Vec<String> {
    let f = &row.task.fields;
    let mut status = row.task.status.label_zh().to_string();
    if row.timeliness.is_overdue() {
        status.push_str("（逾期）");
    }
    vec![
        f.outline.clone(),
        f.path.join(" / "),
        f.body.clone(),
        f.lead_names.join("、"),
        f.responsible_names.join("、"),
        deadline_cell(f),
        progress,
        status,
    ]
}

/// What an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SheetImport {
    pub updated: usize,
    pub added: usize,
    pub unchanged: usize,
}

/// One data row of an edited sheet.
struct SheetRow {
    line: usize,
    outline: String,
    path: Vec<String>,
    body: String,
    lead: String,
    responsible: String,
    deadline: String,
}

/// Reads an edited ledger back into the plan: all rows or none.
pub async fn import(
    app: &App,
    user: &CurrentUser,
    id: PlanId,
    file_name: &str,
    bytes: &[u8],
) -> Result<SheetImport> {
    let (plan, _) = managed_plan(app, user, id).await?;
    let rows = sheet_rows(read_upload(file_name, bytes)?)?;
    let tasks = ledgers::tasks_of(&app.store, id).await?;
    let directory = Directory::load(app, plan.org_id).await?;
    let resolver = directory.resolver();
    let confirmed = plan.status == PlanStatus::Confirmed;
    let mut changes: Vec<(Option<gongkai_store::TaskId>, TaskFields)> = Vec::new();
    let mut errors = Vec::new();
    let mut report = SheetImport::default();
    for (n, row) in rows.iter().enumerate() {
        let matching: Vec<&Task> = tasks
            .iter()
            .filter(|t| t.fields.outline == row.outline)
            .collect();
        let checked = if rows[..n].iter().any(|r| r.outline == row.outline) {
            Err(format!("序号“{}”重复", row.outline))
        } else if matching.len() > 1 {
            Err(format!(
                "计划中有多项任务的序号为“{}”，请先在后台修改",
                row.outline
            ))
        } else {
            let current = matching.first().copied();
            fields(
                row,
                current.map(|t| t.fields.clone()).unwrap_or_default(),
                plan.year,
            )
            .and_then(|f| check_confirmed(confirmed, current, f, &resolver))
            .map(|f| (current, f))
        };
        match checked {
            Ok((Some(task), fields)) if task.fields == fields => report.unchanged += 1,
            Ok((current, fields)) => changes.push((current.map(|t| t.id), fields)),
            Err(message) => errors.push(format!("第 {} 行：{message}", row.line)),
        }
    }
    if !errors.is_empty() {
        return Err(Error::Import(errors));
    }
    let mut tx = app.store.begin(user.actor()).await?;
    for (task, fields) in &changes {
        let task = match task {
            Some(task) => {
                ledgers::update_task(&mut tx, *task, fields).await?;
                report.updated += 1;
                *task
            }
            None => {
                report.added += 1;
                ledgers::add_task(&mut tx, id, fields).await?
            }
        };
        ledgers::set_units(&mut tx, task, &assignments(&resolver, fields)).await?;
    }
    tx.commit().await?;
    Ok(report)
}

/// On a confirmed plan, a row keeps an existing task's units, and a new task's unit
/// names must all resolve.
fn check_confirmed(
    confirmed: bool,
    current: Option<&Task>,
    fields: TaskFields,
    resolver: &UnitResolver<'_>,
) -> std::result::Result<TaskFields, String> {
    if !confirmed {
        return Ok(fields);
    }
    match current {
        Some(task)
            if task.fields.lead_names != fields.lead_names
                || task.fields.responsible_names != fields.responsible_names =>
        {
            Err("计划已下发，不能通过表格修改已有任务的单位".to_string())
        }
        Some(_) => Ok(fields),
        None => {
            let unknown: Vec<&str> = fields
                .lead_names
                .iter()
                .chain(&fields.responsible_names)
                .filter(|name| resolver.resolve(name).is_unknown())
                .map(String::as_str)
                .collect();
            if unknown.is_empty() {
                Ok(fields)
            } else {
                Err(format!("无法识别的单位：{}", unknown.join("、")))
            }
        }
    }
}

/// How many leading columns of the layout a row is read from: all must be present.
const READ_COLUMNS: usize = 6;

/// The data rows under the header row (found by its 序号 and 任务内容 cells).
fn sheet_rows(table: Vec<Vec<String>>) -> Result<Vec<SheetRow>> {
    let header = table
        .iter()
        .position(|r| {
            r.first().is_some_and(|c| c.trim() == "序号")
                && r.iter().any(|c| c.trim() == "任务内容")
        })
        .ok_or_else(|| {
            Error::invalid("文件", "找不到表头：请使用导出的台账表格（第一列为“序号”）")
        })?;
    let index = |name: &str| table[header].iter().position(|c| c.trim() == name);
    let columns: Vec<Option<usize>> = COLUMNS.iter().map(|(name, _)| index(name)).collect();
    let missing: Vec<&str> = COLUMNS[..READ_COLUMNS]
        .iter()
        .zip(&columns)
        .filter(|(_, at)| at.is_none())
        .map(|((name, _), _)| *name)
        .collect();
    if !missing.is_empty() {
        return Err(Error::invalid(
            "文件",
            format!("表头缺少“{}”列：请使用导出的台账表格", missing.join("”“")),
        ));
    }
    let cell = |row: &[String], i: usize| -> String {
        columns[i]
            .and_then(|c| row.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    Ok(table
        .iter()
        .enumerate()
        .skip(header + 1)
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, r)| SheetRow {
            line: i + 1,
            outline: cell(r, 0),
            path: cell(r, 1)
                .split(" / ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            body: cell(r, 2),
            lead: cell(r, 3),
            responsible: cell(r, 4),
            deadline: cell(r, 5),
        })
        .collect())
}

/// A row's fields over the task's current ones. An unchanged deadline cell keeps the
/// task's deadline; a changed one is a date or a phrase read against the plan's year.
fn fields(
    row: &SheetRow,
    base: TaskFields,
    year: Option<i32>,
) -> std::result::Result<TaskFields, String> {
    if row.outline.is_empty() {
        return Err("序号为空".to_string());
    }
    if row.body.is_empty() {
        return Err("任务内容为空".to_string());
    }
    let (deadline_text, deadline, ongoing) = if row.deadline == deadline_cell(&base) {
        (base.deadline_text.clone(), base.deadline, base.ongoing)
    } else if row.deadline.is_empty() {
        (None, None, false)
    } else if let Ok(date) = parse_date(&row.deadline) {
        (None, Some(date), false)
    } else {
        let reading = deadline_phrase::read(&row.deadline, year);
        if reading.date.is_none() && !reading.ongoing {
            return Err(format!(
                "无法识别工作时限“{}”（可填写日期或“9月底前”“持续推进”等）",
                row.deadline
            ));
        }
        (Some(row.deadline.clone()), reading.date, reading.ongoing)
    };
    Ok(TaskFields {
        outline: row.outline.clone(),
        path: if row.path.is_empty() {
            base.path.clone()
        } else {
            row.path.clone()
        },
        body: row.body.clone(),
        lead_names: split_names(&row.lead),
        responsible_names: split_names(&row.responsible),
        deadline_text,
        deadline,
        ongoing,
        ..base
    })
}
