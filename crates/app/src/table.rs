//! Tables in files: reading the first sheet of a CSV or spreadsheet (XLSX, XLS, ODS)
//! into rows of text, and writing a titled XLSX sheet. Used by every import and export
//! in table form (the unit directory, work-plan ledgers).

use crate::{Error, Result};
use calamine::{Data, Reader, open_workbook_auto};
use std::path::Path;

/// Reads an uploaded file into rows; its type is told by the extension of the name
/// the browser gave, which also names the file in errors.
pub fn read_upload(file_name: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    let extension = Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let io = |e: std::io::Error| Error::Io {
        path: file_name.to_string(),
        source: e,
    };
    let mut file = tempfile::Builder::new()
        .suffix(&format!(".{extension}"))
        .tempfile()
        .map_err(io)?;
    std::io::Write::write_all(&mut file, bytes).map_err(io)?;
    read_named(file.path(), file_name)
}

/// Reads a `.csv` (UTF-8, or GB18030 as saved by Chinese Excel) or the first sheet of a
/// spreadsheet (`.xlsx`, `.xls`, `.ods`) into rows of text, header row first.
pub fn read_table(path: &Path) -> Result<Vec<Vec<String>>> {
    read_named(path, &path.display().to_string())
}

/// [`read_table`], naming the file `shown` in errors (an upload's own name rather than
/// the temporary file's).
fn read_named(path: &Path, shown: &str) -> Result<Vec<Vec<String>>> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let unreadable = |reason: String| Error::invalid(shown, format!("无法读取：{reason}"));
    match extension.as_str() {
        "csv" => {
            let bytes = std::fs::read(path).map_err(|e| Error::Io {
                path: shown.to_string(),
                source: e,
            })?;
            read_csv(&bytes).map_err(unreadable)
        }
        "xlsx" | "xls" | "ods" => read_sheet(path).map_err(unreadable),
        _ => Err(Error::invalid(
            shown,
            "只支持 .csv、.xlsx、.xls 和 .ods 文件",
        )),
    }
}

fn read_csv(bytes: &[u8]) -> std::result::Result<Vec<Vec<String>>, String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
            if had_errors {
                return Err("文件编码无法识别（请另存为“CSV UTF-8”）".to_string());
            }
            text
        }
    };
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.map(|record| record.iter().map(str::to_string).collect())
                .map_err(|e| e.to_string())
        })
        .collect()
}

/// The first sheet's rows. calamine runs under `catch_unwind`, as in the extractor: a
/// malformed workbook (the `xlsx` fuzz target found a `<dimension ref>` whose end
/// precedes its start, on which calamine 0.30 subtracts with overflow) is refused,
/// not a panic.
fn read_sheet(path: &Path) -> std::result::Result<Vec<Vec<String>>, String> {
    std::panic::catch_unwind(|| read_first_sheet(path))
        .unwrap_or_else(|_| Err("文件结构损坏，解析器无法处理".to_string()))
}

fn read_first_sheet(path: &Path) -> std::result::Result<Vec<Vec<String>>, String> {
    let mut workbook = open_workbook_auto(path).map_err(|e| e.to_string())?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| "工作簿中没有工作表".to_string())?
        .map_err(|e| e.to_string())?;
    Ok(range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect())
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        other => other.to_string(),
    }
}

/// A column of a written sheet: its header and width in characters.
pub type Column<'a> = (&'a str, f64);

/// An XLSX workbook of one sheet: a bold title in the first row, bold headers in the
/// second, then the rows, wrapped.
pub fn write_xlsx(
    sheet_name: &str,
    title: &str,
    columns: &[Column<'_>],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let failed = |e: rust_xlsxwriter::XlsxError| Error::Internal(format!("无法生成 XLSX：{e}"));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name).map_err(failed)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    sheet
        .write_string_with_format(0, 0, title, &bold)
        .map_err(failed)?;
    for (col, (name, width)) in (0u16..).zip(columns) {
        sheet
            .write_string_with_format(1, col, *name, &bold)
            .map_err(failed)?;
        sheet.set_column_width(col, *width).map_err(failed)?;
    }
    for (r, row) in (2u32..).zip(rows) {
        for (col, value) in (0u16..).zip(row) {
            sheet
                .write_string_with_format(r, col, value, &wrap)
                .map_err(failed)?;
        }
    }
    workbook.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn a_csv_saved_by_chinese_excel_in_gb18030_reads_like_utf8() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("序号,任务内容\n1,公开预决算\n");
        let rows = read_upload("台账.csv", &gbk).unwrap();
        assert_eq!(rows, [["序号", "任务内容"], ["1", "公开预决算"]]);
        let rows = read_upload("台账.csv", "\u{feff}序号\n1\n".as_bytes()).unwrap();
        assert_eq!(rows, [["序号"], ["1"]]);
    }

    #[test]
    fn unreadable_uploads_are_the_callers_error_naming_the_upload() {
        let err = read_upload("台账.xlsx", b"not a workbook").unwrap_err();
        assert!(err.is_client_error(), "{err:?}");
        assert!(err.to_string().starts_with("台账.xlsx："), "{err}");
        let err = read_upload("台账.docx", b"x").unwrap_err();
        assert!(err.is_client_error());
        assert!(!err.to_string().contains("/tmp"), "{err}");
    }
}
