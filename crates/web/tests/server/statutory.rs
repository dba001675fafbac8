//! 法定主动公开内容 made of real columns (条例第二十条、第二十一条): documents suggested
//! into columns by a rule when they are imported, confirmed by staff, listed page by
//! page; empty columns say who provides them; the office writes the guide, the rules
//! and the 机构职能 pages.

use crate::helpers::TestApp;
use gongkai_app::Actor;
use gongkai_app::documents::import_text;
use gongkai_domain::role::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn the_column_lists_article_20_then_the_local_items_as_pages_not_searches() {
    let app = TestApp::spawn().await;
    let (_, html) = app.client().get_text("/xxgk/statutory").await;
    let national = html.split("<ol class=\"statutory\">").nth(1).unwrap();
    let national = national.split("</ol>").next().unwrap();
    assert_eq!(national.matches("<li>").count(), 15);
    assert!(national.contains("<a href=\"/xxgk/statutory/budgets\">财政预算、决算信息</a>"));
    assert!(html.contains("<a href=\"/xxgk/statutory/house_expropriation\">房屋征收</a>"));
    assert!(
        !html.contains("/search?q="),
        "columns are not keyword searches"
    );
}

#[tokio::test]
async fn an_empty_column_says_who_provides_it() {
    let app = TestApp::spawn_with(|s| s.office.name = "测试区政务公开办".to_string()).await;
    let (status, html) = app.client().get_text("/xxgk/statutory/fees").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("本栏目的信息由财政和价格主管部门提供，测试区政务公开办负责发布"),
        "{html}"
    );
    assert!(!html.contains("暂无内容"));
    let (_, rules) = app.client().get_text("/xxgk/rules").await;
    assert!(
        rules.contains("本栏目由测试区政务公开办负责发布"),
        "{rules}"
    );
    let (status, _) = app.client().get_text("/xxgk/statutory/news").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_demo_documents_are_classified_into_their_columns() {
    let app = TestApp::spawn().await;
    gongkai_app::demo::seed_columns(&app.app).await.unwrap();
    let (_, list) = app.client().get_text("/xxgk/statutory").await;
    assert!(
        list.contains("财政预算、决算信息</a> <span class=\"muted\">（1 件）"),
        "{list}"
    );
    for (code, title) in [
        ("budgets", "示例区2026年区级部门预算公开说明"),
        ("statistics", "示例区2025年国民经济和社会发展统计公报"),
        ("regulations", "示例区行政执法公示办法"),
        ("penalties", "示例区行政执法公示办法"),
        (
            "house_expropriation",
            "关于示例路片区国有土地上房屋征收的决定",
        ),
        ("other", "2022年红谷滩区政务公开工作要点"),
    ] {
        let (_, html) = app
            .client()
            .get_text(&format!("/xxgk/statutory/{code}"))
            .await;
        assert!(html.contains(title), "{code}: {html}");
    }
    let (_, html) = app.client().get_text("/xxgk/statutory/budgets").await;
    assert!(!html.contains("统计公报"), "one column, its documents only");
}

