//! Number runs: the digit groups of a text that a person's number may be written in.
//!
//! Owns how digits are read out of running text: ASCII and full-width digits; groups
//! joined by one or two separators (space, hyphen, no-break or ideographic space, dash)
//! as in `138 1234 5678` or `110105-19491231-002X`; a trailing `X` of an identity
//! number; and what the characters on either side of a run say about it (part of a
//! code, a decimal, an amount).

use std::ops::Range;

/// Digit groups written together, with what touches the run on either side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    /// The groups in order: ASCII digits, the last possibly ending in `X`.
    pub groups: Vec<Group>,
    /// The run is glued to a code or number on the left (a letter, `1.`, `1,`, `1/`).
    pub glued_left: bool,
    /// The run is glued to a code or number on the right (a letter, `.5`, `,000`, `/2020`).
    pub glued_right: bool,
}

/// One group of digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    /// ASCII digits, the last character possibly `X`.
    pub digits: String,
    /// Byte range of the group in the text.
    pub span: Range<usize>,
}

/// Longest separator between two groups, in characters (`138 - 1234`).
const MAX_SEPARATOR: usize = 3;

/// Every run of `text`, left to right.
pub(crate) fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(start) = next_digit(text, rest) {
        let run = read_run(text, start);
        rest = run.groups.last().map_or(text.len(), |g| g.span.end);
        out.push(run);
    }
    out
}

/// The value of an ASCII or full-width digit.
pub(crate) fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

fn next_digit(text: &str, from: usize) -> Option<usize> {
    text[from..]
        .char_indices()
        .find(|(_, c)| digit_value(*c).is_some())
        .map(|(i, _)| from + i)
}

fn read_run(text: &str, start: usize) -> Run {
    let mut groups = vec![read_group(text, start)];
    loop {
        let end = groups.last().map_or(start, |g| g.span.end);
        if groups.last().is_some_and(|g| g.digits.ends_with('X')) {
            break;
        }
        match separated_digit(text, end) {
            Some(next) => groups.push(read_group(text, next)),
            None => break,
        }
    }
    let end = groups.last().map_or(start, |g| g.span.end);
    // A thousands group is one group of three digits (`1,234,567`), never `100,159-0459`.
    let thousands_group = groups.len() == 1 && groups[0].digits.len() <= 3;
    Run {
        glued_left: glued_left(&text[..start], thousands_group),
        glued_right: glued_right(&text[end..], thousands_group),
        groups,
    }
}

/// A group from `start`: digits, then an `X` when no letter or digit follows it.
fn read_group(text: &str, start: usize) -> Group {
    let mut digits = String::new();
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(d) = digit_value(c) {
            digits.push(char::from(b'0' + d));
            end = start + i + c.len_utf8();
            continue;
        }
        let check_char = matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ');
        if check_char && !chars.peek().is_some_and(|(_, n)| is_word(*n)) {
            digits.push('X');
            end = start + i + c.len_utf8();
        }
        break;
    }
    Group {
        digits,
        span: start..end,
    }
}

/// Where the next group begins, when 1..=[`MAX_SEPARATOR`] separators and then a digit
/// follow `at`.
fn separated_digit(text: &str, at: usize) -> Option<usize> {
    for (seen, (i, c)) in text[at..].char_indices().enumerate() {
        if digit_value(c).is_some() {
            return (seen > 0).then_some(at + i);
        }
        if !is_separator(c) || seen == MAX_SEPARATOR {
            return None;
        }
    }
    None
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '-' | '\u{a0}' | '\u{3000}' | '－' | '‐' | '‑' | '‒' | '–' | '—'
    )
}

/// A character that makes digits part of a word or code.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c.is_ascii_digit() || digit_value(c).is_some()
}

/// What precedes a run makes it part of something else: a letter (`MA5U3`), a number
/// joined by a decimal point or a slash (`2020/01891`), or by a thousands comma when the
/// run can be a thousands group (`1,234`; `1,13812345678` is a list).
fn glued_left(before: &str, thousands_group: bool) -> bool {
    let mut back = before.chars().rev();
    match back.next() {
        Some(c) if is_word(c) => true,
        Some('.' | '/' | '．') => back.next().is_some_and(is_word),
        Some(',') => thousands_group && back.next().is_some_and(|c| digit_value(c).is_some()),
        _ => false,
    }
}

/// What follows a run makes it part of something else: a letter, a decimal part or a
/// slash with digits after it (`115000005567784755/2020-01891`), or a thousands group
/// of exactly three digits after a run that can be one (`12,345`; `13812345678,111`
/// is a list).
fn glued_right(after: &str, thousands_group: bool) -> bool {
    let mut ahead = after.chars();
    match ahead.next() {
        Some(c) if is_word(c) => true,
        Some('.' | '/' | '．') => ahead.next().is_some_and(|c| digit_value(c).is_some()),
        Some(',') => {
            let digits = ahead
                .clone()
                .take_while(|c| digit_value(*c).is_some())
                .count();
            thousands_group && digits == 3
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(text: &str) -> Vec<Vec<String>> {
        runs(text)
            .into_iter()
            .map(|r| r.groups.into_iter().map(|g| g.digits).collect())
            .collect()
    }

    #[test]
    fn groups_join_across_spaces_and_hyphens() {
        assert_eq!(groups("电话 138 1234 5678。"), [["138", "1234", "5678"]]);
        assert_eq!(
            groups("110105-19491231-002x号"),
            [["110105", "19491231", "002X"]]
        );
        assert_eq!(groups("１３８１２３４５６７８"), [["13812345678"]]);
        assert_eq!(groups("共 12 人，23 户"), [vec!["12"], vec!["23"]]);
        assert_eq!(groups("138 - 1234 - 5678"), [["138", "1234", "5678"]]);
        assert_eq!(groups("12    34"), [vec!["12"], vec!["34"]]);
    }

    #[test]
    fn spans_cover_the_digits_in_the_text() {
        let text = "号码１３８ 1234";
        let run = &runs(text)[0];
        assert_eq!(&text[run.groups[0].span.clone()], "１３８");
        assert_eq!(&text[run.groups[1].span.clone()], "1234");
    }

    #[test]
    fn codes_decimals_and_index_numbers_are_glued() {
        let glue = |text: &str| {
            runs(text)
                .into_iter()
                .map(|r| (r.glued_left, r.glued_right))
                .collect::<Vec<_>>()
        };
        assert_eq!(glue("MA5"), [(true, false)]);
        assert_eq!(glue("12.5"), [(false, true), (true, false)]);
        assert_eq!(glue("115000005567784755/2020-01891")[0], (false, true));
        assert_eq!(glue("1,234,567")[1], (true, true));
        assert_eq!(glue("1,13812345678,111.5")[1], (false, false));
        assert_eq!(glue("第12页."), [(false, false)]);
        assert_eq!(glue("01527918X-2020")[0], (false, false));
        assert_eq!(groups("1234Xa"), [["1234"]]);
    }
}
