//! Unit statements: who leads and who carries out a task.
//!
//! This module owns the roles of units: reading `(责任单位：…)`, `〔牵头单位:X;责任单位:Y〕`,
//! label lines (`责任单位：…`), unit cells of tables and unlabelled statements
//! (`X牵头，Y负责`, `A、B分别按职能牵头`). Units marked 牵头 or labelled as leading are
//! lead units, all others responsible units; a deadline clause inside a statement is
//! kept as its deadline. Splitting a list into names is [`super::unit_names`]'s job.

use super::unit_names::{is_unit_like, names_of, split_top, strip_role};
use gongkai_domain::deadline_phrase;

/// What a statement says about a task.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct UnitStatement {
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    pub deadline: Option<String>,
    /// The roles came from labels (牵头单位：) rather than from table columns.
    pub labelled: bool,
    /// Some unit carried the word 牵头 (an unlabelled statement with roles).
    pub marked: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Lead,
    Responsible,
    Deadline,
    Person,
}

/// Labels, longest first so that `牵头责任单位` is not read as `责任单位`.
const LABELS: &[(&str, Role)] = &[
    ("牵头负责领导", Role::Person),
    ("牵头责任单位", Role::Lead),
    ("协同责任单位", Role::Responsible),
    ("落实科室(部门)", Role::Responsible),
    ("落实科室（部门）", Role::Responsible),
    ("牵头单位", Role::Lead),
    ("牵头科室", Role::Lead),
    ("牵头部门", Role::Lead),
    ("牵头处室", Role::Lead),
    ("主办单位", Role::Lead),
    ("牽頭單位", Role::Lead),
    ("责任单位", Role::Responsible),
    ("责任科室", Role::Responsible),
    ("责任部门", Role::Responsible),
    ("责任处室", Role::Responsible),
    ("配合单位", Role::Responsible),
    ("协办单位", Role::Responsible),
    ("落实科室", Role::Responsible),
    ("落实单位", Role::Responsible),
    ("責任單位", Role::Responsible),
    ("完成时限", Role::Deadline),
    ("完成时间", Role::Deadline),
    ("时限要求", Role::Deadline),
    ("办结时限", Role::Deadline),
    ("工作时限", Role::Deadline),
    ("責任領導", Role::Person),
    ("责任领导", Role::Person),
    ("分管领导", Role::Person),
];

/// A labelled unit bracket closing a task text: where it starts, and what it says.
pub(crate) fn trailing_bracket(text: &str) -> Option<(usize, UnitStatement)> {
    let trimmed = text.trim_end_matches([' ', '。', '；', ';', '\u{3000}']);
    let mut best = None;
    for (i, c) in trimmed.char_indices() {
        if !matches!(c, '(' | '（' | '〔' | '【' | '[' | '［') {
            continue;
        }
        let inner = &trimmed[i + c.len_utf8()..];
        let body = inner
            .strip_suffix([')', '）', '〕', '】', ']', '］'])
            .unwrap_or(inner);
        if label_at(inner).is_some() {
            // A bracket with a label; an unclosed one runs to the end (scraped text).
            let close = body.find([')', '）', '〕', '】', ']', '］']);
            let body = close.map_or(body, |e| if nested(body, e) { body } else { &body[..e] });
            best = labelled(body).map(|s| (i, s));
        } else if matches!(trimmed[..i].chars().next_back(), Some('。' | '；' | ';'))
            && inner.len() != body.len()
            && let Some(s) = unit_line(body).filter(|s| s.marked)
        {
            best = Some((i, s));
        }
    }
    best
}

/// Whether the closing bracket at `e` only closes an inner bracket, as in
/// `〔责任单位：产业发展部(招商部)〕`.
fn nested(body: &str, e: usize) -> bool {
    let before = &body[..e];
    before.matches(['(', '（']).count() > before.matches([')', '）']).count()
}

