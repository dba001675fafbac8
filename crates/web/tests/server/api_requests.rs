//! The JSON API of disclosure requests: a client without a browser session submits and
//! tracks a request; the tracking answer never carries personal data; staff list and
//! read requests with the explained due date; forms cannot post to the API cross-site.

use crate::helpers::{Client, TestApp};
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

const ID_NUMBER: &str = "11010519491231002X";
const PHONE: &str = "13800000000";
const EMAIL: &str = "zhangsan@example.cn";
const NOTE: &str = "经查，该统计由本局法律援助中心保存";

fn complete() -> Value {
    json!({
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_number": ID_NUMBER,
        "phone": PHONE,
        "email": EMAIL,
        "description": "2024年东城街道老旧小区改造项目的立项批复",
        "preferred_form": "电子文本",
        "delivery": "电子邮件"
    })
}

/// Posts JSON with a plain client: no cookies, no CSRF token.
async fn post_json(app: &TestApp, path: &str, body: &Value) -> (StatusCode, String, Value) {
    let response = reqwest::Client::new()
        .post(app.url(path))
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let cache = response
        .headers()
        .get("cache-control")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, cache, response.json().await.unwrap())
}

async fn get_json(client: &Client, path: &str) -> (StatusCode, Value) {
    let response = client.get(path).await;
    (response.status(), response.json().await.unwrap())
}

#[tokio::test]
async fn a_json_client_submits_and_tracks_a_request_without_seeing_personal_data() {
    let app = TestApp::spawn().await;
    let (status, cache, submitted) = post_json(&app, "/api/v1/requests", &complete()).await;
    assert_eq!(status, StatusCode::CREATED, "{submitted}");
    assert_eq!(cache, "no-store");
    let serial = submitted["serial"].as_str().unwrap().to_string();
    let code = submitted["tracking_code"].as_str().unwrap().to_string();
    assert!(serial.ends_with("第0001号"), "{serial}");
    assert_eq!(code.len(), 12);
    let today = gongkai_app::documents::today().to_string();
    assert_eq!(submitted["received_on"], today.as_str());
    assert!(submitted["due_on"].as_str().unwrap() > today.as_str());

    let track = json!({"serial": serial, "code": code});
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/requests/track"))
        .json(&track)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let text = response.text().await.unwrap();
    for private in [ID_NUMBER, PHONE, EMAIL, "张三"] {
        assert!(!text.contains(private), "{private} in {text}");
    }
    let tracked: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(tracked["serial"], serial.as_str());
    assert_eq!(
        (&tracked["status"], &tracked["status_label"]),
        (&json!("open"), &json!("办理中"))
    );
    assert_eq!(tracked["received_on"], today.as_str());
    assert_eq!(tracked["due_on"], submitted["due_on"]);
    assert_eq!(tracked["timeliness"]["kind"], "on_time");
    assert!(tracked["timeliness"]["workdays_left"].as_i64().unwrap() >= 19);
    assert_eq!(tracked["reply"], Value::Null);
    assert_eq!(tracked["key_dates"]["replied_on"], Value::Null);
}

#[tokio::test]
async fn a_wrong_code_or_serial_is_not_found_with_no_hint_which() {
    let app = TestApp::spawn().await;
    let (_, _, submitted) = post_json(&app, "/api/v1/requests", &complete()).await;
    let serial = submitted["serial"].as_str().unwrap();
    let cases = [
        json!({"serial": serial, "code": "ABCDEFGHJKMN"}),
        json!({"serial": "〔2000〕第9999号", "code": "ABCDEFGHJKMN"}),
        json!({"serial": "〔2000〕第9999号", "code": submitted["tracking_code"]}),
    ];
    let mut bodies = Vec::new();
    for body in &cases {
        let (status, cache, answer) = post_json(&app, "/api/v1/requests/track", body).await;
        assert_eq!(
            (status, cache.as_str()),
            (StatusCode::NOT_FOUND, "no-store"),
            "{body}"
        );
        assert_eq!(answer["error"]["code"], "not_found");
        bodies.push(answer);
    }
    assert!(bodies.windows(2).all(|w| w[0] == w[1]), "{bodies:?}");
}

#[tokio::test]
async fn an_incomplete_submission_names_every_wrong_field_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let incomplete = json!({
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_number": ID_NUMBER
    });
    let (status, cache, body) = post_json(&app, "/api/v1/requests", &incomplete).await;
    assert_eq!(
        (status, cache.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "no-store")
    );
    assert_eq!(body["error"]["code"], "invalid_form");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("联系方式") && message.contains("所需信息"),
        "{message}"
    );
    assert_eq!(body["error"]["fields"], json!(["联系方式", "所需信息"]));

    let office = app.signed_in(Role::Office).await;
    let (status, list) = get_json(&office, "/api/v1/requests").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["requests"], json!([]), "nothing saved");
}

