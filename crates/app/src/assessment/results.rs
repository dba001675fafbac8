//! Each unit's scores under a scheme: monitor figures of the scheme's year scored by
//! their rules, hand scores, adjustments, the total and the ranking; hand scores and
//! adjustments entered; a result published (the scheme frozen).

use crate::access::CurrentUser;
use crate::access::require_office;
use crate::compliance::{Period, monitor};
use crate::{App, Error, OrgId, Result};
use gongkai_domain::assessment::{self as rules, Adjustment, Source, UnitScore};
use gongkai_store::assessment::{self, StoredScheme};
use serde_json::json;

/// A unit's result.
#[derive(Debug, Clone)]
pub struct UnitResult {
    pub org_id: OrgId,
    pub score: UnitScore,
}

impl UnitResult {
    /// The adjustments' sum, signed, with two decimals.
    pub fn adjusted(&self) -> String {
        format!(
            "{:+.2}",
            self.score.adjustments.iter().map(|a| a.points).sum::<f64>()
        )
    }
}

/// The results under a scheme.
#[derive(Debug, Clone)]
pub struct Results {
    pub scheme: StoredScheme,
    pub units: Vec<UnitResult>,
}

/// The results under scheme `id`, ranked.
pub async fn results(app: &App, user: &CurrentUser, id: i64) -> Result<Results> {
    require_office(user)?;
    let scheme = assessment::get_scheme(&app.store, id).await?;
    let m = monitor(app, user, Period::year(scheme.scheme.year)?).await?;
    let hand = assessment::scores(&app.store, id).await?;
    let adjustments = assessment::adjustments(&app.store, id).await?;
    let mut scores: Vec<(OrgId, UnitScore)> = m
        .units
        .iter()
        .map(|u| {
            let indicators: Vec<_> = scheme
                .scheme
                .indicators
                .iter()
                .map(|line| {
                    let figure = match line.source {
                        Source::Monitor(i) => u.figures.iter().find(|f| f.indicator == i),
                        Source::Manual => None,
                    };
                    rules::score(
                        line,
                        figure,
                        hand.get(&(u.org.id, line.code.clone())).copied(),
                    )
                })
                .collect();
            let adjustments: Vec<Adjustment> = adjustments
                .iter()
                .filter(|a| a.org_id == u.org.id)
                .map(|a| Adjustment {
                    points: a.points,
                    reason: a.reason.clone(),
                    evidence: a.evidence.clone(),
                })
                .collect();
            let total = rules::total(&indicators, &adjustments);
            (
                u.org.id,
                UnitScore {
                    unit: u.org.name.clone(),
                    indicators,
                    adjustments,
                    total,
                    rank: 0,
                },
            )
        })
        .collect();
    let mut ranked: Vec<UnitScore> = scores.iter().map(|(_, s)| s.clone()).collect();
    rules::rank(&mut ranked);
    let units = ranked
        .into_iter()
        .map(|score| {
            let at = scores
                .iter()
                .position(|(_, s)| s.unit == score.unit)
                .unwrap_or_default();
            UnitResult {
                org_id: scores.swap_remove(at).0,
                score,
            }
        })
        .collect();
    Ok(Results { scheme, units })
}

/// A hand score as the form gives it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ScoreInput {
    pub org_id: i64,
    pub code: String,
    pub points: String,
    pub note: String,
}

fn points_of(field: &str, text: &str, range: std::ops::RangeInclusive<f64>) -> Result<f64> {
    match text.trim().parse::<f64>() {
        Ok(p) if range.contains(&p) && (p * 100.0).fract() == 0.0 => Ok(p),
        _ => Err(Error::invalid(
            field,
            format!(
                "应为 {} 至 {} 之间的数，最多两位小数",
                range.start(),
                range.end()
            ),
        )),
    }
}

/// Sets a unit's hand score on a hand-scored indicator of the scheme.
pub async fn set_score(app: &App, user: &CurrentUser, id: i64, input: &ScoreInput) -> Result<()> {
    require_office(user)?;
    let scheme = assessment::get_scheme(&app.store, id).await?;
    let line = scheme
        .scheme
        .indicators
        .iter()
        .find(|l| l.code == input.code && l.source == Source::Manual)
        .ok_or_else(|| Error::invalid("指标", "该指标不是人工评分指标"))?;
    let points = points_of("得分", &input.points, 0.0..=f64::from(line.weight))?;
    let mut tx = app.store.begin(user.actor()).await?;
    assessment::set_score(
        &mut tx,
        id,
        OrgId(input.org_id),
        &input.code,
        points,
        input.note.trim(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An adjustment as the form gives it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct AdjustmentInput {
    pub org_id: i64,
    pub points: String,
    pub reason: String,
    pub evidence: String,
}

/// Adds an adjustment of a unit's total, with its reason and evidence.
pub async fn add_adjustment(
    app: &App,
    user: &CurrentUser,
    id: i64,
    input: &AdjustmentInput,
) -> Result<()> {
    require_office(user)?;
    assessment::get_scheme(&app.store, id).await?;
    let points = points_of("加减分", &input.points, -100.0..=100.0)?;
    let (reason, evidence) = (input.reason.trim(), input.evidence.trim());
    if reason.is_empty() {
        return Err(Error::invalid("理由", "加减分须说明理由"));
    }
    if evidence.is_empty() {
        return Err(Error::invalid("依据", "加减分须注明依据材料"));
    }
    let mut tx = app.store.begin(user.actor()).await?;
    assessment::add_adjustment(&mut tx, id, OrgId(input.org_id), points, reason, evidence).await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes the results under scheme `id` as they are now; the scheme is frozen.
pub async fn publish(app: &App, user: &CurrentUser, id: i64) -> Result<()> {
    let found = results(app, user, id).await?;
    let snapshot = json!({
        "scheme": found.scheme.scheme.name,
        "year": found.scheme.scheme.year,
        "version": found.scheme.version,
        "units": found.units.iter().map(|u| json!({
            "org_id": u.org_id.0,
            "unit": u.score.unit,
            "rank": u.score.rank,
            "total": u.score.total,
            "indicators": u.score.indicators.iter().map(|i| json!({"code": i.code, "points": i.points, "basis": i.basis})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    let mut tx = app.store.begin(user.actor()).await?;
    assessment::publish_result(&mut tx, id, &snapshot.to_string()).await?;
    tx.commit().await?;
    Ok(())
}

/// How many results were published under scheme `id`.
pub async fn published_count(app: &App, id: i64) -> Result<usize> {
    Ok(assessment::results(&app.store, id).await?.len())
}
