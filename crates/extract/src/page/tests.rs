#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn written_on_comes_from_the_date_under_the_signature_when_no_block() {
    let text = "关于做好2023年政务公开工作的通知\n\n各部门：\n\n现将有关事项通知如下。\
        按照《某某通知》（国办发〔2022〕8号）要求执行。\n\n某某县人民政府办公室\n\n二〇二三年三月五日\n\n\
        附件\n\n2023年工作安排\n\n2023年4月1日前完成\n";
    let page = parse_page(text);
    assert_eq!(
        page.title.as_deref(),
        Some("关于做好2023年政务公开工作的通知")
    );
    assert_eq!(page.metadata.written_on, date(2023, 3, 5));
    assert_eq!(
        page.metadata.issuer.as_deref(),
        Some("某某县人民政府办公室")
    );
    assert_eq!(
        page.metadata.doc_number, None,
        "a cited number is not the doc number"
    );
    assert!(
        page.body
            .starts_with("关于做好2023年政务公开工作的通知\n\n各部门：")
    );
}

#[test]
fn the_last_signed_date_wins() {
    let text = "某某工作方案\n\n甲局\n2020年9月15日\n\n乙局\n2020年9月16日\n\n2021年1月1日\n";
    assert_eq!(parse_page(text).metadata.written_on, date(2020, 9, 16));
}

#[test]
fn a_doc_number_line_under_the_title_is_taken() {
    let text = "关于印发某某办法的通知\n国办发〔2021〕12号\n\n各省、自治区：\n";
    let page = parse_page(text);
    assert_eq!(
        page.metadata.doc_number.as_deref(),
        Some("国办发〔2021〕12号")
    );
}

#[test]
fn block_with_label_and_value_on_separate_lines() {
    let text = "首页 > 政策文件\n[ 索引号 ]\n1150/2020-1\n[ 发文字号 ]\n渝府发〔2020〕1号\n\
        【 成文日期 】\n2020年01月02日\n【标 题】\n关于某事的通知\n\n关于某事的通知\n正文。\n";
    let page = parse_page(text);
    assert_eq!(page.metadata.index_number.as_deref(), Some("1150/2020-1"));
    assert_eq!(
        page.metadata.doc_number.as_deref(),
        Some("渝府发〔2020〕1号")
    );
    assert_eq!(page.metadata.written_on, date(2020, 1, 2));
    assert_eq!(page.title.as_deref(), Some("关于某事的通知"));
    assert_eq!(page.body, "关于某事的通知\n正文。");
}

#[test]
fn colon_block_in_gov_cn_style_with_spaced_labels() {
    let text = "索 引 号：000014349/2020-00120\n主题分类：综合政务\\政务公开\n\
        发文机关：国务院办公厅\n成文日期：2020年06月29日\n标　　题：国务院办公厅关于印发2020年政务公开工作要点的通知\n\
        发文字号：国办发〔2020〕17号\n发布日期：2020年07月08日\n\n\
        国务院办公厅关于印发2020年政务公开工作要点的通知\n国办发〔2020〕17号\n";
    let page = parse_page(text);
    let m = &page.metadata;
    assert_eq!(m.index_number.as_deref(), Some("000014349/2020-00120"));
    assert_eq!(m.topic.as_deref(), Some("综合政务\\政务公开"));
    assert_eq!(m.issuer.as_deref(), Some("国务院办公厅"));
    assert_eq!(m.doc_number.as_deref(), Some("国办发〔2020〕17号"));
    assert_eq!(m.written_on, date(2020, 6, 29));
    assert_eq!(m.published_on, date(2020, 7, 8));
    assert_eq!(
        page.title.as_deref(),
        Some("国务院办公厅关于印发2020年政务公开工作要点的通知")
    );
    assert!(page.body.starts_with("国务院办公厅关于印发"));
}

#[test]
fn text_without_anything_recognisable_is_all_body() {
    let page = parse_page("这是一段很长的正文内容，没有标题。\n第二段。");
    assert_eq!(page.title, None);
    assert_eq!(page.metadata, PageMetadata::default());
    assert_eq!(page.body, "这是一段很长的正文内容，没有标题。\n第二段。");
    let empty = parse_page("");
    assert_eq!(empty.title, None);
    assert_eq!(empty.body, "");
}

#[test]
fn serialises_dates_as_iso_strings() {
    let page = parse_page("[ 发布日期 ] 2020-09-17\n\n某某通知\n");
    let json = serde_json::to_value(&page).unwrap();
    assert_eq!(json["metadata"]["published_on"], "2020-09-17");
    assert_eq!(json["title"], "某某通知");
}
