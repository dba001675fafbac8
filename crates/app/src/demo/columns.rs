//! The demo's documents of 法定主动公开内容 (`gongkai serve --demo`): a few published
//! documents of the kinds 条例第二十条 and 第二十一条 name — a budget, a statistics
//! bulletin, a fee list, a procurement catalogue, a contingency plan, a civil-service
//! notice, a normative rule and a house-expropriation decision — and every document's
//! suggested columns confirmed, as the office would.

use crate::documents::body::paragraphs_html;
use crate::documents::numbering::generate_index_number;
use crate::documents::pii::rescan_in;
use crate::{App, Result};
use chrono::NaiveDate;
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::platform::statutory::suggest;
use gongkai_domain::validity::Validity;
use gongkai_store::documents::{self, DocumentFields, columns};
use gongkai_store::{Actor, orgs};

/// One demo document: issuer, title, 发文字号, topic, genre, normative, date, body.
type Demo = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    (i32, u32, u32),
    &'static str,
);

const DOCUMENTS: [Demo; 8] = [
    (
        "示例区财政局",
        "示例区2026年区级部门预算公开说明",
        "",
        "财政、金融、审计\\财政",
        "公告",
        false,
        (2026, 2, 10),
        "根据《中华人民共和国预算法》，现将示例区2026年区级部门预算公开如下。\n区级部门预算收入总计12.6亿元，支出总计12.6亿元。\n“三公”经费预算较上年下降3%。",
    ),
    (
        "示例区人民政府办公室",
        "示例区2025年国民经济和社会发展统计公报",
        "",
        "国民经济管理、国有资产监管\\统计",
        "公报",
        false,
        (2026, 3, 20),
        "2025年，全区实现地区生产总值512亿元，比上年增长5.6%。\n全区常住人口46.3万人。",
    ),
    (
        "示例区财政局",
        "示例区行政事业性收费目录清单（2026年版）",
        "示财发〔2026〕3号",
        "财政、金融、审计\\财政",
        "通知",
        false,
        (2026, 1, 15),
        "现将示例区行政事业性收费目录清单（2026年版）予以公布，清单之外一律不得收费。",
    ),
    (
        "示例区财政局",
        "示例区2026年政府集中采购目录及标准",
        "示财发〔2026〕5号",
        "财政、金融、审计\\财政",
        "通知",
        false,
        (2026, 1, 28),
        "集中采购目录以内或者采购限额标准以上的货物、工程和服务，应当按规定实施政府采购。",
    ),
    (
        "示例区人民政府办公室",
        "示例区突发事件总体应急预案",
        "示府办发〔2026〕8号",
        "综合政务\\应急管理",
        "通知",
        false,
        (2026, 4, 2),
        "为提高应对突发事件的能力，最大程度减少突发事件造成的损害，制定本预案。",
    ),
    (
        "示例区人民政府办公室",
        "示例区2026年考试录用公务员拟录用人员公示",
        "",
        "劳动、人事、监察\\公务员管理",
        "公示",
        false,
        (2026, 7, 6),
        "根据2026年度考试录用公务员工作安排，经笔试、面试、体检和考察，现将拟录用人员予以公示，公示期5个工作日。",
    ),
    (
        "示例区司法局",
        "示例区行政执法公示办法",
        "示司规〔2026〕1号",
        "公安、安全、司法\\司法",
        "办法",
        true,
        (2026, 5, 18),
        "第一条 为推行行政执法公示制度，保障公民、法人和其他组织的知情权，制定本办法。\n第二条 本办法自2026年7月1日起施行。",
    ),
    (
        "示例区规划和自然资源局",
        "关于示例路片区国有土地上房屋征收的决定",
        "示规资发〔2026〕12号",
        "城乡建设、环境保护\\城乡建设（含住房）",
        "决定",
        false,
        (2026, 6, 9),
        "因旧城区改建需要，决定对示例路片区国有土地上的房屋实施征收。征收补偿方案已经论证并公开征求意见。",
    ),
];

pub(super) async fn seed(app: &App, actor: &Actor) -> Result<()> {
    let all = orgs::list(&app.store).await?;
    let columns = crate::documents::columns::statutory_columns(app)?;
    // The seeds' suggestions, read before the demo's own documents are written.
    let awaiting = columns::awaiting_confirmation(&app.store, i64::MAX).await?;
    let mut tx = app.store.begin(actor.clone()).await?;
    for (unit, title, number, topic, genre, normative, (y, m, d), body) in DOCUMENTS {
        let issuer = all.iter().find(|o| o.name == unit);
        let day = NaiveDate::from_ymd_opt(y, m, d);
        let fields = DocumentFields {
            title: title.to_string(),
            doc_number: number.to_string(),
            doc_number_key: String::new(),
            issuer_id: issuer.map(|o| o.id),
            issuer_name: unit.to_string(),
            topic: topic.to_string(),
            genre: genre.to_string(),
            normative,
            validity: Validity::Valid,
            effective_on: None,
            expires_on: None,
            written_on: day,
            published_on: day,
            disclosure: DisclosureAttribute::Proactive,
            interpretation_form: None,
            body_html: paragraphs_html(body),
            body_text: body.to_string(),
        };
        let index = generate_index_number(&mut tx, &fields, &all).await?;
        let document =
            documents::create(&mut tx, &index, &fields, DocumentStatus::Published, None).await?;
        rescan_in(app, &mut tx, &document).await?;
        let codes: Vec<String> = suggest(&columns, title, topic, normative)
            .into_iter()
            .map(str::to_string)
            .collect();
        columns::confirm(&mut tx, document.id, &codes).await?;
    }
    for (document, codes) in awaiting {
        columns::confirm(&mut tx, document.id, &codes).await?;
    }
    tx.commit().await?;
    Ok(())
}
