//! Group expressions naming several kinds of unit: seed 001 writes 各乡、街办、管理处,
//! and every street and town of the directory gets the task; the draft page says how
//! many names were declared not to be units; a mapped unit name is never called a
//! group expression.

use super::{SERVICES, import_seed, map_unknown_names, task_id_with};
use crate::helpers::TestApp;
use gongkai_domain::role::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn a_plural_kind_name_stands_for_every_unit_of_that_kind() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let plan = import_seed(&office).await;
    let (_, html) = office.get_text(&plan).await;
    for name in ["各乡", "街办", "管理处"] {
        let row = html
            .split("<tr>")
            .find(|r| r.contains(&format!("<td>{name}</td>")))
            .unwrap_or_else(|| panic!("{name} listed"));
        assert!(row.contains("<td>集合称谓</td>"), "{name}: {row}");
    }
    map_unknown_names(&app, &office, &plan).await;
    let (_, html) = office.get_text(&plan).await;
    assert!(html.contains("个名称已确认不是单位"), "{html}");
    assert!(!html.contains("全部名称均已对应到单位"));
    let confirmed = office.submit(&plan, &format!("{plan}/confirm"), &[]).await;
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);

    // Task 8 (预决算, 区财政局，各乡、街办、管理处) goes to every street and the town.
    let (_, html) = office.get_text(&plan).await;
    let task = format!("/console/tasks/{}", task_id_with(&html, "财政预决算"));
    let (_, page) = office.get_text(&task).await;
    for unit in [
        "示例区财政局",
        "东城街道办事处",
        "西城街道办事处",
        "南岸街道办事处",
        "青山镇人民政府",
    ] {
        assert!(
            page.contains(&format!("<tr><td>{unit}</td>")),
            "{unit}: {page}"
        );
    }
}

#[tokio::test]
async fn a_mapped_unit_name_is_not_called_a_group_expression() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let plan = import_seed(&office).await;
    map_unknown_names(&app, &office, &plan).await;
    let (_, html) = office
        .get_text(
            "/console/orgs?names=%E5%8C%BA%E6%94%BF%E6%95%B0%E5%B1%80%E3%80%81%E8%A1%97%E5%8A%9E",
        )
        .await;
    assert!(
        html.contains(&format!("已保存的对应：{SERVICES}")),
        "{html}"
    );
    assert!(html.contains("分组表达式，共 3 个单位"), "街办: {html}");
    let services_line = html
        .split("<strong>区政数局</strong>")
        .nth(1)
        .unwrap_or_default();
    let services_line = services_line.split("</li>").next().unwrap_or_default();
    assert!(!services_line.contains("分组表达式"), "{services_line}");
}
