//! Pure rules of government information disclosure work.
//!
//! This crate owns the rules of the law and of the disclosure office that every
//! other layer relies on: the working-day calendar, organisation kinds and group
//! expressions, the unified social credit code and the password policy. It does no
//! I/O, no async and no SQL; everything here is a plain function or a type that can
//! only be built valid.

pub mod calendar;
pub mod credit_code;
mod error;
pub mod org;
pub mod password;
pub mod role;

pub use error::Error;

/// Result type of every fallible function of this crate.
pub type Result<T> = std::result::Result<T, Error>;
