//! The lifecycle of stored documents: review steps, validity changes, cleanup,
//! relations and attachments, on SQLite and (when configured) on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chrono::NaiveDate;
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::lifecycle::{DocumentStatus, LifecycleStep};
use gongkai_domain::relation::RelationKind;
use gongkai_domain::validity::Validity;
use gongkai_store::attachments::{self, NewAttachment};
use gongkai_store::documents::{
    self, CleanupFilter, ConsoleFilter, Document, DocumentFields, EventStep,
};
use gongkai_store::{Actor, DocumentId, Error, outbox, relations};
use support::TestDb;

on_both_backends!(
    review_steps_follow_the_lifecycle_and_record_who_and_when,
    a_validity_change_records_date_reason_and_replacement,
    cleanup_lists_normative_documents_expiring_or_not_reviewed,
    relations_are_read_from_both_ends,
    attachments_keep_their_order_and_names,
    the_console_list_filters_by_scope_status_and_literal_text,
);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fields(title: &str) -> DocumentFields {
    DocumentFields {
        title: title.to_string(),
        doc_number: String::new(),
        doc_number_key: String::new(),
        issuer_id: None,
        issuer_name: "区政府办公室".to_string(),
        topic: "综合政务".to_string(),
        genre: "通知".to_string(),
        normative: true,
        validity: Validity::Valid,
        effective_on: None,
        expires_on: None,
        written_on: Some(day(2025, 3, 1)),
        published_on: None,
        disclosure: DisclosureAttribute::Proactive,
        interpretation_form: None,
        body_html: "<p>正文</p>".to_string(),
        body_text: "正文".to_string(),
    }
}

async fn create(
    db: &TestDb,
    number: &str,
    fields: &DocumentFields,
    status: DocumentStatus,
) -> Document {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let document = documents::create(&mut tx, number, fields, status, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    document
}

async fn step(
    db: &TestDb,
    id: DocumentId,
    step: LifecycleStep,
    note: &str,
) -> Result<Document, Error> {
    let mut tx = db.store.begin(Actor::system("reviewer")).await.unwrap();
    let done = documents::step(&mut tx, id, step, note, day(2025, 3, 5)).await?;
    tx.commit().await.unwrap();
    Ok(done)
}

async fn review_steps_follow_the_lifecycle_and_record_who_and_when(db: TestDb) {
    let draft = create(&db, "x/2025-00001", &fields("草稿"), DocumentStatus::Draft).await;
    assert!(matches!(
        step(&db, draft.id, LifecycleStep::Publish, "").await,
        Err(Error::Refused(message)) if message.contains("草稿")
    ));
    let submitted = step(&db, draft.id, LifecycleStep::Submit, "")
        .await
        .unwrap();
    assert_eq!(submitted.status, DocumentStatus::InReview);
    let returned = step(&db, draft.id, LifecycleStep::Return, "请补充解读")
        .await
        .unwrap();
    assert_eq!(returned.status, DocumentStatus::Draft);
    step(&db, draft.id, LifecycleStep::Submit, "")
        .await
        .unwrap();
    let before = outbox::after(&db.store, 0, 100).await.unwrap().len();
    let published = step(&db, draft.id, LifecycleStep::Publish, "")
        .await
        .unwrap();
    assert_eq!(published.status, DocumentStatus::Published);
    assert_eq!(
        published.fields.published_on,
        Some(day(2025, 3, 5)),
        "today when unset"
    );
    assert!(published.published_at.is_some());
    assert_eq!(
        outbox::after(&db.store, 0, 100).await.unwrap().len(),
        before + 1
    );

    let history = documents::events(&db.store, draft.id).await.unwrap();
    let steps: Vec<(EventStep, &str)> = history.iter().map(|e| (e.step, e.note.as_str())).collect();
    assert_eq!(
        steps,
        [
            (EventStep::Lifecycle(LifecycleStep::Submit), ""),
            (EventStep::Lifecycle(LifecycleStep::Return), "请补充解读"),
            (EventStep::Lifecycle(LifecycleStep::Submit), ""),
            (EventStep::Lifecycle(LifecycleStep::Publish), ""),
        ]
    );
    assert!(history.iter().all(|e| e.actor_name == "system:reviewer"));

    let mut dated = fields("已定发布日期");
    dated.published_on = Some(day(2025, 2, 28));
    let dated = create(&db, "x/2025-00002", &dated, DocumentStatus::InReview).await;
    let published = step(&db, dated.id, LifecycleStep::Publish, "")
        .await
        .unwrap();
    assert_eq!(
        published.fields.published_on,
        Some(day(2025, 2, 28)),
        "kept when set"
    );
}

async fn a_validity_change_records_date_reason_and_replacement(db: TestDb) {
    let old = create(
        &db,
        "x/2020-00001",
        &fields("旧办法"),
        DocumentStatus::Published,
    )
    .await;
    let new = create(
        &db,
        "x/2025-00001",
        &fields("新办法"),
        DocumentStatus::Published,
    )
    .await;
    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    let changed = documents::change_validity(
        &mut tx,
        old.id,
        Validity::Repealed,
        day(2025, 4, 1),
        "被新办法替代",
        Some(new.id),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(changed.fields.validity, Validity::Repealed);
    let change = changed.validity_change.unwrap();
    assert_eq!(change.on, day(2025, 4, 1));
    assert_eq!(change.reason, "被新办法替代");
    assert_eq!(change.replaced_by, Some(new.id));
    assert_eq!(changed.last_reviewed_on, Some(day(2025, 4, 1)));
    let history = documents::events(&db.store, old.id).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].step, EventStep::Validity);
    assert_eq!(history[0].note, "废止：被新办法替代");
}

