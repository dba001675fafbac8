//! Operations endpoints and assets: health, metrics, styles, the 404 page.

use crate::kit::client::ClientAddr;
use crate::kit::error_page::ErrorPage;
use crate::kit::state::AppState;
use axum::Extension;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use subtle::ConstantTimeEq;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/static/site.css", get(site_css))
        .route("/theme.css", get(theme_css))
}

/// 200 when the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> Response {
    match state.app.store.ping().await {
        Ok(()) => (
            StatusCode::OK,
            [(header::CACHE_CONTROL, "no-store")],
            "ok\n",
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response()
        }
    }
}

/// The metrics, for the configured addresses (`server.metrics_allow`) or a bearer
/// of `server.metrics_token`; 403 for anyone else.
async fn metrics(
    State(state): State<AppState>,
    client: Option<Extension<ClientAddr>>,
    headers: HeaderMap,
) -> Response {
    let server = &state.app.settings.server;
    let listed =
        client.is_some_and(|Extension(c)| server.metrics_nets().iter().any(|n| n.contains(&c.0)));
    if !listed && !bears_token(&headers, &server.metrics_token) {
        let message = "监控指标只对配置的地址开放（server.metrics_allow），或须带访问令牌。";
        let page = ErrorPage::bare(StatusCode::FORBIDDEN, message);
        return (StatusCode::FORBIDDEN, Html(page)).into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

/// Whether the request carries `Authorization: Bearer <token>` with the configured
/// token (compared in constant time; an empty token matches nothing).
fn bears_token(headers: &HeaderMap, token: &str) -> bool {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match presented {
        Some(p) if !token.is_empty() => bool::from(p.trim().as_bytes().ct_eq(token.as_bytes())),
        _ => false,
    }
}

const SITE_CSS: &str = include_str!("../../static/site.css");

async fn site_css() -> Response {
    css(SITE_CSS.to_string())
}

/// The agency's colour, from the settings.
async fn theme_css(State(state): State<AppState>) -> Response {
    css(format!(
        ":root {{ --primary: {}; }}\n",
        state.app.settings.agency.primary_color
    ))
}

fn css(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}
