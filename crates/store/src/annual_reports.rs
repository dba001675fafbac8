//! What the annual report is computed from: the figures and texts the office enters per
//! unit and year, and lean readings of the records (requests, cases, rule-making
//! documents) that carry no personal information, so that a report over a hundred
//! thousand requests reads three narrow columns instead of whole rows.

use crate::time::{date_from_text, date_to_text, from_text, optional_date, to_text};
use crate::{Error, OrgId, Result, Store, WriteTx, now};
use chrono::NaiveDate;
use gongkai_domain::annual_report::proactive::EnteredFigures;
use gongkai_domain::annual_report::{ApplicantType, CaseKind, CaseResult, Outcome};
use gongkai_domain::validity::Validity;
use sqlx::Row;
use std::collections::HashMap;

/// What the office enters for one unit and year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportInputs {
    pub figures: EnteredFigures,
    /// 一、总体情况.
    pub overview: String,
    /// 五、存在的主要问题及改进情况.
    pub problems: String,
    /// 六、其他需要报告的事项.
    pub other: String,
}

fn count(row: &sqlx::any::AnyRow, column: &str) -> Result<u64> {
    let value: i64 = row.try_get(column)?;
    u64::try_from(value).map_err(|_| Error::unreadable(column, &value.to_string()))
}

/// The entries of every unit for `year`.
pub async fn inputs_of_year(store: &Store, year: i32) -> Result<HashMap<OrgId, ReportInputs>> {
    let rows = sqlx::query(
        "SELECT org_id, licensing, penalty, enforcement, fees_yuan, overview, problems, other \
         FROM annual_report_inputs WHERE year = $1",
    )
    .bind(i64::from(year))
    .fetch_all(store.pool())
    .await?;
    let mut inputs = HashMap::new();
    for row in &rows {
        let figures = EnteredFigures {
            licensing: count(row, "licensing")?,
            penalty: count(row, "penalty")?,
            enforcement: count(row, "enforcement")?,
            fees_yuan: count(row, "fees_yuan")?,
        };
        let entry = ReportInputs {
            figures,
            overview: row.try_get("overview")?,
            problems: row.try_get("problems")?,
            other: row.try_get("other")?,
        };
        inputs.insert(OrgId(row.try_get("org_id")?), entry);
    }
    Ok(inputs)
}

fn signed(value: u64) -> Result<i64> {
    i64::try_from(value).map_err(|_| Error::unreadable("金额", &value.to_string()))
}

/// Stores the entries of one unit and year, replacing earlier ones.
pub async fn save_inputs(
    tx: &mut WriteTx,
    org: OrgId,
    year: i32,
    inputs: &ReportInputs,
) -> Result<()> {
    let f = &inputs.figures;
    sqlx::query(
        "INSERT INTO annual_report_inputs \
         (org_id, year, licensing, penalty, enforcement, fees_yuan, overview, problems, other, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (org_id, year) DO UPDATE SET licensing = excluded.licensing, \
         penalty = excluded.penalty, enforcement = excluded.enforcement, \
         fees_yuan = excluded.fees_yuan, overview = excluded.overview, \
         problems = excluded.problems, other = excluded.other, updated_at = excluded.updated_at",
    )
    .bind(org.0)
    .bind(i64::from(year))
    .bind(signed(f.licensing)?)
    .bind(signed(f.penalty)?)
    .bind(signed(f.enforcement)?)
    .bind(signed(f.fees_yuan)?)
    .bind(&inputs.overview)
    .bind(&inputs.problems)
    .bind(&inputs.other)
    .bind(to_text(now()))
    .execute(tx.conn())
    .await?;
    let entry = serde_json::json!({
        "year": year,
        "licensing": f.licensing,
        "penalty": f.penalty,
        "enforcement": f.enforcement,
        "fees_yuan": f.fees_yuan,
    });
    tx.record("report.inputs", "org", org, None, Some(entry));
    Ok(())
}

/// One request as section 三 sees it: the agency asked, the applicant's column, the
/// receipt and the reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestRecord {
    pub org_id: OrgId,
    pub applicant: ApplicantType,
    pub received: NaiveDate,
    pub reply: Option<(NaiveDate, Outcome)>,
}

/// Every request received on or before `until`.
pub async fn request_records(store: &Store, until: NaiveDate) -> Result<Vec<RequestRecord>> {
    let rows = sqlx::query(
        "SELECT org_id, applicant_type, received_on, replied_on, outcome \
         FROM disclosure_requests WHERE received_on <= $1",
    )
    .bind(date_to_text(until))
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let applicant: String = row.try_get("applicant_type")?;
            let outcome: Option<String> = row.try_get("outcome")?;
            let received: String = row.try_get("received_on")?;
            let reply = match (optional_date(row, "replied_on")?, outcome) {
                (Some(on), Some(code)) => Some((
                    on,
                    Outcome::parse(&code).ok_or_else(|| Error::unreadable("办理结果", &code))?,
                )),
                _ => None,
            };
            Ok(RequestRecord {
                org_id: OrgId(row.try_get("org_id")?),
                applicant: ApplicantType::parse(&applicant)
                    .ok_or_else(|| Error::unreadable("申请人类型", &applicant))?,
                received: date_from_text(&received)?,
                reply,
            })
        })
        .collect()
}

