//! Text of a Word document (Office Open XML, `.docx`).
//!
//! Only the main part `word/document.xml` is read: each paragraph (`w:p`) becomes a line,
//! text comes from `w:t`, a `w:tab` becomes a tab and a `w:br`/`w:cr` a line break. Table
//! cells hold paragraphs, so a table comes out cell by cell. Headers, footers, comments
//! and deleted text (`w:delText`) are not part of the text. [`tables`] reads the same
//! part's tables row by row, for the library to keep them as tables.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::{Error, MAX_DECOMPRESSED_SIZE, Result};

/// The main document part of a WordprocessingML package.
const DOCUMENT_PART: &str = "word/document.xml";

/// The text of a .docx file, one paragraph per line (not yet normalised).
pub(crate) fn text(bytes: &[u8]) -> Result<String> {
    let xml = document_xml(bytes)?;
    paragraphs(&xml)
}

/// The tables of a .docx file (`w:tbl`), rows of cells, each cell's paragraphs joined by
/// `\n`; a table holding another table is left out (it lays out the page). Unreadable
/// files have no tables (their text is refused elsewhere).
pub(crate) fn tables(bytes: &[u8]) -> Vec<Vec<Vec<String>>> {
    document_xml(bytes)
        .ok()
        .and_then(|xml| tables_of_xml(&xml))
        .unwrap_or_default()
}

/// A table being read: its rows, the row and cell in progress, whether it nests one.
#[derive(Default)]
struct TableDraft {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
    nests: bool,
}

