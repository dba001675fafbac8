//! The command line is a contract that scripts rely on: these tests run the built
//! binary and check its output and exit codes exactly.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

#[path = "cli/bench.rs"]
mod bench;

fn gongkai(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env_remove("GONGKAI_DATABASE_URL")
        .env_remove("GONGKAI_DATA")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn calendar_commands_print_only_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["calendar", "is-workday", "2024-02-18"], "true\n"),
        (&["calendar", "is-workday", "2024-02-17"], "false\n"),
        (&["calendar", "add", "2025-01-24", "20"], "2025-02-27\n"),
        (&["calendar", "between", "2025-01-24", "2025-02-28"], "21\n"),
    ];
    for (args, expected) in cases {
        let output = gongkai(dir.path(), args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(stdout(&output), expected, "{args:?}");
        assert_eq!(stderr(&output), "", "{args:?}");
    }
}

#[test]
fn request_due_prints_the_due_date_first_then_the_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "calendar",
        "request-due",
        "--received",
        "2025-01-24",
        "--corrected",
        "2025-02-10",
        "--stop",
        "2025-02-12..2025-02-20",
        "--extend",
        "20",
    ];
    let output = gongkai(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let mut lines = text.lines();
    // Worked by hand in crates/domain/src/request_clock.rs.
    assert_eq!(lines.next(), Some("2025-04-16"));
    let rest: Vec<&str> = lines.collect();
    assert!(
        rest[0].starts_with("起算：收到补正后申请之日 2025-02-10"),
        "{text}"
    );
    assert!(
        rest.iter().any(|l| l.contains("其间 6 个工作日不计入")),
        "{text}"
    );
    assert!(rest.iter().any(|l| l.starts_with("延长：")), "{text}");
    assert_eq!(stderr(&output), "");

    let plain = gongkai(
        dir.path(),
        &["calendar", "request-due", "--received", "2025-01-24"],
    );
    assert_eq!(stdout(&plain).lines().next(), Some("2025-02-27"));
    for bad in [
        &[
            "calendar",
            "request-due",
            "--received",
            "2025-01-24",
            "--extend",
            "21",
        ][..],
        &[
            "calendar",
            "request-due",
            "--received",
            "2025-01-24",
            "--stop",
            "2025-02-12",
        ][..],
        &["calendar", "request-due", "--received", "2025-02-30"][..],
    ] {
        let refused = gongkai(dir.path(), bad);
        assert_eq!(refused.status.code(), Some(2), "{bad:?}");
        assert_eq!(stdout(&refused), "", "{bad:?}");
    }
}

#[test]
fn an_invalid_date_is_a_clear_error_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["2024-02-30", "2024-2-3", "tomorrow"] {
        let output = gongkai(dir.path(), &["calendar", "is-workday", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert_eq!(stdout(&output), "");
        assert!(stderr(&output).contains(bad), "{}", stderr(&output));
    }
}

#[test]
fn a_provisional_answer_warns_on_stderr_and_a_loaded_year_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let output = gongkai(dir.path(), &["calendar", "add", "2026-12-20", "20"]);
    assert_eq!(stdout(&output), "2027-01-15\n");
    assert!(stderr(&output).contains("2027年"), "{}", stderr(&output));
    std::fs::write(
        dir.path().join("holidays.json"),
        r#"{"2027": {"holidays": [["2027-01-01", "2027-01-03"]], "workdays": []}}"#,
    )
    .unwrap();
    let output = gongkai(dir.path(), &["calendar", "add", "2026-12-20", "20"]);
    assert_eq!(
        (stdout(&output).as_str(), stderr(&output).as_str()),
        ("2027-01-18\n", "")
    );
}

