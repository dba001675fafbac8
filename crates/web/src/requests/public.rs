//! Public pages of disclosure requests: the request form (条例第二十九条), the page
//! that shows the new request's serial and private tracking code once, and the
//! tracking page. Serial and code travel in POST bodies, never in URLs or logs.

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::render::{render, render_private};
use crate::kit::state::AppState;
use crate::kit::visitor::Visitor;
use crate::requests::choices::{FormRequirement, agency_options, applicant_types};
use askama::Template;
use axum::Router;
use axum::extract::{Form, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use gongkai_app::Error;
use gongkai_app::requests::{self, Handling, RequestInput};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/requests/new", get(new_request).post(submit_request))
        .route("/requests/track", get(track_form).post(track_request))
}

#[derive(Template)]
#[template(path = "requests/request_form.html")]
struct FormPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    input: RequestInput,
    requirement: FormRequirement,
    types: Vec<(&'static str, &'static str)>,
    ask_purpose: bool,
    office_phone: String,
    /// The agencies a request can be addressed to: id and name.
    agencies: Vec<(String, String)>,
}

async fn form_page(
    state: &AppState,
    visitor: &Visitor,
    input: RequestInput,
    error: Option<String>,
) -> Result<FormPage, WebError> {
    Ok(FormPage {
        agencies: agency_options(state).await?,
        layout: Layout::public(state, visitor, "政府信息公开申请"),
        error,
        notice: None,
        requirement: FormRequirement::of(&input),
        input,
        types: applicant_types(),
        ask_purpose: state.app.settings.requests.ask_purpose,
        office_phone: state.app.settings.office.phone.clone(),
    })
}

async fn new_request(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Response, WebError> {
    let page = form_page(&state, &visitor, RequestInput::default(), None).await?;
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "requests/request_submitted.html")]
struct SubmittedPage {
    layout: Layout,
    serial: String,
    tracking_code: String,
    received_on: String,
    due: String,
    /// The caveat of a due date counted over a year without its holiday notice.
    provisional: Option<String>,
}

async fn submit_request(
    State(state): State<AppState>,
    visitor: Visitor,
    Form(input): Form<RequestInput>,
) -> Result<Response, WebError> {
    match requests::submit(&state.app, &input).await {
        Ok(submitted) => {
            let page = SubmittedPage {
                layout: Layout::public(&state, &visitor, "申请已提交"),
                serial: submitted.request.serial,
                tracking_code: submitted.tracking_code,
                received_on: submitted.request.fields.received_on.to_string(),
                due: submitted.reckoning.due.to_string(),
                provisional: submitted.reckoning.provisional_note_zh(),
            };
            render_private(&page)
        }
        Err(e) if e.is_client_error() => {
            let page = form_page(&state, &visitor, input, Some(public_message(&e))).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "requests/request_track.html")]
struct TrackPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    serial: String,
    /// The legal basis of the reply, once replied.
    reply_basis: Option<String>,
    found: Option<Handling>,
}

#[derive(serde::Deserialize)]
struct TrackForm {
    #[serde(default)]
    serial: String,
    #[serde(default)]
    code: String,
}

async fn track_form(State(state): State<AppState>, visitor: Visitor) -> Result<Response, WebError> {
    let page = TrackPage {
        layout: Layout::public(&state, &visitor, "申请办理进度查询"),
        error: None,
        notice: None,
        serial: String::new(),
        reply_basis: None,
        found: None,
    };
    Ok(render(&page)?.into_response())
}

async fn track_request(
    State(state): State<AppState>,
    visitor: Visitor,
    Form(form): Form<TrackForm>,
) -> Result<Response, WebError> {
    let found = match requests::track(&state.app, &form.serial, &form.code).await {
        Ok(handling) => Ok(handling),
        Err(Error::NotFound(message)) => Err(message),
        Err(e) => return Err(e.into()),
    };
    let status = if found.is_ok() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::NOT_FOUND
    };
    let page = TrackPage {
        layout: Layout::public(&state, &visitor, "申请办理进度查询"),
        error: found.as_ref().err().cloned(),
        notice: None,
        serial: form.serial.trim().to_string(),
        reply_basis: found
            .as_ref()
            .ok()
            .and_then(|h| h.reply_basis())
            .map(str::to_string),
        found: found.ok(),
    };
    Ok((status, render_private(&page)?).into_response())
}
