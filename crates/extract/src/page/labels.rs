//! Label/value pairs of a portal page's metadata block.
//!
//! Two notations are recognised:
//!
//! - bracketed, as `[ 索引号 ] 115000005567784755/2020-01891 [ 发文字号 ] …`, with `[ ]`,
//!   `【】` or `［］`, with or without spaces, several pairs on a line;
//! - colon, as `来源:德庆县政府门户网   发布时间:2019-08-08 00:00`, ASCII or full-width
//!   colon, pairs run together; a value ends at the next label or at 2+ spaces.

use super::lines::{compact, is_cjk, trim_value};

/// The metadata field a label stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    IndexNumber,
    DocNumber,
    Topic,
    Genre,
    Issuer,
    Validity,
    WrittenOn,
    PublishedOn,
    Title,
    /// A label that only ends the value before it (点击数, 编辑, 字体…).
    Other,
}

/// Known labels, compared without white space. Longer labels that contain shorter ones
/// (`信息来源` / `来源`) are found first because matching tries the longest label first.
const LABELS: &[(&str, Field)] = &[
    ("索引号", Field::IndexNumber),
    ("发文字号", Field::DocNumber),
    ("发文号", Field::DocNumber),
    ("文号", Field::DocNumber),
    ("主题分类", Field::Topic),
    ("体裁分类", Field::Genre),
    ("发布机构", Field::Issuer),
    ("发文机关", Field::Issuer),
    ("发文机构", Field::Issuer),
    ("发文单位", Field::Issuer),
    ("发布单位", Field::Issuer),
    ("信息来源", Field::Issuer),
    ("文章来源", Field::Issuer),
    ("来源", Field::Issuer),
    ("有效性", Field::Validity),
    ("成文日期", Field::WrittenOn),
    ("成文时间", Field::WrittenOn),
    ("发布日期", Field::PublishedOn),
    ("发布时间", Field::PublishedOn),
    ("公开日期", Field::PublishedOn),
    ("标题", Field::Title),
    ("文件名称", Field::Title),
    ("名称", Field::Title),
    ("点击数", Field::Other),
    ("点击量", Field::Other),
    ("阅读次数", Field::Other),
    ("阅读数", Field::Other),
    ("浏览次数", Field::Other),
    ("访问次数", Field::Other),
    ("访问量", Field::Other),
    ("责任编辑", Field::Other),
    ("编辑", Field::Other),
    ("作者", Field::Other),
    ("字体", Field::Other),
    ("字号", Field::Other),
    ("主题词", Field::Other),
    ("关键词", Field::Other),
    ("分享到", Field::Other),
    ("打印", Field::Other),
];

/// Lines longer than this (in chars) are never metadata; this also bounds the work done
/// on hostile input.
const MAX_LINE_CHARS: usize = 500;

fn field_of(label: &str) -> Option<Field> {
    LABELS.iter().find(|(l, _)| *l == label).map(|&(_, f)| f)
}

/// The label/value pairs of a metadata line, or `None` when the line is not one: it
/// must hold a known field (not only [`Field::Other`]), and a colon line must start with
/// its label.
pub(super) fn pairs(line: &str) -> Option<Vec<(Field, String)>> {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() > MAX_LINE_CHARS {
        return None;
    }
    let found = bracketed(&chars).or_else(|| coloned(&chars))?;
    found
        .iter()
        .any(|(field, _)| *field != Field::Other)
        .then_some(found)
}

/// A label occurrence: where it starts, where its value starts, which field.
struct Mark {
    start: usize,
    value_start: usize,
    field: Field,
}

fn bracketed(chars: &[char]) -> Option<Vec<(Field, String)>> {
    let mut marks = Vec::new();
    let mut any_label = false;
    let mut at = 0;
    while at < chars.len() {
        let close = match chars.get(at) {
            Some('[') => ']',
            Some('【') => '】',
            Some('［') => '］',
            _ => {
                at += 1;
                continue;
            }
        };
        let end = (at + 1..chars.len().min(at + 16)).find(|&i| chars.get(i) == Some(&close));
        let Some(end) = end else {
            at += 1;
            continue;
        };
        let inner: String = chars.get(at + 1..end).unwrap_or_default().iter().collect();
        let key = compact(&inner);
        let key = key.trim_end_matches([':', '：']);
        let key_length = key.chars().count();
        // Any short all-Chinese bracket is a label boundary (so an unknown label ends
        // the value before it); `[2020]` inside a doc number is not.
        if (2..=8).contains(&key_length) && key.chars().all(is_cjk) {
            let field = field_of(key);
            any_label |= field.is_some_and(|f| f != Field::Other);
            marks.push(Mark {
                start: at,
                value_start: end + 1,
                field: field.unwrap_or(Field::Other),
            });
            at = end + 1;
        } else {
            at += 1;
        }
    }
    any_label.then(|| values(chars, &marks, false))
}

