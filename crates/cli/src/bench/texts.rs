//! The real government text the benchmark corpus is made of, compiled into the binary.
//!
//! Bodies are built from the sentences of public official documents: the five seeds of
//! `fixtures/seeds/` and thirteen work plans of `fixtures/bench/`, noise included, as they
//! were published. Titles follow the patterns of real titles; issuers are the units of a
//! district government and the issuers of the seeds, with their 发文机关代字. This module
//! owns those lists and cuts the texts into the pieces the corpus samples.

/// The texts; a work plan's first line names its source and is not text.
const TEXTS: [&str; 18] = [
    include_str!("../../../../fixtures/seeds/000_3335da6467c3606d.txt"),
    include_str!("../../../../fixtures/seeds/001_6b141d89c3fcc9de.txt"),
    include_str!("../../../../fixtures/seeds/002_cc9e57af21d3afad.txt"),
    include_str!("../../../../fixtures/seeds/003_d83b70daa609b1f7.txt"),
    include_str!("../../../../fixtures/seeds/004_2f6965311e0af134.txt"),
    include_str!("../../../../fixtures/bench/workplan-01.txt"),
    include_str!("../../../../fixtures/bench/workplan-02.txt"),
    include_str!("../../../../fixtures/bench/workplan-03.txt"),
    include_str!("../../../../fixtures/bench/workplan-04.txt"),
    include_str!("../../../../fixtures/bench/workplan-05.txt"),
    include_str!("../../../../fixtures/bench/workplan-06.txt"),
    include_str!("../../../../fixtures/bench/workplan-07.txt"),
    include_str!("../../../../fixtures/bench/workplan-09.txt"),
    include_str!("../../../../fixtures/bench/workplan-10.txt"),
    include_str!("../../../../fixtures/bench/workplan-14.txt"),
    include_str!("../../../../fixtures/bench/workplan-15.txt"),
    include_str!("../../../../fixtures/bench/workplan-16.txt"),
    include_str!("../../../../fixtures/bench/workplan-17.txt"),
];

/// A line shorter than this (in characters) is a heading, a date or page furniture.
const MIN_LINE_CHARS: usize = 20;

/// A piece longer than this (in bytes) is cut after a 。 once it has reached it.
const MAX_PIECE_BYTES: usize = 450;

/// A unit that issues documents.
pub struct Issuer {
    pub name: &'static str,
    /// 发文机关代字 (渝中府办 in 渝中府办〔2022〕24号).
    pub code: &'static str,
    /// The place named in its titles.
    pub place: &'static str,
}

const fn issuer(name: &'static str, code: &'static str, place: &'static str) -> Issuer {
    Issuer { name, code, place }
}

/// The issuers, most prolific first (the corpus picks early ones more often).
pub const ISSUERS: [Issuer; 32] = [
    issuer("渝中区人民政府办公室", "渝中府办", "渝中区"),
    issuer("渝中区人民政府", "渝中府发", "渝中区"),
    issuer("渝中区发展和改革委员会", "渝中发改", "渝中区"),
    issuer("渝中区教育委员会", "渝中教", "渝中区"),
    issuer("渝中区财政局", "渝中财", "渝中区"),
    issuer("渝中区人力资源和社会保障局", "渝中人社发", "渝中区"),
    issuer("渝中区卫生健康委员会", "渝中卫", "渝中区"),
    issuer("渝中区市场监督管理局", "渝中市监", "渝中区"),
    issuer("渝中区住房和城乡建设委员会", "渝中建", "渝中区"),
    issuer("渝中区生态环境局", "渝中环", "渝中区"),
    issuer("渝中区民政局", "渝中民", "渝中区"),
    issuer("渝中区司法局", "渝中司", "渝中区"),
    issuer("渝中区应急管理局", "渝中应急", "渝中区"),
    issuer("渝中区商务委员会", "渝中商务", "渝中区"),
    issuer("渝中区文化和旅游发展委员会", "渝中文旅", "渝中区"),
    issuer("渝中区规划和自然资源局", "渝中规资", "渝中区"),
    issuer("渝中区交通局", "渝中交", "渝中区"),
    issuer("渝中区科学技术局", "渝中科", "渝中区"),
    issuer("渝中区医疗保障局", "渝中医保", "渝中区"),
    issuer("渝中区退役军人事务局", "渝中退役军人", "渝中区"),
    issuer("渝中区统计局", "渝中统", "渝中区"),
    issuer("渝中区审计局", "渝中审", "渝中区"),
    issuer("渝中区大数据应用发展管理局", "渝中大数据", "渝中区"),
    issuer("解放碑街道办事处", "解放碑街道", "解放碑街道"),
    issuer("朝天门街道办事处", "朝天门街道", "朝天门街道"),
    issuer("七星岗街道办事处", "七星岗街道", "七星岗街道"),
    issuer("大溪沟街道办事处", "大溪沟街道", "大溪沟街道"),
    issuer("上清寺街道办事处", "上清寺街道", "上清寺街道"),
    issuer("两江新区管委会", "渝两江管办发", "两江新区"),
    issuer("红谷滩区人民政府办公室", "红府办", "红谷滩区"),
    issuer("德庆县人民政府办公室", "德府办", "德庆县"),
    issuer("江北产业集中区管委会", "江北集管", "江北产业集中区"),
];

