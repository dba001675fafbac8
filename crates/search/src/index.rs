//! The index of one data directory: its one writer, its reader, batches and commits.
//!
//! Crash safety rests on two properties. A tantivy commit is atomic (a new `meta.json`
//! replaces the old one) and carries a payload: [`SearchIndex::apply`] commits each batch
//! with the outbox sequence number of its last change, so after a crash the index holds
//! either the whole batch and its number or neither. And an upsert deletes the document's
//! id before adding it, in the same operation group, so the follower re-applying every
//! change after [`SearchIndex::last_applied`] never duplicates a document.
//!
//! The reader reloads manually, right after each commit: a search that follows `apply`
//! sees its changes, and tests never wait.

use std::path::Path;
use std::sync::Mutex;

use tantivy::directory::MmapDirectory;
use tantivy::directory::error::LockError;
use tantivy::indexer::UserOperation;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyError, Term};

use crate::schema::{self, Fields};
use crate::tokenizer::{JiebaTokenizer, TOKENIZER_NAME};
use crate::{Change, Error, Result, SearchQuery, SearchResults, search};

/// Indexing threads of an on-disk index; the target machine has 2 cores.
const WRITER_THREADS: usize = 2;

/// Memory budget of an on-disk index's writer, all threads together: large enough to
/// index a reimport of 100 000 documents in few segments, small beside the server.
const WRITER_MEMORY: usize = 96_000_000;

/// Writer of the in-memory index of tests: one thread with tantivy's minimum budget.
const TEST_WRITER_MEMORY: usize = 15_000_000;

/// Changes per operation group. tantivy gives each group to one indexing thread (and
/// checks the memory budget between groups), so a batch is cut into groups to keep every
/// thread busy; an upsert's delete and add stay in one group.
const GROUP: usize = 256;

/// The full-text index of the policy library.
pub struct SearchIndex {
    index: Index,
    fields: Fields,
    /// The one writer of the index (tantivy allows one per directory), taken on the
    /// first write: a process that only reads (a command run beside the server)
    /// never holds the directory's lock.
    writer: Mutex<Option<IndexWriter>>,
    threads: usize,
    memory: usize,
    reader: IndexReader,
}