#[test]
fn a_bad_holiday_file_names_the_date_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("holidays.json"),
        r#"{"2027": {"holidays": [["2027-02-06", "2027-02-12"]], "workdays": ["2027-02-08"]}}"#,
    )
    .unwrap();
    let output = gongkai(dir.path(), &["calendar", "is-workday", "2027-02-08"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("2027-02-08"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn init_writes_a_commented_config_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let output = gongkai(&data, &["init"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(data.join("gongkai.toml")).unwrap();
    assert!(text.contains("# ") && text.contains("[server]") && text.contains("listen"));
    let again = gongkai(&data, &["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("--force"));
    assert_eq!(gongkai(&data, &["init", "--force"]).status.code(), Some(0));
}

#[test]
fn a_malformed_config_stops_start_up_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gongkai.toml"),
        "[server]\nsession_idle_minutes = \"half an hour\"\n",
    )
    .unwrap();
    let output = gongkai(dir.path(), &["serve", "--listen", "127.0.0.1:0"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("server.session_idle_minutes"), "{message}");
    assert!(message.contains("配置有误"), "{message}");
}

#[test]
fn an_unreachable_database_is_one_clear_line_and_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let output = gongkai(
        dir.path(),
        &[
            "user",
            "list",
            "--database-url",
            "postgres://gongkai:secret@127.0.0.1:9/gongkai",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("无法连接数据库（postgres）"), "{message}");
    assert!(!message.contains("secret"), "{message}");
}

#[test]
fn users_are_added_listed_and_given_new_passwords() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    // The first serve-less command creates the schema; the unit comes from an import.
    std::fs::write(
        data.join("units.csv"),
        "名称,上级单位,类型,简称\n甲区人民政府,,政府,\n甲区司法局,甲区人民政府,部门,区司法局\n",
    )
    .unwrap();
    let import = gongkai(
        data,
        &["org", "import", data.join("units.csv").to_str().unwrap()],
    );
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));
    assert!(stdout(&import).contains("新增 2 个"));
    let again = gongkai(
        data,
        &["org", "import", data.join("units.csv").to_str().unwrap()],
    );
    assert!(
        stdout(&again).contains("新增 0 个，更新 0 个，未变 2 个"),
        "{}",
        stdout(&again)
    );

    let add = gongkai(
        data,
        &[
            "user",
            "add",
            "wangwu",
            "--role",
            "editor",
            "--org",
            "区司法局",
            "--name",
            "王五",
        ],
    );
    assert_eq!(add.status.code(), Some(0), "{}", stderr(&add));
    assert!(stdout(&add).contains("初始密码："));
    let list = gongkai(data, &["user", "list"]);
    assert!(
        stdout(&list).starts_with("wangwu\t王五\teditor@"),
        "{}",
        stdout(&list)
    );

    let weak = run_with_stdin(
        data,
        &["user", "passwd", "wangwu", "--password-stdin"],
        "short\n",
    );
    assert_eq!(weak.status.code(), Some(2));
    assert!(stderr(&weak).contains("密码"), "{}", stderr(&weak));
    let strong = run_with_stdin(
        data,
        &["user", "passwd", "wangwu", "--password-stdin"],
        "Long-enough-pass-9\n",
    );
    assert_eq!(strong.status.code(), Some(0), "{}", stderr(&strong));

    let unknown_role = gongkai(
        data,
        &["user", "add", "zhao", "--role", "root", "--org", "区司法局"],
    );
    assert_eq!(unknown_role.status.code(), Some(2));
}

fn run_with_stdin(data: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env_remove("GONGKAI_DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn audit_verify_reports_the_first_broken_link() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    std::fs::write(
        data.join("units.csv"),
        "名称,类型\n乙区人民政府,政府\n乙区财政局,部门\n乙区税务局,部门\n",
    )
    .unwrap();
    gongkai(
        data,
        &["org", "import", data.join("units.csv").to_str().unwrap()],
    );
    let intact = gongkai(data, &["audit", "verify"]);
    assert_eq!(intact.status.code(), Some(0));
    assert!(
        stdout(&intact).contains("共 3 条记录"),
        "{}",
        stdout(&intact)
    );

    let url = format!("sqlite://{}", data.join("gongkai.db").display());
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&url).await.unwrap();
        sqlx::query("DROP TRIGGER audit_log_no_update")
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query("UPDATE audit_log SET after_json = '{}' WHERE seq = 2")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    });
    let broken = gongkai(data, &["audit", "verify"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("第 2 条断开"),
        "{}",
        stderr(&broken)
    );
}

