//! How well policies are interpreted (政策解读): per issuer and year, the share of
//! published normative documents that have a published interpretation, and each
//! interpretation's lag in working days after its policy against the allowed lag
//! (`[compliance] interpretation_workdays`, a local 3-working-day rule by default; see
//! `gongkai_domain::interpretation`).

use crate::{App, DocumentId, Result};
use chrono::Datelike;
use gongkai_domain::interpretation::interpretation_lag;
use gongkai_store::relations::{self, DocumentRef};
use std::collections::BTreeMap;

/// One interpretation measured against its policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpretationLag {
    pub policy_id: DocumentId,
    pub policy_title: String,
    pub interpretation_id: DocumentId,
    pub interpretation_title: String,
    /// Working days after the policy's publication; `None` when a date is missing.
    pub lag_workdays: Option<i64>,
    /// The lag was counted across a year whose holiday notice is not loaded.
    pub provisional: bool,
    /// Later than the allowed lag.
    pub late: bool,
}

/// The interpretation figures of one issuer in one year of publication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuerYear {
    pub issuer: String,
    pub year: i32,
    /// Published normative documents.
    pub normative: usize,
    /// Of these, the ones with at least one published interpretation.
    pub interpreted: usize,
    pub lags: Vec<InterpretationLag>,
}

impl IssuerYear {
    /// Interpreted share in per cent, rounded down; `None` without normative documents.
    pub fn rate_percent(&self) -> Option<usize> {
        (self.normative > 0).then(|| self.interpreted * 100 / self.normative)
    }

    /// Interpretations later than the allowed lag.
    pub fn late(&self) -> usize {
        self.lags.iter().filter(|l| l.late).count()
    }
}

fn lag(app: &App, policy: &DocumentRef, interpretation: &DocumentRef) -> InterpretationLag {
    let reckoned = policy
        .published_on
        .zip(interpretation.published_on)
        .map(|(p, i)| interpretation_lag(&app.calendar, p, i));
    let lag_workdays = reckoned.as_ref().map(|r| r.value);
    InterpretationLag {
        policy_id: policy.id,
        policy_title: policy.title.clone(),
        interpretation_id: interpretation.id,
        interpretation_title: interpretation.title.clone(),
        lag_workdays,
        provisional: reckoned.is_some_and(|r| r.is_provisional()),
        late: lag_workdays
            .is_some_and(|days| days > i64::from(app.settings.compliance.interpretation_workdays)),
    }
}

/// The figures of every issuer and year, by issuer then year (newest first).
pub async fn interpretation_report(app: &App) -> Result<Vec<IssuerYear>> {
    let pairs = relations::normative_with_interpretations(&app.store).await?;
    let mut groups: BTreeMap<(String, std::cmp::Reverse<i32>), IssuerYear> = BTreeMap::new();
    for (policy, interpretations) in pairs {
        let Some(year) = policy.published_on.map(|d| d.year()) else {
            continue;
        };
        let key = (policy.issuer_name.clone(), std::cmp::Reverse(year));
        let group = groups.entry(key).or_insert_with(|| IssuerYear {
            issuer: policy.issuer_name.clone(),
            year,
            normative: 0,
            interpreted: 0,
            lags: Vec::new(),
        });
        group.normative += 1;
        if !interpretations.is_empty() {
            group.interpreted += 1;
        }
        group
            .lags
            .extend(interpretations.iter().map(|i| lag(app, &policy, i)));
    }
    Ok(groups.into_values().collect())
}
