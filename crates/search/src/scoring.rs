//! Relevance ranking: BM25 times a factor by validity.
//!
//! A visitor looking for a policy wants the one in force: of two equally relevant
//! documents, the valid (or amended, still in force) one ranks first. The factor is read
//! from the `validity` fast field per hit, so it costs one column lookup per matching
//! document and never needs the stored document.

use gongkai_domain::validity::Validity;
use tantivy::collector::sort_key::NaturalComparator;
use tantivy::collector::{SegmentSortKeyComputer, SortKeyComputer};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentReader};

use crate::schema::{names, validity_from_ord};

/// Factor applied to the score of a document no longer in force (失效, 废止).
pub const LAPSED_FACTOR: Score = 0.5;

/// The factor of a validity: 1 while in force, [`LAPSED_FACTOR`] otherwise.
pub fn factor(validity: Validity) -> Score {
    if validity.is_in_force() {
        1.0
    } else {
        LAPSED_FACTOR
    }
}

/// Sort key computer ranking by score × [`factor`].
#[derive(Debug, Clone, Copy)]
pub struct ValidityWeighted;

impl SortKeyComputer for ValidityWeighted {
    type SortKey = Score;
    type Child = SegmentValidityWeighted;
    type Comparator = NaturalComparator;

    fn requires_scoring(&self) -> bool {
        true
    }

    fn segment_sort_key_computer(&self, reader: &SegmentReader) -> tantivy::Result<Self::Child> {
        let validity = reader.fast_fields().u64(names::VALIDITY)?;
        Ok(SegmentValidityWeighted { validity })
    }
}

/// [`ValidityWeighted`] for one segment.
pub struct SegmentValidityWeighted {
    validity: Column<u64>,
}

impl SegmentSortKeyComputer for SegmentValidityWeighted {
    type SortKey = Score;
    type SegmentSortKey = Score;
    type SegmentComparator = NaturalComparator;

    fn segment_sort_key(&mut self, doc: DocId, score: Score) -> Score {
        let weight = self
            .validity
            .first(doc)
            .and_then(validity_from_ord)
            .map_or(1.0, factor);
        score * weight
    }

    fn convert_segment_sort_key(&self, score: Score) -> Score {
        score
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_in_force_keep_their_score() {
        assert_eq!(factor(Validity::Valid), 1.0);
        assert_eq!(factor(Validity::Amended), 1.0);
        assert_eq!(factor(Validity::Expired), LAPSED_FACTOR);
        assert_eq!(factor(Validity::Repealed), LAPSED_FACTOR);
    }
}
