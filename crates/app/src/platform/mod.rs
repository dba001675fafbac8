//! The government information disclosure platform (条例 Art. 24;
//! `gongkai_domain::platform`): its four columns filled from the settings and the
//! library ([`reports`]), and the pages the office writes ([`pages`]). Which documents
//! belong to the columns of 法定主动公开内容 is the library's (`documents::columns`).

pub mod pages;
mod reports;

pub use reports::rules_and_reports;
