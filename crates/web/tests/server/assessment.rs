//! The assessment through the server: a scheme form refused in Chinese with what was
//! typed kept, a saved scheme's ranking, the exports, publishing that freezes it, and
//! a change after that saved as a new version.

use crate::helpers::{TestApp, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

fn scheme<'a>(weight: &'a str, rule: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("year", "2026"),
        ("name", "2026年度政务公开考核方案"),
        ("source_0", "requests"),
        ("weight_0", "60"),
        ("rule_0", "proportional"),
        ("source_1", "manual"),
        ("label_1", "网站检查"),
        ("weight_1", weight),
        ("rule_1", rule),
    ]
}

#[tokio::test]
async fn a_scheme_is_checked_scored_exported_published_and_versioned() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let editor = app.signed_in(Role::Editor).await;
    assert_eq!(
        editor.get("/console/assessment").await.status(),
        StatusCode::FORBIDDEN
    );

    let short = office
        .submit(
            "/console/assessment",
            "/console/assessment",
            &scheme("30", "manual"),
        )
        .await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = short.text().await.unwrap();
    assert!(
        text.contains("各项指标权重之和应为 100 分，现为 90 分"),
        "{text}"
    );
    assert!(
        text.contains("value=\"2026年度政务公开考核方案\""),
        "what was typed is kept"
    );
    let no_rule = office
        .submit(
            "/console/assessment",
            "/console/assessment",
            &scheme("40", ""),
        )
        .await;
    assert!(no_rule.text().await.unwrap().contains("请选择计分规则"));
    let (_, list) = office.get_text("/console/assessment").await;
    assert!(list.contains("尚无考核方案"), "nothing saved");

    let saved = office
        .submit(
            "/console/assessment",
            "/console/assessment",
            &scheme("40", "manual"),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let path = location(&saved).to_string();
    let (status, page) = office.get_text(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("依申请公开按期答复（60）") && page.contains("网站检查（40）"),
        "{page}"
    );
    assert!(page.contains("示例区司法局"));

    let refused = office
        .submit(
            &path,
            &format!("{path}/adjustments"),
            &[
                ("org_id", "1"),
                ("points", "3"),
                ("reason", "优秀案例"),
                ("evidence", ""),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("加减分须注明依据材料")
    );

    let sheet = office.get(&format!("{path}/results.xlsx")).await;
    assert_eq!(sheet.status(), StatusCode::OK);
    assert!(sheet.bytes().await.unwrap().starts_with(b"PK"));
    let notice = office.get(&format!("{path}/notice.docx")).await;
    assert_eq!(notice.status(), StatusCode::OK);
    assert!(
        notice.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("wordprocessingml")
    );

    let published = office.submit(&path, &format!("{path}/publish"), &[]).await;
    assert_eq!(location(&published), format!("{path}?done=published"));
    let (_, edit) = office.get_text(&format!("{path}/edit")).await;
    assert!(edit.contains("已锁定") && edit.contains("保存为新版本"));
    let mut changed = scheme("40", "manual");
    changed[1] = ("name", "2026年度政务公开考核方案（修订）");
    let revised = office
        .submit(&format!("{path}/edit"), &format!("{path}/edit"), &changed)
        .await;
    assert_eq!(revised.status(), StatusCode::SEE_OTHER);
    assert_ne!(location(&revised), path, "a new version");
    let (_, list) = office.get_text("/console/assessment").await;
    assert!(
        list.contains("第1版") && list.contains("第2版") && list.contains("已锁定"),
        "{list}"
    );
}
