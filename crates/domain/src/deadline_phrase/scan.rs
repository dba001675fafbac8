//! Every date expression of a text, in order: written dates, scraped digit runs,
//! month phrases (底, 旬, a day) and the relative deadlines (年底, 上半年, 第N季度).

use chrono::{Datelike, NaiveDate};

use super::chars::{ascii_digit, end_of_char, index_after, is_digit, skip_spaces};
use super::recover::recover_digits;

/// A date found in a text: where it ends (byte offset) and the day it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) date: NaiveDate,
    /// Followed by 前, 底, 末, 旬 or 完成: a deadline, not merely a date.
    pub(super) deadline_like: bool,
}

/// Every date expression of a text, in order.
pub(super) fn scan(text: &str, plan_year: Option<i32>) -> Vec<Found> {
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
