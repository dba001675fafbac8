//! Classifiers for single lines of a page: doc numbers, dates, signatures, titles and
//! portal chrome. All work on `char`s, never on byte offsets, so any text is safe.

use chrono::NaiveDate;

/// The characters of `line` without any white space (ASCII, NBSP, U+3000…).
pub(super) fn compact(line: &str) -> String {
    line.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Trims white space (including NBSP and U+3000) and stray separators around a value.
pub(super) fn trim_value(value: &str) -> &str {
    value.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '丨' | '｜' | ':' | '：'))
}

/// A CJK unified ideograph (basic block or extension A).
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

/// A line that is nothing but a 发文字号: issuer characters, a bracketed four-digit year,
/// a serial number and 号, as in `渝中府办〔2022〕24号`. A local check only; the domain
/// crate owns the full grammar.
pub(super) fn is_doc_number(line: &str) -> bool {
    let chars: Vec<char> = compact(line).chars().collect();
    let prefix = chars.iter().take_while(|&&c| is_cjk(c)).count();
    if !(1..=20).contains(&prefix) {
        return false;
    }
    let rest = chars.get(prefix..).unwrap_or_default();
    let [open, y1, y2, y3, y4, close, tail @ ..] = rest else {
        return false;
    };
    let year_ok = [y1, y2, y3, y4].iter().all(|&&c| ascii_digit(c).is_some());
    let brackets_ok = "〔[［【(（﹝".contains(*open) && "〕]］】)）﹞".contains(*close);
    let [serial @ .., '号'] = tail else {
        return false;
    };
    year_ok
        && brackets_ok
        && (1..=6).contains(&serial.len())
        && serial.iter().all(|&c| ascii_digit(c).is_some())
}

/// The first date written in `text`: `2020-09-15`, `2020/9/15`, `2020.09.15` or
/// `2020年9月15日`, white space ignored (`2019年 8 月6日`); only real dates count.
pub(super) fn find_date(text: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|start| date_at(&chars, start).map(|(date, _)| date))
}

/// A date starting exactly at `start`, with the number of chars it spans.
fn date_at(chars: &[char], start: usize) -> Option<(NaiveDate, usize)> {
    if start > 0 && chars.get(start - 1).and_then(|&c| ascii_digit(c)).is_some() {
        return None;
    }
    let mut at = start;
    let year = number(chars, &mut at, 4, 4)?;
    skip_spaces(chars, &mut at);
    let separator = *chars.get(at)?;
    let (second, third) = match separator {
        '-' | '/' | '.' => (separator, separator),
        '年' => ('月', '日'),
        _ => return None,
    };
    at += 1;
    skip_spaces(chars, &mut at);
    let month = number(chars, &mut at, 1, 2)?;
    skip_spaces(chars, &mut at);
    if *chars.get(at)? != second {
        return None;
    }
    at += 1;
    skip_spaces(chars, &mut at);
    let day = number(chars, &mut at, 1, 2)?;
    if separator == '年' {
        let mut after = at;
        skip_spaces(chars, &mut after);
        if chars.get(after) == Some(&third) {
            at = after + 1;
        }
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some((date, at - start))
}

/// Steps over white space inside a date (`2019年 8 月6日`), never over a line break.
fn skip_spaces(chars: &[char], at: &mut usize) {
    while chars
        .get(*at)
        .is_some_and(|&c| c.is_whitespace() && c != '\n')
    {
        *at += 1;
    }
}

fn number(chars: &[char], at: &mut usize, min: usize, max: usize) -> Option<u32> {
    let mut value = 0u32;
    let mut count = 0;
    while count < max {
        let Some(digit) = chars.get(*at).and_then(|&c| ascii_digit(c)) else {
            break;
        };
        value = value * 10 + digit;
        count += 1;
        *at += 1;
    }
    if count < min || chars.get(*at).and_then(|&c| ascii_digit(c)).is_some() {
        return None;
    }
    Some(value)
}

/// A line that is only a date, as under a signature: `2020年9月15日`, `2019年 8 月6日`,
/// `二〇二〇年九月十五日` or `2020-09-15`.
pub(super) fn standalone_date(line: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = compact(line).chars().collect();
    if chars.len() > 16 {
        return None;
    }
    match date_at(&chars, 0) {
        Some((date, length)) if length == chars.len() => Some(date),
        Some(_) => None,
        None => chinese_date(&chars),
    }
}

/// `二〇二〇年九月十五日`: a year digit by digit, month and day in Chinese numerals.
fn chinese_date(chars: &[char]) -> Option<NaiveDate> {
    let text: String = chars.iter().collect();
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let year_digits: Option<Vec<u32>> = year.chars().map(chinese_digit).collect();
    let year_digits = year_digits.filter(|d| d.len() == 4)?;
    let year = year_digits.iter().fold(0u32, |acc, d| acc * 10 + d);
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        chinese_small_number(month)?,
        chinese_small_number(day)?,
    )
}

fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or_else(|| matches!(c, '零' | '○' | 'Ｏ' | 'O' | '0').then_some(0))
        .and_then(|p| u32::try_from(p).ok())
}

/// 1 to 39 written as 五, 十, 十五, 二十, 二十一, 三十一.
fn chinese_small_number(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [d] if *d != '十' => chinese_digit(*d).filter(|&v| v > 0),
        ['十'] => Some(10),
        ['十', d] => chinese_digit(*d).map(|v| 10 + v),
        [t, '十'] => chinese_digit(*t).filter(|&v| v > 0).map(|v| v * 10),
        [t, '十', d] => Some(chinese_digit(*t)? * 10 + chinese_digit(*d)?),
        _ => None,
    }
}

/// Endings of an organisation's name, as in a signature or a 版头 issuer line.
const ORG_SUFFIXES: &[&str] = &[
    "办公室",
    "办公厅",
    "人民政府",
    "政府",
    "委员会",
    "管委会",
    "办事处",
    "人民代表大会",
    "领导小组",
    "指挥部",
    "中心",
    "公司",
    "集团",
    "协会",
    "联合会",
    "局",
    "厅",
    "委",
    "部",
    "办",
    "院",
    "处",
    "署",
    "司",
    "所",
    "站",
    "队",
    "会",
    "室",
];

/// A short line that names an organisation (`重庆市渝中区人民政府办公室`), as a signature
/// above a date or as the issuer in a document head.
pub(super) fn is_signature_like(line: &str) -> bool {
    let text = compact(line);
    let length = text.chars().count();
    (2..=40).contains(&length)
        && text.chars().all(|c| is_cjk(c) || "（）()、".contains(c))
        && !text.contains("关于")
        && !text.contains("通知")
        && ORG_SUFFIXES.iter().any(|suffix| text.ends_with(suffix))
}

/// Portal chrome: breadcrumbs, login links, menu bullets, share and print links.
pub(super) fn is_chrome(line: &str) -> bool {
    let text = compact(line);
    if text.is_empty() {
        return false;
    }
    const MARKERS: &[&str] = &[
        "当前位置",
        "您的位置",
        "所在位置",
        "首页>",
        "首页»",
        "首页→",
        "扫一扫",
        "网站地图",
        "打印本页",
        "关闭窗口",
        "收藏本页",
        "分享到",
        "返回顶部",
        "无障碍",
        "长者模式",
    ];
    let login = text.contains("登录") && text.contains("注册");
    let bullet = text.starts_with(['•', '·', '●', '■', '►', '»']);
    let no_cjk = !text.chars().any(is_cjk);
    login || bullet || no_cjk || MARKERS.iter().any(|m| text.contains(m))
}

/// Words a document title ends with (after any trailing parenthesis like （试行）).
const TITLE_ENDINGS: &[&str] = &[
    "通知", "通报", "意见", "办法", "方案", "规定", "决定", "要点", "报告", "批复", "函", "公告",
    "通告", "细则", "规划", "计划", "条例", "规则", "纲要", "决议", "命令", "纪要", "指引", "指南",
    "标准", "清单", "目录", "措施", "制度", "安排", "分工", "说明", "答复", "章程", "解读", "公报",
    "令",
];

