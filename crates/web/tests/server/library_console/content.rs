//! What a document carries: script payloads neutralised everywhere, attachments stored
//! by content and downloaded under their names, uploads over the limit refused.

use super::{draft, publish, review, upload};
use crate::helpers::{TestApp, csrf_token};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn script_payloads_are_neutralised_on_every_page_and_in_the_feed() {
    let app = TestApp::spawn().await;
    let title = "<script>alert('t')</script>通知";
    let body = "<p onclick=\"steal()\">正文</p><script>alert(1)</script>\
                <img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">点我</a>";
    let id = publish(&app, &[("title", title), ("body_html", body)]).await;
    let public = app.client();
    let reviewer = app.signed_in(Role::Reviewer).await;
    let pages = [
        public.get_text(&format!("/documents/{id}")).await.1,
        public.get_text("/documents").await.1,
        public.get_text("/documents/feed.atom").await.1,
        public.get_text("/search?q=通知").await.1,
        reviewer
            .get_text(&format!("/console/documents/{id}"))
            .await
            .1,
        reviewer.get_text("/console/documents").await.1,
    ];
    for page in pages {
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(!page.contains("onerror=alert"), "{page}");
        assert!(!page.contains("onclick="), "{page}");
        assert!(!page.contains("javascript:alert"), "{page}");
    }
    let (_, html) = public.get_text(&format!("/documents/{id}")).await;
    assert!(html.contains("<p>正文</p>"), "harmless markup kept");
}

#[tokio::test]
async fn attachments_are_stored_by_content_and_downloaded_under_their_names() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(&app, &editor, &[("title", "带附件的文件")]).await;
    let upload = |name: &'static str, bytes: Vec<u8>| upload(&app, &editor, &path, name, bytes);
    let pdf = crate::helpers::fixture("attachments/实施细则.pdf");
    assert_eq!(
        upload("附件1 实施细则.pdf", pdf.clone()).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        upload("副本.pdf", pdf.clone()).await.status(),
        StatusCode::SEE_OTHER
    );
    let refused = upload("run.exe", b"MZ".to_vec()).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("不支持的文件类型"));

    let files: Vec<_> = walk(&app.app.data_dir.join("files"));
    assert_eq!(files.len(), 1, "the same content is kept once: {files:?}");

    let (_, html) = editor.get_text(&path).await;
    let link = html.split(&format!("{path}/attachments/")).nth(1).unwrap();
    let attachment: String = link.chars().take_while(char::is_ascii_digit).collect();
    let id = review(&app, &editor, &path).await;
    let response = app
        .client()
        .get(&format!("/documents/{id}/attachments/{attachment}"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains(
            "filename*=UTF-8''%E9%99%84%E4%BB%B61%20%E5%AE%9E%E6%96%BD%E7%BB%86%E5%88%99.pdf"
        ),
        "{disposition}"
    );
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert_eq!(response.bytes().await.unwrap().to_vec(), pdf);
    let missing = app
        .client()
        .get(&format!("/documents/{id}/attachments/999999"))
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[tokio::test]
async fn an_upload_over_the_limit_gets_413_and_a_clear_message() {
    let app = TestApp::spawn_with(|s| s.server.body_limit_bytes = 64 * 1024).await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(&app, &editor, &[("title", "大附件")]).await;
    let (_, html) = editor.get_text(&path).await;
    let token = csrf_token(&html);
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(vec![b'x'; 200 * 1024]).file_name("big.pdf"),
    );
    let response = editor
        .http
        .post(app.url(&format!("{path}/attachments?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let text = response.text().await.unwrap();
    assert!(
        text.contains("提交的内容过大") && text.contains("0.1 MB"),
        "{text}"
    );
}
