//! `/console/users`: the accounts, for platform administrators, who add accounts,
//! disable and re-enable them, and clear the wait after failed sign-ins here, with
//! no need to stop the server (the command line `gongkai user` does the same).

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::model::{Org, RoleGrant, User};
use gongkai_app::orgs::tree_order;
use gongkai_app::users::{AccountChange, AccountInput};
use gongkai_app::{UserId, access, orgs, users};
use gongkai_domain::role::Role;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/users", get(list_users))
        .route("/console/users/new", get(new_user).post(create_user))
        .route("/console/users/{id}/{change}", post(change_user))
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
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub roles: String,
    pub status: String,
    pub disabled: bool,
    pub failures: bool,
}

impl UserRow {
    fn of(user: User, all: &[Org]) -> UserRow {
        let now = gongkai_app::model::now();
        let status = if user.disabled {
            "已停用".to_string()
        } else if user.failed_logins > 0 {
            let waiting = user.locked_until.is_some_and(|t| t > now);
            let wait = if waiting { "，须稍等再试" } else { "" };
            format!("正常（连续输错密码 {} 次{wait}）", user.failed_logins)
        } else {
            "正常".to_string()
        };
        UserRow {
            id: user.id,
            roles: user
                .grants
                .iter()
                .map(|g| grant_label(g, all))
                .collect::<Vec<_>>()
                .join("；"),
            status,
            disabled: user.disabled,
            failures: user.failed_logins > 0,
            username: user.username,
            display_name: user.display_name,
        }
    }
}

#[derive(Template)]
#[template(path = "platform/users.html")]
struct UsersPage {
    layout: Layout,
    rows: Vec<UserRow>,
    /// The password of the account just added, shown this once.
    added: Option<(String, String)>,
}

async fn list_users(State(state): State<AppState>, staff: Staff) -> Result<Html<String>, WebError> {
    users_page(&state, &staff, None).await
}

async fn users_page(
    state: &AppState,
    staff: &Staff,
    added: Option<(String, String)>,
) -> Result<Html<String>, WebError> {
    let all = orgs::public_directory(&state.app).await?;
    access::require_platform_admin(&staff.user, &all)?;
    let rows = users::list(&state.app)
        .await?
        .into_iter()
        .map(|u| UserRow::of(u, &all))
        .collect();
    render(&UsersPage {
        layout: Layout::for_staff(state, staff, "账号").await?,
        rows,
        added,
    })
}

/// The fields of the new-account form, as typed.
#[derive(Debug, Default, serde::Deserialize)]
struct NewUserForm {
    username: String,
    display_name: String,
    role: String,
    org: String,
    /// Empty: a random password is generated and shown once.
    #[serde(default)]
    password: String,
}

#[derive(Template)]
#[template(path = "platform/user_form.html")]
struct UserFormPage {
    layout: Layout,
    error: Option<String>,
    input: NewUserForm,
    roles: Vec<(&'static str, &'static str)>,
    units: Vec<(String, String)>,
}

async fn form_page(
    state: &AppState,
    staff: &Staff,
    input: NewUserForm,
    error: Option<String>,
) -> Result<UserFormPage, WebError> {
    let all = orgs::public_directory(&state.app).await?;
    access::require_platform_admin(&staff.user, &all)?;
    let units = tree_order(&all)
        .into_iter()
        .map(|(depth, o)| {
            (
                o.id.to_string(),
                format!("{}{}", "　".repeat(depth), o.name),
            )
        })
        .collect();
    Ok(UserFormPage {
        layout: Layout::for_staff(state, staff, "新增账号").await?,
        error,
        input,
        roles: Role::ALL.iter().map(|r| (r.code(), r.label_zh())).collect(),
        units,
    })
}

async fn new_user(State(state): State<AppState>, staff: Staff) -> Result<Html<String>, WebError> {
    let input = NewUserForm {
        role: Role::Editor.code().to_string(),
        ..NewUserForm::default()
    };
    render(&form_page(&state, &staff, input, None).await?)
}

async fn create_user(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<NewUserForm>,
) -> Result<Response, WebError> {
    let Some(role) = Role::from_code(&form.role) else {
        let error = Some("请选择角色".to_string());
        return Ok(render(&form_page(&state, &staff, form, error).await?)?.into_response());
    };
    let password = match form.password.trim() {
        "" => users::generate_password(),
        typed => typed.to_string(),
    };
    let input = AccountInput {
        username: form.username.clone(),
        display_name: form.display_name.clone(),
        password: password.clone(),
        role,
        org: form.org.clone(),
    };
    match users::add_by(&state.app, &staff.user, &input).await {
        Ok(user) => {
            let shown = form.password.trim().is_empty().then_some(password);
            let added = shown.map(|p| (user.username, p));
            Ok(users_page(&state, &staff, added).await?.into_response())
        }
        Err(e) if e.is_client_error() => {
            let status = status_of(&e);
            let form = NewUserForm {
                password: String::new(),
                ..form
            };
            let page = form_page(&state, &staff, form, Some(public_message(&e))).await?;
            Ok((status, render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn change_user(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, change)): Path<(UserId, String)>,
) -> Result<Response, WebError> {
    let change = match change.as_str() {
        "disable" => AccountChange::Disable,
        "enable" => AccountChange::Enable,
        "reset" => AccountChange::ResetFailures,
        _ => return Err(gongkai_app::Error::NotFound(format!("没有“{change}”这项操作")).into()),
    };
    users::change_by(&state.app, &staff.user, id, change).await?;
    Ok(Redirect::to("/console/users").into_response())
}
