//! Behaviour of the search index, one module per feature; seeds are the public documents
//! of `fixtures/seeds/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod filters_and_facets;
mod numbers;
mod odd_queries;
mod pagination;
mod persistence;
mod ranking;
mod snippets;
mod words;
