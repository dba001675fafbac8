//! The five seed pages (public official documents): every expected field written out.

use chrono::NaiveDate;
use gongkai_extract::{ExtractedPage, PageMetadata, SourceKind, parse_page, text_of};

use crate::fixture;

fn page(name: &str) -> ExtractedPage {
    let text = text_of(&fixture(name), SourceKind::Text).unwrap();
    parse_page(&text)
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn seed_000_bracketed_block_gives_all_eight_fields_and_the_title_after_it() {
    let page = page("000_3335da6467c3606d.txt");
    assert_eq!(
        page.metadata,
        PageMetadata {
            index_number: some("115000005567784755/2020-01891"),
            doc_number: some("渝两江管办发﹝2020﹞74号"),
            topic: some("行政事务"),
            genre: some("其他公文"),
            issuer: some("两江新区管委会"),
            validity: some("有效"),
            written_on: date(2020, 9, 15),
            published_on: date(2020, 9, 17),
        }
    );
    let title = "重庆两江新区管理委员会办公室关于印发2020年两江新区政务公开工作要点任务分工的通知";
    assert_eq!(page.title, some(title));
    assert!(page.body.starts_with(&format!("{title}\n\n各街道办事处")));
    assert!(!page.body.contains("您当前的位置"));
    assert!(!page.body.contains("[ 索引号 ]"));
}

#[test]
fn seed_001_plain_text_title_is_the_first_line() {
    let page = page("001_6b141d89c3fcc9de.txt");
    assert_eq!(page.title, some("2022年红谷滩区政务公开工作要点"));
    assert_eq!(page.metadata, PageMetadata::default());
    assert!(
        page.body
            .starts_with("2022年红谷滩区政务公开工作要点\n根据《国务院办公厅")
    );
}

#[test]
fn seed_002_document_head_gives_doc_number_issuer_and_a_two_line_title() {
    let page = page("002_cc9e57af21d3afad.txt");
    assert_eq!(
        page.title,
        some("关于印发渝中区2022年政务公开工作要点任务分工的通知")
    );
    assert_eq!(
        page.metadata,
        PageMetadata {
            doc_number: some("渝中府办〔2022〕24号"),
            issuer: some("重庆市渝中区人民政府办公室"),
            written_on: date(2022, 6, 17),
            ..PageMetadata::default()
        }
    );
    assert!(
        page.body
            .starts_with("关于印发渝中区2022年政务公开工作要点\n\n任务分工的通知\n")
    );
}

#[test]
fn seed_003_colon_line_and_the_clean_repeated_title() {
    let page = page("003_d83b70daa609b1f7.txt");
    let title = "关于印发德庆县2019年政务公开工作要点分工方案的通知";
    assert_eq!(page.title, some(title));
    assert_eq!(
        page.metadata,
        PageMetadata {
            issuer: some("德庆县政府门户网"),
            published_on: date(2019, 8, 8),
            // Not on the page's metadata line: from the date under the signature.
            written_on: date(2019, 8, 6),
            ..PageMetadata::default()
        }
    );
    assert!(page.body.starts_with(&format!("{title}\n")));
    assert!(!page.body.contains("登 录"));
    assert!(!page.body.contains("点击数"));
}

#[test]
fn seed_004_colon_line_run_together_and_the_title_before_it() {
    let page = page("004_2f6965311e0af134.txt");
    let title = "关于开展政务公开“六提六促”专项行动的通知";
    assert_eq!(page.title, some(title));
    assert_eq!(
        page.metadata,
        PageMetadata {
            issuer: some("省江北产业集中区"),
            published_on: date(2020, 7, 6),
            ..PageMetadata::default()
        }
    );
    assert!(
        page.body
            .starts_with(&format!("{title}\n\n各部门、江北公司,各派驻单位:"))
    );
    assert!(!page.body.contains("阅读次数"));
}
