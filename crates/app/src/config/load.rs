//! Reading the settings: `gongkai.toml`, then the environment, then the checks that
//! name the key and the reason of every refusal.

use super::Settings;
use super::env::apply_env;
use crate::{Error, Result};
use std::net::SocketAddr;
use std::path::Path;

/// The name of the configuration file inside the data directory.
pub const CONFIG_FILE: &str = "gongkai.toml";

impl Settings {
    /// Reads `gongkai.toml` from the data directory (if present) and applies the
    /// `GONGKAI_*` variables of `env`.
    pub fn load(
        data_dir: &Path,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Settings> {
        let path = data_dir.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(Error::Io {
                    path: path.display().to_string(),
                    source: e,
                });
            }
        };
        let mut table: toml::Table = text.parse().map_err(|e: toml::de::Error| Error::Config {
            key: CONFIG_FILE.to_string(),
            reason: e.message().to_string() + &line_hint(&text, e.span()),
        })?;
        apply_env(&mut table, env)?;
        let settings: Settings = serde_path_to_error::deserialize(toml::Value::Table(table))
            .map_err(|e| Error::Config {
                key: e.path().to_string(),
                reason: e.inner().message().to_string(),
            })?;
        settings.validate()?;
        Ok(settings)
    }

    /// The database URL: the configured one, or the embedded SQLite file.
    pub fn database_url(&self, data_dir: &Path) -> String {
        if self.database.url.trim().is_empty() {
            gongkai_store::Store::sqlite_url_in(data_dir)
        } else {
            self.database.url.trim().to_string()
        }
    }

    /// The listen addresses, parsed.
    pub fn listen_addrs(&self) -> Result<Vec<SocketAddr>> {
        self.server
            .listen
            .iter()
            .map(|a| {
                a.trim().parse().map_err(|_| Error::Config {
                    key: "server.listen".to_string(),
                    reason: format!("“{a}”不是有效的监听地址（例如 127.0.0.1:8080 或 [::1]:8080）"),
                })
            })
            .collect()
    }

    fn validate(&self) -> Result<()> {
        let fail = |key: &str, reason: String| {
            Err(Error::Config {
                key: key.to_string(),
                reason,
            })
        };
        self.listen_addrs()?;
        if self.server.listen.is_empty() {
            return fail("server.listen", "至少需要一个监听地址".to_string());
        }
        if !is_hex_colour(&self.agency.primary_color) {
            return fail(
                "agency.primary_color",
                format!("“{}”不是 #rrggbb 形式的颜色", self.agency.primary_color),
            );
        }
        if self.agency.name.trim().is_empty() {
            return fail("agency.name", "机关名称不能为空".to_string());
        }
        if gongkai_domain::request::format_serial(&self.requests.serial_pattern, 2026, 1).is_none()
        {
            return fail(
                "requests.serial_pattern",
                format!(
                    "“{}”无效：须含 {{seq}} 或 {{seq:位数}}，可含 {{year}}",
                    self.requests.serial_pattern
                ),
            );
        }
        if self.participation.max_comment_chars == 0 {
            return fail("participation.max_comment_chars", "必须大于 0".to_string());
        }
        if self.participation.max_message_chars == 0 {
            return fail("participation.max_message_chars", "必须大于 0".to_string());
        }
        let c = &self.compliance;
        if c.green_percent > 100 || c.amber_percent > c.green_percent {
            return fail(
                "compliance.amber_percent",
                format!(
                    "须满足 amber_percent ≤ green_percent ≤ 100，现为 {} 与 {}",
                    c.amber_percent, c.green_percent
                ),
            );
        }
        if c.interpretation_workdays > 60 {
            return fail(
                "compliance.interpretation_workdays",
                "不能超过 60 个工作日".to_string(),
            );
        }
        if let Err(reason) =
            gongkai_domain::platform::statutory::catalogue(&self.platform.local_items)
        {
            return fail("platform.local_items", reason);
        }
        if self.server.session_idle_minutes == 0 {
            return fail("server.session_idle_minutes", "必须大于 0".to_string());
        }
        if self.server.session_lifetime_hours == 0 {
            return fail("server.session_lifetime_hours", "必须大于 0".to_string());
        }
        let public_url = self.server.public_url.trim();
        if !public_url.is_empty()
            && url::Url::parse(public_url).map_or(true, |u| !matches!(u.scheme(), "http" | "https"))
        {
            return fail(
                "server.public_url",
                format!("“{public_url}”无效：应为 https://域名 或 http://地址"),
            );
        }
        if let Some((key, entry)) = self.server.bad_address() {
            return fail(
                key,
                format!("“{entry}”不是 IP 地址或网段（例如 10.0.0.1 或 10.0.0.0/8）"),
            );
        }
        if self.server.request_timeout_seconds == 0 {
            return fail("server.request_timeout_seconds", "必须大于 0".to_string());
        }
        if !matches!(self.log.format.as_str(), "text" | "json") {
            return fail(
                "log.format",
                format!("“{}”无效，应为 text 或 json", self.log.format),
            );
        }
        let url = self.database.url.trim();
        if !url.is_empty()
            && !["sqlite:", "postgres:", "postgresql:"]
                .iter()
                .any(|s| url.starts_with(s))
        {
            return fail(
                "database.url",
                "应以 sqlite:// 或 postgres:// 开头".to_string(),
            );
        }
        Ok(())
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

fn line_hint(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    match span {
        Some(span) => format!(
            "（第 {} 行）",
            text[..span.start.min(text.len())].lines().count().max(1)
        ),
        None => String::new(),
    }
}
