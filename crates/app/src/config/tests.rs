//! Loading the settings: defaults, the example file, the environment, errors that
//! name their key, and a Debug output without the database password.

#![allow(clippy::unwrap_used, clippy::expect_used)]
use super::*;
use crate::{Error, Result};

fn load_with(file: &str, env: &[(&str, &str)]) -> Result<Settings> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(CONFIG_FILE), file).unwrap();
    let env = env.iter().map(|(k, v)| (k.to_string(), v.to_string()));
    Settings::load(dir.path(), env)
}

#[test]
fn the_example_config_states_exactly_the_defaults() {
    assert_eq!(load_with(EXAMPLE_CONFIG, &[]).unwrap(), Settings::default());
}

#[test]
fn a_missing_file_gives_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(Settings::load(dir.path(), []).unwrap(), Settings::default());
}

#[test]
fn environment_overrides_the_file() {
    let settings = load_with(
        "[agency]\nname = \"甲区人民政府\"\n",
        &[
            ("GONGKAI_AGENCY_NAME", "乙区人民政府"),
            ("GONGKAI_SERVER_LISTEN", "127.0.0.1:9000, [::1]:9000"),
            ("GONGKAI_SERVER_SESSION_IDLE_MINUTES", "5"),
            ("GONGKAI_DATABASE_URL", "postgres://u:p@localhost/db"),
            ("GONGKAI_DATA", "/elsewhere"),
        ],
    )
    .unwrap();
    assert_eq!(settings.agency.name, "乙区人民政府");
    assert_eq!(settings.listen_addrs().unwrap().len(), 2);
    assert_eq!(settings.server.session_idle_minutes, 5);
    assert_eq!(settings.database.url, "postgres://u:p@localhost/db");
}

#[test]
fn errors_name_the_key_and_the_reason() {
    let cases = [
        (
            "[server]\nsession_idle_minutes = \"ten\"\n",
            "server.session_idle_minutes",
        ),
        ("[server]\nlisten = [\"nowhere\"]\n", "server.listen"),
        (
            "[agency]\nprimary_color = \"red\"\n",
            "agency.primary_color",
        ),
        ("[agency]\ncolour = \"#ffffff\"\n", "agency"),
        ("[database]\nurl = \"mysql://x\"\n", "database.url"),
        ("[server\nlisten = 1", "gongkai.toml"),
        (
            "[compliance]\ngreen_percent = 70\namber_percent = 90\n",
            "compliance.amber_percent",
        ),
        (
            "[compliance]\ninterpretation_workdays = 100\n",
            "compliance.interpretation_workdays",
        ),
        (
            "[platform]\nlocal_items = [\"homestead\", \"news\"]\n",
            "platform.local_items",
        ),
    ];
    for (file, key) in cases {
        match load_with(file, &[]) {
            Err(Error::Config { key: got, reason }) => {
                assert!(
                    got.starts_with(key),
                    "{file:?}: key {got:?}, reason {reason}"
                );
                assert!(!reason.is_empty());
            }
            other => panic!("{file:?} gave {other:?}"),
        }
    }
}

#[test]
fn debug_output_hides_the_database_password() {
    let settings = load_with("[database]\nurl = \"postgres://gk:s3cret@db/gk\"\n", &[]).unwrap();
    let shown = format!("{settings:?}");
    assert!(!shown.contains("s3cret"), "{shown}");
    assert!(shown.contains("postgres://gk:***@db/gk"), "{shown}");
}
