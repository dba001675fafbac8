//! 主题分类 (topic) and 体裁分类 (genre) of policy documents.
//!
//! This module owns the standard lists a document is classified by: the 22 topic categories
//! of 国务院公文主题分类 as used by the 中国政府网 政策文件库 (metadata.md §5.4), and the
//! genres: the 15 公文种类 of 中办发〔2012〕14号 Art. 8 followed by the non-公文 genres portals
//! add (metadata.md §5.5). Neither list is enforced nationally, so callers may also store
//! local values; these functions say whether a value is the standard one.

/// The 22 top-level topics with their sub-topics, in the order of metadata.md §5.4
/// (captured gov.cn "zhutitag" response, ~2022).
pub const STANDARD_TOPICS: [(&str, &[&str]); 22] = [
    (
        "国务院组织机构",
        &[
            "国务院",
            "国务院办公厅",
            "国务院组成部门",
            "国务院直属特设机构",
            "国务院直属机构",
            "国务院办事机构",
            "国务院直属事业单位",
            "国务院部委管理的国家局",
            "国务院议事协调机构",
            "其他",
        ],
    ),
    (
        "综合政务",
        &[
            "政务公开",
            "政务督查",
            "应急管理",
            "电子政务",
            "文秘工作",
            "保密工作",
            "信访",
            "参事、文史",
            "其他",
        ],
    ),
    (
        "国民经济管理、国有资产监管",
        &[
            "宏观经济",
            "经济体制改革",
            "统计",
            "物价",
            "国有资产监管",
            "重大建设项目",
            "其他",
        ],
    ),
    (
        "财政、金融、审计",
        &[
            "财政",
            "税务",
            "银行",
            "货币（含外汇）",
            "证券",
            "保险",
            "社会信用体系建设",
            "审计",
            "其他",
        ],
    ),
    (
        "国土资源、能源",
        &[
            "土地",
            "矿产",
            "水资源",
            "海洋",
            "煤炭",
            "石油与天然气",
            "电力",
            "其他",
        ],
    ),
    (
        "农业、林业、水利",
        &["农业、畜牧业、渔业", "林业", "水利", "其他"],
    ),
    (
        "工业、交通",
        &[
            "机械制造与重工业",
            "轻工纺织",
            "化工",
            "国防工业",
            "航天、航空",
            "信息产业（含电信）",
            "公路",
            "水运",
            "铁路",
            "民航",
            "邮政",
            "其他",
        ],
    ),
    (
        "商贸、海关、旅游",
        &[
            "对外经贸合作",
            "国内贸易（含供销）",
            "海关",
            "检验、检疫",
            "旅游",
            "其他",
        ],
    ),
    (
        "市场监管、安全生产监管",
        &[
            "工商",
            "质量监督",
            "标准",
            "食品药品监管",
            "安全生产监管",
            "其他",
        ],
    ),
    (
        "城乡建设、环境保护",
        &[
            "城市规划",
            "城乡建设（含住房）",
            "环境监测、保护与治理",
            "节能与资源综合利用",
            "气象、水文、测绘、地震",
            "其他",
        ],
    ),
    ("科技、教育", &["科技", "教育", "知识产权", "其他"]),
    (
        "文化、广电、新闻出版",
        &["文化", "文物", "新闻出版", "广播、电影、电视", "其他"],
    ),
    ("卫生、体育", &["卫生", "医药管理", "体育", "其他"]),
    (
        "人口与计划生育、妇女儿童工作",
        &["人口与计划生育", "妇女儿童", "其他"],
    ),
    (
        "劳动、人事、监察",
        &[
            "劳动就业",
            "社会保障",
            "人事工作",
            "军转安置",
            "监察",
            "纠正行业不正之风",
            "其他",
        ],
    ),
    ("公安、安全、司法", &["公安", "国家安全", "司法", "其他"]),
    (
        "民政、扶贫、救灾",
        &[
            "减灾救灾",
            "优抚安置",
            "社会福利",
            "行政区划与地名",
            "社团管理",
            "扶贫",
            "其他",
        ],
    ),
    ("民族、宗教", &["民族事务", "宗教事务"]),
    ("对外事务", &["外交、外事", "国际条约、国际组织", "其他"]),
    ("港澳台侨工作", &["港澳工作", "对台工作", "侨务工作"]),
    ("国防", &["国防建设", "国防动员"]),
    ("其他", &[]),
];

/// Separators accepted between the two levels: `\` as displayed on gov.cn (卫生、体育\医药管理),
/// `/` as displayed on 首都之窗 (综合政务/其他), and their full-width forms ＼ and ／.
/// 、 is not one: it occurs inside names (卫生、体育).
const LEVEL_SEPARATORS: [char; 4] = ['\\', '/', '＼', '／'];

/// Whether `s` is a standard topic: a top-level category alone (综合政务) or a category and
/// one of its own sub-categories joined by one separator: `\` (gov.cn display), `/`
/// (首都之窗 display) or their full-width forms `＼` `／` (卫生、体育\医药管理, 综合政务/其他).
/// Whitespace around the whole and around each level is ignored; names must otherwise match
/// exactly (full-width brackets as in 货币（含外汇）).
pub fn is_standard_topic(s: &str) -> bool {
    normalize_topic(s).is_some()
}

