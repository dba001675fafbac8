//! `gongkai report annual`: the report in each format, the default unit, and bad input
//! refused with exit code 2.

use super::{gongkai, stderr, stdout};

#[test]
fn report_annual_writes_the_report_in_each_format_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("units.csv");
    std::fs::write(
        &units,
        "名称,上级单位,类型\n某区人民政府,,政府\n某区教育局,某区人民政府,部门\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    let imported = gongkai(&data, &["org", "import", units.to_str().unwrap()]);
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));

    let json = gongkai(
        &data,
        &["report", "annual", "--year", "2025", "--format", "json"],
    );
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["schema"], "gongkai/annual-report/1");
    assert_eq!(
        report["org"]["name"], "某区人民政府",
        "the only top unit by default"
    );
    assert_eq!(report["section3_requests"]["received"]["total"], 0);
    assert_eq!(report["consistent"], true);

    let unit = gongkai(
        &data,
        &[
            "report",
            "annual",
            "--year",
            "2025",
            "--org",
            "某区教育局",
            "--format",
            "json",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&unit.stdout).unwrap();
    assert_eq!(report["title"], "某区教育局2025年政府信息公开工作年度报告");

    for (format, magic) in [
        ("xlsx", &b"PK"[..]),
        ("docx", &b"PK"[..]),
        ("html", &b"<!DOCTYPE html>"[..]),
    ] {
        let output = gongkai(
            &data,
            &["report", "annual", "--year", "2025", "--format", format],
        );
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            stderr(&output)
        );
        assert!(output.stdout.starts_with(magic), "{format}");
    }
    let out = dir.path().join("report.docx");
    let written = gongkai(
        &data,
        &[
            "report",
            "annual",
            "--year",
            "2025",
            "--format",
            "docx",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(written.status.code(), Some(0));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));

    for bad in [
        &["report", "annual", "--year", "1999"][..],
        &[
            "report",
            "annual",
            "--year",
            "2025",
            "--org",
            "不存在的单位",
        ][..],
    ] {
        let output = gongkai(&data, bad);
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
        assert_eq!(stdout(&output), "", "{bad:?}");
        assert!(stderr(&output).starts_with("错误："), "{bad:?}");
    }
}
