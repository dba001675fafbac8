//! The demo's boxes and messages: the mayor's box, the policy consultation box (5
//! working days, seed 002), and the website error box; messages new, routed, replied
//! and published with a rating, and one past its due date.

use crate::documents::today;
use crate::tracking::{new_tracking_code, tracking_hash};
use crate::{App, Result};
use chrono::Duration;
use gongkai_domain::message::Category;
use gongkai_store::messages::{self, MailboxFields, MessageFields, Step};
use gongkai_store::{Actor, OrgId, orgs};

/// A demo box: name, the unit answering it (by name; empty: the government), its
/// categories and periods.
type DemoBox = (&'static str, &'static str, &'static [(Category, u32)]);

const BOXES: [DemoBox; 3] = [
    (
        "区长信箱",
        "",
        &[
            (Category::Consultation, 3),
            (Category::Suggestion, 3),
            (Category::Complaint, 3),
            (Category::Help, 3),
        ],
    ),
    (
        "政策咨询",
        "示例区人民政府办公室",
        &[(Category::Consultation, 5)],
    ),
    (
        "我为政府网站找错",
        "示例区人民政府办公室",
        &[(Category::Correction, 3)],
    ),
];

/// A demo message: box, category, title, body, days ago received, and its steps.
struct Demo {
    mailbox: usize,
    category: Category,
    title: &'static str,
    body: &'static str,
    days_ago: i64,
    steps: &'static [DemoStep],
}

enum DemoStep {
    Accept,
    RouteTo(&'static str),
    Reply(&'static str),
    Publish(&'static str),
    Rate(u8),
}

const DEMOS: [Demo; 4] = [
    Demo {
        mailbox: 0,
        category: Category::Suggestion,
        title: "建议在东城路增设公交站",
        body: "东城路新建小区入住率高，附近没有公交站，建议增设站点。",
        days_ago: 1,
        steps: &[],
    },
    Demo {
        mailbox: 0,
        category: Category::Complaint,
        title: "小区门口路灯长期不亮",
        body: "西城路5号小区门口路灯已经一个月不亮，晚上出行不安全。",
        days_ago: 20,
        steps: &[DemoStep::Accept, DemoStep::RouteTo("西城街道办事处")],
    },
    Demo {
        mailbox: 1,
        category: Category::Consultation,
        title: "灵活就业人员怎么交社保",
        body: "我在家做网店，没有单位，想问问怎么自己交养老保险。",
        days_ago: 12,
        steps: &[
            DemoStep::Accept,
            DemoStep::Reply(
                "无雇工的个体工商户、灵活就业人员可以个人身份在户籍地或就业地参加职工基本养老保险，可通过政务服务网或社保经办窗口办理。",
            ),
            DemoStep::Publish(
                "问：灵活就业人员如何参加养老保险？\n答：无雇工的个体工商户、灵活就业人员可以个人身份在户籍地或就业地参加职工基本养老保险，可通过政务服务网或社保经办窗口办理。",
            ),
            DemoStep::Rate(5),
        ],
    },
    Demo {
        mailbox: 2,
        category: Category::Correction,
        title: "政策文件页面附件无法下载",
        body: "政策文件栏目有一份文件的附件点击后提示找不到。",
        days_ago: 3,
        steps: &[DemoStep::Accept],
    },
];

async fn unit(app: &App, name: &str, government: OrgId) -> Result<OrgId> {
    if name.is_empty() {
        return Ok(government);
    }
    Ok(orgs::find_by_name(&app.store, name)
        .await?
        .map_or(government, |o| o.id))
}

/// Opens the demo boxes and stores the demo messages with their steps.
pub(super) async fn seed(app: &App, actor: &Actor) -> Result<()> {
    let government = crate::orgs::roots(app)
        .await?
        .first()
        .map(|o| o.id)
        .ok_or_else(|| crate::Error::Internal("没有单位".to_string()))?;
    let mut tx = app.store.begin(actor.clone()).await?;
    let mut ids = Vec::new();
    for (name, unit_name, periods) in BOXES {
        let fields = MailboxFields {
            name: name.to_string(),
            org_id: unit(app, unit_name, government).await?,
            description: String::new(),
            open: true,
            periods: periods.to_vec(),
            max_workdays: 10,
        };
        ids.push(messages::create_box(&mut tx, &fields).await?);
    }
    tx.commit().await?;
    for demo in &DEMOS {
        let received_on = today() - Duration::days(demo.days_ago);
        let fields = MessageFields {
            mailbox_id: ids[demo.mailbox],
            category: demo.category,
            title: demo.title.to_string(),
            body: demo.body.to_string(),
            name: "市民".to_string(),
            contact: String::new(),
            publish_consent: true,
            received_on,
            workdays: BOXES[demo.mailbox]
                .2
                .iter()
                .find(|(c, _)| *c == demo.category)
                .map_or(3, |(_, n)| *n),
        };
        let mut tx = app.store.begin(actor.clone()).await?;
        let serial = |year, n| format!("LY{year}-{n:05}");
        let mut message = messages::create(
            &mut tx,
            &fields,
            &tracking_hash(&new_tracking_code()),
            serial,
        )
        .await?;
        tx.commit().await?;
        for step in demo.steps {
            let step = match step {
                DemoStep::Accept => Step::Accept,
                DemoStep::RouteTo(name) => Step::Route {
                    org: unit(app, name, government).await?,
                },
                DemoStep::Reply(text) => Step::Reply {
                    text: text.to_string(),
                },
                DemoStep::Publish(text) => Step::Publish {
                    text: text.to_string(),
                },
                DemoStep::Rate(score) => Step::Rate {
                    score: *score,
                    note: String::new(),
                },
            };
            let mut tx = app.store.begin(actor.clone()).await?;
            messages::record_step(&mut tx, &message, &step, received_on + Duration::days(1))
                .await?;
            tx.commit().await?;
            message = messages::get(&app.store, message.id).await?;
        }
    }
    Ok(())
}
