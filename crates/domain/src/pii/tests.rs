//! The guard on whole texts: what it finds, where, and what government text it leaves alone.

use chrono::NaiveDate;

use super::card::tests::card;
use super::id_number::tests::id18;
use super::*;

fn guard() -> Guard {
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default();
    Guard::new(
        ["023-6385 1234", "13800000000", "Contact.Me@Example.com"],
        today,
    )
}

fn found(text: &str) -> Vec<(&'static str, String)> {
    guard()
        .scan(text)
        .into_iter()
        .map(|f| (f.kind.code(), f.value))
        .collect()
}

fn pairs(items: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    items.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

#[test]
fn whole_numbers_of_every_kind() {
    let id = id18("500103", "19850612", "321");
    let card19 = card("6222", 19);
    let text = format!(
        "申请人张某，身份证号{id}，手机13912345678，银行卡{card19}，邮箱zhang.wei@163.com。"
    );
    let want = pairs(&[
        ("id_number", &id),
        ("mobile", "13912345678"),
        ("bank_card", &card19),
        ("email", "zhang.wei@163.com"),
    ]);
    assert_eq!(found(&text), want);
}

#[test]
fn split_and_prefixed_forms() {
    let id = id18("110105", "19491231", "002");
    let split_id = format!("{}-{}-{}", &id[..6], &id[6..14], &id[14..]);
    let spaced_id = format!("{} {} {} {}", &id[..6], &id[6..10], &id[10..14], &id[14..]);
    let card16 = card("4367", 16);
    let spaced_card = format!(
        "{} {} {} {}",
        &card16[..4],
        &card16[4..8],
        &card16[8..12],
        &card16[12..]
    );
    let text = format!(
        "证件 {split_id}；又 {spaced_id}；电话 139 1234 5678、+86 138-1234-5678、(+86)13712345678、008615912345678；卡号 {spaced_card}"
    );
    let want = pairs(&[
        ("id_number", &id),
        ("id_number", &id),
        ("mobile", "13912345678"),
        ("mobile", "13812345678"),
        ("mobile", "13712345678"),
        ("mobile", "15912345678"),
        ("bank_card", &card16),
    ]);
    assert_eq!(found(&text), want);
}

#[test]
fn old_ids_lower_case_check_characters_and_full_width_digits() {
    assert_eq!(
        found("旧证号110105491231002。"),
        pairs(&[("id_number", "110105491231002")])
    );
    assert_eq!(
        found("11010519491231002x"),
        pairs(&[("id_number", "11010519491231002X")])
    );
    assert_eq!(
        found("手机１３９１２３４５６７８"),
        pairs(&[("mobile", "13912345678")])
    );
}

#[test]
fn invalid_numbers_are_not_reported() {
    let id = id18("500103", "19850612", "321");
    let wrong_check = format!("{}{}", &id[..17], if id.ends_with('0') { '1' } else { '0' });
    let feb30 = id18("500103", "19850230", "321");
    let unborn = id18("500103", "20270101", "321");
    let card16 = card("6222", 16);
    let bad_luhn = format!(
        "{}{}",
        &card16[..15],
        (card16.as_bytes()[15] - b'0' + 1) % 10
    );
    for text in [
        wrong_check,
        feb30,
        unborn,
        bad_luhn,
        "12812345678".into(),
        "1391234567".into(),
    ] {
        assert_eq!(found(&text), [], "{text}");
    }
}

#[test]
fn government_numbers_are_left_alone() {
    let samples = [
        "索引号：115000005567784755/2020-01891",
        "索引号：11500000009289880G/2021-00012",
        "索引号 01527918X-2020-153077",
        "统一社会信用代码：91500000MA5U3X1234",
        "统一社会信用代码 115001030092898807",
        "渝府发〔2020〕12号、区府办发〔2019〕103号",
        "2020年3月5日、2020-03-05、20200305、2019—2022年",
        "总投资1234567890123456元，合计12,345,678,901,234,567元，增长13.812345678%",
        "共受理13812345678次；经费 ¥6222021234567890128",
        "邮政编码 400010，电话 023-63851234、0731-88881234、12345，传真 023-6385 1234",
        "办公电话 13800000000，邮箱 contact.me@example.com，zfxxgk@cq.gov.cn、xxgk@163.com",
        "第13812345678号",
        "网址 http://www.cq.gov.cn/zwgk/zfxxgkml/202003/t20200305_5712345678.html",
    ];
    for text in samples {
        assert_eq!(found(text), [], "{text}");
    }
}

#[test]
fn numbers_in_tables_are_separated() {
    let id = id18("420106", "19700101", "123");
    let text = format!("1 张某 {id} 13912345678 13712345678 2 李某");
    let want = pairs(&[
        ("id_number", &id),
        ("mobile", "13912345678"),
        ("mobile", "13712345678"),
    ]);
    assert_eq!(found(&text), want);
}

#[test]
fn spans_and_masks() {
    let text = "电话：138 1234 5678，证号11010519491231002X。";
    let findings = guard().scan(text);
    assert_eq!(&text[findings[0].span.clone()], "138 1234 5678");
    let masked: Vec<String> = findings.iter().map(Finding::masked).collect();
    assert_eq!(masked, ["138****5678", "11010519******002X"]);
    assert_eq!(
        mask_text(text, &findings),
        "电话：138****5678，证号11010519******002X。"
    );
    assert_eq!(mask(Kind::IdNumber, "110105491231002"), "110105******002");
    assert_eq!(
        mask(Kind::BankCard, "6222021234567890128"),
        "6222***********0128"
    );
    assert_eq!(mask(Kind::Email, "zhang.wei@163.com"), "z***@163.com");
}

#[test]
fn kinds_round_trip_their_codes() {
    for kind in Kind::ALL {
        assert_eq!(Kind::from_code(kind.code()), Some(kind));
    }
    assert_eq!(Kind::from_code("phone"), None);
}
