//! The demo's ledgers from the seeds, with progress.

use super::values_after;
use crate::helpers::TestApp;
use gongkai_domain::role::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn the_demo_shows_the_seeds_ledgers_with_progress() {
    let app = TestApp::spawn().await;
    gongkai_app::demo::seed_ledgers(&app.app).await.unwrap();
    let office = app.signed_in(Role::Office).await;
    let (_, list) = office.get_text("/console/ledgers").await;
    assert!(list.contains("工作计划 5 个"), "{list}");
    assert_eq!(list.matches("<td>已下发</td>").count(), 4);
    assert_eq!(
        list.matches("<td>待确认</td>").count(),
        1,
        "one left for review"
    );
    let mut plans: Vec<String> = values_after(&list, "href=\"/console/ledgers/", "href");
    let (_, draft) = office.get_text("/console/ledgers/5").await;
    assert!(draft.contains("核对单位名称") && draft.contains("未识别"));
    plans.retain(|p| p != "/console/ledgers/5");
    let (_, plan) = office.get_text(&plans[0]).await;
    assert!(plan.contains("<svg role=\"img\""));
    assert!(plan.contains("已销号"));
    // Of every ten tasks four are signed off, so no plan is at 0% or 100%.
    for path in &plans {
        let (_, html) = office.get_text(path).await;
        let rate = html
            .split("完成率 <strong>")
            .nth(1)
            .and_then(|rest| rest.split('%').next())
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap();
        assert!((30..100).contains(&rate), "{path}: {rate}%");
    }
    // The leader follows the plans.
    let leader = app.signed_in(Role::Leader).await;
    assert_eq!(leader.get(&plans[0]).await.status(), StatusCode::OK);
    let (_, home) = office.get_text("/console").await;
    assert!(home.contains("个工作日内到期及已逾期的任务"));
}
