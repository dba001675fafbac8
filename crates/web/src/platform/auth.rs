//! Signing in and out.

use crate::kit::client::ClientAddr;
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::{self, SESSION_COOKIE, Staff, Visitor};
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use gongkai_app::auth;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(show_login).post(login))
        .route("/logout", post(logout))
        .route(
            "/console/password",
            get(show_password).post(change_password),
        )
}

#[derive(Template)]
#[template(path = "platform/login.html")]
struct LoginPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<&'static str>,
    username: String,
    next: String,
}

#[derive(serde::Deserialize)]
struct NextQuery {
    next: Option<String>,
    /// Set after a password change, to say why the user must sign in again.
    changed: Option<String>,
}

/// Only paths of this site may follow a login, never another host.
fn safe_next(next: Option<&str>) -> String {
    next.and_then(same_site_path)
        .unwrap_or_else(|| "/console".to_string())
}

/// `next` as a path of this site, or `None` when a browser would take it anywhere
/// else. The URL parser decides as a browser does: it drops tabs and newlines and
/// reads `\` as `/`, so `/<TAB>/evil.example` and `/\evil.example` name another host.
/// The path returned is the parser's, so what the browser follows is what was checked.
fn same_site_path(next: &str) -> Option<String> {
    let base = url::Url::parse("http://gongkai.invalid/").ok()?;
    if !next.starts_with('/') {
        return None;
    }
    let joined = base.join(next).ok()?;
    (joined.origin() == base.origin()).then(|| joined[url::Position::BeforePath..].to_string())
}

async fn show_login(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(query): Query<NextQuery>,
) -> Result<Response, WebError> {
    if visitor.user().is_some() {
        return Ok(Redirect::to(&safe_next(query.next.as_deref())).into_response());
    }
    let page = LoginPage {
        layout: Layout::public(&state, &visitor, "工作人员登录"),
        error: None,
        notice: query
            .changed
            .is_some()
            .then_some("密码已修改，请用新密码登录。"),
        username: String::new(),
        next: safe_next(query.next.as_deref()),
    };
    Ok(render(&page)?.into_response())
}

#[derive(serde::Deserialize)]
struct LoginForm {
    username: String,
    password: String,
    next: Option<String>,
}

async fn login(
    State(state): State<AppState>,
    visitor: Visitor,
    client: Option<Extension<ClientAddr>>,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let address = address_of(client);
    let attempt = auth::Attempt {
        username: &form.username,
        password: &form.password,
        address: &address,
    };
    match auth::login(&state.app, &attempt).await {
        Ok(session) => {
            let mut response = Redirect::to(&safe_next(form.next.as_deref())).into_response();
            let cookie = visitor::site_cookie(&state, SESSION_COOKIE, session.token);
            visitor::add_cookie(&mut response, cookie);
            Ok(response)
        }
        Err(e) if e.is_client_error() => {
            let status = status_of(&e);
            let page = LoginPage {
                layout: Layout::public(&state, &visitor, "工作人员登录"),
                error: Some(public_message(&e)),
                notice: None,
                username: form.username,
                next: safe_next(form.next.as_deref()),
            };
            Ok((status, render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn logout(State(state): State<AppState>, staff: Staff) -> Result<Response, WebError> {
    if let Some(token) = &staff.visitor.session_token {
        auth::logout(&state.app, token, &staff.user).await?;
    }
    Ok(without_session(&state, Redirect::to("/").into_response()))
}

/// The response with the session cookie removed.
fn without_session(state: &AppState, mut response: Response) -> Response {
    let mut gone = visitor::site_cookie(state, SESSION_COOKIE, String::new());
    gone.make_removal();
    visitor::add_cookie(&mut response, gone);
    response
}

/// The client's address as the audit log records it.
fn address_of(client: Option<Extension<ClientAddr>>) -> String {
    client.map_or_else(|| "unknown".to_string(), |Extension(c)| c.to_string())
}

#[derive(Template)]
#[template(path = "platform/password.html")]
struct PasswordPage {
    layout: Layout,
    error: Option<String>,
}

async fn show_password(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    render(&PasswordPage {
        layout: Layout::for_staff(&state, &staff, "修改密码").await?,
        error: None,
    })
}

#[derive(serde::Deserialize)]
struct PasswordForm {
    current: String,
    new: String,
    confirmation: String,
}

async fn change_password(
    State(state): State<AppState>,
    staff: Staff,
    client: Option<Extension<ClientAddr>>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let outcome = auth::change_own_password(
        &state.app,
        &staff.user,
        &form.current,
        &form.new,
        &form.confirmation,
        &address_of(client),
    )
    .await;
    match outcome {
        Ok(()) => Ok(without_session(
            &state,
            Redirect::to("/login?changed=1").into_response(),
        )),
        Err(e) if e.is_client_error() => {
            let status = status_of(&e);
            let page = PasswordPage {
                layout: Layout::for_staff(&state, &staff, "修改密码").await?,
                error: Some(public_message(&e)),
            };
            Ok((status, render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_a_path_of_this_site_follows_a_login() {
        for evil in [
            "//evil.example/",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "evil",
        ] {
            assert_eq!(safe_next(Some(evil)), "/console", "{evil:?}");
        }
        assert_eq!(safe_next(None), "/console");
        assert_eq!(
            safe_next(Some("/documents?q=政务")),
            "/documents?q=%E6%94%BF%E5%8A%A1"
        );
        assert_eq!(
            safe_next(Some("/console/requests/3")),
            "/console/requests/3"
        );
    }
}
