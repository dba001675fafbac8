//! The console's annual report page through the real server: the office reads the
//! report, enters what the platform does not hold, downloads it in four formats; wrong
//! entries are named and nothing is saved; staff who do not handle requests get 403.

use crate::helpers::{Client, TestApp, document_xml};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

const PAGE: &str = "/console/reports/annual?year=2025";

async fn download(office: &Client, format: &str) -> reqwest::Response {
    office
        .get(&format!(
            "/console/reports/annual/download?year=2025&format={format}"
        ))
        .await
}

#[tokio::test]
async fn the_office_enters_figures_and_texts_and_downloads_the_report() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let (status, page) = office.get_text(PAGE).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("2025年政府信息公开工作年度报告"), "{page}");
    assert!(page.contains("三、收到和处理政府信息公开申请情况"));
    assert!(page.contains("勾稽关系相符"));
    let action = {
        let at = page.find("/console/reports/annual/inputs?").unwrap();
        page[at..at + page[at..].find('"').unwrap()].replace("&amp;", "&")
    };

    // Wrong figures: each named, nothing saved.
    let wrong = [
        ("licensing", "很多"),
        ("fees", "-3"),
        ("overview", "不应保存"),
    ];
    let refused = office.submit(PAGE, &action, &wrong).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.unwrap();
    assert!(body.contains("行政许可处理决定数量") && body.contains("行政事业性收费金额"));
    let (_, page) = office.get_text(PAGE).await;
    assert!(!page.contains("不应保存"));

    let entries = [
        ("licensing", "12"),
        ("penalty", "3"),
        ("enforcement", "1"),
        ("fees", "2.5"),
        ("overview", "本年度，我区认真贯彻落实《条例》。"),
        ("problems", "公开质量有待提升。"),
        ("other", ""),
    ];
    let saved = office.submit(PAGE, &action, &entries).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, page) = office.get_text(PAGE).await;
    assert!(page.contains("本年度，我区认真贯彻落实《条例》。"));

    let json: serde_json::Value = download(&office, "json").await.json().await.unwrap();
    assert_eq!(json["year"], 2025);
    assert_eq!(json["section2_proactive"]["licensing_decisions"], 12);
    assert_eq!(json["section2_proactive"]["fees_wan_yuan"], "2.5");
    assert_eq!(json["section5_problems"], "公开质量有待提升。");
    assert_eq!(json["section6_other"], "");
    assert_eq!(json["consistent"], true);

    let docx = download(&office, "docx").await;
    assert_eq!(docx.status(), StatusCode::OK);
    assert!(
        docx.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains(".docx")
    );
    let bytes = docx.bytes().await.unwrap();
    let xml = document_xml(&bytes);
    assert!(xml.contains("本年度，我区认真贯彻落实《条例》。"));
    assert!(xml.contains("四、政府信息公开行政复议、行政诉讼情况"));
    let xlsx = download(&office, "xlsx").await;
    assert_eq!(
        xlsx.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let html = download(&office, "html").await.text().await.unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("公开质量有待提升。"));
    assert_eq!(
        download(&office, "pdf").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // Published: the platform's 年报 column lists it; page, JSON and API are public.
    let public = app.client();
    let (_, column) = public.get_text("/xxgk/annual-reports").await;
    assert!(!column.contains("2025年政府信息公开工作年度报告"));
    let publish_action = action.replace("/inputs?", "/publish?");
    let published = office.submit(PAGE, &publish_action, &[]).await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    let (_, page) = office.get_text(PAGE).await;
    assert!(page.contains("重新发布"));
    let (_, column) = public.get_text("/xxgk/annual-reports").await;
    let at = column.find("href=\"/xxgk/annual-reports/").unwrap() + "href=\"".len();
    let link = column[at..at + column[at..].find('"').unwrap()].to_string();
    assert!(
        column.contains("2025年政府信息公开工作年度报告"),
        "{column}"
    );
    let (status, html) = public.get_text(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("公开质量有待提升。"));
    // In the site's layout and stylesheet: the CSP blocks inline styles.
    assert!(!html.contains("<style"), "{html}");
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/static/site.css\">"));
    assert!(html.contains("<table class=\"report\">"));
    // 国办公开办函〔2021〕30号: 法人或其他组织 spans its five columns.
    assert!(
        html.contains("<th scope=\"colgroup\" colspan=\"5\">法人或其他组织</th>"),
        "{html}"
    );
    assert!(html.contains("<th scope=\"col\">商业企业</th>"));
    let frozen: serde_json::Value = public
        .get(&format!("{link}/json"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(frozen["section2_proactive"]["licensing_decisions"], 12);
    let api: serde_json::Value = public
        .get("/api/v1/annual-reports")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["items"][0]["year"], 2025);
    let url = api["items"][0]["url"].as_str().unwrap().to_string();
    let by_api: serde_json::Value = public.get(&url).await.json().await.unwrap();
    assert_eq!(by_api, frozen);
    let missing = public.get("/api/v1/annual-reports/1/2019").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_those_who_handle_requests_see_the_report() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    assert_eq!(editor.get(PAGE).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.client().get(PAGE).await.status(),
        StatusCode::SEE_OTHER,
        "anonymous visitors are sent to the login"
    );
    let office = app.signed_in(Role::Office).await;
    let future = office.get("/console/reports/annual?year=2999").await;
    assert_eq!(future.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
