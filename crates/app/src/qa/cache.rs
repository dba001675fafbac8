//! The matching index a process keeps between questions: built from the current
//! entries for one revision of the entries and the library, replaced when that
//! revision changes (several nodes each keep their own).

use gongkai_search::qa::QaIndex;
use std::sync::{Arc, Mutex};

/// An entry as a match shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CachedEntry {
    pub id: i64,
    pub code: String,
    pub question: String,
    pub answer: String,
    pub topic: String,
}

/// The index of one revision, with the entries it was built from.
pub(crate) struct Built {
    pub revision: String,
    pub index: QaIndex,
    pub entries: Vec<CachedEntry>,
}

/// The last index built, shared by the requests of a process.
#[derive(Default)]
pub struct QaCache(Mutex<Option<Arc<Built>>>);

impl QaCache {
    /// The index built for `revision`, if it is the one kept.
    pub(crate) fn get(&self, revision: &str) -> Option<Arc<Built>> {
        self.0
            .lock()
            .ok()
            .and_then(|kept| kept.clone())
            .filter(|built| built.revision == revision)
    }

    /// Keeps `built` in place of the one kept.
    pub(crate) fn keep(&self, built: Arc<Built>) {
        if let Ok(mut kept) = self.0.lock() {
            *kept = Some(built);
        }
    }
}
