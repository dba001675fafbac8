//! The personal-information guard (个人信息保护): finds the numbers and addresses of
//! persons in text that is about to be published.
//!
//! Seed 001 requires "避免身份证号码、电话号码、家庭情况等公民个人信息非法泄露", and 条例
//! Art. 15 keeps personal information out of active disclosure. This module owns what
//! counts as a person's 居民身份证号码 (18 or 15 digits), 手机号码, 银行卡号 or e-mail
//! address in running text, written whole or split by spaces and hyphens; what does not
//! (索引号, 统一社会信用代码, 发文字号, dates, amounts, statistics, postal codes, and the
//! office numbers of an allow-list); and how a finding is masked. Reading text out of
//! files is the extract crate's; storing findings and blocking publication is the app's.

mod card;
mod classify;
mod email;
pub mod id_number;
mod kind;
mod mobile;
mod number;
mod status;

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;

pub use kind::{Finding, Kind, mask};
pub use status::FindingStatus;

/// The guard's settings: the numbers and addresses an agency publishes on purpose
/// (its office mobiles and mailboxes), and the day a birth date may not be after.
#[derive(Debug, Clone)]
pub struct Guard {
    allowed: HashSet<String>,
    today: NaiveDate,
}

impl Guard {
    /// A guard that lets the `allowed` numbers or addresses pass (written in any layout:
    /// `138-0000-0000` allows `13800000000`), on `today`.
    pub fn new<S: AsRef<str>>(allowed: impl IntoIterator<Item = S>, today: NaiveDate) -> Guard {
        let allowed = allowed.into_iter().map(|s| normalise(s.as_ref())).collect();
        Guard { allowed, today }
    }

    /// The personal information in `text`, in order of position.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let emails = email::addresses(text);
        let mut found: Vec<Finding> = emails
            .iter()
            .map(|a| Finding {
                kind: Kind::Email,
                value: a.value.clone(),
                span: a.span.clone(),
            })
            .collect();
        let in_address = |span: &Range<usize>| {
            emails
                .iter()
                .any(|a| a.span.start <= span.start && span.end <= a.span.end)
        };
        for run in number::runs(text) {
            for hit in classify::hits(text, &run, self.today) {
                if !in_address(&hit.span) {
                    found.push(Finding {
                        kind: hit.kind,
                        value: hit.value,
                        span: hit.span,
                    });
                }
            }
        }
        found.retain(|f| !self.allowed.contains(&f.value));
        found.sort_by_key(|f| f.span.start);
        found
    }
}

/// An allow-list entry in the form of a finding's value.
fn normalise(entry: &str) -> String {
    let entry = entry.trim();
    if entry.contains('@') {
        return entry.to_ascii_lowercase();
    }
    let digits: String = entry
        .chars()
        .filter_map(|c| match number::digit_value(c) {
            Some(d) => Some(char::from(b'0' + d)),
            None => matches!(c, 'x' | 'X').then_some('X'),
        })
        .collect();
    mobile::national_part(&digits).map_or(digits.clone(), str::to_string)
}

/// `text` with every finding replaced by its masked form.
pub fn mask_text(text: &str, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in findings {
        if f.span.start < at || f.span.end > text.len() {
            continue;
        }
        out.push_str(&text[at..f.span.start]);
        out.push_str(&f.masked());
        at = f.span.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests;
