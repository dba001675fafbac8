//! The demo's disclosure requests, dated back from today: one just received online,
//! one by post that waited for a third party and was extended, and one answered; and
//! eight of last year, answered, for the annual report. The applicants are fictitious;
//! their identity numbers only pass the check character.

use crate::documents::today;
use crate::requests::{RequestInput, record_as};
use crate::{App, Result};
use chrono::{Days, NaiveDate};
use gongkai_domain::annual_report::Outcome;
use gongkai_domain::request::Channel;
use gongkai_store::Actor;
use gongkai_store::requests::{self, EventKind, NewEvent};

fn input(name: &str, id_number: &str, description: &str) -> RequestInput {
    RequestInput {
        applicant_type: "natural_person".to_string(),
        applicant_name: name.to_string(),
        id_number: id_number.to_string(),
        phone: "023-00000000".to_string(),
        description: description.to_string(),
        preferred_form: "电子文本".to_string(),
        delivery: "电子邮件".to_string(),
        receipt_evidence: "EMS 签收单（演示）".to_string(),
        ..RequestInput::default()
    }
}

fn days_ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).unwrap_or_else(today)
}

pub(super) async fn seed(app: &App, actor: &Actor) -> Result<()> {
    let fresh = input(
        "王某",
        "11010519491231002X",
        "示例区2025年老旧小区改造项目清单",
    );
    record_as(app, actor.clone(), &fresh, Channel::Online, days_ago(3)).await?;

    let waiting = input(
        "李某",
        "110105194912310038",
        "东城街道某地块征收补偿方案及批复",
    );
    let waiting = record_as(app, actor.clone(), &waiting, Channel::Post, days_ago(30)).await?;
    let mut tx = app.store.begin(actor.clone()).await?;
    let steps = [
        (
            EventKind::Stop,
            days_ago(25),
            Some(days_ago(12)),
            None,
            "征求第三方（演示公司）意见",
        ),
        (
            EventKind::Extension,
            days_ago(5),
            None,
            Some(15),
            "区政务公开办负责人（演示）",
        ),
    ];
    for (kind, on, until, workdays, note) in steps {
        let event = NewEvent {
            until,
            workdays,
            note: note.to_string(),
            ..NewEvent::on(kind, on)
        };
        requests::add_event(&mut tx, waiting.request.id, &event).await?;
    }
    tx.commit().await?;

    let answered = input(
        "赵某",
        "110105194912310046",
        "示例区2024年财政预算执行情况报告",
    );
    let answered = record_as(app, actor.clone(), &answered, Channel::Email, days_ago(40)).await?;
    let mut tx = app.store.begin(actor.clone()).await?;
    let outcome = Outcome::Disclosed;
    requests::reply(
        &mut tx,
        answered.request.id,
        days_ago(28),
        outcome,
        outcome.legal_basis_zh(),
    )
    .await?;
    tx.commit().await?;
    seed_last_year(app, actor).await
}

/// Last year's requests, all answered, so that the annual report the office makes now
/// (last year's, 条例第四十九条) has figures: applicant type, month and day received,
/// days to the reply, outcome, what was asked.
const LAST_YEAR: [(&str, u32, u32, u64, Outcome, &str); 8] = [
    (
        "natural_person",
        2,
        10,
        12,
        Outcome::Disclosed,
        "示例区城市更新项目征收补偿方案",
    ),
    (
        "natural_person",
        3,
        18,
        15,
        Outcome::PartlyDisclosed,
        "某地块规划条件及审批意见",
    ),
    (
        "commercial",
        4,
        7,
        18,
        Outcome::Disclosed,
        "示例区政府采购意向公开目录",
    ),
    (
        "natural_person",
        5,
        20,
        9,
        Outcome::UnavailableNotHeld,
        "某小区物业维修资金使用明细",
    ),
    (
        "research",
        6,
        3,
        14,
        Outcome::Disclosed,
        "示例区教育经费投入统计",
    ),
    (
        "natural_person",
        8,
        12,
        16,
        Outcome::WithheldProcess,
        "某项目专家评审会议纪要",
    ),
    (
        "legal_service",
        9,
        22,
        11,
        Outcome::Disclosed,
        "示例区行政复议案件统计",
    ),
    (
        "natural_person",
        11,
        5,
        6,
        Outcome::NotProcessedRepeated,
        "示例区城市更新项目征收补偿方案",
    ),
];

