//! Health, metrics, headers, preferences and the error pages.

use crate::helpers::{TestApp, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn healthz_answers_ok_while_the_database_does() {
    let app = TestApp::spawn().await;
    let (status, body) = app.client().get_text("/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok\n"));
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status_in_prometheus_format() {
    let app = TestApp::spawn().await;
    let client = app.client();
    client.get("/").await;
    client.get("/login").await;
    let response = client.get("/metrics").await;
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let body = response.text().await.unwrap();
    assert!(
        body.contains(r#"gongkai_http_requests_total{method="GET",route="/",status="200"} 1"#),
        "{body}"
    );
    assert!(
        body.contains("# TYPE gongkai_http_request_duration_seconds histogram"),
        "{body}"
    );
}

#[tokio::test]
async fn every_page_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    for path in ["/", "/login", "/nowhere"] {
        let response = app.client().get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"),
            "{path}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
    }
}

#[tokio::test]
async fn metrics_answer_only_listed_addresses_or_the_token() {
    let app = TestApp::spawn_with(|s| {
        s.server.metrics_allow = vec!["10.0.0.0/8".to_string()];
        s.server.metrics_token = "metrics-secret-token".to_string();
    })
    .await;
    let client = app.client();
    let (status, page) = client.get_text("/metrics").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(page.contains("server.metrics_allow"), "{page}");
    let wrong = client
        .http
        .get(app.url("/metrics"))
        .bearer_auth("not-the-token")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    let right = client
        .http
        .get(app.url("/metrics"))
        .bearer_auth("metrics-secret-token")
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), StatusCode::OK);
}

#[tokio::test]
async fn console_pages_and_personal_answers_are_kept_out_of_caches() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    for path in ["/console", "/console/requests", "/console/documents"] {
        let response = office.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    let login = app.client().get("/login").await;
    assert_eq!(login.headers()["cache-control"], "no-store");
    let css = office.get("/static/site.css").await;
    assert!(
        css.headers()["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("public"),
        "static assets keep their caching"
    );
}

#[tokio::test]
async fn hsts_is_sent_only_when_the_public_url_is_https() {
    let plain = TestApp::spawn().await;
    let response = plain.client().get("/").await;
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
    let tls = TestApp::spawn_with(|s| {
        s.server.public_url = "https://xxgk.example.gov.cn".to_string();
    })
    .await;
    let response = tls.client().get("/").await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}

#[tokio::test]
async fn an_unknown_page_is_a_404_in_chinese() {
    let app = TestApp::spawn().await;
    let (status, html) = app.client().get_text("/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        html.contains("页面不存在") && html.contains("lang=\"zh-CN\""),
        "{html}"
    );
    assert!(
        html.contains("<title>页面不存在"),
        "the title is Chinese too: {html}"
    );
}

#[tokio::test]
async fn the_frameworks_rejections_are_chinese_pages_or_json() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for (path, status) in [
        ("/documents/abc", StatusCode::BAD_REQUEST),
        ("/documents/99999999999999999999", StatusCode::BAD_REQUEST),
    ] {
        let response = client.get(path).await;
        assert_eq!(response.status(), status, "{path}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains("地址或参数无效")
                && html.contains("<title>请求无效")
                && html.contains("/static/site.css"),
            "{path}: {html}"
        );
        assert!(
            !html.contains("Invalid URL") && !html.contains("Cannot parse"),
            "{html}"
        );
    }
    let api = client.get("/api/v1/documents/abc").await;
    assert_eq!(api.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = api.json().await.unwrap();
    assert_eq!(body["error"]["code"], "bad_request");
    assert_eq!(body["error"]["message"], "地址或参数无效，请检查后重试。");
    let method = client.submit("/requests/new", "/documents/1", &[]).await;
    assert_eq!(method.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(
        method
            .text()
            .await
            .unwrap()
            .contains("不支持以这种方式访问该地址")
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused() {
    let app = TestApp::spawn_with(|s| s.server.body_limit_bytes = 1024).await;
    let client = app.signed_in(Role::Admin).await;
    let big = "x".repeat(4096);
    let response = client
        .post_form("/console/orgs/new", &[("name", &big)])
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn reading_preferences_stick_and_only_redirect_within_the_site() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let response = client
        .get("/prefs?contrast=high&font=xlarge&back=%2Flogin")
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login");
    let (_, html) = client.get_text("/").await;
    assert!(
        html.contains(r#"<html lang="zh-CN" class="font-xlarge contrast-high">"#),
        "{html}"
    );
    assert!(html.contains("关闭高对比度"));
    let away = client
        .get("/prefs?font=large&back=https%3A%2F%2Fevil.example")
        .await;
    assert_eq!(location(&away), "/");
}

#[tokio::test]
async fn the_theme_colour_comes_from_the_settings() {
    let app = TestApp::spawn_with(|s| s.agency.primary_color = "#114477".to_string()).await;
    let (_, css) = app.client().get_text("/theme.css").await;
    assert!(css.contains("--primary: #114477"), "{css}");
}

#[tokio::test]
async fn the_public_home_lists_the_units_and_their_contacts() {
    let app = TestApp::spawn().await;
    let (status, html) = app.client().get_text("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("测试区人民政府")
            && html.contains("示例区司法局")
            && html.contains("023-00000000")
    );
}

#[tokio::test]
async fn the_server_serves_several_listeners_and_ipv6() {
    let dir = tempfile::tempdir().unwrap();
    let app = gongkai_app::App::open(dir.path().to_path_buf(), Default::default())
        .await
        .unwrap();
    let v4 = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let Ok(v6) = tokio::net::TcpListener::bind("[::1]:0").await else {
        eprintln!("skipped: this machine has no IPv6 loopback");
        return;
    };
    let addresses = [v4.local_addr().unwrap(), v6.local_addr().unwrap()];
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(gongkai_web::serve(app, vec![v4, v6], async {
        let _ = stopped.await;
    }));
    for address in addresses {
        let body = reqwest::get(format!("http://{address}/healthz"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(body, "ok\n", "{address}");
    }
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}
