//! The compliance monitor through the server: the table of units × indicators with a
//! late request counted, the same figures as JSON, a unit's drill-down naming the
//! record, and a bad period refused in Chinese.

use crate::helpers::{TestApp, submit_request};
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn the_monitor_shows_each_unit_and_its_records_as_a_page_and_as_json() {
    let app = TestApp::spawn().await;
    submit_request(&app).await;
    let office = app.signed_in(Role::Office).await;
    let (status, page) = office.get_text("/console/compliance").await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "合规监测",
        "依申请公开按期答复",
        "主动公开及时",
        "指标说明",
        "示例区司法局",
    ] {
        assert!(page.contains(text), "{text} on the page");
    }
    assert!(
        page.contains("<svg") || page.contains("暂无"),
        "a chart or no data"
    );

    let json = office.get("/console/compliance.json").await;
    assert_eq!(json.status(), StatusCode::OK);
    let value: Value = json.json().await.unwrap();
    let units = value["units"].as_array().unwrap();
    assert!(units.len() > 3, "the office sees its government's units");
    let first = &units[0]["figures"];
    let codes: Vec<&str> = first
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["indicator"].as_str().unwrap())
        .collect();
    assert_eq!(codes[0], "active_disclosure");
    assert_eq!(codes.len(), 9);
    for f in value["totals"].as_array().unwrap() {
        let counted = f["counted"].as_u64().unwrap();
        let parts = f["on_time"].as_u64().unwrap()
            + f["late"].as_u64().unwrap()
            + f["overdue"].as_u64().unwrap();
        assert_eq!(counted, parts, "{f}");
        assert!(["green", "amber", "red", "none"].contains(&f["rag"].as_str().unwrap()));
    }

    let org = units[0]["org_id"].as_i64().unwrap();
    let (status, unit) = office
        .get_text(&format!("/console/compliance/units/{org}?year=2025"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        unit.contains("2025年") && unit.contains("年度报告按期发布"),
        "{unit}"
    );
    let missing = office.get("/console/compliance/units/999999").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_bad_period_is_refused_in_chinese() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    for (query, message) in [
        ("year=abc", "“abc”不是年份"),
        ("year=1800", "1800 不是有效的年份"),
        ("from=2025-06-01&to=2025-01-01", "截止日期不能早于起始日期"),
        ("from=2025-02-30&to=2025-03-01", "日期无效"),
    ] {
        let response = office.get(&format!("/console/compliance?{query}")).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}"
        );
        let text = response.text().await.unwrap();
        assert!(text.contains(message), "{query}: {text}");
    }
    let json = office.get("/console/compliance.json?year=abc").await;
    assert_eq!(json.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
