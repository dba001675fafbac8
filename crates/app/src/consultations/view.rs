//! A consultation as every page shows it: with its unit, where it stands today, the
//! usual period it was held to, its files and events, the library documents it names,
//! and the 采纳情况 once published.

use super::report::AdoptionReport;
use crate::documents::today;
use crate::{App, Result};
use gongkai_domain::consultation::{PeriodRules, Stage, UsualPeriod};
use gongkai_store::consultations::{self, Consultation, ConsultationEvent, ConsultationFile};
use gongkai_store::documents;
use gongkai_store::orgs::Org;

/// A consultation with what its pages show beside it.
#[derive(Debug, Clone)]
pub struct ConsultationView {
    pub consultation: Consultation,
    pub org_name: String,
    pub stage: Stage,
    pub usual: UsualPeriod,
    pub files: Vec<ConsultationFile>,
    pub events: Vec<ConsultationEvent>,
    /// The draft as a library document, and the policy finally published: id and title.
    pub draft_document: Option<(gongkai_store::DocumentId, String)>,
    pub final_document: Option<(gongkai_store::DocumentId, String)>,
    /// The 意见收集和采纳情况, once published.
    pub report: Option<AdoptionReport>,
}

/// The usual periods as the platform is configured.
pub(super) fn period_rules(app: &App) -> PeriodRules {
    let p = &app.settings.participation;
    PeriodRules {
        days: p.consultation_days,
        workdays: p.consultation_workdays,
    }
}

/// Where `c` stands today.
pub(super) fn stage_of(c: &Consultation) -> Stage {
    Stage::on(
        c.fields.starts_on,
        c.fields.ends_on,
        c.closed_early_on.is_some(),
        today(),
    )
}

async fn document_title(
    app: &App,
    id: Option<gongkai_store::DocumentId>,
) -> Result<Option<(gongkai_store::DocumentId, String)>> {
    Ok(match id {
        Some(id) => Some((id, documents::get(&app.store, id).await?.fields.title)),
        None => None,
    })
}

/// The whole view of `c`, the directory `all` naming its unit.
pub(super) async fn view_of(app: &App, c: Consultation, all: &[Org]) -> Result<ConsultationView> {
    let report = match c.published_at {
        Some(_) => Some(AdoptionReport::of(
            &consultations::comments(&app.store, c.id).await?,
            &c.summary,
        )),
        None => None,
    };
    Ok(ConsultationView {
        org_name: all
            .iter()
            .find(|o| o.id == c.fields.org_id)
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        stage: stage_of(&c),
        usual: c
            .fields
            .kind
            .usual_period(c.fields.market_related, &period_rules(app)),
        files: consultations::files(&app.store, c.id).await?,
        events: consultations::events(&app.store, c.id).await?,
        draft_document: document_title(app, c.fields.draft_document).await?,
        final_document: document_title(app, c.final_document).await?,
        report,
        consultation: c,
    })
}
