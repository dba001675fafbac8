//! One year's report of a unit (or of a government with its units): its tables,
//! the office's entries, the identities checked, and the format it follows.

use chrono::NaiveDate;
use gongkai_domain::annual_report::proactive::ProactiveTable;
use gongkai_domain::annual_report::{CaseTable, Identity, RequestTable};
use gongkai_store::annual_reports::ReportInputs;
use gongkai_store::orgs::Org;

/// The format the report follows.
pub const FORMAT: &str = "国办公开办函〔2021〕30号";

/// One year's report of one unit, or of a government with its units.
#[derive(Debug, Clone)]
pub struct AnnualReport {
    pub year: i32,
    pub org: Org,
    /// The units whose records are counted besides `org` (empty unless aggregated).
    pub units: Vec<Org>,
    /// The office's own entries for `org`: the texts of 一, 五, 六 and its figures (the
    /// table's figures, summed over the units, are in `proactive.entered`).
    pub inputs: ReportInputs,
    pub proactive: ProactiveTable,
    pub requests: RequestTable,
    pub cases: CaseTable,
    /// Every identity of the tables, and 二 against last year's 四.
    pub identities: Vec<Identity>,
    pub generated_on: NaiveDate,
}

impl AnnualReport {
    /// Whether every identity holds.
    pub fn consistent(&self) -> bool {
        self.identities.iter().all(Identity::holds)
    }

    /// The report's title, e.g. 某区人民政府2025年政府信息公开工作年度报告.
    pub fn title(&self) -> String {
        format!("{}{}年政府信息公开工作年度报告", self.org.name, self.year)
    }
}
