//! Publishing a report on the disclosure platform, frozen as it stands, and reading
//! the published reports back.

use super::{AnnualReport, for_user, to_json};
use crate::access::CurrentUser;
use crate::{App, Error, Result};
use gongkai_store::OrgId;
use gongkai_store::annual_reports;

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
    publish_report(app, user.actor(), org, &report, render_html).await
}

/// Publishes a computed report as `actor` (the office, or the demo), refusing one whose
/// identities do not all hold.
pub(crate) async fn publish_report(
    app: &App,
    actor: gongkai_store::Actor,
    org: OrgId,
    report: &AnnualReport,
    render_html: impl FnOnce(&AnnualReport) -> Result<String>,
) -> Result<()> {
    if let Some(failed) = report.identities.iter().find(|i| !i.holds()) {
        return Err(Error::invalid(
            "勾稽关系",
            format!(
                "{}不符（{} ≠ {}），请核对后再发布",
                failed.rule, failed.left, failed.right
            ),
        ));
    }
    let json = serde_json::to_string(&to_json(report))
        .map_err(|e| Error::Internal(format!("无法生成 JSON：{e}")))?;
    let html = render_html(report)?;
    let mut tx = app.store.begin(actor).await?;
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
