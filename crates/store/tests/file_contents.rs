//! Stored files kept in the database: put once under their address, read back byte
//! for byte (binary content included), listed; on SQLite and (when configured) on
//! PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use gongkai_store::file_contents;
use support::TestDb;

on_both_backends!(contents_are_kept_once_read_back_and_listed);

async fn contents_are_kept_once_read_back_and_listed(db: TestDb) {
    let binary: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
    let (a, b) = ("a".repeat(64), "b".repeat(64));
    file_contents::put(&db.store, &b, b"%PDF-1.7 \x00\xff")
        .await
        .unwrap();
    file_contents::put(&db.store, &a, &binary).await.unwrap();
    file_contents::put(&db.store, &a, &binary).await.unwrap();
    assert_eq!(
        file_contents::get(&db.store, &a).await.unwrap(),
        Some(binary)
    );
    assert_eq!(
        file_contents::get(&db.store, &b).await.unwrap().as_deref(),
        Some(&b"%PDF-1.7 \x00\xff"[..])
    );
    assert_eq!(
        file_contents::get(&db.store, &"c".repeat(64))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        file_contents::addresses(&db.store).await.unwrap(),
        vec![a, b]
    );
}
