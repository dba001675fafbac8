//! Work plans (工作要点, 任务分工, 分工方案) to ledgers of tasks.
//!
//! This module owns turning the text of a work plan into its ledger (台账): the title,
//! the plan's year and every task with its heading path, ordinal, text, lead and
//! responsible units and deadline. The steps are split by concern:
//!
//! - [`cells`]: text → a stream of cells (lines, pipe-table cells, empty cells, row
//!   breaks; prose paragraphs split before inline headings);
//! - [`headings`]: the markers 一、 / （一） / 1. / （1） / ①;
//! - [`units`]: unit statements and the roles they give (labelled brackets and lines,
//!   unit cells, `X牵头，Y负责`);
//! - [`unit_names`]: a list of units split into names, role words stripped;
//! - [`columns`]: a table's header row and the role of each column after the task text;
//! - [`inline_table`]: a whole ledger table flattened into one line (序号 目标任务 …);
//! - [`assemble`]: the state machine that joins cells into tasks.
//!
//! Deadlines are read by `gongkai_domain::deadline_phrase`. Nothing here panics on any
//! input; a text that is no work plan gives a ledger with no tasks.

mod assemble;
mod cells;
mod columns;
mod draft;
pub(crate) mod headings;
mod inline_table;
mod unit_names;
mod units;

use draft::Draft;
use gongkai_domain::deadline_phrase;
use serde::Serialize;

/// The ledger of a work plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ledger {
    /// The plan's title (the first line that names a plan, else the first line).
    pub title: String,
    /// The plan's year when its title or opening states it.
    pub year: Option<i32>,
    /// The tasks in document order.
    pub tasks: Vec<Task>,
}

/// One task of a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    /// Position in the ledger: the ordinals of its path and its own, `"1.2.3"`.
    pub id: String,
    /// The full heading lines above the task, outermost first.
    pub path: Vec<String>,
    /// The task's own ordinal as written (`"1"`, `"一"`), if it has one.
    pub number: Option<String>,
    /// The task's text without its ordinal and without its unit bracket.
    pub text: String,
    pub lead_units: Vec<String>,
    pub responsible_units: Vec<String>,
    /// The deadline as written.
    pub deadline_text: Option<String>,
    /// The last day the deadline allows, `YYYY-MM-DD`.
    pub deadline: Option<String>,
    /// A continuing task (持续推进, 长期坚持, 常态化, 全年).
    pub ongoing: bool,
}

/// Extracts the ledger of a work plan from its text (as given by [`crate::text_of`], or
/// the raw text of a .txt file, whose empty table cells are then still visible).
pub fn extract_workplan(text: &str) -> Ledger {
    let text = text.replace("\r\n", "\n");
    let (title, year) = title_and_year(&text);
    let drafts = match inline_table::tasks(&text) {
        Some(rows) if !rows.is_empty() => rows,
        _ => assemble::tasks(&cells::cells(&text)),
    };
    let tasks = drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| finish(d, i, year))
        .collect();
    Ledger { title, year, tasks }
}

/// Extracts the ledger from a file's bytes. Plain text keeps its empty cells (tab-only
/// lines), which [`crate::text_of`] would trim away.
pub fn extract_workplan_from(bytes: &[u8], kind: crate::SourceKind) -> crate::Result<Ledger> {
    let text = match kind {
        crate::SourceKind::Text => crate::txt::decode(bytes),
        other => crate::text_of(bytes, other)?,
    };
    Ok(extract_workplan(&text))
}

fn finish(draft: Draft, index: usize, year: Option<i32>) -> Task {
    let deadline_text = draft
        .deadline
        .clone()
        .or_else(|| deadline_phrase::find_in_text(&draft.text).map(str::to_owned));
    let reading = deadline_text
        .as_deref()
        .map(|d| deadline_phrase::read(d, year))
        .unwrap_or_default();
    let mut ids: Vec<String> = draft.path.iter().filter_map(|p| ordinal(p)).collect();
    ids.push(
        draft
            .number
            .clone()
            .unwrap_or_else(|| (index + 1).to_string()),
    );
    Task {
        id: ids.join("."),
        path: draft.path,
        number: draft.number,
        text: draft.text,
        lead_units: dedup(draft.lead),
        responsible_units: dedup(draft.responsible),
        deadline_text,
        deadline: reading.date.map(|d| d.format("%Y-%m-%d").to_string()),
        ongoing: reading.ongoing,
    }
}

/// The ordinal of a heading in Arabic digits (`（三）…` → `3`).
fn ordinal(heading: &str) -> Option<String> {
    let m = headings::marker(heading)?;
    Some(chinese_number(&m.number).map_or(m.number, |n| n.to_string()))
}

fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| (i / 3) as u32 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        [d] => digit(*d),
        _ => None,
    }
}

fn dedup(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for n in names {
        if !n.is_empty() && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Words that name a plan in its title.
const PLAN_WORDS: [&str; 11] = [
    "分解",
    "重点工作",
    "工作要点",
    "分工",
    "方案",
    "任务",
    "台账",
    "清单",
    "计划",
    "要点",
    "行动",
];

/// The title: the first short line that names a plan; the year: the first `20xx年` of a
/// line naming a plan among the opening lines.
fn title_and_year(text: &str) -> (String, Option<i32>) {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches([' ', '\t', '\u{3000}', '|']))
        .filter(|l| !l.is_empty())
        .take(40)
        .collect();
    let names_plan = |l: &&&str| {
        l.chars().count() <= 80
            && headings::marker(l).is_none()
            && PLAN_WORDS.iter().any(|w| l.contains(w))
    };
    let title = lines
        .iter()
        .find(names_plan)
        .or(lines.first())
        .map(|l| l.chars().take(80).collect::<String>())
        .unwrap_or_default();
    let year = std::iter::once(&title.as_str())
        .chain(lines.iter().filter(names_plan))
        .find_map(|l| year_in(l));
    (title, year)
}

fn year_in(line: &str) -> Option<i32> {
    // Text from a PDF may hold spaces inside `2023 年`.
    let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        (w[4] == '年' && digits.starts_with("20") && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_comes_from_the_title_even_with_spaces() {
        let (title, year) =
            title_and_year("索引号 113/2023-31395\n2023年政府工作报告重点工作责任分解\n");
        assert_eq!(
            (title.as_str(), year),
            ("2023年政府工作报告重点工作责任分解", Some(2023))
        );
        assert_eq!(
            title_and_year("江西省 2023 年数字政府建设工作要点").1,
            Some(2023)
        );
    }
}
