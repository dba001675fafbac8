//! A whole ledger table flattened into one line of text.
//!
//! This module owns reading `… 序号 目标任务 任务内容 责任单位 工作时限 (一)… 1 数字经济
//! 发展领域 在区政府网站开设…专题。 区政府办公室、区政数局 2022年7月底前完成 2 …`:
//! the header names the columns, rows start with the next 序号 (1, 2, 3…), a section
//! heading between rows starts a new path, the last cells of a row are its units and
//! deadline, the first cell holding a sentence starts the task text and the cells
//! before it are the row's category (目标任务), inherited by the following rows. Where
//! a document holds such a table, its rows are the tasks.

use super::draft::Draft;
use super::headings::marker;
use super::units::{unit_line, unlabelled};
use gongkai_domain::deadline_phrase;

/// Columns a flattened ledger header starts with.
const HEADER_START: &str = "序号";
const HEADER_WORDS: [&str; 4] = ["任务", "单位", "时限", "内容"];

/// The rows of a flattened ledger table, if the text holds one.
pub(crate) fn tasks(text: &str) -> Option<Vec<Draft>> {
    let line = text.lines().find(|l| header_at(l).is_some())?;
    let start = header_at(line)?;
    let tokens: Vec<&str> = line[start..].split_whitespace().collect();
    let header_len = tokens.iter().take_while(|t| is_header_word(t)).count();
    let tokens = &tokens[header_len..];
    let mut drafts = Vec::new();
    let mut section: Option<String> = None;
    let mut category: Option<String> = None;
    let mut i = 0;
    let mut expected = 1;
    while i < tokens.len() {
        let token = tokens[i];
        if token == expected.to_string() {
            let end = (i + 1..tokens.len())
                .find(|&j| tokens[j] == (expected + 1).to_string() || is_section(tokens[j]))
                .unwrap_or(tokens.len());
            if let Some(draft) = row(&tokens[i + 1..end], expected, &section, &mut category) {
                drafts.push(draft);
            }
            expected += 1;
            i = end;
        } else {
            if is_section(token) {
                section = Some(token.trim_end_matches('。').to_owned());
                category = None;
            }
            i += 1;
        }
    }
    Some(drafts)
}

/// Where a header `序号 X Y …` of at least three column names starts in a line.
fn header_at(line: &str) -> Option<usize> {
    line.match_indices(HEADER_START).map(|(i, _)| i).find(|&i| {
        let names = line[i..]
            .split_whitespace()
            .take_while(|t| is_header_word(t))
            .count();
        names >= 3
    })
}

fn is_header_word(token: &str) -> bool {
    token == HEADER_START
        || (token.chars().count() <= 8 && HEADER_WORDS.iter().any(|w| token.contains(w)))
}

fn is_section(token: &str) -> bool {
    marker(token).is_some_and(|m| m.level <= 2)
}

fn row(
    cells: &[&str],
    number: usize,
    section: &Option<String>,
    category: &mut Option<String>,
) -> Option<Draft> {
    let mut end = cells.len();
    let mut deadline = None;
    if end > 0 && deadline_phrase::is_deadline_cell(cells[end - 1]) {
        deadline = Some(cells[end - 1].to_owned());
        end -= 1;
    }
    let units_at = (0..end).rev().find(|&j| unit_line(cells[j]).is_some())?;
    let statement = unlabelled(cells[units_at]);
    let body = &cells[..units_at];
    let text_start = body
        .iter()
        .position(|c| c.contains(['，', ',', '。', '；', ';', '、', '《']))
        .unwrap_or(body.len().saturating_sub(1));
    if text_start > 0 {
        *category = Some(body[..text_start].concat());
    }
    let text = body.get(text_start..)?.join(" ");
    if text.is_empty() {
        return None;
    }
    let path = section.iter().chain(category.iter()).cloned().collect();
    Some(Draft {
        path,
        number: Some(number.to_string()),
        text,
        lead: statement.lead,
        responsible: statement.responsible,
        deadline,
    })
}
