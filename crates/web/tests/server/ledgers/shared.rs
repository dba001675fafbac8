//! A task shared by three units: each unit reports and is signed off on its own part,
//! the task is done when all are, and the dashboards count each unit's part.

use super::{FINANCE, task_id_with, values_after};
use crate::helpers::{Client, TestApp, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

const PLAN: &str = "2026年示例区政务公开工作任务分工\n\
一、加强重点领域信息公开\n\
1. 集中公开减税降费政策措施，及时发布收费目录清单。（责任单位：区财政局、区发改委、区司法局；完成时限：2026年12月底前）\n\
2. 做好预决算公开。（责任单位：区财政局；完成时限：2026年12月底前）\n";

const UNITS: [&str; 3] = [FINANCE, "示例区发展和改革委员会", "示例区司法局"];

async fn confirmed_plan(office: &Client) -> String {
    let (_, html) = office.get_text("/console/ledgers").await;
    let runner = values_after(&html, "<option", "value").remove(0);
    let form = Form::new().text("runner", runner).part(
        "file",
        Part::bytes(PLAN.as_bytes().to_vec()).file_name("任务分工.txt"),
    );
    let imported = office
        .submit_multipart("/console/ledgers", "/console/ledgers/import", form)
        .await;
    assert_eq!(imported.status(), StatusCode::SEE_OTHER);
    let plan = location(&imported).split('?').next().unwrap().to_string();
    let confirmed = office.submit(&plan, &format!("{plan}/confirm"), &[]).await;
    assert_eq!(
        confirmed.status(),
        StatusCode::SEE_OTHER,
        "all three names resolve"
    );
    plan
}

async fn complete(app: &TestApp, unit: &Client, org: &str, task: &str) {
    let form = Form::new()
        .text("unit", app.org_id(org).await.to_string())
        .text("status", "completed")
        .text("body", format!("{org}已完成本单位承担的部分。"));
    let filed = unit
        .submit_multipart(task, &format!("{task}/reports"), form)
        .await;
    assert_eq!(filed.status(), StatusCode::SEE_OTHER, "{org}");
}

#[tokio::test]
async fn a_shared_task_stays_open_until_every_unit_is_signed_off() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let plan = confirmed_plan(&office).await;
    let (_, html) = office.get_text(&plan).await;
    let task = format!("/console/tasks/{}", task_id_with(&html, "减税降费"));
    let mut units = Vec::new();
    for (n, org) in UNITS.iter().enumerate() {
        units.push(app.unit_editor(&format!("unit{n}"), org).await);
    }

    for (n, (org, unit)) in UNITS.iter().zip(&units).enumerate() {
        complete(&app, unit, org, &task).await;
        let (_, page) = office.get_text(&task).await;
        assert!(page.contains(&format!("单位完成 {}/3", n + 1)), "{page}");
        let expected = if n < 2 { "推进中" } else { "已完成" };
        assert!(
            page.contains(&format!("<strong>{expected}</strong>")),
            "after {org}: {page}"
        );
        let (_, ledger) = office.get_text(&plan).await;
        assert!(
            ledger.contains(&format!("单位完成 {}/3", n + 1)),
            "{ledger}"
        );
    }

    // The finance bureau's dashboard counts its own parts: both tasks, one done.
    let (_, mine) = units[0].get_text("/console/tasks").await;
    assert!(
        mine.contains(&format!(
            "<tr><td>{FINANCE}</td><td>2</td><td>1</td><td>50%</td>"
        )),
        "{mine}"
    );

    for (n, org) in UNITS.iter().enumerate() {
        let id = app.org_id(org).await.to_string();
        let signed = office
            .submit(&task, &format!("{task}/sign-off"), &[("unit", id.as_str())])
            .await;
        assert_eq!(signed.status(), StatusCode::SEE_OTHER);
        let (_, page) = office.get_text(&task).await;
        let expected = if n < 2 { "已完成" } else { "已销号" };
        assert!(
            page.contains(&format!("<strong>{expected}</strong>")),
            "after signing {org} off: {page}"
        );
    }
}

#[tokio::test]
async fn the_office_signs_off_only_a_part_that_its_unit_reported_done() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let plan = confirmed_plan(&office).await;
    let (_, html) = office.get_text(&plan).await;
    let task = format!("/console/tasks/{}", task_id_with(&html, "减税降费"));
    let justice = app.org_id(UNITS[2]).await.to_string();
    let early = office
        .submit(
            &task,
            &format!("{task}/sign-off"),
            &[("unit", justice.as_str())],
        )
        .await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        early
            .text()
            .await
            .unwrap()
            .contains("示例区司法局承担的部分当前为“未开始”")
    );
    let stranger = app.org_id("青山镇人民政府").await.to_string();
    let outside = office
        .submit(
            &task,
            &format!("{task}/sign-off"),
            &[("unit", stranger.as_str())],
        )
        .await;
    assert_eq!(outside.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
