//! `GET /console`: the console's home (工作台): who the user is and what they may do,
//! today on the working-day calendar, and what waits for them in each area.

use super::users::grant_label;
use crate::kit::error::WebError;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use gongkai_app::config::china_offset;
use gongkai_app::orgs;

pub fn router() -> Router<AppState> {
    Router::new().route("/console", get(show_console))
}

#[derive(Template)]
#[template(path = "platform/console_home.html")]
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
    /// Open messages (留言) due within `messages_within` working days or overdue, and
    /// how many of them are overdue.
    messages_due: usize,
    messages_overdue: usize,
    messages_within: i64,
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
    let due_within = gongkai_app::ledgers::tracking::DUE_WITHIN;
    let tasks_due = gongkai_app::ledgers::tracking::due_within(&state.app, &staff.user, due_within)
        .await?
        .len();
    let messages_within = gongkai_app::messages::DUE_WITHIN;
    let messages =
        gongkai_app::messages::due_within(&state.app, &staff.user, messages_within).await?;
    let requests_within = gongkai_app::requests::DUE_WITHIN;
    let requests_due = gongkai_app::requests::due_within(&state.app, &staff.user, requests_within)
        .await?
        .len();
    render(&ConsolePage {
        worklist: gongkai_app::documents::worklist(&state.app, &staff.user).await?,
        tasks_due,
        due_within,
        requests_due,
        requests_within,
        messages_due: messages.len(),
        messages_overdue: messages
            .iter()
            .filter(|m| m.timeliness.is_overdue())
            .count(),
        messages_within,
        layout: Layout::for_staff(&state, &staff, "工作台").await?,
        display_name: staff.user.display_name.clone(),
        roles,
        today: today.format("%Y年%m月%d日").to_string(),
        today_kind,
        loaded_years,
    })
}
