//! Disclosure requests as stored: serials per year, tracking by code hash, events, a
//! single reply, and no personal information in the audit log; on SQLite and (when
//! configured) on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chrono::NaiveDate;
use gongkai_domain::annual_report::{ApplicantType, CaseKind, CaseResult, Outcome};
use gongkai_domain::org::OrgKind;
use gongkai_domain::request::{Channel, format_serial};
use gongkai_store::orgs::{self, OrgFields};
use gongkai_store::requests::{self, EventKind, NewEvent, RequestFields};
use gongkai_store::{Actor, Error};
use support::TestDb;

on_both_backends!(
    serials_count_per_year_and_the_tracking_hash_finds_the_request,
    events_append_and_a_request_is_replied_to_once,
    cases_are_filed_pending_and_decided_later,
    handling_events_files_and_the_monthly_rank_round_trip,
);

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

async fn fields(db: &TestDb, received: &str) -> RequestFields {
    let org = match orgs::find_by_name(&db.store, "某区人民政府").await.unwrap() {
        Some(org) => org.id,
        None => {
            let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
            let fields = OrgFields::new("某区人民政府", OrgKind::Government, None);
            let id = orgs::create(&mut tx, &fields).await.unwrap().id;
            tx.commit().await.unwrap();
            id
        }
    };
    RequestFields {
        org_id: org,
        applicant_type: ApplicantType::NaturalPerson,
        applicant_name: "张三".to_string(),
        id_number: "11010519491231002X".to_string(),
        phone: "13800000000".to_string(),
        email: String::new(),
        address: String::new(),
        description: "2024年某街道改造项目的审批文件".to_string(),
        doc_reference: String::new(),
        purpose: String::new(),
        preferred_form: "电子文本".to_string(),
        delivery: "电子邮件".to_string(),
        channel: Channel::Online,
        receipt_evidence: String::new(),
        received_on: day(received),
    }
}

async fn create(db: &TestDb, received: &str, hash: &str) -> requests::Request {
    let fields = fields(db, received).await;
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let serial = |year, n| format_serial("〔{year}〕第{seq:4}号", year, n).unwrap();
    let request = requests::create(&mut tx, &fields, hash, serial)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    request
}

async fn serials_count_per_year_and_the_tracking_hash_finds_the_request(db: TestDb) {
    let first = create(&db, "2025-12-30", "h1").await;
    let second = create(&db, "2025-12-31", "h2").await;
    let next_year = create(&db, "2026-01-02", "h3").await;
    assert_eq!(first.serial, "〔2025〕第0001号");
    assert_eq!(second.serial, "〔2025〕第0002号");
    assert_eq!(next_year.serial, "〔2026〕第0001号");
    let found = requests::find_by_tracking_hash(&db.store, "h2")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, second.id);
    assert_eq!(found.fields, fields(&db, "2025-12-31").await);
    assert!(
        requests::find_by_tracking_hash(&db.store, "nope")
            .await
            .unwrap()
            .is_none()
    );
    let listed = requests::list(&db.store).await.unwrap();
    assert_eq!(
        listed.first().map(|r| r.id),
        Some(next_year.id),
        "newest receipt first"
    );
}

async fn events_append_and_a_request_is_replied_to_once(db: TestDb) {
    let request = create(&db, "2025-01-24", "h").await;
    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    let stop = NewEvent {
        until: Some(day("2025-02-20")),
        note: "征求第三方意见".to_string(),
        ..NewEvent::on(EventKind::Stop, day("2025-02-12"))
    };
    requests::add_event(&mut tx, request.id, &stop)
        .await
        .unwrap();
    requests::reply(
        &mut tx,
        request.id,
        day("2025-03-01"),
        Outcome::Disclosed,
        "条例第三十六条",
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    let again = requests::reply(
        &mut tx,
        request.id,
        day("2025-03-02"),
        Outcome::OtherElse,
        "x",
    )
    .await;
    assert!(matches!(again, Err(Error::Refused(_))));
    drop(tx);

    let events = requests::events(&db.store, request.id).await.unwrap();
    let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::Stop, EventKind::Reply]);
    let all = requests::all_events(&db.store).await.unwrap();
    assert_eq!(
        all[&request.id], events,
        "the list's single query reads the same record"
    );
    assert_eq!(events[0].until, Some(day("2025-02-20")));
    let stored = requests::get(&db.store, request.id).await.unwrap();
    assert_eq!(stored.reply, Some((day("2025-03-01"), Outcome::Disclosed)));

    // The audit log names the request by serial, never the applicant's identity.
    let filter = gongkai_store::audit::AuditFilter {
        entity_type: Some("request".to_string()),
        ..Default::default()
    };
    let page = gongkai_store::audit::list(&db.store, &filter, 100, 0)
        .await
        .unwrap();
    assert_eq!(page.total, 3, "created, stop, reply");
    for entry in page.entries {
        let text = format!("{:?}{:?}", entry.before_json, entry.after_json);
        assert!(
            !text.contains("11010519491231002X") && !text.contains("13800000000"),
            "{text}"
        );
        assert!(!text.contains("张三"), "{text}");
    }
}

