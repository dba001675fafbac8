//! Running a search: one pass over the matches collects the total, the facet counts (when
//! asked for) and the requested page; then only that page's stored documents are read.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Searcher};

use crate::facets::FacetsCollector;
use crate::schema::{Fields, names};
use crate::scoring::ValidityWeighted;
use crate::snippet::SNIPPET_BYTES;
use crate::{Facets, Hit, Result, SearchQuery, SearchResults, Sort, hits, query};

/// Runs `search` against one searcher (one consistent view of the index); the facets of
/// the results stay empty unless `with_facets`.
pub fn run(
    searcher: &Searcher,
    fields: &Fields,
    search: &SearchQuery,
    with_facets: bool,
) -> Result<SearchResults> {
    let query = query::build(fields, search);
    let facets = with_facets.then_some(FacetsCollector);
    let (total, facets, page) = collect(searcher, query.as_ref(), search, facets)?;
    let hits = if page.is_empty() {
        Vec::new()
    } else {
        let mut snippets = SnippetGenerator::create(searcher, query.as_ref(), fields.body)?;
        snippets.set_max_num_chars(SNIPPET_BYTES);
        page.into_iter()
            .map(|(score, address)| hits::load(searcher, fields, &snippets, address, score))
            .collect::<Result<Vec<Hit>>>()?
    };
    Ok(SearchResults {
        total,
        hits,
        facets,
    })
}

/// One page of `(score, address)`; the score is 0 when sorting by date.
type Page = Vec<(f32, DocAddress)>;

/// Total, facets (empty without a collector) and the addresses of the requested page, in
/// one pass.
fn collect(
    searcher: &Searcher,
    query: &dyn Query,
    search: &SearchQuery,
    facets: Option<FacetsCollector>,
) -> Result<(u64, Facets, Page)> {
    let limit = search.effective_per_page() as usize;
    let offset = search.offset();
    // A page past the last document is empty; asking tantivy for it would make it keep
    // `offset` entries for nothing.
    if offset >= usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX) {
        let (count, facets) = searcher.search(query, &(Count, facets))?;
        return Ok((count as u64, facets.unwrap_or_default(), Vec::new()));
    }
    let top = TopDocs::with_limit(limit).and_offset(offset);
    match search.sort {
        Sort::Relevance => {
            let collector = (Count, facets, top.order_by(ValidityWeighted));
            let (count, facets, page) = searcher.search(query, &collector)?;
            Ok((count as u64, facets.unwrap_or_default(), page))
        }
        Sort::Newest => {
            let by_date = top.order_by_fast_field::<i64>(names::PUBLISHED_ON, Order::Desc);
            let (count, facets, page) = searcher.search(query, &(Count, facets, by_date))?;
            let page = page
                .into_iter()
                .map(|(_, address)| (0.0, address))
                .collect();
            Ok((count as u64, facets.unwrap_or_default(), page))
        }
    }
}
