//! Importing entries from a sheet (CSV or XLSX) whose header has the columns
//! `编号,问题,答复,主题,政策依据` (a contract: scripts produce such sheets) and, if the
//! office wants, `责任单位`. Every bad row is listed with its line and reason and then
//! nothing is imported; a good sheet is stored in one transaction, each entry found by
//! its code, so importing it again changes nothing. The basis (政策依据) is linked to the
//! documents of the library it names by 《title》 or 发文字号.

use crate::access::{CurrentUser, is_office_for};
use crate::table::{read_table, read_upload};
use crate::{App, Error, Result};
use gongkai_domain::doc_number::DocNumber;
use gongkai_store::documents::{self, Document};
use gongkai_store::orgs::{self, Org};
use gongkai_store::qa::{self, QaFields, Upserted};
use gongkai_store::{Actor, DocumentId};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The columns an import needs, in the contract's order.
const COLUMNS: [&str; 5] = ["编号", "问题", "答复", "主题", "政策依据"];
/// The optional column naming the unit responsible.
const UNIT_COLUMN: &str = "责任单位";
const MAX_QUESTION_CHARS: usize = 500;
const MAX_ANSWER_CHARS: usize = 5000;

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Where each needed column stands, or the columns missing.
fn column_places(header: &[String]) -> Result<([usize; 5], Option<usize>)> {
    let place = |name: &str| header.iter().position(|h| h.trim() == name);
    let missing: Vec<&str> = COLUMNS
        .iter()
        .filter(|c| place(c).is_none())
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(Error::Import(vec![format!(
            "第1行：缺少列“{}”（表头应为 {}）",
            missing.join("”“"),
            COLUMNS.join(",")
        )]));
    }
    let places = COLUMNS.map(|c| place(c).unwrap_or(0));
    Ok((places, place(UNIT_COLUMN)))
}

