//! The normal form of a unit's name, used to match it against its aliases.

/// Normal form of a unit name for alias matching.
///
/// Removes all whitespace (including the full-width space U+3000), maps full-width brackets
/// （） to ASCII (), and folds full-width ASCII letters and digits to half-width. Nothing else.
pub fn normalize_unit_name(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_full_width)
        .collect()
}

fn fold_full_width(c: char) -> char {
    match c {
        '（' => '(',
        '）' => ')',
        // Full-width forms U+FF10.. sit 0xFEE0 above their ASCII counterparts.
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_removes_spaces_and_folds_full_width() {
        assert_eq!(
            normalize_unit_name("  区政府\u{3000}办公室 "),
            "区政府办公室"
        );
        assert_eq!(normalize_unit_name("各镇（街道）"), "各镇(街道)");
        assert_eq!(normalize_unit_name("ＡＢｃ１２３"), "ABc123");
        // Nothing else changes: other full-width punctuation stays.
        assert_eq!(normalize_unit_name("各乡镇、街道，"), "各乡镇、街道，");
    }
}
