//! The demo's assessment scheme (`gongkai serve --demo`): this year's monitor
//! indicators scored by the rate on time, two deducting per late item, and a hand-scored
//! 网站检查, weights adding up to 100.

use crate::documents::today;
use crate::{App, Result};
use chrono::Datelike;
use gongkai_domain::assessment::{Rule, Scheme, SchemeIndicator, Source};
use gongkai_domain::compliance::Indicator;
use gongkai_store::{Actor, assessment};

pub(super) async fn seed(app: &App, actor: &Actor) -> Result<()> {
    let weights = [15, 10, 15, 10, 5, 5, 15, 10, 5];
    let mut lines: Vec<SchemeIndicator> = Indicator::ALL
        .into_iter()
        .zip(weights)
        .map(|(i, weight)| SchemeIndicator {
            code: i.code().to_string(),
            label: i.label_zh().to_string(),
            source: Source::Monitor(i),
            weight,
            rule: match i {
                Indicator::Requests | Indicator::LedgerTasks => Rule::DeductPerItem { points: 2.0 },
                _ => Rule::Proportional,
            },
        })
        .collect();
    lines.push(SchemeIndicator {
        code: "manual-网站检查".to_string(),
        label: "网站检查".to_string(),
        source: Source::Manual,
        weight: 10,
        rule: Rule::Manual,
    });
    let year = today().year();
    let scheme = Scheme::new(year, &format!("{year}年度政务公开工作考核方案"), lines)?;
    let mut tx = app.store.begin(actor.clone()).await?;
    assessment::create_scheme(&mut tx, &scheme).await?;
    tx.commit().await?;
    Ok(())
}
