//! Scores: one indicator from its figure or hand score, a unit's total with its
//! adjustments, and the ranking.

use super::{Rule, SchemeIndicator};
use crate::compliance::{Figure, Item};

/// Points taken off for one record, for the drill-down.
#[derive(Debug, Clone, PartialEq)]
pub struct Deduction {
    pub item: Item,
    pub points: f64,
}

/// One indicator's score of one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorScore {
    pub code: String,
    pub weight: u32,
    /// Between 0 and the weight, two decimals.
    pub points: f64,
    /// False when there was nothing to score: no records to measure this year (full
    /// marks), or no hand score entered yet (0).
    pub scored: bool,
    pub deductions: Vec<Deduction>,
    /// How the points came about, for the 通报.
    pub basis: String,
}

/// Rounds to two decimals, as scores are published.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The score of `line` from its monitor figure or the office's hand score. An
/// indicator without records to measure gets full marks (nothing was late), noted.
pub fn score(
    line: &SchemeIndicator,
    figure: Option<&Figure>,
    manual: Option<f64>,
) -> IndicatorScore {
    let w = f64::from(line.weight);
    let base =
        |points: f64, scored: bool, deductions: Vec<Deduction>, basis: String| IndicatorScore {
            code: line.code.clone(),
            weight: line.weight,
            points: round2(points.clamp(0.0, w)),
            scored,
            deductions,
            basis,
        };
    match (line.rule, figure, manual) {
        (Rule::Manual, _, Some(points)) => base(points, true, Vec::new(), "人工评分".to_string()),
        (Rule::Manual, _, None) => base(0.0, false, Vec::new(), "尚未评分".to_string()),
        (_, Some(f), _) if f.counted > 0 => match line.rule {
            Rule::DeductPerItem { points } => {
                let deductions: Vec<Deduction> = f
                    .faults
                    .iter()
                    .map(|item| Deduction {
                        item: item.clone(),
                        points,
                    })
                    .collect();
                let off = points * deductions.len() as f64;
                let basis = format!("超期或逾期 {} 项，每项扣 {points} 分", deductions.len());
                base(w - off, true, deductions, basis)
            }
            _ => {
                let rate = f.rate().unwrap_or(1.0);
                let per = w / f.counted as f64;
                let deductions = f
                    .faults
                    .iter()
                    .map(|item| Deduction {
                        item: item.clone(),
                        points: round2(per),
                    })
                    .collect();
                let basis = format!(
                    "按期 {}/{} 项，按期率 {:.1}%",
                    f.on_time,
                    f.counted,
                    rate * 100.0
                );
                base(w * rate, true, deductions, basis)
            }
        },
        _ => base(w, false, Vec::new(), "本期无应办事项，按满分计".to_string()),
    }
}

/// A manual adjustment of a unit's total (加分, 减分), with why and the evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    pub points: f64,
    pub reason: String,
    pub evidence: String,
}

/// A unit's total: its indicators and adjustments.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitScore {
    pub unit: String,
    pub indicators: Vec<IndicatorScore>,
    pub adjustments: Vec<Adjustment>,
    /// Between 0 and 100, two decimals.
    pub total: f64,
    /// 1 for the highest total; equal totals share a rank.
    pub rank: usize,
}

/// The total of indicator scores and adjustments, kept between 0 and 100.
pub fn total(indicators: &[IndicatorScore], adjustments: &[Adjustment]) -> f64 {
    let sum: f64 = indicators.iter().map(|i| i.points).sum::<f64>()
        + adjustments.iter().map(|a| a.points).sum::<f64>();
    round2(sum.clamp(0.0, 100.0))
}

/// Orders the units by total, highest first (by name when equal), and numbers them:
/// equal totals share a rank and the next rank skips (1, 2, 2, 4).
pub fn rank(units: &mut [UnitScore]) {
    units.sort_by(|a, b| {
        b.total
            .total_cmp(&a.total)
            .then_with(|| a.unit.cmp(&b.unit))
    });
    let mut previous: Option<(f64, usize)> = None;
    for (i, u) in units.iter_mut().enumerate() {
        u.rank = match previous {
            Some((total, rank)) if total == u.total => rank,
            _ => i + 1,
        };
        previous = Some((u.total, u.rank));
    }
}