#[tokio::test]
async fn an_imported_document_is_suggested_and_public_in_its_column_once_confirmed() {
    let app = TestApp::spawn().await;
    let text = "示例区2026年政府集中采购目录及标准\n\n集中采购目录以内的货物、工程和服务，应当实施政府采购。\n";
    import_text(&app.app, &Actor::system("test"), text)
        .await
        .unwrap();
    let (_, before) = app.client().get_text("/xxgk/statutory/procurement").await;
    assert!(
        !before.contains("集中采购目录及标准"),
        "a suggestion is not yet public"
    );

    // A document imported without its 发布机构 is the whole government's: an admin's.
    let office = app.signed_in(Role::Admin).await;
    let (_, worklist) = office.get_text("/console/columns").await;
    let row = worklist
        .split("<tr>")
        .find(|r| r.contains("集中采购目录及标准"))
        .expect("the import waits for confirmation");
    assert!(
        row.contains("政府集中采购项目的目录、标准及实施情况"),
        "{row}"
    );
    let id = row.split("/console/documents/").nth(1).unwrap();
    let id: String = id.chars().take_while(char::is_ascii_digit).collect();
    let confirmed = office
        .submit(
            "/console/columns",
            &format!("/console/columns/{id}/confirm"),
            &[],
        )
        .await;
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    let (_, after) = app.client().get_text("/xxgk/statutory/procurement").await;
    assert!(
        after.contains("示例区2026年政府集中采购目录及标准"),
        "{after}"
    );
    let (_, worklist) = office.get_text("/console/columns").await;
    assert!(!worklist.contains("集中采购目录及标准"));

    // Staff change the columns on the document's page; an unknown column is refused.
    let page = format!("/console/documents/{id}");
    let (_, html) = office.get_text(&page).await;
    assert!(
        html.contains("name=\"column\" value=\"procurement\" checked"),
        "{html}"
    );
    let moved = office
        .submit(
            &page,
            &format!("{page}/columns"),
            &[("column", "fees"), ("column", "budgets")],
        )
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let (_, fees) = app.client().get_text("/xxgk/statutory/fees").await;
    assert!(fees.contains("集中采购目录及标准"));
    let (_, procurement) = app.client().get_text("/xxgk/statutory/procurement").await;
    assert!(!procurement.contains("集中采购目录及标准"));
    let refused = office
        .submit(&page, &format!("{page}/columns"), &[("column", "news")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let none = office.submit(&page, &format!("{page}/columns"), &[]).await;
    assert_eq!(none.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let export = app.client().get_text("/api/v1/documents.jsonl").await.1;
    let line = export
        .lines()
        .find(|l| l.contains("集中采购目录及标准"))
        .unwrap();
    assert!(
        line.contains("\"columns\":[\"budgets\",\"fees\"]"),
        "{line}"
    );
}

#[tokio::test]
async fn a_column_pages_its_documents() {
    let app = TestApp::spawn().await;
    let actor = Actor::system("test");
    for n in 1..=23 {
        let text = format!("示例区2026年第{n}期统计月报\n\n全区主要经济指标。\n");
        import_text(&app.app, &actor, &text).await.unwrap();
    }
    let office = app.signed_in(Role::Admin).await;
    let (_, worklist) = office.get_text("/console/columns").await;
    for id in worklist.split("/console/columns/").skip(1) {
        let id: String = id.chars().take_while(char::is_ascii_digit).collect();
        let response = office
            .submit(
                "/console/columns",
                &format!("/console/columns/{id}/confirm"),
                &[],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let (_, first) = app.client().get_text("/xxgk/statutory/statistics").await;
    assert!(first.contains("共 23 件"), "{first}");
    assert_eq!(first.matches("统计月报</a>").count(), 20);
    let (_, second) = app
        .client()
        .get_text("/xxgk/statutory/statistics?page=2")
        .await;
    assert_eq!(second.matches("统计月报</a>").count(), 3);
}

#[tokio::test]
async fn the_office_writes_the_guide_the_rules_and_the_organization_pages() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let page = "/console/platform-pages/guide";
    let saved = office
        .submit(
            page,
            page,
            &[(
                "body_html",
                "<h2>一、主动公开</h2><p>本机关自行编写的指南。</p><script>alert(1)</script>",
            )],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, guide) = app.client().get_text("/xxgk/guide").await;
    assert!(guide.contains("本机关自行编写的指南。"));
    assert!(!guide.contains("alert(1)"), "sanitised");

    let leak = office
        .submit(
            page,
            page,
            &[("body_html", "<p>联系人手机 13800138000</p>")],
        )
        .await;
    assert_eq!(leak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(leak.text().await.unwrap().contains("含有个人信息"));

    let org = "/console/platform-pages/organization";
    let saved = office
        .submit(
            org,
            org,
            &[("body_html", "<p>主要职责：负责全区政务公开工作。</p>")],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.client().get_text("/xxgk/organization").await;
    assert!(html.contains("主要职责：负责全区政务公开工作。"));
    assert!(
        html.contains("示例区财政局"),
        "the directory of units below"
    );

    let editor = app.signed_in(Role::Editor).await;
    let (status, _) = editor.get_text("/console/platform-pages").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
