//! Deadline phrases of work plans (工作时限) and the date they stand for.
//!
//! This module owns the rules of issue 4 for reading a deadline written in Chinese
//! against the plan's year: `2022年7月底前完成` → 2022-07-31; `2020年10月30日前` →
//! 2020-10-30; `9月底前` → the plan year's 09-30; `年底前` → 12-31; `上半年` → 06-30;
//! `第三季度` → 09-30; `10月上旬` / `中旬` / `下旬` → the 10th / 20th / last day;
//! `持续推进`, `长期坚持`, `长期推进`, `常态化`, `全年` → ongoing. With several dates in
//! one phrase the latest wins; a year written in the phrase wins over the plan's year.
//!
//! Texts scraped from web pages lost characters: `202011月底前` is 2020年11月底前 and
//! `2020610日` is 2020年6月10日. A run of digits is split into year, month and day only
//! when exactly one split gives a valid date ([`recover_digits`]); nothing is invented.
//! Every function accepts arbitrary text and never panics.

use chrono::{Datelike, NaiveDate};

/// Words that make a deadline continuing rather than dated.
const ONGOING_WORDS: [&str; 6] = [
    "持续推进",
    "长期坚持",
    "长期推进",
    "常态化",
    "全年",
    "持续开展",
];

/// What a deadline phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeadlineReading {
    /// The last day the deadline allows, when a year is known.
    pub date: Option<NaiveDate>,
    /// The phrase names a continuing task (持续推进…).
    pub ongoing: bool,
}

/// A date found in a text: where it ends (byte offset) and the day it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    start: usize,
    end: usize,
    date: NaiveDate,
    /// Followed by 前, 底, 末, 旬 or 完成: a deadline, not merely a date.
    deadline_like: bool,
}

/// Reads a deadline phrase (a deadline cell or label value) against the plan's year.
pub fn read(phrase: &str, plan_year: Option<i32>) -> DeadlineReading {
    let ongoing = ONGOING_WORDS.iter().any(|w| phrase.contains(w));
    let date = scan(phrase, plan_year).into_iter().map(|f| f.date).max();
    DeadlineReading { date, ongoing }
}

/// Whether a whole cell is a deadline statement (`6月底前`, `持续推进`, `2022年7月底前完成`).
pub fn is_deadline_cell(cell: &str) -> bool {
    let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() || compact.chars().count() > 30 || compact.contains('。') {
        return false;
    }
    if ONGOING_WORDS.iter().any(|w| compact.starts_with(w)) {
        return true;
    }
    let found = scan(&compact, Some(2000));
    found.first().is_some_and(|f| f.start == 0)
}

/// The latest deadline phrase inside a task's own text (`并于9月底前报办公室备案` →
/// `9月底前`): a date followed by 前, 底, 末, 旬 or 完成. A bare year is no deadline.
pub fn find_in_text(text: &str) -> Option<&str> {
    let found = scan(text, Some(2000))
        .into_iter()
        .filter(|f| f.deadline_like)
        .max_by_key(|f| (f.date, f.end))?;
    text.get(found.start..found.end)
}

