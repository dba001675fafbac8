//! Joining cells into tasks.
//!
//! This module owns the state machine over the cell stream. Lines that may be tasks
//! wait as candidates until a unit statement decides: the statement applies to the run
//! of items of the deepest level just before it (one item in a table row, a group of
//! numbered items when one unit line follows them, as in `X牵头，Y负责` after items
//! 2 and 3); the candidates before that run are headings of the path. A line that
//! closes with its own unit bracket is a task at once. Cells that follow a statement
//! (the next unit column, a deadline cell) apply to the same tasks; a header row tells
//! which column is which.

use super::Draft;
use super::cells::Cell;
use super::columns::{Column, HeaderCell, header_cell};
use super::headings::marker;
use super::units::{UnitStatement, trailing_bracket, unit_line};
use gongkai_domain::deadline_phrase;

/// Level of an unnumbered line.
const PLAIN: u8 = 99;
/// Level of a category cell of a table (a short unnumbered cell before the task text).
const CATEGORY: u8 = 90;

#[derive(Debug, Clone)]
struct Candidate {
    level: u8,
    number: Option<String>,
    /// The whole line, kept for the path.
    line: String,
    /// The text after the marker.
    text: String,
}

#[derive(Default)]
struct Assembler {
    path: Vec<(u8, String)>,
    candidates: Vec<Candidate>,
    drafts: Vec<Draft>,
    group: Vec<usize>,
    column: usize,
    empties: usize,
    header: Vec<Column>,
    header_cells: Vec<HeaderCell>,
}

pub(crate) fn tasks(cells: &[Cell]) -> Vec<Draft> {
    let mut assembler = Assembler::default();
    for (i, cell) in cells.iter().enumerate() {
        if !signature(cells, i) {
            assembler.cell(cell);
        }
    }
    assembler.drafts
}

impl Assembler {
    fn cell(&mut self, cell: &Cell) {
        let text = match cell {
            Cell::RowBreak => return,
            Cell::Empty => {
                if !self.header_cells.is_empty() {
                    return;
                }
                if !self.group.is_empty() {
                    self.column += 1;
                } else if !self.candidates.is_empty() {
                    self.empties += 1;
                }
                return;
            }
            Cell::Text(text) => text.as_str(),
        };
        if let Some(h) = header_cell(text) {
            self.header_cells.push(h);
            return;
        }
        self.end_header();
        if text.starts_with("任务分工") {
            return;
        }
        if let Some(statement) = unit_line(text) {
            return self.statement(&statement);
        }
        if deadline_phrase::is_deadline_cell(text) {
            if !self.group.is_empty() {
                for &i in &self.group {
                    self.drafts[i].deadline = Some(text.trim().to_owned());
                }
                self.column += 1;
            }
            return;
        }
        if !self.group.is_empty() && self.header.get(self.column) == Some(&Column::Skip) {
            self.column += 1;
            return;
        }
        self.group.clear();
        self.line(text);
    }

    fn end_header(&mut self) {
        if self.header_cells.is_empty() {
            return;
        }
        let cells = std::mem::take(&mut self.header_cells);
        let after: Vec<Column> = cells
            .iter()
            .rev()
            .take_while(|c| matches!(c, HeaderCell::After(_)))
            .filter_map(|c| match c {
                HeaderCell::After(column) => Some(*column),
                HeaderCell::Text => None,
            })
            .collect();
        if cells.len() >= 2 && !after.is_empty() {
            self.header = after.into_iter().rev().collect();
        }
    }

    /// A unit statement: decides the waiting candidates, or continues the current group.
    fn statement(&mut self, statement: &UnitStatement) {
        let says_something = !statement.lead.is_empty()
            || !statement.responsible.is_empty()
            || statement.deadline.is_some();
        if !says_something {
            return;
        }
        if !self.candidates.is_empty() {
            let column = self.empties;
            self.group = self.resolve();
            self.column = column;
        }
        if self.group.is_empty() {
            return;
        }
        let role = self.header.get(self.column).copied();
        for &i in &self.group {
            apply(&mut self.drafts[i], statement, role);
        }
        self.column += 1;
    }

    /// A line that is no unit statement: a task with its own bracket, or a candidate.
    fn line(&mut self, line: &str) {
        let m = marker(line);
        let (level, number, text) = match &m {
            Some(m) => (m.level, Some(m.number.clone()), line[m.rest..].trim_start()),
            None => (PLAIN, None, line),
        };
        if let Some((at, statement)) = trailing_bracket(text) {
            let candidates = std::mem::take(&mut self.candidates);
            for c in candidates.into_iter().filter(|c| c.level < PLAIN) {
                self.push_heading(c.level, &c.line);
            }
            let candidate = Candidate {
                level,
                number,
                line: line.to_owned(),
                text: text[..at].trim_end().to_owned(),
            };
            let i = self.push_task(candidate);
            apply(&mut self.drafts[i], &statement, None);
            self.group = vec![i];
            self.column = 1;
            return;
        }
        if self.candidates.is_empty() {
            self.empties = 0;
        }
        self.candidates.push(Candidate {
            level,
            number,
            line: line.to_owned(),
            text: text.to_owned(),
        });
    }

