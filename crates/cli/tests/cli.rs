//! The command line is a contract that scripts rely on: these tests run the built
//! binary and check its output and exit codes exactly.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

#[path = "cli/bench.rs"]
mod bench;
#[path = "cli/calendar.rs"]
mod calendar;
#[path = "cli/export.rs"]
mod export;
#[path = "cli/import.rs"]
mod import;
#[path = "cli/qa.rs"]
mod qa;
#[path = "cli/report.rs"]
mod report;
#[path = "cli/scan.rs"]
mod scan;
#[path = "cli/scan_stored.rs"]
mod scan_stored;
#[path = "cli/setup.rs"]
mod setup;
#[path = "cli/users.rs"]
mod users;

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

fn seed(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/seeds")
        .join(name)
}
