//! Messages as stored: boxes with their categories and periods, messages under serials
//! per year found by their tracking hash, each step changing the message and
//! appending its event, and no writer's text, name or contact in the audit log; on
//! SQLite and (when configured) on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chrono::NaiveDate;
use gongkai_domain::message::{Category, Refusal};
use gongkai_domain::org::OrgKind;
use gongkai_store::audit::{self, AuditFilter};
use gongkai_store::messages::{self, EventKind, MailboxFields, MessageFields, Status, Step};
use gongkai_store::orgs::{self, OrgFields};
use gongkai_store::{Actor, Error, MailboxId};
use support::TestDb;

on_both_backends!(
    a_box_keeps_its_categories_and_periods,
    a_message_goes_through_its_steps_with_events_and_stays_out_of_the_log,
);

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

async fn mailbox(db: &TestDb) -> (MailboxId, gongkai_store::OrgId) {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let org = orgs::create(
        &mut tx,
        &OrgFields::new("某区人民政府", OrgKind::Government, None),
    )
    .await
    .unwrap()
    .id;
    let fields = MailboxFields {
        name: "区长信箱".to_string(),
        org_id: org,
        description: String::new(),
        open: true,
        periods: vec![(Category::Consultation, 3), (Category::Complaint, 5)],
        max_workdays: 10,
    };
    let id = messages::create_box(&mut tx, &fields).await.unwrap();
    tx.commit().await.unwrap();
    (id, org)
}

async fn a_box_keeps_its_categories_and_periods(db: TestDb) {
    let (id, org) = mailbox(&db).await;
    let stored = messages::get_box(&db.store, id).await.unwrap();
    assert_eq!(stored.period_of(Category::Complaint), Some(5));
    assert_eq!(stored.period_of(Category::Help), None);
    let mut fields = stored.fields.clone();
    fields.open = false;
    fields.periods = vec![(Category::Correction, 3)];
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    messages::update_box(&mut tx, &stored, &fields)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let stored = messages::get_box(&db.store, id).await.unwrap();
    assert_eq!(stored.fields, fields);
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let twin = MailboxFields {
        org_id: org,
        ..fields
    };
    assert!(matches!(
        messages::create_box(&mut tx, &twin).await,
        Err(Error::Duplicate { .. })
    ));
}

async fn a_message_goes_through_its_steps_with_events_and_stays_out_of_the_log(db: TestDb) {
    let (mailbox_id, org) = mailbox(&db).await;
    let fields = MessageFields {
        mailbox_id,
        category: Category::Consultation,
        title: "小区门口路灯不亮".to_string(),
        body: "东城路2号门口的路灯坏了一个月".to_string(),
        name: "王五".to_string(),
        contact: "wangwu@example.com".to_string(),
        publish_consent: true,
        received_on: day("2025-09-30"),
        workdays: 3,
    };
    let mut tx = db.store.begin(Actor::system("portal")).await.unwrap();
    let serial = |year, n| format!("LY{year}-{n:05}");
    let message = messages::create(&mut tx, &fields, "hash-1", serial)
        .await
        .unwrap();
    let second = messages::create(&mut tx, &fields, "hash-2", serial)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        (message.serial.as_str(), second.serial.as_str()),
        ("LY2025-00001", "LY2025-00002")
    );
    assert_eq!(message.status, Status::New);

    let steps = [
        Step::Accept,
        Step::Route { org },
        Step::Note {
            text: "已联系供电所".to_string(),
        },
        Step::Extend {
            total: 10,
            reason: "需现场查看，经分管领导批准".to_string(),
        },
        Step::Reply {
            text: "路灯已修复。".to_string(),
        },
        Step::Publish {
            text: "路灯已修复（已编辑）。".to_string(),
        },
        Step::Rate {
            score: 5,
            note: "很快".to_string(),
        },
    ];
    for step in &steps {
        let current = messages::get(&db.store, message.id).await.unwrap();
        let mut tx = db.store.begin(Actor::system("staff")).await.unwrap();
        messages::record_step(&mut tx, &current, step, day("2025-10-09"))
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    let stored = messages::find_by_tracking_hash(&db.store, "hash-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, Status::Replied);
    assert_eq!(stored.handling_org, Some(org));
    assert_eq!(stored.extended_to, Some(10));
    assert_eq!(stored.replied_on, Some(day("2025-10-09")));
    assert_eq!(stored.public_text, "路灯已修复（已编辑）。");
    assert!(stored.published_at.is_some());
    assert_eq!(stored.rating, Some(5));
    let kinds: Vec<EventKind> = messages::events(&db.store, message.id)
        .await
        .unwrap()
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds.len(), steps.len());
    assert_eq!(kinds[0], EventKind::Accepted);
    assert!(!EventKind::Noted.is_public() && EventKind::Replied.is_public());

    let mut tx = db.store.begin(Actor::system("staff")).await.unwrap();
    let refuse = Step::Refuse {
        refusal: Refusal::Petition,
        reason: "属于信访事项".to_string(),
    };
    messages::record_step(&mut tx, &second, &refuse, day("2025-10-09"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let refused = messages::get(&db.store, second.id).await.unwrap();
    assert_eq!(
        (refused.status, refused.refusal),
        (Status::Refused, Some(Refusal::Petition))
    );

    let log = serde_json::to_string(
        &audit::list(&db.store, &AuditFilter::default(), 1000, 0)
            .await
            .unwrap()
            .entries,
    )
    .unwrap();
    for private in ["王五", "wangwu@", "路灯坏了", "路灯已修复"] {
        assert!(!log.contains(private), "{private} reached the audit log");
    }
}
