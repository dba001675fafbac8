//! Consultations on drafts (征求意见) through the real server: staff open one with its
//! materials, the public comment while it is open and never after, the office closes
//! it early, staff dispose of every comment, the office publishes the 采纳情况, which
//! the public page and the API show without any comment text, name or contact; a
//! short period needs a reason, shown to the public.

use crate::helpers::{Client, TestApp, csrf_token, location};
use chrono::Duration;
use gongkai_app::documents::today;
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

const JUDICIARY: &str = "示例区司法局";
const REFORM: &str = "示例区发展和改革委员会";

fn day(offset: i64) -> String {
    (today() + Duration::days(offset)).to_string()
}

/// Opens a consultation through the console form; returns the response.
async fn open(
    client: &Client,
    fields: &[(&str, String)],
    file: Option<(&str, &str)>,
) -> reqwest::Response {
    let mut form = Form::new();
    for (name, value) in fields {
        form = form.text(name.to_string(), value.clone());
    }
    if let Some((name, text)) = file {
        form = form.part(
            "files",
            Part::bytes(text.as_bytes().to_vec()).file_name(name.to_string()),
        );
    }
    client
        .submit_multipart(
            "/console/consultations/new",
            "/console/consultations/new",
            form,
        )
        .await
}

/// The fields of a consultation of `unit` from `from` to `to` days from today.
async fn fields(
    app: &TestApp,
    unit: &str,
    kind: &str,
    from: i64,
    to: i64,
) -> Vec<(&'static str, String)> {
    vec![
        ("org", app.org_id(unit).await.to_string()),
        ("title", "示例区文明养犬管理规定（征求意见稿）".to_string()),
        ("kind", kind.to_string()),
        ("starts_on", day(from)),
        ("ends_on", day(to)),
        (
            "draft_html",
            "<p>第一条 为了规范养犬行为。</p><script>alert(1)</script>".to_string(),
        ),
        (
            "explanation_html",
            "<p>起草说明：依据上位法制定。</p>".to_string(),
        ),
    ]
}

/// The consultation's console path from a redirect after opening it.
fn opened_path(response: &reqwest::Response) -> String {
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = location(response);
    assert!(location.ends_with("?done=opened"), "{location}");
    location.trim_end_matches("?done=opened").to_string()
}

async fn comment(client: &Client, public: &str, body: &str) -> reqwest::Response {
    client
        .submit(
            public,
            public,
            &[
                ("name", "李四"),
                ("contact", "lisi@example.com"),
                ("body", body),
            ],
        )
        .await
}