impl SearchIndex {
    /// Opens (or creates) the index in `dir` (the data directory's `index/`).
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        let directory_error = |reason: String| Error::Directory {
            path: dir.to_path_buf(),
            reason,
        };
        std::fs::create_dir_all(dir).map_err(|e| directory_error(e.to_string()))?;
        let directory = MmapDirectory::open(dir).map_err(|e| directory_error(e.to_string()))?;
        let (schema, fields) = schema::build();
        let index = Index::open_or_create(directory, schema)?;
        SearchIndex::build(index, fields, WRITER_THREADS, WRITER_MEMORY)
    }

    /// A fresh index in memory, for tests.
    pub fn in_memory() -> Result<SearchIndex> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        SearchIndex::build(index, fields, 1, TEST_WRITER_MEMORY)
    }

    fn build(index: Index, fields: Fields, threads: usize, memory: usize) -> Result<SearchIndex> {
        index.tokenizers().register(TOKENIZER_NAME, JiebaTokenizer);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            fields,
            writer: Mutex::new(None),
            threads,
            memory,
            reader,
        })
    }

    /// The outbox sequence number of the last applied batch, from the last commit's
    /// payload (0 for a new index).
    pub fn last_applied(&self) -> Result<i64> {
        match self.index.load_metas()?.payload {
            None => Ok(0),
            Some(payload) => payload.parse().map_err(|_| Error::Payload { payload }),
        }
    }

    /// Applies a batch of changes and commits it with `last_seq`, atomically. On failure
    /// nothing of the batch stays pending in the writer.
    ///
    /// Groups are handed to the writer as they are built, so the indexing threads start
    /// while the next group is prepared.
    pub fn apply(&self, changes: Vec<Change>, last_seq: i64) -> Result<()> {
        self.write(
            |writer| {
                let mut changes = changes.into_iter();
                loop {
                    let group = self.operations(changes.by_ref().take(GROUP));
                    if group.is_empty() {
                        return Ok(());
                    }
                    writer.run(group)?;
                }
            },
            last_seq,
        )
    }

    /// Removes every document (for `gongkai reindex`), committed with last_seq 0.
    pub fn clear(&self) -> Result<()> {
        self.write(
            |writer| {
                writer.delete_all_documents()?;
                Ok(())
            },
            0,
        )
    }

    /// Runs a search on the latest commit.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults> {
        search::run(&self.reader.searcher(), &self.fields, query, true)
    }

    /// Runs a search on the latest commit without counting facets: total and hits are
    /// those of [`SearchIndex::search`], the facets are empty. For callers that show no
    /// facets, and for measuring what they cost (`gongkai bench search`).
    pub fn search_without_facets(&self, query: &SearchQuery) -> Result<SearchResults> {
        search::run(&self.reader.searcher(), &self.fields, query, false)
    }

    /// Number of documents in the latest commit.
    pub fn num_docs(&self) -> Result<u64> {
        Ok(self.reader.searcher().num_docs())
    }

    /// The writer operations of some changes: an upsert deletes the id first.
    fn operations(&self, changes: impl Iterator<Item = Change>) -> Vec<UserOperation> {
        let mut operations = Vec::with_capacity(changes.size_hint().0 * 2);
        for change in changes {
            match change {
                Change::Upsert(doc) => {
                    operations.push(UserOperation::Delete(self.id_term(doc.id)));
                    let document = schema::to_document(&self.fields, &doc);
                    operations.push(UserOperation::Add(document));
                }
                Change::Delete(id) => operations.push(UserOperation::Delete(self.id_term(id))),
            }
        }
        operations
    }

    fn id_term(&self, id: i64) -> Term {
        Term::from_field_i64(self.fields.id, id)
    }

    /// Stages with `stage`, commits with `seq` as payload and reloads the reader; rolls the
    /// writer back if staging or committing fails.
    fn write(&self, stage: impl FnOnce(&mut IndexWriter) -> Result<()>, seq: i64) -> Result<()> {
        self.with_writer(|writer| {
            let staged = stage(writer).and_then(|()| commit(writer, seq));
            if let Err(error) = staged {
                writer.rollback()?;
                return Err(error);
            }
            Ok(())
        })?;
        self.reader.reload()?;
        Ok(())
    }

    /// Runs `work` with the writer, taken now if this process has not written yet.
    fn with_writer<T>(&self, work: impl FnOnce(&mut IndexWriter) -> Result<T>) -> Result<T> {
        let mut slot = self.writer.lock().map_err(|_| Error::WriterPoisoned)?;
        let writer = match &mut *slot {
            Some(writer) => writer,
            empty => empty.insert(self.open_writer()?),
        };
        work(writer)
    }

    fn open_writer(&self) -> Result<IndexWriter> {
        self.index
            .writer_with_num_threads(self.threads, self.memory)
            .map_err(|e| match e {
                TantivyError::LockFailure(LockError::LockBusy, _) => Error::WriterBusy,
                other => Error::Index(other),
            })
    }

    /// Test hook: stages a batch in the writer without committing, as a crash between
    /// the two would leave it.
    #[cfg(test)]
    pub(crate) fn stage_without_commit(&self, changes: Vec<Change>) -> Result<()> {
        let operations = self.operations(changes.into_iter());
        self.with_writer(|writer| Ok(writer.run(operations).map(|_| ())?))
    }
}

/// Commits what the writer holds with `seq` as the commit's payload.
fn commit(writer: &mut IndexWriter, seq: i64) -> Result<()> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&seq.to_string());
    prepared.commit()?;
    Ok(())
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
