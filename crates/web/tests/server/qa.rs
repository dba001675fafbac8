//! The policy Q&A library through the real server: the office imports a sheet (all or
//! nothing, again without change), citizens ask in their own words and get the entry
//! or a plain "no match", the API answers as the CLI does; an entry whose basis
//! document is repealed waits for review and drops out of public matching until the
//! office reviews it.

use crate::helpers::{Client, TestApp, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

async fn import(office: &Client, sheet: &str) -> reqwest::Response {
    let form = Form::new().part(
        "file",
        Part::bytes(sheet.as_bytes().to_vec()).file_name("问答.csv"),
    );
    office
        .submit_multipart("/console/qa", "/console/qa/import", form)
        .await
}

/// A sheet of two entries, the first resting on the library document `title`.
fn sheet(title: &str) -> String {
    format!(
        "编号,问题,答复,主题,政策依据\n\
         Q001,政务公开工作要点的任务如何落实？,各单位按任务分工报送进展，政务公开办督促落实。,住房,《{title}》\n\
         Q002,失业保险金如何申领？,失业人员持身份证件到经办机构申领失业保险金，也可网上办理。,就业创业,\n"
    )
}

async fn matches(client: &Client, q: &str) -> serde_json::Value {
    let path = format!("/api/v1/qa/match?q={}", url_encode(q));
    client.get(&path).await.json().await.unwrap()
}

fn url_encode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[tokio::test]
async fn an_entry_answers_in_citizens_words_until_its_basis_is_repealed() {
    let app = TestApp::spawn().await;
    let citizen = app.client();
    let documents: serde_json::Value = citizen.get("/api/v1/documents").await.json().await.unwrap();
    let document = &documents["documents"][0];
    let (id, title) = (
        document["id"].to_string(),
        document["title"].as_str().unwrap().to_string(),
    );

    let office = app.signed_in(Role::Office).await;
    let editor = app.signed_in(Role::Editor).await;
    assert_eq!(
        import(&editor, &sheet(&title)).await.status(),
        StatusCode::FORBIDDEN
    );
    let done = import(&office, &sheet(&title)).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert!(location(&done).contains("done="), "{}", location(&done));
    let (_, list) = office.get_text(location(&done)).await;
    assert!(
        list.contains("导入完成：新增2条，更新0条，未变0条"),
        "{list}"
    );
    let again = import(&office, &sheet(&title)).await;
    let (_, list) = office.get_text(location(&again)).await;
    assert!(list.contains("新增0条，更新0条，未变2条"));

    // A citizen's words (失业了 → 失业, 领钱 → 领取) find the entry; nonsense finds none.
    let found = matches(&citizen, "我失业了，失业金去哪里领钱").await;
    assert_eq!(found["matches"][0]["code"], "Q002", "{found}");
    assert!(found["matches"][0]["score"].as_f64().unwrap() > 0.0);
    let none = matches(&citizen, "今天天气怎么样").await;
    assert_eq!(none["matches"].as_array().unwrap().len(), 0, "{none}");
    let (status, page) = citizen
        .get_text("/qa?q=%E5%A4%B1%E4%B8%9A%E9%87%91%E6%80%8E%E4%B9%88%E9%A2%86")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("失业人员持身份证件到经办机构申领失业保险金"),
        "{page}"
    );
    let empty = citizen.get("/api/v1/qa/match?q=").await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The basis is repealed: the entry waits for review and leaves public matching.
    let admin = app.signed_in(Role::Admin).await;
    let console = format!("/console/documents/{id}");
    let repeal = [
        ("validity", "repealed"),
        ("on", "2026-01-01"),
        ("reason", "已被新规定替代"),
        ("replaced_by", ""),
    ];
    let repealed = admin
        .submit(&console, &format!("{console}/validity"), &repeal)
        .await;
    assert_eq!(
        repealed.status(),
        StatusCode::SEE_OTHER,
        "{}",
        repealed.text().await.unwrap()
    );
    let (_, list) = office.get_text("/console/qa").await;
    assert!(
        list.contains("1 条待复核") && list.contains(&format!("待复核：</strong>《{title}》废止")),
        "{list}"
    );
    let entries: serde_json::Value = citizen.get("/api/v1/qa").await.json().await.unwrap();
    let codes: Vec<&str> = entries["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["Q002"]);
    let gone = matches(&citizen, "政务公开工作要点的任务如何落实").await;
    assert!(
        gone["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["code"] != "Q001"),
        "{gone}"
    );

    // Reviewed by the office, it answers again.
    let entry_id = list
        .split("/console/qa/")
        .filter_map(|rest| rest.split_once("/review").map(|(id, _)| id.to_string()))
        .find(|id| id.chars().all(|c| c.is_ascii_digit()))
        .unwrap();
    let reviewed = office
        .submit(
            "/console/qa",
            &format!("/console/qa/{entry_id}/review"),
            &[],
        )
        .await;
    assert_eq!(
        location(&reviewed),
        "/console/qa?done=reviewed",
        "{} {entry_id}",
        reviewed.status()
    );
    let back = matches(&citizen, "政务公开工作要点的任务如何落实").await;
    assert_eq!(back["matches"][0]["code"], "Q001", "{back}");
}

#[tokio::test]
async fn a_bad_sheet_names_every_bad_row_and_imports_nothing() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let missing = import(&office, "编号,问题,主题\nQ1,问,教育\n").await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        missing
            .text()
            .await
            .unwrap()
            .contains("缺少列“答复”“政策依据”")
    );
    let bad = import(
        &office,
        "编号,问题,答复,主题,政策依据\nQ1,好问题,好答复,教育,\n,问题,答复,教育,\nQ3,问题,答复,天文,\n",
    )
    .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = bad.text().await.unwrap();
    assert!(
        page.contains("第3行：编号为空") && page.contains("第4行：主题“天文”不在主题分类中"),
        "{page}"
    );
    let entries: serde_json::Value = app.client().get("/api/v1/qa").await.json().await.unwrap();
    assert_eq!(
        entries["entries"].as_array().unwrap().len(),
        0,
        "nothing was imported"
    );
}
