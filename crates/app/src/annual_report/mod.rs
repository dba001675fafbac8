//! The annual report (政府信息公开工作年度报告, 条例第四十九条、第五十条) of a unit, or
//! of a government together with its units, for one year: sections 二, 三 and 四
//! computed from the platform's records with the domain's rules
//! (`gongkai_domain::annual_report`), the figures and texts the office enters, every
//! identity checked, and the exports (JSON with stable names, XLSX, DOCX).

mod export;

pub use export::{
    CASE_COLUMNS, CASES_HEADING, JSON_SCHEMA, PROACTIVE_COLUMNS, PROACTIVE_HEADING,
    REQUESTS_HEADING, ReportJson, case_cells, case_groups, paragraphs, proactive_rows,
    request_columns, text_sections, to_docx, to_json, to_xlsx,
};

use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use chrono::{Datelike, NaiveDate};
use gongkai_domain::annual_report::proactive::{
    EnteredFigures, ProactiveTable, RuleFacts, RuleKind, parse_wan_yuan,
};
use gongkai_domain::annual_report::{CaseResult, CaseTable, Identity, RequestFacts, RequestTable};
use gongkai_domain::validity::Validity;
use gongkai_store::OrgId;
use gongkai_store::annual_reports::{self, CaseRecord, ReportInputs, RuleRecord};
use gongkai_store::orgs::{self, Org};
use serde::Deserialize;
use std::collections::HashSet;

/// The format the report follows.
pub const FORMAT: &str = "国办公开办函〔2021〕30号";

/// The first year a report can be made for (the 2021 format applies from the 2021
/// reports on; earlier years are computed in the same layout).
const FIRST_YEAR: i32 = 2008;

/// The longest text of sections 一, 五 and 六, in characters.
const MAX_TEXT_CHARS: usize = 20_000;

/// One year's report of one unit, or of a government with its units.
#[derive(Debug, Clone)]
pub struct AnnualReport {
    pub year: i32,
    pub org: Org,
    /// The units whose records are counted besides `org` (empty unless aggregated).
    pub units: Vec<Org>,
    /// The office's own entries for `org`: the texts of 一, 五, 六 and its figures (the
    /// table's figures, summed over the units, are in `proactive.entered`).
    pub inputs: ReportInputs,
    pub proactive: ProactiveTable,
    pub requests: RequestTable,
    pub cases: CaseTable,
    /// Every identity of the tables, and 二 against last year's 四.
    pub identities: Vec<Identity>,
    pub generated_on: NaiveDate,
}

impl AnnualReport {
    /// Whether every identity holds.
    pub fn consistent(&self) -> bool {
        self.identities.iter().all(Identity::holds)
    }

    /// The report's title, e.g. 某区人民政府2025年政府信息公开工作年度报告.
    pub fn title(&self) -> String {
        format!("{}{}年政府信息公开工作年度报告", self.org.name, self.year)
    }
}

/// The year a report may be made for: not before `FIRST_YEAR` nor after this year.
pub fn check_year(year: i32) -> Result<i32> {
    let this_year = today().year();
    if (FIRST_YEAR..=this_year).contains(&year) {
        Ok(year)
    } else {
        Err(Error::invalid(
            "年度",
            format!("应在 {FIRST_YEAR} 至 {this_year} 年之间"),
        ))
    }
}

