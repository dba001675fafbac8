//! Which digit groups of a run are a person's number, and what the text around them
//! says against it.
//!
//! A run is tried window by window, longest first, so that `序号 1 110105 19491231 002X`
//! still yields the identity number and `13812345678 13912345678` yields two mobiles.
//! Only the layouts people write are accepted for split numbers (`6-8-4`, `6-4-4-4`,
//! `3-4-4`, groups of four); a window is dropped when its neighbours make it an amount,
//! an ordinal or a labelled code (索引号, 统一社会信用代码, 邮政编码…).

use std::ops::Range;

use chrono::NaiveDate;

use super::kind::Kind;
use super::number::{Group, Run};
use super::{card, id_number, mobile};
use crate::credit_code::CreditCode;

/// Most groups a number is written in (a 19-digit card as 4-4-4-4-3).
const MAX_GROUPS: usize = 5;

/// Characters after a number that make it an amount or a count.
const UNITS_AFTER: [char; 12] = [
    '元', '万', '亿', '%', '％', '‰', '千', '百', '余', '多', '倍', '次',
];

/// Characters before a number that make it an amount or an ordinal.
const MARKS_BEFORE: [char; 5] = ['¥', '￥', '$', '第', '№'];

/// Labels of codes that share the shape of a person's number.
const CODE_LABELS: [&str; 10] = [
    "索引号",
    "信用代码",
    "机构代码",
    "识别号",
    "税号",
    "注册号",
    "邮编",
    "邮政编码",
    "文号",
    "登记号",
];

/// How far before a number a label may stand, in characters (`索引号：` + spaces).
const LABEL_REACH: usize = 8;

/// A number found in a run: kind, normalised value and byte span in the text.
pub(crate) struct Hit {
    pub kind: Kind,
    pub value: String,
    pub span: Range<usize>,
}

/// The numbers of persons in one run of `text`.
pub(crate) fn hits(text: &str, run: &Run, today: NaiveDate) -> Vec<Hit> {
    let groups = &run.groups;
    let mut out = Vec::new();
    let mut i = 0;
    while i < groups.len() {
        let longest = groups.len().min(i + MAX_GROUPS);
        let found = (i + 1..=longest).rev().find_map(|j| {
            let touches_glue = (i == 0 && run.glued_left) || (j == groups.len() && run.glued_right);
            let (kind, value) = (!touches_glue).then(|| classify(&groups[i..j], today))??;
            let span = groups[i].span.start..groups[j - 1].span.end;
            plausible_here(text, &span).then_some((j, Hit { kind, value, span }))
        });
        match found {
            Some((j, hit)) => {
                out.push(hit);
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// The kind and normalised value of digit groups written together, if any.
fn classify(groups: &[Group], today: NaiveDate) -> Option<(Kind, String)> {
    let lengths: Vec<usize> = groups.iter().map(|g| g.digits.len()).collect();
    let digits: String = groups.iter().map(|g| g.digits.as_str()).collect();
    let id18_layout = matches!(lengths.as_slice(), [18] | [6, 8, 4] | [6, 4, 4, 4]);
    if id18_layout && id_number::birth_date_of_id18(digits.as_bytes()).is_some_and(|b| b <= today) {
        return Some((Kind::IdNumber, digits));
    }
    if digits.ends_with('X') {
        return None;
    }
    if matches!(lengths.as_slice(), [15] | [6, 6, 3])
        && id_number::birth_date_of_id15(digits.as_bytes()).is_some()
    {
        return Some((Kind::IdNumber, digits));
    }
    if mobile_layout(&lengths)
        && let Some(national) = mobile::national_part(&digits)
    {
        return Some((Kind::Mobile, national.to_string()));
    }
    (card_layout(&lengths) && card::is_card_number(&digits) && !looks_like_other_code(&digits))
        .then_some((Kind::BankCard, digits))
}

/// `13812345678`, `138 1234 5678`, `138-12345678`, each after an optional `86` or `0086`.
fn mobile_layout(lengths: &[usize]) -> bool {
    let national = match lengths {
        [2 | 4, rest @ ..] if rest.iter().sum::<usize>() == 11 => rest,
        [13 | 15] => return true,
        _ => lengths,
    };
    matches!(national, [11] | [3, 4, 4] | [3, 8])
}

/// One group, or groups of four with a last group of one to four.
fn card_layout(lengths: &[usize]) -> bool {
    match lengths {
        [_] => true,
        [head @ .., last] => head.iter().all(|l| *l == 4) && (1..=4).contains(last),
        [] => false,
    }
}

/// An 18-digit number laid out as an identity number (province and birth date) with a
/// wrong check digit, or a valid all-digit 统一社会信用代码, is not a card.
fn looks_like_other_code(digits: &str) -> bool {
    if digits.len() != 18 {
        return false;
    }
    id_number::id18_structure(digits.as_bytes()).is_some() || CreditCode::parse(digits).is_ok()
}

/// Whether the text around `span` lets a number stand as a person's.
fn plausible_here(text: &str, span: &Range<usize>) -> bool {
    let before = &text[..span.start];
    let after = text[span.end..].trim_start_matches([' ', '\u{3000}']);
    let unit_after = after
        .chars()
        .next()
        .is_some_and(|c| UNITS_AFTER.contains(&c));
    let mark_before = before
        .trim_end_matches([' ', '\u{3000}'])
        .chars()
        .next_back()
        .is_some_and(|c| MARKS_BEFORE.contains(&c));
    let reach_start = before
        .char_indices()
        .rev()
        .nth(LABEL_REACH + 4)
        .map_or(0, |(i, _)| i);
    let near = &before[reach_start..];
    let labelled = CODE_LABELS.iter().any(|label| {
        near.rfind(label)
            .is_some_and(|at| near[at + label.len()..].chars().count() <= LABEL_REACH)
    });
    !(unit_after || mark_before || labelled)
}
