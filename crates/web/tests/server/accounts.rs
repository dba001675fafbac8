//! Accounts under attack and in the console: one answer for every refused sign-in,
//! the wait after failures instead of a lockout, the audit of attempts, accounts
//! added, disabled, re-enabled and cleared by an administrator, and sessions that end
//! after their lifetime or a change of roles.

use crate::helpers::{Client, TestApp};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

/// The message of a refused sign-in page.
fn refusal(html: &str) -> &str {
    let start = html.find("role=\"alert\"><p>").unwrap() + "role=\"alert\"><p>".len();
    &html[start..start + html[start..].find("</p>").unwrap()]
}

async fn refused(client: &Client, username: &str, password: &str) -> (StatusCode, String) {
    let response = client.login(username, password).await;
    let status = response.status();
    (status, refusal(&response.text().await.unwrap()).to_string())
}

#[tokio::test]
async fn unknown_wrong_waiting_and_disabled_sign_ins_get_one_answer_and_no_lockout() {
    let app = TestApp::spawn_with(|s| s.limits.login_per_minute = 0).await;
    let client = app.client();
    let editor = app.account(Role::Editor);
    let mut answers = Vec::new();
    for _ in 0..4 {
        answers.push(refused(&client, &editor.username, "Wrong-password-1").await);
    }
    // The fourth failure in a row makes the account wait a second: the right
    // password is not even checked, and the answer does not say so.
    answers.push(refused(&client, &editor.username, &editor.password).await);
    answers.push(refused(&client, "nobody", "Wrong-password-1").await);
    let reviewer = app.account(Role::Reviewer);
    let reviewer_id = user_id(&app, &reviewer.username).await;
    let admin = app.signed_in(Role::Admin).await;
    let path = format!("/console/users/{reviewer_id}/disable");
    assert_eq!(
        admin.submit("/console/users", &path, &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    answers.push(refused(&client, &reviewer.username, &reviewer.password).await);
    assert!(
        answers.iter().all(|a| a == &answers[0]),
        "one answer for every refusal: {answers:?}"
    );
    assert_eq!(answers[0].0, StatusCode::UNAUTHORIZED);
    assert!(answers[0].1.contains("用户名或密码错误"), "{answers:?}");

    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let after_wait = client.login(&editor.username, &editor.password).await;
    assert_eq!(after_wait.status(), StatusCode::SEE_OTHER, "no lockout");

    let filter = gongkai_app::model::AuditFilter {
        action: Some("user.login_failed".to_string()),
        ..Default::default()
    };
    let failed = gongkai_store::audit::list(&app.app.store, &filter, 50, 0)
        .await
        .unwrap();
    let details: Vec<String> = failed
        .entries
        .iter()
        .map(|e| e.after_json.clone().unwrap())
        .collect();
    for reason in ["wrong_password", "waiting", "unknown_user", "disabled"] {
        assert!(
            details.iter().any(|d| d.contains(reason)),
            "{reason} in {details:?}"
        );
    }
    assert!(
        details
            .iter()
            .all(|d| d.contains("\"address\":\"127.0.0.1\""))
    );
    assert!(
        details
            .iter()
            .any(|d| d.contains("\"username\":\"nobody\""))
    );
    let filter = gongkai_app::model::AuditFilter {
        action: Some("user.login".to_string()),
        ..Default::default()
    };
    let logins = gongkai_store::audit::list(&app.app.store, &filter, 50, 0)
        .await
        .unwrap();
    assert!(logins.entries.iter().all(|e| {
        e.after_json
            .as_deref()
            .is_some_and(|d| d.contains("127.0.0.1"))
    }));
}

async fn user_id(app: &TestApp, username: &str) -> i64 {
    gongkai_store::users::find_by_username(&app.app.store, username)
        .await
        .unwrap()
        .unwrap()
        .id
        .0
}

#[tokio::test]
async fn an_administrator_adds_disables_enables_and_clears_accounts_in_the_console() {
    let app = TestApp::spawn_with(|s| s.limits.login_per_minute = 0).await;
    let admin = app.signed_in(Role::Admin).await;
    let editor = app.account(Role::Editor);
    for _ in 0..6 {
        app.client()
            .login(&editor.username, "Wrong-password-1")
            .await;
    }
    let (_, list) = admin.get_text("/console/users").await;
    assert!(list.contains("连续输错密码 4 次，须稍等再试"), "{list}");
    let editor_id = user_id(&app, &editor.username).await;
    let reset = format!("/console/users/{editor_id}/reset");
    admin.submit("/console/users", &reset, &[]).await;
    let response = app.client().login(&editor.username, &editor.password).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "cleared at once");

    let unit = app.org_id("测试区人民政府").await.to_string();
    let fields = [
        ("username", "wang.wu"),
        ("display_name", "王五"),
        ("role", "editor"),
        ("org", unit.as_str()),
        ("password", ""),
    ];
    let added = admin
        .submit("/console/users/new", "/console/users/new", &fields)
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    assert_eq!(added.headers()["cache-control"], "no-store");
    let page = added.text().await.unwrap();
    let marker = "初始密码 <code>";
    let at = page.find(marker).unwrap() + marker.len();
    let password = &page[at..at + page[at..].find('<').unwrap()];
    let colleague = app.client();
    let response = colleague.login("wang.wu", password).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(colleague.get("/console").await.status(), StatusCode::OK);

    let id = user_id(&app, "wang.wu").await;
    let disable = format!("/console/users/{id}/disable");
    admin.submit("/console/users", &disable, &[]).await;
    let ended = colleague.get("/console").await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER, "the session ended");
    let enable = format!("/console/users/{id}/enable");
    admin.submit("/console/users", &enable, &[]).await;
    let again = app.client().login("wang.wu", password).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);

    let own = user_id(&app, &app.account(Role::Admin).username).await;
    let own = format!("/console/users/{own}/disable");
    let refused = admin.submit("/console/users", &own, &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let office = app.signed_in(Role::Office).await;
    let forbidden = office.submit("/console", &enable, &[]).await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn sessions_end_after_their_lifetime_and_when_roles_change() {
    let app = TestApp::spawn().await;
    let client = app.signed_in(Role::Office).await;
    let url = app.app.settings.database_url(&app.app.data_dir);
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::query("UPDATE sessions SET created_at = '2000-01-01T00:00:00.000000Z'")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(
        client.get("/console").await.status(),
        StatusCode::SEE_OTHER,
        "a busy session still ends after its lifetime"
    );

    let client = app.signed_in(Role::Office).await;
    let office = app.account(Role::Office);
    let user = gongkai_store::users::find_by_username(&app.app.store, &office.username)
        .await
        .unwrap()
        .unwrap();
    let mut tx = app
        .app
        .store
        .begin(gongkai_app::Actor::system("test"))
        .await
        .unwrap();
    gongkai_store::users::set_grants(&mut tx, user.id, &user.grants[..1])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(client.get("/console").await.status(), StatusCode::SEE_OTHER);
}
