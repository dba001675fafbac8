//! The report laid out as the format words it: the headings, the tables' headers
//! and rows, and the text sections, shared by the XLSX, the DOCX and the HTML.

use crate::annual_report::AnnualReport;
use gongkai_domain::annual_report::proactive::{RuleCounts, format_wan_yuan};
use gongkai_domain::annual_report::{ApplicantType, CaseCounts};

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

/// The heading over the five organisation columns of section 三's table (国办公开办函
/// 〔2021〕30号: 自然人 beside 法人或其他组织, which spans 商业企业 to 其他).
pub const ORGANISATION_GROUP: &str = "法人或其他组织";

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