    /// Chooses the tasks among the candidates; the others become headings.
    fn resolve(&mut self) -> Vec<usize> {
        let mut candidates = std::mem::take(&mut self.candidates);
        let Some(last) = candidates.last() else {
            return Vec::new();
        };
        let level = last.level;
        let mut start = candidates.len() - 1;
        while start > 0 && candidates[start - 1].level == level {
            start -= 1;
        }
        let mut chosen: Vec<Candidate> = candidates.split_off(start);
        if level == PLAIN {
            chosen = merge_plain(chosen, &mut candidates);
        }
        for c in candidates {
            if c.level < PLAIN {
                self.push_heading(c.level, &c.line);
            }
        }
        if level == PLAIN && chosen.iter().all(|c| !sentence_like(&c.text)) {
            // A title or a signature above a unit-like line (an addressee, a sender).
            return Vec::new();
        }
        if chosen.len() == 1 && chosen[0].level <= 2 && heading_like(&chosen[0].text) {
            // A heading whose items were lost: the unit line has nothing to apply to.
            self.push_heading(chosen[0].level, &chosen[0].line);
            return Vec::new();
        }
        chosen.into_iter().map(|c| self.push_task(c)).collect()
    }

    fn push_heading(&mut self, level: u8, line: &str) {
        let line = line.trim().trim_end_matches(['。', ' ']).to_owned();
        self.path.retain(|(l, _)| *l < level);
        self.path.push((level, line));
    }

    fn push_task(&mut self, candidate: Candidate) -> usize {
        if candidate.level < PLAIN {
            self.path.retain(|(l, _)| *l < candidate.level);
        }
        self.drafts.push(Draft {
            path: self.path.iter().map(|(_, p)| p.clone()).collect(),
            number: candidate.number,
            text: candidate.text,
            ..Draft::default()
        });
        self.drafts.len() - 1
    }
}

/// A run of unnumbered lines before a unit statement: short unpunctuated cells before
/// the last are table categories (path), longer ones continue the task text; a run
/// right after a numbered item continues that item.
fn merge_plain(mut run: Vec<Candidate>, before: &mut Vec<Candidate>) -> Vec<Candidate> {
    if let Some(item) = before.last()
        && item.level >= 3
        && item.level < PLAIN
        && !heading_like(&item.text)
        && let Some(mut item) = before.pop()
    {
        for c in &run {
            item.text.push_str(&c.text);
        }
        return vec![item];
    }
    let Some(mut task) = run.pop() else {
        return run;
    };
    let mut prefix = String::new();
    for c in run {
        if c.text.chars().count() <= 15 && !c.text.contains(['。', '，', ',', '；']) {
            before.push(Candidate {
                level: CATEGORY,
                ..c
            });
        } else {
            prefix.push_str(&c.text);
        }
    }
    task.text.insert_str(0, &prefix);
    vec![task]
}

/// A sender's name above the date of a notice (`重庆市渝中区人民政府办公室` /
/// `2022年6月17日`): no unit statement.
fn signature(cells: &[Cell], i: usize) -> bool {
    let next = cells[i + 1..].iter().find(|c| **c != Cell::RowBreak);
    let Some(Cell::Text(date)) = next else {
        return false;
    };
    let date: String = date.chars().filter(|c| !c.is_whitespace()).collect();
    date.ends_with('日')
        && date.chars().count() <= 12
        && date
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日'))
}

/// An unnumbered task text reads as a sentence: punctuated, or longer than a title.
fn sentence_like(text: &str) -> bool {
    text.contains(['，', ',', '。', '；', ';']) || text.chars().count() > 40
}

/// A short line with no sentence inside: a heading rather than a task.
fn heading_like(text: &str) -> bool {
    let body = text.trim().trim_end_matches('。');
    body.chars().count() <= 40 && !body.contains(['。', '；', ';'])
}

fn apply(draft: &mut Draft, statement: &UnitStatement, role: Option<Column>) {
    if statement.labelled || statement.marked {
        draft.lead.extend(statement.lead.iter().cloned());
        draft
            .responsible
            .extend(statement.responsible.iter().cloned());
    } else {
        let names = statement.lead.iter().chain(&statement.responsible).cloned();
        match role {
            Some(Column::Lead) => draft.lead.extend(names),
            Some(Column::Skip) => {}
            _ => draft.responsible.extend(names),
        }
    }
    if let Some(d) = &statement.deadline {
        draft.deadline = Some(d.clone());
    }
}
