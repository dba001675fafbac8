//! `GET /qa`: the policy Q&A (政策问答). A citizen types a question in their own words
//! and gets the three entries that answer it best, or a plain "no match"; without a
//! question, the entries the public may read, by topic.

use crate::kit::error::{WebError, public_message};
use crate::kit::layout::Layout;
use crate::kit::render::render_with_status;
use crate::kit::state::AppState;
use crate::kit::visitor::Visitor;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use gongkai_app::qa::{self, MatchView};

/// Matches shown for a question.
const SHOWN: usize = 3;

pub fn router() -> Router<AppState> {
    Router::new().route("/qa", get(ask))
}

/// A topic with its entries: question and answer.
pub struct TopicGroup {
    pub topic: String,
    pub entries: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "participation/qa.html")]
struct QaPage {
    layout: Layout,
    error: Option<String>,
    q: String,
    /// `None` before a question is asked.
    matches: Option<Vec<MatchView>>,
    topics: Vec<TopicGroup>,
}

impl QaPage {
    /// The question, URL-encoded, as the message form's text.
    fn body_query(&self) -> String {
        url::form_urlencoded::byte_serialize(self.q.as_bytes()).collect()
    }

    /// A title for the message: 政策咨询.
    fn title_query(&self) -> String {
        url::form_urlencoded::byte_serialize("政策咨询".as_bytes()).collect()
    }
}

#[derive(serde::Deserialize)]
struct AskQuery {
    #[serde(default)]
    q: String,
}

async fn ask(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(query): Query<AskQuery>,
) -> Result<Response, WebError> {
    let mut page = QaPage {
        layout: Layout::public(&state, &visitor, "政策问答"),
        error: None,
        q: query.q.trim().to_string(),
        matches: None,
        topics: Vec::new(),
    };
    if page.q.is_empty() {
        page.topics = topics(&state).await?;
        return render_with_status(StatusCode::OK, &page);
    }
    match qa::match_question(&state.app, &page.q, SHOWN).await {
        Ok(found) => page.matches = Some(found),
        Err(e) if e.is_client_error() => {
            page.error = Some(public_message(&e));
            return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Err(e) => return Err(e.into()),
    }
    render_with_status(StatusCode::OK, &page)
}

/// The public entries by topic, in the configured order of topics.
async fn topics(state: &AppState) -> Result<Vec<TopicGroup>, WebError> {
    let entries = qa::public_entries(&state.app).await?;
    Ok(state
        .app
        .settings
        .participation
        .qa_topics
        .iter()
        .map(|topic| TopicGroup {
            topic: topic.clone(),
            entries: entries
                .iter()
                .filter(|e| e.entry.fields.topic == *topic)
                .map(|e| {
                    (
                        e.entry.fields.question.clone(),
                        e.entry.fields.answer.clone(),
                    )
                })
                .collect(),
        })
        .filter(|g| !g.entries.is_empty())
        .collect())
}
