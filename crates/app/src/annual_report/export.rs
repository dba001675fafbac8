//! The annual report written out: JSON with stable field names (documented in
//! docs/annual-report.md; scripts rely on them), and an XLSX workbook laid out like the
//! format's tables.

use super::{AnnualReport, FORMAT};
use crate::{Error, Result};
use gongkai_domain::annual_report::proactive::{RuleCounts, format_wan_yuan};
use gongkai_domain::annual_report::{
    ApplicantType, CaseCounts, Identity, Outcome, OutcomeBlock, Row,
};
use serde::Serialize;

/// The version of the JSON layout; a change that is not purely additive bumps it.
pub const JSON_SCHEMA: &str = "gongkai/annual-report/1";

/// The report as JSON: see docs/annual-report.md for every field.
#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    pub schema: &'static str,
    pub format: &'static str,
    pub year: i32,
    pub org: OrgJson<'a>,
    pub units: Vec<OrgJson<'a>>,
    pub generated_on: String,
    pub title: String,
    pub section1_overview: &'a str,
    pub section2_proactive: ProactiveJson,
    pub section3_requests: RequestsJson,
    pub section4_cases: CasesJson,
    pub section5_problems: &'a str,
    pub section6_other: &'a str,
    pub identities: Vec<IdentityJson<'a>>,
    pub consistent: bool,
}

#[derive(Debug, Serialize)]
pub struct OrgJson<'a> {
    pub id: i64,
    pub name: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ProactiveJson {
    pub regulations: RuleCounts,
    pub normative_documents: RuleCounts,
    pub licensing_decisions: u64,
    pub penalty_decisions: u64,
    pub enforcement_decisions: u64,
    /// 万元 as a decimal string (up to four decimals), so no float rounding creeps in.
    pub fees_wan_yuan: String,
}

#[derive(Debug, Serialize)]
pub struct RequestsJson {
    /// The applicant columns of every row, in order; each row also has `total`.
    pub columns: Vec<&'static str>,
    pub received: Row,
    pub carried_over: Row,
    pub outcomes: Vec<OutcomeJson>,
    pub handled: Row,
    pub carried_forward: Row,
}

#[derive(Debug, Serialize)]
pub struct OutcomeJson {
    pub outcome: Outcome,
    pub block: OutcomeBlock,
    pub label: &'static str,
    pub counts: Row,
}

#[derive(Debug, Serialize)]
pub struct CasesJson {
    pub reconsideration: CaseCounts,
    pub direct_suit: CaseCounts,
    pub suit_after_reconsideration: CaseCounts,
}

#[derive(Debug, Serialize)]
pub struct IdentityJson<'a> {
    pub rule: &'a str,
    pub left: u64,
    pub right: u64,
    pub holds: bool,
}

/// The JSON view of a report.
pub fn to_json(report: &AnnualReport) -> ReportJson<'_> {
    let proactive = &report.proactive;
    let requests = &report.requests;
    ReportJson {
        schema: JSON_SCHEMA,
        format: FORMAT,
        year: report.year,
        org: org_json(&report.org),
        units: report.units.iter().map(org_json).collect(),
        generated_on: report.generated_on.to_string(),
        title: report.title(),
        section1_overview: &report.inputs.overview,
        section2_proactive: ProactiveJson {
            regulations: proactive.regulations,
            normative_documents: proactive.normative,
            licensing_decisions: proactive.entered.licensing,
            penalty_decisions: proactive.entered.penalty,
            enforcement_decisions: proactive.entered.enforcement,
            fees_wan_yuan: format_wan_yuan(proactive.entered.fees_yuan),
        },
        section3_requests: RequestsJson {
            columns: ApplicantType::ALL.iter().map(|a| a.code()).collect(),
            received: requests.received,
            carried_over: requests.carried_over,
            outcomes: requests
                .outcomes
                .iter()
                .map(|(outcome, counts)| OutcomeJson {
                    outcome: *outcome,
                    block: outcome.block(),
                    label: outcome.label_zh(),
                    counts: *counts,
                })
                .collect(),
            handled: requests.handled,
            carried_forward: requests.carried_forward,
        },
        section4_cases: CasesJson {
            reconsideration: report.cases.reconsideration,
            direct_suit: report.cases.direct_suit,
            suit_after_reconsideration: report.cases.suit_after_reconsideration,
        },
        section5_problems: &report.inputs.problems,
        section6_other: &report.inputs.other,
        identities: report.identities.iter().map(identity_json).collect(),
        consistent: report.consistent(),
    }
}

fn org_json(org: &gongkai_store::orgs::Org) -> OrgJson<'_> {
    OrgJson {
        id: org.id.0,
        name: &org.name,
    }
}

