//! The disclosure platform's four columns.

use crate::helpers::TestApp;
use gongkai_app::Actor;
use gongkai_app::documents::import_text;
use reqwest::StatusCode;

#[tokio::test]
async fn the_hub_links_the_four_unified_columns() {
    let app = TestApp::spawn().await;
    let (status, html) = app.client().get_text("/xxgk").await;
    assert_eq!(status, StatusCode::OK);
    for (href, name) in [
        ("/xxgk/guide", "政府信息公开指南"),
        ("/xxgk/rules", "政府信息公开制度"),
        ("/xxgk/statutory", "法定主动公开内容"),
        ("/xxgk/annual-reports", "政府信息公开年报"),
    ] {
        assert!(
            html.contains(&format!("<a href=\"{href}\">{name}</a>")),
            "{name}"
        );
        let (status, _) = app.client().get_text(href).await;
        assert_eq!(status, StatusCode::OK, "{href}");
    }
    for export in ["/api/v1/documents.jsonl", "/api/v1/documents.csv"] {
        assert!(
            html.contains(&format!("<a href=\"{export}\">")),
            "open data linked: {export}"
        );
    }
}

#[tokio::test]
async fn the_guide_names_the_configured_office_and_never_leaves_a_blank() {
    let app = TestApp::spawn_with(|s| {
        s.office.name = "测试区人民政府办公室".to_string();
        s.office.phone = "023-12345678".to_string();
    })
    .await;
    let (_, html) = app.client().get_text("/xxgk/guide").await;
    assert!(html.contains("测试区人民政府政府信息公开指南"));
    assert!(html.contains("<dd>测试区人民政府办公室</dd>"));
    assert!(html.contains("<dd>023-12345678</dd>"));
    assert!(
        html.contains("<dt>传真</dt><dd>未公布</dd>"),
        "unset fields say so"
    );
    assert!(html.contains("20 个工作日"), "the statutory reply period");
}

#[tokio::test]
async fn rules_and_annual_reports_are_picked_from_the_library_by_their_titles() {
    let app = TestApp::spawn().await;
    let actor = Actor::system("test");
    for text in [
        "测试区2025年政府信息公开工作年度报告\n\n一、总体情况\n",
        "测试区政府信息公开保密审查制度\n\n第一条 为规范……\n",
    ] {
        import_text(&app.app, &actor, text).await.unwrap();
    }
    let (_, reports) = app.client().get_text("/xxgk/annual-reports").await;
    assert!(reports.contains("测试区2025年政府信息公开工作年度报告"));
    assert!(!reports.contains("保密审查制度"));
    let (_, rules) = app.client().get_text("/xxgk/rules").await;
    assert!(rules.contains("测试区政府信息公开保密审查制度"));
    assert!(!rules.contains("年度报告"));
}
