//! Digits scraped from web pages that lost their 年 or 月, split back into a date
//! only when exactly one split is valid.

use chrono::NaiveDate;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scraped_digits_are_recovered_only_when_unambiguous() {
        assert_eq!(recover_digits("202011", false), Some((0, 2020, 11, 0)));
        assert_eq!(recover_digits("2020610", true), Some((0, 2020, 6, 10)));
        assert_eq!(recover_digits("220201030", true), Some((1, 2020, 10, 30)));
        assert_eq!(recover_digits("2020111", true), None);
        assert_eq!(recover_digits("12345", true), None);
    }
}
