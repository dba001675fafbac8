//! What every handler can reach: the app (settings, store, calendar, search) and the
//! server's metrics.

use super::metrics::Metrics;
use gongkai_app::App;
use std::sync::Arc;

/// The state of the router, cloned into every handler.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub metrics: Arc<Metrics>,
}
