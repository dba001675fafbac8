//! 索引号 (index number): the catalogue number of a document in the 公开目录.
//!
//! This module owns what may be stored as an index number and how the library numbers a
//! document it catalogues. No single national format exists (metadata.md §5.2: 9-digit
//! organisation codes, 18-character 统一社会信用代码, free-text prefixes, hyphens or slashes),
//! so an imported number is kept as an opaque string and only checked for being a sane,
//! printable catalogue key. 条例 Art. 12 requires the 公开目录 to carry an 索引.

use std::fmt;
use std::str::FromStr;

use crate::{Error, Result};

/// Longest index number accepted, in characters; the longest format seen (上海 备案) has 21.
pub const MAX_CHARS: usize = 64;

/// Punctuation seen in index numbers besides ASCII letters and digits (metadata.md §5.2).
const PUNCTUATION: [char; 4] = ['-', '/', '_', '.'];

/// An index number, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IndexNumber(String);

impl IndexNumber {
    /// Validates an imported index number: surrounding whitespace is trimmed; it must then
    /// have 1..=[`MAX_CHARS`] characters, all ASCII letters, digits or `- / _ .`.
    /// Every format of metadata.md §5.2 passes (000014349/2018-00222,
    /// 11341702486344515H/202110-00013, 01527918X-2020-153077, xzfgzbmzfb/2021-3740 …).
    ///
    /// Fails with [`Error::InvalidIndexNumber`] naming the reason.
    pub fn parse(s: &str) -> Result<IndexNumber> {
        let input = s.trim();
        check(input).map_err(|reason| Error::InvalidIndexNumber {
            input: input.to_string(),
            reason,
        })?;
        Ok(IndexNumber(input.to_string()))
    }

    /// The number a document gets when it enters the library (先入库，后公开):
    /// `{prefix}/{year}-{serial:05}`, the most common national pattern (metadata.md §5.2),
    /// e.g. `115000005567784755/2020-01891`.
    ///
    /// `prefix` is the issuer's 统一社会信用代码 or another catalogue code; it must itself be
    /// a valid index number without `/`. The year must have 4 digits and the serial start
    /// at 1; a serial above 99999 simply gets more digits.
    pub fn generate(prefix: &str, year: i32, serial: u32) -> Result<IndexNumber> {
        let invalid = |reason: &str| Error::InvalidIndexNumber {
            input: format!("{prefix}/{year}-{serial:05}"),
            reason: reason.to_string(),
        };
        let prefix = prefix.trim();
        if let Err(reason) = check(prefix) {
            return Err(invalid(&format!("前缀{reason}")));
        }
        if prefix.contains('/') {
            return Err(invalid("前缀不能含“/”"));
        }
        if !(1000..=9999).contains(&year) {
            return Err(invalid("年份应为 4 位数字"));
        }
        if serial == 0 {
            return Err(invalid("流水号应从 1 开始"));
        }
        IndexNumber::parse(&format!("{prefix}/{year}-{serial:05}"))
    }

    /// The number as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks a trimmed candidate; the error is the reason in Chinese.
fn check(s: &str) -> std::result::Result<(), String> {
    if s.is_empty() {
        return Err("为空".to_string());
    }
    let length = s.chars().count();
    if length > MAX_CHARS {
        return Err(format!(
            "长度不能超过 {MAX_CHARS} 个字符，实际为 {length} 个"
        ));
    }
    if let Some(c) = s.chars().find(|c| c.is_whitespace()) {
        return Err(format!("不能含空白字符“{}”", c.escape_unicode()));
    }
    match s
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && !PUNCTUATION.contains(c))
    {
        Some(c) => Err(format!("含非法字符“{c}”（只能用字母、数字和 - / _ .）")),
        None => Ok(()),
    }
}

impl fmt::Display for IndexNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for IndexNumber {
    type Err = Error;

