//! Settings: built-in defaults, overridden by `gongkai.toml` in the data directory,
//! then by `GONGKAI_<SECTION>_<KEY>` environment variables, then by command-line
//! flags. Unknown keys are refused; every error names the key and the reason.

mod env;
mod example;
mod load;
mod server;
mod settings;
#[cfg(test)]
mod tests;
mod time_zone;

pub use example::EXAMPLE_CONFIG;
pub use load::CONFIG_FILE;
pub use server::{LimitSettings, ServerSettings, parse_net};
pub use settings::{
    AgencySettings, Ask, AuditSettings, ComplianceSettings, DatabaseSettings, FileSettings,
    LogSettings, OfficeSettings, ParticipationSettings, PiiSettings, RequestSettings, Settings,
    redact_url,
};
pub use time_zone::china_offset;
