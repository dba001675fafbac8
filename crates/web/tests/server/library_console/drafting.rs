//! Drafting and review (三审): the index number at once, review before the public sees a
//! draft, nobody publishing what they submitted, and refused fields named.

use super::{JUDICIARY, clear, draft, step};
use crate::helpers::TestApp;
use gongkai_domain::role::Role;
use reqwest::StatusCode;

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
    clear(&reviewer, &path).await;
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
