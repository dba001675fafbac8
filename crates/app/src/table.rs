//! Tables in files: reading the first sheet of a CSV or spreadsheet (XLSX, XLS, ODS)
//! into rows of text, and writing a titled XLSX sheet. Used by every import and export
//! in table form (the unit directory, work-plan ledgers).

use crate::{Error, Result};
use calamine::{Data, Reader, open_workbook_auto};
use std::path::Path;

/// Reads an uploaded file (by the extension of the name the browser gave) into rows.
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
    read_table(file.path())
}

fn io_error(path: &Path, message: impl ToString) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source: std::io::Error::other(message.to_string()),
    }
}

/// The file's cells as text, header row first.
/// Reads a `.csv` (UTF-8) or the first sheet of a spreadsheet into rows of text.
pub fn read_table(path: &Path) -> Result<Vec<Vec<String>>> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "csv" => read_csv(path),
        "xlsx" | "xls" | "ods" => read_sheet(path),
        _ => Err(Error::invalid(
            "文件",
            format!("{}：只支持 .csv 和 .xlsx 文件", path.display()),
        )),
    }
}

fn read_csv(path: &Path) -> Result<Vec<Vec<String>>> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        io_error(
            path,
            "文件不是 UTF-8 编码（请在表格软件中另存为“CSV UTF-8”）",
        )
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.map(|record| record.iter().map(str::to_string).collect())
                .map_err(|e| io_error(path, e))
        })
        .collect()
}

fn read_sheet(path: &Path) -> Result<Vec<Vec<String>>> {
    let mut workbook = open_workbook_auto(path).map_err(|e| io_error(path, e))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| io_error(path, "工作簿中没有工作表"))?
        .map_err(|e| io_error(path, e))?;
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