async fn cleanup_lists_normative_documents_expiring_or_not_reviewed(db: TestDb) {
    let mut expiring = fields("即将到期");
    expiring.expires_on = Some(day(2025, 6, 30));
    let expiring = create(&db, "x/2025-00001", &expiring, DocumentStatus::Published).await;
    let mut later = fields("远期到期");
    later.expires_on = Some(day(2030, 6, 30));
    let later = create(&db, "x/2025-00002", &later, DocumentStatus::Published).await;
    let mut not_normative = fields("一般文件");
    not_normative.normative = false;
    create(
        &db,
        "x/2025-00003",
        &not_normative,
        DocumentStatus::Published,
    )
    .await;
    create(&db, "x/2025-00004", &fields("草稿"), DocumentStatus::Draft).await;

    let filter = CleanupFilter {
        issuers: None,
        expiring_by: day(2025, 7, 31),
        reviewed_since: day(2025, 1, 1),
    };
    let (found, total) = documents::cleanup_candidates(&db.store, &filter, 50)
        .await
        .unwrap();
    let ids: Vec<DocumentId> = found.iter().map(|d| d.id).collect();
    assert_eq!(
        ids,
        [expiring.id, later.id],
        "soonest expiry first; never reviewed"
    );
    assert_eq!(total, 2);

    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    documents::mark_reviewed(&mut tx, later.id, day(2025, 5, 1), "继续有效")
        .await
        .unwrap();
    documents::mark_reviewed(&mut tx, expiring.id, day(2025, 5, 1), "继续有效")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let (found, _) = documents::cleanup_candidates(&db.store, &filter, 50)
        .await
        .unwrap();
    let ids: Vec<DocumentId> = found.iter().map(|d| d.id).collect();
    assert_eq!(
        ids,
        [expiring.id],
        "reviewed this year, but its period ends soon"
    );
}