/// One reconsideration or suit as section 四 sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseRecord {
    pub org_id: OrgId,
    pub kind: CaseKind,
    pub filed_on: NaiveDate,
    pub result: CaseResult,
    pub decided_on: Option<NaiveDate>,
}

/// Every case filed within `from..=until`, with the agency of its request.
pub async fn case_records(
    store: &Store,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<CaseRecord>> {
    let rows = sqlx::query(
        "SELECT r.org_id, c.kind, c.filed_on, c.result, c.decided_on \
         FROM request_cases c JOIN disclosure_requests r ON r.id = c.request_id \
         WHERE c.filed_on >= $1 AND c.filed_on <= $2",
    )
    .bind(date_to_text(from))
    .bind(date_to_text(until))
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            let result: String = row.try_get("result")?;
            let filed: String = row.try_get("filed_on")?;
            Ok(CaseRecord {
                org_id: OrgId(row.try_get("org_id")?),
                kind: CaseKind::parse(&kind).ok_or_else(|| Error::unreadable("案件类型", &kind))?,
                filed_on: date_from_text(&filed)?,
                result: CaseResult::parse(&result)
                    .ok_or_else(|| Error::unreadable("案件结果", &result))?,
                decided_on: optional_date(row, "decided_on")?,
            })
        })
        .collect()
}

/// One published library document as section 二 sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRecord {
    pub issuer_id: Option<OrgId>,
    pub genre: String,
    pub normative: bool,
    pub written_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    pub validity: Validity,
    pub validity_changed_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
}

/// Every published document that is normative or of genre 令.
pub async fn rule_records(store: &Store) -> Result<Vec<RuleRecord>> {
    let rows = sqlx::query(
        "SELECT issuer_id, genre, normative, written_on, published_on, validity, \
         validity_changed_on, expires_on FROM documents \
         WHERE status = 'published' AND (normative = 1 OR genre = '令')",
    )
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let validity: String = row.try_get("validity")?;
            let normative: i64 = row.try_get("normative")?;
            Ok(RuleRecord {
                issuer_id: row.try_get::<Option<i64>, _>("issuer_id")?.map(OrgId),
                genre: row.try_get("genre")?,
                normative: normative != 0,
                written_on: optional_date(row, "written_on")?,
                published_on: optional_date(row, "published_on")?,
                validity: Validity::parse(&validity)
                    .map_err(|_| Error::unreadable("有效性", &validity))?,
                validity_changed_on: optional_date(row, "validity_changed_on")?,
                expires_on: optional_date(row, "expires_on")?,
            })
        })
        .collect()
}

/// A report as published: its unit, year, title and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub org_id: OrgId,
    pub year: i32,
    pub title: String,
    pub published_at: crate::Timestamp,
}

/// Publishes (or republishes) the report of `org` for `year`.
pub async fn publish(
    tx: &mut WriteTx,
    org: OrgId,
    year: i32,
    title: &str,
    json: &str,
    html: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO published_annual_reports \
         (org_id, year, title, report_json, report_html, published_at) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (org_id, year) DO UPDATE SET title = excluded.title, \
         report_json = excluded.report_json, report_html = excluded.report_html, \
         published_at = excluded.published_at",
    )
    .bind(org.0)
    .bind(i64::from(year))
    .bind(title)
    .bind(json)
    .bind(html)
    .bind(to_text(now()))
    .execute(tx.conn())
    .await?;
    let entry = serde_json::json!({"year": year, "title": title});
    tx.record("report.publish", "org", org, None, Some(entry));
    Ok(())
}

fn published_from_row(row: &sqlx::any::AnyRow) -> Result<Published> {
    let year: i64 = row.try_get("year")?;
    Ok(Published {
        org_id: OrgId(row.try_get("org_id")?),
        year: i32::try_from(year).map_err(|_| Error::unreadable("年度", &year.to_string()))?,
        title: row.try_get("title")?,
        published_at: from_text(&row.try_get::<String, _>("published_at")?)?,
    })
}

/// Every published report, newest year first.
pub async fn published_list(store: &Store) -> Result<Vec<Published>> {
    let rows = sqlx::query(
        "SELECT org_id, year, title, published_at FROM published_annual_reports \
         ORDER BY year DESC, org_id",
    )
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(published_from_row).collect()
}

/// A published report with its JSON and HTML.
pub async fn published(
    store: &Store,
    org: OrgId,
    year: i32,
) -> Result<Option<(Published, String, String)>> {
    let row = sqlx::query(
        "SELECT org_id, year, title, published_at, report_json, report_html \
         FROM published_annual_reports WHERE org_id = $1 AND year = $2",
    )
    .bind(org.0)
    .bind(i64::from(year))
    .fetch_optional(store.pool())
    .await?;
    row.map(|row| {
        Ok((
            published_from_row(&row)?,
            row.try_get("report_json")?,
            row.try_get("report_html")?,
        ))
    })
    .transpose()
}
