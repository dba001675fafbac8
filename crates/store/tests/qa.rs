//! The policy Q&A library as stored: upserts by code (created, updated, unchanged),
//! the documents an entry rests on, its review day, and the revision that changes with
//! the entries and the documents; on SQLite and (when configured) on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use gongkai_store::Actor;
use gongkai_store::qa::{self, QaFields, Upserted};
use support::{TestDb, published_document};

on_both_backends!(
    entries_are_upserted_by_code_with_their_documents,
    the_revision_follows_entries_and_documents,
);

fn entry(code: &str, answer: &str, documents: Vec<gongkai_store::DocumentId>) -> QaFields {
    QaFields {
        code: code.to_string(),
        question: "失业保险金如何申领？".to_string(),
        answer: answer.to_string(),
        topic: "就业创业".to_string(),
        org_id: None,
        basis: "《失业保险条例》".to_string(),
        documents,
    }
}

async fn upsert(db: &TestDb, f: &QaFields) -> Upserted {
    let existing = qa::list(&db.store)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.fields.code == f.code);
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let done = qa::upsert(&mut tx, f, existing.as_ref()).await.unwrap();
    tx.commit().await.unwrap();
    done
}

async fn entries_are_upserted_by_code_with_their_documents(db: TestDb) {
    let regulation = published_document(&db, "失业保险条例", "x/2025-00001").await;
    let first = entry("Q001", "到当地经办机构申请。", vec![regulation]);
    assert_eq!(upsert(&db, &first).await, Upserted::Created);
    assert_eq!(upsert(&db, &first).await, Upserted::Unchanged);
    let stored = qa::list(&db.store).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].fields, first);
    assert_eq!(stored[0].reviewed_at, None, "an import is no review");

    let changed = entry("Q001", "可在网上申请。", Vec::new());
    assert_eq!(upsert(&db, &changed).await, Upserted::Updated);
    let stored = qa::get(&db.store, stored[0].id).await.unwrap();
    assert_eq!(stored.fields, changed);

    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    qa::mark_reviewed(&mut tx, &stored).await.unwrap();
    tx.commit().await.unwrap();
    let reviewed = qa::get(&db.store, stored.id).await.unwrap();
    assert!(
        reviewed
            .reviewed_at
            .is_some_and(|at| at >= stored.updated_at)
    );
}

async fn the_revision_follows_entries_and_documents(db: TestDb) {
    let empty = qa::revision(&db.store).await.unwrap();
    upsert(&db, &entry("Q002", "答复", Vec::new())).await;
    let one = qa::revision(&db.store).await.unwrap();
    assert_ne!(empty, one);
    assert_eq!(one, qa::revision(&db.store).await.unwrap());
    published_document(&db, "某办法", "x/2025-00002").await;
    assert_ne!(
        one,
        qa::revision(&db.store).await.unwrap(),
        "a document's change counts"
    );
}
