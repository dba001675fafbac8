//! The filter form of the public library list (`/documents`): which choices each field
//! offers and which one is selected.
//!
//! 主题分类 and 体裁分类 offer the national lists (gongkai_domain::topic); values in use
//! that are not on them (imported pages often carry a local topic such as 行政事务) are
//! offered too, as is whatever the link asked for, so that the form always shows the
//! filter in force. 发布机构 offers the issuers of public documents.

use crate::kit::state::AppState;
use crate::library::search_params::{FilterParams, text};
use gongkai_app::search::{self, FacetCount, SearchQuery};
use gongkai_domain::topic::{STANDARD_GENRES, STANDARD_TOPICS};
use gongkai_domain::validity::Validity;

/// One `<option>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    fn new(value: &str, label: &str, current: &str) -> Choice {
        Choice {
            value: value.to_string(),
            label: label.to_string(),
            selected: value == current,
        }
    }
}

/// One `<optgroup>`.
pub struct ChoiceGroup {
    pub label: String,
    pub choices: Vec<Choice>,
}

/// The form as the page shows it.
pub struct FilterForm {
    pub issuers: Vec<Choice>,
    pub topics: Vec<ChoiceGroup>,
    pub genres: Vec<Choice>,
    /// As typed, so that a mistyped year is shown with its message.
    pub year: String,
    pub validities: Vec<Choice>,
    /// Whether any filter is in force (the form then offers to clear them).
    pub active: bool,
}

/// The values of the public documents, from the index's facet counts; empty lists
/// (and a warning in the log) when the index cannot answer, since the list itself
/// does not need it.
async fn values_in_use(state: &AppState) -> (Vec<FacetCount>, Vec<FacetCount>, Vec<FacetCount>) {
    let everything = SearchQuery {
        per_page: 1,
        ..SearchQuery::default()
    };
    match search::search(&state.app, everything).await {
        Ok(results) => (
            results.facets.issuer,
            results.facets.topic,
            results.facets.genre,
        ),
        Err(e) => {
            tracing::warn!(error = %e, "filter choices without the values in use");
            Default::default()
        }
    }
}

/// Values that are neither in `known` nor empty, in the order given, without repeats.
fn others<'a>(
    values: impl IntoIterator<Item = &'a str>,
    known: &dyn Fn(&str) -> bool,
) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for value in values {
        if !value.is_empty() && !known(value) && !out.contains(&value) {
            out.push(value);
        }
    }
    out
}

/// "全部" first, then `values` in order.
fn with_all<'a>(
    values: impl IntoIterator<Item = (&'a str, &'a str)>,
    current: &str,
) -> Vec<Choice> {
    let mut choices = vec![Choice::new("", "全部", current)];
    choices.extend(values.into_iter().map(|(v, l)| Choice::new(v, l, current)));
    choices
}

fn is_standard_topic(value: &str) -> bool {
    STANDARD_TOPICS.iter().any(|(name, subs)| {
        value == *name
            || value
                .strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('\\'))
                .is_some_and(|sub| subs.contains(&sub))
    })
}

/// The topics after "全部": the values in use that are not standard, then the
/// standard list, one group per top-level category (itself, then its children).
fn topic_groups(in_use: &[FacetCount], current: &str) -> Vec<ChoiceGroup> {
    let mut groups = Vec::with_capacity(STANDARD_TOPICS.len() + 1);
    let local = others(
        in_use.iter().map(|f| f.value.as_str()).chain([current]),
        &is_standard_topic,
    );
    if !local.is_empty() {
        groups.push(ChoiceGroup {
            label: "本库使用的分类".to_string(),
            choices: local
                .into_iter()
                .map(|v| Choice::new(v, v, current))
                .collect(),
        });
    }
    for (name, subs) in STANDARD_TOPICS {
        let mut choices = vec![Choice::new(name, name, current)];
        for sub in subs {
            let value = format!("{name}\\{sub}");
            choices.push(Choice::new(&value, &format!("{name} › {sub}"), current));
        }
        groups.push(ChoiceGroup {
            label: name.to_string(),
            choices,
        });
    }
    groups
}

