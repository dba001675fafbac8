//! The report as an XLSX workbook laid out like the format's tables.

use super::layout::{
    CASE_COLUMNS, CASES_HEADING, PROACTIVE_COLUMNS, PROACTIVE_HEADING, REQUESTS_HEADING,
    case_cells, case_groups, proactive_rows, request_columns, text_sections,
};
use crate::annual_report::AnnualReport;
use crate::{Error, Result};

/// An XLSX workbook: one sheet per table (二, 三, 四), the texts and the identities.
pub fn to_xlsx(report: &AnnualReport) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook, Worksheet};
    let failed = |e: rust_xlsxwriter::XlsxError| Error::Internal(format!("无法生成 XLSX：{e}"));
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let mut workbook = Workbook::new();
    let header = |sheet: &mut Worksheet, title: &str, columns: &[&str]| {
        sheet.write_string_with_format(0, 0, title, &bold)?;
        for (col, name) in (0u16..).zip(columns) {
            sheet.write_string_with_format(1, col, *name, &bold)?;
        }
        sheet.set_column_width(0, 48)?;
        Ok::<(), rust_xlsxwriter::XlsxError>(())
    };

    let sheet = workbook
        .add_worksheet()
        .set_name("二、主动公开")
        .map_err(failed)?;
    header(
        sheet,
        &format!("{} {PROACTIVE_HEADING}", report.title()),
        &PROACTIVE_COLUMNS,
    )
    .map_err(failed)?;
    for (r, row) in (2u32..).zip(proactive_rows(report)) {
        sheet.write_string(r, 0, &row[0]).map_err(failed)?;
        for (col, cell) in (1u16..).zip(&row[1..]) {
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r, col, n),
                Err(_) => sheet.write_string(r, col, cell),
            }
            .map_err(failed)?;
        }
    }

    let sheet = workbook
        .add_worksheet()
        .set_name("三、依申请公开")
        .map_err(failed)?;
    header(sheet, REQUESTS_HEADING, &request_columns()).map_err(failed)?;
    for (r, line) in (2u32..).zip(report.requests.display_rows()) {
        let indent = "　".repeat(usize::from(line.depth));
        sheet
            .write_string(r, 0, format!("{indent}{}", line.label))
            .map_err(failed)?;
        if let Some(cells) = line.cells {
            for (col, value) in (1u16..).zip(cells.cells().iter().chain([&cells.total])) {
                sheet.write_number(r, col, *value as f64).map_err(failed)?;
            }
        }
    }

    let sheet = workbook
        .add_worksheet()
        .set_name("四、复议诉讼")
        .map_err(failed)?;
    header(sheet, CASES_HEADING, &CASE_COLUMNS).map_err(failed)?;
    for (r, (name, counts)) in (2u32..).zip(case_groups(report)) {
        sheet.write_string(r, 0, name).map_err(failed)?;
        for (col, value) in (1u16..).zip(case_cells(&counts)) {
            sheet.write_number(r, col, value as f64).map_err(failed)?;
        }
    }

    let sheet = workbook
        .add_worksheet()
        .set_name("文字部分")
        .map_err(failed)?;
    header(sheet, &report.title(), &["部分", "内容"]).map_err(failed)?;
    sheet.set_column_width(1, 100).map_err(failed)?;
    for (r, (name, text)) in (2u32..).zip(text_sections(report)) {
        sheet.write_string(r, 0, name).map_err(failed)?;
        sheet
            .write_string_with_format(r, 1, text, &wrap)
            .map_err(failed)?;
    }

    let sheet = workbook
        .add_worksheet()
        .set_name("勾稽关系")
        .map_err(failed)?;
    header(sheet, "勾稽关系校验", &["规则", "左边", "右边", "是否相符"]).map_err(failed)?;
    for (r, identity) in (2u32..).zip(&report.identities) {
        sheet.write_string(r, 0, &identity.rule).map_err(failed)?;
        sheet
            .write_number(r, 1, identity.left as f64)
            .map_err(failed)?;
        sheet
            .write_number(r, 2, identity.right as f64)
            .map_err(failed)?;
        let verdict = if identity.holds() { "相符" } else { "不符" };
        sheet.write_string(r, 3, verdict).map_err(failed)?;
    }
    workbook.save_to_buffer().map_err(failed)
}
