//! The policy library in the console: drafting, review (三审), attachments,
//! relations and validity (立改废), cleanup, interpretations, and what the public
//! then sees.

use crate::helpers::{Client, TestApp, csrf_token, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

const JUDICIARY: &str = "示例区司法局";

/// Creates a draft through the form and returns its console path.
async fn draft(app: &TestApp, client: &Client, fields: &[(&str, &str)]) -> String {
    let issuer = app.org_id(JUDICIARY).await.to_string();
    let mut all = vec![("issuer_id", issuer.as_str())];
    all.extend_from_slice(fields);
    if !fields.iter().any(|(k, _)| *k == "disclosure") {
        all.push(("disclosure", "proactive"));
    }
    let response = client
        .submit("/console/documents/new", "/console/documents/new", &all)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "draft {fields:?}");
    location(&response).to_string()
}

/// Takes a review step from the document's page.
async fn step(client: &Client, path: &str, step: &str, note: &str) -> reqwest::Response {
    client
        .submit(
            path,
            &format!("{path}/step"),
            &[("step", step), ("note", note)],
        )
        .await
}

/// Submitted by the editor and published by the reviewer; returns the document id.
async fn review(app: &TestApp, editor: &Client, path: &str) -> String {
    let submitted = step(editor, path, "submit", "").await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    let reviewer = app.signed_in(Role::Reviewer).await;
    let published = step(&reviewer, path, "publish", "").await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    path.rsplit('/').next().unwrap().to_string()
}

/// Drafted by the editor, published by the reviewer; returns the document id.
async fn publish(app: &TestApp, fields: &[(&str, &str)]) -> String {
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(app, &editor, fields).await;
    review(app, &editor, &path).await
}

