//! What the annual report reads and writes, on SQLite and (when configured) on
//! PostgreSQL: the office's entries replaced per unit and year, the lean readings of
//! requests, cases and rule-making documents, and publication replaced on republishing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chrono::NaiveDate;
use gongkai_domain::annual_report::proactive::EnteredFigures;
use gongkai_domain::annual_report::{ApplicantType, CaseKind, CaseResult, Outcome};
use gongkai_domain::org::OrgKind;
use gongkai_domain::request::Channel;
use gongkai_store::annual_reports::{self, ReportInputs};
use gongkai_store::orgs::{self, OrgFields};
use gongkai_store::requests::{self, RequestFields};
use gongkai_store::{Actor, OrgId};
use support::TestDb;

on_both_backends!(entries_records_and_publications_round_trip);

fn day(s: &str) -> NaiveDate {
    gongkai_domain::calendar::parse_date(s).unwrap()
}

fn fields(org: OrgId, received: &str) -> RequestFields {
    RequestFields {
        org_id: org,
        applicant_type: ApplicantType::Research,
        applicant_name: "某研究院".to_string(),
        id_number: "91350100M000100Y43".to_string(),
        phone: String::new(),
        email: "a@example.com".to_string(),
        address: String::new(),
        description: "统计数据".to_string(),
        doc_reference: String::new(),
        purpose: String::new(),
        preferred_form: String::new(),
        delivery: String::new(),
        channel: Channel::Online,
        receipt_evidence: String::new(),
        received_on: day(received),
    }
}

async fn entries_records_and_publications_round_trip(db: TestDb) {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let org = orgs::create(
        &mut tx,
        &OrgFields::new("某区人民政府", OrgKind::Government, None),
    )
    .await
    .unwrap()
    .id;
    for figures in [1, 2] {
        let inputs = ReportInputs {
            figures: EnteredFigures {
                licensing: figures,
                penalty: 0,
                enforcement: 0,
                fees_yuan: 12_345,
            },
            overview: format!("第{figures}稿"),
            ..ReportInputs::default()
        };
        annual_reports::save_inputs(&mut tx, org, 2025, &inputs)
            .await
            .unwrap();
    }
    let replied = requests::create(&mut tx, &fields(org, "2025-03-01"), "h1", |y, n| {
        format!("{y}-{n}")
    })
    .await
    .unwrap();
    requests::reply(
        &mut tx,
        replied.id,
        day("2025-03-20"),
        Outcome::Disclosed,
        "第三十六条",
    )
    .await
    .unwrap();
    requests::create(&mut tx, &fields(org, "2026-01-05"), "h2", |y, n| {
        format!("{y}-{n}")
    })
    .await
    .unwrap();
    let case = requests::add_case(
        &mut tx,
        replied.id,
        CaseKind::DirectSuit,
        day("2025-05-01"),
        "",
    )
    .await
    .unwrap();
    requests::decide_case(
        &mut tx,
        replied.id,
        case.id,
        CaseResult::Other,
        Some(day("2025-09-01")),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let inputs = annual_reports::inputs_of_year(&db.store, 2025)
        .await
        .unwrap();
    assert_eq!(inputs.len(), 1, "saved twice, kept once");
    assert_eq!(inputs[&org].figures.licensing, 2);
    assert_eq!(inputs[&org].figures.fees_yuan, 12_345);
    assert_eq!(inputs[&org].overview, "第2稿");
    assert!(
        annual_reports::inputs_of_year(&db.store, 2024)
            .await
            .unwrap()
            .is_empty()
    );

    let records = annual_reports::request_records(&db.store, day("2025-12-31"))
        .await
        .unwrap();
    assert_eq!(records.len(), 1, "the 2026 request is after the year");
    assert_eq!(records[0].applicant, ApplicantType::Research);
    assert_eq!(
        records[0].reply,
        Some((day("2025-03-20"), Outcome::Disclosed))
    );
    let cases = annual_reports::case_records(&db.store, day("2025-01-01"), day("2025-12-31"))
        .await
        .unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!((cases[0].org_id, cases[0].result), (org, CaseResult::Other));
    assert!(
        annual_reports::rule_records(&db.store)
            .await
            .unwrap()
            .is_empty()
    );

    for title in ["初稿", "更正稿"] {
        let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
        annual_reports::publish(&mut tx, org, 2025, title, "{\"year\":2025}", "<p>报告</p>")
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    let listed = annual_reports::published_list(&db.store).await.unwrap();
    assert_eq!(listed.len(), 1, "republishing replaces");
    assert_eq!(listed[0].title, "更正稿");
    let (published, json, html) = annual_reports::published(&db.store, org, 2025)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (published.year, json.as_str(), html.as_str()),
        (2025, "{\"year\":2025}", "<p>报告</p>")
    );
    assert!(
        annual_reports::published(&db.store, org, 2024)
            .await
            .unwrap()
            .is_none()
    );
}