/// The library documents a basis names: by 《title》 or by 发文字号.
fn basis_documents(basis: &str, library: &[Document]) -> Vec<DocumentId> {
    let titles: Vec<&str> = basis
        .split('《')
        .skip(1)
        .filter_map(|rest| rest.split_once('》').map(|(title, _)| title.trim()))
        .collect();
    let keys: Vec<String> = DocNumber::find_all(basis)
        .iter()
        .map(DocNumber::normalized)
        .collect();
    let mut found: Vec<DocumentId> = library
        .iter()
        .filter(|d| {
            titles.contains(&d.fields.title.trim())
                || (!d.fields.doc_number_key.is_empty() && keys.contains(&d.fields.doc_number_key))
        })
        .map(|d| d.id)
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Every document of the library, for linking bases.
async fn library(app: &App) -> Result<Vec<Document>> {
    const PAGE: i64 = 500;
    let mut all = Vec::new();
    loop {
        let page = documents::list(&app.store, PAGE, i64::try_from(all.len()).unwrap_or(0)).await?;
        let done = page.len() < PAGE as usize;
        all.extend(page);
        if done {
            return Ok(all);
        }
    }
}

/// The entries of a sheet, checked: every problem of every row, or the entries.
fn entries_of(
    rows: &[Vec<String>],
    topics: &[String],
    units: &[Org],
    library: &[Document],
) -> Result<Vec<QaFields>> {
    let Some((header, body)) = rows.split_first() else {
        return Err(Error::Import(vec!["表格是空的".to_string()]));
    };
    let (places, unit_place) = column_places(header)?;
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut entries = Vec::new();
    for (n, row) in body.iter().enumerate() {
        let line = n + 2;
        let cell = |i: usize| row.get(i).map_or("", |v| v.trim());
        let [code, question, answer, topic, basis] = places.map(cell);
        if row.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let mut wrong = Vec::new();
        if code.is_empty() {
            wrong.push("编号为空".to_string());
        } else if !seen.insert(code.to_string()) {
            wrong.push(format!("编号“{code}”重复"));
        }
        if question.is_empty() {
            wrong.push("问题为空".to_string());
        } else if question.chars().count() > MAX_QUESTION_CHARS {
            wrong.push(format!("问题超过 {MAX_QUESTION_CHARS} 字"));
        }
        if answer.is_empty() {
            wrong.push("答复为空".to_string());
        } else if answer.chars().count() > MAX_ANSWER_CHARS {
            wrong.push(format!("答复超过 {MAX_ANSWER_CHARS} 字"));
        }
        if !topics.iter().any(|t| t == topic) {
            wrong.push(format!(
                "主题“{topic}”不在主题分类中（{}）",
                topics.join("、")
            ));
        }
        let unit_name = unit_place.map_or("", cell);
        let unit = units
            .iter()
            .find(|o| o.name == unit_name || o.aliases.iter().any(|a| a == unit_name));
        if !unit_name.is_empty() && unit.is_none() {
            wrong.push(format!("责任单位“{unit_name}”不在单位目录中"));
        }
        if !wrong.is_empty() {
            problems.push(format!("第{line}行：{}", wrong.join("；")));
            continue;
        }
        entries.push(QaFields {
            code: code.to_string(),
            question: question.to_string(),
            answer: answer.to_string(),
            topic: topic.to_string(),
            org_id: unit.map(|o| o.id),
            basis: basis.to_string(),
            documents: basis_documents(basis, library),
        });
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(Error::Import(problems))
    }
}

/// Stores the rows of a sheet as `actor`, all or nothing.
async fn import_rows(app: &App, actor: Actor, rows: &[Vec<String>]) -> Result<ImportSummary> {
    let units = orgs::list(&app.store).await?;
    let checked = entries_of(
        rows,
        &app.settings.participation.qa_topics,
        &units,
        &library(app).await?,
    )?;
    let existing: HashMap<String, qa::QaEntry> = qa::list(&app.store)
        .await?
        .into_iter()
        .map(|e| (e.fields.code.clone(), e))
        .collect();
    let mut summary = ImportSummary::default();
    let mut tx = app.store.begin(actor).await?;
    for fields in &checked {
        match qa::upsert(&mut tx, fields, existing.get(&fields.code)).await? {
            Upserted::Created => summary.created += 1,
            Upserted::Updated => summary.updated += 1,
            Upserted::Unchanged => summary.unchanged += 1,
        }
    }
    tx.commit().await?;
    Ok(summary)
}

/// Imports a sheet from a file (`gongkai qa import`).
pub async fn import_file(app: &App, path: &Path) -> Result<ImportSummary> {
    let rows = read_table(path)?;
    import_rows(app, Actor::system("qa-import"), &rows).await
}

/// Imports an uploaded sheet for the disclosure office of the government.
pub async fn import_upload(
    app: &App,
    user: &CurrentUser,
    file_name: &str,
    bytes: &[u8],
) -> Result<ImportSummary> {
    let all = orgs::list(&app.store).await?;
    let roots = crate::orgs::roots(app).await?;
    if !roots
        .first()
        .is_some_and(|g| is_office_for(user, g.id, &all))
    {
        return Err(Error::Forbidden);
    }
    import_sheet(app, user.actor(), file_name, bytes).await
}

/// One entry written by the office (a replied 咨询 made an entry): checked like a row
/// of a sheet, stored under its code (again: updated).
pub async fn add_entry(app: &App, user: &CurrentUser, fields: [&str; 5]) -> Result<ImportSummary> {
    let all = orgs::list(&app.store).await?;
    let roots = crate::orgs::roots(app).await?;
    if !roots
        .first()
        .is_some_and(|g| is_office_for(user, g.id, &all))
    {
        return Err(Error::Forbidden);
    }
    let header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    let row: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
    import_rows(app, user.actor(), &[header, row])
        .await
        .map_err(|e| match e {
            Error::Import(problems) => Error::Form(
                problems
                    .iter()
                    .map(|p| p.trim_start_matches("第2行：").to_string())
                    .collect(),
            ),
            other => other,
        })
}

/// Imports the bytes of a sheet as `actor` (the demo's entries too).
pub(crate) async fn import_sheet(
    app: &App,
    actor: Actor,
    file_name: &str,
    bytes: &[u8],
) -> Result<ImportSummary> {
    let rows = read_upload(file_name, bytes)?;
    import_rows(app, actor, &rows).await
}