fn genre_choices(in_use: &[FacetCount], current: &str) -> Vec<Choice> {
    let local = others(
        in_use.iter().map(|f| f.value.as_str()).chain([current]),
        &|v| STANDARD_GENRES.contains(&v),
    );
    with_all(
        STANDARD_GENRES.into_iter().chain(local).map(|v| (v, v)),
        current,
    )
}

fn issuer_choices(in_use: &[FacetCount], current: &str) -> Vec<Choice> {
    let mut names: Vec<&str> = in_use.iter().map(|f| f.value.as_str()).collect();
    if !current.is_empty() && !names.contains(&current) {
        names.push(current);
    }
    with_all(names.into_iter().map(|v| (v, v)), current)
}

fn validity_choices(current: &str) -> Vec<Choice> {
    let current = Validity::parse(current).map_or("", |v| v.code());
    with_all(
        Validity::ALL.into_iter().map(|v| (v.code(), v.label_zh())),
        current,
    )
}

impl FilterForm {
    /// The form showing `params`, whether they parse or not.
    pub async fn new(state: &AppState, params: &FilterParams) -> FilterForm {
        let (issuers, topics, genres) = values_in_use(state).await;
        let current = |v: &Option<String>| text(v.as_deref()).unwrap_or_default();
        let [issuer, topic, genre, year, validity] = [
            &params.issuer,
            &params.topic,
            &params.genre,
            &params.year,
            &params.validity,
        ]
        .map(current);
        FilterForm {
            active: [&issuer, &topic, &genre, &year, &validity]
                .iter()
                .any(|v| !v.is_empty()),
            issuers: issuer_choices(&issuers, &issuer),
            topics: topic_groups(&topics, &topic),
            genres: genre_choices(&genres, &genre),
            validities: validity_choices(&validity),
            year,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(values: &[&str]) -> Vec<FacetCount> {
        values
            .iter()
            .map(|v| FacetCount {
                value: v.to_string(),
                count: 1,
            })
            .collect()
    }

    fn selected(choices: &[Choice]) -> Vec<&str> {
        choices
            .iter()
            .filter(|c| c.selected)
            .map(|c| c.value.as_str())
            .collect()
    }

    #[test]
    fn topics_offer_local_values_first_then_the_standard_tree() {
        let groups = topic_groups(&counts(&["行政事务", "综合政务\\其他"]), "行政事务");
        let local: Vec<&str> = groups[0].choices.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(local, ["行政事务"]);
        assert_eq!(selected(&groups[0].choices), ["行政事务"]);
        let standard = groups.iter().skip(1).flat_map(|g| &g.choices);
        assert!(standard.clone().any(|c| c.value == "卫生、体育\\医药管理"));
        assert!(!standard.clone().any(|c| c.selected));
        assert!(is_standard_topic("综合政务\\其他"));
        assert!(!is_standard_topic("综合政务\\行政事务"));
    }

    #[test]
    fn a_value_asked_for_is_offered_and_selected_even_when_unknown() {
        let genres = genre_choices(&counts(&["通知", "工作要点"]), "其他材料");
        let values: Vec<&str> = genres.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(values.len(), 1 + STANDARD_GENRES.len() + 2);
        assert_eq!(values[values.len() - 2..], ["工作要点", "其他材料"]);
        assert_eq!(selected(&genres), ["其他材料"]);
        let issuers = issuer_choices(&counts(&["区财政局", "区司法局"]), "区财政局");
        assert_eq!(issuers.len(), 3);
        assert_eq!(selected(&issuers), ["区财政局"]);
    }

    #[test]
    fn validity_is_selected_by_code_or_chinese_name() {
        assert_eq!(selected(&validity_choices("废止")), ["repealed"]);
        assert_eq!(selected(&validity_choices("")), [""]);
        assert_eq!(selected(&validity_choices("maybe")), [""]);
    }
}
