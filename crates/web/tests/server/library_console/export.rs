//! The complete export of the public library (JSON Lines and CSV) and the Atom feed's
//! times: what a script that mirrors the library relies on.

use super::{draft, relate, review, upload};
use crate::helpers::TestApp;
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use serde_json::Value;

/// Publishes an interpretation of document 1 with an attachment; returns its id.
async fn interpretation_with_attachment(app: &TestApp) -> String {
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(
        app,
        &editor,
        &[
            ("title", "《示例办法》政策解读"),
            ("published_on", "2021-05-06"),
            ("interpretation_form", "text"),
            ("body_html", "<p>解读正文</p>"),
        ],
    )
    .await;
    relate(&editor, &path, "interprets", "1").await;
    let uploaded = upload(app, &editor, &path, "图解.txt", "图解内容".into()).await;
    assert_eq!(uploaded.status(), StatusCode::SEE_OTHER);
    review(app, &editor, &path).await
}

async fn total(app: &TestApp) -> usize {
    let list: Value = app
        .client()
        .get("/api/v1/documents")
        .await
        .json()
        .await
        .unwrap();
    list["total"].as_u64().unwrap() as usize
}

#[tokio::test]
async fn every_public_document_is_one_json_line_with_relations_and_attachment_links() {
    let app = TestApp::spawn().await;
    let id = interpretation_with_attachment(&app).await;
    let response = app.client().get("/api/v1/documents.jsonl").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "application/x-ndjson; charset=utf-8"
    );
    let text = response.text().await.unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), total(&app).await, "{text}");
    let id: i64 = id.parse().unwrap();
    let ours = lines.iter().find(|d| d["id"] == id).unwrap();
    assert_eq!(ours["title"], "《示例办法》政策解读");
    assert_eq!(ours["relations"][0]["kind"], "interprets");
    assert_eq!(ours["relations"][0]["direction"], "outgoing");
    assert_eq!(ours["relations"][0]["id"], 1);
    assert_eq!(
        ours["updated"], "2021-05-05T16:00:00Z",
        "the 发布日期, not the record"
    );
    let link = ours["attachments"][0]["url"].as_str().unwrap();
    let file = app.client().get(link).await;
    assert_eq!(file.status(), StatusCode::OK, "{link}");
    assert_eq!(file.text().await.unwrap(), "图解内容");
    let policy = lines.iter().find(|d| d["id"] == 1).unwrap();
    assert_eq!(policy["relations"][0]["direction"], "incoming");
}

#[tokio::test]
async fn the_csv_export_has_a_header_and_one_row_per_public_document() {
    let app = TestApp::spawn().await;
    let id = interpretation_with_attachment(&app).await;
    let response = app.client().get("/api/v1/documents.csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.contains("documents.csv"), "{disposition}");
    let text = response.text().await.unwrap();
    let mut rows = text.lines();
    let header = rows.next().unwrap();
    assert!(
        header.starts_with("id,index_number,title,doc_number,issuer"),
        "{header}"
    );
    assert_eq!(rows.clone().count(), total(&app).await);
    let ours = rows.find(|r| r.starts_with(&format!("{id},"))).unwrap();
    assert!(ours.contains("interprets:outgoing:1"), "{ours}");
    assert!(
        ours.contains(&format!("/documents/{id}/attachments/")),
        "{ours}"
    );
}

#[tokio::test]
async fn a_document_enters_the_export_when_it_is_published() {
    let app = TestApp::spawn().await;
    let before = total(&app).await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(&app, &editor, &[("title", "尚未发布的办法")]).await;
    let text = app.client().get_text("/api/v1/documents.jsonl").await.1;
    assert_eq!(text.lines().count(), before, "a draft is not public");
    assert!(!text.contains("尚未发布的办法"));
    review(&app, &editor, &path).await;
    let text = app.client().get_text("/api/v1/documents.jsonl").await.1;
    assert_eq!(text.lines().count(), before + 1);
    assert!(text.contains("尚未发布的办法"));
}

#[tokio::test]
async fn the_feed_dates_an_entry_by_its_publication_not_its_record() {
    let app = TestApp::spawn().await;
    interpretation_with_attachment(&app).await;
    let xml = app.client().get_text("/documents/feed.atom").await.1;
    let entry = xml
        .split("<entry>")
        .find(|e| e.contains("《示例办法》政策解读"))
        .unwrap();
    assert!(
        entry.contains("<updated>2021-05-05T16:00:00Z</updated>"),
        "{entry}"
    );
}
