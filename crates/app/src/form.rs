//! Forms checked field by field: every problem is collected, each naming its field as
//! the form labels it, so that the page shows them all at once (`Error::Form`).

use crate::{Error, Result};
use gongkai_domain::contact::{self, ContactKind};

/// The longest contact a form accepts, in characters.
const MAX_CONTACT_CHARS: usize = 100;

/// The problems found so far in a form.
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<(String, String)>);

impl Problems {
    /// Notes a problem of `field`.
    pub(crate) fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push((field.to_string(), message.into()));
    }

    /// The trimmed text of a field, noting it when longer than `max` characters.
    pub(crate) fn text(&mut self, value: &str, max: usize, field: &str) -> String {
        let value = value.trim();
        if value.chars().count() > max {
            self.add(field, format!("不能超过 {max} 个字"));
        }
        value.to_string()
    }

    /// A contact field of `kind` (empty when left blank), in the form the domain keeps
    /// it, noting it when it cannot reach its writer.
    pub(crate) fn contact(&mut self, value: &str, kind: ContactKind, field: &str) -> String {
        let value = self.text(value, MAX_CONTACT_CHARS, field);
        if value.is_empty() {
            return value;
        }
        match contact::check(kind, &value) {
            Ok(kept) => kept,
            Err(e) => {
                self.add(field, e.to_string());
                value
            }
        }
    }

    /// Ok when nothing was noted; else every problem, as `字段：说明`.
    pub(crate) fn finish(self) -> Result<()> {
        if self.0.is_empty() {
            return Ok(());
        }
        Err(Error::Form(
            self.0
                .into_iter()
                .map(|(field, message)| format!("{field}：{message}"))
                .collect(),
        ))
    }
}
