//! The annual report (政府信息公开工作年度报告, 条例第四十九条、第五十条) in the current
//! format (国办公开办函〔2021〕30号; annual-report.md §2): the outcomes a reply records
//! (the rows of section 三), the applicant columns, the request table computed from
//! request records, the reconsideration and litigation table of section 四, and the
//! identities every table must satisfy.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub mod proactive;

/// The applicant columns of section 三 (the 总计 column is their sum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantType {
    /// 自然人.
    NaturalPerson,
    /// 法人或其他组织：商业企业.
    Commercial,
    /// 科研机构.
    Research,
    /// 社会公益组织.
    PublicInterest,
    /// 法律服务机构.
    LegalService,
    /// 其他.
    OtherOrganisation,
}

impl ApplicantType {
    pub const ALL: [ApplicantType; 6] = [
        ApplicantType::NaturalPerson,
        ApplicantType::Commercial,
        ApplicantType::Research,
        ApplicantType::PublicInterest,
        ApplicantType::LegalService,
        ApplicantType::OtherOrganisation,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            ApplicantType::NaturalPerson => "自然人",
            ApplicantType::Commercial => "商业企业",
            ApplicantType::Research => "科研机构",
            ApplicantType::PublicInterest => "社会公益组织",
            ApplicantType::LegalService => "法律服务机构",
            ApplicantType::OtherOrganisation => "其他",
        }
    }
}

/// Every outcome a reply records: one leaf row of section 三's 本年度办理结果, with its
/// legal basis (rules.md §1.6; the mapping is an inference, marked where unverified).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Disclosed,
    PartlyDisclosed,
    WithheldStateSecret,
    WithheldByLaw,
    WithheldSafety,
    WithheldThirdParty,
    WithheldInternalAffairs,
    WithheldProcess,
    WithheldEnforcementFile,
    WithheldQuery,
    UnavailableNotHeld,
    UnavailableNeedsMaking,
    UnavailableStillUnclear,
    NotProcessedPetition,
    NotProcessedRepeated,
    NotProcessedPublication,
    NotProcessedExcessive,
    NotProcessedConfirmation,
    OtherNoCorrection,
    OtherUnpaidFee,
    OtherElse,
}

/// The blocks of 本年度办理结果, (一) to (六).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeBlock {
    Disclosed,
    PartlyDisclosed,
    Withheld,
    Unavailable,
    NotProcessed,
    Other,
}

impl OutcomeBlock {
    pub fn label_zh(self) -> &'static str {
        match self {
            OutcomeBlock::Disclosed => "（一）予以公开",
            OutcomeBlock::PartlyDisclosed => "（二）部分公开",
            OutcomeBlock::Withheld => "（三）不予公开",
            OutcomeBlock::Unavailable => "（四）无法提供",
            OutcomeBlock::NotProcessed => "（五）不予处理",
            OutcomeBlock::Other => "（六）其他处理",
        }
    }
}

impl Outcome {
    pub const ALL: [Outcome; 21] = [
        Outcome::Disclosed,
        Outcome::PartlyDisclosed,
        Outcome::WithheldStateSecret,
        Outcome::WithheldByLaw,
        Outcome::WithheldSafety,
        Outcome::WithheldThirdParty,
        Outcome::WithheldInternalAffairs,
        Outcome::WithheldProcess,
        Outcome::WithheldEnforcementFile,
        Outcome::WithheldQuery,
        Outcome::UnavailableNotHeld,
        Outcome::UnavailableNeedsMaking,
        Outcome::UnavailableStillUnclear,
        Outcome::NotProcessedPetition,
        Outcome::NotProcessedRepeated,
        Outcome::NotProcessedPublication,
        Outcome::NotProcessedExcessive,
        Outcome::NotProcessedConfirmation,
        Outcome::OtherNoCorrection,
        Outcome::OtherUnpaidFee,
        Outcome::OtherElse,
    ];

