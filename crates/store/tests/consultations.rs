//! Consultations as stored: opened with their materials, extended and closed with
//! events, comments disposed of one by one or as a group, the 采纳情况 published, the
//! final document found from both ends; no comment text, name or contact in the audit
//! log; on SQLite and (when configured) on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chrono::NaiveDate;
use gongkai_domain::consultation::{Disposition, DraftKind};
use gongkai_domain::org::OrgKind;
use gongkai_store::attachments::NewAttachment;
use gongkai_store::audit::{self, AuditFilter};
use gongkai_store::consultations::{self, ConsultationFields, EventKind, NewComment};
use gongkai_store::orgs::{self, OrgFields};
use gongkai_store::{Actor, DocumentId, Error};
use support::{TestDb, published_document};

on_both_backends!(
    a_consultation_is_extended_closed_and_published_with_its_events,
    comments_are_disposed_of_alone_or_as_a_group_and_stay_out_of_the_log,
    a_consultation_is_found_from_its_final_document_and_keeps_its_files,
);

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

async fn open(db: &TestDb) -> consultations::Consultation {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let org = orgs::create(
        &mut tx,
        &OrgFields::new("某区司法局", OrgKind::Department, None),
    )
    .await
    .unwrap();
    let fields = ConsultationFields {
        org_id: org.id,
        title: "某区养犬管理办法（征求意见稿）".to_string(),
        kind: DraftKind::Normative,
        market_related: false,
        draft_html: "<p>第一条 为了规范养犬行为……</p>".to_string(),
        explanation_html: "<p>起草说明</p>".to_string(),
        draft_document: None,
        starts_on: day("2025-03-03"),
        ends_on: day("2025-03-12"),
        short_reason: String::new(),
    };
    let created = consultations::create(&mut tx, &fields).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(created.fields, fields);
    created
}

async fn a_consultation_is_extended_closed_and_published_with_its_events(db: TestDb) {
    let c = open(&db).await;
    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    consultations::extend(
        &mut tx,
        &c,
        day("2025-03-10"),
        day("2025-03-31"),
        "意见较多",
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let c = consultations::get(&db.store, c.id).await.unwrap();
    assert_eq!(c.fields.ends_on, day("2025-03-31"));
    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    consultations::close_early(&mut tx, &c, day("2025-03-20"), "决策事项调整")
        .await
        .unwrap();
    consultations::publish(&mut tx, &c, day("2025-03-25"), "共收到意见3条，采纳2条。")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let c = consultations::get(&db.store, c.id).await.unwrap();
    assert_eq!(c.closed_early_on, Some(day("2025-03-20")));
    assert_eq!(c.summary, "共收到意见3条，采纳2条。");
    assert!(c.published_at.is_some());
    let events = consultations::events(&db.store, c.id).await.unwrap();
    let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Extended,
            EventKind::ClosedEarly,
            EventKind::Published
        ]
    );
    assert_eq!(events[0].until, Some(day("2025-03-31")));
    assert_eq!(events[1].note, "决策事项调整");
    assert_eq!(events[1].actor_name, "system:office");
    let missing = consultations::get(&db.store, gongkai_store::ConsultationId(999)).await;
    assert!(matches!(missing, Err(Error::NotFound { .. })));
}

async fn comments_are_disposed_of_alone_or_as_a_group_and_stay_out_of_the_log(db: TestDb) {
    let c = open(&db).await;
    let mut tx = db.store.begin(Actor::system("公众")).await.unwrap();
    let mut ids = Vec::new();
    for body in [
        "建议明确犬只登记费用",
        "建议增加文明养犬宣传",
        "登记费用应当公开",
    ] {
        let comment = NewComment {
            name: "李四".to_string(),
            contact: "lisi@example.com".to_string(),
            body: body.to_string(),
        };
        ids.push(
            consultations::add_comment(&mut tx, c.id, &comment)
                .await
                .unwrap()
                .id,
        );
    }
    tx.commit().await.unwrap();

    let mut tx = db.store.begin(Actor::system("王五")).await.unwrap();
    let group = [ids[0], ids[2]];
    let n = consultations::dispose(
        &mut tx,
        c.id,
        &group,
        Disposition::PartlyAdopted,
        "费用标准另行公布",
    )
    .await
    .unwrap();
    assert_eq!(n, 2);
    consultations::dispose(&mut tx, c.id, &[ids[1]], Disposition::Adopted, "")
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let comments = consultations::comments(&db.store, c.id).await.unwrap();
    assert_eq!(comments.len(), 3);
    assert_eq!(comments[0].answer_group, Some(ids[0]));
    assert_eq!(comments[2].answer_group, Some(ids[0]));
    assert_eq!(comments[1].answer_group, None);
    assert_eq!(
        comments[2].disposition,
        Some((Disposition::PartlyAdopted, "费用标准另行公布".to_string()))
    );
    assert_eq!(comments[1].disposed_by, "system:王五");

    let mut tx = db.store.begin(Actor::system("王五")).await.unwrap();
    let other =
        consultations::dispose(&mut tx, c.id, &[ids[0], 12345], Disposition::Adopted, "").await;
    assert!(matches!(other, Err(Error::NotFound { .. })), "{other:?}");
    drop(tx);
    let unchanged = consultations::comments(&db.store, c.id).await.unwrap();
    assert_eq!(unchanged, comments, "a refused batch changes nothing");

    let page = audit::list(&db.store, &AuditFilter::default(), 1000, 0)
        .await
        .unwrap();
    assert!(!page.entries.is_empty());
    let log = serde_json::to_string(&page.entries).unwrap();
    for private in ["李四", "lisi@example.com", "犬只登记费用"] {
        assert!(!log.contains(private), "{private} reached the audit log");
    }
}

async fn a_consultation_is_found_from_its_final_document_and_keeps_its_files(db: TestDb) {
    let c = open(&db).await;
    let final_document = published_document(&db, "某区养犬管理办法", "x/2025-00001").await;
    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    consultations::set_final_document(&mut tx, &c, Some(final_document))
        .await
        .unwrap();
    let file = NewAttachment {
        sha256: "ab".repeat(32),
        file_name: "征求意见稿.docx".to_string(),
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            .to_string(),
        size_bytes: 1234,
    };
    consultations::add_file(&mut tx, c.id, &file).await.unwrap();
    tx.commit().await.unwrap();
    let found = consultations::for_document(&db.store, final_document)
        .await
        .unwrap();
    assert_eq!(found.iter().map(|f| f.id).collect::<Vec<_>>(), [c.id]);
    assert!(
        consultations::for_document(&db.store, DocumentId(final_document.0 + 1))
            .await
            .unwrap()
            .is_empty()
    );
    let files = consultations::files(&db.store, c.id).await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].file, file);
    let listed = consultations::list(&db.store).await.unwrap();
    assert_eq!(listed[0].final_document, Some(final_document));
}
