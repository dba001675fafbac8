//! The data tables of a document (HTML or Word), row by row and cell by cell, so that a document
//! imported into the library keeps its tables as tables (its text has one line per
//! cell, as every other use of the text needs).
//!
//! Only data tables are returned: at least two rows and two columns, no table nested in
//! it, and no cell longer than [`MAX_CELL_CHARS`] — a page laid out with a table (the
//! whole article in one cell) is not a data table.

use scraper::{ElementRef, Html, Selector};

use crate::SourceKind;
use crate::html::{cell_text, declared_charset};
use crate::txt;

/// A table: rows of cells, each cell's text with its lines joined by `\n`.
pub type Table = Vec<Vec<String>>;

/// Longest text of a cell of a data table, in characters.
pub const MAX_CELL_CHARS: usize = 300;

/// The data tables of a file, in document order; none for kinds without tables here.
pub fn tables_of(bytes: &[u8], kind: SourceKind) -> Vec<Table> {
    let tables = match kind {
        SourceKind::Html => html_tables(bytes),
        SourceKind::Docx => crate::docx::tables(bytes),
        _ => Vec::new(),
    };
    tables.into_iter().filter_map(data_table).collect()
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn html_tables(bytes: &[u8]) -> Vec<Table> {
    let source = txt::decode_with_label(bytes, declared_charset(bytes).as_deref());
    let document = Html::parse_document(&source);
    let Some(tables) = selector("table") else {
        return Vec::new();
    };
    // A table holding another table lays out the page; the inner one may hold data.
    document
        .select(&tables)
        .filter(|t| t.select(&tables).next().is_none())
        .filter_map(rows_of)
        .collect()
}

/// The rows of a table element.
fn rows_of(table: ElementRef) -> Option<Table> {
    let (row_sel, cell_sel) = (selector("tr")?, selector("th, td")?);
    Some(
        table
            .select(&row_sel)
            .map(|row| row.select(&cell_sel).map(cell_text).collect())
            .collect(),
    )
}

/// The table without its empty rows, when it is a data table.
fn data_table(rows: Table) -> Option<Table> {
    let rows: Table = rows
        .into_iter()
        .filter(|cells| cells.iter().any(|c| !c.is_empty()))
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let short = rows
        .iter()
        .flatten()
        .all(|cell| cell.chars().count() <= MAX_CELL_CHARS);
    (rows.len() >= 2 && columns >= 2 && short).then_some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_table_comes_out_row_by_row() {
        let html = "<p>名单如下：</p><table><tr><th>序号</th><th>单位</th></tr>\
            <tr><td>1</td><td>区财政局<br>（牵头）</td></tr><tr><td>2</td><td>区司法局</td></tr></table>";
        let tables = tables_of(html.as_bytes(), SourceKind::Html);
        assert_eq!(
            tables,
            vec![vec![
                vec!["序号".to_string(), "单位".to_string()],
                vec!["1".to_string(), "区财政局\n（牵头）".to_string()],
                vec!["2".to_string(), "区司法局".to_string()],
            ]]
        );
    }

    #[test]
    fn layout_tables_are_not_data_tables() {
        let long = "正文".repeat(200);
        let layout = format!(
            "<table><tr><td>导航</td><td>{long}</td></tr><tr><td>a</td><td>b</td></tr></table>"
        );
        assert!(tables_of(layout.as_bytes(), SourceKind::Html).is_empty());
        let outer = "<table><tr><td><table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table></td></tr></table>";
        let found = tables_of(outer.as_bytes(), SourceKind::Html);
        assert_eq!(found.len(), 1, "only the inner data table");
        let single = "<table><tr><td>只有一列</td></tr><tr><td>第二行</td></tr></table>";
        assert!(tables_of(single.as_bytes(), SourceKind::Html).is_empty());
    }
}
