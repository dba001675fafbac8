//! Abuse limits: how often one client address may sign in, change a password,
//! submit a public form, track a request or message, and search, with a 429, a
//! `Retry-After` and a Chinese page (or a JSON error under `/api/`) past the limit.
//!
//! The counters are `governor`'s keyed GCRA limiters, in this node's memory: with
//! several nodes, each counts its own requests (docs/configuration.md says why that
//! is enough; the per-account sign-in delay is in the database and shared).

use super::api_error::ErrorBody;
use super::client::ClientAddr;
use super::error_page::ErrorPage;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use gongkai_app::config::{LimitSettings, ServerSettings};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use ipnet::IpNet;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The kinds of action that are limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Login,
    Password,
    Submit,
    Track,
    Search,
}

/// The limited kind of action a request is, if any.
fn action_of(method: &Method, path: &str) -> Option<Action> {
    let post = *method == Method::POST;
    match path {
        "/login" if post => Some(Action::Login),
        "/console/password" if post => Some(Action::Password),
        "/requests/new" | "/messages/new" | "/api/v1/requests" if post => Some(Action::Submit),
        "/requests/track" | "/messages/track" | "/messages/rate" | "/api/v1/requests/track"
            if post =>
        {
            Some(Action::Track)
        }
        "/search" | "/api/v1/search" | "/qa" | "/api/v1/qa/match" => Some(Action::Search),
        _ if post && is_comment_form(path) => Some(Action::Submit),
        _ => None,
    }
}

/// `/consultations/{id}`: where a comment on a draft is posted.
fn is_comment_form(path: &str) -> bool {
    path.strip_prefix("/consultations/")
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// The limiters of one node, and the proxies whose `X-Forwarded-For` is believed.
pub struct Limits {
    login: Option<DefaultKeyedRateLimiter<IpAddr>>,
    password: Option<DefaultKeyedRateLimiter<IpAddr>>,
    submit: Option<DefaultKeyedRateLimiter<IpAddr>>,
    track: Option<DefaultKeyedRateLimiter<IpAddr>>,
    search: Option<DefaultKeyedRateLimiter<IpAddr>>,
    trusted: Vec<IpNet>,
    checks: AtomicU64,
}

/// Forget addresses whose limits have recovered every this many checks, so that
/// the counters stay as small as the set of recent clients.
const SWEEP_EVERY: u64 = 4096;

fn limiter(per_minute: u32) -> Option<DefaultKeyedRateLimiter<IpAddr>> {
    NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n)))
}

impl Limits {
    pub fn new(limits: &LimitSettings, server: &ServerSettings) -> Limits {
        Limits {
            login: limiter(limits.login_per_minute),
            password: limiter(limits.password_per_minute),
            submit: limiter(limits.submit_per_minute),
            track: limiter(limits.track_per_minute),
            search: limiter(limits.search_per_minute),
            trusted: server.trusted_proxy_nets(),
            checks: AtomicU64::new(0),
        }
    }

    fn of(&self, action: Action) -> Option<&DefaultKeyedRateLimiter<IpAddr>> {
        match action {
            Action::Login => self.login.as_ref(),
            Action::Password => self.password.as_ref(),
            Action::Submit => self.submit.as_ref(),
            Action::Track => self.track.as_ref(),
            Action::Search => self.search.as_ref(),
        }
    }

    /// `Err(wait)` when `client` has used up its attempts at `action`.
    fn check(&self, action: Action, client: IpAddr) -> Result<(), Duration> {
        let Some(limiter) = self.of(action) else {
            return Ok(());
        };
        if self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            self.sweep();
        }
        limiter
            .check_key(&client)
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }

    fn sweep(&self) {
        for action in [
            Action::Login,
            Action::Password,
            Action::Submit,
            Action::Track,
            Action::Search,
        ] {
            if let Some(limiter) = self.of(action) {
                limiter.retain_recent();
            }
        }
    }
}

/// Leaves the [`ClientAddr`] in the request and refuses a limited action past its
/// limit.
pub async fn middleware(
    State(limits): State<std::sync::Arc<Limits>>,
    mut request: Request,
    next: Next,
) -> Response {
    let client = ClientAddr::of(&request, &limits.trusted);
    request.extensions_mut().insert(client);
    let action = action_of(request.method(), request.uri().path());
    if let Some(action) = action
        && let Err(wait) = limits.check(action, client.0)
    {
        tracing::info!(%client, ?action, "rate limited");
        return too_many(request.uri().path(), wait);
    }
    next.run(request).await
}

/// The 429 answer: `Retry-After` in whole seconds, a page or a JSON error.
fn too_many(path: &str, wait: Duration) -> Response {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let seconds = seconds.max(1);
    let message = format!("操作过于频繁，请在 {seconds} 秒后再试。");
    let mut response = if path.starts_with("/api/") {
        ErrorBody::response(StatusCode::TOO_MANY_REQUESTS, "rate_limited", message)
    } else {
        let page = ErrorPage::bare(StatusCode::TOO_MANY_REQUESTS, &message);
        (StatusCode::TOO_MANY_REQUESTS, Html(page)).into_response()
    };
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn the_limited_actions_are_the_abusable_ones() {
        assert_eq!(action_of(&Method::POST, "/login"), Some(Action::Login));
        assert_eq!(action_of(&Method::GET, "/login"), None);
        assert_eq!(
            action_of(&Method::POST, "/consultations/12"),
            Some(Action::Submit)
        );
        assert_eq!(action_of(&Method::POST, "/consultations/12/x"), None);
        assert_eq!(
            action_of(&Method::POST, "/api/v1/requests"),
            Some(Action::Submit)
        );
        assert_eq!(action_of(&Method::GET, "/api/v1/requests"), None);
        assert_eq!(
            action_of(&Method::GET, "/api/v1/search"),
            Some(Action::Search)
        );
        assert_eq!(action_of(&Method::GET, "/documents"), None);
    }

    #[test]
    fn an_address_past_its_limit_waits_while_another_goes_on() {
        let settings = LimitSettings {
            login_per_minute: 3,
            ..LimitSettings::default()
        };
        let limits = Limits::new(&settings, &ServerSettings::default());
        let (a, b): (IpAddr, IpAddr) = ([192, 0, 2, 1].into(), [192, 0, 2, 2].into());
        for _ in 0..3 {
            assert!(limits.check(Action::Login, a).is_ok());
        }
        let wait = limits.check(Action::Login, a).unwrap_err();
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(20));
        assert!(limits.check(Action::Login, b).is_ok());
        assert!(limits.check(Action::Search, a).is_ok());
    }

    #[test]
    fn a_limit_of_zero_is_no_limit() {
        let settings = LimitSettings {
            login_per_minute: 0,
            ..LimitSettings::default()
        };
        let limits = Limits::new(&settings, &ServerSettings::default());
        let a: IpAddr = [192, 0, 2, 1].into();
        assert!((0..1000).all(|_| limits.check(Action::Login, a).is_ok()));
    }
}
