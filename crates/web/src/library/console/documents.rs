//! Console pages of the policy library: the working list and the form to write or
//! correct a document (its page is in `document_page`, the actions in `actions`).

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::format::local_time;
use crate::kit::layout::Layout;
use crate::kit::pager::{Pager, page_count};
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use gongkai_app::documents::{self, CONSOLE_PAGE_SIZE, DocumentInput};
use gongkai_app::model::Document;
use gongkai_app::{DocumentId, Error, OrgId, access, orgs};
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::interpretation::InterpretationForm;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::topic::{STANDARD_GENRES, STANDARD_TOPICS};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/documents", get(list_documents))
        .route(
            "/console/documents/new",
            get(new_document).post(create_document),
        )
        .route(
            "/console/documents/{id}/edit",
            get(edit_document).post(update_document),
        )
}

/// One row of the console list.
pub struct ConsoleRow {
    pub id: DocumentId,
    pub title: String,
    pub index_number: String,
    pub issuer: String,
    pub status: &'static str,
    pub validity: &'static str,
    pub updated: String,
}

impl From<&Document> for ConsoleRow {
    fn from(d: &Document) -> ConsoleRow {
        ConsoleRow {
            id: d.id,
            title: d.fields.title.clone(),
            index_number: d.index_number.clone(),
            issuer: d.fields.issuer_name.clone(),
            status: d.status.label_zh(),
            validity: d.fields.validity.label_zh(),
            updated: local_time(d.updated_at),
        }
    }
}

#[derive(Template)]
#[template(path = "library/console_documents.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<ConsoleRow>,
    total: i64,
    pager: Pager,
    status: String,
    text: String,
    statuses: Vec<(&'static str, &'static str)>,
}

#[derive(serde::Deserialize)]
struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    q: String,
    page: Option<i64>,
}

async fn list_documents(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Html<String>, WebError> {
    let status = DocumentStatus::from_code(&query.status);
    let page = query.page.unwrap_or(1).max(1);
    let (found, total) =
        documents::console_list(&state.app, &staff.user, status, Some(query.q.clone()), page)
            .await?;
    let pages = page_count(u64::try_from(total).unwrap_or(0), CONSOLE_PAGE_SIZE as u64);
    let pager = Pager::new(page as u64, pages, |n| {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("status", status.map_or("", |s| s.code()))
            .append_pair("q", &query.q)
            .append_pair("page", &n.to_string())
            .finish();
        format!("/console/documents?{query}")
    });
    render(&ListPage {
        layout: Layout::for_staff(&state, &staff, "文件管理").await?,
        rows: found.iter().map(ConsoleRow::from).collect(),
        total,
        pager,
        status: status.map_or("", |s| s.code()).to_string(),
        text: query.q,
        statuses: DocumentStatus::ALL
            .iter()
            .map(|s| (s.code(), s.label_zh()))
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "library/document_form.html")]
struct FormPage {
    layout: Layout,
    heading: String,
    action: String,
    error: Option<String>,
    input: DocumentInput,
    /// Units the user may issue for: id, indented name.
    issuers: Vec<(OrgId, String)>,
    topics: Vec<String>,
    genres: Vec<&'static str>,
    disclosures: Vec<(&'static str, &'static str)>,
    forms: Vec<(&'static str, &'static str)>,
}

impl FormPage {
    fn selected_issuer(&self, id: &OrgId) -> bool {
        self.input.issuer_id == Some(*id)
    }
}

/// Every standard topic: each category, then each `category\sub-category`.
fn topic_choices() -> Vec<String> {
    STANDARD_TOPICS
        .iter()
        .flat_map(|(top, subs)| {
            std::iter::once((*top).to_string())
                .chain(subs.iter().map(move |s| format!("{top}\\{s}")))
        })
        .collect()
}

async fn form_page(
    state: &AppState,
    staff: &Staff,
    heading: &str,
    action: String,
    input: DocumentInput,
    error: Option<String>,
) -> Result<FormPage, WebError> {
    let all = orgs::public_directory(&state.app).await?;
    let issuers = gongkai_app::orgs::tree_order(&all)
        .into_iter()
        .filter(|(_, o)| {
            access::require_document_role(&staff.user, &access::DOCUMENT_EDITORS, Some(o.id), &all)
                .is_ok()
        })
        .map(|(depth, o)| (o.id, format!("{}{}", "　".repeat(depth), o.name)))
        .collect();
    Ok(FormPage {
        layout: Layout::for_staff(state, staff, heading).await?,
        heading: heading.to_string(),
        action,
        error,
        input,
        issuers,
        topics: topic_choices(),
        genres: STANDARD_GENRES.to_vec(),
        disclosures: DisclosureAttribute::choices().to_vec(),
        forms: InterpretationForm::ALL
            .iter()
            .map(|f| (f.code(), f.label_zh()))
            .collect(),
    })
}

/// The form again with the refusal, under the error's status.
async fn refused_form(
    state: &AppState,
    staff: &Staff,
    heading: &str,
    action: String,
    input: DocumentInput,
    error: Error,
) -> Result<Response, WebError> {
    if !error.is_client_error() || matches!(error, Error::Forbidden) {
        return Err(error.into());
    }
    let message = public_message(&error);
    let page = form_page(state, staff, heading, action, input, Some(message)).await?;
    Ok((status_of(&error), render(&page)?).into_response())
}

const NEW_HEADING: &str = "新建文件";

async fn new_document(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    let input = DocumentInput {
        disclosure: DisclosureAttribute::Proactive.code().to_string(),
        ..DocumentInput::default()
    };
    let action = "/console/documents/new".to_string();
    render(&form_page(&state, &staff, NEW_HEADING, action, input, None).await?)
}

async fn create_document(
    State(state): State<AppState>,
    staff: Staff,
    Form(input): Form<DocumentInput>,
) -> Result<Response, WebError> {
    match documents::create_draft(&state.app, &staff.user, &input).await {
        Ok(document) => {
            Ok(Redirect::to(&format!("/console/documents/{}", document.id)).into_response())
        }
        Err(e) => {
            let action = "/console/documents/new".to_string();
            refused_form(&state, &staff, NEW_HEADING, action, input, e).await
        }
    }
}

const EDIT_HEADING: &str = "修改文件";

async fn edit_document(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
) -> Result<Html<String>, WebError> {
    let document = documents::console_document(&state.app, &staff.user, id).await?;
    let action = format!("/console/documents/{id}/edit");
    let input = DocumentInput::of(&document);
    render(&form_page(&state, &staff, EDIT_HEADING, action, input, None).await?)
}

async fn update_document(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
    Form(input): Form<DocumentInput>,
) -> Result<Response, WebError> {
    match documents::update_document(&state.app, &staff.user, id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/console/documents/{id}?done=saved")).into_response()),
        Err(e) => {
            let action = format!("/console/documents/{id}/edit");
            refused_form(&state, &staff, EDIT_HEADING, action, input, e).await
        }
    }
}
