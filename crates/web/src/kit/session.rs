//! The middleware every route runs behind: it looks the session up once, refuses any
//! state-changing request whose CSRF token does not match (403), and leaves a
//! [`Visitor`] in the request for handlers. Anonymous visitors get a random token in a
//! cookie (double submit); signed-in users carry their session's token.
//!
//! JSON API calls (`/api/` with `Content-Type: application/json`) need no token: a
//! cross-site page cannot send that content type without a CORS preflight, which this
//! server never grants, while HTML forms can only send url-encoded, multipart or plain
//! text bodies, and those still need the token (refused in JSON under `/api/`).

use super::api_error::ErrorBody;
use super::error::WebError;
use super::error_page::ErrorPage;
use super::security::{malformed_form, too_large};
use super::state::AppState;
use super::visitor::{
    CSRF_COOKIE, CSRF_FIELD, Prefs, SESSION_COOKIE, Visitor, add_cookie, site_cookie,
};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use gongkai_app::auth;
use subtle::ConstantTimeEq;

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
    let private = is_private(request.uri().path()) || visitor.signed_in.is_some();
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
    if private {
        keep_out_of_caches(&mut response);
    }
    response
}

/// Paths whose answers carry personal data or a session: the console, signing in,
/// the tracking pages and the API of requests and messages.
fn is_private(path: &str) -> bool {
    [
        "/console",
        "/login",
        "/logout",
        "/api/v1/requests",
        "/api/v1/messages",
    ]
    .iter()
    .any(|prefix| path.starts_with(prefix))
        || path.ends_with("/track")
}

/// `Cache-Control: no-store`, so that neither the browser nor a proxy keeps the page
/// (ASVS V8.2.1). Static assets, which set their own caching, keep it.
fn keep_out_of_caches(response: &mut Response) {
    let own_caching = response
        .headers()
        .get(header::CACHE_CONTROL)
        .is_some_and(|v| v.as_bytes().starts_with(b"public"));
    if !own_caching {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
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
/// of a URL-encoded form, or, for a multipart upload only, the `csrf_token` query
/// parameter. A URL-encoded body is read (and put back) either way, and refused
/// with 400 when a field does not decode to UTF-8: axum's `Form` would store it with
/// U+FFFD in place of the bytes.
async fn presented_token(
    request: Request,
    limit: usize,
) -> Result<(Request, Option<String>), Response> {
    let header_token = request
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
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
        return Ok((request, header_token.or(from_query)));
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return Ok((request, header_token));
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| too_large(limit))?;
    if let Some(name) = malformed_field(&bytes) {
        return Err(malformed_form(&name));
    }
    let token = header_token.or_else(|| field(&bytes, CSRF_FIELD));
    Ok((Request::from_parts(parts, Body::from(bytes)), token))
}

/// The name of the first field of a URL-encoded body whose name or value does not
/// decode to UTF-8 (the name itself shown lossily).
fn malformed_field(encoded: &[u8]) -> Option<String> {
    let decodes = |part: &[u8]| {
        let spaced: Vec<u8> = part
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        percent_encoding::percent_decode(&spaced)
            .decode_utf8()
            .is_ok()
    };
    encoded.split(|&b| b == b'&').find_map(|pair| {
        let mut halves = pair.splitn(2, |&b| b == b'=');
        let name = halves.next().unwrap_or_default();
        let value = halves.next().unwrap_or_default();
        (!decodes(name) || !decodes(value)).then(|| {
            let name = percent_encoding::percent_decode(name).decode_utf8_lossy();
            name.into_owned()
        })
    })
}

fn field(encoded: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(encoded)
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

fn csrf_refused(path: &str) -> Response {
    if path.starts_with("/api/") {
        return ErrorBody::response(
            StatusCode::FORBIDDEN,
            "csrf_refused",
            "安全校验未通过：开放接口只接受 Content-Type: application/json 的请求。",
        );
    }
    let message = "安全校验未通过：表单已过期或来源不明。请返回上一页，刷新后重新提交。";
    let page = ErrorPage::bare(StatusCode::FORBIDDEN, message);
    (StatusCode::FORBIDDEN, Html(page)).into_response()
}
