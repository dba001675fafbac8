//! Bank card numbers (银行卡号): 16 to 19 digits of a card scheme's range with the
//! Luhn check digit of ISO/IEC 7812-1.

/// Leading digits of the card schemes issued to persons in China: 银联 (62), Visa (4),
/// Mastercard (51–55) and JCB (35).
const SCHEME_PREFIXES: [&str; 8] = ["62", "4", "51", "52", "53", "54", "55", "35"];

/// Whether ASCII digits form a bank card number.
pub(crate) fn is_card_number(digits: &str) -> bool {
    (16..=19).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && SCHEME_PREFIXES.iter().any(|p| digits.starts_with(p))
        && luhn_valid(digits)
}

/// ISO/IEC 7812-1 Annex B: from the right, every second digit is doubled (minus 9 when
/// over 9) and the sum of all must be a multiple of 10.
fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            match (i % 2 == 1, d * 2) {
                (true, doubled) if doubled > 9 => doubled - 9,
                (true, doubled) => doubled,
                (false, _) => d,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A card number of `prefix` padded to `len` digits, with its Luhn check digit.
    pub(crate) fn card(prefix: &str, len: usize) -> String {
        let body: String = prefix
            .chars()
            .chain("3141592653589793238".chars())
            .take(len - 1)
            .collect();
        (0..10)
            .map(|d| format!("{body}{d}"))
            .find(|n| luhn_valid(n))
            .unwrap_or_default()
    }

    #[test]
    fn luhn_sums() {
        assert!(luhn_valid("4111111111111111"));
        assert!(!luhn_valid("4111111111111112"));
        assert!(luhn_valid("79927398713"));
    }

    #[test]
    fn cards_need_the_length_the_scheme_and_the_check_digit() {
        for (prefix, len) in [
            ("6222", 19),
            ("6217", 19),
            ("4367", 16),
            ("5187", 16),
            ("3568", 16),
            ("6228", 17),
        ] {
            let good = card(prefix, len);
            assert!(is_card_number(&good), "{good}");
            let last = good.as_bytes()[len - 1] - b'0';
            let bad = format!("{}{}", &good[..len - 1], (last + 1) % 10);
            assert!(!is_card_number(&bad), "{bad}");
        }
        assert!(!is_card_number(&card("7222", 19)), "no such scheme");
        assert!(!is_card_number(&card("6222", 15)), "too short");
        assert!(!is_card_number(&card("6222", 20)), "too long");
    }
}
