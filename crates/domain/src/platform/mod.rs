//! The columns of the government information disclosure platform (政府信息公开平台,
//! 条例 Art. 24; 国办公开办函〔2019〕61号 as restated by 广安市人民政府办公室, 2020-03-10,
//! metadata.md §4): 政府信息公开指南 · 政府信息公开制度 · 法定主动公开内容 ·
//! 政府信息公开年报, and which documents of the library belong to each.
//!
//! Whether the official name of the fourth column is "政府信息公开年报" or
//! "政府信息公开工作年度报告" is UNVERIFIED (real portals use both); the second-level
//! columns under 法定主动公开内容 are UNVERIFIED too, so that column is made of the
//! fifteen items of 条例 Art. 20, which are law, and the Art. 21 items an installation
//! enables ([`statutory`]).

pub mod statutory;

/// A first-level column of the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlatformColumn {
    /// 政府信息公开指南 (条例 Art. 12).
    Guide,
    /// 政府信息公开制度: the agency's own rules on disclosure work.
    Rules,
    /// 法定主动公开内容 (条例 Art. 20–21).
    Statutory,
    /// 政府信息公开年报 (条例 Art. 49–50).
    AnnualReports,
}

impl PlatformColumn {
    /// The four columns in the order the platform shows them.
    pub const ALL: [PlatformColumn; 4] = [
        PlatformColumn::Guide,
        PlatformColumn::Rules,
        PlatformColumn::Statutory,
        PlatformColumn::AnnualReports,
    ];

    /// Stable code, used in addresses.
    pub fn code(self) -> &'static str {
        match self {
            PlatformColumn::Guide => "guide",
            PlatformColumn::Rules => "rules",
            PlatformColumn::Statutory => "statutory",
            PlatformColumn::AnnualReports => "annual-reports",
        }
    }

    /// The unified column name.
    pub fn label_zh(self) -> &'static str {
        match self {
            PlatformColumn::Guide => "政府信息公开指南",
            PlatformColumn::Rules => "政府信息公开制度",
            PlatformColumn::Statutory => "法定主动公开内容",
            PlatformColumn::AnnualReports => "政府信息公开年报",
        }
    }

    pub fn from_code(code: &str) -> Option<PlatformColumn> {
        PlatformColumn::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The topic under which disclosure work itself is catalogued.
pub const DISCLOSURE_TOPIC: &str = "综合政务\\政务公开";

/// Words in the titles of documents on disclosure work.
pub const DISCLOSURE_TITLE_WORDS: [&str; 2] = ["政府信息公开", "政务公开"];

/// Whether a title names an annual report on government information disclosure
/// (政府信息公开工作年度报告, 政府信息公开年报, 政务公开工作年度报告…).
pub fn is_annual_report(title: &str) -> bool {
    let on_disclosure = DISCLOSURE_TITLE_WORDS.iter().any(|w| title.contains(w));
    let report = title.contains("年度报告") || title.contains("年报");
    on_disclosure && report
}

/// Genres in which an agency lays down its rules (制度).
const RULE_GENRES: [&str; 6] = ["规定", "办法", "细则", "决定", "意见", "通知"];

/// Whether a document belongs in the 政府信息公开制度 column: catalogued under
/// [`DISCLOSURE_TOPIC`] in a rule-making genre, or titled as a 制度 on disclosure, and
/// no annual report.
pub fn is_disclosure_rule(topic: &str, genre: &str, title: &str) -> bool {
    if is_annual_report(title) {
        return false;
    }
    let by_catalogue = topic == DISCLOSURE_TOPIC && RULE_GENRES.contains(&genre);
    let by_title = DISCLOSURE_TITLE_WORDS.iter().any(|w| title.contains(w))
        && (title.contains("制度") || title.contains("办法") || title.contains("规定"));
    by_catalogue || by_title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_round_trips_through_its_code() {
        for column in PlatformColumn::ALL {
            assert_eq!(PlatformColumn::from_code(column.code()), Some(column));
        }
        assert_eq!(PlatformColumn::from_code("news"), None);
    }

    #[test]
    fn annual_reports_are_told_by_their_titles() {
        for title in [
            "示例区人民政府2025年政府信息公开工作年度报告",
            "2024年政府信息公开年报",
            "区司法局2023年政务公开工作年度报告",
        ] {
            assert!(is_annual_report(title), "{title}");
        }
        for title in ["2024年统计年度报告", "关于做好政府信息公开工作的通知"]
        {
            assert!(!is_annual_report(title), "{title}");
        }
    }

    #[test]
    fn disclosure_rules_are_told_by_catalogue_or_title() {
        assert!(is_disclosure_rule(
            DISCLOSURE_TOPIC,
            "办法",
            "依申请公开办理规程"
        ));
        assert!(is_disclosure_rule("", "", "示例区政府信息公开保密审查制度"));
        assert!(!is_disclosure_rule(
            DISCLOSURE_TOPIC,
            "报告",
            "2025年政务公开工作总结"
        ));
        assert!(!is_disclosure_rule(
            DISCLOSURE_TOPIC,
            "通知",
            "2025年政府信息公开工作年度报告"
        ));
        assert!(!is_disclosure_rule("城乡建设", "办法", "住房补贴办法"));
    }
}
