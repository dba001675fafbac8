//! What goes into the index and what a search returns: plain data, no tantivy types.

use chrono::NaiveDate;
use gongkai_domain::validity::Validity;
use serde::Serialize;

/// Default number of hits per page.
pub const DEFAULT_PER_PAGE: u32 = 20;

/// Largest page accepted; larger requests are cut to this.
pub const MAX_PER_PAGE: u32 = 100;

/// One document as the index sees it (the app layer fills it from the store).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedDocument {
    pub id: i64,
    pub title: String,
    /// Plain text.
    pub body: String,
    /// 发文字号 as written ('' if none).
    pub doc_number: String,
    /// 索引号 ('' if none).
    pub index_number: String,
    /// Issuer name (发布机构).
    pub issuer: String,
    /// 主题分类.
    pub topic: String,
    /// 体裁分类.
    pub genre: String,
    pub validity: Validity,
    pub published_on: Option<NaiveDate>,
}

/// One change from the search outbox.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Insert the document or replace the version with the same id.
    Upsert(IndexedDocument),
    /// Remove the document with this id (nothing happens if it is not indexed).
    Delete(i64),
}

/// A visitor's search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Free text, a 发文字号 or a 索引号; empty matches every document.
    pub q: String,
    pub issuer: Option<String>,
    pub topic: Option<String>,
    pub genre: Option<String>,
    /// Year of `published_on`.
    pub year: Option<i32>,
    pub validity: Option<Validity>,
    pub sort: Sort,
    /// 1-based; 0 is treated as 1.
    pub page: u32,
    /// 0 means [`DEFAULT_PER_PAGE`]; at most [`MAX_PER_PAGE`].
    pub per_page: u32,
}

impl SearchQuery {
    /// The page size actually used.
    pub fn effective_per_page(&self) -> u32 {
        match self.per_page {
            0 => DEFAULT_PER_PAGE,
            n => n.min(MAX_PER_PAGE),
        }
    }

    /// How many hits precede the requested page.
    pub fn offset(&self) -> usize {
        let page = self.page.max(1) as usize;
        (page - 1).saturating_mul(self.effective_per_page() as usize)
    }
}

/// Order of the hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first; in-force documents before lapsed ones of equal relevance.
    #[default]
    Relevance,
    /// Latest `published_on` first; documents without a date last.
    Newest,
}

/// One page of results with the facet counts of all matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Number of matching documents, all pages together.
    pub total: u64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// One matching document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: i64,
    pub title: String,
    pub doc_number: String,
    pub index_number: String,
    pub issuer: String,
    pub published_on: Option<NaiveDate>,
    pub validity: Validity,
    /// HTML-safe: text escaped, matches wrapped in `<mark>…</mark>`.
    pub snippet: String,
    pub score: f32,
}

/// Counts of the matching documents by field value.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    pub issuer: Vec<FacetCount>,
    pub topic: Vec<FacetCount>,
    pub genre: Vec<FacetCount>,
    /// Years of `published_on`, as text (`2022`).
    pub year: Vec<FacetCount>,
    /// Validity codes (`valid`, `expired`, `repealed`, `amended`).
    pub validity: Vec<FacetCount>,
}

/// How many matching documents have one value; lists are sorted by count desc, then value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}