#[tokio::test]
async fn staff_list_and_read_requests_with_the_explained_due_date() {
    let app = TestApp::spawn().await;
    let (_, _, submitted) = post_json(&app, "/api/v1/requests", &complete()).await;
    let office = app.signed_in(Role::Office).await;

    let (status, list) = get_json(&office, "/api/v1/requests").await;
    assert_eq!(status, StatusCode::OK);
    let row = &list["requests"][0];
    assert_eq!(row["serial"], submitted["serial"]);
    assert_eq!(row["due_on"], submitted["due_on"]);
    assert_eq!(row["status"], "open");
    let (_, soon) = get_json(&office, "/api/v1/requests?within=5").await;
    assert_eq!(soon["requests"], json!([]), "due in 20 working days");

    let path = format!("/api/v1/requests/{}", row["id"]);
    let (status, detail) = get_json(&office, &path).await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    assert_eq!(detail["applicant"]["id_number"], ID_NUMBER);
    assert_eq!(detail["applicant"]["phone"], PHONE);
    let explanation: Vec<&str> = detail["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(
        explanation.iter().any(|l| l.contains("起算：收到申请之日")),
        "{explanation:?}"
    );
    assert_eq!(detail["clock_steps"][0]["kind"], "start");
    assert_eq!(detail["clock_steps"][1]["kind"], "period");
    assert_eq!(detail["clock_steps"][1]["due_on"], submitted["due_on"]);
    assert!(detail["provisional"].is_boolean());

    // Internal steps are for staff only.
    let console = format!("/console/requests/{}", row["id"]);
    let today = gongkai_app::documents::today().to_string();
    let judiciary = app.org_id("示例区司法局").await.to_string();
    let internal = [
        vec![
            ("kind", "assign"),
            ("org", judiciary.as_str()),
            ("on", &today),
        ],
        vec![("kind", "note"), ("on", &today), ("note", NOTE)],
    ];
    for fields in internal {
        let done = office
            .submit(&console, &format!("{console}/steps"), &fields)
            .await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER, "{fields:?}");
    }
    let (_, detail) = get_json(&office, &path).await;
    let kinds: Vec<&str> = detail["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["assign", "note"]);
    assert_eq!(detail["events"][1]["note"], NOTE);

    // Replied: the applicant sees the outcome and its legal basis, not the internal steps.
    let reply = office
        .submit(
            &console,
            &format!("{console}/reply"),
            &[("outcome", "disclosed"), ("on", &today)],
        )
        .await;
    assert_eq!(reply.status(), StatusCode::SEE_OTHER);
    let track = json!({"serial": submitted["serial"], "code": submitted["tracking_code"]});
    let (_, _, tracked) = post_json(&app, "/api/v1/requests/track", &track).await;
    assert!(!tracked.to_string().contains(NOTE), "{tracked}");
    assert_eq!(tracked["events"].as_array().unwrap().len(), 1, "{tracked}");
    assert_eq!(tracked["events"][0]["kind"], "reply");
    assert_eq!(tracked["status_label"], "已答复");
    assert_eq!(tracked["reply"]["outcome"], "disclosed");
    assert_eq!(tracked["key_dates"]["replied_on"], today.as_str());
    assert!(!tracked["reply"]["legal_basis"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn staff_endpoints_need_a_handler_signed_in() {
    let app = TestApp::spawn().await;
    let (_, _, _) = post_json(&app, "/api/v1/requests", &complete()).await;
    let office = app.signed_in(Role::Office).await;
    let (_, list) = get_json(&office, "/api/v1/requests").await;
    let path = format!("/api/v1/requests/{}", list["requests"][0]["id"]);

    for anonymous in ["/api/v1/requests", path.as_str()] {
        let (status, body) = get_json(&app.client(), anonymous).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{anonymous}");
        assert_eq!(body["error"]["code"], "unauthenticated");
    }
    let editor = app.signed_in(Role::Editor).await;
    let (status, body) = get_json(&editor, &path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "forbidden");
    let (_, theirs) = get_json(&editor, "/api/v1/requests").await;
    assert_eq!(theirs["requests"], json!([]), "an editor handles none");
}

#[tokio::test]
async fn a_form_post_to_the_api_without_a_csrf_token_is_refused() {
    let app = TestApp::spawn().await;
    let fields = [
        ("applicant_type", "natural_person"),
        ("applicant_name", "张三"),
        ("id_number", ID_NUMBER),
        ("phone", PHONE),
        ("description", "立项批复"),
    ];
    for path in ["/api/v1/requests", "/api/v1/requests/track"] {
        let refused = app.client().post_form(path, &fields).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{path}");
        let body: Value = refused.json().await.unwrap();
        assert_eq!(body["error"]["code"], "csrf_refused");
    }
    let plain = reqwest::Client::new()
        .post(app.url("/api/v1/requests"))
        .header("content-type", "text/plain")
        .body(complete().to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(
        plain.status(),
        StatusCode::FORBIDDEN,
        "text/plain is a form"
    );
    let outside_api = reqwest::Client::new()
        .post(app.url("/requests/new"))
        .json(&complete())
        .send()
        .await
        .unwrap();
    assert_eq!(
        outside_api.status(),
        StatusCode::FORBIDDEN,
        "JSON needs the token outside /api/"
    );
    let office = app.signed_in(Role::Office).await;
    let (_, list) = get_json(&office, "/api/v1/requests").await;
    assert_eq!(list["requests"], json!([]), "nothing saved");

    let with_charset = reqwest::Client::new()
        .post(app.url("/api/v1/requests"))
        .header("content-type", "application/json; charset=utf-8")
        .body(complete().to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(with_charset.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn the_openapi_document_lists_the_request_endpoints() {
    let app = TestApp::spawn().await;
    let (_, doc) = get_json(&app.client(), "/api/v1/openapi.json").await;
    for path in [
        "/api/v1/requests",
        "/api/v1/requests/track",
        "/api/v1/requests/{id}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    assert!(doc["components"]["schemas"]["Tracked"].is_object());
}
