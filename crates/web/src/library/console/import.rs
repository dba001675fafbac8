//! `/console/documents/import`: the office imports portal pages (saved as HTML) and
//! Word, PDF or text files into the library from the console, with the same per-file
//! report as `gongkai import policies`: what was created, updated or unchanged, and
//! each file skipped with the reason.

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::multipart;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Multipart, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use gongkai_app::access::require_office;
use gongkai_app::documents::{self, ImportSummary};

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/console/documents/import",
        get(show_form).post(import_files),
    )
}

/// A file skipped, as the report lists it.
struct Skipped {
    file: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "library/console_import.html")]
struct ImportPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    /// The report of the import just done.
    report: Option<(ImportSummary, Vec<Skipped>)>,
}

async fn page(
    state: &AppState,
    staff: &Staff,
    error: Option<String>,
    report: Option<ImportSummary>,
) -> Result<ImportPage, WebError> {
    let report = report.map(|summary| {
        let skipped: Vec<Skipped> = summary
            .skipped
            .iter()
            .map(|(path, reason)| Skipped {
                file: path.display().to_string(),
                reason: reason.clone(),
            })
            .collect();
        (summary, skipped)
    });
    Ok(ImportPage {
        layout: Layout::for_staff(state, staff, "导入文件").await?,
        notice: report.as_ref().map(|(s, skipped)| {
            format!(
                "导入完成：新增 {} 件，更新 {} 件，未变化 {} 件，未导入 {} 个文件。",
                s.created,
                s.updated,
                s.unchanged,
                skipped.len()
            )
        }),
        error,
        report,
    })
}

async fn show_form(State(state): State<AppState>, staff: Staff) -> Result<Html<String>, WebError> {
    require_office(&staff.user)?;
    render(&page(&state, &staff, None, None).await?)
}

async fn import_files(
    State(state): State<AppState>,
    staff: Staff,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let form = match multipart::read(&state, &mut multipart).await {
        Err(too_large) => return Ok(too_large),
        Ok(form) => form,
    };
    let done = match form {
        Ok(form) => {
            let files = form
                .files
                .into_iter()
                .map(|f| (f.file_name, f.bytes))
                .collect();
            documents::import_uploads(&state.app, &staff.user, files).await
        }
        Err(e) => Err(e),
    };
    match done {
        Ok(summary) => {
            Ok(render(&page(&state, &staff, None, Some(summary)).await?)?.into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, gongkai_app::Error::Forbidden) => {
            let page = page(&state, &staff, Some(public_message(&e)), None).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
