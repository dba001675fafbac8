//! Word documents (DOCX) of letters and reports, laid out like 公文 (GB/T 9704-2012):
//! A4 with the standard margins, the title in 方正小标宋简体 (宋体 where it is not
//! installed) 二号, the body in 仿宋_GB2312 三号 with a two-character first-line indent
//! and a fixed line pitch.
//!
//! The model is deliberately tiny, a list of [`Block`]s, so that every document the
//! platform writes (answer letters, the annual report) is laid out the same way.

use crate::{Error, Result};
use docx_rs::{
    AlignmentType, Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableRow, WidthType,
};
use std::io::Cursor;

/// One block of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title: centred, large, bold.
    Title(String),
    /// A section heading (一、……), in 黑体.
    Heading(String),
    /// A body paragraph with a first-line indent of two characters.
    Paragraph(String),
    /// A right-aligned line: the signing agency, the date.
    Right(String),
    /// A table with a bold header row.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// Font sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt.
const TITLE_SIZE: usize = 44;
const BODY_SIZE: usize = 32;
const TABLE_SIZE: usize = 28;

/// A4 in twentieths of a point, and the 公文 margins (top 37mm, bottom 35mm, left
/// 28mm, right 26mm).
const A4: (u32, u32) = (11906, 16838);
const MARGIN: PageMargin = PageMargin {
    top: 2098,
    left: 1588,
    bottom: 1984,
    right: 1474,
    header: 851,
    footer: 992,
    gutter: 0,
};

/// The fixed line pitch of the body: 28.95pt, 22 lines a page.
const LINE_PITCH: i32 = 579;

const TITLE_FONT: &str = "方正小标宋简体";
const TITLE_FALLBACK: &str = "宋体";
const HEADING_FONT: &str = "黑体";
const BODY_FONT: &str = "仿宋_GB2312";

/// The fonts of a run: the Chinese font for east-Asian text, the same for Latin text
/// and digits so that a line does not mix typefaces.
fn fonts(east_asia: &str, latin: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(latin)
        .hi_ansi(latin)
        .cs(latin)
}

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new()
        .add_text(text)
        .fonts(fonts(font, font))
        .size(size)
}

fn body_spacing() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(LINE_PITCH)
}

fn title(text: &str) -> Paragraph {
    // Word falls back through the east-Asian font to the Latin one: 宋体 is on every
    // Chinese Windows, 方正小标宋简体 on most government ones.
    let run = Run::new()
        .add_text(text)
        .fonts(fonts(TITLE_FONT, TITLE_FALLBACK))
        .size(TITLE_SIZE)
        .bold();
    Paragraph::new()
        .add_run(run)
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().after(LINE_PITCH as u32))
}

/// A body-size line indented by two characters of 三号 (16pt = 320 twips each).
fn indented(text: &str, font: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, font, BODY_SIZE))
        .line_spacing(body_spacing())
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(2 * 320)),
            None,
            None,
        )
}

fn heading(text: &str) -> Paragraph {
    indented(text, HEADING_FONT)
}

fn paragraph(text: &str) -> Paragraph {
    indented(text, BODY_FONT).align(AlignmentType::Both)
}

fn right(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, BODY_SIZE))
        .align(AlignmentType::Right)
        .line_spacing(body_spacing())
}

fn cell(text: &str, bold: bool) -> TableCell {
    let mut run = run(text, BODY_FONT, TABLE_SIZE);
    if bold {
        run = run.bold();
    }
    TableCell::new().add_paragraph(Paragraph::new().add_run(run).align(AlignmentType::Center))
}

fn table(header: &[String], rows: &[Vec<String>]) -> Table {
    let mut all = vec![TableRow::new(
        header.iter().map(|h| cell(h, true)).collect(),
    )];
    all.extend(
        rows.iter()
            .map(|row| TableRow::new(row.iter().map(|c| cell(c, false)).collect())),
    );
    Table::new(all).width(5000, WidthType::Pct)
}

/// The DOCX file of `blocks`.
pub fn render(blocks: &[Block]) -> Result<Vec<u8>> {
    let mut docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(MARGIN)
        .default_fonts(fonts(BODY_FONT, BODY_FONT))
        .default_size(BODY_SIZE);
    for block in blocks {
        docx = match block {
            Block::Title(text) => docx.add_paragraph(title(text)),
            Block::Heading(text) => docx.add_paragraph(heading(text)),
            Block::Paragraph(text) => docx.add_paragraph(paragraph(text)),
            Block::Right(text) => docx.add_paragraph(right(text)),
            Block::Table { header, rows } => docx.add_table(table(header, rows)),
        };
    }
    let mut out = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| Error::Internal(format!("无法生成 Word 文档：{e}")))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::io::Read;

    /// The main part of a DOCX file, as text.
    pub(crate) fn document_xml(docx: &[u8]) -> String {
        let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
        let mut xml = String::new();
        archive
            .by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }

    #[test]
    fn every_block_is_written_and_reads_back() {
        let blocks = [
            Block::Title("政府信息公开申请答复书".into()),
            Block::Heading("一、总体情况".into()),
            Block::Paragraph("张三：本机关于2025年1月24日收到您的申请。".into()),
            Block::Right("测试区人民政府".into()),
            Block::Table {
                header: vec!["项目".into(), "数量".into()],
                rows: vec![vec!["新收申请".into(), "12".into()]],
            },
        ];
        let docx = render(&blocks).unwrap();
        assert!(docx.starts_with(b"PK"), "a zip archive");
        let xml = document_xml(&docx);
        for text in [
            "政府信息公开申请答复书",
            "一、总体情况",
            "张三：本机关于2025年1月24日收到您的申请。",
            "测试区人民政府",
            "项目",
            "新收申请",
            "12",
        ] {
            assert!(xml.contains(text), "{text} missing");
        }
        assert!(xml.contains("仿宋_GB2312") && xml.contains("方正小标宋简体"));
        assert!(xml.contains("w:eastAsia"), "east-Asian font attributes");
    }

    #[test]
    fn text_is_escaped() {
        let docx = render(&[Block::Paragraph("A<B & “C”".into())]).unwrap();
        assert!(document_xml(&docx).contains("A&lt;B &amp; “C”"));
    }
}
