//! The unified social credit code (统一社会信用代码) of GB 32100-2015.
//!
//! Owns the validation of the 18-character code: its alphabet (digits and upper-case letters
//! except I, O, S, V, Z) and its check character (GB 32100-2015 §5, modulus 31).

use std::fmt;
use std::str::FromStr;

use crate::{Error, Result};

/// GB 32100-2015 Table 1: the 31 code characters, in order of their value 0..=30.
const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// GB 32100-2015 §5: weights of positions 1..=17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Length of a code in characters.
const LENGTH: usize = 18;

/// A unified social credit code, valid by construction (stored upper-case).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CreditCode(String);

impl CreditCode {
    /// Parses a code: surrounding whitespace is ignored and letters are upper-cased.
    pub fn parse(s: &str) -> Result<CreditCode> {
        let code = s.trim().to_uppercase();
        let invalid = |reason: String| Error::InvalidCreditCode {
            input: code.clone(),
            reason,
        };
        let values = char_values(&code).map_err(invalid)?;
        let expected = check_value(&values[..LENGTH - 1]);
        let found = values[LENGTH - 1];
        if expected != found {
            return Err(invalid(format!(
                "校验位应为 {}，实际为 {}",
                char_of(expected),
                char_of(found)
            )));
        }
        Ok(CreditCode(code))
    }

    /// The code, upper-case.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The value of every character, checking the length and the alphabet.
fn char_values(code: &str) -> std::result::Result<Vec<u32>, String> {
    let length = code.chars().count();
    if length != LENGTH {
        return Err(format!("长度应为 {LENGTH} 位，实际为 {length} 位"));
    }
    code.chars()
        .map(|c| value_of(c).ok_or_else(|| format!("含非法字符“{c}”")))
        .collect()
}

fn value_of(c: char) -> Option<u32> {
    CHARSET
        .chars()
        .position(|x| x == c)
        .and_then(|i| u32::try_from(i).ok())
}

fn char_of(value: u32) -> char {
    CHARSET.chars().nth(value as usize).unwrap_or('?')
}

/// GB 32100-2015 §5: C18 = 31 − (Σ Ci·Wi mod 31), where 31 becomes 0.
fn check_value(values: &[u32]) -> u32 {
    let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    (31 - sum % 31) % 31
}

impl fmt::Display for CreditCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for CreditCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<CreditCode> {
        CreditCode::parse(s)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    /// Independent reference: completes 17 characters with their check character.
    fn with_check_char(first17: &str) -> String {
        let alphabet: Vec<char> = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars().collect();
        let weights = [
            1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
        ];
        let mut sum = 0;
        for (i, c) in first17.chars().enumerate() {
            let value = alphabet.iter().position(|a| *a == c).unwrap();
            sum += value * weights[i];
        }
        let mut check = 31 - sum % 31;
        if check == 31 {
            check = 0;
        }
        format!("{first17}{}", alphabet[check])
    }

    fn reason(s: &str) -> String {
        match CreditCode::parse(s) {
            Err(Error::InvalidCreditCode { reason, .. }) => reason,
            other => panic!("expected InvalidCreditCode, got {other:?}"),
        }
    }

    #[test]
    fn accepts_real_codes() {
        // Index-number prefix of a Chongqing government portal page (check char 5 verified).
        assert_eq!(
            CreditCode::parse("115000005567784755").unwrap().as_str(),
            "115000005567784755"
        );
        // Widely cited sample (check char 3 verified by computation).
        assert!(CreditCode::parse("91350100M000100Y43").is_ok());
    }

    #[test]
    fn accepts_constructed_codes() {
        for first17 in [
            "11500000MB1573040",
            "91110000600037341",
            "12100000400000999",
            "5131000050000000Y",
        ] {
            assert_eq!(first17.len(), 17);
            let code = with_check_char(first17);
            assert_eq!(CreditCode::parse(&code).unwrap().to_string(), code);
        }
    }

    #[test]
    fn check_character_zero_case() {
        // Find a prefix whose check value is 31 → 0 and make sure it is accepted.
        let code = (0..10_000)
            .map(|i| with_check_char(&format!("9111000000000{i:04}")))
            .find(|code| code.ends_with('0'))
            .unwrap();
        assert!(CreditCode::parse(&code).is_ok(), "{code}");
    }

    #[test]
    fn lowercase_and_whitespace_are_accepted() {
        let code: CreditCode = " 91350100m000100y43 ".parse().unwrap();
        assert_eq!(code.as_str(), "91350100M000100Y43");
    }

    #[test]
    fn wrong_check_character_names_expected_and_found() {
        assert_eq!(reason("115000005567784756"), "校验位应为 5，实际为 6");
        let error = CreditCode::parse("115000005567784756").unwrap_err();
        assert_eq!(error.code(), "invalid_credit_code");
        assert!(error.to_string().contains("115000005567784756"));
    }

    #[test]
    fn letters_outside_the_alphabet_are_rejected() {
        for bad in ['I', 'O', 'Z', 'S', 'V'] {
            let code = format!("9135010{bad}M000100Y43");
            assert_eq!(reason(&code), format!("含非法字符“{bad}”"), "{code}");
        }
        assert_eq!(reason("91350100M000100Y4!"), "含非法字符“!”");
    }

    #[test]
    fn wrong_length_is_rejected() {
        assert_eq!(reason("91350100M000100Y4"), "长度应为 18 位，实际为 17 位");
        assert_eq!(
            reason("91350100M000100Y433"),
            "长度应为 18 位，实际为 19 位"
        );
        assert_eq!(reason(""), "长度应为 18 位，实际为 0 位");
    }
}
