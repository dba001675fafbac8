//! Publication safety in the store: findings brought in line with each scan (new,
//! gone, back again, dismissed kept), resolved once, listed as open with their
//! document; 保密审查 records setting the document's 公开属性; every change in the
//! audit log and no personal value stored. On SQLite and (when configured) PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chrono::NaiveDate;
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::pii::{FindingStatus, Kind};
use gongkai_domain::secrecy::{Conclusion, SecrecyReview};
use gongkai_store::documents::findings::{self, Field, ScannedFinding};
use gongkai_store::documents::{self, secrecy};
use gongkai_store::{Actor, DocumentId, audit};
use support::TestDb;

on_both_backends!(
    findings_follow_the_scans_and_keep_what_staff_decided,
    a_secrecy_review_sets_the_disclosure_attribute,
);

async fn document(db: &TestDb) -> DocumentId {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let fields = support::document_fields("救助对象公示");
    let d = documents::create(&mut tx, "X-2026-0001", &fields, DocumentStatus::Draft, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    d.id
}

fn found(field: Field, kind: Kind, masked: &str, print: &str, location: &str) -> ScannedFinding {
    ScannedFinding {
        field,
        attachment_id: (field == Field::Attachment).then_some(7),
        attachment_name: if field == Field::Attachment {
            "名单.xlsx".into()
        } else {
            String::new()
        },
        location: location.to_string(),
        kind,
        masked: masked.to_string(),
        fingerprint: print.to_string(),
    }
}

async fn sync(
    db: &TestDb,
    id: DocumentId,
    scan: &[ScannedFinding],
) -> Vec<(String, FindingStatus, String)> {
    let mut tx = db.store.begin(Actor::system("scanner")).await.unwrap();
    let stored = findings::sync(&mut tx, id, scan).await.unwrap();
    tx.commit().await.unwrap();
    stored
        .into_iter()
        .map(|f| (f.scan.masked, f.status, f.scan.location))
        .collect()
}

async fn findings_follow_the_scans_and_keep_what_staff_decided(db: TestDb) {
    let id = document(&db).await;
    let mobile = found(Field::Body, Kind::Mobile, "138****8000", "aa", "第2段");
    let card = found(
        Field::Attachment,
        Kind::IdNumber,
        "11010519******1234",
        "bb",
        "工作表“名单”C2",
    );
    let now = sync(&db, id, &[mobile.clone(), card.clone()]).await;
    assert_eq!(
        now,
        [
            ("138****8000".into(), FindingStatus::Open, "第2段".into()),
            (
                "11010519******1234".into(),
                FindingStatus::Open,
                "工作表“名单”C2".into()
            ),
        ]
    );
    let stored = findings::of_document(&db.store, id).await.unwrap();
    let open = findings::open(&db.store).await.unwrap();
    assert_eq!(open.len(), 2);
    assert_eq!(open[0].title, "救助对象公示");

    // A reviewer dismisses the ID number; the mobile is edited away, then pasted back.
    let mut tx = db.store.begin(Actor::system("reviewer")).await.unwrap();
    findings::resolve(
        &mut tx,
        &stored[1],
        FindingStatus::Dismissed,
        "经本人同意公示",
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let mut tx = db.store.begin(Actor::system("reviewer")).await.unwrap();
    let again = findings::resolve(&mut tx, &stored[1], FindingStatus::Dismissed, "再次").await;
    assert!(again.is_err(), "a finding is resolved once");
    drop(tx);
    let now = sync(&db, id, std::slice::from_ref(&card)).await;
    assert_eq!(now[0].1, FindingStatus::Gone);
    assert_eq!(
        now[1].1,
        FindingStatus::Dismissed,
        "a dismissal holds while the value is there"
    );
    let moved = ScannedFinding {
        location: "第3段".into(),
        ..mobile.clone()
    };
    let now = sync(&db, id, &[moved, card]).await;
    assert_eq!(
        now[0],
        ("138****8000".into(), FindingStatus::Open, "第3段".into())
    );
    assert_eq!(findings::open(&db.store).await.unwrap().len(), 1);
    let stored = findings::get(&db.store, id, stored[1].id).await.unwrap();
    assert_eq!(
        (stored.reason.as_str(), stored.resolver_name.as_str()),
        ("经本人同意公示", "system:reviewer")
    );

    let entries = audit::list(&db.store, &audit::AuditFilter::default(), 100, 0)
        .await
        .unwrap();
    let actions: Vec<&str> = entries.entries.iter().map(|e| e.action.as_str()).collect();
    for action in ["pii.found", "pii.dismissed", "pii.gone", "pii.reopened"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    let text = format!("{:?}", entries.entries);
    assert!(!text.contains("13800138000") && text.contains("138****8000"));
}

async fn a_secrecy_review_sets_the_disclosure_attribute(db: TestDb) {
    let id = document(&db).await;
    let on = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let withheld = DisclosureAttribute::new("withheld", "属于国家秘密（条例第十四条）").unwrap();
    let review = SecrecyReview::new(
        "not_cleared",
        "本机关保密事项范围",
        on,
        withheld.clone(),
        on,
    )
    .unwrap();
    let mut tx = db.store.begin(Actor::system("reviewer")).await.unwrap();
    let stored = secrecy::record(&mut tx, id, &review).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(stored.review.conclusion, Conclusion::NotCleared);
    assert_eq!(stored.reviewer_name, "system:reviewer");
    let document = documents::get(&db.store, id).await.unwrap();
    assert_eq!(document.fields.disclosure, withheld);
    let reviews = secrecy::of_document(&db.store, id).await.unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].review, review);
    let filter = audit::AuditFilter {
        action: Some("document.secrecy_review".into()),
        ..Default::default()
    };
    let entries = audit::list(&db.store, &filter, 10, 0).await.unwrap();
    assert_eq!(entries.entries.len(), 1);
    assert!(format!("{:?}", entries.entries[0]).contains("本机关保密事项范围"));
}
