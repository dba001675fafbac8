//! The indicators read from the policy library: active disclosure within 20 working
//! days (条例 Art. 26), interpretations with their policy, and the cleanup of
//! normative documents before they expire.

use super::sourced::Sourced;
use crate::App;
use crate::Result;
use chrono::{Months, NaiveDate};
use gongkai_domain::compliance::{ACTIVE_DISCLOSURE_WORKDAYS, Indicator, Item, RecordRef};
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_store::documents::{self, DocumentFacts};
use gongkai_store::relations;
use std::collections::HashMap;

fn item(
    app: &App,
    d: &DocumentFacts,
    due: NaiveDate,
    done: Option<NaiveDate>,
    today: NaiveDate,
) -> Item {
    let record = RecordRef {
        kind: "document",
        id: d.id.0,
    };
    Item::judged(
        &app.calendar,
        record,
        format!("《{}》", d.title),
        due,
        done,
        today,
    )
}

/// Every document with a 成文日期: due 20 working days after it; done when published.
fn active_disclosure(app: &App, docs: &[DocumentFacts], today: NaiveDate, out: &mut Sourced) {
    for d in docs {
        let Some(written) = d.written_on else {
            continue;
        };
        let due = app
            .calendar
            .add_workdays(written, ACTIVE_DISCLOSURE_WORKDAYS)
            .value;
        let done = d
            .published_on
            .filter(|_| d.status == DocumentStatus::Published);
        out.push(
            Indicator::ActiveDisclosure,
            d.issuer_id,
            item(app, d, due, done, today),
        );
    }
}

/// Every published normative document: its first interpretation is due with it or
/// within `[compliance] interpretation_workdays` (a local 3-day rule by default).
async fn interpretation(
    app: &App,
    docs: &HashMap<i64, &DocumentFacts>,
    today: NaiveDate,
    out: &mut Sourced,
) -> Result<()> {
    let lag = app.settings.compliance.interpretation_workdays;
    for (policy, interpretations) in relations::normative_with_interpretations(&app.store).await? {
        let (Some(published), Some(facts)) = (policy.published_on, docs.get(&policy.id.0)) else {
            continue;
        };
        let due = app.calendar.add_workdays(published, lag).value;
        let done = interpretations.iter().filter_map(|i| i.published_on).min();
        out.push(
            Indicator::Interpretation,
            facts.issuer_id,
            item(app, facts, due, done, today),
        );
    }
    Ok(())
}

/// Every published normative document with an end of validity: reviewed in a cleanup
/// (or its validity changed) within the year before that end, by the end.
fn cleanup(app: &App, docs: &[DocumentFacts], today: NaiveDate, out: &mut Sourced) {
    for d in docs
        .iter()
        .filter(|d| d.normative && d.status == DocumentStatus::Published)
    {
        let Some(expires) = d.expires_on else {
            continue;
        };
        let window = expires
            .checked_sub_months(Months::new(12))
            .unwrap_or(expires);
        let done = d.reviewed_on.filter(|on| *on >= window);
        out.push(
            Indicator::Cleanup,
            d.issuer_id,
            item(app, d, expires, done, today),
        );
    }
}

/// The library's indicators.
pub(super) async fn collect(app: &App, today: NaiveDate, out: &mut Sourced) -> Result<()> {
    let docs = documents::facts(&app.store).await?;
    active_disclosure(app, &docs, today, out);
    cleanup(app, &docs, today, out);
    let by_id: HashMap<i64, &DocumentFacts> = docs.iter().map(|d| (d.id.0, d)).collect();
    interpretation(app, &by_id, today, out).await
}
