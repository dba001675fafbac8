//! A column of 法定主动公开内容 and the rule that suggests a document for it.

/// The scope of a column: every organ (Art. 20) or a local addition (Art. 21).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// 条例第二十条: every administrative organ.
    Everyone,
    /// 条例第二十一条: 设区的市级、县级人民政府及其部门, per local conditions.
    County,
    /// 条例第二十一条: 乡（镇）人民政府, per local conditions.
    Township,
    /// 条例第二十一条: both of the above.
    CountyAndTownship,
}

/// One column of 法定主动公开内容.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatutoryColumn {
    /// Stable code, used in addresses and the database.
    pub code: &'static str,
    /// The provision, e.g. 条例第二十条第（七）项.
    pub basis: &'static str,
    /// The column's name as the provision words it.
    pub name: &'static str,
    /// The kind of unit whose information it usually is, for an empty column.
    pub provider: &'static str,
    pub scope: Scope,
    /// Words of a title that suggest the column.
    pub(super) title_words: &'static [&'static str],
    /// 主题分类 sub-topics (the part after `\`) that suggest the column.
    pub(super) topics: &'static [&'static str],
    /// Whether a 行政规范性文件 belongs here whatever its title.
    pub(super) normative: bool,
}

impl StatutoryColumn {
    /// Whether the rule suggests this column for a document.
    pub(super) fn suggests(&self, title: &str, topic: &str, normative: bool) -> bool {
        let sub_topic = topic.rsplit('\\').next().unwrap_or(topic);
        (self.normative && normative)
            || self.title_words.iter().any(|w| title.contains(w))
            || (!sub_topic.is_empty() && self.topics.contains(&sub_topic))
    }
}
