//! Heading and item markers: 一、 / （一） / 1. or 1、 / （1） / ①.
//!
//! This module owns reading the ordinal at the start of a line and its level. Level 1
//! is 一、, 2 is （一）, 3 is 1. / 1、 / 1．, 4 is （1）, 5 is ①. A number glued to the
//! text (`7将政务舆情…`, a scraped `7.`) is level 3 unless what follows makes it a
//! quantity (`3个工作日`) or a date (`2020年`).

/// The marker at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    /// 1 (一、) to 5 (①).
    pub level: u8,
    /// The ordinal as written, without punctuation: `"一"`, `"1"`.
    pub number: String,
    /// Byte offset where the text after the marker starts.
    pub rest: usize,
}

use gongkai_domain::deadline_phrase;

const CHINESE_DIGITS: &str = "一二三四五六七八九十";
/// Characters after a bare number that make it a quantity or date, not an ordinal.
const QUANTITY: &str =
    "年月日号个项次天%％万亿元家名人件条类批期届周岁小时分位级点倍米公里亩户座所台部处";

/// Reads the marker at the start of `line` (leading spaces ignored).
pub(crate) fn marker(line: &str) -> Option<Marker> {
    let start = line.len() - line.trim_start_matches([' ', '\u{3000}', '\t']).len();
    let text = &line[start..];
    let first = text.chars().next()?;
    let m = if first == '(' || first == '（' {
        bracketed(text)?
    } else if CHINESE_DIGITS.contains(first) {
        chinese(text)?
    } else if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        arabic(text)?
    } else if ('①'..='⑳').contains(&first) {
        Marker {
            level: 5,
            number: ((first as u32 - '①' as u32) + 1).to_string(),
            rest: first.len_utf8(),
        }
    } else {
        return None;
    };
    Some(Marker {
        rest: m.rest + start,
        ..m
    })
}

fn chinese(text: &str) -> Option<Marker> {
    let number: String = text
        .chars()
        .take_while(|c| CHINESE_DIGITS.contains(*c))
        .collect();
    let after = &text[number.len()..];
    let sep = after.chars().next()?;
    if !matches!(sep, '、' | '，' | ',' | '.' | '．') || number.chars().count() > 3 {
        return None;
    }
    Some(Marker {
        level: 1,
        rest: number.len() + sep.len_utf8(),
        number,
    })
}

fn bracketed(text: &str) -> Option<Marker> {
    let open = text.chars().next()?;
    let inner = &text[open.len_utf8()..];
    let number: String = inner
        .chars()
        .take_while(|c| !matches!(c, ')' | '）'))
        .take(4)
        .collect();
    let close = inner[number.len()..].chars().next()?;
    if !matches!(close, ')' | '）') || number.is_empty() {
        return None;
    }
    let level = if number.chars().all(|c| CHINESE_DIGITS.contains(c)) {
        2
    } else if number
        .chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        4
    } else {
        return None;
    };
    let rest = open.len_utf8() + number.len() + close.len_utf8();
    Some(Marker {
        level,
        number: ascii(&number),
        rest,
    })
}

fn arabic(text: &str) -> Option<Marker> {
    let digits: String = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .collect();
    let after = &text[digits.len()..];
    let next = after.chars().next()?;
    let number = ascii(&digits);
    if matches!(next, '.' | '．' | '、') {
        // `1.5亿` is a quantity, `1.` an ordinal.
        let digits_after = after[next.len_utf8()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        if (1..4).contains(&digits_after) || digits.chars().count() > 3 {
            return None;
        }
        return Some(Marker {
            level: 3,
            number,
            rest: digits.len() + next.len_utf8(),
        });
    }
    if matches!(next, '日' | '月')
        && let Some((prefix, ..)) = deadline_phrase::recover_digits(&number, next == '日')
        && prefix > 0
    {
        // `220201030日前`: item 2 whose `.` and `年` were lost.
        return Some(Marker {
            level: 3,
            number: number[..prefix].to_owned(),
            rest: prefix,
        });
    }
    if digits.chars().count() > 2 || QUANTITY.contains(next) || !is_cjk(next) {
        return None;
    }
    Some(Marker {
        level: 3,
        number,
        rest: digits.len(),
    })
}

fn ascii(s: &str) -> String {
    s.chars()
        .map(|c| {
            if ('０'..='９').contains(&c) {
                char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_give_level_and_number() {
        let cases = [
            ("一、总体要求", Some((1, "一"))),
            ("十二、其他", Some((1, "十二"))),
            ("(一)强化", Some((2, "一"))),
            ("（三）提升", Some((2, "三"))),
            ("1.对照法律", Some((3, "1"))),
            ("4、加大", Some((3, "4"))),
            ("12. 完善", Some((3, "12"))),
            ("7将政务舆情", Some((3, "7"))),
            ("（1）公开", Some((4, "1"))),
            ("②做好", Some((5, "2"))),
            ("2020年是", None),
            ("1.202011月底前", Some((3, "1"))),
            ("220201030日前,编制", Some((3, "2"))),
            ("3个工作日内", None),
            ("1.5亿元", None),
            ("各街道", None),
            ("(此件公开发布)", None),
        ];
        for (line, expected) in cases {
            let got = marker(line).map(|m| (m.level, m.number));
            assert_eq!(got, expected.map(|(l, n)| (l, n.to_owned())), "{line}");
        }
    }
}
