//! Visible text of an HTML page.
//!
//! The page is parsed by html5ever (through `scraper`), the same algorithm browsers use,
//! so broken markup is repaired rather than rejected and HTML text never fails. The tree
//! is walked without recursion so that absurdly deep nesting cannot overflow the stack.

use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

use crate::txt;

/// Elements whose content is never shown as text.
const INVISIBLE: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "audio", "video", "map",
];

/// Elements that start and end a line. Table cells are included so that each cell
/// becomes its own line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The visible text of a table cell as the page's text has it: its lines, normalised,
/// joined by `\n`.
pub(crate) fn cell_text(cell: scraper::ElementRef) -> String {
    crate::text::normalise(&text(cell.html().as_bytes()))
}

/// The visible text of an HTML page, one block per line (not yet normalised).
pub(crate) fn text(bytes: &[u8]) -> String {
    let source = txt::decode_with_label(bytes, declared_charset(bytes).as_deref());
    let document = Html::parse_document(&source);
    let mut out = String::with_capacity(source.len() / 2);
    let mut hidden_depth = 0usize;
    let mut pre_depth = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    if hidden_depth > 0 || is_invisible(element) {
                        hidden_depth += 1;
                        continue;
                    }
                    let name = element.name();
                    if name == "br" {
                        out.push('\n');
                    } else if BLOCKS.contains(&name) {
                        end_line(&mut out);
                    }
                    if name == "pre" {
                        pre_depth += 1;
                    }
                }
                Node::Text(text) if hidden_depth == 0 => push_text(&mut out, text, pre_depth > 0),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    if hidden_depth > 0 {
                        hidden_depth -= 1;
                        continue;
                    }
                    let name = element.name();
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if BLOCKS.contains(&name) {
                        end_line(&mut out);
                    }
                }
            }
        }
    }
    out
}

fn is_invisible(element: &Element) -> bool {
    if INVISIBLE.contains(&element.name()) || element.attr("hidden").is_some() {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

/// Starts a new line unless the text already ends one.
fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Appends a text node, collapsing HTML white space (not NBSP, not U+3000) outside `pre`.
fn push_text(out: &mut String, text: &str, preformatted: bool) {
    if preformatted {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0c}') {
            if !(out.is_empty() || out.ends_with(' ') || out.ends_with('\n')) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// The `charset` named in the first bytes of the page (`<meta charset=…>` or the
/// `http-equiv` form), if any.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or_default();
    let lower = head.to_ascii_lowercase();
    let key = b"charset=";
    let start = lower.windows(key.len()).position(|w| w == key)? + key.len();
    let label: String = lower
        .get(start..)
        .unwrap_or_default()
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| char::from(b))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise;

    fn visible(html: &str) -> String {
        normalise(&text(html.as_bytes()))
    }

    #[test]
    fn script_style_and_head_are_not_text() {
        let html = "<html><head><title>标题栏</title><style>p{color:red}</style></head>\
            <body><script>var x = '脚本';</script><p>正文</p><noscript>无脚本</noscript></body></html>";
        assert_eq!(visible(html), "正文");
    }

    #[test]
    fn blocks_and_br_become_line_breaks_and_cells_their_own_lines() {
        let html = "<div>一<span>二</span></div><p>三<br>四</p>\
            <table><tr><td>甲</td><td>乙</td></tr><tr><th>丙</th></tr></table><ul><li>丁</li><li>戊</li></ul>";
        assert_eq!(visible(html), "一二\n三\n四\n甲\n乙\n丙\n丁\n戊");
    }

    #[test]
    fn white_space_collapses_but_nbsp_and_ideographic_space_stay() {
        let html = "<p>  a \n\t b&nbsp;c\u{3000}d  </p><pre>x\n  y</pre>";
        assert_eq!(visible(html), "a b\u{a0}c\u{3000}d\nx\n  y");
    }

    #[test]
    fn hidden_elements_are_skipped() {
        let html = "<p>看得见</p><div style=\"DISPLAY: none\">看不见</div><p hidden>也看不见</p>";
        assert_eq!(visible(html), "看得见");
    }

    #[test]
    fn declared_gbk_page_is_decoded() {
        let (body, _, _) = encoding_rs::GBK.encode("<p>政务公开</p>");
        let mut bytes = b"<html><head><meta charset=\"gbk\"></head><body>".to_vec();
        bytes.extend_from_slice(&body);
        assert_eq!(normalise(&text(&bytes)), "政务公开");
        assert_eq!(declared_charset(&bytes).as_deref(), Some("gbk"));
        assert_eq!(
            declared_charset(b"<meta http-equiv=Content-Type content='text/html; charset=GB2312'>")
                .as_deref(),
            Some("gb2312")
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let html = format!("{}深{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(visible(&html), "深");
    }
}