/// The gov.cn display form `一级\二级` (or `一级` alone) of a standard topic, `None` for any
/// other value. Accepts the same forms as [`is_standard_topic`].
pub fn normalize_topic(s: &str) -> Option<String> {
    let mut levels = s.split(LEVEL_SEPARATORS).map(str::trim);
    let top = levels.next()?;
    let sub = levels.next();
    if levels.next().is_some() {
        return None;
    }
    let (name, subs) = STANDARD_TOPICS.iter().find(|(name, _)| *name == top)?;
    match sub {
        None => Some((*name).to_string()),
        Some(sub) if subs.contains(&sub) => Some(format!("{name}\\{sub}")),
        Some(_) => None,
    }
}

/// The genres (体裁分类): first the 15 公文种类 of 中办发〔2012〕14号 Art. 8 in the order of the
/// article, then the non-公文 genres portals add (metadata.md §5.5; local practice).
pub const STANDARD_GENRES: [&str; 22] = [
    "决议",
    "决定",
    "命令（令）",
    "公报",
    "公告",
    "通告",
    "意见",
    "通知",
    "通报",
    "报告",
    "请示",
    "批复",
    "议案",
    "函",
    "纪要",
    "规定",
    "办法",
    "细则",
    "方案",
    "规划",
    "解读",
    "其他公文",
];

/// Whether a genre marks an interpretation (政策解读): 解读 itself or any genre ending in
/// 解读 (政策解读, 图文解读, 视频解读 …). Surrounding whitespace is ignored.
pub fn is_interpretation_genre(s: &str) -> bool {
    s.trim().ends_with("解读")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_the_categories_of_metadata_in_order() {
        let names: Vec<&str> = STANDARD_TOPICS.iter().map(|(name, _)| *name).collect();
        assert_eq!(names.first(), Some(&"国务院组织机构"));
        assert_eq!(names[12], "卫生、体育");
        assert_eq!(names.last(), Some(&"其他"));
        let sub_counts: Vec<usize> = STANDARD_TOPICS.iter().map(|(_, subs)| subs.len()).collect();
        assert_eq!(
            sub_counts,
            [
                10, 9, 7, 9, 8, 4, 12, 6, 6, 6, 4, 5, 4, 3, 7, 4, 7, 2, 3, 3, 2, 0
            ]
        );
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "top-level names are unique");
    }

    #[test]
    fn standard_topics_in_every_accepted_form() {
        let cases = [
            ("卫生、体育\\医药管理", "卫生、体育\\医药管理"),
            ("卫生、体育/医药管理", "卫生、体育\\医药管理"),
            ("卫生、体育＼医药管理", "卫生、体育\\医药管理"),
            ("卫生、体育／医药管理", "卫生、体育\\医药管理"),
            (" 综合政务 / 其他 ", "综合政务\\其他"),
            ("综合政务", "综合政务"),
            ("其他", "其他"),
            (
                "财政、金融、审计\\货币（含外汇）",
                "财政、金融、审计\\货币（含外汇）",
            ),
            ("国防\\国防动员", "国防\\国防动员"),
        ];
        for (input, expected) in cases {
            assert!(is_standard_topic(input), "input {input:?}");
            assert_eq!(
                normalize_topic(input).as_deref(),
                Some(expected),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn every_listed_pair_is_standard() {
        for (name, subs) in STANDARD_TOPICS {
            assert!(is_standard_topic(name), "{name}");
            for sub in subs {
                assert!(
                    is_standard_topic(&format!("{name}\\{sub}")),
                    "{name}\\{sub}"
                );
            }
        }
    }

    #[test]
    fn other_values_are_not_standard() {
        let cases = [
            "",
            "医药管理",
            "卫生、体育\\教育",
            "卫生、体育\\",
            "卫生、体育\\医药管理\\其他",
            "卫生、体育、医药管理",
            "卫生,体育\\医药管理",
            "财政、金融、审计\\货币(含外汇)",
            "民族、宗教\\其他",
            "其他\\其他",
            "农业、畜牧业、渔业、林业、水利、粮食",
        ];
        for input in cases {
            assert!(!is_standard_topic(input), "input {input:?}");
        }
    }

    #[test]
    fn genres_start_with_the_fifteen_kinds_of_article_8() {
        assert_eq!(
            STANDARD_GENRES[..15],
            [
                "决议",
                "决定",
                "命令（令）",
                "公报",
                "公告",
                "通告",
                "意见",
                "通知",
                "通报",
                "报告",
                "请示",
                "批复",
                "议案",
                "函",
                "纪要",
            ]
        );
        assert_eq!(
            STANDARD_GENRES[15..],
            ["规定", "办法", "细则", "方案", "规划", "解读", "其他公文"]
        );
    }

    #[test]
    fn interpretation_genres() {
        for genre in ["解读", "政策解读", " 图文解读 ", "视频解读"] {
            assert!(is_interpretation_genre(genre), "{genre:?}");
        }
        for genre in ["", "通知", "解读材料", "其他公文", "解"] {
            assert!(!is_interpretation_genre(genre), "{genre:?}");
        }
    }
}
