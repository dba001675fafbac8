//! Normalisation of extracted text into the crate's one plain-text shape.

/// Puts text into the shape promised by [`crate::text_of`]: `\n` line ends, trailing
/// spaces/tabs trimmed, at most one blank line in a row, no blank lines at either end.
/// Only ASCII spaces and tabs count as trailing space: NBSP and U+3000 are kept.
pub(crate) fn normalise(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unified.len());
    let mut blank_pending = false;
    for line in unified.split('\n') {
        let line = line.trim_end_matches([' ', '\t', '\u{0c}', '\u{0b}']);
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_pending {
                out.push('\n');
            }
        }
        blank_pending = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_runs_collapse_to_one_and_ends_are_trimmed() {
        let cases = [
            ("", ""),
            ("\n\n", ""),
            ("a", "a"),
            ("a  \t\r\nb", "a\nb"),
            ("\n\na\n\n\n\nb\n\n", "a\n\nb"),
            ("a\rb", "a\nb"),
            ("  indented", "  indented"),
            ("nbsp\u{a0}\nideo\u{3000}", "nbsp\u{a0}\nideo\u{3000}"),
            ("a\n \t \nb", "a\n\nb"),
        ];
        for (raw, expected) in cases {
            assert_eq!(normalise(raw), expected, "{raw:?}");
        }
    }
}
