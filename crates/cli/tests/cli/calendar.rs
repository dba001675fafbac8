//! `gongkai calendar`: the answer alone on stdout, the explained due date of a
//! request, provisional answers warned on stderr, bad dates and holiday files refused.

use super::{gongkai, stderr, stdout};

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
    // Without the 2027 notice, 元旦 (fixed by law) is still off; the answer is provisional.
    let output = gongkai(dir.path(), &["calendar", "add", "2026-12-20", "20"]);
    assert_eq!(stdout(&output), "2027-01-18\n");
    assert!(stderr(&output).contains("2027年"), "{}", stderr(&output));
    assert!(stderr(&output).contains("放假办法"), "{}", stderr(&output));
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
