//! The figures of a month's messages, per answering unit: received, replied, replied on
//! time, still open past their due date, and the average working days to a reply;
//! with the counts by category and by box; as a table and an XLSX sheet. Only the
//! messages the user sees are counted.

use super::view::{MessageView, staff_list};
use crate::access::CurrentUser;
use crate::table::{Column, write_xlsx};
use crate::{App, Error, Result};
use chrono::Datelike;
use gongkai_domain::message::Category;
use gongkai_store::messages::Status;

/// The figures of one unit (or of all).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitFigures {
    pub unit: String,
    pub received: usize,
    pub replied: usize,
    /// Replied by the due date.
    pub on_time: usize,
    /// Not replied (nor refused) and past the due date.
    pub overdue: usize,
    /// The average working days from receipt to reply, of those replied.
    pub average_workdays: Option<f64>,
}

/// A month's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthFigures {
    pub year: i32,
    pub month: u32,
    pub units: Vec<UnitFigures>,
    pub total: UnitFigures,
    pub by_category: Vec<(Category, usize)>,
    pub by_box: Vec<(String, usize)>,
}

fn figures(unit: &str, views: &[&MessageView], app: &App) -> UnitFigures {
    let replied: Vec<&&MessageView> = views
        .iter()
        .filter(|v| v.message.status == Status::Replied)
        .collect();
    let days: Vec<i64> = replied
        .iter()
        .filter_map(|v| {
            let on = v.message.replied_on?;
            Some(
                app.calendar
                    .workdays_between(v.message.fields.received_on, on)
                    .value,
            )
        })
        .collect();
    UnitFigures {
        unit: unit.to_string(),
        received: views.len(),
        replied: replied.len(),
        on_time: replied
            .iter()
            .filter(|v| v.message.replied_on.is_some_and(|on| on <= v.due.due))
            .count(),
        overdue: views.iter().filter(|v| v.timeliness.is_overdue()).count(),
        average_workdays: (!days.is_empty())
            .then(|| days.iter().sum::<i64>() as f64 / days.len() as f64),
    }
}

/// The figures of the messages received in `month` of `year` that the user sees.
pub async fn month_figures(
    app: &App,
    user: &CurrentUser,
    year: i32,
    month: u32,
) -> Result<MonthFigures> {
    if !(1..=12).contains(&month) {
        return Err(Error::invalid("月份", "请选择 1 到 12 月"));
    }
    let all = staff_list(app, user).await?;
    let views: Vec<&MessageView> = all
        .iter()
        .filter(|v| {
            let d = v.message.fields.received_on;
            d.year() == year && d.month() == month
        })
        .collect();
    let mut units: Vec<String> = views.iter().map(|v| v.unit_name.clone()).collect();
    units.sort();
    units.dedup();
    let mut boxes: Vec<String> = views
        .iter()
        .map(|v| v.mailbox.fields.name.clone())
        .collect();
    boxes.sort();
    boxes.dedup();
    Ok(MonthFigures {
        year,
        month,
        units: units
            .iter()
            .map(|u| {
                let of: Vec<&MessageView> = views
                    .iter()
                    .copied()
                    .filter(|v| &v.unit_name == u)
                    .collect();
                figures(u, &of, app)
            })
            .collect(),
        total: figures("合计", &views, app),
        by_category: Category::ALL
            .into_iter()
            .map(|c| {
                (
                    c,
                    views
                        .iter()
                        .filter(|v| v.message.fields.category == c)
                        .count(),
                )
            })
            .collect(),
        by_box: boxes
            .into_iter()
            .map(|b| {
                let n = views.iter().filter(|v| v.mailbox.fields.name == b).count();
                (b, n)
            })
            .collect(),
    })
}

const COLUMNS: [Column<'static>; 6] = [
    ("单位", 28.0),
    ("收到", 8.0),
    ("已答复", 8.0),
    ("按时答复", 10.0),
    ("逾期未答复", 10.0),
    ("平均答复用时（工作日）", 20.0),
];

/// A month's figures as an XLSX sheet.
pub async fn sheet(
    app: &App,
    user: &CurrentUser,
    year: i32,
    month: u32,
) -> Result<(String, Vec<u8>)> {
    let f = month_figures(app, user, year, month).await?;
    let rows = f.units.iter().chain(std::iter::once(&f.total)).map(|u| {
        vec![
            u.unit.clone(),
            u.received.to_string(),
            u.replied.to_string(),
            u.on_time.to_string(),
            u.overdue.to_string(),
            u.average_workdays
                .map_or("—".to_string(), |d| format!("{d:.1}")),
        ]
    });
    let title = format!("{year}年{month}月留言办理情况");
    let bytes = write_xlsx("留言统计", &title, &COLUMNS, rows.collect::<Vec<_>>())?;
    Ok((format!("{title}.xlsx"), bytes))
}
