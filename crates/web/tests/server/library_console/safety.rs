//! Publication safety through the real server: the 保密审查 a reviewer records before
//! publishing, personal information found in an attachment and in the body, masked or
//! dismissed with a reason, both in the audit log, and a corrupt attachment refused.

use super::{JUDICIARY, clear, draft, step, upload};
use crate::helpers::{TestApp, fixture, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

/// The first finding's action path of `action` (mask, dismiss) on the page.
fn finding_action(html: &str, path: &str, action: &str) -> String {
    let start = html
        .find(&format!("{path}/findings/"))
        .unwrap_or_else(|| panic!("no finding on the page"));
    let rest = &html[start..];
    let id: String = rest[format!("{path}/findings/").len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    format!("{path}/findings/{id}/{action}")
}

#[tokio::test]
async fn an_id_number_in_an_attachment_holds_publication_until_a_reviewer_dismisses_it() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(&app, &editor, &[("title", "2026年临时救助对象公示")]).await;
    let uploaded = upload(
        &app,
        &editor,
        &path,
        "救助名单.xlsx",
        fixture("attachments/救助名单.xlsx"),
    )
    .await;
    assert_eq!(uploaded.status(), StatusCode::SEE_OTHER);
    let (_, html) = editor.get_text(&path).await;
    assert!(
        html.contains("附件“救助名单.xlsx”工作表“名单”C2") && html.contains("11010519******1234"),
        "the finding says where and shows the masked form: {}",
        &html[html.find("id=\"pii\"").unwrap_or(0)..]
    );
    assert!(
        !html.contains("110105198003151234"),
        "the number itself is never shown"
    );
    let (_, overview) = app
        .signed_in(Role::Office)
        .await
        .get_text("/console/pii")
        .await;
    assert!(
        overview.contains(JUDICIARY) && overview.contains("2026年临时救助对象公示"),
        "{overview}"
    );

    assert_eq!(
        step(&editor, &path, "submit", "").await.status(),
        StatusCode::SEE_OTHER
    );
    let reviewer = app.signed_in(Role::Reviewer).await;
    clear(&reviewer, &path).await;
    let refused = step(&reviewer, &path, "publish", "").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = refused.text().await.unwrap();
    assert!(text.contains("发现 1 处个人信息尚未处理"), "{text}");

    let (_, html) = reviewer.get_text(&path).await;
    let mask = finding_action(&html, &path, "mask");
    let masked = reviewer.submit(&path, &mask, &[]).await;
    assert_eq!(
        masked.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "an attachment is replaced, not masked"
    );
    assert!(masked.text().await.unwrap().contains("请删除该附件"));
    let dismiss = finding_action(&html, &path, "dismiss");
    let no_reason = reviewer.submit(&path, &dismiss, &[("reason", "  ")]).await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.text().await.unwrap().contains("排除理由"));
    let editor_dismiss = editor
        .submit(&path, &dismiss, &[("reason", "已征得本人同意")])
        .await;
    assert_eq!(
        editor_dismiss.status(),
        StatusCode::FORBIDDEN,
        "only a reviewer dismisses"
    );
    let reason = "公示依据《社会救助暂行办法》第六十条，经本人书面同意";
    let dismissed = reviewer
        .submit(&path, &dismiss, &[("reason", reason)])
        .await;
    assert_eq!(dismissed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        step(&reviewer, &path, "publish", "").await.status(),
        StatusCode::SEE_OTHER
    );

    let admin = app.signed_in(Role::Admin).await;
    let (_, log) = admin.get_text("/console/audit?action=pii.dismissed").await;
    assert!(
        log.contains("pii.dismissed") && log.contains(reason) && log.contains("reviewer"),
        "{log}"
    );
    let (_, found) = admin.get_text("/console/audit?action=pii.found").await;
    assert!(found.contains("救助名单.xlsx"), "{found}");
    assert!(
        !found.contains("110105198003151234"),
        "the audit log keeps no personal value"
    );
    let (_, overview) = admin.get_text("/console/pii").await;
    assert!(overview.contains("没有待处理的个人信息"), "{overview}");
}

