//! The demo's consultations: one open for comment, one open on a short period with
//! its reason, and one closed with its 意见收集和采纳情况 published.

use crate::documents::today;
use crate::{App, Result};
use chrono::{Duration, NaiveDate};
use gongkai_domain::consultation::{Disposition, DraftKind};
use gongkai_store::consultations::{self, ConsultationFields, NewComment};
use gongkai_store::{Actor, orgs};

/// A demo consultation: unit, title, kind, market-related, days from today to its
/// start and end, the reason for a short period, and its comments with what was done.
struct Demo {
    unit: &'static str,
    title: &'static str,
    kind: DraftKind,
    market_related: bool,
    days: (i64, i64),
    short_reason: &'static str,
    draft: &'static str,
    comments: &'static [(&'static str, Option<(Disposition, &'static str)>)],
    summary: &'static str,
}

const DEMOS: [Demo; 3] = [
    Demo {
        unit: "示例区司法局",
        title: "示例区文明养犬管理规定（征求意见稿）",
        kind: DraftKind::Normative,
        market_related: false,
        days: (-5, 25),
        short_reason: "",
        draft: "<p>第一条　为了规范养犬行为，保障公民健康和人身安全，维护市容环境和社会公共秩序，结合本区实际，制定本规定。</p>\
                <p>第二条　本区行政区域内犬只的饲养、经营和管理，适用本规定。</p>\
                <p>第三条　携犬出户的，应当束犬链（绳），由完全民事行为能力人牵领，并主动避让行人。</p>",
        comments: &[
            ("建议明确犬只登记的收费标准，并在政府网站公开。", None),
            ("希望在社区多设置宠物便便收集箱。", None),
        ],
        summary: "",
    },
    Demo {
        unit: "示例区发展和改革委员会",
        title: "示例区重大项目建设三年行动计划（征求意见稿）",
        kind: DraftKind::MajorDecision,
        market_related: false,
        days: (-2, 13),
        short_reason: "项目须在本年度市级重大项目申报截止前确定，征求意见期限相应缩短为15日。",
        draft: "<p>一、总体目标：三年内实施重大项目60个，总投资约300亿元。</p>\
                <p>二、重点领域：交通基础设施、城市更新、产业园区和公共服务设施。</p>",
        comments: &[],
        summary: "",
    },
    Demo {
        unit: "示例区发展和改革委员会",
        title: "示例区促进中小企业高质量发展若干措施（征求意见稿）",
        kind: DraftKind::Normative,
        market_related: true,
        days: (-75, -45),
        short_reason: "",
        draft: "<p>一、对首次认定为专精特新中小企业的，给予一次性奖励。</p>\
                <p>二、对中小企业新增贷款给予贴息支持。</p>",
        comments: &[
            (
                "建议提高专精特新企业奖励金额。",
                Some((
                    Disposition::PartlyAdopted,
                    "奖励金额已结合财力适当提高，具体标准另行公布。",
                )),
            ),
            (
                "奖励标准太低，建议翻倍。",
                Some((
                    Disposition::PartlyAdopted,
                    "奖励金额已结合财力适当提高，具体标准另行公布。",
                )),
            ),
            (
                "贴息政策建议覆盖个体工商户。",
                Some((Disposition::Adopted, "")),
            ),
            (
                "小区停车位太少，希望解决。",
                Some((
                    Disposition::OutOfScope,
                    "不属于本次征求意见范围，已转区住房城乡建委研究办理。",
                )),
            ),
        ],
        summary: "征求意见期间共收到意见4条，采纳1条，部分采纳2条，1条不属于征求范围。感谢社会各界的关心和支持。",
    },
];

fn day(offset: i64) -> NaiveDate {
    today() + Duration::days(offset)
}

/// Opens the demo consultations with their comments, dispositions and reports.
pub(super) async fn seed(app: &App, actor: &Actor) -> Result<()> {
    for demo in &DEMOS {
        let unit = orgs::find_by_name(&app.store, demo.unit)
            .await?
            .ok_or_else(|| crate::Error::Internal("演示单位不存在".to_string()))?;
        let mut tx = app.store.begin(actor.clone()).await?;
        let fields = ConsultationFields {
            org_id: unit.id,
            title: demo.title.to_string(),
            kind: demo.kind,
            market_related: demo.market_related,
            draft_html: demo.draft.to_string(),
            explanation_html:
                "<p>本草案根据有关法律法规和上级文件精神起草，经部门调研和专家论证形成。</p>"
                    .to_string(),
            draft_document: None,
            starts_on: day(demo.days.0),
            ends_on: day(demo.days.1),
            short_reason: demo.short_reason.to_string(),
        };
        let c = consultations::create(&mut tx, &fields).await?;
        for (body, disposition) in demo.comments {
            let comment = NewComment {
                name: "市民".to_string(),
                contact: String::new(),
                body: body.to_string(),
            };
            let id = consultations::add_comment(&mut tx, c.id, &comment)
                .await?
                .id;
            if let Some((d, reason)) = disposition {
                consultations::dispose(&mut tx, c.id, &[id], *d, reason).await?;
            }
        }
        if !demo.summary.is_empty() {
            consultations::publish(&mut tx, &c, day(demo.days.1 + 5), demo.summary).await?;
        }
        tx.commit().await?;
    }
    Ok(())
}