async fn relations_are_read_from_both_ends(db: TestDb) {
    let policy = create(
        &db,
        "x/2025-00001",
        &fields("办法"),
        DocumentStatus::Published,
    )
    .await;
    let mut reading = fields("《办法》解读");
    reading.genre = "解读".to_string();
    reading.normative = false;
    let reading = create(&db, "x/2025-00002", &reading, DocumentStatus::Published).await;
    let mut tx = db.store.begin(Actor::system("editor")).await.unwrap();
    relations::add(&mut tx, reading.id, policy.id, RelationKind::Interprets)
        .await
        .unwrap();
    assert!(matches!(
        relations::add(&mut tx, reading.id, reading.id, RelationKind::Interprets).await,
        Err(Error::Refused(_))
    ));
    tx.commit().await.unwrap();
    let mut tx = db.store.begin(Actor::system("editor")).await.unwrap();
    assert!(matches!(
        relations::add(&mut tx, reading.id, policy.id, RelationKind::Interprets).await,
        Err(Error::Duplicate { .. })
    ));
    drop(tx);

    let of_policy = relations::of(&db.store, policy.id).await.unwrap();
    assert!(of_policy.outgoing.is_empty());
    assert_eq!(of_policy.incoming.len(), 1);
    assert_eq!(of_policy.incoming[0].kind, RelationKind::Interprets);
    assert_eq!(of_policy.incoming[0].other.id, reading.id);
    let of_reading = relations::of(&db.store, reading.id).await.unwrap();
    assert_eq!(of_reading.outgoing[0].other.title, "办法");

    let pairs = relations::normative_with_interpretations(&db.store)
        .await
        .unwrap();
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0].0.id, policy.id);
    assert_eq!(
        pairs[0].1.iter().map(|r| r.id).collect::<Vec<_>>(),
        [reading.id]
    );

    let mut tx = db.store.begin(Actor::system("editor")).await.unwrap();
    relations::remove(&mut tx, reading.id, policy.id, RelationKind::Interprets)
        .await
        .unwrap();
    assert!(matches!(
        relations::remove(&mut tx, reading.id, policy.id, RelationKind::Interprets).await,
        Err(Error::NotFound { .. })
    ));
    tx.commit().await.unwrap();
    assert!(
        relations::of(&db.store, policy.id)
            .await
            .unwrap()
            .incoming
            .is_empty()
    );
}

async fn attachments_keep_their_order_and_names(db: TestDb) {
    let document = create(&db, "x/2025-00001", &fields("附件"), DocumentStatus::Draft).await;
    let file = |name: &str, sha: &str| NewAttachment {
        sha256: sha.to_string(),
        file_name: name.to_string(),
        media_type: "application/pdf".to_string(),
        size_bytes: 10,
    };
    let mut tx = db.store.begin(Actor::system("editor")).await.unwrap();
    let first = attachments::add(&mut tx, document.id, &file("实施细则.pdf", "aa"))
        .await
        .unwrap();
    let second = attachments::add(&mut tx, document.id, &file("附表 1.pdf", "aa"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let listed = attachments::of(&db.store, document.id).await.unwrap();
    assert_eq!(listed, [first.clone(), second.clone()]);
    assert_eq!(
        attachments::get(&db.store, document.id, second.id)
            .await
            .unwrap()
            .file_name,
        "附表 1.pdf"
    );
    assert!(
        attachments::get(&db.store, DocumentId(document.id.0 + 1), second.id)
            .await
            .is_err()
    );

    let mut tx = db.store.begin(Actor::system("editor")).await.unwrap();
    attachments::remove(&mut tx, document.id, first.id)
        .await
        .unwrap();
    assert!(
        attachments::remove(&mut tx, document.id, first.id)
            .await
            .is_err()
    );
    tx.commit().await.unwrap();
    assert_eq!(
        attachments::of(&db.store, document.id).await.unwrap(),
        [second]
    );
}

async fn the_console_list_filters_by_scope_status_and_literal_text(db: TestDb) {
    create(
        &db,
        "x/2025-00001",
        &fields("100%完成的通知"),
        DocumentStatus::Draft,
    )
    .await;
    let other = create(
        &db,
        "x/2025-00002",
        &fields("1000项完成的通知"),
        DocumentStatus::Published,
    )
    .await;
    let text = |t: &str| ConsoleFilter {
        text: Some(t.to_string()),
        ..ConsoleFilter::default()
    };
    let (found, total) = documents::list_console(&db.store, &text("100%"), 10, 0)
        .await
        .unwrap();
    assert_eq!((found.len(), total), (1, 1), "% is taken literally");
    let (_, total) = documents::list_console(&db.store, &text("完成"), 10, 0)
        .await
        .unwrap();
    assert_eq!(total, 2);
    let published = ConsoleFilter {
        status: Some(DocumentStatus::Published),
        ..ConsoleFilter::default()
    };
    let (found, _) = documents::list_console(&db.store, &published, 10, 0)
        .await
        .unwrap();
    assert_eq!(found.iter().map(|d| d.id).collect::<Vec<_>>(), [other.id]);
    let nobody = ConsoleFilter {
        issuers: Some(Vec::new()),
        ..ConsoleFilter::default()
    };
    let (_, total) = documents::list_console(&db.store, &nobody, 10, 0)
        .await
        .unwrap();
    assert_eq!(total, 0);
}
