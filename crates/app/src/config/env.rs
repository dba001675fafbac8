//! `GONGKAI_<SECTION>_<KEY>` environment variables, applied on top of the file.

use crate::{Error, Result};

const SECTIONS: [&str; 13] = [
    "agency",
    "office",
    "requests",
    "participation",
    "pii",
    "compliance",
    "platform",
    "server",
    "limits",
    "audit",
    "files",
    "database",
    "log",
];

/// Applies `GONGKAI_<SECTION>_<KEY>=value` on top of the file's table. Variables of
/// other shapes (`GONGKAI_DATA`, test settings) are not settings and are skipped.
pub(super) fn apply_env(
    table: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<()> {
    for (name, value) in env {
        let Some(rest) = name.strip_prefix("GONGKAI_") else {
            continue;
        };
        let rest = rest.to_ascii_lowercase();
        let Some((section, key)) = SECTIONS.iter().find_map(|s| {
            rest.strip_prefix(s)
                .and_then(|k| k.strip_prefix('_'))
                .map(|k| (*s, k))
        }) else {
            continue;
        };
        let entry = table
            .entry(section)
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        let toml::Value::Table(section_table) = entry else {
            return Err(Error::Config {
                key: section.to_string(),
                reason: "应为一个配置节".to_string(),
            });
        };
        section_table.insert(key.to_string(), env_value(key, &value));
    }
    Ok(())
}

/// Reads an environment value as the TOML type it looks like; lists (`listen`,
/// `qa_topics`, `allow`) are comma-separated.
fn env_value(key: &str, value: &str) -> toml::Value {
    if matches!(
        key,
        "listen" | "qa_topics" | "allow" | "trusted_proxies" | "metrics_allow"
    ) {
        return toml::Value::Array(
            value
                .split(',')
                .map(|s| toml::Value::String(s.trim().to_string()))
                .collect(),
        );
    }
    if let Ok(n) = value.parse::<i64>() {
        return toml::Value::Integer(n);
    }
    match value {
        "true" => toml::Value::Boolean(true),
        "false" => toml::Value::Boolean(false),
        _ => toml::Value::String(value.to_string()),
    }
}
