//! The policy library in the console: drafting, review (三审), attachments,
//! relations and validity (立改废), cleanup, interpretations, and what the public
//! then sees.

mod content;
mod drafting;
mod export;
mod import;
mod lifecycle;
mod safety;

use crate::helpers::{Client, TestApp, csrf_token, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

pub(super) const JUDICIARY: &str = "示例区司法局";

/// Creates a draft through the form and returns its console path.
pub(super) async fn draft(app: &TestApp, client: &Client, fields: &[(&str, &str)]) -> String {
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
pub(super) async fn step(client: &Client, path: &str, step: &str, note: &str) -> reqwest::Response {
    client
        .submit(
            path,
            &format!("{path}/step"),
            &[("step", step), ("note", note)],
        )
        .await
}

/// The reviewer's 保密审查 of a document in review: cleared, 主动公开.
pub(super) async fn clear(reviewer: &Client, path: &str) {
    let response = reviewer
        .submit(
            path,
            &format!("{path}/secrecy"),
            &[
                ("conclusion", "cleared"),
                (
                    "basis",
                    "《中华人民共和国保守国家秘密法》及本机关保密事项范围",
                ),
                ("disclosure", "proactive"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "secrecy review");
}

/// Submitted by the editor, cleared by the reviewer's 保密审查 and published; returns
/// the document id.
pub(super) async fn review(app: &TestApp, editor: &Client, path: &str) -> String {
    let submitted = step(editor, path, "submit", "").await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    let reviewer = app.signed_in(Role::Reviewer).await;
    clear(&reviewer, path).await;
    let published = step(&reviewer, path, "publish", "").await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    path.rsplit('/').next().unwrap().to_string()
}

/// Drafted by the editor, published by the reviewer; returns the document id.
pub(super) async fn publish(app: &TestApp, fields: &[(&str, &str)]) -> String {
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(app, &editor, fields).await;
    review(app, &editor, &path).await
}

/// Uploads `bytes` as an attachment `name` of the document at `path`.
pub(super) async fn upload(
    app: &TestApp,
    editor: &Client,
    path: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let (_, html) = editor.get_text(path).await;
    let token = csrf_token(&html);
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
    );
    editor
        .http
        .post(app.url(&format!("{path}/attachments?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Relates the document at `path` to `target` from its page.
pub(super) async fn relate(client: &Client, path: &str, kind: &str, target: &str) {
    let response = client
        .submit(
            path,
            &format!("{path}/relations"),
            &[("kind", kind), ("target", target)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{kind} {target}");
}
