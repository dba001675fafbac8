//! The command line is a contract that scripts rely on: these tests run the built
//! binary and check its output and exit codes exactly.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

#[path = "cli/audit.rs"]
mod audit;
#[path = "cli/backup.rs"]
mod backup;
#[path = "cli/bench.rs"]
mod bench;
#[path = "cli/calendar.rs"]
mod calendar;
#[path = "cli/export.rs"]
mod export;
#[path = "cli/files.rs"]
mod files;
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

/// `gongkai serve` running on a data directory, stopped (SIGTERM) when dropped.
struct Server {
    child: std::process::Child,
    address: String,
    lines: Vec<String>,
}

impl Server {
    /// Starts `serve` on a random port and reads stdout up to the listening line.
    fn start(data: &Path) -> Server {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args(["serve", "--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .env_remove("GONGKAI_DATABASE_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = Vec::new();
        let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
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
        Server {
            child,
            address,
            lines,
        }
    }

    /// The raw HTTP answer to a GET of `path`.
    fn get(&self, path: &str) -> String {
        use std::io::Read;
        let mut stream = std::net::TcpStream::connect(&self.address).unwrap();
        let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    }

    /// Sends SIGTERM; the lines read and the exit code.
    fn stop(mut self) -> (Vec<String>, Option<i32>) {
        let code = self.terminate();
        (std::mem::take(&mut self.lines), code)
    }

    fn terminate(&mut self) -> Option<i32> {
        let killed = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        self.child.wait().unwrap().code()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
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
