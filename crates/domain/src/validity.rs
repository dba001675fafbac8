//! 有效性 (validity) of a published document.
//!
//! This module owns the closed list of states a document of the library can be in and how
//! each is shown. 国办发〔2017〕47号 《政府网站发展指引》 requires a site to mark a document
//! that has been modified, repealed or has expired; portals show 有效 for the others
//! (metadata.md §5.5). A closed national list was not found, so the list here is the
//! project's: 有效, 失效, 废止, 已修改.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The validity of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    /// In force (有效).
    Valid,
    /// No longer in force because its term ended (失效).
    Expired,
    /// Repealed by another document (废止).
    Repealed,
    /// Modified by another document, in force in its modified form (已修改).
    Amended,
}

impl Validity {
    /// Every validity, in declaration order.
    pub const ALL: [Validity; 4] = [
        Validity::Valid,
        Validity::Expired,
        Validity::Repealed,
        Validity::Amended,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Validity::Valid => "valid",
            Validity::Expired => "expired",
            Validity::Repealed => "repealed",
            Validity::Amended => "amended",
        }
    }

    /// The name shown in the 有效性 field.
    pub fn label_zh(self) -> &'static str {
        match self {
            Validity::Valid => "有效",
            Validity::Expired => "失效",
            Validity::Repealed => "废止",
            Validity::Amended => "已修改",
        }
    }

    /// The mark put on the original document (国办发〔2017〕47号: 明确标注); none while valid.
    pub fn stamp_zh(self) -> Option<&'static str> {
        match self {
            Validity::Valid => None,
            Validity::Expired => Some("已失效"),
            Validity::Repealed => Some("已废止"),
            Validity::Amended => Some("已修改"),
        }
    }

    /// Whether the document still applies.
    ///
    /// Marked choice: an amended document is in force — the amendment changes some of its
    /// provisions, and the rest keeps applying in the amended form (立改废: 改 is not 废).
    pub fn is_in_force(self) -> bool {
        matches!(self, Validity::Valid | Validity::Amended)
    }

    /// Parses a code (`repealed`, any case) or a Chinese name (废止, 已废止, …).
    ///
    /// Marked choice: 部分失效 / 部分废止 are rejected with [`Error::UnknownValidity`]. They
    /// mean "in force except some provisions", which none of the four states says exactly:
    /// mapping them to 已修改 would put a wrong mark on the document, to 有效 would hide that
    /// provisions lapsed. An importer decides explicitly, with the source at hand.
    pub fn parse(s: &str) -> Result<Validity> {
        let name = s.trim();
        validity_by_name(&name.to_ascii_lowercase()).ok_or_else(|| Error::UnknownValidity {
            input: name.to_string(),
        })
    }
}

/// The validity a code or Chinese name stands for.
fn validity_by_name(name: &str) -> Option<Validity> {
    if let Some(validity) = Validity::ALL.into_iter().find(|v| v.code() == name) {
        return Some(validity);
    }
    let validity = match name {
        "有效" | "现行有效" | "生效" => Validity::Valid,
        "失效" | "已失效" => Validity::Expired,
        "废止" | "已废止" | "已被废止" => Validity::Repealed,
        "修改" | "已修改" | "已被修改" | "修订" | "已修订" => Validity::Amended,
        _ => return None,
    };
    Some(validity)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn every_validity_round_trips_through_code_and_label() {
        for validity in Validity::ALL {
            assert_eq!(
                Validity::parse(validity.code()),
                Ok(validity),
                "{validity:?}"
            );
            assert_eq!(
                Validity::parse(validity.label_zh()),
                Ok(validity),
                "{validity:?}"
            );
            if let Some(stamp) = validity.stamp_zh() {
                assert_eq!(Validity::parse(stamp), Ok(validity), "{validity:?}");
            }
        }
    }

    #[test]
    fn chinese_names_and_synonyms_parse() {
        let cases = [
            ("有效", Validity::Valid),
            (" 现行有效 ", Validity::Valid),
            ("失效", Validity::Expired),
            ("已失效", Validity::Expired),
            ("废止", Validity::Repealed),
            ("已废止", Validity::Repealed),
            ("修改", Validity::Amended),
            ("已修改", Validity::Amended),
            ("REPEALED", Validity::Repealed),
        ];
        for (input, expected) in cases {
            assert_eq!(Validity::parse(input), Ok(expected), "input {input:?}");
        }
    }

    #[test]
    fn unknown_and_partial_states_are_rejected() {
        for input in ["", "部分失效", "部分废止", "无效", "in_force"] {
            let error = Validity::parse(input).unwrap_err();
            assert_eq!(
                error,
                Error::UnknownValidity {
                    input: input.to_string()
                },
                "input {input:?}"
            );
            assert_eq!(error.code(), "unknown_validity");
        }
        assert_eq!(
            Validity::parse("部分失效").unwrap_err().to_string(),
            "无法识别的有效性：部分失效"
        );
    }

    #[test]
    fn only_valid_documents_have_no_stamp() {
        let stamps: Vec<Option<&str>> = Validity::ALL.into_iter().map(Validity::stamp_zh).collect();
        assert_eq!(
            stamps,
            [None, Some("已失效"), Some("已废止"), Some("已修改")]
        );
    }

    #[test]
    fn valid_and_amended_documents_are_in_force() {
        let in_force: Vec<Validity> = Validity::ALL
            .into_iter()
            .filter(|v| v.is_in_force())
            .collect();
        assert_eq!(in_force, [Validity::Valid, Validity::Amended]);
    }

    #[test]
    fn serde_uses_the_codes() {
        for validity in Validity::ALL {
            let json = serde_json::to_string(&validity).unwrap();
            assert_eq!(json, format!("\"{}\"", validity.code()));
            assert_eq!(serde_json::from_str::<Validity>(&json).unwrap(), validity);
        }
    }
}