fn identity_json(identity: &Identity) -> IdentityJson<'_> {
    IdentityJson {
        rule: &identity.rule,
        left: identity.left,
        right: identity.right,
        holds: identity.holds(),
    }
}

/// The headings of sections 二, 三 and 四, as the format words them.
pub const PROACTIVE_HEADING: &str = "二、主动公开政府信息情况";
pub const REQUESTS_HEADING: &str = "三、收到和处理政府信息公开申请情况";
pub const CASES_HEADING: &str = "四、政府信息公开行政复议、行政诉讼情况";

/// The header of section 二's table: the item and its three figures.
pub const PROACTIVE_COLUMNS: [&str; 4] = [
    "信息内容",
    "本年制发件数（处理决定数量/收费金额）",
    "本年废止件数",
    "现行有效件数",
];

/// The paragraphs of a text section: its non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// The header of section 四's table: the group, the four results and 总计.
pub const CASE_COLUMNS: [&str; 6] = [
    "类别",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
];

/// The header of section 三's table: 项目, the six applicant columns, 总计.
pub fn request_columns() -> Vec<&'static str> {
    let mut columns = vec!["项目"];
    columns.extend(ApplicantType::ALL.map(ApplicantType::label_zh));
    columns.push("总计");
    columns
}

/// Section 二 as rows of text: 项目, then three figure columns.
pub fn proactive_rows(report: &AnnualReport) -> Vec<[String; 4]> {
    let p = &report.proactive;
    let counts = |name: &str, c: &RuleCounts| {
        [
            name.to_string(),
            c.made.to_string(),
            c.repealed.to_string(),
            c.in_force.to_string(),
        ]
    };
    let single =
        |name: &str, value: String| [name.to_string(), value, String::new(), String::new()];
    vec![
        counts("规章", &p.regulations),
        counts("行政规范性文件", &p.normative),
        single(
            "行政许可（本年处理决定数量）",
            p.entered.licensing.to_string(),
        ),
        single(
            "行政处罚（本年处理决定数量）",
            p.entered.penalty.to_string(),
        ),
        single(
            "行政强制（本年处理决定数量）",
            p.entered.enforcement.to_string(),
        ),
        single(
            "行政事业性收费（本年收费金额，万元）",
            format_wan_yuan(p.entered.fees_yuan),
        ),
    ]
}

/// Section 四 as its three groups, each with the four results and the total.
pub fn case_groups(report: &AnnualReport) -> [(&'static str, CaseCounts); 3] {
    [
        ("行政复议", report.cases.reconsideration),
        ("行政诉讼（未经复议直接起诉）", report.cases.direct_suit),
        (
            "行政诉讼（复议后起诉）",
            report.cases.suit_after_reconsideration,
        ),
    ]
}

/// The five cells of a case group: 维持, 纠正, 其他, 尚未审结, 总计.
pub fn case_cells(c: &CaseCounts) -> [u64; 5] {
    [c.upheld, c.corrected, c.other, c.pending, c.total]
}

/// An XLSX workbook: one sheet per table (二, 三, 四), the texts and the identities.
pub fn to_xlsx(report: &AnnualReport) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook, Worksheet};
    let failed = |e: rust_xlsxwriter::XlsxError| Error::Internal(format!("无法生成 XLSX：{e}"));
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let mut workbook = Workbook::new();
    let header = |sheet: &mut Worksheet, title: &str, columns: &[&str]| {
        sheet.write_string_with_format(0, 0, title, &bold)?;
        for (col, name) in (0u16..).zip(columns) {
            sheet.write_string_with_format(1, col, *name, &bold)?;
        }
        sheet.set_column_width(0, 48)?;
        Ok::<(), rust_xlsxwriter::XlsxError>(())
    };

    let sheet = workbook
        .add_worksheet()
        .set_name("二、主动公开")
        .map_err(failed)?;
    header(
        sheet,
        &format!("{} {PROACTIVE_HEADING}", report.title()),
        &PROACTIVE_COLUMNS,
    )
    .map_err(failed)?;
    for (r, row) in (2u32..).zip(proactive_rows(report)) {
        sheet.write_string(r, 0, &row[0]).map_err(failed)?;
        for (col, cell) in (1u16..).zip(&row[1..]) {
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r, col, n),
                Err(_) => sheet.write_string(r, col, cell),
            }
            .map_err(failed)?;
        }
    }

    let sheet = workbook
        .add_worksheet()
        .set_name("三、依申请公开")
        .map_err(failed)?;
    header(sheet, REQUESTS_HEADING, &request_columns()).map_err(failed)?;
    for (r, line) in (2u32..).zip(report.requests.display_rows()) {
        let indent = "　".repeat(usize::from(line.depth));
        sheet
            .write_string(r, 0, format!("{indent}{}", line.label))
            .map_err(failed)?;
        if let Some(cells) = line.cells {
            for (col, value) in (1u16..).zip(cells.cells().iter().chain([&cells.total])) {
                sheet.write_number(r, col, *value as f64).map_err(failed)?;
            }
        }
    }

    let sheet = workbook
        .add_worksheet()
        .set_name("四、复议诉讼")
        .map_err(failed)?;
    header(sheet, CASES_HEADING, &CASE_COLUMNS).map_err(failed)?;
    for (r, (name, counts)) in (2u32..).zip(case_groups(report)) {
        sheet.write_string(r, 0, name).map_err(failed)?;
        for (col, value) in (1u16..).zip(case_cells(&counts)) {
            sheet.write_number(r, col, value as f64).map_err(failed)?;
        }
    }

    let sheet = workbook
        .add_worksheet()
        .set_name("文字部分")
        .map_err(failed)?;
    header(sheet, &report.title(), &["部分", "内容"]).map_err(failed)?;
    sheet.set_column_width(1, 100).map_err(failed)?;
    for (r, (name, text)) in (2u32..).zip(text_sections(report)) {
        sheet.write_string(r, 0, name).map_err(failed)?;
        sheet
            .write_string_with_format(r, 1, text, &wrap)
            .map_err(failed)?;
    }

    let sheet = workbook
        .add_worksheet()
        .set_name("勾稽关系")
        .map_err(failed)?;
    header(sheet, "勾稽关系校验", &["规则", "左边", "右边", "是否相符"]).map_err(failed)?;
    for (r, identity) in (2u32..).zip(&report.identities) {
        sheet.write_string(r, 0, &identity.rule).map_err(failed)?;
        sheet
            .write_number(r, 1, identity.left as f64)
            .map_err(failed)?;
        sheet
            .write_number(r, 2, identity.right as f64)
            .map_err(failed)?;
        let verdict = if identity.holds() { "相符" } else { "不符" };
        sheet.write_string(r, 3, verdict).map_err(failed)?;
    }
    workbook.save_to_buffer().map_err(failed)
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "无" } else { text }
}