    /// Stable codes, in [`Outcome::ALL`] order (the serde names).
    const CODES: [&'static str; 21] = [
        "disclosed",
        "partly_disclosed",
        "withheld_state_secret",
        "withheld_by_law",
        "withheld_safety",
        "withheld_third_party",
        "withheld_internal_affairs",
        "withheld_process",
        "withheld_enforcement_file",
        "withheld_query",
        "unavailable_not_held",
        "unavailable_needs_making",
        "unavailable_still_unclear",
        "not_processed_petition",
        "not_processed_repeated",
        "not_processed_publication",
        "not_processed_excessive",
        "not_processed_confirmation",
        "other_no_correction",
        "other_unpaid_fee",
        "other_else",
    ];

    /// The stable code stored and used by the API.
    pub fn code(self) -> &'static str {
        Outcome::CODES[self.index()]
    }

    /// The outcome with this code.
    pub fn parse(code: &str) -> Option<Outcome> {
        let code = code.trim();
        Outcome::ALL.into_iter().find(|o| o.code() == code)
    }

    /// The block the outcome belongs to.
    pub fn block(self) -> OutcomeBlock {
        use Outcome::*;
        match self {
            Disclosed => OutcomeBlock::Disclosed,
            PartlyDisclosed => OutcomeBlock::PartlyDisclosed,
            WithheldStateSecret
            | WithheldByLaw
            | WithheldSafety
            | WithheldThirdParty
            | WithheldInternalAffairs
            | WithheldProcess
            | WithheldEnforcementFile
            | WithheldQuery => OutcomeBlock::Withheld,
            UnavailableNotHeld | UnavailableNeedsMaking | UnavailableStillUnclear => {
                OutcomeBlock::Unavailable
            }
            NotProcessedPetition
            | NotProcessedRepeated
            | NotProcessedPublication
            | NotProcessedExcessive
            | NotProcessedConfirmation => OutcomeBlock::NotProcessed,
            OtherNoCorrection | OtherUnpaidFee | OtherElse => OutcomeBlock::Other,
        }
    }

    /// The row's wording in the report.
    pub fn label_zh(self) -> &'static str {
        use Outcome::*;
        match self {
            Disclosed => "（一）予以公开",
            PartlyDisclosed => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            WithheldStateSecret => "1.属于国家秘密",
            WithheldByLaw => "2.其他法律行政法规禁止公开",
            WithheldSafety => "3.危及“三安全一稳定”",
            WithheldThirdParty => "4.保护第三方合法权益",
            WithheldInternalAffairs => "5.属于三类内部事务信息",
            WithheldProcess => "6.属于四类过程性信息",
            WithheldEnforcementFile => "7.属于行政执法案卷",
            WithheldQuery => "8.属于行政查询事项",
            UnavailableNotHeld => "1.本机关不掌握相关政府信息",
            UnavailableNeedsMaking => "2.没有现成信息需要另行制作",
            UnavailableStillUnclear => "3.补正后申请内容仍不明确",
            NotProcessedPetition => "1.信访举报投诉类申请",
            NotProcessedRepeated => "2.重复申请",
            NotProcessedPublication => "3.要求提供公开出版物",
            NotProcessedExcessive => "4.无正当理由大量反复申请",
            NotProcessedConfirmation => "5.要求行政机关确认或重新出具已获取信息",
            OtherNoCorrection => "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            OtherUnpaidFee => {
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
            }
            OtherElse => "3.其他",
        }
    }

    /// The article a reply with this outcome cites by default (rules.md §1.6; an
    /// inference where the national text names none).
    pub fn legal_basis_zh(self) -> &'static str {
        use Outcome::*;
        match self {
            Disclosed => "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
            PartlyDisclosed => "《中华人民共和国政府信息公开条例》第三十七条",
            WithheldStateSecret | WithheldByLaw | WithheldSafety => {
                "《中华人民共和国政府信息公开条例》第十四条"
            }
            WithheldThirdParty => "《中华人民共和国政府信息公开条例》第十五条、第三十二条",
            WithheldInternalAffairs => "《中华人民共和国政府信息公开条例》第十六条第一款",
            WithheldProcess | WithheldEnforcementFile => {
                "《中华人民共和国政府信息公开条例》第十六条第二款"
            }
            // UNVERIFIED: the national text names no article for 行政查询事项.
            WithheldQuery => "《中华人民共和国政府信息公开条例》第三十六条第（七）项",
            UnavailableNotHeld => {
                "《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项"
            }
            UnavailableNeedsMaking => "《中华人民共和国政府信息公开条例》第三十八条",
            UnavailableStillUnclear | OtherNoCorrection => {
                "《中华人民共和国政府信息公开条例》第三十条"
            }
            NotProcessedPetition | NotProcessedPublication => {
                "《中华人民共和国政府信息公开条例》第三十九条"
            }
            NotProcessedRepeated => "《中华人民共和国政府信息公开条例》第三十六条第（六）项",
            NotProcessedExcessive => "《中华人民共和国政府信息公开条例》第三十五条",
            // UNVERIFIED: no explicit article found for this row.
            NotProcessedConfirmation => "《中华人民共和国政府信息公开条例》第三十六条",
            OtherUnpaidFee => "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
            OtherElse => "《中华人民共和国政府信息公开条例》",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// What section 三 needs to know of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestFacts {
    pub applicant: ApplicantType,
    pub received: NaiveDate,
    /// The reply's date and outcome, once replied.
    pub reply: Option<(NaiveDate, Outcome)>,
}

