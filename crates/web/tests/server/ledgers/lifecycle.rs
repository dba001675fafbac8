//! Seed 001 from import to sign-off: names mapped, the plan confirmed, units reporting
//! with evidence, the office returning and signing off, and the carry-over (回头看).

use super::{
    FINANCE, SERVICES, import_seed, map_unknown_names, task_id_with, task_ids, values_after,
};
use crate::helpers::{Client, TestApp, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

#[tokio::test]
async fn seed_001_goes_from_import_to_sign_off_and_units_keep_to_their_own_reports() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let plan = import_seed(&office).await;

    // The draft: 23 tasks, unknown names listed, confirmation refused until mapped.
    let (status, html) = office.get_text(&plan).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("2022年红谷滩区政务公开工作要点"));
    assert!(html.contains("任务 23 项"), "the ledger table's 23 rows");
    let refused = office.submit(&plan, &format!("{plan}/confirm"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("尚未对应到单位"));

    // A unit sees nothing of a draft.
    let finance = app.unit_editor("finance", FINANCE).await;
    assert_eq!(finance.get(&plan).await.status(), StatusCode::FORBIDDEN);

    map_unknown_names(&app, &office, &plan).await;
    let confirmed = office.submit(&plan, &format!("{plan}/confirm"), &[]).await;
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    let (_, html) = office.get_text(&plan).await;
    assert!(html.contains("已下发"));
    assert!(html.contains("<svg role=\"img\""), "the completion chart");
    assert!(html.contains(FINANCE), "finance among the units' figures");

    // The finance bureau sees its own tasks only: 2 naming 区财政局 and 6 addressed to
    // 区政府各部门, which stands for every department.
    let (_, mine) = finance.get_text(&plan).await;
    let finance_tasks = task_ids(&mine);
    assert_eq!(finance_tasks.len(), 8, "{mine}");
    let task = format!("/console/tasks/{}", task_id_with(&mine, "减税降费"));

    // It reports completion with a file and a published library document as evidence.
    let finance_id = app.org_id(FINANCE).await.to_string();
    let report = Form::new()
        .text("unit", finance_id.clone())
        .text("status", "completed")
        .text("body", "已在门户网站集中公开减税降费政策措施。")
        .text("document", "1")
        .part(
            "files",
            Part::bytes(b"%PDF-1.4 evidence".to_vec()).file_name("公开截图.pdf"),
        );
    let filed = finance
        .submit_multipart(&task, &format!("{task}/reports"), report)
        .await;
    assert_eq!(filed.status(), StatusCode::SEE_OTHER);
    let (_, page) = finance.get_text(&task).await;
    assert!(page.contains("已在门户网站集中公开减税降费政策措施"));
    assert!(page.contains("公开截图.pdf") && page.contains("href=\"/documents/1\""));
    let evidence_link = page
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|href| href.contains("/evidence/"))
        .unwrap()
        .to_string();
    let download = finance.get(&evidence_link).await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(
        download.bytes().await.unwrap().as_ref(),
        b"%PDF-1.4 evidence"
    );

    // Another unit: the services office shares the task (区政数局) but sees none of
    // finance's report, and cannot report in finance's name.
    let services = app.unit_editor("services", SERVICES).await;
    let (status, shared) = services.get_text(&task).await;
    assert_eq!(status, StatusCode::OK, "the task names 区政数局 too");
    assert!(
        !shared.contains("减税降费政策措施"),
        "another unit's report is hidden"
    );
    assert_eq!(
        services.get(&evidence_link).await.status(),
        StatusCode::NOT_FOUND
    );
    let forged = Form::new()
        .text("unit", finance_id.clone())
        .text("status", "completed")
        .text("body", "冒名报送");
    let forged = services
        .submit_multipart(&task, &format!("{task}/reports"), forged)
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    // The office's own unit (区府办, which runs the plan) reports on a task it shares
    // with the services office: a unit's report all the same, hidden from the other.
    let (_, whole) = office.get_text(&plan).await;
    let digital = format!("/console/tasks/{}", task_id_with(&whole, "一号发展工程"));
    let runner = app.org_id("示例区人民政府办公室").await.to_string();
    let own = Form::new()
        .text("unit", runner)
        .text("status", "in_progress")
        .text("body", "区府办内部进展");
    let own = office
        .submit_multipart(&digital, &format!("{digital}/reports"), own)
        .await;
    assert_eq!(own.status(), StatusCode::SEE_OTHER);
    let (status, seen) = services.get_text(&digital).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!seen.contains("区府办内部进展"));

    // A confirmed plan's tasks and names are no longer corrected in the console.
    let edit = office
        .submit(
            &format!("{task}/edit"),
            &format!("{task}/edit"),
            &[("body", "改写"), ("responsible", "区司法局")],
        )
        .await;
    assert_eq!(edit.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let remap = office
        .submit(
            &plan,
            &format!("{plan}/names"),
            &[("name", "区政数局"), ("unit", "none")],
        )
        .await;
    assert_eq!(remap.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A task of finance alone is closed to the services office altogether.
    let (_, services_list) = services.get_text(&plan).await;
    let finance_only = finance_tasks
        .iter()
        .find(|id| !task_ids(&services_list).contains(id))
        .expect("a task of finance alone");
    let finance_only = format!("/console/tasks/{finance_only}");
    assert_eq!(
        services.get(&finance_only).await.status(),
        StatusCode::FORBIDDEN
    );
    let intrusion = Form::new()
        .text("unit", app.org_id(SERVICES).await.to_string())
        .text("status", "in_progress")
        .text("body", "越权报送");
    let intrusion = services
        .submit_multipart(
            "/console/tasks",
            &format!("{finance_only}/reports"),
            intrusion,
        )
        .await;
    assert_eq!(intrusion.status(), StatusCode::FORBIDDEN);

    // The office returns finance's part with a reason, finance completes it again, the
    // office signs its part off; the task, shared with six other units, stays open
    // until the office closes it with a reason naming the units left; nobody reports
    // on a signed-off part.
    let finance_part = [("unit", finance_id.as_str()), ("note", " ")];
    let no_reason = office
        .submit(&task, &format!("{task}/return"), &finance_part)
        .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let returned = office
        .submit(
            &task,
            &format!("{task}/return"),
            &[
                ("unit", finance_id.as_str()),
                ("note", "请补充政策解读链接"),
            ],
        )
        .await;
    assert_eq!(returned.status(), StatusCode::SEE_OTHER);
    let (_, page) = finance.get_text(&task).await;
    assert!(page.contains("请补充政策解读链接") && page.contains("推进中"));
    let again = Form::new()
        .text("unit", finance_id.clone())
        .text("status", "completed")
        .text("body", "已补充政策解读链接。");
    let again = finance
        .submit_multipart(&task, &format!("{task}/reports"), again)
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let signed = office
        .submit(
            &task,
            &format!("{task}/sign-off"),
            &[("unit", finance_id.as_str()), ("note", "")],
        )
        .await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let (_, page) = office.get_text(&task).await;
    assert!(page.contains("审核通过，予以销号"));
    assert!(
        page.contains("<strong>推进中</strong>") && page.contains("单位完成 1/7"),
        "the services office has not finished its part: {page}"
    );
    let late = Form::new()
        .text("unit", finance_id)
        .text("status", "in_progress")
        .text("body", "再次报送");
    let late = finance
        .submit_multipart(&task, &format!("{task}/reports"), late)
        .await;
    assert_eq!(late.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let services_id = app.org_id(SERVICES).await.to_string();
    let done = Form::new()
        .text("unit", services_id.clone())
        .text("status", "completed")
        .text("body", "政务服务事项已同步公开。");
    let done = services
        .submit_multipart(&task, &format!("{task}/reports"), done)
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (_, page) = office.get_text(&task).await;
    assert!(page.contains("单位完成 2/7"), "{page}");
    let closed = office
        .submit(
            &task,
            &format!("{task}/close"),
            &[("note", "其余单位无相关职责")],
        )
        .await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    let (_, page) = office.get_text(&task).await;
    assert!(page.contains("<strong>已销号</strong>"), "{page}");
    assert!(
        page.contains(&format!("办结（未销号单位：示例区发展和改革委员会、{SERVICES}、东城街道办事处、西城街道办事处、南岸街道办事处、青山镇人民政府）：其余单位无相关职责")),
        "{page}"
    );

    // The plan's figures count the signed-off task; units cannot sign off.
    let (_, html) = office.get_text(&plan).await;
    assert!(html.contains("已销号 1 项"), "{html}");
    let own_unit = app.org_id(FINANCE).await.to_string();
    let usurp = finance
        .submit(
            &finance_only,
            &format!("{finance_only}/sign-off"),
            &[("unit", own_unit.as_str())],
        )
        .await;
    assert_eq!(usurp.status(), StatusCode::FORBIDDEN);

    carry_over_unfinished(&office, &plan).await;
}

/// 回头看: the 22 unfinished tasks go into next year's plan, once.
async fn carry_over_unfinished(office: &Client, plan: &str) {
    let pick = format!("{plan}/take?link=carry-over");
    let (status, html) = office.get_text(&pick).await;
    assert_eq!(status, StatusCode::OK);
    let tasks = values_after(&html, "name=\"task\"", "value");
    assert_eq!(tasks.len(), 22, "the signed-off task stays behind");
    let runner = values_after(&html, "<option", "value").remove(0);
    let mut fields: Vec<(&str, &str)> = tasks.iter().map(|t| ("task", t.as_str())).collect();
    fields.extend([
        ("link", "carry-over"),
        ("target", "new"),
        ("title", "2023年结转任务"),
        ("runner", runner.as_str()),
    ]);
    let taken = office.submit(&pick, &format!("{plan}/take"), &fields).await;
    assert_eq!(taken.status(), StatusCode::SEE_OTHER);
    let next = location(&taken).split('?').next().unwrap().to_string();
    assert_ne!(next, plan);
    let (_, html) = office.get_text(&next).await;
    assert!(html.contains("待确认") && html.contains("年度：2023年"));
    assert!(html.contains("任务 22 项"));
    assert!(
        html.contains("上年工作时限：2022年7月底前完成"),
        "last year's deadline is not this year's"
    );

    // Taking them again into the same plan adds nothing.
    let target = next.rsplit('/').next().unwrap().to_string();
    let mut again: Vec<(&str, &str)> = tasks.iter().map(|t| ("task", t.as_str())).collect();
    again.extend([("link", "carry-over"), ("target", target.as_str())]);
    let repeated = office.submit(&pick, &format!("{plan}/take"), &again).await;
    assert_eq!(repeated.status(), StatusCode::SEE_OTHER);
    let (_, html) = office.get_text(&next).await;
    assert!(html.contains("任务 22 项"));
}
