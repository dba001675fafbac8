//! Abuse limits by client address (429 with `Retry-After` and a Chinese page or
//! JSON error), on one SQLite node and on two PostgreSQL nodes; the year's first
//! serials taken concurrently on PostgreSQL.

use crate::helpers::TestApp;
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn request_body(n: usize) -> Value {
    json!({
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_number": "11010519491231002X",
        "phone": "13800000000",
        "description": format!("第{n}份：2024年东城街道老旧小区改造项目的立项批复"),
    })
}

async fn post_request(app: &TestApp, forwarded_for: Option<&str>, n: usize) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .post(app.url("/api/v1/requests"))
        .json(&request_body(n));
    if let Some(address) = forwarded_for {
        request = request.header("x-forwarded-for", address);
    }
    request.send().await.unwrap()
}

fn retry_after(response: &reqwest::Response) -> u64 {
    response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn the_login_form_answers_429_after_the_configured_attempts() {
    let app = TestApp::spawn_with(|s| s.limits.login_per_minute = 3).await;
    let client = app.client();
    for attempt in 1..=3 {
        let response = client.login("admin", "Wrong-password-1").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{attempt}");
    }
    let admin = app.account(Role::Admin);
    let limited = client.login(&admin.username, &admin.password).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!((1..=20).contains(&retry_after(&limited)));
    let page = limited.text().await.unwrap();
    assert!(
        page.contains("lang=\"zh-CN\"") && page.contains("操作过于频繁"),
        "{page}"
    );
    assert!(
        page.contains("/static/site.css"),
        "the page is styled: {page}"
    );
    // Reading pages is not limited.
    assert_eq!(client.get("/documents").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn submissions_are_counted_per_client_behind_a_trusted_proxy_only() {
    let app = TestApp::spawn_with(|s| {
        s.limits.submit_per_minute = 2;
        s.server.trusted_proxies = vec!["127.0.0.1".to_string()];
    })
    .await;
    for n in 0..2 {
        let response = post_request(&app, Some("198.51.100.1"), n).await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let limited = post_request(&app, Some("198.51.100.1"), 3).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&limited) >= 1);
    let body: Value = limited.json().await.unwrap();
    assert_eq!(body["error"]["code"], "rate_limited");
    let other = post_request(&app, Some("198.51.100.2"), 4).await;
    assert_eq!(
        other.status(),
        StatusCode::CREATED,
        "another client goes on"
    );

    // Without a trusted proxy the header is the client's own word, and ignored.
    let direct = TestApp::spawn_with(|s| s.limits.submit_per_minute = 2).await;
    for (n, spoofed) in ["1.1.1.1", "2.2.2.2"].iter().enumerate() {
        assert_eq!(
            post_request(&direct, Some(spoofed), n).await.status(),
            StatusCode::CREATED
        );
    }
    let limited = post_request(&direct, Some("3.3.3.3"), 9).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn two_postgres_nodes_limit_each_its_own_clients_and_share_the_account_wait() {
    let Some((a, b, _db)) = TestApp::spawn_pair_on_postgres(|s| {
        s.limits.login_per_minute = 3;
    })
    .await
    else {
        return;
    };
    let editor = a.account(Role::Editor).clone();
    let (on_a, on_b) = (a.client(), b.client());
    for attempt in 1..=3 {
        let response = on_a.login(&editor.username, "Wrong-password-1").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{attempt}");
    }
    let limited = on_a.login(&editor.username, "Wrong-password-1").await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    // Node B counts its own clients, but the account's failures are in the shared
    // database: the fourth failure in a row, on B, makes the account wait there too.
    let fourth = on_b.login(&editor.username, "Wrong-password-1").await;
    assert_eq!(fourth.status(), StatusCode::UNAUTHORIZED);
    let waiting = on_b.login(&editor.username, &editor.password).await;
    assert_eq!(
        waiting.status(),
        StatusCode::UNAUTHORIZED,
        "the wait holds on every node"
    );
}

#[tokio::test]
async fn the_first_serials_of_a_year_taken_at_once_on_two_postgres_nodes_are_distinct() {
    let Some((a, b, _db)) =
        TestApp::spawn_pair_on_postgres(|s| s.limits.submit_per_minute = 0).await
    else {
        return;
    };
    let urls = [a.url("/api/v1/requests"), b.url("/api/v1/requests")];
    let mut submissions = tokio::task::JoinSet::new();
    for n in 0..40 {
        let url = urls[n % 2].clone();
        submissions.spawn(async move {
            let response = reqwest::Client::new()
                .post(url)
                .json(&request_body(n))
                .send()
                .await
                .unwrap();
            let status = response.status();
            let body: Value = response.json().await.unwrap();
            assert_eq!(status, StatusCode::CREATED, "{body}");
            body["serial"].as_str().unwrap().to_string()
        });
    }
    let mut serials = submissions.join_all().await;
    serials.sort();
    serials.dedup();
    assert_eq!(serials.len(), 40);
    // Both nodes signed their entries with the shared key: the chain verifies on each.
    for node in [&a, &b] {
        let report = gongkai_app::audit::verify(&node.app).await.unwrap();
        assert_eq!(report.first_broken, None);
    }
}