    fn from_str(s: &str) -> Result<IndexNumber> {
        IndexNumber::parse(s)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn reason(result: Result<IndexNumber>) -> String {
        match result {
            Err(Error::InvalidIndexNumber { reason, .. }) => reason,
            other => panic!("expected InvalidIndexNumber, got {other:?}"),
        }
    }

    #[test]
    fn every_format_of_metadata_is_accepted_as_is() {
        let cases = [
            "000014349/2018-00222",
            "035210000/2025-00016",
            "014416330/2018-04736",
            "0142768-8/2022-00185",
            "113708280043326001/2024-02411",
            "11341702486344515H/202110-00013",
            "11620622013933539B/2021-03844",
            "01527918X-2020-153077",
            "xzfgzbmzfb/2021-3740",
            "hedongquhd0108/2021-0000202",
            "sggzyjyzx/2024-00002",
            "115000005567784755/2020-01891",
            "SY012345678020200001",
            "a.b_c",
        ];
        for input in cases {
            let number = IndexNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(number.as_str(), input);
            assert_eq!(number.to_string(), input);
        }
    }

    #[test]
    fn surrounding_whitespace_is_trimmed() {
        let number: IndexNumber = " 000014349/2018-00222\u{3000}".parse().unwrap();
        assert_eq!(number.as_str(), "000014349/2018-00222");
    }

    #[test]
    fn invalid_numbers_name_the_reason() {
        let too_long = "1".repeat(65);
        let cases = [
            ("", "为空".to_string()),
            ("  ", "为空".to_string()),
            (
                too_long.as_str(),
                "长度不能超过 64 个字符，实际为 65 个".to_string(),
            ),
            (
                "000014349/ 2018-00222",
                "不能含空白字符“\\u{20}”".to_string(),
            ),
            (
                "000014349／2018-00222",
                "含非法字符“／”（只能用字母、数字和 - / _ .）".to_string(),
            ),
            (
                "渝中区/2018-00222",
                "含非法字符“渝”（只能用字母、数字和 - / _ .）".to_string(),
            ),
            (
                "000014349#2018",
                "含非法字符“#”（只能用字母、数字和 - / _ .）".to_string(),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(
                reason(IndexNumber::parse(input)),
                expected,
                "input {input:?}"
            );
        }
        assert!(IndexNumber::parse(&"1".repeat(64)).is_ok());
        let error = IndexNumber::parse("a b").unwrap_err();
        assert_eq!(error.code(), "invalid_index_number");
        assert!(
            error.to_string().starts_with("索引号无效：a b："),
            "{error}"
        );
    }

    #[test]
    fn generated_numbers_follow_code_slash_year_dash_serial() {
        let cases = [
            (
                "115000005567784755",
                2020,
                1891,
                "115000005567784755/2020-01891",
            ),
            ("000014349", 2018, 222, "000014349/2018-00222"),
            (" 0142768-8 ", 2022, 185, "0142768-8/2022-00185"),
            ("xzfgzbmzfb", 2021, 1, "xzfgzbmzfb/2021-00001"),
            (
                "115000005567784755",
                2024,
                123_456,
                "115000005567784755/2024-123456",
            ),
        ];
        for (prefix, year, serial, expected) in cases {
            let number = IndexNumber::generate(prefix, year, serial).unwrap();
            assert_eq!(number.as_str(), expected, "{prefix} {year} {serial}");
            assert_eq!(IndexNumber::parse(expected).unwrap(), number);
        }
    }

    #[test]
    fn generation_rejects_bad_prefixes_years_and_serials() {
        let cases = [
            ("", 2020, 1, "前缀为空"),
            ("115000/005", 2020, 1, "前缀不能含“/”"),
            (
                "渝中区",
                2020,
                1,
                "前缀含非法字符“渝”（只能用字母、数字和 - / _ .）",
            ),
            ("115000005567784755", 999, 1, "年份应为 4 位数字"),
            ("115000005567784755", 10000, 1, "年份应为 4 位数字"),
            ("115000005567784755", 2020, 0, "流水号应从 1 开始"),
        ];
        for (prefix, year, serial, expected) in cases {
            assert_eq!(
                reason(IndexNumber::generate(prefix, year, serial)),
                expected,
                "{prefix:?} {year} {serial}"
            );
        }
        let too_long = "1".repeat(60);
        assert_eq!(
            reason(IndexNumber::generate(&too_long, 2020, 1)),
            "长度不能超过 64 个字符，实际为 71 个"
        );
    }
}
