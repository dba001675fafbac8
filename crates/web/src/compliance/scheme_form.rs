//! `/console/assessment`: the schemes with their versions, and the scheme form (new,
//! or a change: in place until a result is published, then a new version). A refused
//! form comes back with what was typed and every problem named.

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use gongkai_app::Error;
use gongkai_app::assessment::{self, LineInput, SchemeInput};
use gongkai_app::documents::today;
use gongkai_domain::assessment::{Rule, Source};
use gongkai_domain::compliance::Indicator;
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/assessment", get(show_list).post(create))
        .route("/console/assessment/{id}/edit", get(show_edit).post(update))
}

/// Lines the form offers.
const LINES: usize = 10;

/// A scheme in the list.
struct SchemeRow {
    id: i64,
    year: i32,
    name: String,
    version: i64,
    weights: String,
    frozen: bool,
}

#[derive(Template)]
#[template(path = "compliance/assessment_list.html")]
struct ListPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<&'static str>,
    schemes: Vec<SchemeRow>,
    form: FormView,
}

#[derive(Template)]
#[template(path = "compliance/assessment_edit.html")]
struct EditPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<&'static str>,
    id: i64,
    frozen: bool,
    form: FormView,
}

/// The form as shown: the typed values and the choices.
struct FormView {
    year: String,
    name: String,
    lines: Vec<LineInput>,
    sources: Vec<(&'static str, &'static str)>,
    rules: [(&'static str, &'static str); 3],
}

impl FormView {
    fn of(input: &SchemeInput) -> FormView {
        let mut lines = input.lines.clone();
        lines.resize_with(LINES.max(lines.len()), LineInput::default);
        let mut sources: Vec<(&str, &str)> = Indicator::ALL
            .iter()
            .map(|i| (i.code(), i.label_zh()))
            .collect();
        sources.push(("manual", "人工评分（填写名称）"));
        FormView {
            year: input.year.clone(),
            name: input.name.clone(),
            lines,
            sources,
            rules: [
                ("proportional", "按按期率计分"),
                ("deduct", "每项超期扣分"),
                ("manual", "人工评分"),
            ],
        }
    }
}

/// The form's fields: `year`, `name`, and per line `source_N`, `label_N`, `weight_N`,
/// `rule_N`, `points_N`.
fn input_of(form: &HashMap<String, String>) -> SchemeInput {
    let field = |name: String| form.get(&name).cloned().unwrap_or_default();
    SchemeInput {
        year: field("year".to_string()),
        name: field("name".to_string()),
        lines: (0..LINES)
            .map(|n| LineInput {
                source: field(format!("source_{n}")),
                label: field(format!("label_{n}")),
                weight: field(format!("weight_{n}")),
                rule: field(format!("rule_{n}")),
                points: field(format!("points_{n}")),
            })
            .collect(),
    }
}

/// A stored scheme as the form shows it.
fn input_from(s: &gongkai_domain::assessment::Scheme) -> SchemeInput {
    SchemeInput {
        year: s.year.to_string(),
        name: s.name.clone(),
        lines: s
            .indicators
            .iter()
            .map(|l| LineInput {
                source: match l.source {
                    Source::Monitor(i) => i.code().to_string(),
                    Source::Manual => "manual".to_string(),
                },
                label: l.label.clone(),
                weight: l.weight.to_string(),
                rule: l.rule.code().to_string(),
                points: match l.rule {
                    Rule::DeductPerItem { points } => points.to_string(),
                    _ => String::new(),
                },
            })
            .collect(),
    }
}

/// A starting scheme: the monitor's indicators, weights adding up to 100.
fn starting_input() -> SchemeInput {
    let weights = [15, 10, 15, 10, 5, 5, 15, 10, 5];
    let mut lines: Vec<LineInput> = Indicator::ALL
        .iter()
        .zip(weights)
        .map(|(i, w)| LineInput {
            source: i.code().to_string(),
            label: String::new(),
            weight: w.to_string(),
            rule: "proportional".to_string(),
            points: String::new(),
        })
        .collect();
    lines.push(LineInput {
        source: "manual".to_string(),
        label: "网站检查".to_string(),
        weight: "10".to_string(),
        rule: "manual".to_string(),
        points: String::new(),
    });
    SchemeInput {
        year: chrono::Datelike::year(&today()).to_string(),
        name: String::new(),
        lines,
    }
}

async fn list_page(
    state: &AppState,
    staff: &Staff,
    error: Option<String>,
    input: &SchemeInput,
) -> Result<ListPage, WebError> {
    let schemes = assessment::schemes(&state.app, &staff.user).await?;
    Ok(ListPage {
        layout: Layout::for_staff(state, staff, "考核方案").await?,
        error,
        notice: None,
        schemes: schemes
            .iter()
            .map(|s| SchemeRow {
                id: s.id,
                year: s.scheme.year,
                name: s.scheme.name.clone(),
                version: s.version,
                weights: s
                    .scheme
                    .indicators
                    .iter()
                    .map(|l| format!("{} {}", l.label, l.weight))
                    .collect::<Vec<_>>()
                    .join("、"),
                frozen: s.frozen_at.is_some(),
            })
            .collect(),
        form: FormView::of(input),
    })
}

async fn show_list(State(state): State<AppState>, staff: Staff) -> Result<Html<String>, WebError> {
    render(&list_page(&state, &staff, None, &starting_input()).await?)
}

fn refused(e: &Error) -> bool {
    e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_))
}

async fn create(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let input = input_of(&form);
    match assessment::save_scheme(&state.app, &staff.user, None, &input).await {
        Ok(s) => Ok(Redirect::to(&format!("/console/assessment/{}", s.id)).into_response()),
        Err(e) if refused(&e) => {
            let page = list_page(&state, &staff, Some(public_message(&e)), &input).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn edit_page(
    state: &AppState,
    staff: &Staff,
    id: i64,
    error: Option<String>,
    input: Option<&SchemeInput>,
) -> Result<EditPage, WebError> {
    let stored = assessment::schemes(&state.app, &staff.user)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| Error::NotFound("考核方案不存在".to_string()))?;
    let shown = input.cloned().unwrap_or_else(|| input_from(&stored.scheme));
    Ok(EditPage {
        layout: Layout::for_staff(state, staff, &stored.scheme.name).await?,
        error,
        notice: None,
        id,
        frozen: stored.frozen_at.is_some(),
        form: FormView::of(&shown),
    })
}

async fn show_edit(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Html<String>, WebError> {
    render(&edit_page(&state, &staff, id, None, None).await?)
}

async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let input = input_of(&form);
    match assessment::save_scheme(&state.app, &staff.user, Some(id), &input).await {
        Ok(s) => Ok(Redirect::to(&format!("/console/assessment/{}", s.id)).into_response()),
        Err(e) if refused(&e) => {
            let page =
                edit_page(&state, &staff, id, Some(public_message(&e)), Some(&input)).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
