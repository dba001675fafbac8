//! Dates as the calendar reads them: the strict `YYYY-MM-DD` form of every date it
//! accepts, and the weekend that holds unless a notice says otherwise.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::{Error, Result};

/// Parses a date in strict `YYYY-MM-DD` form (surrounding whitespace is ignored).
///
/// `2024-2-3` and `2024-02-30` are both rejected with [`Error::InvalidDate`].
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let input = s.trim();
    let invalid = || Error::InvalidDate {
        input: input.to_string(),
    };
    if !has_iso_date_shape(input) {
        return Err(invalid());
    }
    let year = input.get(0..4).and_then(|f| f.parse::<i32>().ok());
    let month = input.get(5..7).and_then(|f| f.parse::<u32>().ok());
    let day = input.get(8..10).and_then(|f| f.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(invalid());
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(invalid)
}

/// True if `s` is exactly four digits, a dash, two digits, a dash and two digits.
fn has_iso_date_shape(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// True for Saturday and Sunday.
pub(super) fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn parse_date_is_strict() {
        assert_eq!(
            parse_date(" 2024-02-29 ").unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        for bad in [
            "2024-02-30",
            "2023-02-29",
            "2024-2-3",
            "2024/02/03",
            "20240203",
            "",
            "２０２４-02-03",
        ] {
            let error = parse_date(bad).unwrap_err();
            assert_eq!(
                error,
                Error::InvalidDate {
                    input: bad.trim().to_string()
                }
            );
        }
        assert!(
            parse_date("2024-02-30")
                .unwrap_err()
                .to_string()
                .contains("2024-02-30")
        );
    }
}
