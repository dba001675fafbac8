//! The public pages of the policy library.

use crate::helpers::TestApp;
use gongkai_app::Actor;
use gongkai_app::documents::import_text;
use reqwest::StatusCode;

async fn seed_000_id(app: &TestApp) -> i64 {
    gongkai_store::documents::find_by_index_number(&app.app.store, "115000005567784755/2020-01891")
        .await
        .unwrap()
        .unwrap()
        .id
        .0
}

#[tokio::test]
async fn the_library_lists_the_demo_documents_newest_first() {
    let app = TestApp::spawn().await;
    let (status, html) = app.client().get_text("/documents").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("共 5 件"), "{html}");
    let newest = html.find("渝中区2022年政务公开工作要点任务分工").unwrap();
    let oldest = html.find("德庆县2019年政务公开工作要点分工方案").unwrap();
    assert!(newest < oldest, "newest first");
}

#[tokio::test]
async fn a_document_page_shows_the_eight_header_fields_in_portal_order() {
    let app = TestApp::spawn().await;
    let id = seed_000_id(&app).await;
    let (status, html) = app.client().get_text(&format!("/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let expected = [
        ("索引号", "115000005567784755/2020-01891"),
        ("发文字号", "渝两江管办发﹝2020﹞74号"),
        ("主题分类", "行政事务"),
        ("体裁分类", "其他公文"),
        ("发布机构", "两江新区管委会"),
        ("有效性", "有效"),
        ("成文日期", "2020-09-15"),
        ("发布日期", "2020-09-17"),
    ];
    let mut last = 0;
    for (label, value) in expected {
        let cell = format!("<th scope=\"row\">{label}</th><td>{value}</td>");
        let at = html
            .find(&cell)
            .unwrap_or_else(|| panic!("{cell} missing: {html}"));
        assert!(at > last, "{label} out of order");
        last = at;
    }
    assert!(html.contains("<h1 class=\"doc-title\">重庆两江新区管理委员会办公室关于印发2020年两江新区政务公开工作要点任务分工的通知</h1>"));
}

#[tokio::test]
async fn script_payloads_in_imported_text_are_neutralised() {
    let app = TestApp::spawn().await;
    let text = "关于<script>alert(1)</script>的通知\n\n正文<img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">链接</a>\n";
    import_text(&app.app, &Actor::system("test"), text)
        .await
        .unwrap();
    let (_, list) = app.client().get_text("/documents").await;
    assert!(!list.contains("<script>alert(1)"), "{list}");
    let id = gongkai_store::documents::list(&app.app.store, 10, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.fields.title.contains("alert(1)"))
        .unwrap()
        .id
        .0;
    let (_, html) = app.client().get_text(&format!("/documents/{id}")).await;
    assert!(
        !html.contains("<script>alert") && !html.contains("<img src=x"),
        "{html}"
    );
    assert!(!html.contains("href=\"javascript:"), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(2)&gt;"),
        "{html}"
    );
}

#[tokio::test]
async fn documents_that_are_not_public_are_not_found() {
    let app = TestApp::spawn().await;
    let mut tx = app.app.store.begin(Actor::system("test")).await.unwrap();
    let mut fields = gongkai_store::documents::get(
        &app.app.store,
        gongkai_app::DocumentId(seed_000_id(&app).await),
    )
    .await
    .unwrap()
    .fields;
    fields.title = "尚在起草的文件".into();
    let draft = gongkai_store::documents::create(
        &mut tx,
        "draft/2026-00001",
        &fields,
        gongkai_domain::lifecycle::DocumentStatus::Draft,
        None,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let client = app.client();
    assert_eq!(
        client
            .get(&format!("/documents/{}", draft.id))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        client.get("/documents/999999").await.status(),
        StatusCode::NOT_FOUND
    );
    let (_, list) = client.get_text("/documents").await;
    assert!(!list.contains("尚在起草的文件"));
}

#[tokio::test]
async fn the_atom_feed_lists_new_publications_with_escaped_text() {
    let app = TestApp::spawn().await;
    let text = "关于<script>alert(1)</script>&的通知\n\n正文\n";
    import_text(&app.app, &Actor::system("test"), text)
        .await
        .unwrap();
    let response = app.client().get("/documents/feed.atom").await;
    assert_eq!(response.status(), StatusCode::OK);
    let kind = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(kind.starts_with("application/atom+xml"), "{kind}");
    let xml = response.text().await.unwrap();
    assert!(
        xml.starts_with("<?xml") && xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
    );
    assert_eq!(xml.matches("<entry>").count(), 6, "{xml}");
    let base = format!("http://{}", app.address);
    assert!(
        xml.contains(&format!(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"{base}/documents/feed.atom\"/>"
        )),
        "{xml}"
    );
    assert!(
        xml.contains("渝两江管办发﹝2020﹞74号 · 两江新区管委会"),
        "{xml}"
    );
    assert!(!xml.contains("<script>"), "{xml}");
    assert!(
        xml.contains("&#60;script&#62;alert(1)&#60;/script&#62;&#38;"),
        "{xml}"
    );
}