/// One row of section 三: the six applicant columns and their total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Row {
    pub natural_person: u64,
    pub commercial: u64,
    pub research: u64,
    pub public_interest: u64,
    pub legal_service: u64,
    pub other_organisation: u64,
    pub total: u64,
}

impl Row {
    fn add(&mut self, applicant: ApplicantType) {
        let cell = match applicant {
            ApplicantType::NaturalPerson => &mut self.natural_person,
            ApplicantType::Commercial => &mut self.commercial,
            ApplicantType::Research => &mut self.research,
            ApplicantType::PublicInterest => &mut self.public_interest,
            ApplicantType::LegalService => &mut self.legal_service,
            ApplicantType::OtherOrganisation => &mut self.other_organisation,
        };
        *cell += 1;
        self.total += 1;
    }

    /// The cell of column `column`: the six applicant columns in order, then 总计.
    fn cell(&self, column: usize) -> u64 {
        self.cells().get(column).copied().unwrap_or(self.total)
    }

    /// The six applicant cells, in column order.
    pub fn cells(&self) -> [u64; 6] {
        [
            self.natural_person,
            self.commercial,
            self.research,
            self.public_interest,
            self.legal_service,
            self.other_organisation,
        ]
    }
}

/// Section 三 (收到和处理政府信息公开申请情况) of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestTable {
    pub year: i32,
    /// 一、本年新收政府信息公开申请数量.
    pub received: Row,
    /// 二、上年结转政府信息公开申请数量.
    pub carried_over: Row,
    /// 三、本年度办理结果, one row per outcome in [`Outcome::ALL`] order.
    pub outcomes: Vec<(Outcome, Row)>,
    /// （七）总计.
    pub handled: Row,
    /// 四、结转下年度继续办理.
    pub carried_forward: Row,
}

impl RequestTable {
    /// The table of `year` from the records: a request counts as received in the year
    /// of its receipt, as handled in the year of its reply, and as carried over into a
    /// year it entered unreplied. 二 is therefore always last year's 四.
    pub fn compute(year: i32, requests: &[RequestFacts]) -> RequestTable {
        let mut table = RequestTable {
            year,
            received: Row::default(),
            carried_over: Row::default(),
            outcomes: Outcome::ALL.iter().map(|o| (*o, Row::default())).collect(),
            handled: Row::default(),
            carried_forward: Row::default(),
        };
        for request in requests {
            let received_year = request.received.year();
            let replied_year = request.reply.map(|(date, _)| date.year());
            if received_year > year {
                continue;
            }
            if received_year == year {
                table.received.add(request.applicant);
            }
            let open_at_start = received_year < year && replied_year.is_none_or(|y| y >= year);
            if open_at_start {
                table.carried_over.add(request.applicant);
            }
            match request.reply {
                Some((date, outcome)) if date.year() == year => {
                    table.outcomes[outcome.index()].1.add(request.applicant);
                    table.handled.add(request.applicant);
                }
                Some((date, _)) if date.year() < year => {}
                _ => table.carried_forward.add(request.applicant),
            }
        }
        table
    }

