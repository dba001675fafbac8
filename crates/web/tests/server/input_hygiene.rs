//! What the server accepts as input: contact fields checked by kind with a message
//! naming the field; bytes that are not UTF-8 refused with 400 rather than stored as
//! U+FFFD; one body limit, the configured one, named on the 413 page.

use crate::helpers::{TestApp, csrf_token};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

fn request_form<'a>(phone: &'a str, email: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("applicant_type", "natural_person"),
        ("applicant_name", "张三"),
        ("id_number", "11010519491231002X"),
        ("phone", phone),
        ("email", email),
        ("description", "2024年东城街道老旧小区改造项目的立项批复"),
        ("preferred_form", "电子文本"),
        ("delivery", "电子邮件"),
    ]
}

#[tokio::test]
async fn contact_fields_are_checked_by_kind_and_named() {
    let app = TestApp::spawn().await;
    let citizen = app.client();
    let refused = citizen
        .submit(
            "/requests/new",
            "/requests/new",
            &request_form("12345", "zhangsan@"),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(page.contains("联系电话：请填写有效的手机号码"), "{page}");
    assert!(
        page.contains("电子邮箱：请填写有效的电子邮箱地址"),
        "{page}"
    );

    // Typed with a Chinese input method: kept half-width.
    let accepted = citizen
        .submit(
            "/requests/new",
            "/requests/new",
            &request_form("（０１０）８７６５ ４３２１ 转 ８", "zhangsan＠163．com"),
        )
        .await;
    assert_eq!(accepted.status(), StatusCode::OK);
    let page = accepted.text().await.unwrap();
    let at = page.find("〔").unwrap();
    let serial = &page[at..at + page[at..].find("号").unwrap() + "号".len()];
    let requests = gongkai_store::requests::list(&app.app.store).await.unwrap();
    let request = requests.iter().find(|r| r.serial == serial).unwrap();
    assert_eq!(request.fields.phone, "(010)8765 4321 转 8");
    assert_eq!(request.fields.email, "zhangsan@163.com");

    // The JSON API names the field too.
    let body = serde_json::json!({
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_number": "11010519491231002X",
        "phone": "138-0000",
        "description": "立项批复",
    });
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/requests"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = response.text().await.unwrap();
    assert!(text.contains("联系电话"), "{text}");
}

#[tokio::test]
async fn a_form_that_is_not_utf8_is_refused_with_400_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let citizen = app.client();
    let (_, html) = citizen.get_text("/requests/new").await;
    let token = csrf_token(&html);
    // "张" followed by a lone byte 0xFF in the applicant's name.
    let body = format!(
        "csrf_token={token}&applicant_type=natural_person&applicant_name=%E5%BC%A0%FF\
         &id_number=11010519491231002X&phone=13800000000&description=x\
         &preferred_form=%E7%94%B5%E5%AD%90%E6%96%87%E6%9C%AC\
         &delivery=%E7%94%B5%E5%AD%90%E9%82%AE%E4%BB%B6"
    );
    let response = citizen
        .http
        .post(app.url("/requests/new"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("applicant_name") && page.contains("UTF-8"),
        "{page}"
    );
    assert!(
        page.contains("<html lang=\"zh-CN\""),
        "a styled Chinese page"
    );
    let office = app.signed_in(Role::Office).await;
    let (_, list) = office.get_text("/console/requests").await;
    assert!(!list.contains("张\u{FFFD}"), "nothing was stored");

    // A multipart text field is read the same way.
    let form = reqwest::multipart::Form::new()
        .part(
            "note",
            reqwest::multipart::Part::bytes(vec![0xE5, 0xBC, 0xFF]),
        )
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"<p>x</p>".to_vec()).file_name("a.html"),
        );
    let response = office
        .submit_multipart(
            "/console/documents/import",
            "/console/documents/import",
            form,
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.text().await.unwrap().contains("“note”"));
}

#[tokio::test]
async fn the_configured_body_limit_is_the_one_applied_and_named() {
    // Under the default 10 MB, a 3 MB form is read (axum's own 2 MB is not applied).
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let big = "x".repeat(3 * 1024 * 1024);
    let response = admin
        .submit("/console/orgs/new", "/console/orgs/new", &[("name", &big)])
        .await;
    assert_ne!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);

    let app = TestApp::spawn_with(|s| s.server.body_limit_bytes = 1024 * 1024).await;
    let admin = app.signed_in(Role::Admin).await;
    let big = "x".repeat(3 * 512 * 1024);
    let response = admin
        .submit("/console/orgs/new", "/console/orgs/new", &[("name", &big)])
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let page = response.text().await.unwrap();
    assert!(page.contains("不能超过 1.0 MB"), "{page}");
}
