//! The documents of the platform's 政府信息公开制度 and 政府信息公开年报 columns, picked
//! from the library by catalogue and title.

use crate::{App, Result};
use gongkai_domain::platform::{
    DISCLOSURE_TITLE_WORDS, DISCLOSURE_TOPIC, is_annual_report, is_disclosure_rule,
};
use gongkai_store::documents::{self, Document};

/// Most documents a column lists.
const COLUMN_LIMIT: i64 = 500;

/// The public documents on disclosure work, split into the agency's rules (制度) and
/// its annual reports (年报), newest first.
pub async fn rules_and_reports(app: &App) -> Result<(Vec<Document>, Vec<Document>)> {
    let about = documents::list_public_about(
        &app.store,
        DISCLOSURE_TOPIC,
        DISCLOSURE_TITLE_WORDS,
        COLUMN_LIMIT,
    )
    .await?;
    let reports = about
        .iter()
        .filter(|d| is_annual_report(&d.fields.title))
        .cloned()
        .collect();
    let rules = about
        .into_iter()
        .filter(|d| is_disclosure_rule(&d.fields.topic, &d.fields.genre, &d.fields.title))
        .collect();
    Ok((rules, reports))
}
