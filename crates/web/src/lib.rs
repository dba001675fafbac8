//! The HTTP server: the public portal, the staff console, the JSON API, health and
//! metrics.
//!
//! Pages are rendered on the server from askama templates with one base layout and
//! work without JavaScript. Every request passes the same stack: security headers,
//! body limit, timeout, tracing, then the abuse limits by client address
//! (`kit::limits`), then the session and CSRF check (`kit::session`), then the
//! route. Handlers only translate HTTP to calls of `gongkai-app` and back.
//!
//! One folder per area: `library`, `requests`, `ledgers`, [`reports`],
//! `participation`, `platform`. Each holds its public pages, console pages and API
//! handlers and builds its own router; the areas share the page `kit` and never
//! import each other. This root only merges the routers (and `openapi` the areas'
//! API documentation).

mod compliance;
mod kit;
mod ledgers;
mod library;
mod openapi;
mod participation;
mod platform;
pub mod reports;
mod requests;

pub use kit::error::WebError;

use axum::Router;
use gongkai_app::App;
use kit::limits::Limits;
use kit::metrics::Metrics;
use kit::state::AppState;
use std::future::Future;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;

/// Every route of the site: each area's, the API document, and the 404 for the rest.
fn routes(state: AppState) -> Router {
    Router::new()
        .merge(library::router())
        .merge(requests::router())
        .merge(ledgers::router())
        .merge(reports::router())
        .merge(participation::router())
        .merge(compliance::router())
        .merge(platform::router())
        .merge(openapi::router())
        .fallback(kit::fallback::not_found)
        // One body limit: the configured one (the outer `RequestBodyLimitLayer`),
        // not axum's own 2 MB for forms and uploads under it, so that the 413 page
        // names the limit actually applied.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .with_state(state)
}

/// The whole site as one router, with its middleware stack.
pub fn router(app: App) -> Router {
    let state = AppState {
        metrics: Arc::new(Metrics::new()),
        app,
    };
    let settings = state.app.settings.server.clone();
    routes(state.clone())
        .route_layer(axum::middleware::from_fn_with_state(
            state.metrics.clone(),
            kit::metrics::track,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            kit::session::middleware,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(Limits::new(&state.app.settings.limits, &settings)),
            kit::limits::middleware,
        ))
        .layer(axum::middleware::from_fn(kit::fallback::chinese_rejections))
        .layer(kit::security::layers(&settings))
        .layer(axum::middleware::map_response(move |response| {
            kit::security::explain_too_large(response, settings.body_limit_bytes)
        }))
}

/// Serves the site on every listener until `shutdown` completes, then lets the
/// requests in flight finish.
pub async fn serve(
    app: App,
    listeners: Vec<TcpListener>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let router = router(app);
    let (stop, stopped) = watch::channel(false);
    let mut servers = tokio::task::JoinSet::new();
    for listener in listeners {
        let mut stopped = stopped.clone();
        let service = router
            .clone()
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        servers.spawn(async move {
            axum::serve(listener, service)
                .with_graceful_shutdown(async move {
                    let _ = stopped.wait_for(|stop| *stop).await;
                })
                .await
        });
    }
    tokio::spawn(async move {
        shutdown.await;
        let _ = stop.send(true);
    });
    while let Some(result) = servers.join_next().await {
        result.map_err(std::io::Error::other)??;
    }
    Ok(())
}
