//! An agency's letter templates as stored: saved, replaced, listed, reset to the
//! built-in text, each write audited; on SQLite and (when configured) on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use gongkai_domain::annual_report::Outcome;
use gongkai_domain::letter::LetterKind;
use gongkai_domain::org::OrgKind;
use gongkai_store::audit::{self, AuditFilter};
use gongkai_store::letters;
use gongkai_store::orgs::{self, OrgFields};
use gongkai_store::{Actor, OrgId};
use support::TestDb;

on_both_backends!(templates_are_saved_replaced_and_reset_with_an_audit_trail);

async fn agency(db: &TestDb, name: &str) -> OrgId {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let fields = OrgFields::new(name, OrgKind::Government, None);
    let id = orgs::create(&mut tx, &fields).await.unwrap().id;
    tx.commit().await.unwrap();
    id
}

async fn templates_are_saved_replaced_and_reset_with_an_audit_trail(db: TestDb) {
    let org = agency(&db, "某区人民政府").await;
    let other = agency(&db, "另一区人民政府").await;
    let kind = LetterKind::Reply(Outcome::Disclosed);
    assert!(letters::get(&db.store, org, kind).await.unwrap().is_none());

    for body in ["{申请人}：第一稿", "{申请人}：第二稿"] {
        let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
        letters::set(&mut tx, org, kind, body).await.unwrap();
        tx.commit().await.unwrap();
    }
    let saved = letters::get(&db.store, org, kind).await.unwrap().unwrap();
    assert_eq!(saved.body, "{申请人}：第二稿");
    assert_eq!(saved.kind, "reply.disclosed");
    assert_eq!(saved.updated_by, "system:office");
    assert!(
        letters::get(&db.store, other, kind)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(letters::list(&db.store, org).await.unwrap().len(), 1);

    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    assert!(letters::reset(&mut tx, org, kind).await.unwrap());
    assert!(
        !letters::reset(&mut tx, org, LetterKind::CorrectionNotice)
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();
    assert!(letters::get(&db.store, org, kind).await.unwrap().is_none());

    let filter = AuditFilter {
        entity_type: Some("org".into()),
        entity_id: Some(org.to_string()),
        ..AuditFilter::default()
    };
    let page = audit::list(&db.store, &filter, 10, 0).await.unwrap();
    let actions: Vec<&str> = page.entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "letter_template.reset",
            "letter_template.set",
            "letter_template.set",
            "org.create"
        ]
    );
    let replaced = &page.entries[1];
    assert!(replaced.before_json.as_deref().unwrap().contains("第一稿"));
    assert!(replaced.after_json.as_deref().unwrap().contains("第二稿"));
}
