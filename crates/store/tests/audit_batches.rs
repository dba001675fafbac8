//! One transaction that records more audit entries than one statement writes: every
//! entry is stored in order and the chain verifies; on SQLite and (when configured)
//! on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use gongkai_store::Actor;
use gongkai_store::audit::{self, AuditFilter};
use support::TestDb;

on_both_backends!(a_transaction_of_1200_entries_is_chained_in_order);

async fn a_transaction_of_1200_entries_is_chained_in_order(db: TestDb) {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    for n in 0..1200 {
        tx.record(
            "test.entry",
            "test",
            n,
            None,
            Some(serde_json::json!({ "n": n })),
        );
    }
    tx.commit().await.unwrap();
    let report = audit::verify(&db.store).await.unwrap();
    assert_eq!((report.checked, report.first_broken), (1200, None));
    let newest = audit::list(&db.store, &AuditFilter::default(), 1, 0)
        .await
        .unwrap();
    assert_eq!(newest.entries[0].seq, 1200);
    assert_eq!(newest.entries[0].entity_id, "1199");
    assert_eq!(
        audit::head(&db.store).await.unwrap().1,
        newest.entries[0].hash
    );
}
