//! The policy library's storage, run on SQLite and (when configured) on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::validity::Validity;
use gongkai_store::audit::{self, AuditFilter};
use gongkai_store::documents;
use gongkai_store::{Actor, Error, outbox};
use support::{TestDb, document_fields};

on_both_backends!(
    a_document_is_stored_found_and_updated_with_audit_and_outbox_entries,
    index_number_serials_count_up_per_prefix_and_year,
    an_index_number_belongs_to_one_document,
);

async fn a_document_is_stored_found_and_updated_with_audit_and_outbox_entries(db: TestDb) {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let created = documents::create(
        &mut tx,
        "115000005567784755/2020-01891",
        &document_fields("关于印发任务分工的通知"),
        DocumentStatus::Published,
        Some("hash-1"),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(created.fields, document_fields("关于印发任务分工的通知"));
    assert!(created.published_at.is_some());
    let by_number = documents::find_by_index_number(&db.store, "115000005567784755/2020-01891")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(by_number.id, created.id);
    let by_hash = documents::find_by_source_hash(&db.store, "hash-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(by_hash.id, created.id);

    let mut changed = document_fields("关于印发任务分工的通知（修订）");
    changed.validity = Validity::Amended;
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    documents::update(&mut tx, created.id, &changed, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let stored = documents::get(&db.store, created.id).await.unwrap();
    assert_eq!(stored.fields, changed);
    assert_eq!(
        stored.source_hash.as_deref(),
        Some("hash-1"),
        "kept when not given"
    );
    assert_eq!(documents::count(&db.store).await.unwrap(), 1);
    assert_eq!(documents::list(&db.store, 10, 0).await.unwrap().len(), 1);

    let entries = outbox::after(&db.store, 0, 10).await.unwrap();
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e.document_id == created.id.0));
    assert!(entries[0].seq < entries[1].seq);
    assert_eq!(
        outbox::after(&db.store, entries[0].seq, 10)
            .await
            .unwrap()
            .len(),
        1
    );

    let filter = AuditFilter {
        entity_type: Some("document".into()),
        ..AuditFilter::default()
    };
    let log = audit::list(&db.store, &filter, 10, 0).await.unwrap();
    assert_eq!(log.total, 2);
    let update = &log.entries[0];
    assert!(update.after_json.as_deref().unwrap().contains("amended"));
    assert!(
        !update.after_json.as_deref().unwrap().contains("<p>"),
        "bodies stay out of the log"
    );
    assert_eq!(audit::verify(&db.store).await.unwrap().first_broken, None);
}

async fn index_number_serials_count_up_per_prefix_and_year(db: TestDb) {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let mut serials = Vec::new();
    for (prefix, year) in [
        ("A", 2024),
        ("A", 2024),
        ("A", 2025),
        ("B", 2024),
        ("A", 2024),
    ] {
        serials.push(
            documents::next_index_serial(&mut tx, prefix, year)
                .await
                .unwrap(),
        );
    }
    tx.commit().await.unwrap();
    assert_eq!(serials, [1, 2, 1, 1, 3]);
}

async fn an_index_number_belongs_to_one_document(db: TestDb) {
    let number = "115000005567784755/2020-01891";
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    documents::create(
        &mut tx,
        number,
        &document_fields("甲"),
        DocumentStatus::Draft,
        None,
    )
    .await
    .unwrap();
    assert!(
        documents::index_number_taken(&mut tx, number)
            .await
            .unwrap()
    );
    let err = documents::create(
        &mut tx,
        number,
        &document_fields("乙"),
        DocumentStatus::Draft,
        None,
    )
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Duplicate { .. }), "{err:?}");
}
