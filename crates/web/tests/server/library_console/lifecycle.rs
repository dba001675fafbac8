//! Relations and validity (立改废): a repeal stamps the old document with a link to the
//! new one, units keep to their own documents, interpretations are counted, and the
//! cleanup changes normative documents in one batch.

use super::{draft, publish, relate, review};
use crate::helpers::{TestApp, csrf_token};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

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
async fn a_partial_amendment_marks_the_document_amended_and_leaves_it_in_force() {
    let app = TestApp::spawn().await;
    let measures = publish(
        &app,
        &[
            ("title", "示例区行政执法公示办法"),
            ("doc_number", "示司规〔2024〕1号"),
            ("normative", "on"),
        ],
    )
    .await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(
        &app,
        &editor,
        &[
            ("title", "关于修改《示例区行政执法公示办法》第三条的决定"),
            ("doc_number", "示司规〔2026〕2号"),
        ],
    )
    .await;
    relate(&editor, &path, "amends", "示司规〔2024〕1号").await;
    let decision = review(&app, &editor, &path).await;
    let (_, html) = app
        .client()
        .get_text(&format!("/documents/{measures}"))
        .await;
    assert!(html.contains("本文件已修改"), "{html}");
    assert!(html.contains("本文件经修改后继续有效"), "{html}");
    assert!(
        !html.contains("现行文件"),
        "the decision does not replace the 办法: {html}"
    );
    assert!(
        html.contains(&format!("<a href=\"/documents/{decision}\">")),
        "the amendment is linked"
    );
    let json: serde_json::Value = app
        .client()
        .get(&format!("/api/v1/documents/{measures}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json["validity"], "amended");
    assert!(json["validity_change"]["replaced_by"].is_null());
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
