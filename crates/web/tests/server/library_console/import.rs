//! Importing from the console: the office uploads portal pages and Word/PDF files and
//! reads the per-file report; importing again changes nothing; others may not import.

use crate::helpers::TestApp;
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

const PAGE: &str = "/console/documents/import";

fn notice_page() -> Vec<u8> {
    "<html><head><title>门户</title></head><body><nav>首页 › 政策文件</nav>\
     <h1>示例区关于做好2026年政务公开工作的通知</h1>\
     <p>示府办发〔2026〕12号</p><p>各街道办事处、区政府各部门：</p>\
     <p>现就做好2026年政务公开工作通知如下。</p>\
     <p>示例区人民政府办公室</p><p>2026年3月2日</p></body></html>"
        .as_bytes()
        .to_vec()
}

fn upload(files: &[(&str, Vec<u8>)]) -> Form {
    files.iter().fold(Form::new(), |form, (name, bytes)| {
        form.part(
            "files",
            Part::bytes(bytes.clone()).file_name(name.to_string()),
        )
    })
}

#[tokio::test]
async fn the_office_imports_files_and_reads_what_was_skipped_and_why() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let (status, form) = office.get_text(PAGE).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("type=\"file\" multiple"));
    let files = [
        ("通知.html", notice_page()),
        ("台账.xlsx", b"PK\x03\x04".to_vec()),
        ("损坏.docx", b"not a zip".to_vec()),
    ];
    let response = office.submit_multipart(PAGE, PAGE, upload(&files)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let report = response.text().await.unwrap();
    assert!(
        report.contains("导入完成：新增 1 件，更新 0 件，未变化 0 件，未导入 2 个文件。"),
        "{report}"
    );
    assert!(
        report.contains(
            "<td>台账.xlsx</td><td>文件内容：Excel 工作簿（.xlsx）无法读取，文件可能已损坏"
        ),
        "{report}"
    );
    assert!(
        report
            .contains("<td>损坏.docx</td><td>文件内容：Word 文档（.docx）无法读取，文件可能已损坏"),
        "{report}"
    );
    let (_, list) = app.client().get_text("/documents").await;
    assert!(
        list.contains("示例区关于做好2026年政务公开工作的通知"),
        "published as imported"
    );

    let again = office
        .submit_multipart(PAGE, PAGE, upload(&files[..1]))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        again.contains("新增 0 件，更新 0 件，未变化 1 件"),
        "{again}"
    );
}

#[tokio::test]
async fn only_the_office_imports_and_an_empty_upload_is_refused() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    assert_eq!(editor.get(PAGE).await.status(), StatusCode::FORBIDDEN);
    let office = app.signed_in(Role::Office).await;
    let none = office
        .submit_multipart(PAGE, PAGE, Form::new().text("x", "y"))
        .await;
    assert_eq!(none.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.text().await.unwrap().contains("请选择要导入的文件"));
}

#[tokio::test]
async fn an_imported_table_stays_a_table() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let page = "<html><body><h1>关于2026年临时救助资金分配情况的公示</h1>\
        <p>现将分配情况公示如下：</p>\
        <table><tr><th>序号</th><th>街道</th><th>金额（万元）</th></tr>\
        <tr><td>1</td><td>东城街道</td><td>12.5</td></tr>\
        <tr><td>2</td><td>西城街道</td><td>8.0</td></tr></table>\
        <p>公示期5个工作日。</p></body></html>";
    let files = [("公示.html", page.as_bytes().to_vec())];
    let response = office.submit_multipart(PAGE, PAGE, upload(&files)).await;
    assert!(response.text().await.unwrap().contains("新增 1 件"));
    let (_, list) = app.client().get_text("/documents").await;
    let at = list.find("关于2026年临时救助资金分配情况的公示").unwrap();
    let link = list[..at].rfind("href=\"/documents/").unwrap() + "href=\"".len();
    let path = &list[link..at - 2];
    let (_, html) = app.client().get_text(path).await;
    assert!(
        html.contains("<th scope=\"col\">金额（万元）</th>"),
        "{html}"
    );
    assert!(
        html.contains("<tr><td>1</td><td>东城街道</td><td>12.5</td></tr>"),
        "{html}"
    );
    assert!(html.contains("<p>公示期5个工作日。</p>"));
    assert!(!html.contains("<p>东城街道</p>"), "no cell as a paragraph");
}
