//! `GET /console/users`: the accounts, read-only (accounts are made with
//! `gongkai user`), for platform administrators.

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
use gongkai_app::model::{Org, RoleGrant};
use gongkai_app::{access, orgs, users};

pub fn router() -> Router<AppState> {
    Router::new().route("/console/users", get(list_users))
}

/// A role grant as people read it: 编辑：示例区司法局及下级单位.
pub fn grant_label(grant: &RoleGrant, all: &[Org]) -> String {
    let unit = all
        .iter()
        .find(|o| o.id == grant.org_id)
        .map_or("（已删除的单位）", |o| o.name.as_str());
    let scope = if grant.subtree { "及下级单位" } else { "" };
    format!("{}：{unit}{scope}", grant.role.label_zh())
}

pub struct UserRow {
    pub username: String,
    pub display_name: String,
    pub roles: String,
    pub status: &'static str,
}

#[derive(Template)]
#[template(path = "platform/users.html")]
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
        layout: Layout::for_staff(&state, &staff, "账号").await?,
        rows,
    })
}
