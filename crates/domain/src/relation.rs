//! Relations between documents of the library: 立改废 and 解读.
//!
//! This module owns the kinds of links one document (the source) has to another (the
//! target), how each is named from either end, and the validity a target takes when a
//! published source amends or repeals it (国办发〔2017〕47号: a modified or repealed document
//! is marked as such).

use serde::{Deserialize, Serialize};

use crate::validity::Validity;
use crate::{Error, Result};

/// What a source document does to its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// The source modifies some provisions of the target (改).
    Amends,
    /// The source repeals the target (废).
    Repeals,
    /// The source is an interpretation (政策解读) of the target.
    Interprets,
    /// The source was made on the basis of the target (依据).
    BasedOn,
}

impl RelationKind {
    /// Every kind, in declaration order.
    pub const ALL: [RelationKind; 4] = [
        RelationKind::Amends,
        RelationKind::Repeals,
        RelationKind::Interprets,
        RelationKind::BasedOn,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            RelationKind::Amends => "amends",
            RelationKind::Repeals => "repeals",
            RelationKind::Interprets => "interprets",
            RelationKind::BasedOn => "based_on",
        }
    }

    /// The name of the link seen from the source: the target is the document it 修改 / 废止 /
    /// 解读 / 依据.
    pub fn label_zh(self) -> &'static str {
        match self {
            RelationKind::Amends => "修改",
            RelationKind::Repeals => "废止",
            RelationKind::Interprets => "解读",
            RelationKind::BasedOn => "依据",
        }
    }

    /// The heading under which the target lists its sources: the documents that amended
    /// it (修改文件), repealed it (废止文件), interpret it (相关解读) or were made on its
    /// basis (据此制定).
    pub fn inverse_label_zh(self) -> &'static str {
        match self {
            RelationKind::Amends => "修改文件",
            RelationKind::Repeals => "废止文件",
            RelationKind::Interprets => "相关解读",
            RelationKind::BasedOn => "据此制定",
        }
    }

    /// Parses a code (`based_on`); Chinese labels are not accepted because 解读 and 依据 read
    /// differently from each end.
    pub fn parse(code: &str) -> Result<RelationKind> {
        let code = code.trim();
        RelationKind::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .ok_or_else(|| Error::UnknownRelation {
                input: code.to_string(),
            })
    }

    /// Whether the source takes the target's place (a repeal with a new document); an
    /// amendment changes some provisions and the target stays the document in force.
    pub fn replaces_target(self) -> bool {
        self == RelationKind::Repeals
    }

    /// The validity a target takes once a source with this relation to it is published:
    /// amended or repealed; interpreting or citing a document does not change it.
    pub fn target_validity(self) -> Option<Validity> {
        match self {
            RelationKind::Amends => Some(Validity::Amended),
            RelationKind::Repeals => Some(Validity::Repealed),
            RelationKind::Interprets | RelationKind::BasedOn => None,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn an_amendment_does_not_take_the_amended_documents_place() {
        assert!(RelationKind::Repeals.replaces_target());
        assert!(!RelationKind::Amends.replaces_target());
        assert!(Validity::Amended.is_in_force());
    }

    #[test]
    fn every_kind_round_trips_through_its_code() {
        for kind in RelationKind::ALL {
            assert_eq!(RelationKind::parse(kind.code()), Ok(kind), "{kind:?}");
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()), "{kind:?}");
            assert_eq!(serde_json::from_str::<RelationKind>(&json).unwrap(), kind);
        }
    }

    #[test]
    fn labels_from_both_ends() {
        let labels: Vec<(&str, &str)> = RelationKind::ALL
            .into_iter()
            .map(|k| (k.label_zh(), k.inverse_label_zh()))
            .collect();
        assert_eq!(
            labels,
            [
                ("修改", "修改文件"),
                ("废止", "废止文件"),
                ("解读", "相关解读"),
                ("依据", "据此制定"),
            ]
        );
    }

    #[test]
    fn unknown_codes_and_chinese_labels_are_rejected() {
        for input in ["", "修改", "amend", "BasedOn", "cites"] {
            assert_eq!(
                RelationKind::parse(input),
                Err(Error::UnknownRelation {
                    input: input.to_string()
                }),
                "input {input:?}"
            );
        }
        assert_eq!(
            RelationKind::parse("cites").unwrap_err().to_string(),
            "无法识别的文件关系：cites"
        );
    }

    #[test]
    fn only_amending_and_repealing_change_the_target() {
        let cases = [
            (RelationKind::Amends, Some(Validity::Amended)),
            (RelationKind::Repeals, Some(Validity::Repealed)),
            (RelationKind::Interprets, None),
            (RelationKind::BasedOn, None),
        ];
        for (kind, expected) in cases {
            assert_eq!(kind.target_validity(), expected, "{kind:?}");
        }
    }
}
