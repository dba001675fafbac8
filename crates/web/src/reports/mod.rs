//! The annual report (政府信息公开工作年度报告): the console page with the office's
//! entries, downloads and publishing (`console`), the API of published reports
//! (`api`), and the HTML every page and the CLI show it with (`view`).

mod api;
mod console;
mod view;

pub use api::ApiDoc;
pub use view::standalone_html;

use crate::kit::state::AppState;
use axum::Router;

pub(crate) fn router() -> Router<AppState> {
    Router::new().merge(console::router()).merge(api::router())
}
