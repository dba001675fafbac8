//! A search as text, the way `GET /api/v1/search` and `gongkai bench search` receive it.
//!
//! This module owns the rules both share: blank values are absent, `sort` is
//! `relevance` or `date` (`newest`), `validity` is a code or a Chinese name, the page
//! defaults to 1 and the page size to 20. The web layer deserialises the parameters with
//! serde; a query string read from a file goes through [`SearchParams::from_pairs`].

use super::{SearchQuery, Sort};
use crate::{Error, Result};
use gongkai_domain::validity::Validity;
use serde::Deserialize;

/// Page size when the request names none.
const DEFAULT_PER_PAGE: u32 = 20;

/// The public search parameters, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SearchParams {
    pub q: Option<String>,
    pub issuer: Option<String>,
    pub topic: Option<String>,
    pub genre: Option<String>,
    pub year: Option<i32>,
    pub validity: Option<String>,
    pub sort: Option<String>,
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

impl SearchParams {
    /// Parameters from decoded name/value pairs (`q`, `issuer`, `topic`, `genre`, `year`,
    /// `validity`, `sort`, `page`, `per_page`). An unknown name or a number that is not
    /// one is refused, naming it; of a repeated name the last value counts.
    pub fn from_pairs<N, V>(pairs: impl IntoIterator<Item = (N, V)>) -> Result<SearchParams>
    where
        N: AsRef<str>,
        V: Into<String>,
    {
        let mut params = SearchParams::default();
        for (name, value) in pairs {
            params.set(name.as_ref(), value.into())?;
        }
        Ok(params)
    }

    fn set(&mut self, name: &str, value: String) -> Result<()> {
        match name {
            "q" => self.q = Some(value),
            "issuer" => self.issuer = Some(value),
            "topic" => self.topic = Some(value),
            "genre" => self.genre = Some(value),
            "validity" => self.validity = Some(value),
            "sort" => self.sort = Some(value),
            "year" => self.year = clean(Some(&value)).map(|y| parse_year(&y)).transpose()?,
            "page" => self.page = number(name, &value)?,
            "per_page" => self.per_page = number(name, &value)?,
            other => return Err(Error::invalid(other, "未知的检索参数")),
        }
        Ok(())
    }

    /// The validated query.
    pub fn into_query(self) -> Result<SearchQuery> {
        let sort = parse_sort(self.sort.as_deref())?;
        Ok(SearchQuery {
            q: clean(self.q.as_deref()).unwrap_or_default(),
            issuer: clean(self.issuer.as_deref()),
            topic: clean(self.topic.as_deref()),
            genre: clean(self.genre.as_deref()),
            year: self.year,
            validity: parse_validity(self.validity.as_deref())?,
            sort,
            page: self.page.unwrap_or(1),
            per_page: self.per_page.unwrap_or(DEFAULT_PER_PAGE),
        })
    }
}

/// A trimmed value; blank is absent.
pub fn clean(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The order: `relevance` (default) or `date` / `newest`.
pub fn parse_sort(value: Option<&str>) -> Result<Sort> {
    match clean(value).as_deref() {
        None | Some("relevance") => Ok(Sort::Relevance),
        Some("date") | Some("newest") => Ok(Sort::Newest),
        Some(other) => Err(Error::invalid(
            "sort",
            format!("“{other}”无效，应为 relevance 或 date"),
        )),
    }
}

/// A year of publication: four digits, as a person writes it in a form.
pub fn parse_year(text: &str) -> Result<i32> {
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

/// A validity code or Chinese name; blank is absent.
pub fn parse_validity(value: Option<&str>) -> Result<Option<Validity>> {
    Ok(clean(value).map(|v| Validity::parse(&v)).transpose()?)
}

/// A number parameter; blank is absent.
fn number<T: std::str::FromStr>(name: &str, value: &str) -> Result<Option<T>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse()
        .map(Some)
        .map_err(|_| Error::invalid(name, format!("“{value}”不是有效的数字")))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<SearchQuery> {
        SearchParams::from_pairs(pairs.iter().copied())?.into_query()
    }

    #[test]
    fn pairs_become_a_query_with_defaults() {
        let query = parse(&[
            ("q", "政务公开"),
            ("issuer", " 渝中区人民政府办公室 "),
            ("topic", ""),
            ("year", "2021"),
            ("validity", "有效"),
            ("sort", "newest"),
        ])
        .unwrap();
        assert_eq!(
            query,
            SearchQuery {
                q: "政务公开".to_string(),
                issuer: Some("渝中区人民政府办公室".to_string()),
                year: Some(2021),
                validity: Some(Validity::Valid),
                sort: Sort::Newest,
                page: 1,
                per_page: DEFAULT_PER_PAGE,
                ..SearchQuery::default()
            }
        );
    }

    #[test]
    fn bad_values_and_unknown_names_are_refused_by_name() {
        let cases: [(&[(&str, &str)], &str); 4] = [
            (&[("year", "二〇二一")], "年份"),
            (&[("sort", "sideways")], "sort"),
            (&[("page", "-1")], "page"),
            (&[("qq", "政务")], "qq"),
        ];
        for (pairs, name) in cases {
            let error = parse(pairs).unwrap_err();
            assert!(error.to_string().starts_with(name), "{pairs:?}: {error}");
        }
        assert!(matches!(
            parse(&[("validity", "部分失效")]),
            Err(Error::Domain(_))
        ));
    }
}
