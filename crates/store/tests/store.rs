//! The store's contract, run on SQLite and (when configured) on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use gongkai_domain::credit_code::CreditCode;
use gongkai_domain::org::OrgKind;
use gongkai_domain::role::Role;
use gongkai_store::audit::{self, AuditFilter};
use gongkai_store::orgs::{self, OrgFields};
use gongkai_store::users::{self, NewUser, RoleGrant};
use gongkai_store::{Actor, AuditKey, Error, OrgId, Store, sessions};
use support::TestDb;

on_both_backends!(
    migrations_apply_to_an_empty_database_and_again_on_restart,
    units_are_found_by_full_name_or_any_alias,
    a_name_or_alias_cannot_belong_to_two_units,
    a_unit_cannot_move_below_itself,
    users_keep_their_role_grants_and_password_changes,
    sessions_are_found_touched_and_purged,
    audit_chain_is_intact_after_1000_writes_and_broken_when_a_row_is_altered,
    a_keyed_chain_verifies_only_under_its_key,
    the_audit_log_refuses_updates_and_deletes,
    a_rolled_back_write_leaves_neither_rows_nor_audit_entries,
    audit_log_filters_by_action_and_entity,
);

fn system() -> Actor {
    Actor::system("test")
}

async fn create_org(store: &Store, fields: OrgFields) -> Result<orgs::Org, Error> {
    let mut tx = store.begin(system()).await?;
    let org = orgs::create(&mut tx, &fields).await?;
    tx.commit().await?;
    Ok(org)
}

async fn government(store: &Store) -> orgs::Org {
    create_org(
        store,
        OrgFields::new("示例区人民政府", OrgKind::Government, None),
    )
    .await
    .unwrap()
}

async fn migrations_apply_to_an_empty_database_and_again_on_restart(db: TestDb) {
    assert_eq!(orgs::count(&db.store).await.unwrap(), 0);
    assert_eq!(users::count(&db.store).await.unwrap(), 0);
    let report = audit::verify(&db.store).await.unwrap();
    assert_eq!(report.checked, 0);
    assert_eq!(report.first_broken, None);
    let again = Store::connect(&db.url).await.unwrap();
    assert_eq!(orgs::count(&again).await.unwrap(), 0);
    again.close().await;
}

async fn units_are_found_by_full_name_or_any_alias(db: TestDb) {
    let gov = government(&db.store).await;
    let mut office = OrgFields::new("区政府办公室", OrgKind::Department, Some(gov.id));
    office.aliases = vec!["区府办".into(), "区政府办".into()];
    office.credit_code = Some(CreditCode::parse("115000005567784755").unwrap());
    let office = create_org(&db.store, office).await.unwrap();
    for name in ["区政府办公室", "区府办", "区政府办", " 区 府办 "] {
        let found = orgs::find_by_name(&db.store, name).await.unwrap();
        assert_eq!(found.map(|o| o.id), Some(office.id), "looking up {name:?}");
    }
    assert_eq!(
        orgs::find_by_name(&db.store, "区司法局").await.unwrap(),
        None
    );
    let stored = orgs::get(&db.store, office.id).await.unwrap();
    assert_eq!(
        stored.aliases,
        vec!["区府办".to_string(), "区政府办".to_string()]
    );
    assert_eq!(stored.credit_code.as_deref(), Some("115000005567784755"));
    assert_eq!(stored.parent_id, Some(gov.id));
}

async fn a_name_or_alias_cannot_belong_to_two_units(db: TestDb) {
    let gov = government(&db.store).await;
    let mut office = OrgFields::new("区政府办公室", OrgKind::Department, Some(gov.id));
    office.aliases = vec!["区府办".into()];
    create_org(&db.store, office).await.unwrap();
    let mut clash = OrgFields::new("区发展改革委", OrgKind::Department, Some(gov.id));
    clash.aliases = vec!["区府办".into()];
    let err = create_org(&db.store, clash).await.unwrap_err();
    assert!(matches!(err, Error::Duplicate { .. }), "{err:?}");
    let same_name = OrgFields::new("区府办", OrgKind::Department, Some(gov.id));
    let err = create_org(&db.store, same_name).await.unwrap_err();
    assert!(matches!(err, Error::Duplicate { .. }), "{err:?}");
    assert_eq!(orgs::count(&db.store).await.unwrap(), 2);
}

async fn a_unit_cannot_move_below_itself(db: TestDb) {
    let gov = government(&db.store).await;
    let street = create_org(
        &db.store,
        OrgFields::new("解放碑街道", OrgKind::Street, Some(gov.id)),
    )
    .await
    .unwrap();
    let mut tx = db.store.begin(system()).await.unwrap();
    let mut moved = OrgFields::new(&gov.name, gov.kind, Some(street.id));
    moved.aliases.clear();
    let err = orgs::update(&mut tx, gov.id, &moved).await.unwrap_err();
    assert!(matches!(err, Error::Refused(_)), "{err:?}");
}