fn tables_of_xml(xml: &[u8]) -> Option<Vec<Vec<Vec<String>>>> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut open: Vec<TableDraft> = Vec::new();
    let mut done = Vec::new();
    let mut in_text = false;
    let mut in_tab_stops = 0usize;
    loop {
        match reader.read_event().ok()? {
            Event::Start(start) => match start.local_name().as_ref() {
                b"tbl" => {
                    if let Some(outer) = open.last_mut() {
                        outer.nests = true;
                    }
                    open.push(TableDraft::default());
                }
                b"t" => in_text = true,
                b"tabs" => in_tab_stops += 1,
                _ => {}
            },
            Event::Empty(empty) => {
                if let Some(table) = open.last_mut() {
                    match empty.local_name().as_ref() {
                        b"p" => table.cell.push('\n'),
                        other => push_mark(&mut table.cell, other, in_tab_stops > 0),
                    }
                }
            }
            Event::End(end) => match end.local_name().as_ref() {
                b"t" => in_text = false,
                b"tabs" => in_tab_stops = in_tab_stops.saturating_sub(1),
                b"p" => {
                    if let Some(table) = open.last_mut() {
                        table.cell.push('\n');
                    }
                }
                b"tc" => {
                    if let Some(table) = open.last_mut() {
                        let cell = crate::text::normalise(&std::mem::take(&mut table.cell));
                        table.row.push(cell);
                    }
                }
                b"tr" => {
                    if let Some(table) = open.last_mut() {
                        let row = std::mem::take(&mut table.row);
                        table.rows.push(row);
                    }
                }
                b"tbl" => {
                    if let Some(table) = open.pop()
                        && !table.nests
                    {
                        done.push(table.rows);
                    }
                }
                _ => {}
            },
            Event::Text(text) if in_text => {
                if let Some(table) = open.last_mut() {
                    table.cell.push_str(&text.unescape().ok()?);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(done)
}

/// Reads `word/document.xml` out of the zip archive, refusing to inflate it beyond
/// [`MAX_DECOMPRESSED_SIZE`].
fn document_xml(bytes: &[u8]) -> Result<Vec<u8>> {
    let invalid = |e: zip::result::ZipError| Error::InvalidDocx {
        reason: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(invalid)?;
    let part = match archive.by_name(DOCUMENT_PART) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => {
            return Err(Error::MissingDocxPart {
                part: DOCUMENT_PART.to_owned(),
            });
        }
        Err(e) => return Err(invalid(e)),
    };
    let limit = u64::try_from(MAX_DECOMPRESSED_SIZE).unwrap_or(u64::MAX);
    let mut xml = Vec::new();
    part.take(limit.saturating_add(1))
        .read_to_end(&mut xml)
        .map_err(|e| Error::InvalidDocx {
            reason: e.to_string(),
        })?;
    if xml.len() > MAX_DECOMPRESSED_SIZE {
        return Err(Error::TooLarge {
            what: DOCUMENT_PART.to_owned(),
            limit: MAX_DECOMPRESSED_SIZE,
        });
    }
    Ok(xml)
}

/// Walks the WordprocessingML events and writes the text of each paragraph on a line.
/// Elements are matched by local name so that an unusual namespace prefix still works.
fn paragraphs(xml: &[u8]) -> Result<String> {
    let xml_error = |reason: String| Error::InvalidDocxXml { reason };
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut out = String::new();
    let mut depth = 0usize;
    let mut saw_document = false;
    let mut in_text = false;
    // Inside `w:tabs` (tab-stop definitions of a paragraph), `w:tab` is not a character.
    let mut in_tab_stops = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(format!("第 {} 字节附近：{e}", reader.buffer_position())))?;
        match event {
            Event::Start(start) => {
                let name = start.local_name();
                if depth == 0 && name.as_ref() == b"document" {
                    saw_document = true;
                }
                depth += 1;
                match name.as_ref() {
                    b"t" => in_text = true,
                    b"tabs" => in_tab_stops += 1,
                    other => push_mark(&mut out, other, in_tab_stops > 0),
                }
            }
            Event::Empty(empty) => {
                let name = empty.local_name();
                if name.as_ref() == b"p" {
                    out.push('\n');
                } else {
                    push_mark(&mut out, name.as_ref(), in_tab_stops > 0);
                }
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                match end.local_name().as_ref() {
                    b"t" => in_text = false,
                    b"tabs" => in_tab_stops = in_tab_stops.saturating_sub(1),
                    b"p" => out.push('\n'),
                    _ => {}
                }
            }
            Event::Text(text) if in_text => {
                let text = text.unescape().map_err(|e| xml_error(e.to_string()))?;
                out.push_str(&text);
            }
            Event::CData(data) if in_text => {
                let data = std::str::from_utf8(&data).map_err(|e| xml_error(e.to_string()))?;
                out.push_str(data);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_document {
        return Err(xml_error(
            "不是 WordprocessingML 正文（缺少 w:document）".to_owned(),
        ));
    }
    if depth != 0 {
        return Err(xml_error("XML 不完整（元素未闭合）".to_owned()));
    }
    Ok(out)
}

/// The characters that run-level marks stand for.
fn push_mark(out: &mut String, local_name: &[u8], in_tab_stops: bool) {
    match local_name {
        b"tab" if !in_tab_stops => out.push('\t'),
        b"br" | b"cr" => out.push('\n'),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    #[test]
    fn runs_tabs_and_breaks_become_text() {
        let xml = format!(
            "<?xml version=\"1.0\"?><w:document {W}><w:body>\
             <w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>\
             <w:r><w:t>一</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">二 </w:t></w:r></w:p>\
             <w:p><w:r><w:t>三&amp;</w:t><w:br/><w:t>四</w:t><w:delText>删</w:delText></w:r></w:p>\
             <w:p/></w:body></w:document>"
        );
        assert_eq!(paragraphs(xml.as_bytes()).unwrap(), "一\t二 \n三&\n四\n\n");
    }

    #[test]
    fn xml_that_is_not_a_document_is_an_error() {
        let error = paragraphs(b"just text").unwrap_err();
        assert_eq!(error.code(), "invalid_docx_xml");
        let truncated = format!("<w:document {W}><w:body><w:p><w:r><w:t>半");
        assert_eq!(
            paragraphs(truncated.as_bytes()).unwrap_err().code(),
            "invalid_docx_xml"
        );
        let mismatched = format!("<w:document {W}><w:body></w:p></w:document>");
        assert!(paragraphs(mismatched.as_bytes()).is_err());
    }
}
