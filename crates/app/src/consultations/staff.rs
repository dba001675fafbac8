//! The staff's side: the consultations of the units they cover, one consultation with
//! its comments (names and contacts included), and the comments with their
//! dispositions as an XLSX sheet.

use super::view::{ConsultationView, view_of};
use crate::access::{CurrentUser, STAFF, is_office_for};
use crate::config::china_offset;
use crate::table::{Column, write_xlsx};
use crate::{App, Error, Result};
use gongkai_store::ConsultationId;
use gongkai_store::consultations::{self, Comment};
use gongkai_store::orgs::{self, Org};

/// A consultation with its comments, for the staff of its unit.
#[derive(Debug, Clone)]
pub struct StaffPage {
    pub view: ConsultationView,
    pub comments: Vec<Comment>,
}

/// Whether the user sees a unit's consultations with their comments: its staff, and
/// the disclosure office.
fn may_see(user: &CurrentUser, unit: gongkai_store::OrgId, all: &[Org]) -> bool {
    user.covers(&STAFF, unit, all) || is_office_for(user, unit, all)
}

/// The consultations of the units the user covers, the latest to end first.
pub async fn staff_list(app: &App, user: &CurrentUser) -> Result<Vec<ConsultationView>> {
    let all = orgs::list(&app.store).await?;
    let mut mine = Vec::new();
    for c in consultations::list(&app.store).await? {
        if may_see(user, c.fields.org_id, &all) {
            mine.push(view_of(app, c, &all).await?);
        }
    }
    Ok(mine)
}

/// One consultation of a unit the user covers, with its comments; the directory is
/// returned for the checks that follow.
pub(super) async fn opened(
    app: &App,
    user: &CurrentUser,
    id: ConsultationId,
) -> Result<(StaffPage, Vec<Org>)> {
    let c = consultations::get(&app.store, id).await?;
    let all = orgs::list(&app.store).await?;
    if !may_see(user, c.fields.org_id, &all) {
        return Err(Error::Forbidden);
    }
    let comments = consultations::comments(&app.store, id).await?;
    let view = view_of(app, c, &all).await?;
    Ok((StaffPage { view, comments }, all))
}

/// One consultation of a unit the user covers, with its comments.
pub async fn staff_page(app: &App, user: &CurrentUser, id: ConsultationId) -> Result<StaffPage> {
    Ok(opened(app, user, id).await?.0)
}

const COLUMNS: [Column<'static>; 8] = [
    ("序号", 6.0),
    ("提交时间", 18.0),
    ("姓名", 10.0),
    ("联系方式", 18.0),
    ("意见内容", 60.0),
    ("采纳情况", 12.0),
    ("理由", 40.0),
    ("同组意见", 10.0),
];

/// The comments of a consultation with their dispositions, as an XLSX sheet named
/// after the consultation.
pub async fn comments_sheet(
    app: &App,
    user: &CurrentUser,
    id: ConsultationId,
) -> Result<(String, Vec<u8>)> {
    let page = staff_page(app, user, id).await?;
    let rows = page.comments.iter().enumerate().map(|(n, c)| {
        let (label, reason) = match &c.disposition {
            Some((d, reason)) => (d.label_zh().to_string(), reason.clone()),
            None => ("未处理".to_string(), String::new()),
        };
        let group = page
            .comments
            .iter()
            .position(|first| Some(first.id) == c.answer_group)
            .map(|i| (i + 1).to_string())
            .unwrap_or_default();
        vec![
            (n + 1).to_string(),
            c.submitted_at
                .with_timezone(&china_offset())
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            c.name.clone(),
            c.contact.clone(),
            c.body.clone(),
            label,
            reason,
            group,
        ]
    });
    let title = &page.view.consultation.fields.title;
    let bytes = write_xlsx(
        "意见汇总",
        &format!("{title} 意见及采纳情况"),
        &COLUMNS,
        rows.collect::<Vec<_>>(),
    )?;
    Ok((format!("{title}意见汇总.xlsx"), bytes))
}
