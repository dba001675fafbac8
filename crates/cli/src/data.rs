//! Where the platform's data lives: the arguments every command that touches data takes.

use clap::Args;
use std::path::PathBuf;

/// Where the platform's data lives; every command that touches data takes these.
#[derive(Args, Clone, Debug)]
pub struct DataArgs {
    /// Data directory (configuration, SQLite database, index, attachments).
    #[arg(
        long = "data",
        global = true,
        env = "GONGKAI_DATA",
        default_value = "./gongkai-data"
    )]
    pub dir: PathBuf,
    /// Database URL (postgres://… or sqlite://…); default: SQLite in the data directory.
    #[arg(long, global = true)]
    pub database_url: Option<String>,
}
