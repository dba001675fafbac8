//! The annual report computed from stored records: requests of a government and its
//! units over two years, cases, rule-making documents and the office's entries; each
//! table is checked against counts made independently here, for one unit and for the
//! government with its units.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "annual_report/fixtures.rs"]
mod fixtures;

use fixtures::{Case, admin, app_with_units, day, document_xml, operator, rule, store_request};
use gongkai_app::annual_report::{self, InputsForm};
use gongkai_domain::annual_report::{ApplicantType, CaseKind, CaseResult, Outcome};
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::validity::Validity;
use gongkai_store::documents::{self};
use gongkai_store::requests::{self};

#[tokio::test]
async fn the_report_counts_the_records_of_a_unit_or_of_a_government_with_its_units() {
    let dir = tempfile::tempdir().unwrap();
    let (app, government, education) = app_with_units(dir.path()).await;
    use ApplicantType::*;
    let cases = [
        // Received 2024, replied 2024: counted in 2024 only.
        Case {
            org: government,
            applicant: NaturalPerson,
            received: "2024-03-04",
            reply: Some(("2024-03-20", Outcome::Disclosed)),
        },
        // Received 2024, replied 2025: carried into 2025 and handled there.
        Case {
            org: government,
            applicant: Commercial,
            received: "2024-12-20",
            reply: Some(("2025-01-10", Outcome::WithheldThirdParty)),
        },
        // Received 2024, never replied: carried over and carried forward.
        Case {
            org: government,
            applicant: NaturalPerson,
            received: "2024-12-30",
            reply: None,
        },
        // Received and replied 2025.
        Case {
            org: government,
            applicant: NaturalPerson,
            received: "2025-02-10",
            reply: Some(("2025-02-20", Outcome::OtherUnpaidFee)),
        },
        Case {
            org: government,
            applicant: LegalService,
            received: "2025-05-06",
            reply: Some(("2025-05-30", Outcome::PartlyDisclosed)),
        },
        // Received 2025, replied 2026: carried forward from 2025.
        Case {
            org: government,
            applicant: Research,
            received: "2025-12-29",
            reply: Some(("2026-01-05", Outcome::Disclosed)),
        },
        // The unit's requests.
        Case {
            org: education,
            applicant: NaturalPerson,
            received: "2025-04-01",
            reply: Some(("2025-04-15", Outcome::UnavailableNotHeld)),
        },
        Case {
            org: education,
            applicant: PublicInterest,
            received: "2025-06-01",
            reply: None,
        },
    ];
    let mut ids = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        ids.push(store_request(&app, case, n).await);
    }
    // Cases: a reconsideration filed and decided in 2025, a suit filed in 2025 and
    // decided in 2026 (pending at the end of 2025), one filed in 2024 (not counted).
    let mut tx = app.store.begin(operator()).await.unwrap();
    let upheld = requests::add_case(
        &mut tx,
        ids[1],
        CaseKind::Reconsideration,
        day("2025-02-01"),
        "",
    )
    .await
    .unwrap();
    requests::decide_case(
        &mut tx,
        ids[1],
        upheld.id,
        CaseResult::Upheld,
        Some(day("2025-03-30")),
    )
    .await
    .unwrap();
    let late = requests::add_case(&mut tx, ids[3], CaseKind::DirectSuit, day("2025-03-01"), "")
        .await
        .unwrap();
    requests::decide_case(
        &mut tx,
        ids[3],
        late.id,
        CaseResult::Corrected,
        Some(day("2026-02-01")),
    )
    .await
    .unwrap();
    requests::add_case(
        &mut tx,
        ids[0],
        CaseKind::Reconsideration,
        day("2024-04-01"),
        "",
    )
    .await
    .unwrap();
    // Rule-making documents: a 规章 (令) in force, a normative document made in 2025, one
    // made in 2023 and repealed in 2025, the unit's own made in 2025, and a draft.
    let rules = [
        (
            "A-1",
            "某办法",
            government,
            "令",
            "2022-05-01",
            DocumentStatus::Published,
        ),
        (
            "A-2",
            "某规定",
            government,
            "通知",
            "2025-03-01",
            DocumentStatus::Published,
        ),
        (
            "A-3",
            "某旧规定",
            government,
            "通知",
            "2023-03-01",
            DocumentStatus::Published,
        ),
        (
            "B-1",
            "教育局规定",
            education,
            "通知",
            "2025-09-01",
            DocumentStatus::Published,
        ),
        (
            "B-2",
            "草稿",
            education,
            "通知",
            "2025-09-01",
            DocumentStatus::Draft,
        ),
    ];
    let mut stored = Vec::new();
    for (index, title, issuer, genre, written, status) in rules {
        let fields = rule(title, issuer, genre, written);
        let document = documents::create(&mut tx, index, &fields, status, None)
            .await
            .unwrap();
        stored.push(document.id);
    }
    documents::change_validity(
        &mut tx,
        stored[2],
        Validity::Repealed,
        day("2025-08-01"),
        "已废止",
        None,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    // The office's entries: each unit's own figures; the government writes its texts.
    let admin = admin(&app).await;
    let entries = [
        (government, "3", "1.5", "总体情况。\n第二段。"),
        (education, "4", "0.25", ""),
    ];
    for (org, licensing, fees, overview) in entries {
        let form = InputsForm {
            licensing: licensing.to_string(),
            fees: fees.to_string(),
            overview: overview.to_string(),
            ..InputsForm::default()
        };
        annual_report::save_inputs(&app, &admin, org, 2025, &form)
            .await
            .unwrap();
    }

    let own = annual_report::compute(&app, government, 2025, false)
        .await
        .unwrap();
    assert!(own.consistent(), "{:?}", own.identities);
    let t = &own.requests;
    assert_eq!((t.received.total, t.carried_over.total), (3, 2));
    assert_eq!((t.handled.total, t.carried_forward.total), (3, 2));
    assert_eq!(t.carried_over.commercial, 1);
    assert_eq!(t.received.legal_service, 1);
    let count = |outcome: Outcome| {
        t.outcomes
            .iter()
            .find(|(o, _)| *o == outcome)
            .unwrap()
            .1
            .total
    };
    assert_eq!(count(Outcome::WithheldThirdParty), 1);
    assert_eq!(count(Outcome::OtherUnpaidFee), 1);
    assert_eq!(count(Outcome::Disclosed), 0, "the 2026 reply is not 2025's");
    assert_eq!(own.cases.reconsideration.upheld, 1);
    assert_eq!(
        own.cases.reconsideration.total, 1,
        "the 2024 case is not 2025's"
    );
    assert_eq!(
        own.cases.direct_suit.pending, 1,
        "decided after the year's end"
    );
    assert_eq!(own.proactive.regulations.in_force, 1);
    assert_eq!(own.proactive.normative.made, 1);
    assert_eq!(own.proactive.normative.repealed, 1);
    assert_eq!(own.proactive.normative.in_force, 1);
    assert_eq!(own.proactive.entered.licensing, 3);
    assert_eq!(own.proactive.entered.fees_yuan, 15_000);
    assert_eq!(own.inputs.overview, "总体情况。\n第二段。");

    let last_year = annual_report::compute(&app, government, 2024, false)
        .await
        .unwrap();
    assert_eq!(
        last_year.requests.carried_forward,
        own.requests.carried_over
    );

    let all = annual_report::compute(&app, government, 2025, true)
        .await
        .unwrap();
    assert!(all.consistent());
    assert_eq!(all.units.len(), 1);
    assert_eq!(all.requests.received.total, 5);
    assert_eq!(all.requests.received.public_interest, 1);
    assert_eq!(all.requests.carried_forward.total, 3);
    assert_eq!(all.proactive.normative.made, 2, "the draft is not counted");
    assert_eq!(all.proactive.entered.licensing, 7);
    assert_eq!(all.proactive.entered.fees_yuan, 17_500);
    assert_eq!(
        all.inputs.overview, own.inputs.overview,
        "texts are the government's"
    );

    let json = serde_json::to_value(annual_report::to_json(&all)).unwrap();
    assert_eq!(json["schema"], "gongkai/annual-report/1");
    assert_eq!(json["section2_proactive"]["fees_wan_yuan"], "1.75");
    assert_eq!(json["section3_requests"]["received"]["total"], 5);
    assert_eq!(
        json["section3_requests"]["outcomes"][0]["outcome"],
        "disclosed"
    );
    assert_eq!(json["section4_cases"]["direct_suit"]["pending"], 1);
    assert_eq!(json["consistent"], true);

    let docx = annual_report::to_docx(&all).unwrap();
    let xml = document_xml(&docx);
    assert!(xml.contains("三、收到和处理政府信息公开申请情况"));
    assert!(xml.contains("总体情况。"));
    let xlsx = annual_report::to_xlsx(&all).unwrap();
    assert!(xlsx.starts_with(b"PK"));
}

#[tokio::test]
async fn wrong_entries_are_refused_field_by_field_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (app, government, _) = app_with_units(dir.path()).await;
    let admin = admin(&app).await;
    let form = InputsForm {
        licensing: "-1".to_string(),
        fees: "1.23456".to_string(),
        overview: "写了".to_string(),
        ..InputsForm::default()
    };
    let err = annual_report::save_inputs(&app, &admin, government, 2025, &form)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("行政许可处理决定数量"), "{err}");
    assert!(err.contains("行政事业性收费金额"), "{err}");
    let stored = annual_report::compute(&app, government, 2025, false)
        .await
        .unwrap()
        .inputs;
    assert_eq!(stored.overview, "");
    let future = annual_report::compute(&app, government, 2999, false).await;
    assert!(future.unwrap_err().to_string().contains("年度"));
}