async fn cases_are_filed_pending_and_decided_later(db: TestDb) {
    let request = create(&db, "2025-01-24", "h").await;
    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    let case = requests::add_case(
        &mut tx,
        request.id,
        CaseKind::Reconsideration,
        day("2025-03-10"),
        "申请人不服答复",
    )
    .await
    .unwrap();
    requests::add_case(
        &mut tx,
        request.id,
        CaseKind::DirectSuit,
        day("2025-04-01"),
        "",
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(case.result, CaseResult::Pending);
    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    requests::decide_case(
        &mut tx,
        request.id,
        case.id,
        CaseResult::Upheld,
        Some(day("2025-05-06")),
    )
    .await
    .unwrap();
    let missing =
        requests::decide_case(&mut tx, request.id, case.id + 100, CaseResult::Other, None).await;
    assert!(matches!(missing, Err(Error::NotFound { .. })));
    tx.commit().await.unwrap();
    let cases = requests::cases_of(&db.store, request.id).await.unwrap();
    let summary: Vec<(CaseKind, CaseResult)> = cases.iter().map(|c| (c.kind, c.result)).collect();
    assert_eq!(
        summary,
        [
            (CaseKind::Reconsideration, CaseResult::Upheld),
            (CaseKind::DirectSuit, CaseResult::Pending)
        ]
    );
    assert_eq!(cases[0].decided_on, Some(day("2025-05-06")));
    assert_eq!(
        requests::all_cases(&db.store).await.unwrap()[&request.id],
        cases
    );
}

async fn handling_events_files_and_the_monthly_rank_round_trip(db: TestDb) {
    let mut ids = Vec::new();
    for (n, received) in ["2025-03-03", "2025-03-20", "2025-04-01"]
        .into_iter()
        .enumerate()
    {
        ids.push(create(&db, received, &format!("rank-{n}")).await.id);
    }
    let template = fields(&db, "2025-03-03").await;
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let unit = orgs::create(
        &mut tx,
        &OrgFields::new("某区司法局", OrgKind::Department, Some(template.org_id)),
    )
    .await
    .unwrap()
    .id;
    let assign = NewEvent {
        org_id: Some(unit),
        ..NewEvent::on(EventKind::Assign, day("2025-03-04"))
    };
    requests::add_event(&mut tx, ids[0], &assign).await.unwrap();
    let notice = NewEvent {
        amount: Some(4700),
        until: Some(day("2025-04-03")),
        ..NewEvent::on(EventKind::FeeNotice, day("2025-03-05"))
    };
    requests::add_event(&mut tx, ids[0], &notice).await.unwrap();
    let file = gongkai_store::attachments::NewAttachment {
        sha256: "ab".repeat(32),
        file_name: "回执.pdf".to_string(),
        media_type: "application/pdf".to_string(),
        size_bytes: 10,
    };
    requests::add_file(&mut tx, ids[0], &file, "送达回执", day("2025-03-06"))
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let request = requests::get(&db.store, ids[0]).await.unwrap();
    assert_eq!(request.handling_org, Some(unit), "the assignment moves it");
    let events = requests::events(&db.store, ids[0]).await.unwrap();
    assert_eq!(events[0].org_id, Some(unit));
    assert_eq!(events[1].amount, Some(4700));
    assert_eq!(events[2].kind, EventKind::Note);
    assert_eq!(events[2].note, "附件：回执.pdf（送达回执）");
    let files = requests::files(&db.store, ids[0]).await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].file, file);
    // 按件: the place among the same applicant's requests of the calendar month.
    let id_number = template.id_number.as_str();
    let rank = |id, on| requests::rank_in_month(&db.store, id_number, day(on), id);
    assert_eq!(rank(ids[0], "2025-03-03").await.unwrap(), 1);
    assert_eq!(rank(ids[1], "2025-03-20").await.unwrap(), 2);
    assert_eq!(rank(ids[2], "2025-04-01").await.unwrap(), 1, "a new month");
}
