//! Who is asking: the session (if any), the CSRF token their forms must carry, and
//! their display preferences.
//!
//! [`middleware`] runs before every route. It looks the session up once, refuses
//! any state-changing request whose CSRF token does not match (403), and leaves a
//! [`Visitor`] in the request for handlers. Anonymous visitors get a random token
//! in a cookie (double submit); signed-in users carry their session's token.
//!
//! JSON API calls (`/api/` with `Content-Type: application/json`) need no token: a
//! cross-site page cannot send that content type without a CORS preflight, which this
//! server never grants, while HTML forms can only send url-encoded, multipart or plain
//! text bodies, and those still need the token (refused in JSON under `/api/`).

use crate::AppState;
use crate::error::WebError;
use axum::body::Body;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use gongkai_app::access::CurrentUser;
use gongkai_app::auth::{self, SignedIn};
use subtle::ConstantTimeEq;

pub const SESSION_COOKIE: &str = "gk_session";
const CSRF_COOKIE: &str = "gk_csrf";
const FONT_COOKIE: &str = "gk_font";
const CONTRAST_COOKIE: &str = "gk_contrast";
/// The form field (or `x-csrf-token` header) that carries the token.
pub const CSRF_FIELD: &str = "csrf_token";

/// Display preferences for older readers (适老化), kept in cookies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefs {
    /// `normal`, `large` or `xlarge`.
    pub font: String,
    pub high_contrast: bool,
}

impl Prefs {
    pub const FONTS: [&'static str; 3] = ["normal", "large", "xlarge"];

    fn from_jar(jar: &CookieJar) -> Prefs {
        let font = jar
            .get(FONT_COOKIE)
            .map(|c| c.value())
            .filter(|v| Prefs::FONTS.contains(v))
            .unwrap_or("normal");
        Prefs {
            font: font.to_string(),
            high_contrast: jar
                .get(CONTRAST_COOKIE)
                .is_some_and(|c| c.value() == "high"),
        }
    }
}

/// The person behind a request.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub signed_in: Option<SignedIn>,
    pub session_token: Option<String>,
    anonymous_csrf: String,
    pub prefs: Prefs,
    /// Path and query of the request, for links that come back here.
    pub here: String,
}

impl Visitor {
    /// The token this visitor's forms must carry.
    pub fn csrf_token(&self) -> &str {
        match &self.signed_in {
            Some(s) => &s.csrf_token,
            None => &self.anonymous_csrf,
        }
    }

    pub fn user(&self) -> Option<&CurrentUser> {
        self.signed_in.as_ref().map(|s| &s.user)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Visitor>().cloned().ok_or_else(|| {
            WebError(gongkai_app::Error::Internal(
                "visitor middleware missing".into(),
            ))
        })
    }
}

/// A signed-in staff member; anyone else is sent to the login page.
pub struct Staff {
    pub user: CurrentUser,
    pub visitor: Visitor,
}

impl<S: Send + Sync> FromRequestParts<S> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let visitor = Visitor::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match visitor.user().cloned() {
            Some(user) => Ok(Staff { user, visitor }),
            None => {
                let next = url::form_urlencoded::byte_serialize(visitor.here.as_bytes())
                    .collect::<String>();
                Err(Redirect::to(&format!("/login?next={next}")).into_response())
            }
        }
    }
}

/// A cookie for this site: HttpOnly, SameSite=Lax, `Secure` behind TLS.
pub fn site_cookie(state: &AppState, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.app.settings.server.secure_cookies)
        .build()
}

