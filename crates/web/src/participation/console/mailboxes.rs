//! `/console/mailboxes`: the boxes that take messages, for the disclosure office — each
//! with the unit that answers it, open or closed, the reply period of each category it
//! takes and the ceiling of an extension.

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use gongkai_app::messages::{self, MailboxInput};
use gongkai_app::model::Mailbox;
use gongkai_app::{Error, MailboxId};
use gongkai_domain::message::{Category, DEFAULT_MAX_WORKDAYS, DEFAULT_REPLY_WORKDAYS};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/mailboxes", get(list_boxes).post(create_box))
        .route("/console/mailboxes/{id}", get(edit_box).post(update_box))
}

/// A category's line of the form: code, name, the period entered.
pub struct PeriodField {
    pub code: &'static str,
    pub label: &'static str,
    pub value: String,
}

#[derive(Template)]
#[template(path = "participation/console_mailboxes.html")]
struct BoxesPage {
    layout: Layout,
    error: Option<String>,
    boxes: Vec<Mailbox>,
    /// The form: a new box, or the box being edited.
    editing: Option<MailboxId>,
    input: MailboxInput,
    periods: Vec<PeriodField>,
    units: Vec<(String, String)>,
}

/// The form's fields for `input`.
fn period_fields(input: &MailboxInput) -> Vec<PeriodField> {
    Category::ALL
        .iter()
        .map(|c| PeriodField {
            code: c.code(),
            label: c.label_zh(),
            value: input.periods.get(c.code()).cloned().unwrap_or_default(),
        })
        .collect()
}

/// A new box's defaults: open, every category on 3 working days, 10 at most.
fn blank() -> MailboxInput {
    MailboxInput {
        open: true,
        periods: Category::ALL
            .iter()
            .map(|c| (c.code().to_string(), DEFAULT_REPLY_WORKDAYS.to_string()))
            .collect(),
        max_workdays: DEFAULT_MAX_WORKDAYS.to_string(),
        ..MailboxInput::default()
    }
}

fn input_of(b: &Mailbox) -> MailboxInput {
    MailboxInput {
        name: b.fields.name.clone(),
        org: b.fields.org_id.to_string(),
        description: b.fields.description.clone(),
        open: b.fields.open,
        periods: b
            .fields
            .periods
            .iter()
            .map(|(c, n)| (c.code().to_string(), n.to_string()))
            .collect(),
        max_workdays: b.fields.max_workdays.to_string(),
    }
}

async fn page(
    state: &AppState,
    staff: &Staff,
    editing: Option<MailboxId>,
    input: MailboxInput,
    error: Option<String>,
) -> Result<BoxesPage, WebError> {
    let all = gongkai_app::orgs::public_directory(&state.app).await?;
    Ok(BoxesPage {
        layout: Layout::for_staff(state, staff, "信箱管理").await?,
        error,
        boxes: messages::boxes(&state.app).await?,
        editing,
        periods: period_fields(&input),
        input,
        units: gongkai_app::orgs::tree_order(&all)
            .into_iter()
            .map(|(depth, o)| {
                (
                    o.id.to_string(),
                    format!("{}{}", "　".repeat(depth), o.name),
                )
            })
            .collect(),
    })
}

async fn list_boxes(State(state): State<AppState>, staff: Staff) -> Result<Html<String>, WebError> {
    render(&page(&state, &staff, None, blank(), None).await?)
}

async fn edit_box(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<MailboxId>,
) -> Result<Html<String>, WebError> {
    let found = messages::boxes(&state.app)
        .await?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or_else(|| Error::NotFound("信箱不存在".to_string()))?;
    render(&page(&state, &staff, Some(id), input_of(&found), None).await?)
}

/// The box form: fields, and `days_<category>` for each category's period.
fn form_of(body: &[u8]) -> MailboxInput {
    let mut input = MailboxInput::default();
    for (key, value) in url::form_urlencoded::parse(body) {
        let value = value.into_owned();
        match key.as_ref() {
            "name" => input.name = value,
            "org" => input.org = value,
            "description" => input.description = value,
            "open" => input.open = !value.is_empty(),
            "max_workdays" => input.max_workdays = value,
            other => {
                if let Some(code) = other.strip_prefix("days_") {
                    input.periods.insert(code.to_string(), value);
                }
            }
        }
    }
    input
}

async fn save(
    state: &AppState,
    staff: &Staff,
    id: Option<MailboxId>,
    body: &[u8],
) -> Result<Response, WebError> {
    let input = form_of(body);
    match messages::save_box(&state.app, &staff.user, id, &input).await {
        Ok(_) => Ok(Redirect::to("/console/mailboxes").into_response()),
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let shown = page(state, staff, id, input, Some(public_message(&e))).await?;
            Ok((status_of(&e), render(&shown)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn create_box(
    State(state): State<AppState>,
    staff: Staff,
    body: Bytes,
) -> Result<Response, WebError> {
    save(&state, &staff, None, &body).await
}

async fn update_box(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<MailboxId>,
    body: Bytes,
) -> Result<Response, WebError> {
    save(&state, &staff, Some(id), &body).await
}
