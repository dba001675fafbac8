//! The report as a DOCX: the title, the six sections in order with their tables,
//! and the identities checked.

use super::layout::{
    CASE_COLUMNS, CASES_HEADING, PROACTIVE_COLUMNS, PROACTIVE_HEADING, REQUESTS_HEADING,
    case_cells, case_groups, paragraphs, proactive_rows, request_columns, text_sections,
};
use crate::Result;
use crate::annual_report::AnnualReport;

/// The DOCX of a report: the title, the six sections in order with their tables, and
/// the identities checked.
pub fn to_docx(report: &AnnualReport) -> Result<Vec<u8>> {
    use crate::docx::{Block, render};
    let texts = |text: &str| -> Vec<Block> {
        paragraphs(text)
            .map(|l| Block::Paragraph(l.to_string()))
            .collect()
    };
    let strings = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let [overview, problems, other] = text_sections(report);
    let mut blocks = vec![Block::Title(report.title())];
    blocks.push(Block::Heading(overview.0.to_string()));
    blocks.extend(texts(overview.1));
    blocks.push(Block::Heading(PROACTIVE_HEADING.to_string()));
    blocks.push(Block::Table {
        header: strings(&PROACTIVE_COLUMNS),
        rows: proactive_rows(report).into_iter().map(Vec::from).collect(),
    });
    blocks.push(Block::Heading(REQUESTS_HEADING.to_string()));
    blocks.push(Block::Table {
        header: strings(&request_columns()),
        rows: report
            .requests
            .display_rows()
            .into_iter()
            .map(|line| {
                let mut row = vec![line.label];
                if let Some(cells) = line.cells {
                    row.extend(
                        cells
                            .cells()
                            .iter()
                            .chain([&cells.total])
                            .map(u64::to_string),
                    );
                } else {
                    row.extend(std::iter::repeat_n(String::new(), 7));
                }
                row
            })
            .collect(),
    });
    blocks.push(Block::Heading(CASES_HEADING.to_string()));
    blocks.push(Block::Table {
        header: strings(&CASE_COLUMNS),
        rows: case_groups(report)
            .iter()
            .map(|(name, counts)| {
                let mut row = vec![name.to_string()];
                row.extend(case_cells(counts).iter().map(u64::to_string));
                row
            })
            .collect(),
    });
    for (heading, text) in [problems, other] {
        blocks.push(Block::Heading(heading.to_string()));
        blocks.extend(texts(text));
    }
    blocks.push(Block::Right(report.org.name.clone()));
    blocks.push(Block::Right(gongkai_domain::letter::date_zh(
        report.generated_on,
    )));
    render(&blocks)
}
