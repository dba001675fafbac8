//! Mainland mobile numbers (手机号码): 11 digits in a range the 工业和信息化部 numbering
//! plan gives to mobile networks, optionally after the country code 86 or 0086.

/// Second and third digits in use for mobile networks (13x, 14[5-9], 15x, 16[2567],
/// 17[0-8], 18x, 19x).
fn mobile_range(second: u8, third: u8) -> bool {
    match second {
        b'3' | b'5' | b'8' | b'9' => true,
        b'4' => (b'5'..=b'9').contains(&third),
        b'6' => matches!(third, b'2' | b'5' | b'6' | b'7'),
        b'7' => (b'0'..=b'8').contains(&third),
        _ => false,
    }
}

/// Whether 11 ASCII digits form a mobile number.
pub(crate) fn is_mobile_number(digits: &str) -> bool {
    let b = digits.as_bytes();
    b.len() == 11 && b[0] == b'1' && b.iter().all(u8::is_ascii_digit) && mobile_range(b[1], b[2])
}

/// The mobile number in digits written with the country code (`8613812345678`,
/// `008613812345678`), or in plain digits.
pub(crate) fn national_part(digits: &str) -> Option<&str> {
    let national = digits
        .strip_prefix("0086")
        .or_else(|| digits.strip_prefix("86"))
        .filter(|rest| rest.len() == 11)
        .unwrap_or(digits);
    is_mobile_number(national).then_some(national)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_ranges() {
        for n in [
            "13812345678",
            "14712345678",
            "15012345678",
            "16612345678",
            "17712345678",
            "18912345678",
            "19912345678",
        ] {
            assert!(is_mobile_number(n), "{n}");
        }
        for n in [
            "12812345678",
            "11012345678",
            "14012345678",
            "16012345678",
            "17912345678",
            "1381234567",
            "138123456789",
        ] {
            assert!(!is_mobile_number(n), "{n}");
        }
    }

    #[test]
    fn country_codes_are_stripped() {
        assert_eq!(national_part("8613812345678"), Some("13812345678"));
        assert_eq!(national_part("008613812345678"), Some("13812345678"));
        assert_eq!(national_part("13812345678"), Some("13812345678"));
        assert_eq!(national_part("8612812345678"), None);
        assert_eq!(national_part("86138123456789"), None);
    }
}