/// Whether `text` ends like the title of a document (`…的通知`, `…办法（试行）`).
pub(super) fn ends_like_title(text: &str) -> bool {
    let mut text = compact(text);
    if text.ends_with(['）', ')'])
        && let Some(open) = text.rfind(['（', '('])
    {
        text.truncate(open);
    }
    TITLE_ENDINGS.iter().any(|ending| text.ends_with(ending))
}

/// A line that could be a document title: short, mostly Chinese, not a sentence, not a
/// salutation, not chrome, not a doc number, date or signature.
pub(super) fn is_title_like(line: &str) -> bool {
    let text = compact(line);
    let length = text.chars().count();
    (4..=100).contains(&length)
        && text.chars().filter(|&c| is_cjk(c)).count() >= 4
        && !text.ends_with([':', '：', '，', ',', '；', ';', '、'])
        && !text.contains('。')
        && !text.starts_with(['（', '(', '〔', '['])
        && !is_chrome(line)
        && !is_doc_number(line)
        && find_date(&text).is_none_or(|_| length > 16)
        && !is_signature_like(line)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn doc_numbers_are_recognised_only_as_whole_lines() {
        for yes in [
            "渝中府办〔2022〕24号",
            "渝两江管办发﹝2020﹞74号",
            " 国办发[2020]17号 ",
            "赣府厅字（2022）45号",
        ] {
            assert!(is_doc_number(yes), "{yes}");
        }
        for no in [
            "（国办发〔2022〕8号）",
            "按照国办发〔2022〕8号要求",
            "渝中府办〔22〕24号",
            "渝中府办〔2022〕24",
            "〔2022〕24号",
            "渝中府办〔2022〕号",
            "",
        ] {
            assert!(!is_doc_number(no), "{no}");
        }
    }

    #[test]
    fn dates_are_found_in_the_usual_forms() {
        let cases = [
            ("2019-08-08 00:00", Some(date(2019, 8, 8))),
            ("发布于 2020/7/6", Some(date(2020, 7, 6))),
            ("2020.09.15", Some(date(2020, 9, 15))),
            ("2019年 8 月6日", Some(date(2019, 8, 6))),
            ("2020-02-30", None),
            ("12020-01-01", None),
            ("2020年9-15", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(find_date(text), expected, "{text}");
        }
    }

    #[test]
    fn standalone_dates_include_chinese_numerals() {
        assert_eq!(standalone_date("2020年9月15日   "), Some(date(2020, 9, 15)));
        assert_eq!(standalone_date("  2019年 8 月6日"), Some(date(2019, 8, 6)));
        assert_eq!(
            standalone_date("二〇二〇年九月十五日"),
            Some(date(2020, 9, 15))
        );
        assert_eq!(
            standalone_date("二〇二二年十二月三十一日"),
            Some(date(2022, 12, 31))
        );
        assert_eq!(standalone_date("二〇二二年二十月一日"), None);
        assert_eq!(standalone_date("2020年9月15日前完成"), None);
    }

    #[test]
    fn signatures_titles_and_chrome_are_told_apart() {
        assert!(is_signature_like("重庆市渝中区人民政府办公室"));
        assert!(is_signature_like("              德庆县人民政府办公室"));
        assert!(!is_signature_like(
            "重庆两江新区管理委员会办公室关于印发通知"
        ));
        assert!(is_title_like("2022年红谷滩区政务公开工作要点"));
        assert!(is_title_like("关于开展政务公开“六提六促”专项行动的通知"));
        assert!(!is_title_like("各部门、江北公司,各派驻单位:"));
        assert!(!is_title_like("2020年9月15日"));
        assert!(!is_title_like("  • #"));
        assert!(is_chrome("登 录 注 册"));
        assert!(is_chrome("您当前的位置: 首页> 政务公开"));
        assert!(ends_like_title("任务分工的通知"));
        assert!(ends_like_title("管理办法（试行）"));
        assert!(!ends_like_title("各部门"));
    }
}
