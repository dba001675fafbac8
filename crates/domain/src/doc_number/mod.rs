//! 发文字号 (doc number): 发文机关代字 + 年份 + 发文顺序号 (中办发〔2012〕14号 Art. 9).
//!
//! This module owns the parsing of a doc number as found in imported metadata and in running
//! text, and its canonical form of GB/T 9704-2012 §7.2.5: the full year in 六角括号 〔〕, the
//! serial without 第 and without leading zeros (不编虚位), followed by 号. Orders (令) carry
//! no year and keep their 第: 国务院令第711号 (metadata.md §5.3).
//!
//! * `scan` (private) classifies characters and reads what follows the issuer code;
//! * `find` (private) picks doc numbers out of running text, conservatively.

mod find;
mod scan;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use crate::{Error, Result};
use scan::Tail;

/// Earliest year accepted: the People's Republic was founded in 1949, so no document of a
/// current organ is older.
pub const MIN_YEAR: i32 = 1949;

/// Latest year accepted; a later year is a typing error.
pub const MAX_YEAR: i32 = 2100;

/// Longest issuer code accepted, in characters. Real 机关代字 are short (国办发, 渝两江管办发,
/// 穗公积金规字); the longest order series, 中华人民共和国主席令, has 10.
pub const MAX_ISSUER_CHARS: usize = 12;

/// A doc number, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocNumber {
    issuer_code: String,
    year: Option<i32>,
    serial: u32,
}

impl DocNumber {
    /// Tolerant parse of one doc number.
    ///
    /// Accepted variants seen in the wild (metadata.md §5.3): the year in any of 〔〕 ﹝﹞ []
    /// () （） 【】 ［］ 〖〗, also mismatched; whitespace anywhere (ASCII, U+3000, NBSP);
    /// full-width digits; a serial with leading zeros or a 第 before it; a missing final 号.
    /// A number without a year is accepted only for orders, whose issuer code ends with 令
    /// (国务院令第711号, 公安部令第162号).
    ///
    /// Fails with [`Error::InvalidDocNumber`] naming the reason: empty input, no issuer code,
    /// an issuer code that is not a run of at most [`MAX_ISSUER_CHARS`] Chinese characters, a
    /// year that is not 4 digits between [`MIN_YEAR`] and [`MAX_YEAR`], no serial, serial 0,
    /// or anything after the 号.
    pub fn parse(s: &str) -> Result<DocNumber> {
        let invalid = |reason: &str| Error::InvalidDocNumber {
            input: s.trim().to_string(),
            reason: reason.to_string(),
        };
        let compact: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(invalid("为空"));
        }
        let (issuer, rest) = compact.split_at(scan::issuer_end(&compact));
        let issuer_code = validate_issuer(issuer).map_err(invalid)?;
        let tail = scan::tail(rest).map_err(invalid)?;
        if tail.end != rest.len() {
            return Err(invalid("顺序号后有多余字符"));
        }
        DocNumber::from_parts(issuer_code, &tail).map_err(invalid)
    }

    /// The issuer code (发文机关代字), e.g. 渝中府办; for orders it ends with 令 (国务院令).
    pub fn issuer_code(&self) -> &str {
        &self.issuer_code
    }

    /// The year, `None` for orders.
    pub fn year(&self) -> Option<i32> {
        self.year
    }

    /// The serial (发文顺序号), at least 1.
    pub fn serial(&self) -> u32 {
        self.serial
    }

    /// Canonical form for display and exact matching (GB/T 9704-2012 §7.2.5):
    /// 渝中府办〔2022〕24号; orders: 国务院令第711号.
    pub fn normalized(&self) -> String {
        match self.year {
            Some(year) => format!("{}〔{year}〕{}号", self.issuer_code, self.serial),
            None => format!("{}第{}号", self.issuer_code, self.serial),
        }
    }

    /// Builds a doc number from a validated issuer code and the scanned rest.
    fn from_parts(
        issuer_code: String,
        tail: &Tail,
    ) -> std::result::Result<DocNumber, &'static str> {
        let year = match &tail.year {
            Some(digits) => Some(parse_year(digits)?),
            None if issuer_code.ends_with('令') => None,
            None => return Err("缺少年份（只有令可不标年份）"),
        };
        let serial = parse_serial(&tail.serial)?;
        Ok(DocNumber {
            issuer_code,
            year,
            serial,
        })
    }
}

/// Checks an issuer code: 1..=[`MAX_ISSUER_CHARS`] Chinese characters, nothing else.
fn validate_issuer(issuer: &[char]) -> std::result::Result<String, &'static str> {
    if issuer.is_empty() {
        return Err("缺少机关代字");
    }
    if !issuer.iter().all(|c| scan::is_han(*c)) {
        return Err("机关代字只能由汉字组成");
    }
    if issuer.len() > MAX_ISSUER_CHARS {
        return Err("机关代字过长");
    }
    Ok(issuer.iter().collect())
}

/// GB/T 9704-2012 §7.2.5: the year is written in full, 4 digits.
fn parse_year(digits: &str) -> std::result::Result<i32, &'static str> {
    if digits.len() != 4 {
        return Err("年份应为 4 位数字");
    }
    match digits.parse::<i32>() {
        Ok(year) if (MIN_YEAR..=MAX_YEAR).contains(&year) => Ok(year),
        _ => Err("年份应在 1949 至 2100 之间"),
    }
}

/// The serial, leading zeros dropped (不编虚位); numbering starts at 1.
fn parse_serial(digits: &str) -> std::result::Result<u32, &'static str> {
    match digits.parse::<u32>() {
        Ok(0) => Err("顺序号不能为 0"),
        Ok(serial) => Ok(serial),
        Err(_) => Err("顺序号过大"),
    }
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.normalized())
    }
}

impl FromStr for DocNumber {
    type Err = Error;

    fn from_str(s: &str) -> Result<DocNumber> {
        DocNumber::parse(s)
    }
}
