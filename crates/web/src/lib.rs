//! The HTTP server: the public portal, the staff console, health and metrics.
//!
//! Pages are rendered on the server from askama templates with one base layout and
//! work without JavaScript. Every request passes the same stack: security headers,
//! body limit, timeout, tracing, then [`visitor`] (session and CSRF check), then the
//! route. Handlers only translate HTTP to calls of `gongkai-app` and back.

mod api;
mod chart;
mod error;
mod layout;
mod metrics;
mod pager;
pub mod reports;
mod routes;
mod search_params;
mod security;
mod selection;
mod snippet;
mod visitor;

pub use error::WebError;

use axum::Router;
use gongkai_app::App;
use std::future::Future;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub metrics: Arc<metrics::Metrics>,
}

/// The whole site as one router, with its middleware stack.
pub fn router(app: App) -> Router {
    let state = AppState {
        metrics: Arc::new(metrics::Metrics::new()),
        app,
    };
    let settings = state.app.settings.server.clone();
    routes::router(state.clone())
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            visitor::middleware,
        ))
        .layer(security::layers(&settings))
        .layer(axum::middleware::map_response(move |response| {
            security::explain_too_large(response, settings.body_limit_bytes)
        }))
        .with_state(state)
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
        let service = router.clone().into_make_service();
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
