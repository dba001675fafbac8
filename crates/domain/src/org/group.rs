//! Group expressions of work plans (各街道, 区政府各部门, 各镇（街道）…) and the kinds of
//! units each stands for.

use super::{OrgKind, normalize_unit_name};

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
const STREET_NAMES: &[&str] = &["街道", "街道办事处", "街道办", "街办"];
/// 管理处: street-level areas a district administers directly (红谷滩区's 管理处 beside its
/// 乡 and 街办), counted with the streets.
const AREA_NAMES: &[&str] = &["管理处", "各管理处"];
/// Departments and the units beside them (县有关部门单位, 区直部门和单位).
const DEPARTMENT_AND_UNIT_NAMES: &[&str] = &["部门单位", "部门和单位", "部门、单位", "部门及单位"];
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
    /// 各乡镇、街道, 各镇街). 各级各部门 / 各级各单位 address every unit. Without 各, a
    /// name that is only a kind of unit is plural too (街办, 管理处, 乡, 有关部门,
    /// 县有关部门单位: no single unit is called that), as when a plan writes
    /// 各乡、街办、管理处 and the list is split.
    pub fn parse(s: &str) -> Option<GroupExpression> {
        let name = normalize_unit_name(s);
        if let Some(body) = name.strip_prefix("各级各") {
            return is_department_or_unit_body(body).then(|| GroupExpression::of(ALL_UNITS));
        }
        let (has_issuer, rest) = strip_issuer(&name);
        let Some(rest) = rest.strip_prefix('各') else {
            return categorical(&name);
        };
        let body = strip_qualifier(rest);
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

/// A name that is only a kind of unit, after an optional issuer and qualifier.
fn categorical(name: &str) -> Option<GroupExpression> {
    let issuer_rest = ISSUER_PREFIXES
        .iter()
        .filter_map(|prefix| name.strip_prefix(prefix))
        .find(|rest| issuer_body_kinds(strip_qualifier(rest)).is_some());
    let kinds = match issuer_rest {
        Some(rest) => issuer_body_kinds(strip_qualifier(rest)),
        None => body_kinds(strip_qualifier(name)),
    }?;
    Some(GroupExpression::of(&kinds))
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
    } else if DEPARTMENT_AND_UNIT_NAMES.contains(&body) {
        Some(vec![OrgKind::Department, OrgKind::Institution])
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
    if STREET_NAMES.contains(&name) || AREA_NAMES.contains(&name) {
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
    fn a_name_that_is_only_a_kind_of_unit_is_plural() {
        let cases: [(&str, &[OrgKind]); 8] = [
            ("街办", &[Street]),
            ("各街办", &[Street]),
            ("管理处", &[Street]),
            ("乡", &[Town]),
            ("有关部门", &[Department]),
            ("县有关部门单位", &[Department, Institution]),
            ("区直部门和单位", &[Department, Institution]),
            ("乡镇、街道", &[Street, Town]),
        ];
        for (name, expected) in cases {
            assert_eq!(kinds(name), Some(expected.to_vec()), "{name}");
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
            "区政数局",
            "东城街道",
            "红角洲管理处",
            "区发改委",
            "县人民政府办公室",
        ] {
            assert_eq!(kinds(s), None, "{s}");
        }
    }
}
