//! What the public reads: the consultations that have started (open ones first, then
//! closed ones), each with its materials, days left, the reason of a short period and,
//! once published, the 意见收集和采纳情况; and the files of their materials.

use super::view::{ConsultationView, stage_of, view_of};
use crate::documents::files::read_content;
use crate::{App, Error, Result};
use gongkai_domain::consultation::Stage;
use gongkai_store::consultations::{self, Consultation, ConsultationFile};
use gongkai_store::{ConsultationId, orgs};
use std::cmp::Ordering;

fn is_public(c: &Consultation) -> bool {
    stage_of(c) != Stage::Upcoming
}

/// The consultations that have started: open ones first, by the nearest end; then
/// closed ones, the latest to end first.
pub async fn public_list(app: &App) -> Result<Vec<ConsultationView>> {
    let all = orgs::list(&app.store).await?;
    let mut shown = Vec::new();
    for c in consultations::list(&app.store).await? {
        if is_public(&c) {
            shown.push(view_of(app, c, &all).await?);
        }
    }
    shown.sort_by(|a, b| match (a.stage, b.stage) {
        (Stage::Open { days_left: x }, Stage::Open { days_left: y }) => x.cmp(&y),
        (Stage::Open { .. }, _) => Ordering::Less,
        (_, Stage::Open { .. }) => Ordering::Greater,
        _ => b
            .consultation
            .fields
            .ends_on
            .cmp(&a.consultation.fields.ends_on),
    });
    Ok(shown)
}

/// One consultation that has started.
pub async fn public_page(app: &App, id: ConsultationId) -> Result<ConsultationView> {
    let c = consultations::get(&app.store, id).await?;
    if !is_public(&c) {
        return Err(Error::NotFound("征求意见不存在".to_string()));
    }
    let all = orgs::list(&app.store).await?;
    view_of(app, c, &all).await
}

/// A file of a consultation that has started, with its content.
pub async fn public_file(
    app: &App,
    id: ConsultationId,
    file: i64,
) -> Result<(ConsultationFile, Vec<u8>)> {
    let view = public_page(app, id).await?;
    let found = view
        .files
        .into_iter()
        .find(|f| f.id == file)
        .ok_or_else(|| Error::NotFound("附件不存在".to_string()))?;
    let bytes = read_content(app, &found.file.sha256).await?;
    Ok((found, bytes))
}
