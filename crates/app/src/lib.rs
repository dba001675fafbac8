//! Use cases of the platform, with their authorisation, shared by the web server
//! and the command line.
//!
//! Handlers and commands only parse input and render output; every decision (who may
//! do what, how an import is validated, when an account locks) is made here, on top
//! of the rules in `gongkai-domain` and the repositories in `gongkai-store`.

pub mod access;
pub mod annual_report;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod config;
pub mod demo;
pub mod documents;
pub mod docx;
mod error;
pub mod ledgers;
pub mod letters;
pub mod orgs;
pub mod platform;
pub mod requests;
pub mod search;
pub mod table;
pub mod users;

pub use error::{Error, Result};

/// Records as the store keeps them, for the layers above (which never reach the
/// store directly).
pub mod model {
    pub use gongkai_store::annual_reports::Published as PublishedReport;
    pub use gongkai_store::attachments::Attachment;
    pub use gongkai_store::audit::{AuditEntry, AuditFilter, AuditPage, BrokenLink, VerifyReport};
    pub use gongkai_store::documents::{
        Document, DocumentEvent, DocumentFields, EventStep, PublicFilter, ValidityChange,
    };
    pub use gongkai_store::ledgers::reports::{Evidence, Report};
    pub use gongkai_store::ledgers::{Plan, Task, TaskFields, TaskUnit};
    pub use gongkai_store::orgs::Org;
    pub use gongkai_store::relations::{DocumentRef, Relation, Relations};
    pub use gongkai_store::requests::{
        Case as RequestCase, Event as RequestEvent, EventKind as RequestEventKind, RequestFile,
    };
    pub use gongkai_store::users::{RoleGrant, User};
    pub use gongkai_store::{Timestamp, now};
}
pub use gongkai_store::{
    Actor, Backend, DocumentId, Error as StoreError, OrgId, PlanId, RequestId, Store, TaskId,
    UserId,
};

use config::Settings;
use gongkai_domain::calendar::Calendar;
use std::path::PathBuf;
use std::sync::Arc;

/// Everything a running platform needs: its settings, database and calendar.
#[derive(Clone)]
pub struct App {
    pub settings: Arc<Settings>,
    pub data_dir: PathBuf,
    pub store: Store,
    pub calendar: Arc<Calendar>,
    pub index: Arc<gongkai_search::SearchIndex>,
}

impl App {
    /// Opens the data directory: loads the calendar, connects to (and migrates) the
    /// database named by the settings.
    pub async fn open(data_dir: PathBuf, settings: Settings) -> Result<App> {
        let calendar = calendar::load(&data_dir)?;
        std::fs::create_dir_all(&data_dir).map_err(|e| Error::Io {
            path: data_dir.display().to_string(),
            source: e,
        })?;
        let url = settings.database_url(&data_dir);
        let store = Store::connect(&url).await?;
        let index = search::open_index(&data_dir)?;
        let app = App {
            settings: Arc::new(settings),
            data_dir,
            store,
            calendar: Arc::new(calendar),
            index: Arc::new(index),
        };
        search::catch_up(&app).await?;
        Ok(app)
    }
}
