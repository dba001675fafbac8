//! The JSON API: field names are a contract.

use crate::helpers::TestApp;
use reqwest::StatusCode;
use serde_json::Value;

async fn json(app: &TestApp, path: &str) -> (StatusCode, Value) {
    let response = app.client().get(path).await;
    let status = response.status();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn documents_are_listed_with_stable_field_names_filters_and_pages() {
    let app = TestApp::spawn().await;
    let (status, all) = json(&app, "/api/v1/documents").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(all["total"], 5);
    let first = &all["documents"][0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "doc_number",
            "genre",
            "id",
            "index_number",
            "issuer",
            "published_on",
            "title",
            "topic",
            "url",
            "validity",
            "written_on"
        ]
    );
    let cases = [
        (
            "/api/v1/documents?issuer=%E4%B8%A4%E6%B1%9F%E6%96%B0%E5%8C%BA%E7%AE%A1%E5%A7%94%E4%BC%9A",
            1,
        ),
        ("/api/v1/documents?year=2019", 1),
        ("/api/v1/documents?validity=valid", 5),
        ("/api/v1/documents?validity=%E5%BA%9F%E6%AD%A2", 0),
        ("/api/v1/documents?topic=&genre=", 5),
    ];
    for (path, total) in cases {
        let (status, body) = json(&app, path).await;
        assert_eq!(
            (status, body["total"].as_i64()),
            (StatusCode::OK, Some(total)),
            "{path}"
        );
    }
    let (_, paged) = json(&app, "/api/v1/documents?per_page=2&page=3").await;
    assert_eq!(
        (
            paged["total"].as_i64(),
            paged["documents"].as_array().map(Vec::len)
        ),
        (Some(5), Some(1))
    );
}

#[tokio::test]
async fn a_bad_filter_or_a_missing_document_is_a_json_error_with_a_stable_code() {
    let app = TestApp::spawn().await;
    let (status, body) = json(&app, "/api/v1/documents?validity=maybe").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["code"], "unknown_validity");
    assert!(body["error"]["message"].as_str().unwrap().contains("maybe"));
    let (status, body) = json(&app, "/api/v1/documents/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "not_found");
}

#[tokio::test]
async fn one_document_carries_its_metadata_and_bodies() {
    let app = TestApp::spawn().await;
    let (_, list) = json(&app, "/api/v1/documents?year=2020&issuer=%E4%B8%A4%E6%B1%9F%E6%96%B0%E5%8C%BA%E7%AE%A1%E5%A7%94%E4%BC%9A").await;
    let id = list["documents"][0]["id"].as_i64().unwrap();
    let (status, doc) = json(&app, &format!("/api/v1/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["index_number"], "115000005567784755/2020-01891");
    assert_eq!(doc["doc_number"], "渝两江管办发﹝2020﹞74号");
    assert_eq!(doc["written_on"], "2020-09-15");
    assert_eq!(doc["published_on"], "2020-09-17");
    assert_eq!(doc["validity"], "valid");
    assert!(doc["body_text"].as_str().unwrap().contains("各街道办事处"));
    assert!(doc["body_html"].as_str().unwrap().starts_with("<p>"));
}

#[tokio::test]
async fn the_openapi_document_describes_the_endpoints() {
    let app = TestApp::spawn().await;
    let (status, spec) = json(&app, "/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/api/v1/documents", "/api/v1/documents/{id}"] {
        assert!(spec["paths"][path]["get"].is_object(), "{path}");
    }
    assert!(
        spec["components"]["schemas"]["DocumentSummary"]["properties"]["index_number"].is_object()
    );
}

#[tokio::test]
async fn search_finds_a_doc_number_in_any_bracket_form_first_with_stable_fields() {
    let app = TestApp::spawn().await;
    for q in [
        "渝中府办[2022]24号",
        "渝中府办（2022）24号",
        "渝中府办 〔2022〕 24号",
    ] {
        let path = format!("/api/v1/search?q={}", url_encode(q));
        let (status, body) = json(&app, &path).await;
        assert_eq!(status, StatusCode::OK, "{q}");
        assert_eq!(
            body["hits"][0]["doc_number"], "渝中府办〔2022〕24号",
            "{q}: {body}"
        );
    }
    let (_, body) = json(
        &app,
        &format!("/api/v1/search?q={}", url_encode("政务公开")),
    )
    .await;
    assert!(body["total"].as_u64().unwrap() >= 4, "{body}");
    let hit = body["hits"][0].as_object().unwrap();
    let mut keys: Vec<&str> = hit.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "doc_number",
            "id",
            "index_number",
            "issuer",
            "published_on",
            "snippet",
            "title",
            "validity"
        ]
    );
    let facets = body["facets"].as_object().unwrap();
    let mut names: Vec<&str> = facets.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["genre", "issuer", "topic", "validity", "year"]);
    for value in body["facets"]["year"].as_array().unwrap() {
        let year = value["value"].as_str().unwrap();
        let path = format!("/api/v1/search?q={}&year={year}", url_encode("政务公开"));
        let (_, filtered) = json(&app, &path).await;
        assert_eq!(filtered["total"], value["count"], "year {year}");
    }
    let (status, bad) = json(&app, "/api/v1/search?q=x&sort=sideways").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad["error"]["code"], "invalid_input");
}

fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn an_unknown_api_address_answers_in_json() {
    let app = TestApp::spawn().await;
    let response = app.client().get("/api/v1/nothing-here").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let json: serde_json::Value = response.json().await.unwrap();
    assert_eq!(json["error"]["code"], "not_found");
}
