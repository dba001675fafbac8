//! An installation's catalogue (Art. 20 and its enabled Art. 21 items) and the
//! suggestion of columns for a document.

use super::column::StatutoryColumn;
use super::items::{ARTICLE_20, ARTICLE_21, OTHER};

/// The columns of one installation: Art. 20's fifteen, then the enabled Art. 21 items
/// in the order of `local`; an unknown code is refused with the codes allowed.
pub fn catalogue(local: &[String]) -> Result<Vec<StatutoryColumn>, String> {
    let mut columns = ARTICLE_20.to_vec();
    for code in local {
        let item = ARTICLE_21
            .iter()
            .find(|c| c.code == code.trim())
            .ok_or_else(|| {
                let known: Vec<&str> = ARTICLE_21.iter().map(|c| c.code).collect();
                format!("“{code}”不是第二十一条的栏目，可选：{}", known.join("、"))
            })?;
        if !columns.iter().any(|c| c.code == item.code) {
            columns.push(*item);
        }
    }
    Ok(columns)
}

/// The codes of the columns the rule suggests for a document, in catalogue order; the
/// catch-all item when no other column fits.
pub fn suggest(
    columns: &[StatutoryColumn],
    title: &str,
    topic: &str,
    normative: bool,
) -> Vec<&'static str> {
    let found: Vec<&'static str> = columns
        .iter()
        .filter(|c| c.code != OTHER && c.suggests(title, topic, normative))
        .map(|c| c.code)
        .collect();
    if found.is_empty() { vec![OTHER] } else { found }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::statutory::items::DEFAULT_LOCAL_ITEMS;

    fn county() -> Vec<StatutoryColumn> {
        let local: Vec<String> = DEFAULT_LOCAL_ITEMS.iter().map(|s| s.to_string()).collect();
        catalogue(&local).unwrap_or_default()
    }

    #[test]
    fn the_catalogue_is_article_20_then_the_enabled_local_items() {
        let columns = county();
        assert_eq!(columns.len(), 22);
        assert_eq!(columns[0].name, "行政法规、规章和规范性文件");
        assert_eq!(columns[6].basis, "条例第二十条第（七）项");
        assert_eq!(columns[14].code, OTHER);
        assert_eq!(columns[15].name, "市政建设");
        assert!(catalogue(&["news".to_string()]).is_err());
        let mut codes: Vec<&str> = ARTICLE_20
            .iter()
            .chain(&ARTICLE_21)
            .map(|c| c.code)
            .collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 27, "codes are unique");
    }

    #[test]
    fn titles_suggest_their_columns() {
        let columns = county();
        let cases: [(&str, &str, bool, &[&str]); 10] = [
            ("示例区2026年区级部门预算公开说明", "", false, &["budgets"]),
            (
                "示例区2025年国民经济和社会发展统计公报",
                "",
                false,
                &["statistics"],
            ),
            (
                "示例区行政事业性收费目录清单（2026年版）",
                "",
                false,
                &["fees"],
            ),
            ("示例区突发事件总体应急预案", "", false, &["emergencies"]),
            (
                "示例区2026年考试录用公务员拟录用人员公示",
                "",
                false,
                &["civil_service"],
            ),
            (
                "示例区行政执法公示办法",
                "",
                true,
                &["regulations", "penalties"],
            ),
            (
                "关于示例路片区国有土地上房屋征收的决定",
                "",
                false,
                &["house_expropriation"],
            ),
            (
                "示例区2026年城乡低保标准调整的通知",
                "",
                false,
                &["social_assistance"],
            ),
            (
                "关于2025年第三季度食品安全监督抽检情况的通告",
                "",
                false,
                &["inspections"],
            ),
            (
                "2022年红谷滩区政务公开工作要点",
                "综合政务\\政务公开",
                false,
                &[OTHER],
            ),
        ];
        for (title, topic, normative, expected) in cases {
            assert_eq!(
                suggest(&columns, title, topic, normative),
                expected,
                "{title}"
            );
        }
    }

    #[test]
    fn the_topic_suggests_a_column_by_its_sub_topic() {
        let columns = county();
        assert_eq!(
            suggest(
                &columns,
                "示例区行政事业性收费目录清单",
                "财政、金融、审计\\财政",
                false
            ),
            ["fees"],
            "a fee list catalogued under 财政 is no budget"
        );
        assert_eq!(
            suggest(
                &columns,
                "关于做好2026年有关工作的通知",
                "国民经济管理、国有资产监管\\统计",
                false
            ),
            ["statistics"]
        );
        assert_eq!(suggest(&columns, "通知", "", false), [OTHER]);
    }

    #[test]
    fn a_township_item_is_only_suggested_where_it_is_enabled() {
        let title = "关于2026年农村宅基地使用情况审核结果的公示";
        assert_eq!(suggest(&county(), title, "", false), [OTHER]);
        let township = catalogue(&["homestead".to_string()]).unwrap_or_default();
        assert_eq!(suggest(&township, title, "", false), ["homestead"]);
    }
}