    /// The table's rows in the order and wording of the 2021 format: 25 rows with
    /// cells, and the headings of 三 and of the blocks (三) to (六) without.
    pub fn display_rows(&self) -> Vec<DisplayRow> {
        let row = |label: &str, depth, cells| DisplayRow {
            label: label.to_string(),
            depth,
            cells,
        };
        let mut rows = vec![
            row("一、本年新收政府信息公开申请数量", 0, Some(self.received)),
            row(
                "二、上年结转政府信息公开申请数量",
                0,
                Some(self.carried_over),
            ),
            row("三、本年度办理结果", 0, None),
        ];
        let mut block = None;
        for (outcome, cells) in &self.outcomes {
            let has_rows = !matches!(
                outcome.block(),
                OutcomeBlock::Disclosed | OutcomeBlock::PartlyDisclosed
            );
            if has_rows && block != Some(outcome.block()) {
                rows.push(row(outcome.block().label_zh(), 1, None));
            }
            block = Some(outcome.block());
            rows.push(row(
                outcome.label_zh(),
                if has_rows { 2 } else { 1 },
                Some(*cells),
            ));
        }
        rows.push(row("（七）总计", 1, Some(self.handled)));
        rows.push(row("四、结转下年度继续办理", 0, Some(self.carried_forward)));
        rows
    }

    /// Every identity of the table (annual-report.md §2.4–2.5), each with its two sides.
    pub fn identities(&self) -> Vec<Identity> {
        let mut checks = Vec::new();
        let names = ApplicantType::ALL.map(ApplicantType::label_zh);
        for (column, name) in names.iter().chain(&["总计"]).enumerate() {
            let cell = |row: &Row| row.cell(column);
            checks.push(Identity {
                rule: format!("{name}：一 + 二 = 三（七）总计 + 四"),
                left: cell(&self.received) + cell(&self.carried_over),
                right: cell(&self.handled) + cell(&self.carried_forward),
            });
            let summed: u64 = self.outcomes.iter().map(|(_, row)| cell(row)).sum();
            checks.push(Identity {
                rule: format!("{name}：（七）总计 = （一）至（六）之和"),
                left: cell(&self.handled),
                right: summed,
            });
        }
        let rows = [
            ("一", &self.received),
            ("二", &self.carried_over),
            ("（七）", &self.handled),
            ("四", &self.carried_forward),
        ];
        for (name, row) in rows.into_iter().chain(
            self.outcomes
                .iter()
                .map(|(outcome, row)| (outcome.label_zh(), row)),
        ) {
            checks.push(Identity {
                rule: format!("{name}：总计 = 各类申请人之和"),
                left: row.total,
                right: row.cells().iter().sum(),
            });
        }
        checks
    }
}

/// One line of section 三 as the format shows it: a heading (no cells) or a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisplayRow {
    pub label: String,
    /// 0 for 一 to 四, 1 for (一) to (七), 2 for the numbered sub-rows.
    pub depth: u8,
    pub cells: Option<Row>,
}

/// One identity of a table: its rule and both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub rule: String,
    pub left: u64,
    pub right: u64,
}

impl Identity {
    pub fn holds(&self) -> bool {
        self.left == self.right
    }
}

/// The result of a reconsideration or a suit (section 四's columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseResult {
    /// 结果维持.
    Upheld,
    /// 结果纠正.
    Corrected,
    /// 其他结果.
    Other,
    /// 尚未审结.
    Pending,
}

impl CaseResult {
    pub const ALL: [CaseResult; 4] = [
        CaseResult::Upheld,
        CaseResult::Corrected,
        CaseResult::Other,
        CaseResult::Pending,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseResult::Upheld => "upheld",
            CaseResult::Corrected => "corrected",
            CaseResult::Other => "other",
            CaseResult::Pending => "pending",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CaseResult::Upheld => "结果维持",
            CaseResult::Corrected => "结果纠正",
            CaseResult::Other => "其他结果",
            CaseResult::Pending => "尚未审结",
        }
    }

    pub fn parse(code: &str) -> Option<CaseResult> {
        CaseResult::ALL
            .into_iter()
            .find(|r| r.code() == code.trim())
    }
}

/// A case of section 四.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// 行政复议.
    Reconsideration,
    /// 行政诉讼，未经复议直接起诉.
    DirectSuit,
    /// 行政诉讼，复议后起诉.
    SuitAfterReconsideration,
}

