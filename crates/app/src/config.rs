//! Settings: built-in defaults, overridden by `gongkai.toml` in the data directory,
//! then by `GONGKAI_<SECTION>_<KEY>` environment variables, then by command-line
//! flags. Unknown keys are refused; every error names the key and the reason.

use crate::{Error, Result};
use chrono::FixedOffset;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::Path;

/// The name of the configuration file inside the data directory.
pub const CONFIG_FILE: &str = "gongkai.toml";

/// China Standard Time (UTC+8), in which dates and times are shown.
const CHINA_STANDARD_TIME: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+8 is a valid offset"),
};

/// China Standard Time, in which dates and times are shown.
pub fn china_offset() -> FixedOffset {
    CHINA_STANDARD_TIME
}

/// All settings of one installation.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub agency: AgencySettings,
    pub office: OfficeSettings,
    pub requests: RequestSettings,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub log: LogSettings,
}

/// How the portal presents the agency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AgencySettings {
    /// Full name shown in the header, e.g. 示例区人民政府.
    pub name: String,
    /// Address of the logo image (empty: no logo).
    pub logo_url: String,
    /// Main colour of the header, `#rrggbb`.
    pub primary_color: String,
}

/// The disclosure office (政府信息公开工作机构) as the 政府信息公开指南 names it
/// (条例 Art. 12: name, address, office hours, phone, fax, internet contact).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OfficeSettings {
    pub name: String,
    pub address: String,
    pub postcode: String,
    /// E.g. 工作日上午9:00—12:00，下午13:30—17:30.
    pub hours: String,
    pub phone: String,
    pub fax: String,
    pub email: String,
}

/// Disclosure requests (依申请公开).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RequestSettings {
    /// The serial number of a request: `{year}` and `{seq}` (or `{seq:N}`, zero-padded
    /// to N digits), counted per year of receipt.
    pub serial_pattern: String,
    /// Whether the request form asks for the purpose of the request. The 条例 does not
    /// require one (第二十九条); some offices ask.
    pub ask_purpose: bool,
    /// Whether the payment window of a fee notice stops the reply clock. The rules do
    /// not say (deadlines.md: UNVERIFIED); the default stops it.
    pub fee_stops_clock: bool,
}

impl Default for RequestSettings {
    fn default() -> Self {
        RequestSettings {
            serial_pattern: gongkai_domain::request::DEFAULT_SERIAL_PATTERN.to_string(),
            ask_purpose: false,
            fee_stops_clock: true,
        }
    }
}

/// The web server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSettings {
    /// Addresses to listen on, e.g. `127.0.0.1:8080` or `[::1]:8080`.
    pub listen: Vec<String>,
    /// Set when the platform is reached over HTTPS: session cookies get `Secure`.
    pub secure_cookies: bool,
    /// Minutes of inactivity after which a session ends.
    pub session_idle_minutes: u32,
    /// Seconds a request may take before it is answered with 408.
    pub request_timeout_seconds: u32,
    /// Largest accepted request body, in bytes.
    pub body_limit_bytes: usize,
}

/// The database.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseSettings {
    /// `postgres://user:password@host/db`; empty means the embedded SQLite database
    /// in the data directory.
    pub url: String,
}

/// Logging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogSettings {
    /// `text` for people, `json` for log collectors.
    pub format: String,
}

impl Default for AgencySettings {
    fn default() -> Self {
        AgencySettings {
            name: "某某区人民政府".to_string(),
            logo_url: String::new(),
            primary_color: "#9e1b20".to_string(),
        }
    }
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            listen: vec!["127.0.0.1:8080".to_string()],
            secure_cookies: false,
            session_idle_minutes: 30,
            request_timeout_seconds: 30,
            body_limit_bytes: 10 * 1024 * 1024,
        }
    }
}

impl Default for LogSettings {
    fn default() -> Self {
        LogSettings {
            format: "text".to_string(),
        }
    }
}

impl std::fmt::Debug for DatabaseSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseSettings")
            .field("url", &redact_url(&self.url))
            .finish()
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("agency", &self.agency)
            .field("server", &self.server)
            .field("database", &self.database)
            .field("log", &self.log)
            .finish()
    }
}

/// The URL with any password replaced by `***`, for logs and messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

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
        if self.server.session_idle_minutes == 0 {
            return fail("server.session_idle_minutes", "必须大于 0".to_string());
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

const SECTIONS: [&str; 6] = ["agency", "office", "requests", "server", "database", "log"];

/// Applies `GONGKAI_<SECTION>_<KEY>=value` on top of the file's table. Variables of
/// other shapes (`GONGKAI_DATA`, test settings) are not settings and are skipped.
fn apply_env(
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

/// Reads an environment value as the TOML type it looks like; lists are comma-separated.
fn env_value(key: &str, value: &str) -> toml::Value {
    if key == "listen" {
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

/// The commented configuration file that `gongkai init` writes. It states every
/// setting with its default value (a test keeps the two in step).
pub const EXAMPLE_CONFIG: &str = r##"# gongkai 配置文件 / configuration file
# 每一项都可用环境变量覆盖：GONGKAI_<节>_<键>，例如 GONGKAI_DATABASE_URL、
# GONGKAI_SERVER_LISTEN=127.0.0.1:8080,[::1]:8080。命令行参数优先于环境变量。

[agency]
# 机关全称，显示在页头。
name = "某某区人民政府"
# 标志图片地址（留空则不显示）。
logo_url = ""
# 页头主色，#rrggbb。
primary_color = "#9e1b20"

[office]
# 政府信息公开工作机构（政务公开办），显示在“政府信息公开指南”中（条例第十二条）。
name = ""
address = ""
postcode = ""
# 如：工作日上午9:00—12:00，下午13:30—17:30
hours = ""
phone = ""
fax = ""
email = ""

[requests]
# 依申请公开的申请编号：{year} 为收到申请的年份，{seq} 为当年序号（{seq:4} 补足 4 位）。
serial_pattern = "〔{year}〕第{seq:4}号"
# 申请表是否询问申请用途（条例第二十九条未作要求，可按本机关规定开启）。
ask_purpose = false
# 收费通知的缴费期间（收到通知次日起 20 个工作日）是否不计入答复期限。
# 国办函〔2020〕109号未明确规定，默认不计入（中止计算）。
fee_stops_clock = true

[server]
# 监听地址，可以写多个；IPv6 写作 "[::1]:8080"。
listen = ["127.0.0.1:8080"]
# 通过 HTTPS 访问时设为 true，会话 Cookie 将带 Secure 属性。
secure_cookies = false
# 无操作多少分钟后会话失效。
session_idle_minutes = 30
# 单个请求的最长处理时间（秒）。
request_timeout_seconds = 30
# 请求体大小上限（字节）。
body_limit_bytes = 10485760

[database]
# 留空：使用数据目录中的内置 SQLite 数据库。
# PostgreSQL：url = "postgres://用户:密码@主机:5432/数据库"
url = ""

[log]
# text：便于阅读；json：便于日志采集。
format = "text"
"##;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

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
        let settings =
            load_with("[database]\nurl = \"postgres://gk:s3cret@db/gk\"\n", &[]).unwrap();
        let shown = format!("{settings:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("postgres://gk:***@db/gk"), "{shown}");
    }
}