async fn seed_last_year(app: &App, actor: &Actor) -> Result<()> {
    use chrono::Datelike;
    let year = today().year() - 1;
    for (applicant, month, day, days, outcome, asked) in LAST_YEAR {
        let Some(received) = NaiveDate::from_ymd_opt(year, month, day) else {
            continue;
        };
        let id_number = match applicant {
            "natural_person" => "11010519491231002X",
            _ => "91350100M000100Y43",
        };
        let mut form = input("演示申请人", id_number, asked);
        form.applicant_type = applicant.to_string();
        let submitted = record_as(app, actor.clone(), &form, Channel::Online, received).await?;
        let mut tx = app.store.begin(actor.clone()).await?;
        let replied = received + Days::new(days);
        let id = submitted.request.id;
        requests::reply(&mut tx, id, replied, outcome, outcome.legal_basis_zh()).await?;
        if outcome == Outcome::WithheldProcess {
            let kind = gongkai_domain::annual_report::CaseKind::Reconsideration;
            let case = requests::add_case(&mut tx, id, kind, replied + Days::new(20), "").await?;
            let upheld = gongkai_domain::annual_report::CaseResult::Upheld;
            let decided = Some(replied + Days::new(70));
            requests::decide_case(&mut tx, id, case.id, upheld, decided).await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// Generates `n` requests received over `years` (two calendar years), addressed at
/// random to the given agencies, with random applicants and, for most, a reply with a
/// random outcome some days later (possibly in the next year) and now and then a
/// reconsideration or suit: the load of the annual-report benchmark. The same seed
/// gives the same records. Written in transactions of a few thousand requests.
pub async fn generate(
    app: &App,
    actor: &Actor,
    agencies: &[gongkai_store::OrgId],
    n: u64,
    seed: u64,
    first_year: i32,
) -> Result<()> {
    use gongkai_domain::annual_report::{ApplicantType, CaseKind};
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};
    const BATCH: u64 = 5_000;
    let Some(start) = NaiveDate::from_ymd_opt(first_year, 1, 1) else {
        return Err(crate::Error::invalid("年度", "无效年度"));
    };
    if agencies.is_empty() {
        return Err(crate::Error::invalid("单位", "没有可以受理申请的单位"));
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let mut done = 0;
    while done < n {
        let mut tx = app.store.begin(actor.clone()).await?;
        for k in done..(done + BATCH).min(n) {
            let received = start + Days::new(rng.random_range(0..730));
            let fields = requests::RequestFields {
                org_id: agencies[rng.random_range(0..agencies.len())],
                applicant_type: ApplicantType::ALL[rng.random_range(0..ApplicantType::ALL.len())],
                applicant_name: format!("申请人{k}"),
                id_number: "11010519491231002X".to_string(),
                phone: "13800000000".to_string(),
                email: String::new(),
                address: String::new(),
                description: format!("基准测试申请第{k}号"),
                doc_reference: String::new(),
                purpose: String::new(),
                preferred_form: String::new(),
                delivery: String::new(),
                channel: Channel::Online,
                receipt_evidence: String::new(),
                received_on: received,
            };
            let hash = format!("bench-{seed}-{k}");
            let request =
                requests::create(&mut tx, &fields, &hash, |y, i| format!("{y}-{i}")).await?;
            if rng.random_bool(0.85) {
                let on = received + Days::new(rng.random_range(1..40));
                let outcome = Outcome::ALL[rng.random_range(0..Outcome::ALL.len())];
                requests::reply(&mut tx, request.id, on, outcome, outcome.legal_basis_zh()).await?;
                if rng.random_bool(0.02) {
                    let kind = CaseKind::ALL[rng.random_range(0..CaseKind::ALL.len())];
                    let filed = on + Days::new(rng.random_range(1..60));
                    requests::add_case(&mut tx, request.id, kind, filed, "").await?;
                }
            }
        }
        tx.commit().await?;
        done = (done + BATCH).min(n);
    }
    Ok(())
}
