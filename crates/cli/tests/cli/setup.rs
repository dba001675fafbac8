//! Setting up and serving: `init` writes a commented configuration once, a malformed
//! one or an unreachable database stops start-up clearly, `serve` prints the first
//! admin password once and stops cleanly on SIGTERM.

use super::{Server, gongkai, stderr};
use std::path::Path;

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
    let server = Server::start(data);
    assert!(server.get("/healthz").starts_with("HTTP/1.1 200"));
    server.stop()
}
