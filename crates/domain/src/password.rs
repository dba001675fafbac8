//! The password policy of staff accounts.
//!
//! Owns the rule of 网络安全等级保护 (等保) as adopted by the project: at least 10 characters,
//! drawn from at least 3 of the 4 classes upper-case letter, lower-case letter, digit, other.

use crate::{Error, Result};

/// Minimum length in characters (not bytes).
const MIN_CHARS: usize = 10;
/// Minimum number of character classes.
const MIN_CLASSES: usize = 3;

/// The class of a character for the policy; anything not an ASCII letter or digit (including
/// punctuation, spaces and non-ASCII characters) counts as "other".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharClass {
    Upper,
    Lower,
    Digit,
    Other,
}

fn class_of(c: char) -> CharClass {
    if c.is_ascii_uppercase() {
        CharClass::Upper
    } else if c.is_ascii_lowercase() {
        CharClass::Lower
    } else if c.is_ascii_digit() {
        CharClass::Digit
    } else {
        CharClass::Other
    }
}

fn class_count(password: &str) -> usize {
    let mut seen: Vec<CharClass> = Vec::with_capacity(4);
    for class in password.chars().map(class_of) {
        if !seen.contains(&class) {
            seen.push(class);
        }
    }
    seen.len()
}

/// Checks a new password against the policy.
pub fn check_password_policy(password: &str) -> Result<()> {
    if password.chars().count() < MIN_CHARS {
        return Err(Error::WeakPassword {
            reason: format!("密码至少需要 {MIN_CHARS} 个字符"),
        });
    }
    if class_count(password) < MIN_CLASSES {
        return Err(Error::WeakPassword {
            reason: "密码需包含大写字母、小写字母、数字、符号中的至少三类".to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn reason(password: &str) -> String {
        match check_password_policy(password) {
            Err(Error::WeakPassword { reason }) => reason,
            other => panic!("expected WeakPassword, got {other:?}"),
        }
    }

    #[test]
    fn accepts_ten_characters_of_three_classes() {
        assert!(check_password_policy("Abcdefgh12").is_ok());
        assert!(check_password_policy("abcdefgh1!").is_ok());
        assert!(check_password_policy("ABCDEFG1!x").is_ok());
    }

    #[test]
    fn rejects_short_passwords() {
        assert_eq!(reason("Abc1!xyz9"), "密码至少需要 10 个字符");
        assert_eq!(reason(""), "密码至少需要 10 个字符");
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // Five Chinese characters are 15 bytes but only 5 characters.
        assert_eq!(reason("密码Ab1"), "密码至少需要 10 个字符");
        assert!(check_password_policy("政务公开Ab12cd").is_ok());
    }

    #[test]
    fn rejects_two_classes() {
        let expected = "密码需包含大写字母、小写字母、数字、符号中的至少三类";
        assert_eq!(reason("abcdefghij12"), expected);
        assert_eq!(reason("ABCDEFGHIJ!!"), expected);
        assert_eq!(reason("1234567890"), expected);
    }

    #[test]
    fn error_code_and_display() {
        let error = check_password_policy("short").unwrap_err();
        assert_eq!(error.code(), "weak_password");
        assert!(error.to_string().contains("10 个字符"));
    }
}