/// A line or cell that is wholly a unit statement (labelled, or a list of unit names).
pub(crate) fn unit_line(cell: &str) -> Option<UnitStatement> {
    // A full stop ends a sentence: such a line is a unit list only if every name is one
    // (`各部门要指定内设机构…,并配齐工作力量。` is a task, not units).
    let full_stop = cell.trim().ends_with('。');
    let cell = cell.trim().trim_end_matches('。');
    if cell.is_empty() {
        return None;
    }
    if label_at(cell).is_some() {
        return labelled(cell);
    }
    // An addressee line (`各镇人民政府,县政府各部门:`) ends with a colon.
    if cell.chars().count() > 200
        || cell.contains(['。', '《', '“', '"'])
        || cell.ends_with([':', '：'])
    {
        return None;
    }
    if crate::workplan::headings::marker(cell).is_some() {
        return None;
    }
    let statement = unlabelled(cell);
    let names: Vec<&String> = statement
        .lead
        .iter()
        .chain(&statement.responsible)
        .collect();
    let unit_like = names.iter().filter(|n| is_unit_like(n)).count();
    let enough = if full_stop {
        unit_like == names.len()
    } else {
        unit_like * 10 >= names.len() * 7
    };
    (!names.is_empty() && enough).then_some(statement)
}

/// The label at the start of a text and its role, with the bytes it takes (colon
/// included). Spaces inside a label (`完 成时限`, text from a PDF) are skipped.
fn label_at(original: &str) -> Option<(Role, usize)> {
    let text = original.trim_start();
    LABELS.iter().find_map(|&(label, role)| {
        let rest = strip_spaced_prefix(text, label)?.trim_start();
        let colon = rest.chars().next().filter(|c| matches!(c, ':' | '：'))?;
        Some((role, original.len() - rest.len() + colon.len_utf8()))
    })
}

/// `text` without a leading `label`, allowing spaces between the label's characters.
fn strip_spaced_prefix<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let mut rest = text;
    for c in label.chars() {
        rest = rest.trim_start_matches(' ').strip_prefix(c)?;
    }
    Some(rest)
}

/// A labelled statement: `牵头单位:X;责任单位:Y,完成时限:Z`.
fn labelled(text: &str) -> Option<UnitStatement> {
    let mut statement = UnitStatement {
        labelled: true,
        ..UnitStatement::default()
    };
    let mut rest = text.trim_start();
    let (mut role, used) = label_at(rest)?;
    rest = &rest[used..];
    loop {
        let next = find_next_label(rest);
        let value = &rest[..next.map_or(rest.len(), |(at, _, _)| at)];
        apply(&mut statement, role, value);
        let Some((at, next_role, used)) = next else {
            break;
        };
        role = next_role;
        rest = &rest[at + used..];
    }
    Some(statement)
}

/// The next label after a separator in a labelled statement.
fn find_next_label(text: &str) -> Option<(usize, Role, usize)> {
    text.char_indices()
        .filter(|&(i, c)| i == 0 || matches!(c, ',' | '，' | ';' | '；' | '。' | ' ' | '\u{3000}'))
        .find_map(|(i, c)| {
            let skip = if i == 0 { 0 } else { c.len_utf8() };
            let (role, used) = label_at(&text[i + skip..])?;
            Some((i, role, used + skip))
        })
}

fn apply(statement: &mut UnitStatement, role: Role, value: &str) {
    // `。以下任务均需…` after the units is a remark, not units.
    let value = value.split('。').next().unwrap_or("");
    let value = value
        .trim()
        .trim_end_matches([',', '，', ';', '；', '、', ' ']);
    match role {
        Role::Person => {}
        Role::Deadline => {
            if !value.is_empty() {
                statement.deadline = Some(value.to_owned());
            }
        }
        Role::Lead | Role::Responsible => {
            for clause in split_top(value, &[',', '，', ';', '；']) {
                if deadline_phrase::is_deadline_cell(clause) {
                    statement.deadline = Some(clause.trim().to_owned());
                    continue;
                }
                let names = names_of(clause);
                if role == Role::Lead {
                    statement.lead.extend(names);
                } else {
                    statement.responsible.extend(names);
                }
            }
        }
    }
}

