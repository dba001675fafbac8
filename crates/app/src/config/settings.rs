//! The settings of one installation, section by section, with their defaults; the
//! database URL never shows its password.

use super::server::{LimitSettings, ServerSettings};
use serde::{Deserialize, Serialize};

/// All settings of one installation.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub agency: AgencySettings,
    pub office: OfficeSettings,
    pub requests: RequestSettings,
    pub participation: ParticipationSettings,
    pub pii: PiiSettings,
    pub compliance: ComplianceSettings,
    pub platform: PlatformSettings,
    pub server: ServerSettings,
    pub limits: LimitSettings,
    pub audit: AuditSettings,
    pub files: FileSettings,
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

impl OfficeSettings {
    /// The office's name, or a description of it when the settings leave it empty.
    pub fn name_or_description(&self) -> String {
        let name = self.name.trim();
        if name.is_empty() {
            "本机关政府信息公开工作机构".to_string()
        } else {
            name.to_string()
        }
    }
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

/// Participation (政民互动): consultations on drafts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ParticipationSettings {
    /// The usual consultation period of 重大行政决策, 规章 and drafts bearing on market
    /// entities, in days (一般不少于30日).
    pub consultation_days: u32,
    /// The usual consultation period of other normative documents and drafts, in
    /// working days.
    pub consultation_workdays: u32,
    /// Whether the comment form asks for the writer's name, and their contact.
    pub comment_name: Ask,
    pub comment_contact: Ask,
    /// The longest comment, in characters.
    pub max_comment_chars: u32,
    /// The topics of the policy Q&A library (政策咨询问答库).
    pub qa_topics: Vec<String>,
    /// The longest message (留言), in characters.
    pub max_message_chars: u32,
}

impl Default for ParticipationSettings {
    fn default() -> Self {
        ParticipationSettings {
            consultation_days: 30,
            consultation_workdays: 7,
            comment_name: Ask::Optional,
            comment_contact: Ask::Optional,
            max_comment_chars: 2000,
            qa_topics: [
                "生育",
                "教育",
                "养老",
                "医疗",
                "就业创业",
                "社会救助",
                "投资",
                "纳税",
                "疫情防控",
                "住房",
                "户籍",
                "社会保险",
            ]
            .map(String::from)
            .to_vec(),
            max_message_chars: 2000,
        }
    }
}

/// The personal-information guard (个人信息保护).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PiiSettings {
    /// Numbers and addresses published on purpose (office mobiles, mailboxes) that the
    /// guard lets pass, in any layout; the office's phone, fax and e-mail of `[office]`
    /// pass without being listed.
    pub allow: Vec<String>,
}

/// The disclosure platform's columns (政府信息公开平台).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PlatformSettings {
    /// The 条例第二十一条 items shown under 法定主动公开内容 besides Art. 20's fifteen,
    /// by code (`gongkai_domain::platform::statutory::ARTICLE_21`); the default is the
    /// county-level list.
    pub local_items: Vec<String>,
}

impl Default for PlatformSettings {
    fn default() -> PlatformSettings {
        PlatformSettings {
            local_items: gongkai_domain::platform::statutory::DEFAULT_LOCAL_ITEMS
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}

/// Compliance monitoring (合规监测).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ComplianceSettings {
    /// Working days after a 规范性文件 within which its interpretation is on time (a
    /// local rule: seed 003 and 郑州 say 3; 0 means the same day).
    pub interpretation_workdays: u32,
    /// Share on time, in per cent, at which a figure is green.
    pub green_percent: u32,
    /// Share on time, in per cent, at which a figure is amber (below it: red).
    pub amber_percent: u32,
}

impl Default for ComplianceSettings {
    fn default() -> ComplianceSettings {
        ComplianceSettings {
            interpretation_workdays: u32::try_from(
                gongkai_domain::interpretation::DEFAULT_MAX_INTERPRETATION_LAG,
            )
            .unwrap_or(3),
            green_percent: 95,
            amber_percent: 80,
        }
    }
}

/// Whether a public form asks for a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    /// Not asked.
    No,
    Optional,
    Required,
}

/// The audit log (审计日志).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuditSettings {
    /// The file holding the key that signs the audit chain, outside the database;
    /// empty means `audit.key` in the data directory. Created on the first start;
    /// every node of a cluster must name the same file (or a copy of it).
    pub key_file: String,
}

impl AuditSettings {
    /// Where the key file is, relative paths taken from the data directory.
    pub fn key_path(&self, data_dir: &std::path::Path) -> std::path::PathBuf {
        match self.key_file.trim() {
            "" => data_dir.join("audit.key"),
            path => data_dir.join(path),
        }
    }
}

/// Where stored files live (attachments, evidence, consultation and request files).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FileSettings {
    /// `local` (`DATA/files` on this node), `database` (in the platform's database,
    /// shared by every node) or `s3://bucket/prefix` (an S3-compatible object store).
    pub store: String,
    /// The object store's endpoint, e.g. `https://oss-cn-hangzhou.aliyuncs.com` or a
    /// MinIO address; empty: AWS, or `AWS_ENDPOINT` from the environment.
    pub s3_endpoint: String,
    /// Its region (empty: `AWS_REGION`, else us-east-1).
    pub s3_region: String,
    /// Its credentials (empty: `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`).
    pub s3_access_key_id: String,
    pub s3_secret_access_key: String,
    /// Whether a plain-http endpoint is accepted (a store on the local network).
    pub s3_allow_http: bool,
}

impl Default for FileSettings {
    fn default() -> FileSettings {
        FileSettings {
            store: "local".to_string(),
            s3_endpoint: String::new(),
            s3_region: String::new(),
            s3_access_key_id: String::new(),
            s3_secret_access_key: String::new(),
            s3_allow_http: false,
        }
    }
}

impl std::fmt::Debug for FileSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileSettings")
            .field("store", &self.store)
            .field("s3_endpoint", &self.s3_endpoint)
            .field("s3_region", &self.s3_region)
            .field("s3_access_key_id", &self.s3_access_key_id)
            .field("s3_secret_access_key", &"***")
            .finish()
    }
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
            .field("limits", &self.limits)
            .field("audit", &self.audit)
            .field("files", &self.files)
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
