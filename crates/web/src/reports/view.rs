//! The annual report as HTML: the tables and texts every page shows them with (the
//! console page and the standalone document the CLI writes and the office publishes).

use askama::Template;
use gongkai_app::annual_report::{
    self, AnnualReport, case_cells, case_groups, proactive_rows, request_columns, text_sections,
};
use gongkai_domain::annual_report::{DisplayRow, Identity};

/// A report ready for the templates: every table as rows of cells.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub title: String,
    pub units: Vec<String>,
    pub generated_on: String,
    pub format: &'static str,
    /// Sections 一, 五, 六: heading and text.
    pub overview: (&'static str, String),
    pub problems: (&'static str, String),
    pub other: (&'static str, String),
    /// Section 二: 项目 and three figure cells.
    pub proactive: Vec<[String; 4]>,
    pub request_columns: Vec<&'static str>,
    /// The heading over the five organisation columns (法人或其他组织).
    pub organisation_group: &'static str,
    pub request_rows: Vec<DisplayRow>,
    /// Section 四: the three groups' five cells each, in one row as the format has it.
    pub case_groups: Vec<(&'static str, [u64; 5])>,
    pub identities: Vec<Identity>,
    pub consistent: bool,
    /// The format's headings and table headers (`gongkai_app::annual_report`).
    pub headings: [&'static str; 3],
    pub proactive_columns: [&'static str; 4],
    pub case_columns: [&'static str; 6],
}

impl ReportView {
    pub fn of(report: &AnnualReport) -> ReportView {
        let [overview, problems, other] =
            text_sections(report).map(|(heading, text)| (heading, text.to_string()));
        ReportView {
            title: report.title(),
            units: report.units.iter().map(|o| o.name.clone()).collect(),
            generated_on: report.generated_on.to_string(),
            format: annual_report::FORMAT,
            overview,
            problems,
            other,
            proactive: proactive_rows(report),
            request_columns: request_columns(),
            organisation_group: annual_report::ORGANISATION_GROUP,
            request_rows: report.requests.display_rows(),
            case_groups: case_groups(report)
                .into_iter()
                .map(|(name, counts)| (name, case_cells(&counts)))
                .collect(),
            identities: report.identities.clone(),
            consistent: report.consistent(),
            headings: [
                annual_report::PROACTIVE_HEADING,
                annual_report::REQUESTS_HEADING,
                annual_report::CASES_HEADING,
            ],
            proactive_columns: annual_report::PROACTIVE_COLUMNS,
            case_columns: annual_report::CASE_COLUMNS,
        }
    }

    /// The paragraphs of a text section.
    pub fn paragraphs(text: &str) -> Vec<&str> {
        annual_report::paragraphs(text).collect()
    }
}

#[derive(Template)]
#[template(path = "reports/annual_report_standalone.html")]
struct Standalone<'a> {
    view: &'a ReportView,
}

/// The report as a self-contained HTML document (inline styles, printable).
pub fn standalone_html(report: &AnnualReport) -> Result<String, askama::Error> {
    Standalone {
        view: &ReportView::of(report),
    }
    .render()
}
