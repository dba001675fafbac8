//! `GET /api/v1/documents.jsonl` and `GET /api/v1/documents.csv`: the complete export
//! of the public library, streamed as the app writes it.

use crate::kit::download::attachment_response;
use crate::kit::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use gongkai_app::documents::export::{ExportFormat, write_export};
use tokio_util::io::ReaderStream;

/// Bytes in flight between the writer and the client: the export's memory bound.
const PIPE_BYTES: usize = 256 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/documents.jsonl", get(export_jsonl))
        .route("/api/v1/documents.csv", get(export_csv))
}

/// Every published document with its metadata, relations and attachment links, one
/// JSON object per line.
#[utoipa::path(
    get,
    path = "/api/v1/documents.jsonl",
    responses((status = 200, description = "One JSON object per public document per line", content_type = "application/x-ndjson")),
    tag = "documents"
)]
pub async fn export_jsonl(State(state): State<AppState>) -> Response {
    export(state, ExportFormat::JsonLines)
}

/// The same export as CSV: a header row, then one row per public document.
#[utoipa::path(
    get,
    path = "/api/v1/documents.csv",
    responses((status = 200, description = "One row per public document", content_type = "text/csv")),
    tag = "documents"
)]
pub async fn export_csv(State(state): State<AppState>) -> Response {
    export(state, ExportFormat::Csv)
}

/// Streams the export through a bounded pipe: the app writes a batch while the client
/// reads the one before, and waits when the client is slow. A failure half-way ends the
/// body early (the client sees a truncated transfer) and is logged.
fn export(state: AppState, format: ExportFormat) -> Response {
    let (mut writer, reader) = tokio::io::duplex(PIPE_BYTES);
    tokio::spawn(async move {
        if let Err(e) = write_export(&state.app, format, &mut writer).await {
            tracing::warn!(error = %e, "documents export stopped");
        }
    });
    let name = format!("documents.{}", format.extension());
    attachment_response(
        &name,
        format.media_type(),
        Body::from_stream(ReaderStream::new(reader)),
    )
}
