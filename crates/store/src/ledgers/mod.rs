//! Work-plan ledgers (任务分工台账): plans and their tasks, the units each task is
//! assigned to, the unit names the office mapped once ([`mappings`]) and the record of
//! progress reports, sign-offs and returns ([`reports`]).
//!
//! A task keeps the unit names as the plan wrote them next to the units they resolved
//! to, so that a later mapping can resolve them again and the ledger can always be
//! exported as written.

pub mod mappings;
mod plans;
pub mod reports;
mod task_edits;
mod tasks;

pub use plans::{NewPlan, Plan, confirm, create, get, list};
pub use task_edits::{add_task, delete_task, set_units, update_task};
pub use tasks::{Task, TaskFields, TaskUnit, is_linked, task, tasks_of};
