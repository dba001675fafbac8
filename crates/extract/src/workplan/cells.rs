//! The text of a plan as a stream of cells.
//!
//! This module owns the first cut of a text: each line is a cell; a line with `|`
//! separators gives one cell per column; a line holding only a tab, `—` or `/` is an
//! empty cell (a table cell with nothing in it); a blank line is a row break. A long
//! line of prose (a page flattened into one line) is cut before inline headings that
//! follow a space or a sentence end, so that each task becomes its own cell. A line
//! ending in 、 is an unfinished list (a unit cell wrapped over two paragraphs,
//! `区卫生健康委、` / `区政府新闻办`) and is joined with the next line.

use super::headings;

/// One cell of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cell {
    Text(String),
    Empty,
    RowBreak,
}

/// Lines longer than this are prose run together and are cut before inline headings.
const LONG_LINE: usize = 300;

pub(crate) fn cells(text: &str) -> Vec<Cell> {
    let mut out = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_matches([' ', '\t', '\u{3000}', '\u{a0}']);
        if trimmed.is_empty() {
            if line.contains('\t') {
                out.push(Cell::Empty);
            } else if out.last() != Some(&Cell::RowBreak) {
                out.push(Cell::RowBreak);
            }
        } else if is_empty_mark(trimmed) {
            out.push(Cell::Empty);
        } else if trimmed.contains('|') {
            pipe_row(trimmed, &mut out);
        } else if trimmed.chars().count() > LONG_LINE {
            out.extend(split_prose(trimmed).into_iter().map(Cell::Text));
        } else {
            push_text(&mut out, trimmed);
        }
    }
    out
}

/// Pushes a line as a cell, or appends it to the cell before when that one ends in 、
/// (blank lines between them dropped).
fn push_text(out: &mut Vec<Cell>, line: &str) {
    let open = out
        .iter()
        .rposition(|c| *c != Cell::RowBreak)
        .filter(|&i| matches!(&out[i], Cell::Text(t) if t.ends_with('、')));
    if let Some(i) = open {
        out.truncate(i + 1);
        if let Some(Cell::Text(t)) = out.last_mut() {
            t.push_str(line);
            return;
        }
    }
    out.push(Cell::Text(line.to_owned()));
}

fn is_empty_mark(cell: &str) -> bool {
    matches!(cell, "—" | "——" | "-" | "--" | "/" | "／" | "无" | "\\")
}

/// `a | b | | c |`: one cell per column, empty columns as empty cells, then a row break.
fn pipe_row(line: &str, out: &mut Vec<Cell>) {
    let parts: Vec<&str> = line.split('|').collect();
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.iter().enumerate() {
        let part = part.trim_matches([' ', '\t', '\u{3000}']);
        if part.is_empty() || is_empty_mark(part) {
            if i != last && i != 0 {
                out.push(Cell::Empty);
            }
        } else {
            out.push(Cell::Text(part.to_owned()));
        }
    }
    out.push(Cell::RowBreak);
}

/// Cuts a long line before inline headings (a marker after a space or a sentence end).
fn split_prose(line: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (i, c) in line.char_indices() {
        let boundary = matches!(previous, Some(' ' | '\u{3000}' | '。' | '；'));
        if boundary && i > start && headings::marker(&line[i..]).is_some_and(|m| m.level <= 3) {
            pieces.push(line[start..i].trim().to_owned());
            start = i;
        }
        previous = Some(c);
    }
    pieces.push(line[start..].trim().to_owned());
    pieces.retain(|p| !p.is_empty());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_pipes_and_blank_lines_become_cells() {
        let text = "\t一、总体\n\t\n\t—\n\na | | b |\n";
        assert_eq!(
            cells(text),
            [
                Cell::Text("一、总体".into()),
                Cell::Empty,
                Cell::Empty,
                Cell::RowBreak,
                Cell::Text("a".into()),
                Cell::Empty,
                Cell::Text("b".into()),
                Cell::RowBreak,
            ]
        );
    }

    #[test]
    fn a_line_ending_in_a_list_comma_continues_on_the_next() {
        assert_eq!(
            cells("\t区卫生健康委、\n\n区政府新闻办\n\t各街道\n"),
            [
                Cell::Text("区卫生健康委、区政府新闻办".into()),
                Cell::Text("各街道".into()),
            ]
        );
    }

    #[test]
    fn long_prose_is_cut_before_inline_headings() {
        let filler = "加强公开。".repeat(70);
        let line = format!(
            "{filler} 一、总体要求 {filler}(一)强化公开 1、数字经济。(责任单位:区政府办) 2、营商环境。"
        );
        let pieces = split_prose(&line);
        assert_eq!(pieces.len(), 5, "{pieces:?}");
        assert!(pieces[3].starts_with("1、数字经济"));
    }
}