/// The report of `org` for `year`, counting its units' records too when `with_units`.
/// For operators (the CLI); the console goes through [`for_user`].
pub async fn compute(app: &App, org: OrgId, year: i32, with_units: bool) -> Result<AnnualReport> {
    let year = check_year(year)?;
    let all = orgs::list(&app.store).await?;
    let head = all
        .iter()
        .find(|o| o.id == org)
        .cloned()
        .ok_or_else(|| Error::NotFound("单位不存在".to_string()))?;
    let members: HashSet<OrgId> = if with_units {
        all.iter()
            .filter(|o| crate::ledgers::units::is_within(&all, o.id, org))
            .map(|o| o.id)
            .collect()
    } else {
        HashSet::from([org])
    };
    let start = first_day(year)?;
    let end = last_day(year)?;
    let mut inputs_by_org = annual_reports::inputs_of_year(&app.store, year).await?;
    let figures = EnteredFigures::sum(
        inputs_by_org
            .iter()
            .filter(|(id, _)| members.contains(id))
            .map(|(_, inputs)| &inputs.figures),
    );
    let inputs = inputs_by_org.remove(&org).unwrap_or_default();

    let rules = annual_reports::rule_records(&app.store).await?;
    let rule_facts: Vec<RuleFacts> = rules
        .iter()
        .filter(|r| r.issuer_id.is_some_and(|id| members.contains(&id)))
        .filter_map(rule_facts)
        .collect();
    let proactive = ProactiveTable::compute(year, &rule_facts, figures);

    let request_facts: Vec<RequestFacts> = annual_reports::request_records(&app.store, end)
        .await?
        .into_iter()
        .filter(|r| members.contains(&r.org_id))
        .map(|r| RequestFacts {
            applicant: r.applicant,
            received: r.received,
            reply: r.reply,
        })
        .collect();
    let requests = RequestTable::compute(year, &request_facts);
    let last_year = RequestTable::compute(year - 1, &request_facts);

    let case_facts: Vec<_> = annual_reports::case_records(&app.store, start, end)
        .await?
        .into_iter()
        .filter(|c| members.contains(&c.org_id))
        .map(|c| (c.kind, result_at(&c, end)))
        .collect();
    let cases = CaseTable::compute(&case_facts);

    let mut identities = requests.identities();
    identities.push(Identity {
        rule: "二、上年结转 = 上年度报告 四、结转下年度继续办理".to_string(),
        left: requests.carried_over.total,
        right: last_year.carried_forward.total,
    });
    identities.extend(cases.identities());
    let units = all
        .into_iter()
        .filter(|o| o.id != org && members.contains(&o.id))
        .collect();
    Ok(AnnualReport {
        year,
        org: head,
        units,
        inputs,
        proactive,
        requests,
        cases,
        identities,
        generated_on: today(),
    })
}

/// The units whose reports the user makes: those whose requests they handle.
pub async fn units_for(app: &App, user: &CurrentUser) -> Result<Vec<Org>> {
    let all = orgs::list(&app.store).await?;
    Ok(all
        .iter()
        .filter(|o| crate::requests::handles(user, o.id, &all))
        .cloned()
        .collect())
}

/// The report, for a user who handles disclosure work for `org` (its office or an
/// administrator).
pub async fn for_user(
    app: &App,
    user: &CurrentUser,
    org: OrgId,
    year: i32,
    with_units: bool,
) -> Result<AnnualReport> {
    crate::requests::require_handler(app, user, org).await?;
    compute(app, org, year, with_units).await
}

fn first_day(year: i32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| Error::invalid("年度", "无效年度"))
}

fn last_day(year: i32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(|| Error::invalid("年度", "无效年度"))
}

/// A case's result at the end of the year it was filed: a decision after that is not
/// yet known, so the case counts as 尚未审结.
fn result_at(case: &CaseRecord, end: NaiveDate) -> CaseResult {
    match case.decided_on {
        Some(on) if on <= end => case.result,
        _ => CaseResult::Pending,
    }
}

/// What section 二 needs of a published document: its kind, the day it was made (成文
/// 日期, else the publication date) and the day it ended (repealed or lapsed: the day
/// of the change; or the day after its 有效期至).
fn rule_facts(record: &RuleRecord) -> Option<RuleFacts> {
    let kind = RuleKind::of(&record.genre, record.normative)?;
    let made_on = record.written_on.or(record.published_on)?;
    let ended_by_change = match record.validity {
        Validity::Repealed | Validity::Expired => record.validity_changed_on,
        Validity::Valid | Validity::Amended => None,
    };
    let lapsed = record.expires_on.and_then(|d| d.succ_opt());
    let ended_on = match (ended_by_change, lapsed) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    Some(RuleFacts {
        kind,
        made_on,
        ended_on,
    })
}

/// The office's entries as the console form sends them.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct InputsForm {
    #[serde(default)]
    pub licensing: String,
    #[serde(default)]
    pub penalty: String,
    #[serde(default)]
    pub enforcement: String,
    /// 万元.
    #[serde(default)]
    pub fees: String,
    #[serde(default)]
    pub overview: String,
    #[serde(default)]
    pub problems: String,
    #[serde(default)]
    pub other: String,
}

