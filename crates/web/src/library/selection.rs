//! What a page of the library shows — the words, the filters, the order and the page
//! — and the links that change one of them and keep the rest: facet values, removable
//! filter chips, the order switch and page numbers.

use crate::library::search_params::{FilterParams, PageParam, SearchParams, search_query, text};
use gongkai_app::Error;
use gongkai_app::model::PublicFilter;
use gongkai_app::search::{SearchQuery, Sort};
use gongkai_domain::validity::Validity;

/// The code of an order in links.
fn sort_code(sort: Sort) -> Option<&'static str> {
    match sort {
        Sort::Relevance => None,
        Sort::Newest => Some("date"),
    }
}

/// One of the library's filters, as the facets and chips of a page name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Issuer,
    Topic,
    Genre,
    Year,
    Validity,
}

impl Facet {
    /// In the order pages show them.
    pub const ALL: [Facet; 5] = [
        Facet::Issuer,
        Facet::Topic,
        Facet::Genre,
        Facet::Year,
        Facet::Validity,
    ];

    /// The query parameter.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Issuer => "issuer",
            Facet::Topic => "topic",
            Facet::Genre => "genre",
            Facet::Year => "year",
            Facet::Validity => "validity",
        }
    }

    /// The name of the field on portals.
    pub fn title(self) -> &'static str {
        match self {
            Facet::Issuer => "发布机构",
            Facet::Topic => "主题分类",
            Facet::Genre => "体裁分类",
            Facet::Year => "年份",
            Facet::Validity => "有效性",
        }
    }

    /// How a value reads on the page: `2021年`, `废止`, or the value itself.
    pub fn label(self, value: &str) -> String {
        match self {
            Facet::Year => format!("{value}年"),
            Facet::Validity => Validity::parse(value)
                .map(|v| v.label_zh().to_string())
                .unwrap_or_else(|_| value.to_string()),
            _ => value.to_string(),
        }
    }

    /// The value this filter has in `filter`, as written in links.
    pub fn value_in(self, filter: &PublicFilter) -> Option<String> {
        match self {
            Facet::Issuer => filter.issuer.clone(),
            Facet::Topic => filter.topic.clone(),
            Facet::Genre => filter.genre.clone(),
            Facet::Year => filter.year.map(|y| y.to_string()),
            Facet::Validity => filter.validity.map(|v| v.code().to_string()),
        }
    }

    /// `filter` with this filter set to `value` (`None` removes it). A value that does
    /// not parse removes it too: facet values come from the index, not from people.
    fn set(self, filter: &mut PublicFilter, value: Option<&str>) {
        let value = text(value);
        match self {
            Facet::Issuer => filter.issuer = value,
            Facet::Topic => filter.topic = value,
            Facet::Genre => filter.genre = value,
            Facet::Year => filter.year = value.and_then(|v| v.parse().ok()),
            Facet::Validity => filter.validity = value.and_then(|v| Validity::parse(&v).ok()),
        }
    }
}

/// What a library page shows, parsed: the words, the filters, the order and the page.
/// Every link of the page is this with one thing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub q: String,
    pub filter: PublicFilter,
    pub sort: Sort,
    pub page: u32,
}

impl Selection {
    /// The selection of a search page, or the message for the person who sent it.
    pub fn parse(
        filters: &FilterParams,
        search: &SearchParams,
        page: &PageParam,
    ) -> Result<Selection, Error> {
        Ok(Selection {
            q: search.words(),
            filter: filters.filter()?,
            sort: search.sort()?,
            page: page.number(),
        })
    }

    /// The selection of a list without words: `filter` on page `page`.
    pub fn of_filter(filter: PublicFilter, page: u32) -> Selection {
        Selection {
            q: String::new(),
            filter,
            sort: Sort::Relevance,
            page,
        }
    }

    /// The search this selection asks for, `per_page` hits a page.
    pub fn query(&self, per_page: u32) -> SearchQuery {
        search_query(self.q.clone(), &self.filter, self.sort, self.page, per_page)
    }

    /// The same selection with one filter set, from the first page.
    pub fn with(&self, facet: Facet, value: &str) -> Selection {
        let mut next = self.clone();
        facet.set(&mut next.filter, Some(value));
        next.page = 1;
        next
    }

    /// The same selection without one filter, from the first page.
    pub fn without(&self, facet: Facet) -> Selection {
        let mut next = self.clone();
        facet.set(&mut next.filter, None);
        next.page = 1;
        next
    }

    /// The same selection without any filter, from the first page.
    pub fn unfiltered(&self) -> Selection {
        Selection {
            filter: PublicFilter::default(),
            page: 1,
            ..self.clone()
        }
    }

    /// The same selection in another order, from the first page.
    pub fn sorted(&self, sort: Sort) -> Selection {
        Selection {
            sort,
            page: 1,
            ..self.clone()
        }
    }

    /// The same selection on another page.
    pub fn at_page(&self, page: u32) -> Selection {
        Selection {
            page,
            ..self.clone()
        }
    }

    /// The parameters of this selection that are not the default, in a fixed order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        for facet in Facet::ALL {
            if let Some(value) = facet.value_in(&self.filter) {
                pairs.push((facet.param(), value));
            }
        }
        if let Some(code) = sort_code(self.sort) {
            pairs.push(("sort", code.to_string()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs
    }

    /// The link to `path` showing this selection.
    pub fn href(&self, path: &str) -> String {
        let pairs = self.pairs();
        if pairs.is_empty() {
            return path.to_string();
        }
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &pairs {
            query.append_pair(name, value);
        }
        format!("{path}?{}", query.finish())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn selection() -> Selection {
        Selection {
            q: "政务 公开".into(),
            filter: PublicFilter {
                topic: Some("行政事务".into()),
                ..PublicFilter::default()
            },
            sort: Sort::Newest,
            page: 3,
        }
    }

    #[test]
    fn links_change_one_thing_keep_the_rest_and_go_back_to_the_first_page() {
        let s = selection();
        assert_eq!(
            s.href("/search"),
            "/search?q=%E6%94%BF%E5%8A%A1+%E5%85%AC%E5%BC%80&topic=%E8%A1%8C%E6%94%BF%E4%BA%8B%E5%8A%A1&sort=date&page=3"
        );
        let narrowed = s.with(Facet::Year, "2021");
        assert_eq!(narrowed.filter.year, Some(2021));
        assert_eq!((narrowed.page, narrowed.sort), (1, Sort::Newest));
        assert_eq!(narrowed.filter.topic.as_deref(), Some("行政事务"));
        let wider = s.without(Facet::Topic);
        assert_eq!(wider.filter, PublicFilter::default());
        assert_eq!(wider.q, s.q);
        assert_eq!(s.sorted(Sort::Relevance).pairs().len(), 2);
        assert!(!s.at_page(1).href("/x").contains("page="));
        let valid = s.with(Facet::Validity, "repealed");
        assert!(valid.href("/search").contains("validity=repealed"));
    }

    #[test]
    fn facet_values_read_as_people_write_them() {
        assert_eq!(Facet::Year.label("2021"), "2021年");
        assert_eq!(Facet::Validity.label("amended"), "已修改");
        assert_eq!(Facet::Issuer.label("区财政局"), "区财政局");
    }

    #[test]
    fn a_selection_becomes_the_search_it_asks_for() {
        let query = selection().query(20);
        assert_eq!(query.q, "政务 公开");
        assert_eq!(query.topic.as_deref(), Some("行政事务"));
        assert_eq!((query.page, query.per_page), (3, 20));
    }
}