/// A long-lived preference cookie.
pub fn preference_cookie(state: &AppState, name: &'static str, value: String) -> Cookie<'static> {
    let mut cookie = site_cookie(state, name, value);
    cookie.set_max_age(time::Duration::days(365));
    cookie
}

pub const FONT: &str = FONT_COOKIE;
pub const CONTRAST: &str = CONTRAST_COOKIE;

/// Looks up the session, checks the CSRF token of state-changing requests, and
/// leaves a [`Visitor`] in the request.
pub async fn middleware(
    State(state): State<AppState>,
    jar: CookieJar,
    request: Request,
    next: Next,
) -> Response {
    let session_token = jar.get(SESSION_COOKIE).map(|c| c.value().to_string());
    let signed_in = match &session_token {
        Some(token) => match auth::session(&state.app, token).await {
            Ok(found) => found,
            Err(e) => return WebError(e).into_response(),
        },
        None => None,
    };
    let existing_csrf = jar
        .get(CSRF_COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| v.len() == 64);
    let fresh_csrf = existing_csrf.is_none().then(auth::random_token);
    let stale_session = session_token.is_some() && signed_in.is_none();
    let visitor = Visitor {
        signed_in,
        session_token,
        anonymous_csrf: existing_csrf.or(fresh_csrf.clone()).unwrap_or_default(),
        prefs: Prefs::from_jar(&jar),
        here: request
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".to_string()),
    };
    let mut request = request;
    if !is_safe(request.method()) && !is_api_json(&request) {
        let limit = state.app.settings.server.body_limit_bytes;
        let (checked, presented) = match presented_token(request, limit).await {
            Ok(pair) => pair,
            Err(response) => return response,
        };
        if !tokens_match(presented.as_deref(), visitor.csrf_token()) {
            return csrf_refused(checked.uri().path());
        }
        request = checked;
    }
    request.extensions_mut().insert(visitor);
    let mut response = next.run(request).await;
    if let Some(token) = fresh_csrf {
        add_cookie(&mut response, site_cookie(&state, CSRF_COOKIE, token));
    }
    if stale_session {
        let mut gone = site_cookie(&state, SESSION_COOKIE, String::new());
        gone.make_removal();
        add_cookie(&mut response, gone);
    }
    response
}

pub fn add_cookie(response: &mut Response, cookie: Cookie<'static>) {
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// A JSON API call: its content type cannot be sent cross-site without a CORS
/// preflight, so it needs no CSRF token (see the module docs).
fn is_api_json(request: &Request) -> bool {
    let json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"));
    json && request.uri().path().starts_with("/api/")
}

fn tokens_match(presented: Option<&str>, expected: &str) -> bool {
    match presented {
        Some(p) if !expected.is_empty() => bool::from(p.as_bytes().ct_eq(expected.as_bytes())),
        _ => false,
    }
}

/// The token a request presents: the `x-csrf-token` header, the `csrf_token` field
/// of a URL-encoded form (the body is read and put back), or, for a multipart upload
/// only, the `csrf_token` query parameter.
async fn presented_token(
    request: Request,
    limit: usize,
) -> Result<(Request, Option<String>), Response> {
    if let Some(token) = request
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        let token = token.to_string();
        return Ok((request, Some(token)));
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if content_type.starts_with("multipart/form-data") {
        // A multipart body is read by the handler, so its token travels in the URL.
        let from_query = request
            .uri()
            .query()
            .and_then(|q| field(q.as_bytes(), CSRF_FIELD));
        return Ok((request, from_query));
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return Ok((request, None));
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| (StatusCode::PAYLOAD_TOO_LARGE, "请求内容过大").into_response())?;
    let token = field(&bytes, CSRF_FIELD);
    Ok((Request::from_parts(parts, Body::from(bytes)), token))
}

fn field(encoded: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(encoded)
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

fn csrf_refused(path: &str) -> Response {
    if path.starts_with("/api/") {
        return crate::api::ErrorBody::response(
            StatusCode::FORBIDDEN,
            "csrf_refused",
            "安全校验未通过：开放接口只接受 Content-Type: application/json 的请求。",
        );
    }
    let message = "安全校验未通过：表单已过期或来源不明。请返回上一页，刷新后重新提交。";
    let page = crate::layout::ErrorPage::bare(StatusCode::FORBIDDEN, message);
    (StatusCode::FORBIDDEN, Html(page)).into_response()
}