fn coloned(chars: &[char]) -> Option<Vec<(Field, String)>> {
    let first = chars.iter().position(|c| !c.is_whitespace())?;
    let mut marks: Vec<Mark> = Vec::new();
    let mut at = first;
    while at < chars.len() {
        match label_at(chars, at) {
            Some(mark) => {
                at = mark.value_start;
                marks.push(mark);
            }
            None if marks.is_empty() => return None,
            None => at += 1,
        }
    }
    Some(values(chars, &marks, true))
}

/// A label followed by a colon at `at`; the label's chars may be spaced out (`索 引 号：`).
fn label_at(chars: &[char], at: usize) -> Option<Mark> {
    let mut best: Option<Mark> = None;
    for &(label, field) in LABELS {
        let mut i = at;
        let mut matched = true;
        for (n, expected) in label.chars().enumerate() {
            if n > 0 {
                while chars
                    .get(i)
                    .is_some_and(|c| matches!(c, ' ' | '\u{3000}' | '\u{a0}'))
                {
                    i += 1;
                }
            }
            if chars.get(i) != Some(&expected) {
                matched = false;
                break;
            }
            i += 1;
        }
        if !matched {
            continue;
        }
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        if !matches!(chars.get(i), Some(':' | '：')) {
            continue;
        }
        if best.as_ref().is_none_or(|b| i + 1 > b.value_start) {
            best = Some(Mark {
                start: at,
                value_start: i + 1,
                field,
            });
        }
    }
    best
}

/// The value of each mark: up to the next mark, and for colon lines also up to the
/// first run of two or more white-space chars.
fn values(chars: &[char], marks: &[Mark], stop_at_gap: bool) -> Vec<(Field, String)> {
    let mut out = Vec::with_capacity(marks.len());
    for (n, mark) in marks.iter().enumerate() {
        let end = marks.get(n + 1).map_or(chars.len(), |next| next.start);
        let mut raw = chars.get(mark.value_start..end).unwrap_or_default();
        if stop_at_gap {
            let lead = raw.iter().take_while(|c| c.is_whitespace()).count();
            let body = raw.get(lead..).unwrap_or_default();
            let gap = body
                .windows(2)
                .position(|w| w.iter().all(|c| c.is_whitespace()));
            if let Some(gap) = gap {
                raw = body.get(..gap).unwrap_or_default();
            }
        }
        let text: String = raw.iter().collect();
        out.push((mark.field, trim_value(&text).to_owned()));
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn s(field: Field, value: &str) -> (Field, String) {
        (field, value.to_owned())
    }

    #[test]
    fn bracketed_pairs_in_any_bracket_style() {
        let line = "[ 索引号 ] 115000005567784755/2020-01891 [ 发文字号 ] 渝两江管办发﹝2020﹞74号";
        assert_eq!(
            pairs(line).unwrap(),
            vec![
                s(Field::IndexNumber, "115000005567784755/2020-01891"),
                s(Field::DocNumber, "渝两江管办发﹝2020﹞74号"),
            ]
        );
        assert_eq!(
            pairs("【有效性】有效【成文日期】：2020-09-15").unwrap(),
            vec![
                s(Field::Validity, "有效"),
                s(Field::WrittenOn, "2020-09-15")
            ]
        );
        assert_eq!(
            pairs("［发文字号］国办发[2020]17号［名 称］一个标题").unwrap(),
            vec![
                s(Field::DocNumber, "国办发[2020]17号"),
                s(Field::Title, "一个标题")
            ]
        );
        assert_eq!(pairs("[ 发布机构 ]").unwrap(), vec![s(Field::Issuer, "")]);
    }

    #[test]
    fn colon_pairs_end_at_the_next_label_or_a_gap() {
        let line = "来源:德庆县政府门户网\u{a0}\u{a0}\u{a0}发布时间:2019-08-08 00:00\u{a0}\u{a0}\u{a0}点击数:79";
        assert_eq!(
            pairs(line).unwrap(),
            vec![
                s(Field::Issuer, "德庆县政府门户网"),
                s(Field::PublishedOn, "2019-08-08 00:00"),
                s(Field::Other, "79"),
            ]
        );
        let line = "发布时间:2020-07-06 08:50信息来源: 省江北产业集中区阅读次数:编辑:综合管理部 字体:【\u{a0} ";
        let found = pairs(line).unwrap();
        assert_eq!(
            found.get(..2).unwrap(),
            [
                s(Field::PublishedOn, "2020-07-06 08:50"),
                s(Field::Issuer, "省江北产业集中区"),
            ]
        );
        assert_eq!(
            pairs("索 引 号：000014349/2020-00012").unwrap(),
            vec![s(Field::IndexNumber, "000014349/2020-00012")]
        );
    }

    #[test]
    fn ordinary_lines_are_not_metadata() {
        for line in [
            "",
            "各街道办事处,委机关各部门,各驻区机构:",
            "根据来源:不明的消息",
            "[2020] 不是标签",
            "点击数:79",
            "【责任单位】",
        ] {
            assert_eq!(pairs(line), None, "{line}");
        }
    }
}
