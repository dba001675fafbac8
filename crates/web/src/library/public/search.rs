//! `GET /search`: the public search page of the policy library (政策文件检索): the
//! form, the hits with their metadata and highlighted snippets, facets that narrow the
//! results, the chosen filters as removable chips, the order and the pages.
//!
//! Parameters are parsed by [`crate::library::search_params`], as for the JSON API, and links
//! are written by [`crate::library::selection`]; a value a person mistyped shows the page again
//! with the message and status 400.

use crate::kit::error::{WebError, public_message};
use crate::kit::format::{date, or_dash};
use crate::kit::layout::Layout;
use crate::kit::pager::{Pager, page_count};
use crate::kit::render::render_with_status;
use crate::kit::state::AppState;
use crate::kit::visitor::Visitor;
use crate::library::search_params::{FilterParams, PageParam, SearchParams};
use crate::library::selection::{Facet, Selection};
use crate::library::snippet::highlighted;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use gongkai_app::search::{self, FacetCount, SearchResults, Sort};

pub fn router() -> Router<AppState> {
    Router::new().route("/search", get(search_library))
}

/// Hits on one page.
const PER_PAGE: u32 = 20;

/// The path of this page, for its links.
const PATH: &str = "/search";

/// A hit as the page shows it.
pub struct HitView {
    pub href: String,
    pub title: String,
    pub doc_number: String,
    pub issuer: String,
    pub published_on: String,
    pub validity: &'static str,
    pub stamp: Option<&'static str>,
    /// HTML in which only `<mark>` is markup ([`highlighted`]).
    pub snippet: String,
}

/// The hits of a page. (`gongkai_app::search` does not re-export the hit type, so
/// the fields are read here rather than in a `From` impl.)
fn hit_views(results: &mut SearchResults) -> Vec<HitView> {
    std::mem::take(&mut results.hits)
        .into_iter()
        .map(|h| HitView {
            href: format!("/documents/{}", h.id),
            snippet: highlighted(&h.snippet),
            title: h.title,
            doc_number: or_dash(&h.doc_number),
            issuer: or_dash(&h.issuer),
            published_on: date(h.published_on),
            validity: h.validity.label_zh(),
            stamp: h.validity.stamp_zh(),
        })
        .collect()
}

/// One value of a facet; `href` is `None` for the value already chosen.
pub struct FacetLink {
    pub label: String,
    pub count: u64,
    pub href: Option<String>,
}

/// The values of one facet.
pub struct FacetGroup {
    pub id: &'static str,
    pub title: &'static str,
    pub values: Vec<FacetLink>,
}

/// A chosen filter and the link that removes it.
pub struct Chip {
    pub label: String,
    pub href: String,
}

/// A choice of order.
pub struct SortLink {
    pub label: &'static str,
    pub href: String,
    pub current: bool,
}

/// What the page shows once the search ran.
pub struct ResultsView {
    pub total: u64,
    pub hits: Vec<HitView>,
    pub facets: Vec<FacetGroup>,
    pub chips: Vec<Chip>,
    pub clear_href: String,
    pub sorts: Vec<SortLink>,
    pub pager: Pager,
}

#[derive(Template)]
#[template(path = "library/search.html")]
struct SearchPage {
    layout: Layout,
    /// The words in the form.
    q: String,
    /// Filters and order the form keeps when the words change.
    keep: Vec<(&'static str, String)>,
    error: Option<String>,
    results: Option<ResultsView>,
}

fn facet_group(selection: &Selection, facet: Facet, counts: Vec<FacetCount>) -> FacetGroup {
    let chosen = facet.value_in(&selection.filter);
    FacetGroup {
        id: facet.param(),
        title: facet.title(),
        values: counts
            .into_iter()
            .map(|c| FacetLink {
                label: facet.label(&c.value),
                count: c.count,
                href: (chosen.as_deref() != Some(c.value.as_str()))
                    .then(|| selection.with(facet, &c.value).href(PATH)),
            })
            .collect(),
    }
}

fn chips(selection: &Selection) -> Vec<Chip> {
    Facet::ALL
        .into_iter()
        .filter_map(|facet| {
            let value = facet.value_in(&selection.filter)?;
            Some(Chip {
                label: facet.label(&value),
                href: selection.without(facet).href(PATH),
            })
        })
        .collect()
}

fn sort_links(selection: &Selection) -> Vec<SortLink> {
    [(Sort::Relevance, "相关度"), (Sort::Newest, "最新发布")]
        .into_iter()
        .map(|(sort, label)| SortLink {
            label,
            href: selection.sorted(sort).href(PATH),
            current: selection.sort == sort,
        })
        .collect()
}

fn results_view(selection: &Selection, mut results: SearchResults) -> ResultsView {
    let hits = hit_views(&mut results);
    let f = results.facets;
    let facets = [
        (Facet::Issuer, f.issuer),
        (Facet::Topic, f.topic),
        (Facet::Genre, f.genre),
        (Facet::Year, f.year),
        (Facet::Validity, f.validity),
    ]
    .into_iter()
    .map(|(facet, counts)| facet_group(selection, facet, counts))
    .filter(|group| !group.values.is_empty())
    .collect();
    let pages = page_count(results.total, u64::from(PER_PAGE));
    ResultsView {
        total: results.total,
        hits,
        facets,
        chips: chips(selection),
        clear_href: selection.unfiltered().href(PATH),
        sorts: sort_links(selection),
        pager: Pager::new(u64::from(selection.page), pages, |n| {
            selection
                .at_page(u32::try_from(n).unwrap_or(u32::MAX))
                .href(PATH)
        }),
    }
}

fn title(q: &str) -> String {
    if q.is_empty() {
        "政策文件检索".to_string()
    } else {
        format!("“{q}”的检索结果")
    }
}

async fn search_library(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(filters): Query<FilterParams>,
    Query(words): Query<SearchParams>,
    Query(page): Query<PageParam>,
) -> Result<Response, WebError> {
    let q = words.words();
    let mut layout = Layout::public(&state, &visitor, &title(&q));
    layout.header_search = false;
    let selection = match Selection::parse(&filters, &words, &page) {
        Ok(selection) => selection,
        Err(e) if e.is_client_error() => {
            let page = SearchPage {
                layout,
                q,
                keep: Vec::new(),
                error: Some(public_message(&e)),
                results: None,
            };
            return render_with_status(StatusCode::BAD_REQUEST, &page);
        }
        Err(e) => return Err(e.into()),
    };
    let results = search::search(&state.app, selection.query(PER_PAGE)).await?;
    let keep = selection
        .at_page(1)
        .pairs()
        .into_iter()
        .filter(|(name, _)| *name != "q")
        .collect();
    let page = SearchPage {
        layout,
        q,
        keep,
        error: None,
        results: Some(results_view(&selection, results)),
    };
    render_with_status(StatusCode::OK, &page)
}
