//! Work-plan ledgers through the real server: the office imports seed 001, maps the
//! names the directory does not know and confirms; a unit reports progress with
//! evidence; the office returns and signs off; units never see or touch each other's
//! reports.

use crate::helpers::{Client, TestApp, csrf_token, location};
use gongkai_app::users::{AccountInput, add, generate_password};
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

const SEED_001: &str = include_str!("../../../../fixtures/seeds/001_6b141d89c3fcc9de.txt");
const FINANCE: &str = "示例区财政局";
const SERVICES: &str = "示例区政务服务管理办公室";

/// Signs in a new editor of `unit`.
async fn unit_editor(app: &TestApp, username: &str, unit: &str) -> Client {
    let password = generate_password();
    let input = AccountInput {
        username: username.to_string(),
        display_name: username.to_string(),
        password: password.clone(),
        role: Role::Editor,
        org: unit.to_string(),
    };
    add(&app.app, gongkai_app::Actor::system("test"), &input)
        .await
        .unwrap();
    let client = app.client();
    assert_eq!(
        client.login(username, &password).await.status(),
        StatusCode::SEE_OTHER
    );
    client
}

/// Posts a multipart form with the CSRF token of `page`.
async fn post_multipart(
    client: &Client,
    app: &TestApp,
    page: &str,
    action: &str,
    form: Form,
) -> reqwest::Response {
    let (_, html) = client.get_text(page).await;
    let token = csrf_token(&html);
    let separator = if action.contains('?') { '&' } else { '?' };
    client
        .http
        .post(app.url(&format!("{action}{separator}csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The values of every `attr="…"` that follows `marker` in `html`.
fn values_after(html: &str, marker: &str, attr: &str) -> Vec<String> {
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
fn task_ids(html: &str) -> Vec<String> {
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
fn task_id_with(html: &str, text: &str) -> String {
    let at = html.find(text).expect("task listed");
    let link = html[..at].rfind("href=\"/console/tasks/").unwrap();
    task_ids(&html[link..]).remove(0)
}

/// The first unit offered to run a plan.
fn runner_of(list: &str) -> String {
    values_after(list, "<option", "value").remove(0)
}

/// Imports seed 001 as the office; returns the plan's path.
async fn import_seed(app: &TestApp, office: &Client) -> String {
    let (_, html) = office.get_text("/console/ledgers").await;
    let runner = values_after(&html, "<option", "value").remove(0);
    let form = Form::new().text("runner", runner).part(
        "file",
        Part::bytes(SEED_001.as_bytes().to_vec()).file_name("2022年红谷滩区政务公开工作要点.txt"),
    );
    let response = post_multipart(
        office,
        app,
        "/console/ledgers",
        "/console/ledgers/import",
        form,
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = location(&response).split('?').next().unwrap().to_string();
    assert!(path.starts_with("/console/ledgers/"), "{path}");
    path
}

/// Maps every unknown name: 区政数局 to the services office, the rest to "not a unit".
async fn map_unknown_names(app: &TestApp, office: &Client, plan: &str) {
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

#[tokio::test]
async fn seed_001_goes_from_import_to_sign_off_and_units_keep_to_their_own_reports() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let plan = import_seed(&app, &office).await;

    // The draft: 23 tasks, unknown names listed, confirmation refused until mapped.
    let (status, html) = office.get_text(&plan).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("2022年红谷滩区政务公开工作要点"));
    assert!(html.contains("任务 23 项"), "the ledger table's 23 rows");
    let refused = office.submit(&plan, &format!("{plan}/confirm"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("尚未对应到单位"));

    // A unit sees nothing of a draft.
    let finance = unit_editor(&app, "finance", FINANCE).await;
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
    let filed = post_multipart(&finance, &app, &task, &format!("{task}/reports"), report).await;
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
    let services = unit_editor(&app, "services", SERVICES).await;
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
    let forged = post_multipart(&services, &app, &task, &format!("{task}/reports"), forged).await;
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
    let own = post_multipart(&office, &app, &digital, &format!("{digital}/reports"), own).await;
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
    let intrusion = post_multipart(
        &services,
        &app,
        "/console/tasks",
        &format!("{finance_only}/reports"),
        intrusion,
    )
    .await;
    assert_eq!(intrusion.status(), StatusCode::FORBIDDEN);

    // The office returns the task with a reason, finance completes it again, the
    // office signs it off; nobody reports on a signed-off task.
    let no_reason = office
        .submit(&task, &format!("{task}/return"), &[("note", " ")])
        .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let returned = office
        .submit(
            &task,
            &format!("{task}/return"),
            &[("note", "请补充政策解读链接")],
        )
        .await;
    assert_eq!(returned.status(), StatusCode::SEE_OTHER);
    let (_, page) = finance.get_text(&task).await;
    assert!(page.contains("请补充政策解读链接") && page.contains("推进中"));
    let again = Form::new()
        .text("unit", finance_id.clone())
        .text("status", "completed")
        .text("body", "已补充政策解读链接。");
    let again = post_multipart(&finance, &app, &task, &format!("{task}/reports"), again).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let signed = office
        .submit(&task, &format!("{task}/sign-off"), &[("note", "")])
        .await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let (_, page) = office.get_text(&task).await;
    assert!(page.contains("已销号") && page.contains("审核通过，予以销号"));
    let late = Form::new()
        .text("unit", finance_id)
        .text("status", "in_progress")
        .text("body", "再次报送");
    let late = post_multipart(&finance, &app, &task, &format!("{task}/reports"), late).await;
    assert_eq!(late.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The plan's figures count the signed-off task; units cannot sign off.
    let (_, html) = office.get_text(&plan).await;
    assert!(html.contains("已销号 1 项"), "{html}");
    let usurp = finance
        .submit(&finance_only, &format!("{finance_only}/sign-off"), &[])
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

#[tokio::test]
async fn a_local_division_starts_from_picked_tasks_of_a_superior_plan() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let superior = import_seed(&app, &office).await;
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
    let first = import_seed(&app, &office).await;
    map_unknown_names(&app, &office, &first).await;
    let second = import_seed(&app, &office).await;
    let (_, html) = office.get_text(&second).await;
    assert!(
        html.contains("全部名称均已对应到单位"),
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
    let refused = post_multipart(
        &office,
        &app,
        "/console/ledgers",
        "/console/ledgers/import",
        form,
    )
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

/// Uploads a ledger sheet to the plan.
async fn upload_sheet(
    app: &TestApp,
    office: &Client,
    plan: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = Form::new().part("file", Part::bytes(bytes).file_name("台账.xlsx"));
    post_multipart(office, app, plan, &format!("{plan}/sheet"), form).await
}

#[tokio::test]
async fn the_ledger_goes_out_as_a_sheet_and_comes_back_edited() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let plan = import_seed(&app, &office).await;
    let exported = office.get(&format!("{plan}/ledger.xlsx")).await;
    assert_eq!(exported.status(), StatusCode::OK);
    let bytes = exported.bytes().await.unwrap().to_vec();
    let table = gongkai_app::table::read_upload("台账.xlsx", &bytes).unwrap();
    assert_eq!(table[0][0], "2022年红谷滩区政务公开工作要点");
    assert_eq!(
        table[1],
        [
            "序号",
            "目标任务",
            "任务内容",
            "牵头单位",
            "责任单位",
            "工作时限",
            "进展情况",
            "状态"
        ]
    );
    assert_eq!(table.len(), 2 + 23);
    assert_eq!(table[2][5], "2022年7月底前完成");
    assert_eq!(table[2][7], "未开始（逾期）", "2022-07-31 has long passed");

    // The same sheet back changes nothing.
    let same = upload_sheet(&app, &office, &plan, bytes.clone()).await;
    assert_eq!(same.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&same).contains("updated=0&added=0&unchanged=23"),
        "{}",
        location(&same)
    );

    // One task corrected, one added; the deadline phrase is read against the plan's year.
    let mut rows: Vec<Vec<String>> = table[2..].to_vec();
    rows[0][4] = "区财政局".to_string();
    rows[0][5] = "2022-08-15".to_string();
    rows.push(
        [
            "9.1",
            "",
            "新增的公开任务",
            "",
            "区司法局",
            "10月底前",
            "",
            "",
        ]
        .map(str::to_string)
        .to_vec(),
    );
    let edited = gongkai_app::table::write_xlsx(
        "任务台账",
        "2022年红谷滩区政务公开工作要点",
        &gongkai_app::ledgers::sheet::COLUMNS,
        rows.clone(),
    )
    .unwrap();
    let applied = upload_sheet(&app, &office, &plan, edited).await;
    assert!(
        location(&applied).contains("updated=1&added=1&unchanged=22"),
        "{}",
        location(&applied)
    );
    let (_, html) = office.get_text(&plan).await;
    assert!(html.contains("新增的公开任务") && html.contains("（2022-10-31）"));
    assert!(html.contains("2022-08-15"));

    // A row that cannot be read refuses the whole sheet, naming the row.
    rows[1][2] = "改过的内容".to_string();
    rows[2][5] = "某一天".to_string();
    let bad = gongkai_app::table::write_xlsx(
        "任务台账",
        "计划",
        &gongkai_app::ledgers::sheet::COLUMNS,
        rows,
    )
    .unwrap();
    let refused = upload_sheet(&app, &office, &plan, bad).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("第 5 行"));
    let (_, html) = office.get_text(&plan).await;
    assert!(!html.contains("改过的内容"), "nothing written");

    // A sheet without a column a row is read from is refused, not read as empty.
    let without_units: Vec<(&str, f64)> = gongkai_app::ledgers::sheet::COLUMNS
        .iter()
        .copied()
        .filter(|(name, _)| *name != "责任单位")
        .collect();
    let partial = gongkai_app::table::write_xlsx(
        "任务台账",
        "计划",
        &without_units,
        Vec::<Vec<String>>::new(),
    )
    .unwrap();
    let refused = upload_sheet(&app, &office, &plan, partial).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("表头缺少“责任单位”列")
    );

    // Units neither export nor import the office's ledger.
    let editor = app.signed_in(Role::Editor).await;
    assert_eq!(
        editor.get(&format!("{plan}/ledger.xlsx")).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_demo_shows_the_seeds_ledgers_with_progress() {
    let app = TestApp::spawn().await;
    gongkai_app::demo::seed_ledgers(&app.app).await.unwrap();
    let office = app.signed_in(Role::Office).await;
    let (_, list) = office.get_text("/console/ledgers").await;
    assert!(list.contains("工作计划 5 个"), "{list}");
    assert_eq!(list.matches("<td>已下发</td>").count(), 4);
    assert_eq!(
        list.matches("<td>待确认</td>").count(),
        1,
        "one left for review"
    );
    let mut plans: Vec<String> = values_after(&list, "href=\"/console/ledgers/", "href");
    let (_, draft) = office.get_text("/console/ledgers/5").await;
    assert!(draft.contains("核对单位名称") && draft.contains("未识别"));
    plans.retain(|p| p != "/console/ledgers/5");
    let (_, plan) = office.get_text(&plans[0]).await;
    assert!(plan.contains("<svg role=\"img\""));
    assert!(plan.contains("已销号"));
    // Of every ten tasks four are signed off, so no plan is at 0% or 100%.
    for path in &plans {
        let (_, html) = office.get_text(path).await;
        let rate = html
            .split("完成率 <strong>")
            .nth(1)
            .and_then(|rest| rest.split('%').next())
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap();
        assert!((30..100).contains(&rate), "{path}: {rate}%");
    }
    // The leader follows the plans.
    let leader = app.signed_in(Role::Leader).await;
    assert_eq!(leader.get(&plans[0]).await.status(), StatusCode::OK);
    let (_, home) = office.get_text("/console").await;
    assert!(home.contains("个工作日内到期及已逾期的任务"));
}