impl CaseKind {
    pub const ALL: [CaseKind; 3] = [
        CaseKind::Reconsideration,
        CaseKind::DirectSuit,
        CaseKind::SuitAfterReconsideration,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseKind::Reconsideration => "reconsideration",
            CaseKind::DirectSuit => "direct_suit",
            CaseKind::SuitAfterReconsideration => "suit_after_reconsideration",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CaseKind::Reconsideration => "行政复议",
            CaseKind::DirectSuit => "行政诉讼（未经复议直接起诉）",
            CaseKind::SuitAfterReconsideration => "行政诉讼（复议后起诉）",
        }
    }

    pub fn parse(code: &str) -> Option<CaseKind> {
        CaseKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// One group of section 四: the four results and their total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CaseCounts {
    pub upheld: u64,
    pub corrected: u64,
    pub other: u64,
    pub pending: u64,
    pub total: u64,
}

impl CaseCounts {
    fn add(&mut self, result: CaseResult) {
        match result {
            CaseResult::Upheld => self.upheld += 1,
            CaseResult::Corrected => self.corrected += 1,
            CaseResult::Other => self.other += 1,
            CaseResult::Pending => self.pending += 1,
        }
        self.total += 1;
    }
}

/// Section 四 (行政复议、行政诉讼情况).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CaseTable {
    pub reconsideration: CaseCounts,
    pub direct_suit: CaseCounts,
    pub suit_after_reconsideration: CaseCounts,
}

impl CaseTable {
    /// The table from the year's cases (kind and result as at the end of the year).
    pub fn compute(cases: &[(CaseKind, CaseResult)]) -> CaseTable {
        let mut table = CaseTable::default();
        for (kind, result) in cases {
            match kind {
                CaseKind::Reconsideration => table.reconsideration.add(*result),
                CaseKind::DirectSuit => table.direct_suit.add(*result),
                CaseKind::SuitAfterReconsideration => {
                    table.suit_after_reconsideration.add(*result);
                }
            }
        }
        table
    }

