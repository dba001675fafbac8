//! Use cases of the platform, with their authorisation, shared by the web server
//! and the command line.
//!
//! Handlers and commands only parse input and render output; every decision (who may
//! do what, how an import is validated, when an account locks) is made here, on top
//! of the rules in `gongkai-domain` and the repositories in `gongkai-store`.

pub mod access;
pub mod annual_report;
pub mod assessment;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod calendar;
pub mod compliance;
pub mod config;
pub mod consultations;
mod context;
pub mod demo;
pub mod documents;
pub mod docx;
mod error;
pub mod file_store;
mod form;
pub mod guard;
pub mod ledgers;
pub mod letters;
pub mod messages;
pub mod orgs;
pub mod platform;
pub mod qa;
pub mod requests;
pub mod search;
mod startup;
pub mod table;
mod tracking;
pub mod users;

pub use context::App;
pub use error::{Error, Result};

/// Records as the store keeps them, for the layers above (which never reach the
/// store directly).
pub mod model {
    pub use gongkai_store::annual_reports::Published as PublishedReport;
    pub use gongkai_store::attachments::Attachment;
    pub use gongkai_store::audit::{AuditEntry, AuditFilter, AuditPage, BrokenLink, VerifyReport};
    pub use gongkai_store::consultations::{
        Comment as ConsultationComment, Consultation, ConsultationEvent, ConsultationFile,
    };
    pub use gongkai_store::documents::findings::{
        Field as FindingField, OpenFinding, ScannedFinding, StoredFinding,
    };
    pub use gongkai_store::documents::secrecy::StoredReview;
    pub use gongkai_store::documents::{
        Document, DocumentEvent, DocumentFields, EventStep, PublicFilter, ValidityChange,
    };
    pub use gongkai_store::ledgers::reports::{Evidence, Report};
    pub use gongkai_store::ledgers::{Plan, Task, TaskFields, TaskUnit};
    pub use gongkai_store::messages::{
        Event as MessageEvent, EventKind as MessageEventKind, Mailbox, Message,
        Status as MessageStatus,
    };
    pub use gongkai_store::orgs::Org;
    pub use gongkai_store::relations::{DocumentRef, Relation, Relations};
    pub use gongkai_store::requests::{
        Case as RequestCase, Event as RequestEvent, EventKind as RequestEventKind, RequestFile,
    };
    pub use gongkai_store::users::{RoleGrant, User};
    pub use gongkai_store::{Timestamp, now};
}
pub use gongkai_store::{
    Actor, Backend, ConsultationId, DocumentId, Error as StoreError, MailboxId, MessageId, OrgId,
    PlanId, RequestId, Store, TaskId, UserId,
};