/// Splits a scraped run of digits standing before `年`-less `月` or `日` into
/// (prefix length, year, month, day): `202011` before 月 → (0, 2020, 11, 0);
/// `2020610` before 日 → (0, 2020, 6, 10); `220201030` before 日 → (1, 2020, 10, 30),
/// the prefix being a lost item number. `None` unless exactly one split is valid.
pub fn recover_digits(run: &str, before_day: bool) -> Option<(usize, i32, u32, u32)> {
    if !run.bytes().all(|b| b.is_ascii_digit()) || run.len() < 5 {
        return None;
    }
    let mut valid = Vec::new();
    for prefix in 0..=2usize {
        let Some(rest) = run.get(prefix..) else {
            continue;
        };
        let Some(year) = rest.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
            continue;
        };
        if !(2000..=2099).contains(&year) {
            continue;
        }
        let tail = &rest[4..];
        for month_len in 1..=2usize {
            let (Some(m), Some(d)) = (tail.get(..month_len), tail.get(month_len..)) else {
                continue;
            };
            let Ok(month) = m.parse::<u32>() else {
                continue;
            };
            if before_day {
                let day = if (1..=2).contains(&d.len()) {
                    d.parse::<u32>().ok()
                } else {
                    None
                };
                if let Some(day) = day
                    && NaiveDate::from_ymd_opt(year, month, day).is_some()
                {
                    valid.push((prefix, year, month, day));
                }
            } else if d.is_empty() && (1..=12).contains(&month) {
                valid.push((prefix, year, month, 0));
            }
        }
    }
    match valid.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Every date expression of a text, in order.
fn scan(text: &str, plan_year: Option<i32>) -> Vec<Found> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    let mut year_here: Option<(usize, i32)> = None;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if let Some(next) = relative_at(text, pos, plan_year) {
            found.push(next);
            i = index_after(&chars, next.end);
            continue;
        }
        if !is_digit(c) {
            // A year stays in force only until a character other than a digit follows it.
            if c != '年' && !c.is_whitespace() {
                year_here = None;
            }
            i += 1;
            continue;
        }
        let run_end = (i..chars.len())
            .find(|&j| !is_digit(chars[j].1))
            .unwrap_or(chars.len());
        let run: String = chars[i..run_end]
            .iter()
            .map(|&(_, c)| ascii_digit(c))
            .collect();
        let after = skip_spaces(&chars, run_end);
        let unit = chars.get(after).map(|&(_, c)| c);
        let start = year_here.map_or(pos, |(s, _)| s);
        match unit {
            Some('年') if run.len() == 4 => {
                year_here = run.parse().ok().map(|y| (pos, y));
                // `2020年底前`: the year's last day.
                let end_of_year = chars
                    .get(after + 1)
                    .is_some_and(|&(_, c)| c == '底' || c == '末');
                if let (true, Some((_, year))) = (end_of_year, year_here)
                    && let Some(date) = last_day(year, 12)
                {
                    let (end, _) = suffix(text, end_of_char(&chars, after + 1));
                    found.push(Found {
                        start: pos,
                        end,
                        date,
                        deadline_like: true,
                    });
                    i = index_after(&chars, end);
                    year_here = None;
                    continue;
                }
                i = after + 1;
                continue;
            }
            Some('月') => {
                let (year, month) = match (run.len(), year_here) {
                    (1 | 2, Some((_, y))) => (Some(y), run.parse().ok()),
                    (1 | 2, None) => (plan_year, run.parse().ok()),
                    _ => match recover_digits(&run, false) {
                        Some((_, y, m, _)) => (Some(y), Some(m)),
                        None => (None, None),
                    },
                };
                if let (Some(year), Some(month)) = (year, month)
                    && let Some(f) = month_phrase(text, &chars, after + 1, year, month, start)
                {
                    found.push(f);
                    i = index_after(&chars, f.end);
                    year_here = None;
                    continue;
                }
            }
            Some('日' | '号') if run.len() >= 5 => {
                if let Some((_, y, m, d)) = recover_digits(&run, true)
                    && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
                {
                    let end = end_of_char(&chars, after);
                    let (end, deadline_like) = suffix(text, end);
                    found.push(Found {
                        start: pos,
                        end,
                        date,
                        deadline_like,
                    });
                    i = index_after(&chars, end);
                    continue;
                }
            }
            _ => {}
        }
        year_here = None;
        i = run_end;
    }
    found
}