async fn users_keep_their_role_grants_and_password_changes(db: TestDb) {
    let gov = government(&db.store).await;
    let mut tx = db.store.begin(system()).await.unwrap();
    let grants = vec![
        RoleGrant {
            role: Role::Editor,
            org_id: gov.id,
            subtree: false,
        },
        RoleGrant {
            role: Role::Reviewer,
            org_id: gov.id,
            subtree: true,
        },
    ];
    let user = users::create(
        &mut tx,
        &NewUser {
            username: "zhangsan".into(),
            display_name: "张三".into(),
            password_hash: "hash-1".into(),
            grants: grants.clone(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let found = users::find_by_username(&db.store, "zhangsan")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, user.id);
    assert_eq!(found.grants, grants);
    assert_eq!(found.display_name, "张三");

    let mut tx = db.store.begin(system()).await.unwrap();
    let err = users::create(
        &mut tx,
        &NewUser {
            username: "zhangsan".into(),
            display_name: "另一个张三".into(),
            password_hash: "x".into(),
            grants: vec![],
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Duplicate { .. }), "{err:?}");
    drop(tx);

    for expected in 1..=3 {
        let mut tx = db.store.begin(system()).await.unwrap();
        assert_eq!(
            users::count_failed_login(&mut tx, user.id).await.unwrap(),
            expected
        );
        tx.commit().await.unwrap();
    }
    let until = gongkai_store::now() + chrono::Duration::seconds(8);
    let mut tx = db.store.begin(system()).await.unwrap();
    users::delay_logins(&mut tx, user.id, until).await.unwrap();
    tx.commit().await.unwrap();
    let waiting = users::get(&db.store, user.id).await.unwrap();
    assert_eq!(
        (waiting.failed_logins, waiting.locked_until),
        (3, Some(until))
    );
    let mut tx = db.store.begin(system()).await.unwrap();
    assert_eq!(
        users::count_failed_login(&mut tx, user.id).await.unwrap(),
        4,
        "failures in a row keep counting through a wait"
    );
    users::reset_failed_logins(&mut tx, user.id).await.unwrap();
    tx.commit().await.unwrap();
    let reset = users::get(&db.store, user.id).await.unwrap();
    assert_eq!((reset.failed_logins, reset.locked_until), (0, None));

    let mut tx = db.store.begin(system()).await.unwrap();
    users::set_disabled(&mut tx, user.id, true).await.unwrap();
    tx.commit().await.unwrap();
    assert!(users::get(&db.store, user.id).await.unwrap().disabled);
    let mut tx = db.store.begin(system()).await.unwrap();
    users::set_disabled(&mut tx, user.id, false).await.unwrap();
    tx.commit().await.unwrap();
    assert!(!users::get(&db.store, user.id).await.unwrap().disabled);

    let mut tx = db.store.begin(system()).await.unwrap();
    users::set_password(&mut tx, user.id, "hash-2")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let changed = users::get(&db.store, user.id).await.unwrap();
    assert_eq!(changed.password_hash, "hash-2");
    assert_eq!((changed.failed_logins, changed.locked_until), (0, None));
    assert_eq!(users::list(&db.store).await.unwrap().len(), 1);

    let page = audit::list(&db.store, &AuditFilter::default(), 50, 0)
        .await
        .unwrap();
    assert!(page.entries.iter().all(|e| {
        !e.after_json
            .as_deref()
            .unwrap_or_default()
            .contains("hash-")
    }));
}

async fn sessions_are_found_touched_and_purged(db: TestDb) {
    let gov = government(&db.store).await;
    let mut tx = db.store.begin(system()).await.unwrap();
    let user = users::create(
        &mut tx,
        &NewUser {
            username: "lisi".into(),
            display_name: "李四".into(),
            password_hash: "h".into(),
            grants: vec![RoleGrant {
                role: Role::Admin,
                org_id: gov.id,
                subtree: true,
            }],
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let start = gongkai_store::now() - chrono::Duration::hours(2);
    let session = sessions::Session {
        token_hash: "abc".into(),
        user_id: user.id,
        csrf_token: "csrf".into(),
        created_at: start,
        last_seen_at: start,
    };
    sessions::create(&db.store, &session).await.unwrap();
    assert_eq!(
        sessions::find(&db.store, "abc").await.unwrap(),
        Some(session.clone())
    );
    let cutoff = gongkai_store::now() - chrono::Duration::hours(1);
    assert_eq!(sessions::purge_idle(&db.store, cutoff).await.unwrap(), 1);
    assert_eq!(sessions::find(&db.store, "abc").await.unwrap(), None);
    sessions::create(&db.store, &session).await.unwrap();
    sessions::touch(&db.store, "abc", gongkai_store::now())
        .await
        .unwrap();
    assert_eq!(sessions::purge_idle(&db.store, cutoff).await.unwrap(), 0);
    sessions::delete(&db.store, "abc").await.unwrap();
    assert_eq!(sessions::find(&db.store, "abc").await.unwrap(), None);
}

async fn audit_chain_is_intact_after_1000_writes_and_broken_when_a_row_is_altered(db: TestDb) {
    let gov = government(&db.store).await;
    for i in 0..999 {
        let mut tx = db.store.begin(system()).await.unwrap();
        let mut fields = OrgFields::new(&gov.name, gov.kind, None);
        fields.sort_order = i;
        orgs::update(&mut tx, gov.id, &fields).await.unwrap();
        tx.commit().await.unwrap();
    }
    let report = audit::verify(&db.store).await.unwrap();
    assert_eq!(report.checked, 1000);
    assert_eq!(report.first_broken, None);

    db.raw(drop_append_only_guard(&db.store)).await.unwrap();
    db.raw("UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 500")
        .await
        .unwrap();
    let report = audit::verify(&db.store).await.unwrap();
    let broken = report
        .first_broken
        .expect("the altered row must break the chain");
    assert_eq!(broken.seq, 500);
    assert_eq!(report.checked, 499);
}

async fn a_keyed_chain_verifies_only_under_its_key(db: TestDb) {
    let gov = government(&db.store).await;
    let key = |byte: u8| AuditKey::new(vec![byte; 32], 2).unwrap();
    let keyed = db.store.clone().with_audit_key(key(7));
    for i in 0..3 {
        let mut tx = keyed.begin(system()).await.unwrap();
        let mut fields = OrgFields::new(&gov.name, gov.kind, None);
        fields.sort_order = i;
        orgs::update(&mut tx, gov.id, &fields).await.unwrap();
        tx.commit().await.unwrap();
    }
    let report = audit::verify(&keyed).await.unwrap();
    assert_eq!((report.checked, report.first_broken), (4, None));

    // Without the key, or under another, the entries before the key still verify
    // and the first signed one is named.
    let unkeyed = audit::verify(&db.store).await.unwrap();
    assert_eq!(unkeyed.first_broken.map(|b| b.seq), Some(2));
    let other = db.store.clone().with_audit_key(key(8));
    let report = audit::verify(&other).await.unwrap();
    assert_eq!(report.checked, 1);
    let broken = report.first_broken.unwrap();
    assert_eq!(broken.seq, 2);
    assert!(broken.reason.contains("密钥"), "{}", broken.reason);
    assert!(
        AuditKey::new(vec![1; 31], 1).is_none(),
        "a short key is refused"
    );
}

fn drop_append_only_guard(store: &Store) -> &'static str {
    match store.backend() {
        gongkai_store::Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
        gongkai_store::Backend::Postgres => "DROP TRIGGER audit_log_no_change ON audit_log",
    }
}

async fn the_audit_log_refuses_updates_and_deletes(db: TestDb) {
    government(&db.store).await;
    assert!(
        db.raw("UPDATE audit_log SET action = 'x' WHERE seq = 1")
            .await
            .is_err()
    );
    assert!(db.raw("DELETE FROM audit_log WHERE seq = 1").await.is_err());
    assert_eq!(audit::verify(&db.store).await.unwrap().first_broken, None);
}

async fn a_rolled_back_write_leaves_neither_rows_nor_audit_entries(db: TestDb) {
    let mut tx = db.store.begin(system()).await.unwrap();
    orgs::create(&mut tx, &OrgFields::new("临时单位", OrgKind::Other, None))
        .await
        .unwrap();
    drop(tx);
    assert_eq!(orgs::count(&db.store).await.unwrap(), 0);
    let page = audit::list(&db.store, &AuditFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(page.total, 0);
    let gov = government(&db.store).await;
    assert_eq!(gov.id, OrgId(gov.id.0));
    assert_eq!(audit::verify(&db.store).await.unwrap().checked, 1);
}

async fn audit_log_filters_by_action_and_entity(db: TestDb) {
    let gov = government(&db.store).await;
    let mut tx = db.store.begin(Actor::system("editor")).await.unwrap();
    orgs::update(
        &mut tx,
        gov.id,
        &OrgFields::new("示例区政府", gov.kind, None),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let filter = AuditFilter {
        action: Some("org.update".into()),
        ..AuditFilter::default()
    };
    let page = audit::list(&db.store, &filter, 10, 0).await.unwrap();
    assert_eq!(page.total, 1);
    let entry = &page.entries[0];
    assert_eq!(entry.entity_id, gov.id.to_string());
    assert_eq!(entry.actor_name, "system:editor");
    assert!(
        entry
            .before_json
            .as_deref()
            .unwrap()
            .contains("示例区人民政府")
    );
    assert!(entry.after_json.as_deref().unwrap().contains("示例区政府"));
    let by_entity = AuditFilter {
        entity_type: Some("org".into()),
        entity_id: Some(gov.id.to_string()),
        ..AuditFilter::default()
    };
    assert_eq!(
        audit::list(&db.store, &by_entity, 10, 0)
            .await
            .unwrap()
            .total,
        2
    );
}
