//! `/console/messages`: the messages the user handles, open ones first by their due
//! date, and a message's page with the writer (private), its clock explained, its
//! record, the steps staff take (accept or refuse, route, transfer, note, extend,
//! reply, publish) and, for a 咨询, the three entries of the policy Q&A library that
//! answer it best — and once replied, the form that makes it an entry.

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::extract::DoneQuery;
use crate::kit::format::local_time;
use crate::kit::layout::Layout;
use crate::kit::render::{render, render_private};
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::messages::{self, MessageView, StepInput};
use gongkai_app::qa::{self, MatchView};
use gongkai_app::{Error, MessageId};
use gongkai_domain::message::{Category, Refusal};

/// Suggestions shown for a 咨询.
const SUGGESTIONS: usize = 3;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/messages", get(list_messages))
        .route("/console/messages/{id}", get(show_message))
        .route("/console/messages/{id}/steps", post(take_step))
        .route("/console/messages/{id}/qa", post(make_entry))
}

#[derive(Template)]
#[template(path = "participation/console_messages.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<MessageView>,
}

async fn list_messages(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    render(&ListPage {
        layout: Layout::for_staff(&state, &staff, "留言办理").await?,
        rows: messages::staff_list(&state.app, &staff.user).await?,
    })
}

/// An event as the page lists it.
pub struct EventRow {
    pub on: String,
    pub what: &'static str,
    pub unit: String,
    pub note: String,
    pub by: String,
}

#[derive(Template)]
#[template(path = "participation/console_message.html")]
struct MessagePage {
    layout: Layout,
    error: Option<String>,
    notice: Option<&'static str>,
    v: MessageView,
    events: Vec<EventRow>,
    units: Vec<(String, String)>,
    refusals: Vec<(&'static str, &'static str)>,
    suggestions: Vec<MatchView>,
    topics: Vec<String>,
}

/// What a finished step says on the page it returns to.
fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "accept" => "已受理。",
        "refuse" => "已不予受理，并告知留言人。",
        "route" => "已交办。",
        "transfer" => "已转办。",
        "note" => "已添加备注。",
        "extend" => "已延长办理期限。",
        "reply" => "已答复。",
        "publish" => "已公开。",
        "qa" => "已转入政策咨询问答库。",
        _ => return None,
    })
}

async fn page(
    state: &AppState,
    staff: &Staff,
    id: MessageId,
    error: Option<String>,
    done: &str,
) -> Result<MessagePage, WebError> {
    let v = messages::staff_page(&state.app, &staff.user, id).await?;
    let all = gongkai_app::orgs::public_directory(&state.app).await?;
    let name = |id: Option<gongkai_app::OrgId>| {
        id.and_then(|id| all.iter().find(|o| o.id == id))
            .map_or(String::new(), |o| o.name.clone())
    };
    let events = v
        .events
        .iter()
        .map(|e| EventRow {
            on: e.on.to_string(),
            what: e.kind.label_zh(),
            unit: name(e.org),
            note: e.note.clone(),
            by: format!("{}（{}）", e.actor_name, local_time(e.at)),
        })
        .collect();
    let suggestions = if v.message.fields.category == Category::Consultation {
        let question = format!("{} {}", v.message.fields.title, v.message.fields.body);
        qa::match_question(&state.app, &question, SUGGESTIONS).await?
    } else {
        Vec::new()
    };
    Ok(MessagePage {
        layout: Layout::for_staff(state, staff, &v.message.fields.title).await?,
        error,
        notice: notice(done),
        units: gongkai_app::orgs::tree_order(&all)
            .into_iter()
            .map(|(depth, o)| {
                (
                    o.id.to_string(),
                    format!("{}{}", "　".repeat(depth), o.name),
                )
            })
            .collect(),
        refusals: Refusal::ALL
            .iter()
            .map(|r| (r.code(), r.label_zh()))
            .collect(),
        events,
        suggestions,
        topics: state.app.settings.participation.qa_topics.clone(),
        v,
    })
}

async fn show_message(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<MessageId>,
    Query(query): Query<DoneQuery>,
) -> Result<Response, WebError> {
    render_private(&page(&state, &staff, id, None, &query.done).await?)
}

async fn take_step(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<MessageId>,
    Form(input): Form<StepInput>,
) -> Result<Response, WebError> {
    match messages::take_step(&state.app, &staff.user, id, &input).await {
        Ok(()) => {
            let done =
                url::form_urlencoded::byte_serialize(input.step.as_bytes()).collect::<String>();
            Ok(Redirect::to(&format!("/console/messages/{id}?done={done}")).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let shown = page(&state, &staff, id, Some(public_message(&e)), "").await?;
            Ok((status_of(&e), render_private(&shown)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize)]
struct EntryForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    question: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    basis: String,
}

/// Makes a replied 咨询 an entry of the policy Q&A library, as the office wrote it.
async fn make_entry(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<MessageId>,
    Form(f): Form<EntryForm>,
) -> Result<Response, WebError> {
    let fields = [f.code.as_str(), &f.question, &f.answer, &f.topic, &f.basis];
    match qa::add_entry(&state.app, &staff.user, fields).await {
        Ok(_) => Ok(Redirect::to(&format!("/console/messages/{id}?done=qa")).into_response()),
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let shown = page(&state, &staff, id, Some(public_message(&e)), "").await?;
            Ok((status_of(&e), render_private(&shown)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