#[test]
fn serve_prints_the_first_admin_password_once_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let (first, status) = serve_until_listening(dir.path());
    assert!(
        first.iter().any(|l| l.contains("已创建管理员账号 admin")),
        "{first:?}"
    );
    assert_eq!(status, Some(0));
    let (second, _) = serve_until_listening(dir.path());
    assert!(
        !second.iter().any(|l| l.contains("管理员账号")),
        "{second:?}"
    );
}

/// Starts `serve`, reads stdout up to the listening line, checks /healthz, sends
/// SIGTERM and returns the lines and the exit code.
fn serve_until_listening(data: &Path) -> (Vec<String>, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data)
        .env_remove("GONGKAI_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = Vec::new();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let address = loop {
        let mut line = String::new();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "serve exited early: {lines:?}"
        );
        lines.push(line.trim_end().to_string());
        if let Some(address) = line.trim().strip_prefix("listening on http://") {
            break address.to_string();
        }
    };
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    (lines, child.wait().unwrap().code())
}

#[test]
fn import_policies_reports_created_unchanged_and_skipped_files() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds");
    let seeds = seeds.to_str().unwrap();
    let first = gongkai(&data, &["import", "policies", seeds]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(
        stdout(&first),
        "导入完成：新增 5 件，更新 0 件，未变 0 件，跳过 0 个文件\n"
    );
    let junk = dir.path().join("junk.pdf");
    std::fs::write(&junk, b"%PDF-1.4 nothing else").unwrap();
    let again = gongkai(
        &data,
        &["import", "policies", seeds, junk.to_str().unwrap()],
    );
    assert_eq!(again.status.code(), Some(0));
    let out = stdout(&again);
    assert!(
        out.starts_with("导入完成：新增 0 件，更新 0 件，未变 5 件，跳过 1 个文件\n"),
        "{out}"
    );
    assert!(out.contains("跳过 ") && out.contains("junk.pdf"), "{out}");
}

fn seed(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/seeds")
        .join(name)
}

#[test]
fn extract_prints_the_ledger_as_json_in_the_contract_shape() {
    let dir = tempfile::tempdir().unwrap();
    let file = seed("004_2f6965311e0af134.txt");
    let output = gongkai(
        dir.path(),
        &["extract", file.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let ledger: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let mut keys: Vec<&str> = ledger
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["tasks", "title", "year"]);
    let tasks = ledger["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 12);
    let first = tasks[0].as_object().unwrap();
    let mut names: Vec<&str> = first.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "deadline",
            "deadline_text",
            "id",
            "lead_units",
            "number",
            "ongoing",
            "path",
            "responsible_units",
            "text"
        ]
    );
    assert_eq!(first["number"], "1");
    assert_eq!(first["responsible_units"][0], "综合管理部");
    assert!(first["path"][0].as_str().unwrap().starts_with("二、"));
}

#[test]
fn extract_writes_csv_and_xlsx_in_the_ledger_layout() {
    let dir = tempfile::tempdir().unwrap();
    let file = seed("001_6b141d89c3fcc9de.txt");
    let output = gongkai(
        dir.path(),
        &["extract", file.to_str().unwrap(), "--format", "csv"],
    );
    assert_eq!(output.status.code(), Some(0));
    let csv = stdout(&output);
    assert!(
        csv.starts_with("序号,目标任务,任务内容,牵头单位,责任单位,工作时限"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 24);
    let out = dir.path().join("ledger.xlsx");
    let output = gongkai(
        dir.path(),
        &[
            "extract",
            file.to_str().unwrap(),
            "--format",
            "xlsx",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
}

#[test]
fn extract_of_an_unreadable_file_exits_2_and_of_no_plan_warns_with_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let output = gongkai(dir.path(), &["extract", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("无法读取文件"),
        "{}",
        stderr(&output)
    );
    let broken = dir.path().join("broken.docx");
    std::fs::write(&broken, b"not a zip").unwrap();
    let output = gongkai(dir.path(), &["extract", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let prose = dir.path().join("prose.txt");
    std::fs::write(&prose, "关于召开会议的通知\n请各单位准时参加。\n").unwrap();
    let output = gongkai(dir.path(), &["extract", prose.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("警告"), "{}", stderr(&output));
    let ledger: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(ledger["tasks"].as_array().unwrap().len(), 0);
}

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
