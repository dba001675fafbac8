//! A search hit's snippet as the page shows it.
//!
//! The search crate writes a snippet as escaped text with the matches in `<mark>`, and
//! the page inserts it without escaping. So that nothing else can ever reach the page
//! that way, the snippet is written again here: balanced `<mark>` and `</mark>` are kept,
//! every other `<`, `>` and quote is escaped, and an `&` is kept only where it starts
//! one of the entities the search crate writes.

/// The entities an escaped snippet may contain.
const ENTITIES: [&str; 5] = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"];

const OPEN: &str = "<mark>";
const CLOSE: &str = "</mark>";

/// The snippet as HTML in which only `<mark>` is markup.
pub fn highlighted(snippet: &str) -> String {
    let mut html = String::with_capacity(snippet.len() + 16);
    let mut open = false;
    let mut rest = snippet;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix(OPEN) {
            if !open {
                html.push_str(OPEN);
                open = true;
            }
            rest = after;
        } else if let Some(after) = rest.strip_prefix(CLOSE) {
            if open {
                html.push_str(CLOSE);
                open = false;
            }
            rest = after;
        } else if let Some((entity, after)) = entity_at(rest) {
            html.push_str(entity);
            rest = after;
        } else {
            push_escaped(&mut html, c);
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
        }
    }
    if open {
        html.push_str(CLOSE);
    }
    html
}

/// The entity `text` starts with, and the text after it.
fn entity_at(text: &str) -> Option<(&'static str, &str)> {
    ENTITIES
        .iter()
        .find_map(|e| text.strip_prefix(e).map(|after| (*e, after)))
}

fn push_escaped(html: &mut String, c: char) {
    match c {
        '&' => html.push_str("&amp;"),
        '<' => html.push_str("&lt;"),
        '>' => html.push_str("&gt;"),
        '"' => html.push_str("&quot;"),
        '\'' => html.push_str("&#39;"),
        _ => html.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_escaped_snippet_with_marks_is_kept_as_it_is() {
        let snippet =
            "关于&lt;script&gt;的<mark>政务</mark><mark>公开</mark> &amp; &quot;说明&quot;&#39;";
        assert_eq!(highlighted(snippet), snippet);
    }

    #[test]
    fn any_other_markup_is_escaped() {
        let cases = [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                "<img src=x onerror=alert(1)>",
                "&lt;img src=x onerror=alert(1)&gt;",
            ),
            ("<mark onclick=x>a</mark>", "&lt;mark onclick=x&gt;a"),
            ("a & b &#60;", "a &amp; b &amp;#60;"),
            ("<MARK>a</MARK>", "&lt;MARK&gt;a&lt;/MARK&gt;"),
        ];
        for (snippet, expected) in cases {
            assert_eq!(highlighted(snippet), expected, "{snippet}");
        }
    }

    #[test]
    fn marks_are_balanced() {
        assert_eq!(highlighted("</mark>a<mark>b"), "a<mark>b</mark>");
        assert_eq!(
            highlighted("<mark>a<mark>b</mark></mark>c"),
            "<mark>ab</mark>c"
        );
    }
}
