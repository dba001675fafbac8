//! Computing a report from the platform's records: the years a report may be made
//! for, the units a user reports for, and sections 二 to 四 with their identities.

use super::AnnualReport;
use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use chrono::{Datelike, NaiveDate};
use gongkai_domain::annual_report::proactive::{
    EnteredFigures, ProactiveTable, RuleFacts, RuleKind,
};
use gongkai_domain::annual_report::{CaseResult, CaseTable, Identity, RequestFacts, RequestTable};
use gongkai_domain::validity::Validity;
use gongkai_store::OrgId;
use gongkai_store::annual_reports::{self, CaseRecord, RuleRecord};
use gongkai_store::orgs::{self, Org};
use std::collections::HashSet;

/// The first year a report can be made for (the 2021 format applies from the 2021
/// reports on; earlier years are computed in the same layout).
const FIRST_YEAR: i32 = 2008;

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
