//! Files attached to a request on the console: upload (multipart, with a short
//! description) and download, for everyone who sees the request.

use super::handling::request_outcome;
use crate::kit::download::file_response;
use crate::kit::error::WebError;
use crate::kit::multipart;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use gongkai_app::ledgers::tracking::Upload;
use gongkai_app::requests::files;
use gongkai_app::{Error, RequestId};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/requests/{id}/files", post(attach_file))
        .route("/console/requests/{id}/files/{file}", get(download_file))
}

async fn attach_file(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<RequestId>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let form = match multipart::read(&state, &mut multipart).await {
        Err(too_large) => return Ok(too_large),
        Ok(form) => form,
    };
    let done = match form {
        Ok(form) => {
            let note = form.text("note").to_string();
            match form.file("file") {
                Some(file) => {
                    let upload = Upload {
                        file_name: file.file_name,
                        bytes: file.bytes,
                    };
                    files::attach(&state.app, &staff.user, id, upload, &note).await
                }
                None => Err(Error::invalid("附件", "请选择文件")),
            }
        }
        Err(e) => Err(e),
    };
    request_outcome(&state, &staff, id, done).await
}

async fn download_file(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, file)): Path<(RequestId, i64)>,
) -> Result<Response, WebError> {
    let (found, bytes) = files::download(&state.app, &staff.user, id, file).await?;
    Ok(file_response(
        &found.file.file_name,
        &found.file.media_type,
        bytes,
    ))
}
