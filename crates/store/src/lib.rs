//! The only place with SQL: migrations and repositories for SQLite and PostgreSQL.
//!
//! [`Store::connect`] picks the backend once from the database URL (`sqlite://…` or
//! `postgres://…`) and applies the embedded migrations of that dialect. Every
//! repository function is written once against `sqlx::Any` with `$n` placeholders,
//! which both backends accept, so dialect differences stay in the migration files.
//!
//! Writes go through a [`WriteTx`]: the rows and their audit entries are committed in
//! one transaction, and the audit entries extend the hash chain ([`audit`]).

mod actor;
pub mod annual_reports;
pub mod assessment;
pub mod attachments;
pub mod audit;
mod audit_key;
pub mod backup;
pub mod consultations;
pub mod documents;
mod error;
pub mod file_contents;
mod filter;
mod ids;
pub mod ledgers;
pub mod letters;
pub mod messages;
pub mod orgs;
pub mod outbox;
pub mod platform_pages;
mod pool;
pub mod qa;
pub mod relations;
pub mod requests;
mod serials;
pub mod sessions;
mod time;
mod tx;
pub mod users;

pub use actor::Actor;
pub use audit_key::AuditKey;
pub use error::{Error, Result};
pub use ids::{
    ConsultationId, DocumentId, MailboxId, MessageId, OrgId, PlanId, RequestId, TaskId, UserId,
};
pub use pool::{Backend, Store};
pub use time::{Timestamp, now};
pub use tx::WriteTx;
