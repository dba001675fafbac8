//! The one error of this crate: a source tree that cannot be read.

use std::path::PathBuf;

/// Why a crate could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}: no lib.rs or main.rs")]
    NoRoot(PathBuf),
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not Rust that syn can read: {message}")]
    Parse { path: PathBuf, message: String },
}
