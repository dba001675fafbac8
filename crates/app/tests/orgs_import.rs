//! Importing the unit directory from CSV and XLSX files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_app::config::Settings;
use gongkai_app::orgs::{ImportReport, import_file};
use gongkai_app::{Actor, App, Error};
use gongkai_domain::org::OrgKind;
use std::path::Path;

async fn app(dir: &Path) -> App {
    App::open(dir.to_path_buf(), Settings::default())
        .await
        .unwrap()
}

fn operator() -> Actor {
    Actor::system("test")
}

const UNITS_CSV: &str = "\u{feff}名称,上级单位,类型,简称,统一社会信用代码,联系电话\n\
    丙区司法局,丙区人民政府,部门,区司法局、司法局,115000005567784755,023-1\n\
    丙区人民政府,,政府,区政府,,023-0\n\
    \n\
    朝阳街道办事处,丙区人民政府,街道,朝阳街道,,\n";

#[tokio::test]
async fn a_csv_file_imports_parents_wherever_they_stand_and_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    let file = dir.path().join("units.csv");
    std::fs::write(&file, UNITS_CSV).unwrap();
    let first = import_file(&app.store, operator(), &file).await.unwrap();
    assert_eq!(
        first,
        ImportReport {
            created: 3,
            updated: 0,
            unchanged: 0
        }
    );
    let second = import_file(&app.store, operator(), &file).await.unwrap();
    assert_eq!(
        second,
        ImportReport {
            created: 0,
            updated: 0,
            unchanged: 3
        }
    );

    let all = gongkai_app::orgs::public_directory(&app).await.unwrap();
    let government = all.iter().find(|o| o.name == "丙区人民政府").unwrap();
    let justice = all.iter().find(|o| o.name == "丙区司法局").unwrap();
    assert_eq!(justice.parent_id, Some(government.id));
    assert_eq!(justice.aliases, ["区司法局", "司法局"]);
    assert_eq!(justice.credit_code.as_deref(), Some("115000005567784755"));
    assert_eq!(justice.contact_phone, "023-1");
    let street = all.iter().find(|o| o.name == "朝阳街道办事处").unwrap();
    assert_eq!(street.kind, OrgKind::Street);

    std::fs::write(&file, UNITS_CSV.replace("023-1", "023-2")).unwrap();
    let changed = import_file(&app.store, operator(), &file).await.unwrap();
    assert_eq!(
        changed,
        ImportReport {
            created: 0,
            updated: 1,
            unchanged: 2
        }
    );
}

#[tokio::test]
async fn an_xlsx_file_imports_like_a_csv_file() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    let file = dir.path().join("units.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows = [
        ["名称", "上级单位", "类型", "简称", "排序"],
        ["丁县人民政府", "", "政府", "县政府", "1"],
        ["丁县财政局", "县政府", "部门", "县财政局", "2"],
        ["青石镇人民政府", "丁县人民政府", "乡镇", "青石镇", "3"],
    ];
    for (r, row) in (0_u32..).zip(rows) {
        for (c, cell) in (0_u16..).zip(row) {
            sheet.write_string(r, c, cell).unwrap();
        }
    }
    sheet.write_number(2, 4, 7.0).unwrap();
    book.save(&file).unwrap();
    let report = import_file(&app.store, operator(), &file).await.unwrap();
    assert_eq!(report.created, 3);
    let all = gongkai_app::orgs::public_directory(&app).await.unwrap();
    let finance = all.iter().find(|o| o.name == "丁县财政局").unwrap();
    assert_eq!(
        finance.sort_order, 7,
        "a number cell is read as the integer it shows"
    );
    let town = all.iter().find(|o| o.name == "青石镇人民政府").unwrap();
    assert_eq!(town.kind, OrgKind::Town);
}

#[tokio::test]
async fn one_bad_row_rejects_the_whole_file_and_every_bad_row_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    let file = dir.path().join("units.csv");
    std::fs::write(
        &file,
        "名称,上级单位,类型,统一社会信用代码\n\
         戊区人民政府,,政府,\n\
         戊区商务局,戊区人民政府,衙门,\n\
         戊区文旅委,戊区人民政府,部门,91350100M000100Y44\n\
         戊区体育局,不存在的政府,部门,\n",
    )
    .unwrap();
    let err = import_file(&app.store, operator(), &file)
        .await
        .unwrap_err();
    let Error::Import(problems) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0].starts_with("第 3 行") && problems[0].contains("衙门"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("第 4 行") && problems[1].contains("校验位"),
        "{problems:?}"
    );
    assert!(
        problems[2].starts_with("第 5 行") && problems[2].contains("不存在的政府"),
        "{problems:?}"
    );
    assert!(
        gongkai_app::orgs::public_directory(&app)
            .await
            .unwrap()
            .is_empty(),
        "nothing half-written"
    );
}

#[tokio::test]
async fn a_file_without_the_required_columns_or_of_another_type_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    let no_kind = dir.path().join("no-kind.csv");
    std::fs::write(&no_kind, "名称\n己区人民政府\n").unwrap();
    let err = import_file(&app.store, operator(), &no_kind)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("类型"), "{err}");
    let text = dir.path().join("units.txt");
    std::fs::write(&text, "名称,类型\n").unwrap();
    let err = import_file(&app.store, operator(), &text)
        .await
        .unwrap_err();
    assert!(err.to_string().contains(".csv"), "{err}");
}
