//! 居民身份证号码: the 18-character number of GB 11643-1999 and the 15-digit number
//! issued before 1999.
//!
//! Owns what makes a digit string an identity number: a province code in use, a real
//! birth date, and (18 characters) the check character of GB 11643-1999 §8.2
//! (ISO 7064 MOD 11-2).

use chrono::NaiveDate;

/// First two digits of the 行政区划代码 of every province in use (GB/T 2260), and 81/82/83
/// for the 港澳台居民居住证 that carry the same number layout.
const PROVINCES: [u8; 34] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 81, 82, 83,
];

/// GB 11643-1999 §8.2: weights of positions 1..=17.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// GB 11643-1999 §8.2: the check character for each value of the weighted sum mod 11.
const CHECK: [u8; 11] = *b"10X98765432";

/// Whether `number` is a valid 18-character 居民身份证号码: 17 digits, a real birth
/// date, and the check character (upper- or lower-case `X` accepted). Surrounding
/// whitespace is ignored; full-width digits are not accepted.
pub fn is_valid_id_number(number: &str) -> bool {
    let upper = number.trim().to_ascii_uppercase();
    birth_date_of_id18(upper.as_bytes()).is_some()
}

/// The birth date of a valid 18-character number (ASCII digits, upper-case `X`), or
/// `None` when the province, the date or the check character is wrong.
pub fn birth_date_of_id18(number: &[u8]) -> Option<NaiveDate> {
    let birth = id18_structure(number)?;
    (number[17] == check_char(&number[..17])).then_some(birth)
}

/// The birth date of 18 characters laid out as an identity number (17 digits, a known
/// province, a real date), whatever the check character.
pub(crate) fn id18_structure(number: &[u8]) -> Option<NaiveDate> {
    if number.len() != 18 || !number[..17].iter().all(u8::is_ascii_digit) || !known_province(number)
    {
        return None;
    }
    date_of(&number[6..10], &number[10..12], &number[12..14])
}

/// The birth date of a valid 15-digit number (region, YYMMDD of the 1900s, 3-digit
/// sequence), or `None`.
pub fn birth_date_of_id15(number: &[u8]) -> Option<NaiveDate> {
    if number.len() != 15 || !number.iter().all(u8::is_ascii_digit) || !known_province(number) {
        return None;
    }
    date_of(
        &[b'1', b'9', number[6], number[7]],
        &number[8..10],
        &number[10..12],
    )
}

/// The 18-character number whose first 17 digits are `first17`, with its GB 11643
/// check character; `None` unless `first17` is 17 ASCII digits. For making test and
/// benchmark data: the result is valid only with a real region and birth date.
pub fn with_check_char(first17: &str) -> Option<String> {
    let digits = first17.as_bytes();
    if digits.len() != 17 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(format!("{first17}{}", check_char(digits) as char))
}

/// The check character of the first 17 digits.
fn check_char(first17: &[u8]) -> u8 {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    CHECK[(sum % 11) as usize]
}

fn known_province(number: &[u8]) -> bool {
    PROVINCES.contains(&((number[0] - b'0') * 10 + (number[1] - b'0')))
}

/// The date of ASCII-digit year, month and day fields, when it exists.
fn date_of(year: &[u8], month: &[u8], day: &[u8]) -> Option<NaiveDate> {
    let value = |field: &[u8]| {
        field.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(value(year)?).ok()?;
    NaiveDate::from_ymd_opt(year, value(month)?, value(day)?)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A valid 18-character number for a region and a birth date, with its check character.
    pub(crate) fn id18(region: &str, birth: &str, sequence: &str) -> String {
        with_check_char(&format!("{region}{birth}{sequence}")).unwrap_or_default()
    }

    #[test]
    fn the_check_character_is_added_only_to_seventeen_digits() {
        assert_eq!(
            with_check_char("11010519491231002").as_deref(),
            Some("11010519491231002X")
        );
        assert_eq!(with_check_char("1101051949123100"), None);
        assert_eq!(with_check_char("1101051949123100A"), None);
    }

    #[test]
    fn identity_numbers_need_a_real_birth_date_and_the_check_character() {
        // The example number of GB 11643-1999.
        assert!(is_valid_id_number("11010519491231002X"));
        assert!(is_valid_id_number("11010519491231002x"));
        assert!(!is_valid_id_number("110105194912310021"), "wrong check");
        assert!(!is_valid_id_number("110105194902300028"), "30 February");
        assert!(!is_valid_id_number("1101051949123100"), "too short");
        assert!(!is_valid_id_number("11010519491231002X0"));
        assert!(
            !is_valid_id_number("１１０１０５１９４９１２３１００２X"),
            "full width"
        );
    }

    #[test]
    fn generated_numbers_pass_and_every_wrong_check_character_fails() {
        for (region, birth) in [
            ("500103", "19850612"),
            ("440305", "20000229"),
            ("650102", "19011231"),
        ] {
            let good = id18(region, birth, "123");
            assert_eq!(
                birth_date_of_id18(good.as_bytes()).map(|d| d.format("%Y%m%d").to_string()),
                Some(birth.to_string())
            );
            for wrong in b"0123456789X".iter().filter(|c| **c != good.as_bytes()[17]) {
                let mut bad = good.clone().into_bytes();
                bad[17] = *wrong;
                assert_eq!(
                    birth_date_of_id18(&bad),
                    None,
                    "{}",
                    String::from_utf8_lossy(&bad)
                );
            }
        }
    }

    #[test]
    fn impossible_dates_and_unknown_provinces_fail() {
        assert_eq!(
            birth_date_of_id18(id18("500103", "19850230", "123").as_bytes()),
            None
        );
        assert_eq!(
            birth_date_of_id18(id18("500103", "19011301", "123").as_bytes()),
            None
        );
        assert_eq!(
            birth_date_of_id18(id18("500103", "19990229", "123").as_bytes()),
            None
        );
        assert_eq!(
            birth_date_of_id18(id18("990103", "19850612", "123").as_bytes()),
            None
        );
        assert_eq!(
            birth_date_of_id18(id18("000000", "19850612", "123").as_bytes()),
            None
        );
    }

    #[test]
    fn fifteen_digit_numbers_are_of_the_1900s() {
        let date = birth_date_of_id15(b"110105491231002").map(|d| d.to_string());
        assert_eq!(date.as_deref(), Some("1949-12-31"));
        assert_eq!(birth_date_of_id15(b"110105490230002"), None, "30 February");
        assert_eq!(
            birth_date_of_id15(b"990105491231002"),
            None,
            "no such province"
        );
        assert_eq!(birth_date_of_id15(b"11010549123100"), None, "14 digits");
    }
}
