//! Tests of doc numbers: tolerant parsing, the canonical form and finding numbers in text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::DocNumber;
use crate::Error;

fn normalized(s: &str) -> String {
    match DocNumber::parse(s) {
        Ok(doc) => doc.normalized(),
        Err(error) => panic!("{s:?} should parse, got {error}"),
    }
}

fn reason(s: &str) -> String {
    match DocNumber::parse(s) {
        Err(Error::InvalidDocNumber { reason, .. }) => reason,
        other => panic!("{s:?}: expected InvalidDocNumber, got {other:?}"),
    }
}

fn found(text: &str) -> Vec<String> {
    DocNumber::find_all(text)
        .iter()
        .map(DocNumber::normalized)
        .collect()
}

#[test]
fn every_bracket_and_spacing_variant_normalises_to_the_same_number() {
    let cases = [
        "渝中府办〔2022〕24号",
        "渝中府办﹝2022﹞24号",
        "渝中府办[2022]24号",
        "渝中府办(2022)24号",
        "渝中府办（2022）24号",
        "渝中府办【2022】24号",
        "渝中府办［2022］24号",
        "渝中府办〖2022〗24号",
        "渝中府办〔2022]24号",
        "渝中府办（2022〕24号",
        "渝中府办 [ 2022 ] 24 号",
        "渝中府办\u{3000}〔2022〕\u{3000}24号",
        "渝中府办\u{a0}〔2022〕24\u{a0}号",
        " 渝中府办〔2022〕24号 ",
        "渝中府办〔2022〕024号",
        "渝中府办〔2022〕第24号",
        "渝中府办〔2022〕第 024 号",
        "渝中府办〔2022〕24",
        "渝中府办〔２０２２〕２４号",
    ];
    for input in cases {
        assert_eq!(normalized(input), "渝中府办〔2022〕24号", "input {input:?}");
    }
}

#[test]
fn parts_are_kept_apart() {
    let doc = DocNumber::parse("渝中府办 [2022] 024号").unwrap();
    assert_eq!(doc.issuer_code(), "渝中府办");
    assert_eq!(doc.year(), Some(2022));
    assert_eq!(doc.serial(), 24);
    assert_eq!(doc.to_string(), "渝中府办〔2022〕24号");
    let parsed: DocNumber = "渝中府办〔2022〕24号".parse().unwrap();
    assert_eq!(parsed, doc);
}

#[test]
fn seed_and_real_world_numbers_parse() {
    // (input, issuer code, year, serial, canonical form)
    let cases = [
        (
            "渝两江管办发﹝2020﹞74号",
            "渝两江管办发",
            2020,
            74,
            "渝两江管办发〔2020〕74号",
        ),
        ("国办发〔2022〕8号", "国办发", 2022, 8, "国办发〔2022〕8号"),
        (
            "赣府厅字〔2022〕45号",
            "赣府厅字",
            2022,
            45,
            "赣府厅字〔2022〕45号",
        ),
        (
            "洪府办发〔2022〕66号",
            "洪府办发",
            2022,
            66,
            "洪府办发〔2022〕66号",
        ),
        (
            "渝府办发〔2020〕89号",
            "渝府办发",
            2020,
            89,
            "渝府办发〔2020〕89号",
        ),
        (
            "穗府办规〔2024〕6号",
            "穗府办规",
            2024,
            6,
            "穗府办规〔2024〕6号",
        ),
        (
            "穗公积金规字〔2023〕1号",
            "穗公积金规字",
            2023,
            1,
            "穗公积金规字〔2023〕1号",
        ),
        (
            "川办函〔2015〕54号",
            "川办函",
            2015,
            54,
            "川办函〔2015〕54号",
        ),
        (
            "呼政办发[2008]68号",
            "呼政办发",
            2008,
            68,
            "呼政办发〔2008〕68号",
        ),
        (
            "国办发明电〔2023〕7号",
            "国办发明电",
            2023,
            7,
            "国办发明电〔2023〕7号",
        ),
        (
            "赣府公开办字〔2021〕7号",
            "赣府公开办字",
            2021,
            7,
            "赣府公开办字〔2021〕7号",
        ),
        ("国发〔2018〕43号", "国发", 2018, 43, "国发〔2018〕43号"),
        (
            "国办公开办函〔2019〕61号",
            "国办公开办函",
            2019,
            61,
            "国办公开办函〔2019〕61号",
        ),
    ];
    for (input, issuer, year, serial, canonical) in cases {
        let doc = DocNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(doc.issuer_code(), issuer, "issuer of {input}");
        assert_eq!(doc.year(), Some(year), "year of {input}");
        assert_eq!(doc.serial(), serial, "serial of {input}");
        assert_eq!(doc.normalized(), canonical, "canonical form of {input}");
    }
}

