//! Importing the unit directory from a CSV or XLSX file.
//!
//! The first row names the columns (名称, 上级单位, 类型, 简称, 统一社会信用代码,
//! 联系电话, 地址, 电子邮箱, 排序; only 名称 and 类型 are required). A unit's parent is
//! named by full name or alias and may stand anywhere in the file. A unit that
//! already exists (same name or alias) is updated, so importing twice changes
//! nothing. The whole file is one transaction: one bad row and nothing is written,
//! and the error list names every bad row.

use super::input::OrgInput;
use crate::{Error, Result};
use gongkai_domain::org::normalize_unit_name;
use gongkai_store::orgs::{self, Org};
use gongkai_store::{Actor, Store};
use std::collections::HashMap;
use std::path::Path;

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// One data row of the file, with its 1-based line number.
struct Row {
    line: usize,
    input: OrgInput,
    parent_name: String,
}

const COLUMNS: [(&str, &[&str]); 9] = [
    ("name", &["名称", "单位名称", "全称", "name"]),
    ("parent", &["上级单位", "上级", "parent"]),
    ("kind", &["类型", "单位类型", "kind"]),
    ("aliases", &["简称", "别名", "简称/别名", "aliases"]),
    (
        "credit_code",
        &["统一社会信用代码", "信用代码", "credit_code"],
    ),
    ("contact_phone", &["联系电话", "电话", "contact_phone"]),
    ("contact_address", &["地址", "办公地址", "contact_address"]),
    ("contact_email", &["电子邮箱", "邮箱", "contact_email"]),
    ("sort_order", &["排序", "sort_order"]),
];

/// Imports units from a `.csv` or `.xlsx` file, as `actor`.
pub async fn import_file(store: &Store, actor: Actor, path: &Path) -> Result<ImportReport> {
    import_table(store, actor, crate::table::read_table(path)?).await
}

/// Imports units from rows already read (header first), as `actor`.
pub async fn import_table(
    store: &Store,
    actor: Actor,
    table: Vec<Vec<String>>,
) -> Result<ImportReport> {
    apply(store, actor, to_rows(table)?).await
}

/// Maps header names to columns and rows to inputs; empty rows are skipped.
fn to_rows(table: Vec<Vec<String>>) -> Result<Vec<Row>> {
    let mut lines = table.into_iter().enumerate();
    let Some((_, header)) = lines.next() else {
        return Err(Error::invalid("文件", "文件是空的"));
    };
    let index = column_index(&header)?;
    let cell = |cells: &[String], key: &str| -> String {
        index
            .get(key)
            .and_then(|&i| cells.get(i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    Ok(lines
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, cells)| Row {
            line: i + 1,
            parent_name: cell(&cells, "parent"),
            input: OrgInput {
                name: cell(&cells, "name"),
                kind: cell(&cells, "kind"),
                parent_id: None,
                aliases: cell(&cells, "aliases"),
                credit_code: cell(&cells, "credit_code"),
                contact_phone: cell(&cells, "contact_phone"),
                contact_address: cell(&cells, "contact_address"),
                contact_email: cell(&cells, "contact_email"),
                sort_order: cell(&cells, "sort_order"),
            },
        })
        .collect())
}

fn column_index(header: &[String]) -> Result<HashMap<&'static str, usize>> {
    let mut index = HashMap::new();
    for (i, title) in header.iter().enumerate() {
        let title = title.trim().trim_start_matches('\u{feff}');
        if let Some((key, _)) = COLUMNS.iter().find(|(_, names)| names.contains(&title)) {
            index.insert(*key, i);
        }
    }
    for required in ["name", "kind"] {
        if !index.contains_key(required) {
            let names = COLUMNS
                .iter()
                .find(|(key, _)| *key == required)
                .map(|(_, names)| names[0])
                .unwrap_or(required);
            return Err(Error::invalid("表头", format!("缺少“{names}”列")));
        }
    }
    Ok(index)
}

/// Writes the rows, parents before children, in one transaction.
async fn apply(store: &Store, actor: Actor, mut rows: Vec<Row>) -> Result<ImportReport> {
    let mut known: HashMap<String, Org> = HashMap::new();
    for org in orgs::list(store).await? {
        for alias in org.aliases.iter().chain(std::iter::once(&org.name)) {
            known.insert(normalize_unit_name(alias), org.clone());
        }
    }
    let mut errors = Vec::new();
    let mut report = ImportReport::default();
    let mut tx = store.begin(actor).await?;
    while !rows.is_empty() {
        let (ready, waiting): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|r| {
            r.parent_name.is_empty() || known.contains_key(&normalize_unit_name(&r.parent_name))
        });
        if ready.is_empty() {
            for row in &waiting {
                errors.push(format!(
                    "第 {} 行：找不到上级单位“{}”",
                    row.line, row.parent_name
                ));
            }
            break;
        }
        rows = waiting;
        for mut row in ready {
            row.input.parent_id = (!row.parent_name.is_empty())
                .then(|| {
                    known
                        .get(&normalize_unit_name(&row.parent_name))
                        .map(|o| o.id)
                })
                .flatten();
            let fields = match row.input.validate() {
                Ok(fields) => fields,
                Err(e) => {
                    errors.push(format!("第 {} 行：{e}", row.line));
                    continue;
                }
            };
            let existing = known.get(&normalize_unit_name(&fields.name)).cloned();
            let written = match existing {
                Some(org) if OrgInput::from_org(&org).validate().ok().as_ref() == Some(&fields) => {
                    report.unchanged += 1;
                    Ok(org)
                }
                Some(org) => {
                    report.updated += 1;
                    orgs::update(&mut tx, org.id, &fields).await
                }
                None => {
                    report.created += 1;
                    orgs::create(&mut tx, &fields).await
                }
            };
            match written {
                Ok(org) => {
                    for alias in org.aliases.iter().chain(std::iter::once(&org.name)) {
                        known.insert(normalize_unit_name(alias), org.clone());
                    }
                }
                Err(e) => {
                    // The database refused the row and (on PostgreSQL) the whole
                    // transaction: later rows cannot be checked against it.
                    errors.push(format!("第 {} 行：{}", row.line, Error::from(e)));
                    return Err(Error::Import(errors));
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(Error::Import(errors));
    }
    tx.commit().await?;
    Ok(report)
}
