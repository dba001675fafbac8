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
            "year" => self.year = number(name, &value)?,
            "page" => self.page = number(name, &value)?,
            "per_page" => self.per_page = number(name, &value)?,
            other => return Err(Error::invalid(other, "未知的检索参数")),
        }
        Ok(())
    }

    /// The validated query.
    pub fn into_query(self) -> Result<SearchQuery> {
        let sort = match text(self.sort).as_deref() {
            None | Some("relevance") => Sort::Relevance,
            Some("date") | Some("newest") => Sort::Newest,
            Some(other) => {
                return Err(Error::invalid(
                    "sort",
                    format!("“{other}”无效，应为 relevance 或 date"),
                ));
            }
        };
        Ok(SearchQuery {
            q: self.q.unwrap_or_default(),
            issuer: text(self.issuer),
            topic: text(self.topic),
            genre: text(self.genre),
            year: self.year,
            validity: text(self.validity)
                .map(|v| Validity::parse(&v))
                .transpose()?,
            sort,
            page: self.page.unwrap_or(1),
            per_page: self.per_page.unwrap_or(DEFAULT_PER_PAGE),
        })
    }
}

/// A trimmed value; blank is absent.
fn text(value: Option<String>) -> Option<String> {
    value
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
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
            (&[("year", "二〇二一")], "year"),
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
