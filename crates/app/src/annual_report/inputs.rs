//! The figures and texts the office enters (sections 一, 五, 六 and the figures the
//! platform does not hold), checked and saved.

use super::check_year;
use crate::access::CurrentUser;
use crate::{App, Error, Result};
use gongkai_domain::annual_report::proactive::{EnteredFigures, parse_wan_yuan};
use gongkai_store::OrgId;
use gongkai_store::annual_reports::{self, ReportInputs};
use serde::Deserialize;

/// The longest text of sections 一, 五 and 六, in characters.
const MAX_TEXT_CHARS: usize = 20_000;

/// The office's entries as the console form sends them.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct InputsForm {
    #[serde(default)]
    pub licensing: String,
    #[serde(default)]
    pub penalty: String,
    #[serde(default)]
    pub enforcement: String,
    /// 万元.
    #[serde(default)]
    pub fees: String,
    #[serde(default)]
    pub overview: String,
    #[serde(default)]
    pub problems: String,
    #[serde(default)]
    pub other: String,
}

impl InputsForm {
    /// The form of stored entries.
    pub fn of(inputs: &ReportInputs) -> InputsForm {
        let f = &inputs.figures;
        InputsForm {
            licensing: f.licensing.to_string(),
            penalty: f.penalty.to_string(),
            enforcement: f.enforcement.to_string(),
            fees: gongkai_domain::annual_report::proactive::format_wan_yuan(f.fees_yuan),
            overview: inputs.overview.clone(),
            problems: inputs.problems.clone(),
            other: inputs.other.clone(),
        }
    }

    /// The entries, every wrong field named.
    pub fn validate(&self) -> Result<ReportInputs> {
        let mut errors = Vec::new();
        let mut number = |value: &str, field: &str| match value.trim() {
            "" => 0,
            text => text.parse::<u64>().unwrap_or_else(|_| {
                errors.push(format!("{field}：请填写不小于 0 的整数"));
                0
            }),
        };
        let licensing = number(&self.licensing, "行政许可处理决定数量");
        let penalty = number(&self.penalty, "行政处罚处理决定数量");
        let enforcement = number(&self.enforcement, "行政强制处理决定数量");
        let fees_yuan = parse_wan_yuan(&self.fees).unwrap_or_else(|e| {
            errors.push(format!("行政事业性收费金额：{e}"));
            0
        });
        let mut text = |value: &str, field: &str| {
            let value = value.trim().replace("\r\n", "\n");
            if value.chars().count() > MAX_TEXT_CHARS {
                errors.push(format!("{field}：不能超过 {MAX_TEXT_CHARS} 个字"));
            }
            value
        };
        let overview = text(&self.overview, "一、总体情况");
        let problems = text(&self.problems, "五、存在的主要问题及改进情况");
        let other = text(&self.other, "六、其他需要报告的事项");
        if !errors.is_empty() {
            return Err(Error::Form(errors));
        }
        Ok(ReportInputs {
            figures: EnteredFigures {
                licensing,
                penalty,
                enforcement,
                fees_yuan,
            },
            overview,
            problems,
            other,
        })
    }
}

/// Saves the office's entries of `org` for `year`; nothing is saved when a field is
/// wrong.
pub async fn save_inputs(
    app: &App,
    user: &CurrentUser,
    org: OrgId,
    year: i32,
    form: &InputsForm,
) -> Result<()> {
    crate::requests::require_handler(app, user, org).await?;
    let year = check_year(year)?;
    let inputs = form.validate()?;
    let mut tx = app.store.begin(user.actor()).await?;
    annual_reports::save_inputs(&mut tx, org, year, &inputs).await?;
    tx.commit().await?;
    Ok(())
}
