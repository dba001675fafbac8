//! `/console/consultations`: the consultations of the user's units, and the form to
//! open one (a multipart form: the draft may come as files).

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::multipart::{self, MultipartForm};
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use crate::participation::view::Shown;
use askama::Template;
use axum::Router;
use axum::extract::{Multipart, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use gongkai_app::Error;
use gongkai_app::consultations::{self, ConsultationInput};
use gongkai_app::ledgers::tracking::Upload;
use gongkai_domain::consultation::DraftKind;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/consultations", get(list_consultations))
        .route(
            "/console/consultations/new",
            get(new_consultation).post(open_consultation),
        )
}

#[derive(Template)]
#[template(path = "participation/console_consultations.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<Shown>,
}

async fn list_consultations(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    let rows = consultations::staff_list(&state.app, &staff.user)
        .await?
        .iter()
        .map(Shown::from)
        .collect();
    render(&ListPage {
        layout: Layout::for_staff(&state, &staff, "征求意见").await?,
        rows,
    })
}

#[derive(Template)]
#[template(path = "participation/consultation_form.html")]
struct FormPage {
    layout: Layout,
    error: Option<String>,
    input: ConsultationInput,
    /// Units the user may consult for: id, indented name.
    units: Vec<(String, String)>,
    kinds: Vec<(&'static str, &'static str)>,
}

async fn form_page(
    state: &AppState,
    staff: &Staff,
    input: ConsultationInput,
    error: Option<String>,
) -> Result<FormPage, WebError> {
    let units = consultations::units(&state.app, &staff.user)
        .await?
        .into_iter()
        .map(|(depth, o)| {
            (
                o.id.to_string(),
                format!("{}{}", "　".repeat(depth), o.name),
            )
        })
        .collect();
    Ok(FormPage {
        layout: Layout::for_staff(state, staff, "发布征求意见").await?,
        error,
        input,
        units,
        kinds: DraftKind::ALL
            .iter()
            .map(|k| (k.code(), k.label_zh()))
            .collect(),
    })
}

async fn new_consultation(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    render(&form_page(&state, &staff, ConsultationInput::default(), None).await?)
}

/// The form's fields and uploaded files.
fn input_of(form: MultipartForm) -> (ConsultationInput, Vec<Upload>) {
    let input = ConsultationInput {
        org: form.text("org").to_string(),
        title: form.text("title").to_string(),
        kind: form.text("kind").to_string(),
        market_related: form.text("market_related").to_string(),
        draft_html: form.text("draft_html").to_string(),
        explanation_html: form.text("explanation_html").to_string(),
        draft_document: form.text("draft_document").to_string(),
        starts_on: form.text("starts_on").to_string(),
        ends_on: form.text("ends_on").to_string(),
        short_reason: form.text("short_reason").to_string(),
    };
    let uploads = form
        .files
        .into_iter()
        .filter(|f| f.name == "files")
        .map(|f| Upload {
            file_name: f.file_name,
            bytes: f.bytes,
        })
        .collect();
    (input, uploads)
}

async fn open_consultation(
    State(state): State<AppState>,
    staff: Staff,
    mut form: Multipart,
) -> Result<Response, WebError> {
    let (input, uploads) = match multipart::read(&state, &mut form).await {
        Ok(Ok(form)) => input_of(form),
        Ok(Err(e)) => return refused(&state, &staff, ConsultationInput::default(), e).await,
        Err(too_large) => return Ok(too_large),
    };
    match consultations::open(&state.app, &staff.user, &input, uploads).await {
        Ok(id) => {
            Ok(Redirect::to(&format!("/console/consultations/{id}?done=opened")).into_response())
        }
        Err(e) => refused(&state, &staff, input, e).await,
    }
}

/// The form again with the refusal, under the error's status.
async fn refused(
    state: &AppState,
    staff: &Staff,
    input: ConsultationInput,
    error: Error,
) -> Result<Response, WebError> {
    if !error.is_client_error() || matches!(error, Error::Forbidden) {
        return Err(error.into());
    }
    let page = form_page(state, staff, input, Some(public_message(&error))).await?;
    Ok((status_of(&error), render(&page)?).into_response())
}