/// Sections 一, 五 and 六 with their headings; an empty text reads 无.
pub fn text_sections(report: &AnnualReport) -> [(&'static str, &str); 3] {
    [
        ("一、总体情况", or_none(&report.inputs.overview)),
        (
            "五、存在的主要问题及改进情况",
            or_none(&report.inputs.problems),
        ),
        ("六、其他需要报告的事项", or_none(&report.inputs.other)),
    ]
}

/// The DOCX of a report: the title, the six sections in order with their tables, and
/// the identities checked.
pub fn to_docx(report: &AnnualReport) -> Result<Vec<u8>> {
    use crate::docx::{Block, render};
    let texts = |text: &str| -> Vec<Block> {
        paragraphs(text)
            .map(|l| Block::Paragraph(l.to_string()))
            .collect()
    };
    let strings = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let [overview, problems, other] = text_sections(report);
    let mut blocks = vec![Block::Title(report.title())];
    blocks.push(Block::Heading(overview.0.to_string()));
    blocks.extend(texts(overview.1));
    blocks.push(Block::Heading(PROACTIVE_HEADING.to_string()));
    blocks.push(Block::Table {
        header: strings(&PROACTIVE_COLUMNS),
        rows: proactive_rows(report).into_iter().map(Vec::from).collect(),
    });
    blocks.push(Block::Heading(REQUESTS_HEADING.to_string()));
    blocks.push(Block::Table {
        header: strings(&request_columns()),
        rows: report
            .requests
            .display_rows()
            .into_iter()
            .map(|line| {
                let mut row = vec![line.label];
                if let Some(cells) = line.cells {
                    row.extend(
                        cells
                            .cells()
                            .iter()
                            .chain([&cells.total])
                            .map(u64::to_string),
                    );
                } else {
                    row.extend(std::iter::repeat_n(String::new(), 7));
                }
                row
            })
            .collect(),
    });
    blocks.push(Block::Heading(CASES_HEADING.to_string()));
    blocks.push(Block::Table {
        header: strings(&CASE_COLUMNS),
        rows: case_groups(report)
            .iter()
            .map(|(name, counts)| {
                let mut row = vec![name.to_string()];
                row.extend(case_cells(counts).iter().map(u64::to_string));
                row
            })
            .collect(),
    });
    for (heading, text) in [problems, other] {
        blocks.push(Block::Heading(heading.to_string()));
        blocks.extend(texts(text));
    }
    blocks.push(Block::Right(report.org.name.clone()));
    blocks.push(Block::Right(gongkai_domain::letter::date_zh(
        report.generated_on,
    )));
    render(&blocks)
}
