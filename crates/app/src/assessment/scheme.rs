//! A scheme as the office enters it: the form's lines parsed and checked whole, so a
//! scheme whose weights do not add up to 100, or an indicator without a rule, is
//! refused with every problem named and nothing saved.

use crate::access::CurrentUser;
use crate::access::require_office;
use crate::{App, Error, Result};
use gongkai_domain::assessment::{Rule, Scheme, SchemeIndicator, Source};
use gongkai_domain::compliance::Indicator;
use gongkai_store::assessment::{self, StoredScheme};

/// One line of the scheme form.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct LineInput {
    /// An indicator code of the monitor, or `manual`.
    pub source: String,
    /// The name of a hand-scored indicator (a monitor indicator has its own).
    pub label: String,
    pub weight: String,
    /// `proportional`, `deduct` or `manual`.
    pub rule: String,
    /// Points per record of `deduct`.
    pub points: String,
}

/// The scheme form.
#[derive(Debug, Clone, Default)]
pub struct SchemeInput {
    pub year: String,
    pub name: String,
    pub lines: Vec<LineInput>,
}

impl LineInput {
    fn is_blank(&self) -> bool {
        self.source.trim().is_empty()
            && self.label.trim().is_empty()
            && self.weight.trim().is_empty()
    }

    fn parse(&self, n: usize) -> Result<SchemeIndicator> {
        let at = |what: &str| format!("第{n}项指标的{what}");
        let weight: u32 = self
            .weight
            .trim()
            .parse()
            .map_err(|_| Error::invalid(&at("权重"), "应为正整数"))?;
        let rule = Rule::parse(&self.rule, &self.points)
            .map_err(|e| Error::invalid(&at("计分规则"), e.to_string()))?;
        let (source, code, label) = match self.source.trim() {
            "manual" => {
                let label = self.label.trim();
                if label.is_empty() {
                    return Err(Error::invalid(&at("名称"), "人工评分指标须填写名称"));
                }
                (Source::Manual, format!("manual-{label}"), label.to_string())
            }
            code => {
                let indicator = Indicator::from_code(code)
                    .ok_or_else(|| Error::invalid(&at("来源"), "请选择监测指标或人工评分"))?;
                let label = match self.label.trim() {
                    "" => indicator.label_zh().to_string(),
                    label => label.to_string(),
                };
                (
                    Source::Monitor(indicator),
                    indicator.code().to_string(),
                    label,
                )
            }
        };
        Ok(SchemeIndicator {
            code,
            label,
            source,
            weight,
            rule,
        })
    }
}

impl SchemeInput {
    /// The scheme, or every problem of the form.
    fn scheme(&self) -> Result<Scheme> {
        let year: i32 = self
            .year
            .trim()
            .parse()
            .map_err(|_| Error::invalid("考核年度", "请填写年份"))?;
        let mut lines = Vec::new();
        let mut problems = Vec::new();
        for (n, line) in self.lines.iter().filter(|l| !l.is_blank()).enumerate() {
            match line.parse(n + 1) {
                Ok(parsed) => lines.push(parsed),
                Err(e) => problems.push(e.to_string()),
            }
        }
        if !problems.is_empty() {
            return Err(Error::Form(problems));
        }
        Ok(Scheme::new(year, &self.name, lines)?)
    }
}

/// Saves a new scheme, or changes `id`: in place while no result was published under
/// it, else as a new version.
pub async fn save_scheme(
    app: &App,
    user: &CurrentUser,
    id: Option<i64>,
    input: &SchemeInput,
) -> Result<StoredScheme> {
    require_office(user)?;
    let scheme = input.scheme()?;
    let current = match id {
        Some(id) => Some(assessment::get_scheme(&app.store, id).await?),
        None => None,
    };
    let mut tx = app.store.begin(user.actor()).await?;
    let stored = match current {
        Some(current) => assessment::revise_scheme(&mut tx, &current, &scheme).await?,
        None => assessment::create_scheme(&mut tx, &scheme).await?,
    };
    tx.commit().await?;
    Ok(stored)
}

/// Every scheme version.
pub async fn schemes(app: &App, user: &CurrentUser) -> Result<Vec<StoredScheme>> {
    require_office(user)?;
    Ok(assessment::list_schemes(&app.store).await?)
}
