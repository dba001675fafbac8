//! A source file's kind, chosen by its extension, and the plain text of its bytes.

use std::path::Path;

use crate::{Result, docx, html, pdf, text, txt, xlsx};

/// The kind of a source file, which decides how its bytes become text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum SourceKind {
    /// Plain text, UTF-8 (with or without BOM) or else GB18030.
    Text,
    /// An HTML page; only its visible text is kept.
    Html,
    /// A Word document (Office Open XML).
    Docx,
    /// A PDF file with a text layer.
    Pdf,
    /// An Excel workbook (Office Open XML).
    Xlsx,
}

impl SourceKind {
    /// The kind of a file by its extension (case-insensitive): `txt`; `htm`, `html`,
    /// `shtml`; `docx`; `pdf`; `xlsx`. `None` for anything else, including legacy `.doc`.
    pub fn from_path(path: &Path) -> Option<SourceKind> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" => Some(SourceKind::Text),
            "htm" | "html" | "shtml" => Some(SourceKind::Html),
            "docx" => Some(SourceKind::Docx),
            "pdf" => Some(SourceKind::Pdf),
            "xlsx" => Some(SourceKind::Xlsx),
            _ => None,
        }
    }
}

/// Plain text of a file.
///
/// Paragraphs are separated by `"\n"`, runs of blank lines are kept as at most one blank
/// line, trailing spaces and tabs are trimmed, leading and trailing blank lines dropped;
/// NBSP and U+3000 are kept (callers decide).
///
/// - txt: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030;
/// - html: visible text only (no script, style, head), block elements become line
///   breaks, table cells are separated by a line break;
/// - docx: paragraphs of `word/document.xml` become lines (`w:t` text, `w:tab` as a tab,
///   `w:br` as a line break), tables cell by cell;
/// - pdf: the text layer (an image-only PDF gives an empty string);
/// - xlsx: every sheet in order, a row per line, cells separated by a tab.
pub fn text_of(bytes: &[u8], kind: SourceKind) -> Result<String> {
    let raw = match kind {
        SourceKind::Text => txt::decode(bytes),
        SourceKind::Html => html::text(bytes),
        SourceKind::Docx => docx::text(bytes)?,
        SourceKind::Pdf => pdf::text(bytes)?,
        SourceKind::Xlsx => xlsx::text(bytes)?,
    };
    Ok(text::normalise(&raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_is_chosen_by_extension_case_insensitively() {
        let cases = [
            ("a.txt", Some(SourceKind::Text)),
            ("a.TXT", Some(SourceKind::Text)),
            ("dir/a.htm", Some(SourceKind::Html)),
            ("a.Html", Some(SourceKind::Html)),
            ("a.shtml", Some(SourceKind::Html)),
            ("通知.DOCX", Some(SourceKind::Docx)),
            ("a.pdf", Some(SourceKind::Pdf)),
            ("名单.XLSX", Some(SourceKind::Xlsx)),
            ("a.xls", None),
            ("a.doc", None),
            ("a", None),
            ("pdf", None),
            (".pdf", None),
        ];
        for (path, kind) in cases {
            assert_eq!(SourceKind::from_path(Path::new(path)), kind, "{path}");
        }
    }
}
