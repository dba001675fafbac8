//! Facet counts over every matching document, from fast fields.
//!
//! The collector runs over the same query as the hits (text + all filters), so a facet's
//! count is exactly the total the visitor gets by choosing that value. Per segment it
//! counts term ordinals in plain vectors and resolves them to strings once, at merge.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::schema::{names, validity_from_ord};
use crate::{FacetCount, Facets};

/// The string facets, in the order of [`SegmentFacets::strings`].
const STRING_FACETS: [&str; 3] = [names::ISSUER, names::TOPIC, names::GENRE];

/// Collects [`Facets`] of the matching documents.
#[derive(Debug, Clone, Copy)]
pub struct FacetsCollector;

/// Counts of one string facet in one segment, by term ordinal.
pub struct StringCounts {
    column: Option<StrColumn>,
    counts: Vec<u64>,
}

/// Counts of one segment.
pub struct SegmentFacets {
    strings: Vec<StringCounts>,
    year_column: Column<u64>,
    validity_column: Column<u64>,
    years: BTreeMap<u64, u64>,
    validities: BTreeMap<u64, u64>,
}

impl Collector for FacetsCollector {
    type Fruit = Facets;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let fast = reader.fast_fields();
        let mut strings = Vec::with_capacity(STRING_FACETS.len());
        for name in STRING_FACETS {
            let column = fast.str(name)?;
            let counts = vec![0; column.as_ref().map_or(0, |c| c.num_terms())];
            strings.push(StringCounts { column, counts });
        }
        Ok(SegmentFacets {
            strings,
            year_column: fast.u64(names::YEAR)?,
            validity_column: fast.u64(names::VALIDITY)?,
            years: BTreeMap::new(),
            validities: BTreeMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<SegmentFacets>) -> tantivy::Result<Facets> {
        let mut strings: [HashMap<String, u64>; 3] = Default::default();
        let mut years: HashMap<String, u64> = HashMap::new();
        let mut validities: HashMap<String, u64> = HashMap::new();
        for segment in segments {
            for (merged, counts) in strings.iter_mut().zip(&segment.strings) {
                merge_strings(merged, counts)?;
            }
            for (year, count) in segment.years {
                *years.entry(year.to_string()).or_default() += count;
            }
            for (ord, count) in segment.validities {
                if let Some(validity) = validity_from_ord(ord) {
                    *validities.entry(validity.code().to_string()).or_default() += count;
                }
            }
        }
        let [issuer, topic, genre] = strings.map(sorted);
        Ok(Facets {
            issuer,
            topic,
            genre,
            year: sorted(years),
            validity: sorted(validities),
        })
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = SegmentFacets;

    fn collect(&mut self, doc: DocId, _: Score) {
        for facet in &mut self.strings {
            if let Some(column) = &facet.column {
                for ord in column.term_ords(doc) {
                    if let Some(count) = usize::try_from(ord)
                        .ok()
                        .and_then(|i| facet.counts.get_mut(i))
                    {
                        *count += 1;
                    }
                }
            }
        }
        if let Some(year) = self.year_column.first(doc) {
            *self.years.entry(year).or_default() += 1;
        }
        if let Some(validity) = self.validity_column.first(doc) {
            *self.validities.entry(validity).or_default() += 1;
        }
    }

    fn harvest(self) -> SegmentFacets {
        self
    }
}

/// Adds one segment's ordinal counts to the totals by value.
fn merge_strings(merged: &mut HashMap<String, u64>, segment: &StringCounts) -> tantivy::Result<()> {
    let Some(column) = &segment.column else {
        return Ok(());
    };
    let mut value = String::new();
    for (ord, count) in segment.counts.iter().enumerate() {
        if *count == 0 {
            continue;
        }
        value.clear();
        if column.ord_to_str(ord as u64, &mut value)? && !value.is_empty() {
            *merged.entry(value.clone()).or_default() += count;
        }
    }
    Ok(())
}

/// Count desc, then value asc.
fn sorted(counts: HashMap<String, u64>) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn facet_values_sort_by_count_then_value() {
        let counts = HashMap::from([
            ("b".to_string(), 2),
            ("a".to_string(), 2),
            ("c".to_string(), 5),
        ]);
        let values: Vec<(String, u64)> = sorted(counts)
            .into_iter()
            .map(|f| (f.value, f.count))
            .collect();
        assert_eq!(values, [("c".into(), 5), ("a".into(), 2), ("b".into(), 2)]);
    }
}
