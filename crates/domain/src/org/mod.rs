//! Organisation kinds, group expressions of work plans, and unit-name normalisation.
//!
//! This module owns how the directory classifies units ([`OrgKind`]), how a work plan's
//! collective addressee such as 各街道 or 区政府各部门 maps to kinds of units
//! ([`GroupExpression`]), and the normal form used to match a unit's name against its aliases
//! ([`normalize_unit_name`]).

mod group;
mod kind;
mod name;

pub use group::GroupExpression;
pub use kind::OrgKind;
pub use name::normalize_unit_name;
