//! A yearly scheme: its indicators with weights and rules, checked as a whole.

use std::collections::HashSet;

use super::Rule;
use crate::compliance::Indicator;
use crate::{Error, Result};

/// Where an indicator's figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A figure of the compliance monitor.
    Monitor(Indicator),
    /// A score entered by the office.
    Manual,
}

/// One line of a scheme.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemeIndicator {
    /// Unique within the scheme: the monitor indicator's code, or one the office chose.
    pub code: String,
    pub label: String,
    pub source: Source,
    /// Points, a whole number; all of a scheme's add up to 100.
    pub weight: u32,
    pub rule: Rule,
}

/// A valid scheme.
#[derive(Debug, Clone, PartialEq)]
pub struct Scheme {
    pub year: i32,
    pub name: String,
    pub indicators: Vec<SchemeIndicator>,
}

fn refuse<T>(reason: String) -> Result<T> {
    Err(Error::AssessmentScheme { reason })
}

impl Scheme {
    /// Checks a scheme: a name, at least one indicator, unique codes and names, each
    /// weight above 0, a rule that fits its source (a monitor figure is not scored by
    /// hand, a hand-scored one only by hand), and weights adding up to exactly 100.
    pub fn new(year: i32, name: &str, indicators: Vec<SchemeIndicator>) -> Result<Scheme> {
        let name = name.trim();
        if name.is_empty() {
            return refuse("请填写考核方案名称".to_string());
        }
        if !(2000..=2100).contains(&year) {
            return refuse(format!("考核年度 {year} 无效"));
        }
        if indicators.is_empty() {
            return refuse("考核方案至少要有一项指标".to_string());
        }
        let mut codes = HashSet::new();
        let mut labels = HashSet::new();
        for i in &indicators {
            check_line(i)?;
            if !codes.insert(i.code.as_str()) || !labels.insert(i.label.as_str()) {
                return refuse(format!("指标“{}”重复", i.label));
            }
        }
        let sum: u32 = indicators.iter().map(|i| i.weight).sum();
        if sum != 100 {
            return refuse(format!("各项指标权重之和应为 100 分，现为 {sum} 分"));
        }
        Ok(Scheme {
            year,
            name: name.to_string(),
            indicators,
        })
    }
}

fn check_line(i: &SchemeIndicator) -> Result<()> {
    if i.label.trim().is_empty() || i.code.trim().is_empty() {
        return refuse("每项指标须有名称".to_string());
    }
    if i.weight == 0 {
        return refuse(format!("指标“{}”的权重须大于 0", i.label));
    }
    match (i.source, i.rule) {
        (Source::Monitor(_), Rule::Manual) => {
            refuse(format!("指标“{}”取自监测数据，不能人工评分", i.label))
        }
        (Source::Manual, Rule::Manual) | (Source::Monitor(_), _) => Ok(()),
        (Source::Manual, _) => refuse(format!(
            "指标“{}”为人工评分指标，计分规则应为人工评分",
            i.label
        )),
    }
}