    /// 总计 = the four results, for each group.
    pub fn identities(&self) -> Vec<Identity> {
        [
            ("行政复议", &self.reconsideration),
            ("行政诉讼（未经复议直接起诉）", &self.direct_suit),
            ("行政诉讼（复议后起诉）", &self.suit_after_reconsideration),
        ]
        .into_iter()
        .map(|(name, c)| Identity {
            rule: format!("{name}：总计 = 维持 + 纠正 + 其他 + 尚未审结"),
            left: c.total,
            right: c.upheld + c.corrected + c.other + c.pending,
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::calendar::parse_date;

    fn day(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    /// A small pseudo-random sequence (xorshift), so the test needs no dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self, below: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % below
        }
    }

    #[test]
    fn the_display_has_the_25_rows_of_the_2021_format() {
        let table = RequestTable::compute(2025, &random_requests(50, 7));
        let rows = table.display_rows();
        assert_eq!(rows.iter().filter(|r| r.cells.is_some()).count(), 25);
        let headings: Vec<&str> = rows
            .iter()
            .filter(|r| r.cells.is_none())
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(
            headings,
            [
                "三、本年度办理结果",
                "（三）不予公开",
                "（四）无法提供",
                "（五）不予处理",
                "（六）其他处理"
            ]
        );
        assert_eq!(rows[0].cells, Some(table.received));
        assert_eq!(
            rows.last().and_then(|r| r.cells),
            Some(table.carried_forward)
        );
    }

    fn random_requests(n: usize, seed: u64) -> Vec<RequestFacts> {
        let mut rng = Rng(seed);
        let start = day("2024-01-01");
        (0..n)
            .map(|_| {
                let received = start + chrono::Days::new(rng.next(731));
                let applicant = ApplicantType::ALL[rng.next(6) as usize];
                let reply = (rng.next(10) < 8).then(|| {
                    let date = received + chrono::Days::new(rng.next(60));
                    (date, Outcome::ALL[rng.next(21) as usize])
                });
                RequestFacts {
                    applicant,
                    received,
                    reply,
                }
            })
            .collect()
    }

    #[test]
    fn a_thousand_random_requests_over_two_years_satisfy_every_identity_and_count() {
        let requests = random_requests(1_000, 0x9e37_79b9_7f4a_7c15);
        let first = RequestTable::compute(2024, &requests);
        let second = RequestTable::compute(2025, &requests);
        for table in [&first, &second] {
            for identity in table.identities() {
                assert!(identity.holds(), "{} {identity:?}", table.year);
            }
            // Counted independently, cell by cell.
            for applicant in ApplicantType::ALL {
                let of = |r: &&RequestFacts| r.applicant == applicant;
                let year = table.year;
                let received = requests
                    .iter()
                    .filter(of)
                    .filter(|r| r.received.year() == year)
                    .count() as u64;
                assert_eq!(table.received.cells()[applicant as usize], received);
                for (outcome, row) in &table.outcomes {
                    let counted = requests
                        .iter()
                        .filter(of)
                        .filter(|r| matches!(r.reply, Some((d, o)) if d.year() == year && o == *outcome))
                        .count() as u64;
                    assert_eq!(row.cells()[applicant as usize], counted, "{outcome:?}");
                }
                let open_at_end = requests
                    .iter()
                    .filter(of)
                    .filter(|r| r.received.year() <= year)
                    .filter(|r| r.reply.is_none_or(|(d, _)| d.year() > year))
                    .count() as u64;
                assert_eq!(
                    table.carried_forward.cells()[applicant as usize],
                    open_at_end
                );
            }
        }
        assert_eq!(
            second.carried_over, first.carried_forward,
            "二 is last year's 四"
        );
        assert!(first.received.total > 400 && second.handled.total > 300);
    }

    #[test]
    fn a_broken_table_names_the_identity_that_fails() {
        let mut table = RequestTable::compute(2025, &random_requests(50, 7));
        table.received.natural_person += 1;
        table.received.total += 1;
        let failing: Vec<String> = table
            .identities()
            .into_iter()
            .filter(|i| !i.holds())
            .map(|i| i.rule)
            .collect();
        assert!(
            failing.contains(&"自然人：一 + 二 = 三（七）总计 + 四".to_string()),
            "{failing:?}"
        );
        assert!(failing.contains(&"总计：一 + 二 = 三（七）总计 + 四".to_string()));
    }

    #[test]
    fn twenty_one_outcomes_make_the_twenty_five_rows_with_their_blocks() {
        // 一, 二, 21 outcome rows, （七）, 四.
        assert_eq!(2 + Outcome::ALL.len() + 2, 25);
        let count = |block| Outcome::ALL.iter().filter(|o| o.block() == block).count();
        assert_eq!(count(OutcomeBlock::Withheld), 8);
        assert_eq!(count(OutcomeBlock::Unavailable), 3);
        assert_eq!(count(OutcomeBlock::NotProcessed), 5);
        assert_eq!(count(OutcomeBlock::Other), 3);
        for (i, outcome) in Outcome::ALL.iter().enumerate() {
            assert_eq!(outcome.index(), i);
            assert_eq!(Outcome::parse(outcome.code()), Some(*outcome));
            let serde_name = serde_json::to_value(outcome).unwrap();
            assert_eq!(serde_name, outcome.code(), "the code is the serde name");
            assert!(outcome.legal_basis_zh().contains('《'));
        }
    }

    #[test]
    fn case_kinds_and_results_round_trip_through_their_codes() {
        for kind in CaseKind::ALL {
            assert_eq!(CaseKind::parse(kind.code()), Some(kind));
        }
        for result in CaseResult::ALL {
            assert_eq!(CaseResult::parse(result.code()), Some(result));
        }
        assert_eq!(CaseResult::parse("维持"), None);
    }

    #[test]
    fn cases_count_by_kind_and_result() {
        let table = CaseTable::compute(&[
            (CaseKind::Reconsideration, CaseResult::Upheld),
            (CaseKind::Reconsideration, CaseResult::Corrected),
            (CaseKind::DirectSuit, CaseResult::Pending),
            (CaseKind::SuitAfterReconsideration, CaseResult::Other),
        ]);
        assert_eq!(table.reconsideration.total, 2);
        assert_eq!(table.direct_suit.pending, 1);
        assert_eq!(table.suit_after_reconsideration.other, 1);
        assert!(table.identities().iter().all(Identity::holds));
    }
}
