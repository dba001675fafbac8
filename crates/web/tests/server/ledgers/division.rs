//! A local division from picked tasks of a superior plan, and the name mappings the
//! office made remembered for the next plan.

use super::{import_seed, map_unknown_names, runner_of, task_ids, values_after};
use crate::helpers::{TestApp, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

#[tokio::test]
async fn a_local_division_starts_from_picked_tasks_of_a_superior_plan() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let superior = import_seed(&office).await;
    let pick = format!("{superior}/take?link=superior");
    let (_, html) = office.get_text(&pick).await;
    let tasks = values_after(&html, "name=\"task\"", "value");
    assert_eq!(
        tasks.len(),
        23,
        "every task of a superior plan may be picked"
    );
    let runner = values_after(&html, "<option", "value").remove(0);
    let fields = [
        ("link", "superior"),
        ("task", tasks[0].as_str()),
        ("task", tasks[3].as_str()),
        ("target", "new"),
        ("title", "示例区2022年政务公开任务分工"),
        ("runner", runner.as_str()),
    ];
    let taken = office
        .submit(&pick, &format!("{superior}/take"), &fields)
        .await;
    assert_eq!(taken.status(), StatusCode::SEE_OTHER);
    let local = location(&taken).split('?').next().unwrap().to_string();
    let (_, html) = office.get_text(&local).await;
    assert!(html.contains("任务 2 项"));

    // The local task keeps its link to the superior one and gets local units.
    let edit = task_ids(&html)
        .first()
        .map(|id| format!("/console/tasks/{id}/edit"))
        .unwrap();
    let fields = [
        ("body", "本级落实：开设数字经济专题"),
        ("responsible", "区发改委"),
        ("deadline", "2022-09-30"),
    ];
    let edited = office.submit(&edit, &edit, &fields).await;
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let task = edit.trim_end_matches("/edit");
    let (_, page) = office.get_text(task).await;
    assert!(page.contains("上级任务"));
    assert!(page.contains(&format!("/console/tasks/{}", tasks[0])));
    assert!(page.contains("示例区发展和改革委员会"));

    // A superior task that a local one implements cannot be deleted from its draft.
    let superior_task = format!("/console/tasks/{}", tasks[0]);
    let delete = office
        .submit(&superior, &format!("{superior_task}/delete"), &[])
        .await;
    assert_eq!(delete.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Nothing picked: refused with a reason.
    let nothing = [
        ("link", "superior"),
        ("target", "new"),
        ("title", "空"),
        ("runner", runner.as_str()),
    ];
    let none = office
        .submit(&pick, &format!("{superior}/take"), &nothing)
        .await;
    assert_eq!(none.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn mappings_are_remembered_for_the_next_plan_and_a_non_plan_is_refused() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let first = import_seed(&office).await;
    map_unknown_names(&app, &office, &first).await;
    let second = import_seed(&office).await;
    let (_, html) = office.get_text(&second).await;
    assert!(
        html.contains("全部名称均已处理") && !html.contains("未对应到单位。请逐一选择"),
        "mappings of the first plan apply"
    );
    assert!(html.contains("已保存的对应"));

    let (_, list) = office.get_text("/console/ledgers").await;
    let runner = values_after(&list, "<option", "value").remove(0);
    let form = Form::new().text("runner", runner).part(
        "file",
        Part::bytes("关于召开会议的通知\n请各单位准时参加。".as_bytes().to_vec())
            .file_name("通知.txt"),
    );
    let refused = office
        .submit_multipart("/console/ledgers", "/console/ledgers/import", form)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("未识别出任何任务"));

    // From the library: seed 001 is the demo library's second document.
    let runner = runner_of(&list);
    let by_document = [("runner", runner.as_str()), ("document", "2")];
    let imported = office
        .submit(
            "/console/ledgers",
            "/console/ledgers/import-document",
            &by_document,
        )
        .await;
    assert_eq!(imported.status(), StatusCode::SEE_OTHER);
    let (_, html) = office.get_text(location(&imported)).await;
    assert!(html.contains("任务 23 项") && html.contains("年度：2022年"));
    assert!(html.contains("href=\"/console/documents/2\""));
    let missing = [
        ("runner", runner.as_str()),
        ("document", "国办发〔2099〕1号"),
    ];
    let refused = office
        .submit(
            "/console/ledgers",
            "/console/ledgers/import-document",
            &missing,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("文件库中找不到"));

    // An editor of a unit runs no plans.
    let editor = app.signed_in(Role::Editor).await;
    let (_, page) = editor.get_text("/console/ledgers").await;
    assert!(!page.contains("导入工作计划"));
}
