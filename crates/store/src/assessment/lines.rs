//! A scheme's indicators as the JSON column keeps them.

use crate::{Error, Result};
use gongkai_domain::assessment::{Rule, SchemeIndicator, Source};
use gongkai_domain::compliance::Indicator;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Line {
    code: String,
    label: String,
    /// `monitor` or `manual`.
    source: String,
    weight: u32,
    rule: String,
    /// Points per record of a deducting rule.
    #[serde(default)]
    points: f64,
}

pub(super) fn to_json(lines: &[SchemeIndicator]) -> String {
    let rows: Vec<Line> = lines
        .iter()
        .map(|l| Line {
            code: l.code.clone(),
            label: l.label.clone(),
            source: match l.source {
                Source::Monitor(_) => "monitor".to_string(),
                Source::Manual => "manual".to_string(),
            },
            weight: l.weight,
            rule: l.rule.code().to_string(),
            points: match l.rule {
                Rule::DeductPerItem { points } => points,
                _ => 0.0,
            },
        })
        .collect();
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".to_string())
}

pub(super) fn from_json(json: &str) -> Result<Vec<SchemeIndicator>> {
    let corrupt = |why: String| Error::Corrupt(format!("考核方案指标无法读取：{why}"));
    let rows: Vec<Line> = serde_json::from_str(json).map_err(|e| corrupt(e.to_string()))?;
    rows.into_iter()
        .map(|l| {
            let source = match l.source.as_str() {
                "manual" => Source::Manual,
                _ => Source::Monitor(
                    Indicator::from_code(&l.code).ok_or_else(|| corrupt(l.code.clone()))?,
                ),
            };
            let rule =
                Rule::parse(&l.rule, &l.points.to_string()).map_err(|e| corrupt(e.to_string()))?;
            Ok(SchemeIndicator {
                code: l.code,
                label: l.label,
                source,
                weight: l.weight,
                rule,
            })
        })
        .collect()
}
