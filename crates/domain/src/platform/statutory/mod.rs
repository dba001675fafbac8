//! The columns of 法定主动公开内容: the fifteen items every administrative organ
//! discloses of its own accord (条例第二十条) and the items county- and township-level
//! governments add per local conditions (条例第二十一条), each with a stable code, the
//! provision it rests on, who usually provides its information, and the rule that
//! suggests a document for it.
//!
//! The rule only suggests: staff confirm a document's columns. It reads the title, the
//! 主题分类 and the normative flag — never the body, where every notice names 预算, 规划
//! or 应急 in passing.

mod catalogue;
mod column;
mod items;

pub use catalogue::{catalogue, suggest};
pub use column::{Scope, StatutoryColumn};
pub use items::{ARTICLE_20, ARTICLE_21, DEFAULT_LOCAL_ITEMS, OTHER};
