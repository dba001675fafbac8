//! HTML snippets of a hit's body: escaped text, matches in `<mark>`.
//!
//! tantivy picks the best fragment and the byte ranges of the matching tokens; the HTML
//! is written here so that the escaping is ours and covers quotes too (a snippet may end
//! up in an attribute such as `title`). Search-mode tokens overlap (规范性文件 contains
//! 规范), so overlapping ranges are merged into one mark. A body without a match gives
//! its first [`FALLBACK_CHARS`] characters.

use std::ops::Range;

use tantivy::snippet::Snippet;

/// Length of a snippet fragment in bytes (tantivy counts bytes): about 120 Chinese
/// characters.
pub const SNIPPET_BYTES: usize = 360;

/// Length of the fallback snippet, in characters.
pub const FALLBACK_CHARS: usize = 120;

/// The HTML of a snippet, or of the start of `body` when the snippet is empty.
pub fn render(snippet: &Snippet, body: &str) -> String {
    if snippet.is_empty() || snippet.fragment().is_empty() {
        return fallback(body);
    }
    let fragment = snippet.fragment();
    let mut html = String::with_capacity(fragment.len() + 32);
    let mut done = 0;
    for range in merged(snippet.highlighted(), fragment.len()) {
        let (Some(before), Some(matched)) =
            (fragment.get(done..range.start), fragment.get(range.clone()))
        else {
            continue;
        };
        escape_into(&mut html, before);
        html.push_str("<mark>");
        escape_into(&mut html, matched);
        html.push_str("</mark>");
        done = range.end;
    }
    escape_into(&mut html, fragment.get(done..).unwrap_or_default());
    html
}

/// The first [`FALLBACK_CHARS`] characters of `body`, whitespace runs collapsed, escaped,
/// with `…` when cut.
pub fn fallback(body: &str) -> String {
    let collapsed = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = collapsed.chars();
    let head: String = chars.by_ref().take(FALLBACK_CHARS).collect();
    let mut html = String::with_capacity(head.len() + 8);
    escape_into(&mut html, &head);
    if chars.next().is_some() {
        html.push('…');
    }
    html
}

/// Sorted ranges with overlapping and touching ones merged, cut to `len`: a word whose
/// parts close the fragment may reach past its end.
fn merged(ranges: &[Range<usize>], len: usize) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = ranges
        .iter()
        .map(|r| r.start..r.end.min(len))
        .filter(|r| r.start < r.end)
        .collect();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for range in sorted {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// Appends `text` with `& < > " '` escaped.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_ranges_merge() {
        assert_eq!(
            merged(&[3..9, 0..2, 3..5, 8..12, 12..13], 20),
            [0..2, 3..13]
        );
        let cut = merged(&[3..9, 12..13], 6);
        assert_eq!((cut.len(), cut.first().cloned()), (1, Some(3..6)));
    }

    #[test]
    fn fallback_is_escaped_and_cut() {
        assert_eq!(
            fallback("a <b> & \"c\"\n\n d"),
            "a &lt;b&gt; &amp; &quot;c&quot; d"
        );
        let long = "政".repeat(FALLBACK_CHARS + 5);
        let html = fallback(&long);
        assert_eq!(html.chars().count(), FALLBACK_CHARS + 1);
        assert!(html.ends_with('…'));
    }
}
