//! Work-plan ledgers through the real server: the office imports seed 001, maps the
//! names the directory does not know and confirms; a unit reports progress with
//! evidence; the office returns and signs off; units never see or touch each other's
//! reports.

mod demo;
mod division;
mod groups;
mod lifecycle;
mod shared;
mod sheet;

use crate::helpers::{Client, TestApp, location};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

pub(super) const SEED_001: &str =
    include_str!("../../../../../fixtures/seeds/001_6b141d89c3fcc9de.txt");
pub(super) const FINANCE: &str = "示例区财政局";
pub(super) const SERVICES: &str = "示例区政务服务管理办公室";

/// The values of every `attr="…"` that follows `marker` in `html`.
pub(super) fn values_after(html: &str, marker: &str, attr: &str) -> Vec<String> {
    html.match_indices(marker)
        .filter_map(|(at, _)| {
            let rest = &html[at..];
            let start = rest.find(&format!("{attr}=\""))? + attr.len() + 2;
            let end = rest[start..].find('"')? + start;
            Some(rest[start..end].to_string())
        })
        .collect()
}

/// Task ids linked from a page, in order, without repeats.
pub(super) fn task_ids(html: &str) -> Vec<String> {
    let mut ids: Vec<String> = html
        .match_indices("href=\"/console/tasks/")
        .filter_map(|(at, m)| {
            let rest = &html[at + m.len()..];
            let end = rest.find(|c: char| !c.is_ascii_digit())?;
            (end > 0).then(|| rest[..end].to_string())
        })
        .collect();
    ids.dedup();
    ids
}

/// The id of the task whose link text contains `text`.
pub(super) fn task_id_with(html: &str, text: &str) -> String {
    let at = html.find(text).expect("task listed");
    let link = html[..at].rfind("href=\"/console/tasks/").unwrap();
    task_ids(&html[link..]).remove(0)
}

/// The first unit offered to run a plan.
pub(super) fn runner_of(list: &str) -> String {
    values_after(list, "<option", "value").remove(0)
}

/// Imports seed 001 as the office; returns the plan's path.
pub(super) async fn import_seed(office: &Client) -> String {
    let (_, html) = office.get_text("/console/ledgers").await;
    let runner = values_after(&html, "<option", "value").remove(0);
    let form = Form::new().text("runner", runner).part(
        "file",
        Part::bytes(SEED_001.as_bytes().to_vec()).file_name("2022年红谷滩区政务公开工作要点.txt"),
    );
    let response = office
        .submit_multipart("/console/ledgers", "/console/ledgers/import", form)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = location(&response).split('?').next().unwrap().to_string();
    assert!(path.starts_with("/console/ledgers/"), "{path}");
    path
}

/// Maps every unknown name: 区政数局 to the services office, the rest to "not a unit".
pub(super) async fn map_unknown_names(app: &TestApp, office: &Client, plan: &str) {
    let services = app.org_id(SERVICES).await.to_string();
    let (_, html) = office.get_text(plan).await;
    let unknown: Vec<String> = html
        .split("<tr>")
        .filter(|row| row.contains("<td>未识别</td>"))
        .flat_map(|row| values_after(row, "name=\"name\"", "value"))
        .collect();
    assert!(unknown.contains(&"区政数局".to_string()), "{unknown:?}");
    assert!(
        !unknown.contains(&"区财政局".to_string()),
        "an alias resolves"
    );
    assert!(
        !unknown.contains(&"各乡".to_string()),
        "a group expression resolves"
    );
    for name in &unknown {
        let unit = if name == "区政数局" {
            services.as_str()
        } else {
            "none"
        };
        let response = office
            .submit(
                plan,
                &format!("{plan}/names"),
                &[("name", name), ("unit", unit)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "map {name}");
    }
}
