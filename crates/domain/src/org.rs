//! Organisation kinds, group expressions of work plans, and unit-name normalisation.
//!
//! This module owns how the directory classifies units ([`OrgKind`]), how a work plan's
//! collective addressee such as 各街道 or 区政府各部门 maps to kinds of units
//! ([`GroupExpression`]), and the normal form used to match a unit's name against its aliases
//! ([`normalize_unit_name`]).

use serde::{Deserialize, Serialize};

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

/// Normal form of a unit name for alias matching.
///
/// Removes all whitespace (including the full-width space U+3000), maps full-width brackets
/// （） to ASCII (), and folds full-width ASCII letters and digits to half-width. Nothing else.
pub fn normalize_unit_name(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_full_width)
        .collect()
}

fn fold_full_width(c: char) -> char {
    match c {
        '（' => '(',
        '）' => ')',
        // Full-width forms U+FF10.. sit 0xFEE0 above their ASCII counterparts.
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// A group expression of a work plan, such as 各街道 or 区政府各部门, standing for a set of
/// units by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupExpression {
    /// The kinds of units addressed, sorted and deduplicated.
    pub kinds: Vec<OrgKind>,
}

/// What 各单位, 各有关单位 and 各级各部门 stand for: every unit a plan assigns work to.
///
/// Marked choice: the government is excluded because it issues the plan, and `Other` units
/// are excluded because, having no kind, they can only be addressed by name.
const ALL_UNITS: &[OrgKind] = &[
    OrgKind::Department,
    OrgKind::Street,
    OrgKind::Town,
    OrgKind::Institution,
];

/// Issuer prefixes allowed before 各部门 / 各单位 (区政府各部门, 县直各部门, 委机关各部门 …).
const ISSUER_PREFIXES: &[&str] = &[
    "区人民政府",
    "县人民政府",
    "市人民政府",
    "区政府",
    "县政府",
    "市政府",
    "委机关",
    "管委会",
    "区级",
    "县级",
    "市级",
    "区直",
    "县直",
    "市直",
    "区",
    "县",
    "市",
];

/// Qualifiers allowed right after 各 (各有关部门, 各相关单位).
const QUALIFIERS: &[&str] = &["有关", "相关"];

const DEPARTMENT_NAMES: &[&str] = &["部门", "委办局"];
const STREET_NAMES: &[&str] = &["街道", "街道办事处", "街道办"];
const TOWN_NAMES: &[&str] = &[
    "镇",
    "乡",
    "乡镇",
    "镇政府",
    "乡政府",
    "乡镇政府",
    "镇人民政府",
    "乡镇人民政府",
];
const INSTITUTION_NAMES: &[&str] = &["驻区机构", "驻区单位", "事业单位", "驻区机构及事业单位"];
/// Contractions naming streets and towns together.
const STREET_AND_TOWN_NAMES: &[&str] = &["镇街", "街镇", "乡镇街道", "镇街道"];

impl GroupExpression {
    /// Recognises a group expression; `None` for the name of a single unit.
    ///
    /// Grammar (after [`normalize_unit_name`]): `[issuer] 各 [有关|相关] body`, where an issuer
    /// prefix (区政府, 县直, 委机关 …) is only allowed before a body of departments or units,
    /// and a body of streets and towns may combine both (各镇（街道）, 各镇政府（街道办）,
    /// 各乡镇、街道, 各镇街). 各级各部门 / 各级各单位 address every unit.
    pub fn parse(s: &str) -> Option<GroupExpression> {
        let name = normalize_unit_name(s);
        if let Some(body) = name.strip_prefix("各级各") {
            return is_department_or_unit_body(body).then(|| GroupExpression::of(ALL_UNITS));
        }
        let (has_issuer, rest) = strip_issuer(&name);
        let body = strip_qualifier(rest.strip_prefix('各')?);
        let kinds = if has_issuer {
            issuer_body_kinds(body)
        } else {
            body_kinds(body)
        }?;
        Some(GroupExpression::of(&kinds))
    }

    fn of(kinds: &[OrgKind]) -> GroupExpression {
        let mut kinds = kinds.to_vec();
        kinds.sort();
        kinds.dedup();
        GroupExpression { kinds }
    }
}

/// Removes the longest issuer prefix followed by 各, if any.
fn strip_issuer(name: &str) -> (bool, &str) {
    ISSUER_PREFIXES
        .iter()
        .filter_map(|prefix| name.strip_prefix(prefix))
        .find(|rest| rest.starts_with('各'))
        .map_or((false, name), |rest| (true, rest))
}

fn strip_qualifier(body: &str) -> &str {
    QUALIFIERS
        .iter()
        .find_map(|q| body.strip_prefix(q))
        .unwrap_or(body)
}

fn is_department_or_unit_body(body: &str) -> bool {
    issuer_body_kinds(body).is_some()
}

/// Kinds of a body that may follow an issuer prefix: departments or units.
fn issuer_body_kinds(body: &str) -> Option<Vec<OrgKind>> {
    if DEPARTMENT_NAMES.contains(&body) {
        Some(vec![OrgKind::Department])
    } else if body == "单位" {
        Some(ALL_UNITS.to_vec())
    } else {
        None
    }
}

/// Kinds of a body after a bare 各.
fn body_kinds(body: &str) -> Option<Vec<OrgKind>> {
    if let Some(kinds) = issuer_body_kinds(body) {
        return Some(kinds);
    }
    if INSTITUTION_NAMES.contains(&body) {
        return Some(vec![OrgKind::Institution]);
    }
    if STREET_AND_TOWN_NAMES.contains(&body) {
        return Some(vec![OrgKind::Street, OrgKind::Town]);
    }
    local_level_kinds(body)
}

/// Streets and towns: one name, or two joined as `A(B)` or `A、B`.
fn local_level_kinds(body: &str) -> Option<Vec<OrgKind>> {
    if let Some(kind) = local_level_kind(body) {
        return Some(vec![kind]);
    }
    let (first, second) = split_bracketed(body).or_else(|| body.split_once('、'))?;
    Some(vec![local_level_kind(first)?, local_level_kind(second)?])
}

/// Splits `A(B)` into `A` and `B`.
fn split_bracketed(body: &str) -> Option<(&str, &str)> {
    let (first, rest) = body.split_once('(')?;
    Some((first, rest.strip_suffix(')')?))
}

fn local_level_kind(name: &str) -> Option<OrgKind> {
    if STREET_NAMES.contains(&name) {
        Some(OrgKind::Street)
    } else if TOWN_NAMES.contains(&name) {
        Some(OrgKind::Town)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use OrgKind::*;

    fn kinds(s: &str) -> Option<Vec<OrgKind>> {
        GroupExpression::parse(s).map(|g| g.kinds)
    }

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

    #[test]
    fn normalize_removes_spaces_and_folds_full_width() {
        assert_eq!(
            normalize_unit_name("  区政府\u{3000}办公室 "),
            "区政府办公室"
        );
        assert_eq!(normalize_unit_name("各镇（街道）"), "各镇(街道)");
        assert_eq!(normalize_unit_name("ＡＢｃ１２３"), "ABc123");
        // Nothing else changes: other full-width punctuation stays.
        assert_eq!(normalize_unit_name("各乡镇、街道，"), "各乡镇、街道，");
    }

    #[test]
    fn streets() {
        assert_eq!(kinds("各街道"), Some(vec![Street]));
        assert_eq!(kinds("各街道办事处"), Some(vec![Street]));
    }

    #[test]
    fn departments() {
        for s in [
            "各部门",
            "区政府各部门",
            "县政府各部门",
            "市政府各部门",
            "委机关各部门",
            "管委会各部门",
            "区级各部门",
            "各有关部门",
            "各委办局",
        ] {
            assert_eq!(kinds(s), Some(vec![Department]), "{s}");
        }
    }

    #[test]
    fn towns() {
        for s in ["各镇", "各乡镇", "各镇政府", "各乡镇人民政府"] {
            assert_eq!(kinds(s), Some(vec![Town]), "{s}");
        }
    }

    #[test]
    fn streets_and_towns_together() {
        for s in [
            "各镇政府(街道办)",
            "各镇（街道）",
            "各镇街",
            "各乡镇（街道）",
            "各乡镇人民政府（街道办事处）",
            "各街道、镇",
            " 各 乡镇 、街道 ",
        ] {
            assert_eq!(kinds(s), Some(vec![Street, Town]), "{s}");
        }
    }

    #[test]
    fn institutions() {
        assert_eq!(kinds("各驻区机构"), Some(vec![Institution]));
        assert_eq!(kinds("各驻区单位"), Some(vec![Institution]));
    }

    #[test]
    fn all_units() {
        let all = Some(vec![Department, Street, Town, Institution]);
        for s in [
            "各单位",
            "各有关单位",
            "各级各部门",
            "各级各单位",
            "区政府各有关单位",
        ] {
            assert_eq!(kinds(s), all, "{s}");
        }
    }

    #[test]
    fn names_of_single_units_are_not_groups() {
        for s in [
            "区府办",
            "区政府办公室",
            "司法局",
            "各",
            "",
            "   ",
            "区各",
            "各级",
            "区政府各街道",
            "各镇(街道",
            "各镇(司法局)",
            "各部门负责人",
            "区政府",
        ] {
            assert_eq!(kinds(s), None, "{s}");
        }
    }
}