/// Relates the document at `path` to `target` from its page.
async fn relate(client: &Client, path: &str, kind: &str, target: &str) {
    let response = client
        .submit(
            path,
            &format!("{path}/relations"),
            &[("kind", kind), ("target", target)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{kind} {target}");
}

#[tokio::test]
async fn a_draft_gets_an_index_number_and_goes_through_review_before_the_public_sees_it() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(
        &app,
        &editor,
        &[
            ("title", "关于规范行政执法的通知"),
            ("doc_number", "示司发[2026]3号"),
        ],
    )
    .await;
    let id = path.rsplit('/').next().unwrap();
    let (status, html) = editor.get_text(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("草稿"), "{html}");
    assert!(html.contains("示司发[2026]3号"));
    let number = html
        .split("索引号</th><td>")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    assert!(
        number.contains('/') && number.contains('-'),
        "generated 索引号 {number}"
    );
    let public = app.client();
    assert_eq!(
        public.get(&format!("/documents/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );

    // The editor may not publish; the reviewer returns with a reason, then publishes.
    let (_, home) = app
        .signed_in(Role::Reviewer)
        .await
        .get_text("/console")
        .await;
    assert!(
        home.contains("待审核文件 0 件") && home.contains("草稿 1 件"),
        "{home}"
    );
    assert_eq!(
        step(&editor, &path, "submit", "").await.status(),
        StatusCode::SEE_OTHER
    );
    let refused = step(&editor, &path, "publish", "").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let reviewer = app.signed_in(Role::Reviewer).await;
    let (_, home) = reviewer.get_text("/console").await;
    assert!(home.contains("待审核文件 1 件"), "{home}");
    let no_reason = step(&reviewer, &path, "return", " ").await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.text().await.unwrap().contains("请说明退回理由"));
    assert_eq!(
        step(&reviewer, &path, "return", "请补充依据")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        step(&editor, &path, "submit", "").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        step(&reviewer, &path, "publish", "").await.status(),
        StatusCode::SEE_OTHER
    );

    let (status, html) = public.get_text(&format!("/documents/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("关于规范行政执法的通知"));
    let (_, history) = reviewer.get_text(&path).await;
    for line in [
        "提交审核",
        "退回修改",
        "请补充依据",
        "审核通过并发布",
        "editor",
        "reviewer",
    ] {
        assert!(history.contains(line), "history lacks {line}");
    }
}

#[tokio::test]
async fn nobody_publishes_what_they_submitted_themselves() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let path = draft(&app, &admin, &[("title", "自审自发的文件")]).await;
    assert_eq!(
        step(&admin, &path, "submit", "").await.status(),
        StatusCode::SEE_OTHER
    );
    let refused = step(&admin, &path, "publish", "").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("不能审核发布自己提交的文件")
    );
}

#[tokio::test]
async fn a_document_without_title_or_with_a_bad_field_is_refused_with_the_field_named() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let issuer = app.org_id(JUDICIARY).await.to_string();
    let count = |html: String| {
        html.split("共 ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .to_string()
    };
    let before = count(editor.get_text("/console/documents").await.1);
    for (fields, message) in [
        (vec![("title", "  ")], "标题：请填写标题"),
        (
            vec![("title", "标题"), ("topic", "不存在的主题")],
            "主题分类",
        ),
        (
            vec![("title", "标题"), ("written_on", "2026-02-30")],
            "成文日期",
        ),
        (
            vec![("title", "标题"), ("disclosure", "withheld")],
            "须说明理由",
        ),
        (vec![("title", "标题"), ("genre", "解读")], "解读须选择形式"),
    ] {
        let mut all = vec![("issuer_id", issuer.as_str())];
        all.extend(fields);
        if !all.iter().any(|(k, _)| *k == "disclosure") {
            all.push(("disclosure", "proactive"));
        }
        let response = editor
            .submit("/console/documents/new", "/console/documents/new", &all)
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{message}"
        );
        assert!(
            response.text().await.unwrap().contains(message),
            "{message}"
        );
    }
    let after = count(editor.get_text("/console/documents").await.1);
    assert_eq!(before, after, "nothing half-written");
}

#[tokio::test]
async fn script_payloads_are_neutralised_on_every_page_and_in_the_feed() {
    let app = TestApp::spawn().await;
    let title = "<script>alert('t')</script>通知";
    let body = "<p onclick=\"steal()\">正文</p><script>alert(1)</script>\
                <img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">点我</a>";
    let id = publish(&app, &[("title", title), ("body_html", body)]).await;
    let public = app.client();
    let reviewer = app.signed_in(Role::Reviewer).await;
    let pages = [
        public.get_text(&format!("/documents/{id}")).await.1,
        public.get_text("/documents").await.1,
        public.get_text("/documents/feed.atom").await.1,
        public.get_text("/search?q=通知").await.1,
        reviewer
            .get_text(&format!("/console/documents/{id}"))
            .await
            .1,
        reviewer.get_text("/console/documents").await.1,
    ];
    for page in pages {
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(!page.contains("onerror=alert"), "{page}");
        assert!(!page.contains("onclick="), "{page}");
        assert!(!page.contains("javascript:alert"), "{page}");
    }
    let (_, html) = public.get_text(&format!("/documents/{id}")).await;
    assert!(html.contains("<p>正文</p>"), "harmless markup kept");
}

#[tokio::test]
async fn attachments_are_stored_by_content_and_downloaded_under_their_names() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(&app, &editor, &[("title", "带附件的文件")]).await;
    let (_, html) = editor.get_text(&path).await;
    let token = csrf_token(&html);
    let upload = |name: &str, bytes: Vec<u8>| {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
        editor
            .http
            .post(app.url(&format!("{path}/attachments?csrf_token={token}")))
            .multipart(form)
            .send()
    };
    let pdf = b"%PDF-1.4 test".to_vec();
    assert_eq!(
        upload("附件1 实施细则.pdf", pdf.clone())
            .await
            .unwrap()
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        upload("副本.pdf", pdf.clone()).await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    let refused = upload("run.exe", b"MZ".to_vec()).await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("不支持的文件类型"));

    let files: Vec<_> = walk(&app.app.data_dir.join("files"));
    assert_eq!(files.len(), 1, "the same content is kept once: {files:?}");

    let (_, html) = editor.get_text(&path).await;
    let link = html.split(&format!("{path}/attachments/")).nth(1).unwrap();
    let attachment: String = link.chars().take_while(char::is_ascii_digit).collect();
    let id = review(&app, &editor, &path).await;
    let response = app
        .client()
        .get(&format!("/documents/{id}/attachments/{attachment}"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains(
            "filename*=UTF-8''%E9%99%84%E4%BB%B61%20%E5%AE%9E%E6%96%BD%E7%BB%86%E5%88%99.pdf"
        ),
        "{disposition}"
    );
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert_eq!(response.bytes().await.unwrap().to_vec(), pdf);
    let missing = app
        .client()
        .get(&format!("/documents/{id}/attachments/999999"))
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[tokio::test]
async fn an_upload_over_the_limit_gets_413_and_a_clear_message() {
    let app = TestApp::spawn_with(|s| s.server.body_limit_bytes = 64 * 1024).await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(&app, &editor, &[("title", "大附件")]).await;
    let (_, html) = editor.get_text(&path).await;
    let token = csrf_token(&html);
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(vec![b'x'; 200 * 1024]).file_name("big.pdf"),
    );
    let response = editor
        .http
        .post(app.url(&format!("{path}/attachments?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let text = response.text().await.unwrap();
    assert!(
        text.contains("提交的内容过大") && text.contains("0.1 MB"),
        "{text}"
    );
}

#[tokio::test]
async fn a_repealing_document_stamps_the_old_one_with_a_link_to_what_replaced_it() {
    let app = TestApp::spawn().await;
    let old = publish(
        &app,
        &[
            ("title", "旧的执法办法"),
            ("doc_number", "示司发〔2020〕5号"),
            ("normative", "on"),
        ],
    )
    .await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(
        &app,
        &editor,
        &[
            ("title", "新的执法办法"),
            ("doc_number", "示司发〔2026〕9号"),
        ],
    )
    .await;
    relate(&editor, &path, "repeals", "示司发[2020]5号").await;
    let public = app.client();
    let (_, before) = public.get_text(&format!("/documents/{old}")).await;
    assert!(
        !before.contains("本文件已废止"),
        "a draft changes nothing yet"
    );

    let new = review(&app, &editor, &path).await;
    let (_, html) = public.get_text(&format!("/documents/{old}")).await;
    assert!(html.contains("本文件已废止"), "{html}");
    assert!(
        html.contains(&format!(
            "<a href=\"/documents/{new}\">《新的执法办法》</a>"
        )),
        "{html}"
    );
    assert!(
        html.contains("被《新的执法办法》（示司发〔2026〕9号）废止"),
        "{html}"
    );
    let (_, html) = public.get_text(&format!("/documents/{new}")).await;
    assert!(
        html.contains("废止：<a href=\"/documents/"),
        "shown from the other end too"
    );
    let json: serde_json::Value = public
        .get(&format!("/api/v1/documents/{old}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json["validity"], "repealed");
    assert_eq!(json["validity_change"]["replaced_by"].to_string(), new);
    assert_eq!(json["relations"][0]["kind"], "repeals");
    assert_eq!(json["relations"][0]["direction"], "incoming");
}

#[tokio::test]
async fn a_unit_cannot_repeal_another_units_document_but_may_interpret_it() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(&app, &editor, &[("title", "司法局的新办法")]).await;
    // Document 1 is a seed issued outside the editor's unit.
    let refused = editor
        .submit(
            &path,
            &format!("{path}/relations"),
            &[("kind", "repeals"), ("target", "1")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    relate(&editor, &path, "interprets", "1").await;
}

#[tokio::test]
async fn interpretations_are_listed_on_their_policy_and_counted_per_issuer() {
    let app = TestApp::spawn().await;
    let policy = publish(
        &app,
        &[
            ("title", "行政执法公示办法"),
            ("doc_number", "示司发〔2026〕11号"),
            ("normative", "on"),
        ],
    )
    .await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(
        &app,
        &editor,
        &[
            ("title", "《行政执法公示办法》图解"),
            ("genre", "解读"),
            ("interpretation_form", "graphic"),
        ],
    )
    .await;
    relate(&editor, &path, "interprets", &policy).await;
    review(&app, &editor, &path).await;
    let reviewer = app.signed_in(Role::Reviewer).await;

    let public = app.client();
    let (_, html) = public.get_text(&format!("/documents/{policy}")).await;
    assert!(html.contains("相关解读"), "{html}");
    assert!(
        html.contains("《行政执法公示办法》图解</a> <span class=\"muted\">（图解）</span>"),
        "{html}"
    );
    let interpretation = path.rsplit('/').next().unwrap();
    let (_, html) = public
        .get_text(&format!("/documents/{interpretation}"))
        .await;
    assert!(
        html.contains(&format!("解读对象：<a href=\"/documents/{policy}\">")),
        "{html}"
    );

    let (status, report) = reviewer.get_text("/console/interpretations").await;
    assert_eq!(status, StatusCode::OK);
    let row = report.split("<td>示例区司法局</td>").nth(1).unwrap();
    assert!(
        row.contains("<td>1</td><td>1</td>") && row.contains("100%"),
        "{row}"
    );
    assert!(report.contains("及时"), "published the same day: lag 0");
}

#[tokio::test]
async fn cleanup_lists_normative_documents_and_changes_them_in_one_batch() {
    let app = TestApp::spawn().await;
    let first = publish(
        &app,
        &[
            ("title", "即将到期的规定"),
            ("normative", "on"),
            ("expires_on", "2026-12-31"),
        ],
    )
    .await;
    let second = publish(&app, &[("title", "未审查的规定"), ("normative", "on")]).await;
    publish(&app, &[("title", "普通通知")]).await;
    let editor = app.signed_in(Role::Editor).await;
    let (status, html) = editor.get_text("/console/cleanup?days=3650").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("即将到期的规定") && html.contains("未审查的规定"));
    assert!(!html.contains("普通通知"), "only normative documents");

    let token = csrf_token(&html);
    let refused = editor
        .post_form(
            "/console/cleanup",
            &[
                ("csrf_token", &token),
                ("ids", &first),
                ("decision", "expired"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let done = editor
        .post_form(
            "/console/cleanup",
            &[
                ("csrf_token", &token),
                ("ids", &first),
                ("ids", &second),
                ("decision", "expired"),
                ("reason", "2026年度清理：有效期届满"),
            ],
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.client().get_text(&format!("/documents/{first}")).await;
    assert!(
        html.contains("<th scope=\"row\">有效期至</th><td>2026-12-31</td>"),
        "{html}"
    );
    for id in [&first, &second] {
        let (_, html) = app.client().get_text(&format!("/documents/{id}")).await;
        assert!(
            html.contains("本文件已失效") && html.contains("2026年度清理"),
            "{html}"
        );
    }
    let (_, html) = editor.get_text("/console/cleanup?days=3650").await;
    assert!(!html.contains("即将到期的规定"), "no longer in force");
}
