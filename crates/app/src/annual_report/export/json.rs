//! The report as JSON with stable field names (documented in docs/annual-report.md;
//! scripts rely on them).

use crate::annual_report::{AnnualReport, FORMAT};
use gongkai_domain::annual_report::proactive::{RuleCounts, format_wan_yuan};
use gongkai_domain::annual_report::{
    ApplicantType, CaseCounts, Identity, Outcome, OutcomeBlock, Row,
};
use serde::Serialize;

/// The version of the JSON layout; a change that is not purely additive bumps it.
pub const JSON_SCHEMA: &str = "gongkai/annual-report/1";

/// The report as JSON: see docs/annual-report.md for every field.
#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    pub schema: &'static str,
    pub format: &'static str,
    pub year: i32,
    pub org: OrgJson<'a>,
    pub units: Vec<OrgJson<'a>>,
    pub generated_on: String,
    pub title: String,
    pub section1_overview: &'a str,
    pub section2_proactive: ProactiveJson,
    pub section3_requests: RequestsJson,
    pub section4_cases: CasesJson,
    pub section5_problems: &'a str,
    pub section6_other: &'a str,
    pub identities: Vec<IdentityJson<'a>>,
    pub consistent: bool,
}

#[derive(Debug, Serialize)]
pub struct OrgJson<'a> {
    pub id: i64,
    pub name: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ProactiveJson {
    pub regulations: RuleCounts,
    pub normative_documents: RuleCounts,
    pub licensing_decisions: u64,
    pub penalty_decisions: u64,
    pub enforcement_decisions: u64,
    /// 万元 as a decimal string (up to four decimals), so no float rounding creeps in.
    pub fees_wan_yuan: String,
}

#[derive(Debug, Serialize)]
pub struct RequestsJson {
    /// The applicant columns of every row, in order; each row also has `total`.
    pub columns: Vec<&'static str>,
    pub received: Row,
    pub carried_over: Row,
    pub outcomes: Vec<OutcomeJson>,
    pub handled: Row,
    pub carried_forward: Row,
}

#[derive(Debug, Serialize)]
pub struct OutcomeJson {
    pub outcome: Outcome,
    pub block: OutcomeBlock,
    pub label: &'static str,
    pub counts: Row,
}

#[derive(Debug, Serialize)]
pub struct CasesJson {
    pub reconsideration: CaseCounts,
    pub direct_suit: CaseCounts,
    pub suit_after_reconsideration: CaseCounts,
}

#[derive(Debug, Serialize)]
pub struct IdentityJson<'a> {
    pub rule: &'a str,
    pub left: u64,
    pub right: u64,
    pub holds: bool,
}

/// The JSON view of a report.
pub fn to_json(report: &AnnualReport) -> ReportJson<'_> {
    let proactive = &report.proactive;
    let requests = &report.requests;
    ReportJson {
        schema: JSON_SCHEMA,
        format: FORMAT,
        year: report.year,
        org: org_json(&report.org),
        units: report.units.iter().map(org_json).collect(),
        generated_on: report.generated_on.to_string(),
        title: report.title(),
        section1_overview: &report.inputs.overview,
        section2_proactive: ProactiveJson {
            regulations: proactive.regulations,
            normative_documents: proactive.normative,
            licensing_decisions: proactive.entered.licensing,
            penalty_decisions: proactive.entered.penalty,
            enforcement_decisions: proactive.entered.enforcement,
            fees_wan_yuan: format_wan_yuan(proactive.entered.fees_yuan),
        },
        section3_requests: RequestsJson {
            columns: ApplicantType::ALL.iter().map(|a| a.code()).collect(),
            received: requests.received,
            carried_over: requests.carried_over,
            outcomes: requests
                .outcomes
                .iter()
                .map(|(outcome, counts)| OutcomeJson {
                    outcome: *outcome,
                    block: outcome.block(),
                    label: outcome.label_zh(),
                    counts: *counts,
                })
                .collect(),
            handled: requests.handled,
            carried_forward: requests.carried_forward,
        },
        section4_cases: CasesJson {
            reconsideration: report.cases.reconsideration,
            direct_suit: report.cases.direct_suit,
            suit_after_reconsideration: report.cases.suit_after_reconsideration,
        },
        section5_problems: &report.inputs.problems,
        section6_other: &report.inputs.other,
        identities: report.identities.iter().map(identity_json).collect(),
        consistent: report.consistent(),
    }
}

fn org_json(org: &gongkai_store::orgs::Org) -> OrgJson<'_> {
    OrgJson {
        id: org.id.0,
        name: &org.name,
    }
}

fn identity_json(identity: &Identity) -> IdentityJson<'_> {
    IdentityJson {
        rule: &identity.rule,
        left: identity.left,
        right: identity.right,
        holds: identity.holds(),
    }
}
