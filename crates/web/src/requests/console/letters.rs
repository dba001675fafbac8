//! Letters of disclosure requests for the staff handling them: a letter as a
//! printable page and as a Word document, and the agency's letter templates (listed,
//! edited with the fields available, reset to the built-in text).

use crate::kit::download::{DOCX, file_response};
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::format::local_time;
use crate::kit::layout::Layout;
use crate::kit::render::{render, render_private};
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use gongkai_app::letters::templates::{self, TemplateRow};
use gongkai_app::letters::{self, Letter};
use gongkai_app::model::Org;
use gongkai_app::{Error, OrgId, RequestId};
use gongkai_domain::letter::Field;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/requests/{id}/letters/{kind}", get(show_letter))
        .route(
            "/console/requests/{id}/letters/{kind}/docx",
            get(download_letter),
        )
        .route(
            "/console/letter-templates",
            get(show_templates).post(save_template),
        )
}

#[derive(Template)]
#[template(path = "requests/request_letter.html")]
/// A standalone page (no site header), so that it prints as the letter alone.
struct LetterPage {
    letter: Letter,
    request_id: RequestId,
    docx_path: String,
}

async fn show_letter(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, kind)): Path<(RequestId, String)>,
) -> Result<Response, WebError> {
    let letter = letters::letter(&state.app, &staff.user, id, &kind).await?;
    let page = LetterPage {
        letter,
        request_id: id,
        docx_path: format!("/console/requests/{id}/letters/{kind}/docx"),
    };
    render_private(&page)
}

async fn download_letter(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, kind)): Path<(RequestId, String)>,
) -> Result<Response, WebError> {
    let (name, bytes) = letters::letter_docx(&state.app, &staff.user, id, &kind).await?;
    let mut response = file_response(&name, DOCX, bytes);
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

#[derive(Template)]
#[template(path = "requests/letter_templates.html")]
struct TemplatesPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    agencies: Vec<Org>,
    agency: Option<OrgId>,
    rows: Vec<TemplateRow>,
    /// The kind being edited, with the text shown in the editor.
    editing: Option<(TemplateRow, String)>,
    fields: Vec<(&'static str, &'static str)>,
}

#[derive(serde::Deserialize, Default)]
struct TemplatesQuery {
    org: Option<OrgId>,
    kind: Option<String>,
    done: Option<String>,
}

/// The form of the editor: save the text, or reset to the built-in one.
#[derive(serde::Deserialize)]
struct TemplateForm {
    org: OrgId,
    kind: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    action: String,
}

async fn templates_page(
    state: &AppState,
    staff: &Staff,
    query: TemplatesQuery,
    draft: Option<String>,
    error: Option<String>,
) -> Result<TemplatesPage, WebError> {
    let agencies = templates::agencies(&state.app, &staff.user).await?;
    let agency = query.org.or_else(|| agencies.first().map(|o| o.id));
    let rows = match agency {
        Some(org) => templates::list(&state.app, &staff.user, org).await?,
        None => Vec::new(),
    };
    let editing = match (agency, query.kind.as_deref()) {
        (Some(org), Some(kind)) => {
            let row = templates::get(&state.app, &staff.user, org, kind).await?;
            let text = draft.unwrap_or_else(|| row.body.clone());
            Some((row, text))
        }
        _ => None,
    };
    Ok(TemplatesPage {
        layout: Layout::for_staff(state, staff, "文书模板").await?,
        error,
        notice: query.done.map(|d| {
            if d == "reset" {
                "已恢复为默认模板。".to_string()
            } else {
                "模板已保存。".to_string()
            }
        }),
        agencies,
        agency,
        rows,
        editing,
        fields: Field::ALL
            .into_iter()
            .map(|f| (f.name_zh(), f.source_zh()))
            .collect(),
    })
}

async fn show_templates(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<TemplatesQuery>,
) -> Result<Response, WebError> {
    Ok(render(&templates_page(&state, &staff, query, None, None).await?)?.into_response())
}

async fn save_template(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<TemplateForm>,
) -> Result<Response, WebError> {
    let (app, user) = (&state.app, &staff.user);
    let done = if form.action == "reset" {
        templates::reset(app, user, form.org, &form.kind)
            .await
            .map(|()| "reset")
    } else {
        templates::save(app, user, form.org, &form.kind, &form.body)
            .await
            .map(|()| "saved")
    };
    match done {
        Ok(done) => {
            let kind =
                url::form_urlencoded::byte_serialize(form.kind.as_bytes()).collect::<String>();
            let to = format!(
                "/console/letter-templates?org={}&kind={kind}&done={done}",
                form.org
            );
            Ok(Redirect::to(&to).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let query = TemplatesQuery {
                org: Some(form.org),
                kind: Some(form.kind),
                done: None,
            };
            let page = templates_page(
                &state,
                &staff,
                query,
                Some(form.body),
                Some(public_message(&e)),
            )
            .await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// When a template was last saved, as staff read it.
pub fn saved_label(row: &TemplateRow) -> String {
    match &row.saved {
        Some((by, at)) => format!("本机关模板（{by} 于 {} 保存）", local_time(*at)),
        None => "默认模板".to_string(),
    }
}
