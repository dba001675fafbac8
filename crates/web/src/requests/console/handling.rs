//! Console pages of disclosure requests for the staff handling them: the list with
//! days left, staff entry of requests that came by post, fax, e-mail or in person, and
//! a request's page with the applicant, the explained due date, the handling steps and
//! the reply.

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::format::local_time;
use crate::kit::layout::Layout;
use crate::kit::render::{render, render_private};
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use crate::requests::choices::{FormRequirement, agency_options, applicant_types};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::requests::{
    self, CaseInput, DecisionInput, Handling, ReplyInput, RequestInput, StepInput,
};
use gongkai_app::{Error, RequestId};
use gongkai_domain::annual_report::{CaseKind, CaseResult, Outcome, OutcomeBlock};
use gongkai_domain::request::Channel;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/requests", get(list_requests))
        .route(
            "/console/requests/new",
            get(new_request).post(record_request),
        )
        .route("/console/requests/{id}", get(show_request))
        .route("/console/requests/{id}/steps", post(take_step))
        .route("/console/requests/{id}/reply", post(reply))
        .route("/console/requests/{id}/cases", post(add_case))
        .route("/console/requests/{id}/cases/decide", post(decide_case))
}

#[derive(Template)]
#[template(path = "requests/console_requests.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<Handling>,
    /// The due-list horizon in working days, when the list is filtered.
    within: Option<i64>,
    default_within: i64,
}

#[derive(serde::Deserialize)]
struct ListQuery {
    within: Option<i64>,
}

/// Longest due-list horizon asked for, in working days.
const MAX_WITHIN: i64 = 60;
/// The due list's default horizon, in working days (the console home counts it).
pub const DUE_WITHIN: i64 = 5;

async fn list_requests(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let within = query.within.map(|n| n.clamp(0, MAX_WITHIN));
    let rows = match within {
        Some(n) => requests::due_within(&state.app, &staff.user, n).await?,
        None => requests::list(&state.app, &staff.user).await?,
    };
    let page = ListPage {
        layout: Layout::for_staff(&state, &staff, "依申请公开").await?,
        rows,
        within,
        default_within: DUE_WITHIN,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "requests/console_request_form.html")]
struct FormPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    input: RequestInput,
    requirement: FormRequirement,
    types: Vec<(&'static str, &'static str)>,
    channels: Vec<Channel>,
    ask_purpose: bool,
    agencies: Vec<(String, String)>,
}

async fn form_page(
    state: &AppState,
    staff: &Staff,
    input: RequestInput,
    error: Option<String>,
) -> Result<FormPage, WebError> {
    Ok(FormPage {
        agencies: agency_options(state).await?,
        layout: Layout::for_staff(state, staff, "登记申请").await?,
        error,
        notice: None,
        requirement: FormRequirement::of(&input),
        input,
        types: applicant_types(),
        channels: Channel::ALL
            .into_iter()
            .filter(|c| *c != Channel::Online)
            .collect(),
        ask_purpose: state.app.settings.requests.ask_purpose,
    })
}

async fn new_request(State(state): State<AppState>, staff: Staff) -> Result<Response, WebError> {
    Ok(render(&form_page(&state, &staff, RequestInput::default(), None).await?)?.into_response())
}

async fn record_request(
    State(state): State<AppState>,
    staff: Staff,
    Form(input): Form<RequestInput>,
) -> Result<Response, WebError> {
    match requests::record(&state.app, &staff.user, &input).await {
        // The page itself shows the tracking code once: it never travels in a URL.
        Ok(submitted) => {
            let query = RequestQuery {
                done: None,
                code: Some(submitted.tracking_code),
            };
            let page =
                request_page(&state, &staff, submitted.request.id, None, Some(query)).await?;
            render_private(&page)
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden) => {
            let page = form_page(&state, &staff, input, Some(public_message(&e))).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "requests/console_request.html")]
struct RequestPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    handling: Handling,
    explanation: Vec<String>,
    events: Vec<(String, String)>,
    outcomes: Vec<(&'static str, &'static str)>,
    /// The 不予公开 rows a 部分公开 reply names for its withheld part.
    withheld_reasons: Vec<(&'static str, &'static str)>,
    case_kinds: Vec<CaseKind>,
    case_results: Vec<CaseResult>,
    /// The tracking code of a request just entered by staff, to give the applicant.
    code: Option<String>,
    today: String,
    /// Whether the user takes the office's steps (else only notes: the assigned unit).
    handler: bool,
    /// The units the request can be assigned to: id and name.
    units: Vec<(i64, String)>,
    /// The unit handling it, once assigned.
    handling_unit: Option<String>,
    /// The agency asked.
    agency: String,
    files: Vec<gongkai_app::model::RequestFile>,
}

