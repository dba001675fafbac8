//! Work-plan ledgers as stored: plans and tasks with their units, remembered name
//! mappings, and the append-only record of reports with evidence, on SQLite and (when
//! configured) on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use chrono::NaiveDate;
use gongkai_domain::ledger::{PlanStatus, ReportKind, TaskStatus, UnitRole};
use gongkai_domain::org::OrgKind;
use gongkai_store::ledgers::reports::{self, NewEvidence, NewReport};
use gongkai_store::ledgers::{self, NewPlan, TaskFields, mappings};
use gongkai_store::orgs::{self, OrgFields};
use gongkai_store::{Actor, Error, OrgId};
use support::TestDb;

on_both_backends!(
    a_plan_keeps_its_tasks_in_order_with_written_names_and_resolved_units,
    mappings_are_remembered_per_government_and_replaced,
    reports_append_with_evidence_and_move_the_task,
);

async fn units(db: &TestDb) -> (OrgId, OrgId, OrgId) {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let government = orgs::create(
        &mut tx,
        &OrgFields::new("某区人民政府", OrgKind::Government, None),
    )
    .await
    .unwrap()
    .id;
    let finance = orgs::create(
        &mut tx,
        &OrgFields::new("某区财政局", OrgKind::Department, Some(government)),
    )
    .await
    .unwrap()
    .id;
    let street = orgs::create(
        &mut tx,
        &OrgFields::new("某街道办事处", OrgKind::Street, Some(government)),
    )
    .await
    .unwrap()
    .id;
    tx.commit().await.unwrap();
    (government, finance, street)
}

fn task(body: &str, outline: &str) -> TaskFields {
    TaskFields {
        outline: outline.to_string(),
        path: vec!["一、重点任务".to_string()],
        number: Some("1".to_string()),
        body: body.to_string(),
        lead_names: vec!["区财政局".to_string()],
        responsible_names: vec!["各街道".to_string(), "区商务局等有关部门".to_string()],
        deadline_text: Some("9月底前".to_string()),
        deadline: NaiveDate::from_ymd_opt(2022, 9, 30),
        ongoing: false,
        ..TaskFields::default()
    }
}

async fn plan(
    db: &TestDb,
    government: OrgId,
) -> (gongkai_store::ledgers::Plan, Vec<gongkai_store::TaskId>) {
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    let new = NewPlan {
        title: "2022年政务公开工作要点".to_string(),
        year: Some(2022),
        org_id: government,
        source_document_id: None,
        source_name: "要点.txt".to_string(),
    };
    let created = ledgers::create(
        &mut tx,
        &new,
        &[task("公开预决算", "1.1"), task("公开政策", "1.2")],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    created
}

async fn a_plan_keeps_its_tasks_in_order_with_written_names_and_resolved_units(db: TestDb) {
    let (government, finance, street) = units(&db).await;
    let (plan, ids) = plan(&db, government).await;
    assert_eq!(plan.status, PlanStatus::Draft);
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    ledgers::set_units(
        &mut tx,
        ids[0],
        &[(finance, UnitRole::Lead), (street, UnitRole::Responsible)],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let tasks = ledgers::tasks_of(&db.store, plan.id).await.unwrap();
    assert_eq!(
        tasks
            .iter()
            .map(|t| t.fields.body.as_str())
            .collect::<Vec<_>>(),
        ["公开预决算", "公开政策"]
    );
    let first = &tasks[0];
    assert_eq!(first.fields, task("公开预决算", "1.1"));
    assert_eq!(first.status, TaskStatus::NotStarted);
    assert_eq!(
        first
            .units_as(UnitRole::Lead)
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>(),
        ["某区财政局"]
    );
    assert!(first.is_assigned_to(street) && !tasks[1].is_assigned_to(street));

    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    ledgers::confirm(&mut tx, plan.id).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    assert!(matches!(
        ledgers::confirm(&mut tx, plan.id).await,
        Err(Error::Refused(_))
    ));
    drop(tx);
    let confirmed = ledgers::get(&db.store, plan.id).await.unwrap();
    assert_eq!(confirmed.status, PlanStatus::Confirmed);
    assert!(confirmed.confirmed_at.is_some());
}

async fn mappings_are_remembered_per_government_and_replaced(db: TestDb) {
    let (government, finance, street) = units(&db).await;
    let mut tx = db.store.begin(Actor::system("test")).await.unwrap();
    mappings::remember(&mut tx, government, "区 财政局", &[finance])
        .await
        .unwrap();
    mappings::remember(&mut tx, government, "街办", &[])
        .await
        .unwrap();
    mappings::remember(&mut tx, government, "区财政局", &[finance, street])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let known = mappings::of(&db.store, government).await.unwrap();
    assert_eq!(known.len(), 2, "the same normalised name is replaced");
    assert_eq!(known[&mappings::key("区财政局")], vec![finance, street]);
    assert_eq!(known[&mappings::key("街办")], Vec::<OrgId>::new());
    assert!(mappings::of(&db.store, street).await.unwrap().is_empty());
}

async fn reports_append_with_evidence_and_move_the_task(db: TestDb) {
    let (government, finance, _) = units(&db).await;
    let (_, ids) = plan(&db, government).await;
    let mut tx = db.store.begin(Actor::system("finance")).await.unwrap();
    let report = NewReport {
        task_id: ids[0],
        org_id: finance,
        kind: ReportKind::Progress,
        part: Some(finance),
        from: TaskStatus::NotStarted,
        status: TaskStatus::Completed,
        body: "已公开".to_string(),
    };
    let file = NewEvidence::File {
        sha256: "ab".repeat(32),
        file_name: "截图.png".to_string(),
        media_type: "image/png".to_string(),
        size_bytes: 12,
    };
    reports::add(&mut tx, &report, &[file]).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = db.store.begin(Actor::system("office")).await.unwrap();
    let sign_off = NewReport {
        org_id: government,
        kind: ReportKind::SignOff,
        from: TaskStatus::Completed,
        status: TaskStatus::SignedOff,
        body: "同意销号".to_string(),
        ..report.clone()
    };
    reports::add(&mut tx, &sign_off, &[]).await.unwrap();
    tx.commit().await.unwrap();

    // A report decided on the task's old status is refused once it was signed off,
    // and leaves nothing behind.
    let mut tx = db.store.begin(Actor::system("finance")).await.unwrap();
    let stale = NewReport {
        from: TaskStatus::Completed,
        status: TaskStatus::InProgress,
        ..report
    };
    assert!(matches!(
        reports::add(&mut tx, &stale, &[]).await,
        Err(Error::Refused(_))
    ));
    drop(tx);

    let record = reports::of(&db.store, ids[0]).await.unwrap();
    assert_eq!(record.len(), 2);
    assert_eq!(
        (record[0].kind, record[0].org_name.as_str()),
        (ReportKind::Progress, "某区财政局")
    );
    assert_eq!(record[0].author_name, "system:finance");
    assert_eq!(record[0].evidence.len(), 1);
    assert_eq!(record[0].evidence[0].file_name, "截图.png");
    assert!(record[1].evidence.is_empty());
    assert_eq!(
        ledgers::task(&db.store, ids[0]).await.unwrap().status,
        TaskStatus::SignedOff
    );
    assert!(reports::of(&db.store, ids[1]).await.unwrap().is_empty());
}
