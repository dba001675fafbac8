//! The header row of a ledger table and the role of its columns.
//!
//! This module owns recognising column names (重点任务, 具体要求, 牵头单位, 责任单位,
//! 牵头及责任单位, 工作时限, 备注…) and deciding what the cells after a task's text
//! hold: lead units, responsible units, both (one combined column, where units marked
//! 牵头 lead), a deadline, or something to skip (people, remarks).

/// What a column after the task text holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Lead,
    Responsible,
    Combined,
    Deadline,
    Skip,
}

/// The kind of a column name, or `None` when the cell is no column name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderCell {
    /// A column of task text or categories (重点任务, 具体要求…).
    Text,
    After(Column),
}

const TEXT_COLUMNS: &[&str] = &[
    "序号",
    "重点任务",
    "工作任务",
    "目标任务",
    "任务内容",
    "贯彻举措",
    "具体要求",
    "工作要求",
    "一级要点",
    "二级要点",
    "目标和要求",
    "目标与任务",
    "工作内容",
    "主要任务",
    "任务",
    "具体措施",
    "工作措施",
    "重点工作",
    "工作事项",
    "类别",
    "项目",
    "具体任务",
    "任务分解",
    "工作目标",
];

/// Role words that end a unit statement (`县各部门牵头`) but never a column name.
const STATEMENT_ENDINGS: [&str; 4] = ["牵头", "负责", "配合", "。"];

/// Reads a cell as a column name of a ledger header. A numbered heading
/// (`(一)明确领导责任。`) or a statement ending in a role word (`县府办、县司法局牵头`)
/// is no column name, however short.
pub(crate) fn header_cell(cell: &str) -> Option<HeaderCell> {
    let name: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    if name.chars().count() > 10
        || super::headings::marker(&name).is_some()
        || STATEMENT_ENDINGS.iter().any(|e| name.ends_with(e))
    {
        return None;
    }
    if TEXT_COLUMNS.contains(&name.as_str()) {
        return Some(HeaderCell::Text);
    }
    let lead = name.contains("牵头") || name.contains("牽頭") || name.contains("主办");
    let responsible = name.contains("责任")
        || name.contains("落实")
        || name.contains("配合")
        || name.contains("協同")
        || name.contains("协同")
        || name.contains("責任");
    let unit = ["单位", "科室", "部门", "处室", "單位"]
        .iter()
        .any(|w| name.contains(w));
    let column = if name.contains("领导") || name.contains("領導") || name == "备注" {
        Column::Skip
    } else if name.contains("时限") || name.contains("完成时间") || name.contains("时间节点")
    {
        Column::Deadline
    } else if lead && (name.contains('及') || name.contains('和') || name.contains('、')) {
        Column::Combined
    } else if lead && unit {
        Column::Lead
    } else if (responsible || name == "单位") && unit {
        Column::Responsible
    } else {
        return None;
    };
    Some(HeaderCell::After(column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_get_roles() {
        let cases = [
            ("牵头单位", Some(HeaderCell::After(Column::Lead))),
            ("牵头责任单位", Some(HeaderCell::After(Column::Lead))),
            ("责任单位", Some(HeaderCell::After(Column::Responsible))),
            (
                "落实科室(部门)",
                Some(HeaderCell::After(Column::Responsible)),
            ),
            ("牵头及责任单位", Some(HeaderCell::After(Column::Combined))),
            ("工作时限", Some(HeaderCell::After(Column::Deadline))),
            ("分管县领导", Some(HeaderCell::After(Column::Skip))),
            ("贯彻举措", Some(HeaderCell::Text)),
            ("办公室", None),
            ("(一)明确领导责任。", None),
            ("县各部门牵头", None),
            ("县府办、县司法局牵头", None),
        ];
        for (cell, expected) in cases {
            assert_eq!(header_cell(cell), expected, "{cell}");
        }
    }
}
