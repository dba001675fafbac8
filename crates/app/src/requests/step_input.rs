//! A handling step as the staff page's forms send it, and the dates those forms carry.

use crate::{Error, Result};
use chrono::NaiveDate;
use gongkai_domain::calendar::parse_date;
use serde::Deserialize;

/// A handling step, as the staff page's forms send it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StepInput {
    /// correction_notice, corrected, stop, extension.
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub until: String,
    #[serde(default)]
    pub workdays: String,
    /// Stop: who was consulted; extension: the approving head of the office.
    #[serde(default)]
    pub note: String,
    /// Stop: third_party (at most 15 working days) or agency.
    #[serde(default)]
    pub consulted: String,
    /// Assign, transfer: the unit's id.
    #[serde(default)]
    pub org: String,
    /// Fee notice: per_request (按件) or per_page (按量).
    #[serde(default)]
    pub method: String,
    /// Fee notice by pages: how many.
    #[serde(default)]
    pub pages: String,
}

pub(super) fn date_field(value: &str, field: &str) -> Result<NaiveDate> {
    parse_date(value.trim()).map_err(|_| Error::invalid(field, "请填写有效日期（YYYY-MM-DD）"))
}