#[derive(serde::Deserialize)]
struct RequestQuery {
    done: Option<String>,
    #[serde(skip)]
    code: Option<String>,
}

async fn request_page(
    state: &AppState,
    staff: &Staff,
    id: RequestId,
    error: Option<String>,
    query: Option<RequestQuery>,
) -> Result<RequestPage, WebError> {
    let handling = requests::detail(&state.app, &staff.user, id).await?;
    let options = requests::step_options(&state.app, &staff.user, &handling.request).await?;
    let handler = options.handler;
    let units: Vec<(i64, String)> = options
        .units
        .into_iter()
        .map(|o| (o.id.0, o.name))
        .collect();
    let unit_name = |id: Option<gongkai_app::OrgId>| {
        id.and_then(|id| units.iter().find(|(u, _)| *u == id.0))
            .map(|(_, name)| name.clone())
    };
    let handling_unit = unit_name(handling.request.handling_org);
    let agency = unit_name(Some(handling.request.fields.org_id)).unwrap_or_default();
    let events = handling
        .events
        .iter()
        .map(|e| {
            let mut what = format!("{} {}", e.on, e.kind.label_zh());
            if let Some(unit) = unit_name(e.org_id) {
                what.push_str(&format!("：{unit}"));
            }
            if let Some(until) = e.until {
                what.push_str(&format!("（至 {until}）"));
            }
            if let Some(days) = e.workdays {
                what.push_str(&format!("（{days} 个工作日）"));
            }
            if !e.note.is_empty() {
                what.push_str(&format!("：{}", e.note));
            }
            if let Some(amount) = e.amount {
                what.push_str(&format!("，应缴 {amount} 元"));
            }
            (what, format!("{} {}", e.actor_name, local_time(e.at)))
        })
        .collect();
    let (done, code) = query.map_or((None, None), |q| (q.done, q.code));
    Ok(RequestPage {
        layout: Layout::for_staff(state, staff, &handling.request.serial).await?,
        error,
        notice: done.map(|_| "已记录。".to_string()),
        explanation: handling.reckoning.explain_zh(),
        events,
        outcomes: Outcome::ALL
            .iter()
            .map(|o| (o.code(), o.label_zh()))
            .collect(),
        withheld_reasons: Outcome::ALL
            .iter()
            .filter(|o| o.block() == OutcomeBlock::Withheld)
            .map(|o| (o.code(), o.label_zh()))
            .collect(),
        case_kinds: CaseKind::ALL.to_vec(),
        case_results: CaseResult::ALL.to_vec(),
        code,
        today: gongkai_app::documents::today().to_string(),
        handler,
        units,
        handling_unit,
        agency,
        files: requests::files::of(&state.app, &handling).await?,
        handling,
    })
}

async fn show_request(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<RequestId>,
    Query(query): Query<RequestQuery>,
) -> Result<Response, WebError> {
    let page = request_page(&state, &staff, id, None, Some(query)).await?;
    render_private(&page)
}

/// Where a step on a request leads: back to its page, or the page with the error.
pub async fn request_outcome(
    state: &AppState,
    staff: &Staff,
    id: RequestId,
    done: Result<(), Error>,
) -> Result<Response, WebError> {
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/console/requests/{id}?done=1")).into_response()),
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let page = request_page(state, staff, id, Some(public_message(&e)), None).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn take_step(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<RequestId>,
    Form(input): Form<StepInput>,
) -> Result<Response, WebError> {
    let done = requests::step(&state.app, &staff.user, id, &input).await;
    request_outcome(&state, &staff, id, done).await
}

async fn reply(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<RequestId>,
    Form(input): Form<ReplyInput>,
) -> Result<Response, WebError> {
    let done = requests::reply(&state.app, &staff.user, id, &input).await;
    request_outcome(&state, &staff, id, done).await
}

async fn add_case(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<RequestId>,
    Form(input): Form<CaseInput>,
) -> Result<Response, WebError> {
    let done = requests::add_case(&state.app, &staff.user, id, &input).await;
    request_outcome(&state, &staff, id, done).await
}

async fn decide_case(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<RequestId>,
    Form(input): Form<DecisionInput>,
) -> Result<Response, WebError> {
    let done = requests::decide_case(&state.app, &staff.user, id, &input).await;
    request_outcome(&state, &staff, id, done).await
}
