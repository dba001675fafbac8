//! Unit lists: one cell or clause of unit names to the names it holds.
//!
//! This module owns splitting a list of units on 、，, ；; outside brackets and on
//! 及/和 between two unit names, keeping one name together where 、 joins place levels
//! (`各市、县(市、区)教育局`) or a bare `单位` / `部门` follows (`市直有关部门、单位`);
//! stripping role words (牵头, 负责, 按职责分工落实…) from the end of a name; and
//! telling whether a name reads like an organisation. `等有关部门` is kept as written.
//! Which role a name plays (lead or responsible) is decided by [`super::units`].

/// Role words stripped from the end of a unit name, longest first.
const ROLE_SUFFIXES: &[&str] = &[
    "结合单位职责",
    "结合职责",
    "分别按职能牵头",
    "按职责分工负责落实",
    "按职责分工负责",
    "按职责分工落实",
    "按職責分工負責",
    "按职责分工",
    "按职能牵头",
    "分别牵头",
    "负责落实",
    "共同负责",
    "牵头负责",
    "牵头",
    "牽頭",
    "负责",
    "負責",
    "配合",
    "落实",
    "参与",
];

const UNIT_ENDINGS: &[&str] = &[
    "局",
    "委",
    "办",
    "室",
    "部",
    "处",
    "科",
    "院",
    "会",
    "中心",
    "政府",
    "街道",
    "单位",
    "部门",
    "机构",
    "公司",
    "所",
    "队",
    "站",
    "馆",
    "组",
    "厅",
    "署",
    "行",
    "社",
    "团",
    "区",
    "县",
    "镇",
    "乡",
    "街办",
    "企业",
    "学校",
    "医院",
    "分局",
    "管委",
    "委员会",
    "法院",
    "检察院",
    "單位",
    "辦",
    "會",
    "廳",
    "處",
    "關",
    "机关",
    "部門",
];

/// Place levels that 、 joins inside one name: `各市、县(市、区)教育局`, `各县、市、区政府`.
const PLACE_LEVELS: [char; 6] = ['省', '市', '县', '区', '乡', '镇'];
/// Bare words that are no unit on their own: `市直有关部门、单位` is one name.
const BARE: [&str; 4] = ["单位", "部门", "机构", "單位"];

/// Splits a list on 、 and the like, but keeps fragments that share a prefix or suffix
/// together when one of them is no unit on its own.
fn fragments(clause: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    let seps = ['、', ',', '，', ';', '；'];
    let parts = split_top(clause, &seps);
    for (i, part) in parts.iter().enumerate() {
        let part = part.trim();
        let bare = BARE.contains(&part);
        match out.last_mut() {
            Some(last) if glue_next || (bare && i > 0) => {
                last.push('、');
                last.push_str(part);
            }
            _ => out.push(part.to_owned()),
        }
        let level = part.trim_start_matches('各');
        let single_level = level.chars().count() == 1 && level.starts_with(PLACE_LEVELS);
        let next_is_level = parts
            .get(i + 1)
            .is_some_and(|n| n.trim().starts_with(PLACE_LEVELS));
        glue_next = single_level && next_is_level;
    }
    out
}

/// Unit names of one clause, split on 、 (and on 及/和 between two unit names).
pub(crate) fn names_of(clause: &str) -> Vec<String> {
    let mut names = Vec::new();
    for part in fragments(clause) {
        let part = part.as_str();
        let name = strip_role(part);
        if name.is_empty() {
            continue;
        }
        match split_conjunction(name) {
            Some((a, b)) => {
                names.push(a.to_owned());
                names.push(b.to_owned());
            }
            None => names.push(name.to_owned()),
        }
    }
    names
}

fn split_conjunction(name: &str) -> Option<(&str, &str)> {
    for joiner in ["及", "和"] {
        if let Some(at) = name.find(joiner) {
            let (a, b) = (&name[..at], &name[at + joiner.len()..]);
            if is_unit_like(a) && is_unit_like(b) && a.chars().count() >= 2 {
                return Some((a, b));
            }
        }
    }
    None
}

/// A name with role words and stray punctuation removed from its ends.
pub(crate) fn strip_role(part: &str) -> &str {
    let mut name = part.trim_matches([' ', '\u{3000}', '\t', '。', '.', ':', '：']);
    loop {
        let before = name;
        for word in ROLE_SUFFIXES {
            if let Some(rest) = name.strip_suffix(word) {
                name = rest.trim_end();
                break;
            }
        }
        if name == before {
            return name;
        }
    }
}

/// Whether a name reads like an organisation (ends like 局, 委, 办公室, 街道…).
pub(crate) fn is_unit_like(name: &str) -> bool {
    let mut core = name.trim();
    for tail in [
        "等有关部门",
        "等相关部门",
        "等有关单位",
        "等部门",
        "等单位",
        "等",
    ] {
        if let Some(rest) = core.strip_suffix(tail) {
            core = rest;
            break;
        }
    }
    if let Some(open) = core.rfind(['(', '（'])
        && core.ends_with([')', '）'])
        && open > 0
    {
        core = &core[..open];
    }
    let chars = core.chars().count();
    (2..=40).contains(&chars)
        && (core.starts_with('各') || UNIT_ENDINGS.iter().any(|e| core.ends_with(e)))
}

/// Splits on any of `seps` outside brackets.
pub(crate) fn split_top<'a>(text: &'a str, seps: &[char]) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' | '〔' | '[' | '【' => depth += 1,
            ')' | '）' | '〕' | ']' | '】' => depth = (depth - 1).max(0),
            _ if depth == 0 && seps.contains(&c) => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_sharing_a_prefix_or_suffix_stay_one_name() {
        assert_eq!(
            names_of("各市、县(市、区)教育局、各高校,市直有关部门、单位,各县、市、区政府"),
            [
                "各市、县(市、区)教育局",
                "各高校",
                "市直有关部门、单位",
                "各县、市、区政府"
            ]
        );
        assert_eq!(
            names_of("区卫健委,各乡、街办、管理处"),
            ["区卫健委", "各乡", "街办", "管理处"]
        );
    }

    #[test]
    fn role_words_are_stripped_and_units_recognised() {
        assert_eq!(strip_role("县审计局分别按职能牵头"), "县审计局");
        assert!(is_unit_like("区政数局等有关部门"));
        assert!(!is_unit_like("加强窗口服务"));
    }
}