/// Reads what follows `N月`: 底/末, 上旬/中旬/下旬, a day `D日`, or nothing (end of month).
fn month_phrase(
    text: &str,
    chars: &[(usize, char)],
    at: usize,
    year: i32,
    month: u32,
    start: usize,
) -> Option<Found> {
    let month_end = last_day(year, month)?;
    let at = skip_spaces(chars, at);
    let rest = chars.get(at).map_or("", |&(p, _)| &text[p..]);
    let rest_pos = chars.get(at).map_or(text.len(), |&(p, _)| p);
    let (day, used, marked) = if rest.starts_with('底') || rest.starts_with('末') {
        (month_end.day(), '底'.len_utf8(), true)
    } else if rest.starts_with("上旬") {
        (10, "上旬".len(), true)
    } else if rest.starts_with("中旬") {
        (20, "中旬".len(), true)
    } else if rest.starts_with("下旬") {
        (month_end.day(), "下旬".len(), true)
    } else if let Some((day, len)) = day_number(rest) {
        (day, len, false)
    } else {
        (month_end.day(), 0, false)
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let (end, deadline_like) = suffix(text, rest_pos + used);
    Some(Found {
        start,
        end,
        date,
        deadline_like: deadline_like || marked,
    })
}

/// `D日` or `D号` at the start of a text: the day and the bytes used.
fn day_number(rest: &str) -> Option<(u32, usize)> {
    let digits: String = rest
        .chars()
        .take_while(|c| is_digit(*c))
        .map(ascii_digit)
        .collect();
    let digits_len: usize = rest
        .chars()
        .take_while(|c| is_digit(*c))
        .map(char::len_utf8)
        .sum();
    let unit = rest[digits_len..].chars().next()?;
    if digits.is_empty() || digits.len() > 2 || !matches!(unit, '日' | '号') {
        return None;
    }
    Some((digits.parse().ok()?, digits_len + unit.len_utf8()))
}

/// Extends a phrase over a following 前/之前/以前/完成/底前 and says whether it had one.
fn suffix(text: &str, end: usize) -> (usize, bool) {
    let rest = text.get(end..).unwrap_or("");
    for word in ["之前", "以前", "前完成", "前", "完成", "底前", "底"] {
        if rest.starts_with(word) {
            return (end + word.len(), true);
        }
    }
    (end, false)
}

/// Deadlines without digits at a position: 年底/年末, 上半年/下半年, 第N季度.
fn relative_at(text: &str, pos: usize, plan_year: Option<i32>) -> Option<Found> {
    let rest = &text[pos..];
    let (month, len, marked) = if rest.starts_with("年底") || rest.starts_with("年末") {
        (12, "年底".len(), true)
    } else if rest.starts_with("上半年") {
        (6, "上半年".len(), false)
    } else if rest.starts_with("下半年") {
        (12, "下半年".len(), false)
    } else {
        let tail = rest.strip_prefix('第').unwrap_or(rest);
        let quarter = match tail.chars().next()? {
            '一' | '1' => 3,
            '二' | '2' => 6,
            '三' | '3' => 9,
            '四' | '4' => 12,
            _ => return None,
        };
        let after = &tail[tail.chars().next()?.len_utf8()..];
        if !after.starts_with("季度") {
            return None;
        }
        (quarter, rest.len() - after.len() + "季度".len(), false)
    };
    // A digit just before 年底 is a year, handled by the caller's year scan.
    if pos > 0 && text[..pos].chars().next_back().is_some_and(is_digit) {
        return None;
    }
    let year = plan_year?;
    let date = last_day(year, month)?;
    let (end, suffixed) = suffix(text, pos + len);
    Some(Found {
        start: pos,
        end,
        date,
        deadline_like: marked || suffixed,
    })
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn ascii_digit(c: char) -> char {
    if ('０'..='９').contains(&c) {
        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0')
    } else {
        c
    }
}

fn skip_spaces(chars: &[(usize, char)], mut i: usize) -> usize {
    while chars
        .get(i)
        .is_some_and(|&(_, c)| c == ' ' || c == '\u{3000}')
    {
        i += 1;
    }
    i
}

fn end_of_char(chars: &[(usize, char)], i: usize) -> usize {
    chars.get(i).map_or(0, |&(p, c)| p + c.len_utf8())
}

fn index_after(chars: &[(usize, char)], byte: usize) -> usize {
    chars
        .iter()
        .position(|&(p, _)| p >= byte)
        .unwrap_or(chars.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn the_issue_rules_read_as_listed() {
        let cases = [
            ("2022年7月底前完成", Some("2022-07-31"), false),
            ("2020年10月30日前", Some("2020-10-30"), false),
            ("9月底前", Some("2021-09-30"), false),
            ("年底前", Some("2021-12-31"), false),
            ("上半年", Some("2021-06-30"), false),
            ("第三季度", Some("2021-09-30"), false),
            ("10月上旬", Some("2021-10-10"), false),
            ("10月中旬", Some("2021-10-20"), false),
            ("2月下旬", Some("2021-02-28"), false),
            ("6 月底", Some("2021-06-30"), false),
            ("持续推进", None, true),
            ("长期坚持", None, true),
            ("常态化", None, true),
            ("全年", None, true),
            ("2022年7月底前完成,并持续推进", Some("2022-07-31"), true),
            ("202011月底前", Some("2020-11-30"), false),
            ("2020610日", Some("2020-06-10"), false),
        ];
        for (phrase, expected, ongoing) in cases {
            let reading = read(phrase, Some(2021));
            assert_eq!(reading.date, expected.and_then(date), "{phrase}");
            assert_eq!(reading.ongoing, ongoing, "{phrase}");
        }
    }

    #[test]
    fn without_a_plan_year_only_written_years_give_dates() {
        assert_eq!(read("9月底前", None).date, None);
        assert_eq!(read("2023年9月底前", None).date, date("2023-09-30"));
    }

    #[test]
    fn deadlines_in_task_text_need_a_deadline_word() {
        assert_eq!(
            find_in_text("各部门要依法确定负责人,并于9月底前报办公室备案。"),
            Some("9月底前")
        );
        assert_eq!(find_in_text("推进2022年北京冬奥会信息公开"), None);
        assert_eq!(find_in_text("年底前基本实现全覆盖"), Some("年底前"));
        assert_eq!(find_in_text("2020年底前全面建成平台"), Some("2020年底前"));
        assert_eq!(
            find_in_text("6月底前完成梳理,12月底前全部公开"),
            Some("12月底前")
        );
        assert_eq!(
            find_in_text("220201030日前,编制完成"),
            Some("220201030日前")
        );
    }

    #[test]
    fn scraped_digits_are_recovered_only_when_unambiguous() {
        assert_eq!(recover_digits("202011", false), Some((0, 2020, 11, 0)));
        assert_eq!(recover_digits("2020610", true), Some((0, 2020, 6, 10)));
        assert_eq!(recover_digits("220201030", true), Some((1, 2020, 10, 30)));
        assert_eq!(recover_digits("2020111", true), None);
        assert_eq!(recover_digits("12345", true), None);
    }

    #[test]
    fn cells_are_recognised_as_deadlines() {
        for cell in [
            "6月底前",
            "持续推进",
            "2022年12月底前完成,并持续推进",
            "年底前",
        ] {
            assert!(is_deadline_cell(cell), "{cell}");
        }
        for cell in [
            "区政府办公室",
            "2022年,全区行政规范性文件解读率达到90%以上。",
            "",
        ] {
            assert!(!is_deadline_cell(cell), "{cell}");
        }
    }

    #[test]
    fn arbitrary_text_does_not_panic() {
        for text in [
            "年",
            "月底",
            "9999999999月",
            "２０２２年１月底",
            "第",
            "第五季度",
            "1月32日前",
        ] {
            let _ = read(text, Some(2022));
            let _ = find_in_text(text);
            let _ = is_deadline_cell(text);
        }
    }
}
