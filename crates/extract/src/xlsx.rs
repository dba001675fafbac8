//! Cells of an Excel workbook (Office Open XML, `.xlsx`), read with `calamine`.
//!
//! Every sheet is read in workbook order and every non-empty cell in row order. A number
//! that is a whole number is written without a decimal part (an ID or phone number typed
//! as a number reads as its digits); text, booleans and dates as calamine shows them.
//! The archive's declared sizes are checked first, so a tiny file cannot inflate to
//! gigabytes, and the call into calamine runs under `catch_unwind` like the PDF reader.

use std::io::Cursor;
use std::panic;

use calamine::{Data, Reader, Xlsx};

use crate::{Error, MAX_DECOMPRESSED_SIZE, Result};

/// One non-empty cell: its sheet, its address (`C5`) and its text.
pub(crate) struct Cell {
    pub sheet: String,
    pub address: String,
    pub text: String,
}

/// Every non-empty cell of every sheet.
pub(crate) fn cells(bytes: &[u8]) -> Result<Vec<Cell>> {
    check_sizes(bytes)?;
    match panic::catch_unwind(|| read_cells(bytes)) {
        Ok(result) => result,
        Err(_) => Err(invalid("文件结构损坏，解析器无法处理")),
    }
}

/// The text of a workbook: each row a line of tab-separated cells, sheets one after
/// the other (not yet normalised).
pub(crate) fn text(bytes: &[u8]) -> Result<String> {
    let mut out = String::new();
    let mut last: Option<(String, u32)> = None;
    for cell in cells(bytes)? {
        let row = row_of(&cell.address);
        match &last {
            Some((sheet, r)) if *sheet == cell.sheet && *r == row => out.push('\t'),
            Some(_) => out.push('\n'),
            None => {}
        }
        out.push_str(&cell.text);
        last = Some((cell.sheet, row));
    }
    Ok(out)
}

fn invalid(reason: impl Into<String>) -> Error {
    Error::InvalidXlsx {
        reason: reason.into(),
    }
}

/// Refuses an archive whose parts declare more than [`MAX_DECOMPRESSED_SIZE`] in all.
fn check_sizes(bytes: &[u8]) -> Result<()> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| invalid(e.to_string()))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let part = archive
            .by_index_raw(i)
            .map_err(|e| invalid(e.to_string()))?;
        total = total.saturating_add(part.size());
    }
    if total > u64::try_from(MAX_DECOMPRESSED_SIZE).unwrap_or(u64::MAX) {
        return Err(Error::TooLarge {
            what: "工作簿".to_owned(),
            limit: MAX_DECOMPRESSED_SIZE,
        });
    }
    Ok(())
}

fn read_cells(bytes: &[u8]) -> Result<Vec<Cell>> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| invalid(e.to_string()))?;
    let mut out = Vec::new();
    for sheet in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&sheet)
            .map_err(|e| invalid(format!("工作表“{sheet}”：{e}")))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        for (row, col, data) in range.used_cells() {
            let text = cell_text(data);
            if text.trim().is_empty() {
                continue;
            }
            let (row, col) = (top as usize + row, left as usize + col);
            out.push(Cell {
                sheet: sheet.clone(),
                address: format!("{}{}", column_name(col), row + 1),
                text,
            });
        }
    }
    Ok(out)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e21 => format!("{f:.0}"),
        other => other.to_string(),
    }
}

/// Spreadsheet column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA.
fn column_name(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The row number of a cell address (`C5` → 5).
fn row_of(address: &str) -> u32 {
    address
        .trim_start_matches(|c: char| c.is_ascii_uppercase())
        .parse()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702].map(column_name).into();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
        assert_eq!(row_of("AB12"), 12);
    }

    #[test]
    fn whole_numbers_read_as_digits() {
        assert_eq!(cell_text(&Data::Float(13812345678.0)), "13812345678");
        assert_eq!(cell_text(&Data::Float(1.5)), "1.5");
        assert_eq!(cell_text(&Data::Int(42)), "42");
        assert_eq!(cell_text(&Data::String("张三".into())), "张三");
    }

    #[test]
    fn garbage_is_an_error() {
        assert_eq!(
            cells(b"not a zip").err().map(|e| e.code()),
            Some("invalid_xlsx")
        );
    }
}
