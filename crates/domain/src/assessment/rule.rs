//! How an indicator turns into points.

use crate::{Error, Result};

/// The scoring rule of one indicator of weight `w`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// `w × rate`: full marks when everything was on time (比例计分).
    Proportional,
    /// Full marks less `points` for every late or overdue record, never below 0 (扣分制).
    DeductPerItem { points: f64 },
    /// Scored by hand between 0 and `w` (网站检查, 培训).
    Manual,
}

impl Rule {
    /// Stable code for forms and storage.
    pub fn code(&self) -> &'static str {
        match self {
            Rule::Proportional => "proportional",
            Rule::DeductPerItem { .. } => "deduct",
            Rule::Manual => "manual",
        }
    }

    /// The rule of a code; `deduct` needs its points per record (more than 0, at most
    /// 100, at most two decimals).
    pub fn parse(code: &str, points: &str) -> Result<Rule> {
        let refuse = |reason: String| Err(Error::AssessmentScheme { reason });
        match code.trim() {
            "proportional" => Ok(Rule::Proportional),
            "manual" => Ok(Rule::Manual),
            "deduct" => match points.trim().parse::<f64>() {
                Ok(p) if p > 0.0 && p <= 100.0 && (p * 100.0).fract() == 0.0 => {
                    Ok(Rule::DeductPerItem { points: p })
                }
                _ => refuse(format!(
                    "每项扣分应为大于 0、不超过 100 的数，最多两位小数：“{}”",
                    points.trim()
                )),
            },
            "" => refuse("请选择计分规则".to_string()),
            other => refuse(format!("无法识别的计分规则“{other}”")),
        }
    }

    /// How the rule reads in the scheme and the 通报.
    pub fn label_zh(&self) -> String {
        match self {
            Rule::Proportional => "按按期率计分（全部按期得满分）".to_string(),
            Rule::DeductPerItem { points } => {
                format!("每出现一项超期或逾期扣 {points} 分，扣完为止")
            }
            Rule::Manual => "人工评分".to_string(),
        }
    }
}