#[tokio::test]
async fn a_consultation_goes_from_opening_to_its_published_adoption_report() {
    let app = TestApp::spawn_with(|s| s.participation.max_comment_chars = 50).await;
    let editor = app.signed_in(Role::Editor).await;
    let fields = fields(&app, JUDICIARY, "normative", -1, 20).await;
    let response = open(&editor, &fields, Some(("起草说明.txt", "关于草案的说明"))).await;
    let console = opened_path(&response);
    let id = console.rsplit('/').next().unwrap().to_string();
    let public = format!("/consultations/{id}");

    // The public see it open, with its materials and the comment form.
    let citizen = app.client();
    let (status, list) = citizen.get_text("/consultations").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        list.contains("正在征求意见（1）") && list.contains("剩余20天"),
        "{list}"
    );
    let (_, page) = citizen.get_text(&public).await;
    assert!(
        page.contains("第一条 为了规范养犬行为。") && !page.contains("<script>alert"),
        "{page}"
    );
    assert!(page.contains("一般不少于7个工作日") && page.contains("提交意见"));
    let file = page.split(&format!("{public}/files/")).nth(1).unwrap();
    let file_id: String = file.chars().take_while(char::is_ascii_digit).collect();
    let download = citizen.get(&format!("{public}/files/{file_id}")).await;
    assert_eq!(download.status(), StatusCode::OK);
    let disposition = download.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains("filename*=UTF-8''%E8%B5%B7%E8%8D%89"),
        "{disposition}"
    );
    assert_eq!(download.text().await.unwrap(), "关于草案的说明");

    // Comments: refused when empty or too long, accepted otherwise.
    let empty = comment(&citizen, &public, "  ").await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().await.unwrap().contains("意见内容：请填写"));
    let long = comment(&citizen, &public, &"很".repeat(51)).await;
    assert_eq!(long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(long.text().await.unwrap().contains("不能超过 50 个字"));
    for body in [
        "建议明确犬只登记的收费标准",
        "建议增加文明养犬宣传，详情可打13712345678",
        "登记收费应当公开",
    ] {
        let done = comment(&citizen, &public, body).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&done), format!("{public}?done=commented"));
    }

    // Only the office closes early, and says why; then no comment is taken, not even
    // from a page opened before.
    let (_, open_page) = citizen.get_text(&public).await;
    let token = csrf_token(&open_page);
    let office = app.signed_in(Role::Office).await;
    let close = [("reason", "决策事项调整")];
    let refused = editor
        .submit(&console, &format!("{console}/close"), &close)
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let closed = office
        .submit(&console, &format!("{console}/close"), &close)
        .await;
    assert_eq!(location(&closed), format!("{console}?done=closed"));
    let late = citizen
        .post_form(&public, &[("body", "还有一条意见"), ("csrf_token", &token)])
        .await;
    assert_eq!(late.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        late.text()
            .await
            .unwrap()
            .contains("本次征求意见已结束，不再接收意见")
    );

    // Every comment must be answered before the 采纳情况 goes out.
    let summary = [("summary", "共收到意见3条，采纳2条，不采纳1条。")];
    let early = office
        .submit(&console, &format!("{console}/publish"), &summary)
        .await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.text().await.unwrap().contains("尚有 3 条意见未处理"));
    let (_, staff_page) = editor.get_text(&console).await;
    assert!(staff_page.contains("李四") && staff_page.contains("lisi@example.com"));
    let ids: Vec<String> = staff_page
        .split("name=\"comment\" value=\"")
        .skip(1)
        .map(|s| s.chars().take_while(char::is_ascii_digit).collect())
        .collect();
    assert_eq!(ids.len(), 3);
    let dispose = format!("{console}/dispose");
    let group = [
        ("comment", ids[0].as_str()),
        ("comment", ids[2].as_str()),
        ("disposition", "adopted"),
        ("reason", ""),
    ];
    let grouped = editor.submit(&console, &dispose, &group).await;
    assert_eq!(location(&grouped), format!("{console}?done=disposed"));
    let no_reason = [
        ("comment", ids[1].as_str()),
        ("disposition", "not_adopted"),
        ("reason", " "),
    ];
    let refused = editor.submit(&console, &dispose, &no_reason).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("不采纳须说明理由"));
    let with_reason = [
        ("comment", ids[1].as_str()),
        ("disposition", "not_adopted"),
        ("reason", "宣传工作另行部署"),
    ];
    editor.submit(&console, &dispose, &with_reason).await;
    let (_, staff_page) = editor.get_text(&console).await;
    assert!(
        staff_page.contains("（与第1条同组）"),
        "the grouped comments are shown together"
    );

    let sheet = editor.get(&format!("{console}/comments.xlsx")).await;
    assert_eq!(sheet.status(), StatusCode::OK);
    assert!(
        sheet.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("spreadsheetml")
    );
    assert!(sheet.bytes().await.unwrap().starts_with(b"PK"));

    assert!(
        staff_page.contains("含个人信息：手机号码 137****5678"),
        "staff are warned not to quote the number"
    );
    let quoting = [("summary", "采纳2条；13712345678的意见不采纳。")];
    let leaked = office
        .submit(&console, &format!("{console}/publish"), &quoting)
        .await;
    assert_eq!(leaked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        leaked
            .text()
            .await
            .unwrap()
            .contains("采纳情况说明：含有个人信息（手机号码 137****5678）")
    );
    let published = office
        .submit(&console, &format!("{console}/publish"), &summary)
        .await;
    assert_eq!(location(&published), format!("{console}?done=published"));
    let (_, page) = citizen.get_text(&public).await;
    assert!(
        page.contains("意见收集和采纳情况") && page.contains("共收到意见 3 条"),
        "{page}"
    );
    assert!(page.contains("宣传工作另行部署") && page.contains("提前结束征求意见：决策事项调整"));
    assert!(
        !page.contains("李四")
            && !page.contains("建议增加文明养犬宣传")
            && !page.contains("提交意见</h2>")
    );

    let api: serde_json::Value = citizen
        .get("/api/v1/consultations")
        .await
        .json()
        .await
        .unwrap();
    let item = &api["consultations"][0];
    assert_eq!(item["stage"], "closed");
    assert_eq!(item["adoption"]["received"], 3);
    assert_eq!(item["adoption"]["counts"][0]["disposition"], "adopted");
    assert_eq!(item["adoption"]["counts"][0]["comments"], 2);
    let text = api.to_string();
    assert!(
        !text.contains("李四") && !text.contains("lisi@") && !text.contains("收费标准"),
        "{text}"
    );

    // The final policy in the library links back to its consultation.
    let documents: serde_json::Value = citizen.get("/api/v1/documents").await.json().await.unwrap();
    let document = documents["documents"][0]["id"].to_string();
    let linked = editor
        .submit(
            &console,
            &format!("{console}/final"),
            &[("document", &document)],
        )
        .await;
    assert_eq!(location(&linked), format!("{console}?done=final"));
    let (_, policy) = citizen.get_text(&format!("/documents/{document}")).await;
    assert!(policy.contains(&format!("href=\"{public}\"")), "{policy}");
    let (_, page) = citizen.get_text(&public).await;
    assert!(page.contains(&format!("href=\"/documents/{document}\"")));
}

