//! The query parameters of the policy library, shared by the JSON API and the public
//! pages: the filters (发布机构, 主题分类, 体裁分类, 年份, 有效性), the search words and
//! the order are parsed here once. How a page writes them back into links is
//! [`crate::library::selection`].
//!
//! Every value arrives as text and is parsed by us, not by the extractor: a person who
//! types `year=二〇二一` gets a Chinese message naming the field, not a serde error.

use gongkai_app::Error;
use gongkai_app::model::PublicFilter;
use gongkai_app::search::{SearchQuery, Sort, params};
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
    params::clean(value)
}

impl FilterParams {
    pub fn filter(&self) -> Result<PublicFilter, Error> {
        Ok(PublicFilter {
            issuer: text(self.issuer.as_deref()),
            topic: text(self.topic.as_deref()),
            genre: text(self.genre.as_deref()),
            year: text(self.year.as_deref())
                .map(|y| params::parse_year(&y))
                .transpose()?,
            validity: params::parse_validity(self.validity.as_deref())?,
        })
    }
}

impl SearchParams {
    pub fn words(&self) -> String {
        text(self.q.as_deref()).unwrap_or_default()
    }

    pub fn sort(&self) -> Result<Sort, Error> {
        params::parse_sort(self.sort.as_deref())
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
    use gongkai_domain::validity::Validity;

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
}
