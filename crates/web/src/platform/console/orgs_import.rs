//! Importing the unit directory from an uploaded CSV or XLSX file.

use crate::kit::error::WebError;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use gongkai_app::orgs::{self, ImportReport};
use gongkai_app::{Error, access};

pub fn router() -> Router<AppState> {
    Router::new().route("/console/orgs/import", get(show_import).post(import_orgs))
}

#[derive(Template)]
#[template(path = "platform/orgs_import.html")]
struct ImportPage {
    layout: Layout,
    report: Option<ImportReport>,
    problems: Vec<String>,
}

async fn page(
    state: &AppState,
    staff: &Staff,
    report: Option<ImportReport>,
    problems: Vec<String>,
) -> Result<Html<String>, WebError> {
    render(&ImportPage {
        layout: Layout::for_staff(state, staff, "从表格导入单位").await?,
        report,
        problems,
    })
}

async fn show_import(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    let all = orgs::public_directory(&state.app).await?;
    access::require_platform_admin(&staff.user, &all)?;
    page(&state, &staff, None, Vec::new()).await
}

/// The uploaded file's name and bytes, from the `file` field.
async fn uploaded_file(multipart: &mut Multipart) -> Result<(String, Vec<u8>), Error> {
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        Error::invalid("文件", format!("上传内容无法读取：{e}"))
    };
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or_default().to_string();
            let bytes = field.bytes().await.map_err(unreadable)?;
            return Ok((name, bytes.to_vec()));
        }
    }
    Err(Error::invalid("文件", "请选择要上传的文件"))
}

async fn import_orgs(
    State(state): State<AppState>,
    staff: Staff,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let (name, bytes) = uploaded_file(&mut multipart).await?;
    match orgs::import_upload(&state.app, &staff.user, &name, &bytes).await {
        Ok(report) => Ok(page(&state, &staff, Some(report), Vec::new())
            .await?
            .into_response()),
        Err(Error::Import(problems)) => {
            let html = page(&state, &staff, None, problems).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden) => {
            let html = page(&state, &staff, None, vec![e.to_string()]).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