/// The catalogue prefix of an issuer's 索引号: synthetic, 18 characters like a
/// 统一社会信用代码, one per issuer.
pub fn index_prefix(issuer: usize) -> String {
    format!("11500103MB{:07}X", 1_000 + issuer * 37)
}

/// Title patterns of real titles and the genre (体裁) each gives: `{place}`, `{year}`,
/// `{issuer}` and `{subject}` are filled in.
pub const TITLES: [(&str, &str); 14] = [
    ("关于印发{place}{year}年{subject}工作要点的通知", "通知"),
    (
        "关于印发{place}{year}年{subject}工作要点任务分工的通知",
        "通知",
    ),
    ("{year}年{place}{subject}工作要点", "其他公文"),
    (
        "关于印发{place}{year}年{subject}工作要点分工方案的通知",
        "通知",
    ),
    ("关于开展{subject}专项行动的通知", "通知"),
    ("{issuer}{year}年{subject}重点工作任务分解", "方案"),
    ("{issuer}关于进一步加强{subject}工作的实施意见", "意见"),
    ("{place}{subject}实施方案", "方案"),
    ("关于{year}年{subject}工作情况的通报", "通报"),
    ("{issuer}关于同意{subject}有关事项的批复", "批复"),
    ("{place}{subject}管理办法", "办法"),
    ("{issuer}{year}年{subject}工作总结", "报告"),
    ("关于做好{year}年{subject}有关工作的通知", "通知"),
    ("{issuer}关于{subject}工作的函", "函"),
];

/// Subjects of real titles.
pub const SUBJECTS: [&str; 24] = [
    "政务公开",
    "政府信息公开",
    "基层政务公开标准化规范化",
    "规范性文件管理",
    "政策解读",
    "深化“放管服”改革优化营商环境",
    "数字政府建设",
    "政府工作报告重点工作",
    "政务新媒体管理",
    "政府网站集约化",
    "重大行政决策公开",
    "政府开放日活动",
    "依申请公开办理",
    "12345政务服务便民热线",
    "公共资源配置领域信息公开",
    "财政预决算公开",
    "乡村振兴",
    "安全生产",
    "就业创业",
    "医疗保障",
    "生态环境保护",
    "城市更新",
    "优化营商环境",
    "政务公开“六提六促”",
];

/// The text of every file without a work plan's source line.
fn bodies() -> impl Iterator<Item = &'static str> {
    TEXTS.iter().map(|text| match text.strip_prefix("source:") {
        Some(rest) => rest.split_once('\n').map_or("", |(_, body)| body),
        None => text,
    })
}

/// The lines of real text long enough to be prose, trimmed, in document order.
fn prose_lines() -> impl Iterator<Item = &'static str> {
    bodies()
        .flat_map(str::lines)
        .map(str::trim)
        .filter(|line| line.chars().count() >= MIN_LINE_CHARS)
}

/// Whether a line is an address line (主送机关): `各…：`.
fn is_salutation(line: &str) -> bool {
    (line.starts_with('各') || line.starts_with("区级"))
        && (line.ends_with('：') || line.ends_with(':'))
        && line.chars().count() <= 80
}

/// The address lines (主送机关) of the texts.
pub fn salutations() -> Vec<&'static str> {
    let mut found: Vec<&'static str> = prose_lines().filter(|l| is_salutation(l)).collect();
    found.dedup();
    found
}

/// The pieces bodies are made of: prose lines in document order, long ones cut after a
/// 。 so that a piece is a sentence or a few.
pub fn pieces() -> Vec<&'static str> {
    let mut out = Vec::new();
    for line in prose_lines().filter(|l| !is_salutation(l)) {
        let mut start = 0;
        for (at, c) in line.char_indices() {
            let end = at + c.len_utf8();
            if c == '。' && end - start >= MAX_PIECE_BYTES {
                out.extend(line.get(start..end));
                start = end;
            }
        }
        if let Some(rest) = line.get(start..).filter(|rest| !rest.is_empty()) {
            out.push(rest);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_gives_pieces_and_the_salutations_are_found() {
        assert_eq!(bodies().filter(|b| b.starts_with("source:")).count(), 0);
        assert!(pieces().len() > 200, "{}", pieces().len());
        assert!(pieces().iter().all(|p| !p.is_empty()));
        assert!(salutations().len() >= 5, "{:?}", salutations());
    }

    #[test]
    fn issuer_codes_make_valid_doc_numbers() {
        for (i, issuer) in ISSUERS.iter().enumerate() {
            let number = format!("{}〔2022〕{}号", issuer.code, i + 1);
            assert!(
                gongkai_domain::doc_number::DocNumber::parse(&number).is_ok(),
                "{number}"
            );
            assert_eq!(index_prefix(i).len(), 18);
        }
    }
}
