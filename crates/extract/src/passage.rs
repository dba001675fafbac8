//! Located passages: the text of a file cut where a reader would point to it — a
//! paragraph (第N段), a PDF page (第N页) or a spreadsheet cell (工作表“名单”C5).
//!
//! Used to say where something was found in a file (the personal-information guard):
//! paragraphs are the non-blank lines of [`crate::text_of`] numbered from 1 (a table
//! cell of a Word document is a paragraph of its own), pages are numbered as the PDF
//! orders them, and cells carry their sheet name and address.

use std::fmt;

use crate::{Result, SourceKind, pdf, text, text_of, xlsx};

/// Where a passage is in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The n-th non-blank paragraph, from 1.
    Paragraph(usize),
    /// The n-th page of a PDF, from 1.
    Page(usize),
    /// A cell of a sheet, by address (`C5`).
    Cell { sheet: String, cell: String },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Paragraph(n) => write!(f, "第{n}段"),
            Location::Page(n) => write!(f, "第{n}页"),
            Location::Cell { sheet, cell } => write!(f, "工作表“{sheet}”{cell}"),
        }
    }
}

/// A piece of a file's text with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub location: Location,
    pub text: String,
}

/// The passages of a file: paragraphs of txt, html and docx, pages of a PDF, cells of
/// a workbook. Fails like [`text_of`] on corrupt input.
pub fn passages_of(bytes: &[u8], kind: SourceKind) -> Result<Vec<Passage>> {
    match kind {
        SourceKind::Pdf => Ok(pdf::pages(bytes)?
            .iter()
            .enumerate()
            .map(|(i, page)| Passage {
                location: Location::Page(i + 1),
                text: text::normalise(page),
            })
            .collect()),
        SourceKind::Xlsx => Ok(xlsx::cells(bytes)?
            .into_iter()
            .map(|c| Passage {
                location: Location::Cell {
                    sheet: c.sheet,
                    cell: c.address,
                },
                text: c.text,
            })
            .collect()),
        SourceKind::Text | SourceKind::Html | SourceKind::Docx => {
            Ok(paragraphs(&text_of(bytes, kind)?))
        }
    }
}

/// The non-blank lines of a text as numbered paragraphs.
pub fn paragraphs(text: &str) -> Vec<Passage> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .enumerate()
        .map(|(i, line)| Passage {
            location: Location::Paragraph(i + 1),
            text: line.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_skip_blank_lines() {
        let found = paragraphs("甲\n\n  \n乙\n\u{3000}\n丙");
        let shown: Vec<String> = found
            .iter()
            .map(|p| format!("{}:{}", p.location, p.text))
            .collect();
        assert_eq!(shown, ["第1段:甲", "第2段:乙", "第3段:丙"]);
    }

    #[test]
    fn locations_read_as_a_person_points_to_them() {
        assert_eq!(Location::Page(3).to_string(), "第3页");
        let cell = Location::Cell {
            sheet: "名单".into(),
            cell: "C5".into(),
        };
        assert_eq!(cell.to_string(), "工作表“名单”C5");
    }
}
