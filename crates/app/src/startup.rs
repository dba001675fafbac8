//! Opening a platform: its calendar, its database (connected and migrated, with the
//! audit key) and its search index.

use crate::config::Settings;
use crate::file_store::FileStore;
use crate::{App, Error, Result, Store, audit, calendar, search};
use std::path::PathBuf;
use std::sync::Arc;

impl App {
    /// Opens the data directory: loads the calendar, connects to (and migrates) the
    /// database named by the settings, installs the audit key (creating it on the
    /// first start) and opens the search index for reading.
    ///
    /// Nothing is written to the index here: its writer (one per directory) is taken
    /// on the first write, so commands that never touch the index (`user`, `org
    /// import`, `audit verify`) run beside a server on the same data directory. The
    /// server brings the index up to date itself ([`crate::search::catch_up`]).
    pub async fn open(data_dir: PathBuf, settings: Settings) -> Result<App> {
        let calendar = calendar::load(&data_dir)?;
        std::fs::create_dir_all(&data_dir).map_err(|e| Error::Io {
            path: data_dir.display().to_string(),
            source: e,
        })?;
        let url = settings.database_url(&data_dir);
        let store = Store::connect(&url).await?;
        let store = audit::install_key(store, &settings.audit.key_path(&data_dir)).await?;
        let files = FileStore::open(&settings.files.store, &settings.files, &data_dir, &store)?;
        let index = search::open_index(&data_dir)?;
        let app = App {
            settings: Arc::new(settings),
            data_dir,
            store,
            files,
            calendar: Arc::new(calendar),
            index: Arc::new(index),
            qa: Arc::default(),
        };
        Ok(app)
    }
}
