//! PDF text layers that are not plain: a Chromium-printed Chinese PDF (Type3 fonts
//! whose `/Encoding` is glyph numbers, with a `/ToUnicode` map and radical code points
//! for 人, 民, 工) reads as its text; a text layer of symbols is refused with the reason.

use crate::text_of::sample_pdf;
use gongkai_extract::{SourceKind, text_of};

/// The first paragraphs of seed 002, printed by Chromium 156 (`--print-to-pdf`).
const CHROMIUM_PDF: &[u8] =
    include_bytes!("../../../../fixtures/pdf/chromium-printed-seed-002.pdf");
const SOURCE_HTML: &str = include_str!("../../../../fixtures/pdf/chromium-printed-seed-002.html");

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_chromium_printed_pdf_reads_as_its_text() {
    let text = text_of(CHROMIUM_PDF, SourceKind::Pdf).unwrap();
    let read = squeeze(&text);
    let paragraphs: Vec<String> = SOURCE_HTML
        .split("<p>")
        .skip(1)
        .filter_map(|p| p.split("</p>").next())
        .map(|p| squeeze(&p.replace("&quot;", "\"").replace("&amp;", "&")))
        .filter(|p| !p.is_empty())
        .collect();
    let found = paragraphs
        .iter()
        .filter(|p| read.contains(p.as_str()))
        .count();
    assert!(
        found * 10 >= paragraphs.len() * 9,
        "{found} of {} paragraphs read whole: {text}",
        paragraphs.len()
    );
    assert!(read.contains("重庆市渝中区人民政府办公室"), "{text}");
    assert!(
        !text.contains('⼈') && !text.contains('⺠'),
        "radicals unified: {text}"
    );
}

#[test]
fn a_text_layer_of_symbols_is_refused_with_the_reason() {
    let garbage = sample_pdf("2\"!#$%&'()*+,-./:;<=>?@[]^_`{|}~2)*J%");
    let error = text_of(&garbage, SourceKind::Pdf).unwrap_err();
    assert_eq!(error.code(), "unreadable_pdf_text");
    assert!(error.to_string().contains("PDF 的文字无法读取"), "{error}");
    // English text of letters and digits is text.
    let english = sample_pdf("Annual report 2024 of the district government office");
    assert!(text_of(&english, SourceKind::Pdf).is_ok());
}

#[test]
fn a_word_documents_table_comes_out_row_by_row_and_its_text_keeps_the_cells() {
    let docx = crate::text_of::sample_docx();
    let tables = gongkai_extract::tables_of(&docx, SourceKind::Docx);
    assert_eq!(
        tables,
        vec![vec![
            vec!["工作任务".to_string(), "牵头单位".to_string()],
            vec!["公开清单".to_string(), "办公室".to_string()],
        ]]
    );
    // The text still has one line per cell, in row order: what the body matches.
    let text = text_of(&docx, SourceKind::Docx).unwrap();
    assert!(
        text.contains("工作任务\n牵头单位\n公开清单\n办公室"),
        "{text}"
    );
    assert!(gongkai_extract::tables_of(b"not a zip", SourceKind::Docx).is_empty());
}
