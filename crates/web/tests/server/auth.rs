//! Signing in and out, CSRF protection, `next`, cookies and password changes.

use crate::helpers::{TestApp, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn logging_in_with_the_right_password_opens_the_console() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let admin = app.account(Role::Admin);
    let response = client.login(&admin.username, &admin.password).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/console");
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cookie.starts_with("gk_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let (status, html) = client.get_text("/console").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("工作台") && html.contains("系统管理员"),
        "{html}"
    );
}

#[tokio::test]
async fn the_console_sends_strangers_to_the_login_page() {
    let app = TestApp::spawn().await;
    let response = app.client().get("/console/orgs").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login?next=%2Fconsole%2Forgs");
}

#[tokio::test]
async fn a_wrong_password_is_refused_without_telling_which_part_was_wrong() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let wrong_password = client.login("admin", "Not-the-password-1").await;
    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    let body = wrong_password.text().await.unwrap();
    assert!(body.contains("用户名或密码错误"), "{body}");
    let unknown_user = client.login("nobody", "Not-the-password-1").await;
    assert_eq!(unknown_user.status(), StatusCode::UNAUTHORIZED);
    assert!(
        unknown_user
            .text()
            .await
            .unwrap()
            .contains("用户名或密码错误")
    );
}

#[tokio::test]
async fn a_post_without_the_csrf_token_is_refused_with_403() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let admin = app.account(Role::Admin);
    let fields = [
        ("username", admin.username.as_str()),
        ("password", admin.password.as_str()),
    ];
    let refused = client.post_form("/login", &fields).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let forged = client
        .post_form(
            "/login",
            &[fields[0], fields[1], ("csrf_token", &"0".repeat(64))],
        )
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    let signed_in = app.signed_in(Role::Admin).await;
    let unit = [
        ("name", "无令牌单位"),
        ("kind", "department"),
        ("parent_id", ""),
    ];
    let refused = signed_in.post_form("/console/orgs/new", &unit).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(refused.text().await.unwrap().contains("安全校验未通过"));
    let accepted = signed_in
        .submit("/console/orgs/new", "/console/orgs/new", &unit)
        .await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn logging_out_ends_the_session() {
    let app = TestApp::spawn().await;
    let client = app.signed_in(Role::Office).await;
    let response = client.submit("/console", "/logout", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(client.get("/console").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_idle_session_expires() {
    let app = TestApp::spawn().await;
    let client = app.signed_in(Role::Office).await;
    assert_eq!(client.get("/console").await.status(), StatusCode::OK);
    let url = app.app.settings.database_url(&app.app.data_dir);
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::query("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000000Z'")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let response = client.get("/console").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/login"));
}

#[tokio::test]
async fn login_only_returns_to_paths_of_this_site() {
    let app = TestApp::spawn().await;
    let admin = app.account(Role::Admin);
    let client = app.client();
    let response = client
        .submit(
            "/login",
            "/login",
            &[
                ("username", &admin.username),
                ("password", &admin.password),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(location(&response), "/console");
    for evil in ["/\t/evil.example", "/\\evil.example", "/\n/evil.example"] {
        let response = app
            .client()
            .submit(
                "/login",
                "/login",
                &[
                    ("username", &admin.username),
                    ("password", &admin.password),
                    ("next", evil),
                ],
            )
            .await;
        assert_eq!(location(&response), "/console", "{evil:?}");
    }
}

#[tokio::test]
async fn behind_tls_the_session_cookie_is_secure() {
    let app = TestApp::spawn_with(|s| {
        s.server.public_url = "https://xxgk.example.gov.cn".to_string();
    })
    .await;
    let admin = app.account(Role::Admin);
    let client = app.client();
    let (_, html) = client.get_text("/login").await;
    let token = crate::helpers::csrf_token(&html);
    // The test client speaks plain HTTP, so it would not send a Secure cookie back:
    // present the anonymous token in the header instead.
    let response = client
        .http
        .post(app.url("/login"))
        .header("x-csrf-token", token)
        .form(&[
            ("username", admin.username.as_str()),
            ("password", admin.password.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        cookie.starts_with("gk_session=") && cookie.contains("Secure"),
        "{cookie}"
    );
}

#[tokio::test]
async fn a_user_changes_their_own_password_and_signs_in_again() {
    let app = TestApp::spawn().await;
    let reviewer = app.account(Role::Reviewer);
    let client = app.signed_in(Role::Reviewer).await;
    let wrong = client
        .submit(
            "/console/password",
            "/console/password",
            &password_form("Not-it-123", "Brand-new-pass-7", "Brand-new-pass-7"),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.text().await.unwrap().contains("当前密码：不正确"));
    let current = reviewer.password.as_str();
    let mismatch = client
        .submit(
            "/console/password",
            "/console/password",
            &password_form(current, "Brand-new-pass-7", "Brand-new-pass-8"),
        )
        .await;
    assert_eq!(mismatch.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let weak = client
        .submit(
            "/console/password",
            "/console/password",
            &password_form(current, "short", "short"),
        )
        .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let done = client
        .submit(
            "/console/password",
            "/console/password",
            &password_form(current, "Brand-new-pass-7", "Brand-new-pass-7"),
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), "/login?changed=1");
    assert_eq!(
        client.get("/console").await.status(),
        StatusCode::SEE_OTHER,
        "signed out"
    );
    let (_, login) = client.get_text("/login?changed=1").await;
    assert!(login.contains("密码已修改"));
    let old = app
        .client()
        .login(&reviewer.username, &reviewer.password)
        .await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
    let new = app
        .client()
        .login(&reviewer.username, "Brand-new-pass-7")
        .await;
    assert_eq!(new.status(), StatusCode::SEE_OTHER);
}

fn password_form<'a>(
    current: &'a str,
    new: &'a str,
    confirmation: &'a str,
) -> [(&'static str, &'a str); 3] {
    [
        ("current", current),
        ("new", new),
        ("confirmation", confirmation),
    ]
}
