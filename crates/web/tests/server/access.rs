//! Role checks: each role sees and manages only what its grants cover.

use crate::helpers::TestApp;
use gongkai_domain::role::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn an_editor_of_one_unit_gets_403_on_another_units_admin_page() {
    let app = TestApp::spawn().await;
    // The demo editor belongs to 区司法局.
    let own = app.org_id("区司法局").await;
    let other = app.org_id("区财政局").await;
    let editor = app.signed_in(Role::Editor).await;
    assert_eq!(
        editor.get(&format!("/console/orgs/{own}")).await.status(),
        StatusCode::OK
    );
    for path in [
        format!("/console/orgs/{other}/edit"),
        format!("/console/orgs/{other}"),
    ] {
        assert_eq!(
            editor.get(&path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let edit = editor
        .submit(
            &format!("/console/orgs/{own}"),
            &format!("/console/orgs/{other}/edit"),
            &[
                ("name", "被篡改的财政局"),
                ("kind", "department"),
                ("parent_id", ""),
            ],
        )
        .await;
    assert_eq!(edit.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        editor
            .get(&format!("/console/orgs/{own}/edit"))
            .await
            .status(),
        StatusCode::FORBIDDEN,
        "an editor does not manage even its own unit"
    );
    assert_eq!(
        editor.get("/console/audit").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        editor.get("/console/users").await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_office_manages_units_below_it_and_the_admin_everything() {
    let app = TestApp::spawn().await;
    let office_unit = app.org_id("区府办").await;
    let finance = app.org_id("区财政局").await;
    let office = app.signed_in(Role::Office).await;
    let path = format!("/console/orgs/{office_unit}/edit");
    assert_eq!(office.get(&path).await.status(), StatusCode::OK);
    assert_eq!(
        office
            .get(&format!("/console/orgs/{finance}/edit"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let admin = app.signed_in(Role::Admin).await;
    for path in [
        format!("/console/orgs/{finance}/edit"),
        "/console/audit".into(),
        "/console/users".into(),
    ] {
        assert_eq!(admin.get(&path).await.status(), StatusCode::OK, "{path}");
    }
}