#[tokio::test]
async fn a_short_period_needs_a_reason_which_the_public_page_shows() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let mut short = fields(&app, REFORM, "major_decision", 0, 20).await;
    let refused = open(&office, &short, None).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("征求意见期限一般不少于30日（《重大行政决策程序暂行条例》第十五条），本次为20日；期限较短的，须说明理由"),
        "{page}"
    );
    let api: serde_json::Value = app
        .client()
        .get("/api/v1/consultations")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        api["consultations"].as_array().unwrap().len(),
        0,
        "nothing was saved"
    );

    short.push(("short_reason", "须在市级申报截止前确定".to_string()));
    let public = opened_path(&open(&office, &short, None).await).replace("/console", "");
    let (_, page) = app.client().get_text(&public).await;
    assert!(page.contains("期限较短的理由") && page.contains("须在市级申报截止前确定"));
    assert!(page.contains("一般不少于30日（《重大行政决策程序暂行条例》第十五条）"));
}

#[tokio::test]
async fn a_draft_is_hidden_before_its_start_and_units_keep_to_their_own() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let upcoming = fields(&app, REFORM, "other", 3, 20).await;
    let console = opened_path(&open(&office, &upcoming, None).await);
    let public = console.replace("/console", "");
    let citizen = app.client();
    assert_eq!(citizen.get(&public).await.status(), StatusCode::NOT_FOUND);
    let (_, list) = citizen.get_text("/consultations").await;
    assert!(list.contains("目前没有正在征求意见的草案"));

    // The judiciary's editor neither sees nor answers the reform commission's draft.
    let editor = app.signed_in(Role::Editor).await;
    assert_eq!(editor.get(&console).await.status(), StatusCode::FORBIDDEN);
    let (_, mine) = editor.get_text("/console/consultations").await;
    assert!(mine.contains("本单位的征求意见 0 项"), "{mine}");
    let other = fields(&app, REFORM, "other", -1, 20).await;
    let refused = open(&editor, &other, None).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}