#[tokio::test]
async fn a_mobile_number_in_the_body_is_masked_with_one_action() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let body = "<p>关于张某的投诉已办结。</p><p>联系人：张某，电话 138-0013-8000，身份证 110105198003151234。</p>";
    let path = draft(
        &app,
        &editor,
        &[("title", "投诉办理情况"), ("body_html", body)],
    )
    .await;
    let (_, html) = editor.get_text(&path).await;
    assert!(
        html.contains("正文第2段") && html.contains("138****8000"),
        "located in the body"
    );
    let mask = finding_action(&html, &path, "mask");
    let masked = editor.submit(&path, &mask, &[]).await;
    assert_eq!(masked.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&masked).ends_with("done=masked"),
        "{}",
        location(&masked)
    );
    let (_, html) = editor.get_text(&path).await;
    assert!(
        html.contains("已遮盖") && html.contains("电话 138****8000"),
        "the body now shows the masked form: {}",
        &html[html.find("id=\"pii\"").unwrap_or(0)..]
    );
    assert!(!html.contains("138-0013-8000"));
    let mask = finding_action(&html, &path, "mask");
    let second = mask.replace("/mask", "");
    assert!(
        html.contains(&format!("{second}/mask")),
        "the ID number is still open"
    );
    assert_eq!(
        editor.submit(&path, &mask, &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, html) = editor.get_text(&path).await;
    assert!(html.contains("身份证 11010519******1234"), "{html}");
    assert!(!html.contains("待处理</td>"), "nothing open");

    let admin = app.signed_in(Role::Admin).await;
    let (_, log) = admin.get_text("/console/audit?action=pii.masked").await;
    assert!(
        log.contains("138****8000") && log.contains("11010519******1234"),
        "{log}"
    );
    assert_eq!(
        step(&editor, &path, "submit", "").await.status(),
        StatusCode::SEE_OTHER
    );
    let reviewer = app.signed_in(Role::Reviewer).await;
    clear(&reviewer, &path).await;
    assert_eq!(
        step(&reviewer, &path, "publish", "").await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn publishing_needs_the_secrecy_review_of_this_submission() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(&app, &editor, &[("title", "未经保密审查的文件")]).await;
    assert_eq!(
        step(&editor, &path, "submit", "").await.status(),
        StatusCode::SEE_OTHER
    );
    let reviewer = app.signed_in(Role::Reviewer).await;
    let refused = step(&reviewer, &path, "publish", "").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("发布前须完成保密审查")
    );

    let review = |fields: Vec<(&'static str, &'static str)>| {
        let (reviewer, path) = (&reviewer, path.clone());
        async move {
            reviewer
                .submit(&path, &format!("{path}/secrecy"), &fields)
                .await
        }
    };
    let secret_but_public = review(vec![
        ("conclusion", "not_cleared"),
        ("basis", "保密事项范围"),
        ("disclosure", "proactive"),
    ])
    .await;
    assert_eq!(secret_but_public.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        secret_but_public
            .text()
            .await
            .unwrap()
            .contains("公开属性只能是不予公开")
    );
    let no_basis = review(vec![
        ("conclusion", "cleared"),
        ("basis", ""),
        ("disclosure", "proactive"),
    ])
    .await;
    assert!(no_basis.text().await.unwrap().contains("请填写审查依据"));
    let on_request_no_reason = review(vec![
        ("conclusion", "cleared"),
        ("basis", "保密法"),
        ("disclosure", "on_request"),
    ])
    .await;
    assert!(
        on_request_no_reason
            .text()
            .await
            .unwrap()
            .contains("依申请公开须说明理由")
    );

    let on_request = review(vec![
        ("conclusion", "cleared"),
        ("basis", "本机关保密事项范围"),
        ("disclosure", "on_request"),
        ("disclosure_reason", "涉及第三方商业秘密（条例第十五条）"),
    ])
    .await;
    assert_eq!(on_request.status(), StatusCode::SEE_OTHER);
    let (_, html) = reviewer.get_text(&path).await;
    assert!(
        html.contains("本机关保密事项范围")
            && html.contains("依申请公开（涉及第三方商业秘密（条例第十五条））"),
        "the record shows on the page"
    );

    // Returned and submitted again, the document needs a new review.
    assert_eq!(
        step(&reviewer, &path, "return", "请补充").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        step(&editor, &path, "submit", "").await.status(),
        StatusCode::SEE_OTHER
    );
    let stale = step(&reviewer, &path, "publish", "").await;
    assert_eq!(stale.status(), StatusCode::UNPROCESSABLE_ENTITY);
    clear(&reviewer, &path).await;
    assert_eq!(
        step(&reviewer, &path, "publish", "").await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, log) = app
        .signed_in(Role::Admin)
        .await
        .get_text("/console/audit?action=document.secrecy_review")
        .await;
    assert!(
        log.contains("document.secrecy_review") && log.contains("本机关保密事项范围"),
        "{log}"
    );
}

#[tokio::test]
async fn a_corrupt_attachment_is_refused_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(&app, &editor, &[("title", "附件损坏")]).await;
    let refused = upload(
        &app,
        &editor,
        &path,
        "名单.docx",
        b"PK\x03\x04 not really a zip".to_vec(),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = refused.text().await.unwrap();
    assert!(
        text.contains("无法读取“名单.docx”，文件可能已损坏"),
        "{text}"
    );
    assert!(text.contains("暂无附件"), "nothing attached");
    assert!(
        !app.app.data_dir.join("files").exists(),
        "no content stored"
    );
}
