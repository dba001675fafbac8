//! The indicators of compliance, each with the rule it measures.

/// What is measured for every unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Indicator {
    /// Information published within 20 working days of its formation (条例 Art. 26):
    /// 成文日期 → 发布日期.
    ActiveDisclosure,
    /// A 规范性文件's interpretation published with it or within the allowed working
    /// days (seed 003: 3; configurable).
    Interpretation,
    /// Disclosure requests replied by their due date (条例 Art. 33), and open ones past it.
    Requests,
    /// Messages (留言) replied within their box's period.
    Messages,
    /// Policy questions (咨询) answered within 5 working days (seed 002).
    PolicyQuestions,
    /// Consultations that ran their usual period (or said why not) and published the
    /// 意见收集和采纳情况.
    Consultations,
    /// Ledger tasks done by their deadline, and open ones past it.
    LedgerTasks,
    /// The annual report published by 31 January (departments) or 31 March (the
    /// government's own) (条例 Art. 49).
    AnnualReport,
    /// 规范性文件 whose validity review is due on the cleanup list and not done.
    Cleanup,
}

impl Indicator {
    /// Every indicator, in the order of the monitor's columns.
    pub const ALL: [Indicator; 9] = [
        Indicator::ActiveDisclosure,
        Indicator::Interpretation,
        Indicator::Requests,
        Indicator::Messages,
        Indicator::PolicyQuestions,
        Indicator::Consultations,
        Indicator::LedgerTasks,
        Indicator::AnnualReport,
        Indicator::Cleanup,
    ];

    /// Stable code for the API, schemes and storage.
    pub fn code(self) -> &'static str {
        match self {
            Indicator::ActiveDisclosure => "active_disclosure",
            Indicator::Interpretation => "interpretation",
            Indicator::Requests => "requests",
            Indicator::Messages => "messages",
            Indicator::PolicyQuestions => "policy_questions",
            Indicator::Consultations => "consultations",
            Indicator::LedgerTasks => "ledger_tasks",
            Indicator::AnnualReport => "annual_report",
            Indicator::Cleanup => "cleanup",
        }
    }

    /// The indicator of a stable code.
    pub fn from_code(code: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.code() == code.trim())
    }

    /// Short Chinese name for a column head.
    pub fn label_zh(self) -> &'static str {
        match self {
            Indicator::ActiveDisclosure => "主动公开及时",
            Indicator::Interpretation => "政策解读同步",
            Indicator::Requests => "依申请公开按期答复",
            Indicator::Messages => "留言按期答复",
            Indicator::PolicyQuestions => "政策咨询5个工作日内答复",
            Indicator::Consultations => "征求意见规范",
            Indicator::LedgerTasks => "台账任务按期完成",
            Indicator::AnnualReport => "年度报告按期发布",
            Indicator::Cleanup => "规范性文件按期清理",
        }
    }

    /// The rule, as the monitor explains it.
    pub fn rule_zh(self) -> &'static str {
        match self {
            Indicator::ActiveDisclosure => {
                "自政府信息形成或者变更之日起20个工作日内公开（条例第二十六条），以成文日期至发布日期计"
            }
            Indicator::Interpretation => "规范性文件的解读与文件同步发布，最迟不超过规定的工作日数",
            Indicator::Requests => "在答复期限内答复（条例第三十三条），未答复且已过期限的计为逾期",
            Indicator::Messages => "在信箱规定的答复时限内答复，未答复且已过时限的计为逾期",
            Indicator::PolicyQuestions => "政策咨询自收到之日起5个工作日内答复",
            Indicator::Consultations => {
                "征求意见期限符合规定或说明理由，并在结束后20个工作日内公布意见收集和采纳情况"
            }
            Indicator::LedgerTasks => "台账任务在工作时限内完成并销号，未完成且已过时限的计为逾期",
            Indicator::AnnualReport => {
                "工作部门于1月31日前、本级政府于3月31日前公布上一年度报告（条例第四十九条）"
            }
            Indicator::Cleanup => "现行有效的规范性文件有效期届满前完成清理",
        }
    }
}

/// Working days from formation to publication (条例 Art. 26).
pub const ACTIVE_DISCLOSURE_WORKDAYS: u32 = 20;

/// Working days to answer a policy question (咨询) (seed 002).
pub const POLICY_QUESTION_WORKDAYS: u32 = 5;

/// Working days after a consultation ends to publish its 意见收集和采纳情况: the
/// platform's reading of Art. 26's 20 working days for information formed.
pub const ADOPTION_REPORT_WORKDAYS: u32 = 20;

/// The last day to publish the annual report of `year` (条例 Art. 49): 31 March of the
/// next year for a people's government, 31 January for its departments and other units.
pub fn annual_report_due(year: i32, government: bool) -> Option<chrono::NaiveDate> {
    let (month, day) = if government { (3, 31) } else { (1, 31) };
    chrono::NaiveDate::from_ymd_opt(year + 1, month, day)
}
