//! The indicators of the office's own work: consultations that ran their period and
//! published the 采纳情况, ledger tasks by their deadlines, and the annual report by
//! 31 January or 31 March (条例 Art. 49).

use super::sourced::Sourced;
use crate::config::china_offset;
use crate::{App, Result};
use chrono::NaiveDate;
use gongkai_domain::compliance::{
    ADOPTION_REPORT_WORKDAYS, Indicator, Item, RecordRef, annual_report_due,
};
use gongkai_domain::ledger::UnitRole;
use gongkai_domain::org::OrgKind;
use gongkai_store::ledgers::{self, reports};
use gongkai_store::{Timestamp, annual_reports, consultations, orgs};

fn china_date(t: Timestamp) -> NaiveDate {
    t.with_timezone(&china_offset()).date_naive()
}

/// Every consultation that has ended: its 采纳情况 due 20 working days after the end.
async fn consultations(app: &App, today: NaiveDate, out: &mut Sourced) -> Result<()> {
    for c in consultations::list(&app.store).await? {
        let ended = c.closed_early_on.unwrap_or(c.fields.ends_on);
        if ended > today {
            continue;
        }
        let due = app
            .calendar
            .add_workdays(ended, ADOPTION_REPORT_WORKDAYS)
            .value;
        let done = c.published_at.map(china_date);
        let record = RecordRef {
            kind: "consultation",
            id: c.id.0,
        };
        let mut item = Item::judged(
            &app.calendar,
            record,
            format!("征求意见《{}》", c.fields.title),
            due,
            done,
            today,
        );
        if !c.fields.short_reason.is_empty() {
            item.note = format!("期限较短，理由：{}", c.fields.short_reason);
        }
        out.push(Indicator::Consultations, Some(c.fields.org_id), item);
    }
    Ok(())
}

/// Every task of a confirmed plan with a deadline, for each of its lead units (牵头单位
/// answer for it): done when last reported completed or signed off.
async fn tasks(app: &App, today: NaiveDate, out: &mut Sourced) -> Result<()> {
    let done_at = reports::done_at(&app.store).await?;
    for plan in ledgers::list(&app.store).await? {
        if plan.confirmed_at.is_none() {
            continue;
        }
        for task in ledgers::tasks_of(&app.store, plan.id).await? {
            let Some(deadline) = task.fields.deadline else {
                continue;
            };
            let done = done_at
                .get(&task.id)
                .filter(|_| task.status.is_done())
                .map(|t| china_date(*t));
            let label = format!("《{}》{}", plan.title, task.fields.outline);
            for unit in task.units_as(UnitRole::Lead) {
                let record = RecordRef {
                    kind: "task",
                    id: task.id.0,
                };
                let item =
                    Item::judged(&app.calendar, record, label.clone(), deadline, done, today);
                out.push(Indicator::LedgerTasks, Some(unit.org_id), item);
            }
        }
    }
    Ok(())
}

/// Every unit's annual report for every year from the platform's first record to last
/// year: due by 31 January, or 31 March for a people's government.
async fn annual_reports(
    app: &App,
    years: std::ops::RangeInclusive<i32>,
    today: NaiveDate,
    out: &mut Sourced,
) -> Result<()> {
    let published = annual_reports::published_list(&app.store).await?;
    for org in orgs::list(&app.store).await? {
        for year in years.clone() {
            let Some(due) = annual_report_due(year, org.kind == OrgKind::Government) else {
                continue;
            };
            let done = published
                .iter()
                .find(|p| p.org_id == org.id && p.year == year)
                .map(|p| china_date(p.published_at));
            let record = RecordRef {
                kind: "annual_report",
                id: i64::from(year),
            };
            let label = format!("{year}年政府信息公开工作年度报告");
            out.push(
                Indicator::AnnualReport,
                Some(org.id),
                Item::judged(&app.calendar, record, label, due, done, today),
            );
        }
    }
    Ok(())
}

/// The indicators of the office's work; annual reports of the years whose deadline
/// can fall in `years`' span.
pub(super) async fn collect(
    app: &App,
    years: std::ops::RangeInclusive<i32>,
    today: NaiveDate,
    out: &mut Sourced,
) -> Result<()> {
    consultations(app, today, out).await?;
    tasks(app, today, out).await?;
    annual_reports(app, years, today, out).await
}
