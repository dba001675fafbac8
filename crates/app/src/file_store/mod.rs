//! Where stored files live: one interface, three backends, chosen by `files.store`.
//!
//! Every stored file (documents' attachments, tasks' evidence, consultation
//! materials, request files) is kept once under the SHA-256 of its content:
//!
//! - `local` (the default): `DATA/files/<first two hex digits>/<sha256>` on this
//!   node's disk, written to a temporary name and renamed into place;
//! - `database`: in the platform's database (`file_contents`), so that the nodes of a
//!   cluster on one PostgreSQL need nothing else, and a backup of the database holds
//!   the files;
//! - `s3://bucket/prefix`: an S3-compatible object store (`object_store`), for
//!   clusters with an object store at hand.
//!
//! [`migrate`] copies every file from one backend to another, checking each hash.

mod backend;
mod local;
mod migrate;
mod object;

pub use backend::FileStore;
pub use local::content_path;
pub(crate) use local::is_address;
pub use migrate::{Migration, migrate};
