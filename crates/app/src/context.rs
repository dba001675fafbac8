//! The running platform every use case works on: its settings, database, calendar
//! and search index.

use crate::config::Settings;
use gongkai_domain::calendar::Calendar;
use gongkai_store::Store;
use std::path::PathBuf;
use std::sync::Arc;

/// Everything a running platform needs: its settings, database and calendar.
#[derive(Clone)]
pub struct App {
    pub settings: Arc<Settings>,
    pub data_dir: PathBuf,
    pub store: Store,
    /// Where stored files live (`files.store`).
    pub files: crate::file_store::FileStore,
    pub calendar: Arc<Calendar>,
    pub index: Arc<gongkai_search::SearchIndex>,
    /// The matching index of the policy Q&A library, rebuilt when it changes.
    pub(crate) qa: Arc<crate::qa::QaCache>,
}