/// An unlabelled statement: a role word closes the list before it, so clauses ending in
/// 牵头 give lead units and clauses ending in 负责 (配合, 落实…) responsible units, each
/// with the unmarked clauses just before it (`A、B,C分别牵头,D负责`: A, B and C lead).
/// Unmarked clauses at the end are responsible.
pub(crate) fn unlabelled(text: &str) -> UnitStatement {
    let mut statement = UnitStatement::default();
    let mut unmarked: Vec<String> = Vec::new();
    for clause in split_top(text, &[',', '，', ';', '；']) {
        let clause = clause.trim();
        if clause.is_empty() {
            continue;
        }
        if deadline_phrase::is_deadline_cell(clause) {
            statement.deadline = Some(clause.to_owned());
            continue;
        }
        unmarked.extend(names_of(clause));
        match role_word(clause) {
            Some(Role::Lead) => {
                statement.marked = true;
                statement.lead.append(&mut unmarked);
            }
            Some(_) => statement.responsible.append(&mut unmarked),
            None => {}
        }
    }
    statement.responsible.append(&mut unmarked);
    statement
}

/// The role a clause's closing role word gives: 牵头 (also `牵头负责`) leads, any other
/// role word (负责, 配合, 按职责分工落实…) makes responsible; `None` without one.
fn role_word(clause: &str) -> Option<Role> {
    if ["牵头", "牽頭"]
        .iter()
        .any(|w| strip_roles_keep(clause).ends_with(w))
    {
        return Some(Role::Lead);
    }
    let bare = clause.trim_matches([' ', '\u{3000}', '\t', '。', '.', ':', '：']);
    (strip_role(bare) != bare).then_some(Role::Responsible)
}

/// A clause with only the non-lead role words stripped, to see whether it ends in 牵头.
fn strip_roles_keep(clause: &str) -> &str {
    let mut s = clause.trim_end_matches(['。', ' ']);
    for word in ["负责", "負責"] {
        if let Some(rest) = s.strip_suffix(word)
            && (rest.ends_with("牵头") || rest.ends_with("牽頭"))
        {
            s = rest;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_brackets_close_tasks() {
        let text =
            "做好公开。(牵头单位:区政府办;责任单位:区司法局、各街道(功能区),完成时限:6月底前)";
        let (at, s) = trailing_bracket(text).unwrap_or_default_for_test();
        assert_eq!(&text[..at], "做好公开。");
        assert_eq!(s.lead, ["区政府办"]);
        assert_eq!(s.responsible, ["区司法局", "各街道(功能区)"]);
        assert_eq!(s.deadline.as_deref(), Some("6月底前"));
    }

    #[test]
    fn unlabelled_lines_split_lead_and_responsible() {
        let s =
            unit_line("县政督查室、县审计局分别按职能牵头,各镇政府(街道办)、县有关部门单位负责");
        let s = s.unwrap_or_default();
        assert_eq!(s.lead, ["县政督查室", "县审计局"]);
        assert_eq!(s.responsible, ["各镇政府(街道办)", "县有关部门单位"]);
        let s = unit_line(
            "县发改局、县商务局,县政数局、县创新驱动发展领导小组成员各单位结合单位职责分别牵头,各镇政府(街道办)负责",
        )
        .unwrap_or_default();
        assert_eq!(
            s.lead,
            [
                "县发改局",
                "县商务局",
                "县政数局",
                "县创新驱动发展领导小组成员各单位"
            ]
        );
        assert_eq!(s.responsible, ["各镇政府(街道办)"]);
        let s = unit_line("区卫健委、区政数局等有关部门,各乡、街办、管理处").unwrap_or_default();
        assert!(s.lead.is_empty());
        assert_eq!(s.responsible[1], "区政数局等有关部门");
    }

    #[test]
    fn a_deadline_label_may_hold_spaces() {
        let s = labelled("责任单位:省政府办公厅; 完 成时限:6 月底").unwrap_or_default();
        assert_eq!(s.responsible, ["省政府办公厅"]);
        assert_eq!(s.deadline.as_deref(), Some("6 月底"));
    }

    #[test]
    fn sentences_are_not_unit_lines() {
        for line in [
            "加强窗口服务,为市场主体提供更加精准、便捷的政策咨询。",
            "重点任务",
            "2020年",
            "各驻区机构要指定内设机构为本机关的公开工作机构,并配齐配强工作力量。",
        ] {
            assert_eq!(unit_line(line), None, "{line}");
        }
    }

    trait OrDefault {
        fn unwrap_or_default_for_test(self) -> (usize, UnitStatement);
    }
    impl OrDefault for Option<(usize, UnitStatement)> {
        fn unwrap_or_default_for_test(self) -> (usize, UnitStatement) {
            self.unwrap_or((0, UnitStatement::default()))
        }
    }
}
