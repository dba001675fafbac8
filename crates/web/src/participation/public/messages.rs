//! The public pages of messages (留言): the replies published with their writers'
//! consent, the message form (contact private), the page that shows the serial and the
//! private tracking code once, the tracking page with the reply, and the rating.
//! Serial and code travel in POST bodies, never in URLs.

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::render::{render, render_private};
use crate::kit::state::AppState;
use crate::kit::visitor::Visitor;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Query, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use gongkai_app::Error;
use gongkai_app::messages::{self, MessageInput, MessageView, Tracked};
use gongkai_app::model::Mailbox;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/messages", get(list_published))
        .route("/messages/new", get(new_message).post(submit_message))
        .route("/messages/track", get(track_form).post(track_message))
        .route("/messages/rate", post(rate_reply))
}

#[derive(Template)]
#[template(path = "participation/messages.html")]
struct PublishedPage {
    layout: Layout,
    messages: Vec<MessageView>,
}

async fn list_published(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, WebError> {
    render(&PublishedPage {
        layout: Layout::public(&state, &visitor, "留言选登"),
        messages: messages::published(&state.app).await?,
    })
}

#[derive(Template)]
#[template(path = "participation/message_form.html")]
struct FormPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    input: MessageInput,
    boxes: Vec<Mailbox>,
    max_chars: u32,
}

async fn form_page(
    state: &AppState,
    visitor: &Visitor,
    input: MessageInput,
    error: Option<String>,
) -> Result<FormPage, WebError> {
    Ok(FormPage {
        layout: Layout::public(state, visitor, "我要留言"),
        error,
        notice: None,
        input,
        boxes: messages::open_boxes(&state.app).await?,
        max_chars: state.app.settings.participation.max_message_chars,
    })
}

/// The form, filled from the link that led here (the policy Q&A sends a question on).
async fn new_message(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(input): Query<MessageInput>,
) -> Result<Html<String>, WebError> {
    render(&form_page(&state, &visitor, input, None).await?)
}

#[derive(Template)]
#[template(path = "participation/message_submitted.html")]
struct SubmittedPage {
    layout: Layout,
    serial: String,
    tracking_code: String,
    received_on: String,
    due: String,
}

async fn submit_message(
    State(state): State<AppState>,
    visitor: Visitor,
    Form(input): Form<MessageInput>,
) -> Result<Response, WebError> {
    match messages::submit(&state.app, &input).await {
        Ok(done) => {
            let view =
                messages::track(&state.app, &done.message.serial, &done.tracking_code).await?;
            render_private(&SubmittedPage {
                layout: Layout::public(&state, &visitor, "留言已提交"),
                serial: done.message.serial,
                tracking_code: done.tracking_code,
                received_on: done.message.fields.received_on.to_string(),
                due: view.view.due.due.to_string(),
            })
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::NotFound(_)) => {
            let page = form_page(&state, &visitor, input, Some(public_message(&e))).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "participation/message_track.html")]
struct TrackPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    serial: String,
    /// Kept only to rate the reply on this page (it came in the POST body).
    code: String,
    found: Option<Tracked>,
}

#[derive(serde::Deserialize)]
struct TrackForm {
    #[serde(default)]
    serial: String,
    #[serde(default)]
    code: String,
}

fn track_page(state: &AppState, visitor: &Visitor, form: TrackForm) -> TrackPage {
    TrackPage {
        layout: Layout::public(state, visitor, "留言办理查询"),
        error: None,
        notice: None,
        serial: form.serial,
        code: form.code,
        found: None,
    }
}

async fn track_form(State(state): State<AppState>, visitor: Visitor) -> Result<Response, WebError> {
    let empty = TrackForm {
        serial: String::new(),
        code: String::new(),
    };
    render_private(&track_page(&state, &visitor, empty))
}

/// The tracking page for the pair in `form`, with `notice` or the refusal `error`.
async fn tracked(
    state: &AppState,
    visitor: &Visitor,
    form: TrackForm,
    notice: Option<String>,
    error: Option<Error>,
) -> Result<Response, WebError> {
    let found = messages::track(&state.app, &form.serial, &form.code).await;
    let mut page = track_page(state, visitor, form);
    match found {
        Ok(found) => page.found = Some(found),
        Err(e) if e.is_client_error() => {
            page.error = Some(public_message(&e));
            page.code.clear();
            let status = status_of(&e);
            return Ok((status, render_private(&page)?).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    page.notice = notice;
    if let Some(e) = error {
        page.error = Some(public_message(&e));
        return Ok((status_of(&e), render_private(&page)?).into_response());
    }
    render_private(&page)
}

async fn track_message(
    State(state): State<AppState>,
    visitor: Visitor,
    Form(form): Form<TrackForm>,
) -> Result<Response, WebError> {
    tracked(&state, &visitor, form, None, None).await
}

#[derive(serde::Deserialize)]
struct RateForm {
    #[serde(default)]
    serial: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    score: String,
    #[serde(default)]
    note: String,
}

async fn rate_reply(
    State(state): State<AppState>,
    visitor: Visitor,
    Form(form): Form<RateForm>,
) -> Result<Response, WebError> {
    let done = messages::rate(
        &state.app,
        &form.serial,
        &form.code,
        &form.score,
        &form.note,
    )
    .await;
    let back = TrackForm {
        serial: form.serial,
        code: form.code,
    };
    match done {
        Ok(()) => {
            tracked(
                &state,
                &visitor,
                back,
                Some("感谢您的评价！".to_string()),
                None,
            )
            .await
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::NotFound(_)) => {
            tracked(&state, &visitor, back, None, Some(e)).await
        }
        Err(e) => Err(e.into()),
    }
}
