//! The unit directory in the console.

use crate::helpers::{TestApp, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn creating_a_unit_checks_its_credit_code_and_records_an_audit_entry() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let government = app.org_id("测试区人民政府").await.to_string();
    let unit = |code: &'static str| {
        [
            ("name", "测试区审计局"),
            ("kind", "department"),
            ("parent_id", government.as_str()),
            ("aliases", "区审计局、审计局"),
            ("credit_code", code),
        ]
        .map(|(k, v)| (k, v.to_string()))
    };
    let bad = unit("115000005567784756");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = admin
        .submit("/console/orgs/new", "/console/orgs/new", &bad)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("校验位") && html.contains("测试区审计局"),
        "the form is shown again: {html}"
    );

    let good = unit("115000005567784755");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let created = admin
        .submit("/console/orgs/new", "/console/orgs/new", &good)
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let page = location(&created).to_string();
    let (status, html) = admin.get_text(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("区审计局、审计局") && html.contains("115000005567784755"),
        "{html}"
    );

    let (_, log) = admin.get_text("/console/audit?action=org.create").await;
    assert!(
        log.contains("测试区审计局") && log.contains("admin"),
        "{log}"
    );
}

#[tokio::test]
async fn the_directory_resolves_aliases_and_group_expressions() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let (status, html) = office
        .get_text("/console/orgs?names=%E5%8C%BA%E5%BA%9C%E5%8A%9E%E3%80%81%E5%90%84%E8%A1%97%E9%81%93%E3%80%81%E4%B8%8D%E5%AD%98%E5%9C%A8%E5%B1%80")
        .await;
    assert_eq!(status, StatusCode::OK);
    // 区府办、各街道、不存在局
    assert!(
        html.contains("<strong>区府办</strong>：示例区人民政府办公室"),
        "{html}"
    );
    assert!(
        html.contains("共 3 个单位：东城街道办事处、西城街道办事处、南岸街道办事处"),
        "{html}"
    );
    assert!(
        html.contains("<strong>不存在局</strong>：未找到对应单位"),
        "{html}"
    );
}

#[tokio::test]
async fn a_unit_name_used_twice_is_refused_with_409() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let government = app.org_id("测试区人民政府").await.to_string();
    let response = admin
        .submit(
            "/console/orgs/new",
            "/console/orgs/new",
            &[
                ("name", "区司法局"),
                ("kind", "department"),
                ("parent_id", &government),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert!(response.text().await.unwrap().contains("已存在"));
}

#[tokio::test]
async fn a_platform_admin_imports_units_from_an_uploaded_csv_file() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let (status, html) = admin.get_text("/console/orgs/import").await;
    assert_eq!(status, StatusCode::OK);
    let token = crate::helpers::csrf_token(&html);
    let csv = "名称,上级单位,类型,简称\n测试区审计局,测试区人民政府,部门,区审计局\n";
    let upload = |csv: &str, token: &str| {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("units.csv"),
        );
        admin
            .http
            .post(app.url(&format!("/console/orgs/import?csrf_token={token}")))
            .multipart(form)
    };
    let refused = upload(csv, "forged").send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let done = upload(csv, &token).send().await.unwrap();
    assert_eq!(done.status(), StatusCode::OK);
    assert!(
        done.text()
            .await
            .unwrap()
            .contains("新增 1 个，更新 0 个，未变 0 个")
    );
    assert!(app.org_id("区审计局").await > 0);

    let bad = upload("名称,类型\n坏单位,衙门\n", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("第 2 行"));

    let office = app.signed_in(Role::Office).await;
    assert_eq!(
        office.get("/console/orgs/import").await.status(),
        StatusCode::FORBIDDEN
    );
}