impl InputsForm {
    /// The form of stored entries.
    pub fn of(inputs: &ReportInputs) -> InputsForm {
        let f = &inputs.figures;
        InputsForm {
            licensing: f.licensing.to_string(),
            penalty: f.penalty.to_string(),
            enforcement: f.enforcement.to_string(),
            fees: gongkai_domain::annual_report::proactive::format_wan_yuan(f.fees_yuan),
            overview: inputs.overview.clone(),
            problems: inputs.problems.clone(),
            other: inputs.other.clone(),
        }
    }

    /// The entries, every wrong field named.
    pub fn validate(&self) -> Result<ReportInputs> {
        let mut errors = Vec::new();
        let mut number = |value: &str, field: &str| match value.trim() {
            "" => 0,
            text => text.parse::<u64>().unwrap_or_else(|_| {
                errors.push(format!("{field}：请填写不小于 0 的整数"));
                0
            }),
        };
        let licensing = number(&self.licensing, "行政许可处理决定数量");
        let penalty = number(&self.penalty, "行政处罚处理决定数量");
        let enforcement = number(&self.enforcement, "行政强制处理决定数量");
        let fees_yuan = parse_wan_yuan(&self.fees).unwrap_or_else(|e| {
            errors.push(format!("行政事业性收费金额：{e}"));
            0
        });
        let mut text = |value: &str, field: &str| {
            let value = value.trim().replace("\r\n", "\n");
            if value.chars().count() > MAX_TEXT_CHARS {
                errors.push(format!("{field}：不能超过 {MAX_TEXT_CHARS} 个字"));
            }
            value
        };
        let overview = text(&self.overview, "一、总体情况");
        let problems = text(&self.problems, "五、存在的主要问题及改进情况");
        let other = text(&self.other, "六、其他需要报告的事项");
        if !errors.is_empty() {
            return Err(Error::Form(errors));
        }
        Ok(ReportInputs {
            figures: EnteredFigures {
                licensing,
                penalty,
                enforcement,
                fees_yuan,
            },
            overview,
            problems,
            other,
        })
    }
}

/// Saves the office's entries of `org` for `year`; nothing is saved when a field is
/// wrong.
pub async fn save_inputs(
    app: &App,
    user: &CurrentUser,
    org: OrgId,
    year: i32,
    form: &InputsForm,
) -> Result<()> {
    crate::requests::require_handler(app, user, org).await?;
    let year = check_year(year)?;
    let inputs = form.validate()?;
    let mut tx = app.store.begin(user.actor()).await?;
    annual_reports::save_inputs(&mut tx, org, year, &inputs).await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes the report on the disclosure platform, frozen as it stands: its JSON and
/// the HTML `render_html` makes of it. A report whose identities do not all hold is
/// refused (条例第四十九条 asks for an accurate report). Publishing again replaces it.
pub async fn publish(
    app: &App,
    user: &CurrentUser,
    org: OrgId,
    year: i32,
    with_units: bool,
    render_html: impl FnOnce(&AnnualReport) -> Result<String>,
) -> Result<()> {
    let report = for_user(app, user, org, year, with_units).await?;
    if let Some(failed) = report.identities.iter().find(|i| !i.holds()) {
        return Err(Error::invalid(
            "勾稽关系",
            format!(
                "{}不符（{} ≠ {}），请核对后再发布",
                failed.rule, failed.left, failed.right
            ),
        ));
    }
    let json = serde_json::to_string(&to_json(&report))
        .map_err(|e| Error::Internal(format!("无法生成 JSON：{e}")))?;
    let html = render_html(&report)?;
    let mut tx = app.store.begin(user.actor()).await?;
    annual_reports::publish(&mut tx, org, report.year, &report.title(), &json, &html).await?;
    tx.commit().await?;
    Ok(())
}

/// The published reports, newest year first (the platform's 年报 column).
pub async fn published_list(app: &App) -> Result<Vec<annual_reports::Published>> {
    Ok(annual_reports::published_list(&app.store).await?)
}

/// A published report: its record, JSON and HTML; not found when never published.
pub async fn published(
    app: &App,
    org: OrgId,
    year: i32,
) -> Result<(annual_reports::Published, String, String)> {
    annual_reports::published(&app.store, org, year)
        .await?
        .ok_or_else(|| Error::NotFound("该年度报告尚未发布".to_string()))
}
