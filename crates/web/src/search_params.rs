//! The query parameters of the policy library, shared by the JSON API and the public
//! pages: the filters (发布机构, 主题分类, 体裁分类, 年份, 有效性), the search words and
//! the order are parsed here once, and a page's state is written back into links here,
//! so that a facet, a chip or a page number changes one thing and keeps the rest.
//!
//! Every value arrives as text and is parsed by us, not by the extractor: a person who
//! types `year=二〇二一` gets a Chinese message naming the field, not a serde error.

use gongkai_app::Error;
use gongkai_app::model::PublicFilter;
use gongkai_app::search::{SearchQuery, Sort};
use gongkai_domain::validity::Validity;
use serde::Deserialize;
use utoipa::IntoParams;

/// The library's filters as sent; an empty value does not filter.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FilterParams {
    /// 发布机构, exactly as shown.
    pub issuer: Option<String>,
    /// 主题分类, exactly as shown.
    pub topic: Option<String>,
    /// 体裁分类, exactly as shown.
    pub genre: Option<String>,
    /// Year of publication.
    #[param(value_type = Option<i32>)]
    pub year: Option<String>,
    /// valid, expired, repealed or amended (or 有效, 失效, 废止, 已修改).
    pub validity: Option<String>,
}

/// The words and the order of a search, as sent.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words, a phrase, a 发文字号 in any bracket form, or a 索引号; empty matches all.
    pub q: Option<String>,
    /// `relevance` (default) or `date` (newest first).
    pub sort: Option<String>,
}

/// The page number of a public page. People get page 1 for anything that is not a
/// page number: a stale or mistyped link should still show the library.
#[derive(Debug, Default, Deserialize)]
pub struct PageParam {
    pub page: Option<String>,
}

impl PageParam {
    pub fn number(&self) -> u32 {
        self.page
            .as_deref()
            .and_then(|p| p.trim().parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    }
}

/// A value with surrounding whitespace removed; `None` when nothing is left.
pub fn text(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

impl FilterParams {
    pub fn filter(&self) -> Result<PublicFilter, Error> {
        Ok(PublicFilter {
            issuer: text(self.issuer.as_deref()),
            topic: text(self.topic.as_deref()),
            genre: text(self.genre.as_deref()),
            year: text(self.year.as_deref())
                .map(|y| parse_year(&y))
                .transpose()?,
            validity: text(self.validity.as_deref())
                .map(|v| Validity::parse(&v))
                .transpose()?,
        })
    }
}

/// A year of publication: four digits, as a person writes it in the form.
fn parse_year(text: &str) -> Result<i32, Error> {
    text.parse::<i32>()
        .ok()
        .filter(|y| (1000..=9999).contains(y))
        .ok_or_else(|| {
            Error::invalid(
                "年份",
                format!("“{text}”不是有效的年份，请填写四位数字，如 2022"),
            )
        })
}

impl SearchParams {
    pub fn words(&self) -> String {
        text(self.q.as_deref()).unwrap_or_default()
    }

    pub fn sort(&self) -> Result<Sort, Error> {
        match text(self.sort.as_deref()).as_deref() {
            None | Some("relevance") => Ok(Sort::Relevance),
            Some("date") | Some("newest") => Ok(Sort::Newest),
            Some(other) => Err(Error::invalid(
                "sort",
                format!("“{other}”无效，应为 relevance 或 date"),
            )),
        }
    }
}

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

/// A search of the public library.
pub fn search_query(
    q: String,
    filter: &PublicFilter,
    sort: Sort,
    page: u32,
    per_page: u32,
) -> SearchQuery {
    SearchQuery {
        q,
        issuer: filter.issuer.clone(),
        topic: filter.topic.clone(),
        genre: filter.genre.clone(),
        year: filter.year,
        validity: filter.validity,
        sort,
        page,
        per_page,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn filters(year: &str, validity: &str) -> FilterParams {
        FilterParams {
            issuer: Some("  ".into()),
            year: Some(year.into()),
            validity: Some(validity.into()),
            ..FilterParams::default()
        }
    }

    #[test]
    fn empty_values_do_not_filter_and_chinese_validity_names_are_accepted() {
        let filter = filters(" 2021 ", "废止").filter().unwrap();
        assert_eq!(filter.issuer, None);
        assert_eq!(filter.year, Some(2021));
        assert_eq!(filter.validity, Some(Validity::Repealed));
        assert_eq!(filters("", "").filter().unwrap(), PublicFilter::default());
    }

    #[test]
    fn a_bad_year_or_validity_is_a_message_naming_the_value() {
        for (year, validity, expected) in [
            ("二〇二一", "", "二〇二一"),
            ("21", "", "“21”不是有效的年份"),
            ("2021", "maybe", "maybe"),
        ] {
            let error = filters(year, validity).filter().unwrap_err();
            assert!(error.is_client_error(), "{year} {validity}");
            assert!(error.to_string().contains(expected), "{error}");
        }
    }

    #[test]
    fn a_page_number_that_is_not_one_means_the_first_page() {
        for (text, page) in [("3", 3), ("0", 1), ("-2", 1), ("x", 1), (" 2 ", 2)] {
            let param = PageParam {
                page: Some(text.into()),
            };
            assert_eq!(param.number(), page, "{text}");
        }
        assert_eq!(PageParam::default().number(), 1);
    }

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
