//! The ledger as a sheet: exported, edited and imported back.

use super::import_seed;
use crate::helpers::{Client, TestApp, location};
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

/// Uploads a ledger sheet to the plan.
async fn upload_sheet(office: &Client, plan: &str, bytes: Vec<u8>) -> reqwest::Response {
    let form = Form::new().part("file", Part::bytes(bytes).file_name("台账.xlsx"));
    office
        .submit_multipart(plan, &format!("{plan}/sheet"), form)
        .await
}

#[tokio::test]
async fn the_ledger_goes_out_as_a_sheet_and_comes_back_edited() {
    let app = TestApp::spawn().await;
    let office = app.signed_in(Role::Office).await;
    let plan = import_seed(&office).await;
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
    let same = upload_sheet(&office, &plan, bytes.clone()).await;
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
    let applied = upload_sheet(&office, &plan, edited).await;
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
    let refused = upload_sheet(&office, &plan, bad).await;
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
    let refused = upload_sheet(&office, &plan, partial).await;
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
