//! The console home and the accounts page.

use super::render;
use crate::AppState;
use crate::error::WebError;
use crate::layout::Layout;
use crate::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use gongkai_app::config::china_offset;
use gongkai_app::model::{Org, RoleGrant};
use gongkai_app::{access, orgs, users};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console", get(show_console))
        .route("/console/users", get(list_users))
}

/// The console layout for this staff member (the admin links need the directory).
pub async fn console_layout(
    state: &AppState,
    staff: &Staff,
    title: &str,
) -> Result<Layout, WebError> {
    let all = orgs::public_directory(&state.app).await?;
    let admin = staff.user.is_platform_admin(&all);
    Ok(Layout::console(state, &staff.visitor, title, admin))
}

/// A moment as staff read it: China time to the second.
pub fn local_time(t: gongkai_app::model::Timestamp) -> String {
    t.with_timezone(&china_offset())
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// A role grant as people read it: 编辑：示例区司法局及下级单位.
fn grant_label(grant: &RoleGrant, all: &[Org]) -> String {
    let unit = all
        .iter()
        .find(|o| o.id == grant.org_id)
        .map_or("（已删除的单位）", |o| o.name.as_str());
    let scope = if grant.subtree { "及下级单位" } else { "" };
    format!("{}：{unit}{scope}", grant.role.label_zh())
}

#[derive(Template)]
#[template(path = "console_home.html")]
struct ConsolePage {
    layout: Layout,
    display_name: String,
    roles: Vec<String>,
    today: String,
    today_kind: String,
    loaded_years: String,
    worklist: gongkai_app::documents::Worklist,
    /// The user's ledger tasks due within the due list's horizon or overdue.
    tasks_due: usize,
    due_within: i64,
    /// Open disclosure requests due within `requests_within` working days or overdue.
    requests_due: usize,
    requests_within: i64,
}

async fn show_console(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    let all = orgs::public_directory(&state.app).await?;
    let roles = staff
        .user
        .grants
        .iter()
        .map(|g| grant_label(g, &all))
        .collect();
    let today = chrono::Utc::now()
        .with_timezone(&china_offset())
        .date_naive();
    let answer = state.app.calendar.is_workday(today);
    let mut today_kind = if answer.value {
        "工作日"
    } else {
        "休息日"
    }
    .to_string();
    if answer.is_provisional() {
        today_kind.push_str("（临时结果：本年节假日安排尚未载入）");
    }
    let years = state.app.calendar.loaded_years();
    let loaded_years = match (years.first(), years.last()) {
        (Some(first), Some(last)) => format!("{first}—{last}年"),
        _ => "无".to_string(),
    };
    let due_within = super::tasks::DUE_WITHIN;
    let tasks_due = gongkai_app::ledgers::tracking::due_within(&state.app, &staff.user, due_within)
        .await?
        .len();
    let requests_within = super::console_requests::DUE_WITHIN;
    let requests_due = gongkai_app::requests::due_within(&state.app, &staff.user, requests_within)
        .await?
        .len();
    render(&ConsolePage {
        worklist: gongkai_app::documents::worklist(&state.app, &staff.user).await?,
        tasks_due,
        due_within,
        requests_due,
        requests_within,
        layout: console_layout(&state, &staff, "工作台").await?,
        display_name: staff.user.display_name.clone(),
        roles,
        today: today.format("%Y年%m月%d日").to_string(),
        today_kind,
        loaded_years,
    })
}

pub struct UserRow {
    pub username: String,
    pub display_name: String,
    pub roles: String,
    pub status: &'static str,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    layout: Layout,
    rows: Vec<UserRow>,
}

async fn list_users(State(state): State<AppState>, staff: Staff) -> Result<Html<String>, WebError> {
    let all = orgs::public_directory(&state.app).await?;
    access::require_platform_admin(&staff.user, &all)?;
    let now = gongkai_app::model::now();
    let rows = users::list(&state.app)
        .await?
        .into_iter()
        .map(|u| UserRow {
            roles: u
                .grants
                .iter()
                .map(|g| grant_label(g, &all))
                .collect::<Vec<_>>()
                .join("；"),
            status: if u.disabled {
                "已停用"
            } else if u.locked_until.is_some_and(|t| t > now) {
                "已锁定"
            } else {
                "正常"
            },
            username: u.username,
            display_name: u.display_name,
        })
        .collect();
    render(&UsersPage {
        layout: console_layout(&state, &staff, "账号").await?,
        rows,
    })
}
