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
//!
//! Tasks whose units the page does not show are kept with no units rather than lost or
//! given a guessed unit: a table row whose unit cells are all empty, and numbered items
//! that follow a task group at its level but close their section before any unit line
//! (the unit cell was merged with the row above and dropped by the page).

use super::cells::Cell;
use super::columns::{Column, HeaderCell, header_cell};
use super::draft::Draft;
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
    /// The level of the last tasks made, which later items of a section share.
    task_level: Option<u8>,
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
            Cell::RowBreak => return self.row_break(),
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

    /// The end of a table row: a task text followed by an empty cell in every unit column
    /// is a task with no units.
    fn row_break(&mut self) {
        let unit_cells_empty = !self.header.is_empty() && self.empties >= self.header.len();
        let ends_in_text = self
            .candidates
            .last()
            .is_some_and(|c| sentence_like(&c.text));
        if unit_cells_empty && ends_in_text {
            self.resolve();
            self.group.clear();
        }
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
            self.task_level = Some(level);
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
        for orphan in self.take_orphans(&mut candidates) {
            self.push_task(orphan);
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
        self.task_level = Some(level);
        chosen.into_iter().map(|c| self.push_task(c)).collect()
    }

    /// The numbered items at the start of `candidates` that continue the last task group
    /// (same level, sentences) and are closed by a shallower heading before any unit
    /// statement: tasks whose unit cell the page lost.
    fn take_orphans(&self, candidates: &mut Vec<Candidate>) -> Vec<Candidate> {
        let Some(level) = self.task_level.filter(|l| *l < CATEGORY) else {
            return Vec::new();
        };
        let run = candidates
            .iter()
            .take_while(|c| c.level == level && sentence_like(&c.text))
            .count();
        let closed = candidates.get(run).is_some_and(|c| c.level < level);
        if run > 0 && closed {
            candidates.drain(..run).collect()
        } else {
            Vec::new()
        }
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

#[cfg(test)]
mod tests {
    use super::super::cells::cells;
    use super::*;

    fn texts_and_units(text: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
        tasks(&cells(text))
            .into_iter()
            .map(|d| (d.text, d.lead, d.responsible))
            .collect()
    }

    #[test]
    fn a_row_with_every_unit_cell_empty_is_a_task_without_units() {
        let text = "\t贯彻举措\n\t牵头单位\n\t责任单位\n\n\t公开预算信息，接受监督。\n\t区财政局\n\t各街道\n\n\t清理现行文件，集中公开。\n\t\n\t\n\n\t做好解读工作，回应关切。\n\t区政府办公室\n\t—\n";
        let got = texts_and_units(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].0, "清理现行文件，集中公开。");
        assert!(got[1].1.is_empty() && got[1].2.is_empty());
        assert_eq!(got[2].1, ["区政府办公室"]);
        assert!(got[2].2.is_empty());
    }

    #[test]
    fn items_closed_by_a_new_section_before_any_unit_line_are_tasks_without_units() {
        let text = "一、公开\n1.公开预算信息,接受监督。\n区财政局负责\n2.公开决算信息,接受监督。\n二、解读\n3.做好解读工作,回应关切。\n区政府办公室负责\n";
        let got = texts_and_units(text);
        let texts: Vec<&str> = got.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "公开预算信息,接受监督。",
                "公开决算信息,接受监督。",
                "做好解读工作,回应关切。"
            ]
        );
        assert!(got[1].2.is_empty());
        assert_eq!(got[2].2, ["区政府办公室"]);
    }
}