#[test]
fn orders_have_no_year_and_keep_their_di() {
    let cases = [
        ("国务院令第711号", "国务院令", 711, "国务院令第711号"),
        ("公安部令第162号", "公安部令", 162, "公安部令第162号"),
        ("国务院令 第 0711 号", "国务院令", 711, "国务院令第711号"),
        ("国务院令711号", "国务院令", 711, "国务院令第711号"),
        (
            "中华人民共和国主席令第31号",
            "中华人民共和国主席令",
            31,
            "中华人民共和国主席令第31号",
        ),
    ];
    for (input, issuer, serial, canonical) in cases {
        let doc = DocNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(doc.issuer_code(), issuer, "issuer of {input}");
        assert_eq!(doc.year(), None, "year of {input}");
        assert_eq!(doc.serial(), serial, "serial of {input}");
        assert_eq!(doc.normalized(), canonical, "canonical form of {input}");
    }
}

#[test]
fn invalid_inputs_name_the_reason() {
    let cases = [
        ("", "为空"),
        ("   ", "为空"),
        ("2022年", "缺少机关代字"),
        ("〔2022〕24号", "缺少机关代字"),
        ("第三季度", "缺少顺序号"),
        ("渝中府办", "缺少顺序号"),
        ("渝中府办〔2022〕号", "缺少顺序号"),
        ("渝中府办〔22〕24号", "年份应为 4 位数字"),
        ("渝中府办〔20222〕24号", "年份应为 4 位数字"),
        ("渝中府办〔1900〕24号", "年份应在 1949 至 2100 之间"),
        ("渝中府办〔2101〕24号", "年份应在 1949 至 2100 之间"),
        ("渝中府办〔〕24号", "年份括号不完整"),
        ("芜政务办〔202010号", "年份括号不完整"),
        ("渝中府办〔2022年〕24号", "年份括号不完整"),
        ("渝中府办〔2022〕0号", "顺序号不能为 0"),
        ("渝中府办〔2022〕99999999999号", "顺序号过大"),
        ("渝中府办〔2022〕24号文", "顺序号后有多余字符"),
        ("渝中府办〔2022〕24号〔2023〕1号", "顺序号后有多余字符"),
        ("渝中府办24号", "缺少年份（只有令可不标年份）"),
        ("渝中2府办〔2022〕24号", "机关代字只能由汉字组成"),
        ("渝中、府办〔2022〕24号", "机关代字只能由汉字组成"),
        ("Yu府办〔2022〕24号", "机关代字只能由汉字组成"),
        ("《渝中府办》〔2022〕24号", "机关代字只能由汉字组成"),
        (
            "关于进一步做好区政府政策性文件公开工作的通知〔2022〕17号",
            "机关代字过长",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(reason(input), expected, "input {input:?}");
    }
}

#[test]
fn error_names_the_input_and_has_a_stable_code() {
    let error = DocNumber::parse(" 渝中府办〔22〕24号 ").unwrap_err();
    assert_eq!(error.code(), "invalid_doc_number");
    assert_eq!(
        error.to_string(),
        "发文字号无效：渝中府办〔22〕24号：年份应为 4 位数字"
    );
}

#[test]
fn canonical_form_parses_back_to_the_same_number() {
    for input in [
        "渝两江管办发﹝2020﹞74号",
        "国务院令第711号",
        "呼政办发[2008]068号",
    ] {
        let doc = DocNumber::parse(input).unwrap();
        assert_eq!(DocNumber::parse(&doc.normalized()).unwrap(), doc, "{input}");
    }
}

#[test]
fn finds_the_three_numbers_of_seed_001() {
    let text = "根据《国务院办公厅关于印发2022年政务公开工作要点的通知》(国办发〔2022〕8号)、\
        《江西省人民政府办公厅关于印发2022年江西省政务公开工作要点的通知》(赣府厅字〔2022〕45号)\
        和《南昌市人民政府办公室关于印发2022年南昌市政务公开工作要点的通知》(洪府办发〔2022〕66号)\
        等文件精神";
    assert_eq!(
        found(text),
        [
            "国办发〔2022〕8号",
            "赣府厅字〔2022〕45号",
            "洪府办发〔2022〕66号"
        ]
    );
}

#[test]
fn finds_numbers_in_every_kind_of_parenthesis() {
    let cases: [(&str, &[&str]); 8] = [
        ("(洪府办发〔2022〕66号)", &["洪府办发〔2022〕66号"]),
        ("（渝府办发〔2022〕59号）", &["渝府办发〔2022〕59号"]),
        (
            "[ 发文字号 ] 渝两江管办发﹝2020﹞74号",
            &["渝两江管办发〔2020〕74号"],
        ),
        (
            "的通知》（渝中府办〔2022〕17号），",
            &["渝中府办〔2022〕17号"],
        ),
        (
            "见国办发〔2022〕8号、赣府厅字〔2022〕45号。",
            &["国办发〔2022〕8号", "赣府厅字〔2022〕45号"],
        ),
        ("根据国办发〔2022〕8号要求", &["国办发〔2022〕8号"]),
        ("按照《条例》（国务院令第711号）规定", &["国务院令第711号"]),
        (
            "呼政办发[2008]68号,川办函〔2015〕054号",
            &["呼政办发〔2008〕68号", "川办函〔2015〕54号"],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(found(text), expected, "text {text:?}");
    }
}

#[test]
fn text_that_only_looks_like_a_number_is_not_one() {
    let cases = [
        "2022年第三季度",
        "关于印发2022年政务公开工作要点的通知",
        "十四五规划（2021—2025年）",
        "工作方案（2022）1",
        "〔责任单位:综合管理部〕",
        "（2022）24号",
        "渝中府办 〔2022〕24号",
        "命令第三号",
        "为贯彻落实国务院办公厅有关要求印发的国办发〔2022〕8号",
    ];
    for text in cases {
        assert_eq!(found(text), Vec::<String>::new(), "text {text:?}");
    }
}

#[test]
fn damaged_numbers_of_the_seeds_are_skipped_not_guessed() {
    // Seed 004: the closing bracket is lost and 2020 runs into the serial 10.
    let text = "《关于开展政务公开“六提六促”专项行动的通知》(芜政务办〔202010号)要求,\
        《关于规范政府信息公开平台有关事项的通知》(国办公开办函〔201961号)要求";
    assert_eq!(found(text), Vec::<String>::new());
    // A damaged number does not hide an intact one next to it.
    let text = "(芜政务办〔202010号)、(渝府办发〔2020〕89号)";
    assert_eq!(found(text), ["渝府办发〔2020〕89号"]);
}

#[test]
fn found_numbers_are_parsed_values() {
    let docs = DocNumber::find_all("（渝两江管办发﹝2020﹞074号）");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].issuer_code(), "渝两江管办发");
    assert_eq!(docs[0].year(), Some(2020));
    assert_eq!(docs[0].serial(), 74);
}
