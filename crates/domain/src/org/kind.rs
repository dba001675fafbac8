//! The kinds of organisation the directory classifies units by, with their codes,
//! Chinese names and synonyms.

use serde::{Deserialize, Serialize};

use super::normalize_unit_name;
use crate::{Error, Result};

/// The kind of an organisation (单位) in the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// The people's government itself (人民政府, 管委会).
    Government,
    /// A department of the government (委办局).
    Department,
    /// A sub-district office (街道办事处).
    Street,
    /// A town or township government (镇/乡人民政府).
    Town,
    /// A vertically managed agency stationed in the area, or a public institution.
    Institution,
    /// Anything else.
    Other,
}

impl OrgKind {
    /// Every kind, in declaration order.
    pub const ALL: [OrgKind; 6] = [
        OrgKind::Government,
        OrgKind::Department,
        OrgKind::Street,
        OrgKind::Town,
        OrgKind::Institution,
        OrgKind::Other,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Government => "government",
            OrgKind::Department => "department",
            OrgKind::Street => "street",
            OrgKind::Town => "town",
            OrgKind::Institution => "institution",
            OrgKind::Other => "other",
        }
    }

    /// Whether a unit of this kind is an administrative organ that receives
    /// disclosure requests itself (条例第二条、第二十七条: 行政机关; a 街道办事处 and a
    /// 乡镇人民政府 are). Institutions and others are left out (they follow 第五十五条).
    pub fn accepts_requests(self) -> bool {
        matches!(
            self,
            OrgKind::Government | OrgKind::Department | OrgKind::Street | OrgKind::Town
        )
    }

    /// The Chinese name shown to users.
    pub fn label_zh(self) -> &'static str {
        match self {
            OrgKind::Government => "政府",
            OrgKind::Department => "部门",
            OrgKind::Street => "街道",
            OrgKind::Town => "乡镇",
            OrgKind::Institution => "驻区机构及事业单位",
            OrgKind::Other => "其他",
        }
    }

    /// Parses a code (`department`) or a Chinese name or synonym (部门, 委办局, …).
    pub fn parse(s: &str) -> Result<OrgKind> {
        let name = normalize_unit_name(s);
        kind_by_name(&name.to_ascii_lowercase()).ok_or(Error::UnknownOrgKind { input: name })
    }
}

/// The kind a code or Chinese name stands for.
fn kind_by_name(name: &str) -> Option<OrgKind> {
    if let Some(kind) = OrgKind::ALL
        .into_iter()
        .find(|k| k.code() == name || k.label_zh() == name)
    {
        return Some(kind);
    }
    let kind = match name {
        "人民政府" | "管委会" => OrgKind::Government,
        "委办局" => OrgKind::Department,
        "街道办事处" | "街道办" => OrgKind::Street,
        "镇" | "乡" | "镇政府" | "乡政府" | "乡镇政府" => OrgKind::Town,
        "机构" | "事业单位" | "驻区机构" | "驻区单位" => OrgKind::Institution,
        "其它" => OrgKind::Other,
        _ => return None,
    };
    Some(kind)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use OrgKind::*;

    #[test]
    fn codes_labels_and_parse_round_trip() {
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::parse(kind.code()).unwrap(), kind);
            assert_eq!(OrgKind::parse(kind.label_zh()).unwrap(), kind);
        }
        assert_eq!(OrgKind::parse(" Department ").unwrap(), Department);
    }

    #[test]
    fn org_kind_synonyms() {
        let cases = [
            ("政府", Government),
            ("人民政府", Government),
            ("管委会", Government),
            ("部门", Department),
            ("委办局", Department),
            ("街道", Street),
            ("街道办事处", Street),
            ("镇", Town),
            ("乡", Town),
            ("乡镇", Town),
            ("机构", Institution),
            ("事业单位", Institution),
            ("驻区机构", Institution),
            ("其他", Other),
        ];
        for (name, kind) in cases {
            assert_eq!(OrgKind::parse(name).unwrap(), kind, "{name}");
        }
    }

    #[test]
    fn unknown_org_kind_names_the_input() {
        let error = OrgKind::parse("司法局").unwrap_err();
        assert_eq!(
            error,
            Error::UnknownOrgKind {
                input: "司法局".into()
            }
        );
        assert!(error.to_string().contains("司法局"));
    }

    #[test]
    fn org_kind_serde_uses_the_code() {
        assert_eq!(
            serde_json::to_string(&Institution).unwrap(),
            "\"institution\""
        );
        assert_eq!(serde_json::from_str::<OrgKind>("\"town\"").unwrap(), Town);
    }
}
