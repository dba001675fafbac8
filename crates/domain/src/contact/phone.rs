//! Mainland China phone numbers as people write them: mobiles (11 digits, 1[3-9]…,
//! optionally after +86), landlines with a trunk prefix and area code (010-12345678,
//! (0571) 8765 4321, 0755-1234567 转 8001), local numbers without the area code
//! (7–8 digits) and 400/800 service numbers, with spaces, hyphens and brackets
//! anywhere between digits.

/// Markers of an extension after the number.
const EXTENSION_MARKERS: [&str; 5] = ["分机", "转", "ext.", "ext", "#"];

/// Whether `text` (half-width, trimmed) is a number that can be dialled.
pub(super) fn is_valid(text: &str) -> bool {
    let (number, extension) = split_extension(text);
    if !extension.is_none_or(|e| (1..=6).contains(&e.len()) && is_digits(e)) {
        return false;
    }
    let Some(digits) = digits_of(number) else {
        return false;
    };
    if number.starts_with('+') && !digits.starts_with("86") {
        return false; // another country's number
    }
    match strip_country_code(number, &digits) {
        Some(national) if is_mobile(national) => true,
        Some(national) => is_landline(&format!("0{national}")),
        None => is_mobile(&digits) || is_landline(&digits) || is_local(&digits),
    }
}

/// The number and its extension (digits, trimmed), if one is marked.
fn split_extension(text: &str) -> (&str, Option<&str>) {
    let lower = text.to_ascii_lowercase();
    EXTENSION_MARKERS
        .iter()
        .find_map(|marker| {
            lower.find(marker).map(|at| {
                let extension = text[at + marker.len()..].trim_matches([' ', '-', '.']);
                (text[..at].trim_end_matches([' ', '-']), Some(extension))
            })
        })
        .unwrap_or((text, None))
}

/// The digits of a number written with separators; `None` for any other character,
/// or a `+` anywhere but first.
fn digits_of(number: &str) -> Option<String> {
    let mut digits = String::new();
    for (i, c) in number.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '(' | ')' | '.' => {}
            '+' if i == 0 => {}
            _ => return None,
        }
    }
    (!digits.is_empty()).then_some(digits)
}

/// The national number after an explicit country code (`+86`, `0086`, or `86`
/// before a mobile), without the trunk 0.
fn strip_country_code<'a>(number: &str, digits: &'a str) -> Option<&'a str> {
    if number.starts_with('+') {
        return digits.strip_prefix("86");
    }
    if let Some(rest) = digits.strip_prefix("0086") {
        return Some(rest);
    }
    digits.strip_prefix("86").filter(|rest| is_mobile(rest))
}

fn is_mobile(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    bytes.len() == 11 && bytes[0] == b'1' && (b'3'..=b'9').contains(&bytes[1])
}

/// Trunk 0, an area code of 2–3 digits not starting with 0, a local number of 7–8
/// digits not starting with 0 or 1: 10 to 12 digits in all; or 400/800 numbers.
fn is_landline(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    if bytes.len() == 10 && (digits.starts_with("400") || digits.starts_with("800")) {
        return true;
    }
    (10..=12).contains(&bytes.len()) && bytes[0] == b'0' && bytes[1] != b'0'
}

/// A local number without its area code: 7 or 8 digits, not starting with 0 or 1.
fn is_local(digits: &str) -> bool {
    (7..=8).contains(&digits.len()) && !digits.starts_with(['0', '1'])
}

fn is_digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}
