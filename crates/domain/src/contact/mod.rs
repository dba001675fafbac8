//! Contact details a citizen types into a public form (联系电话, 电子邮箱, 联系方式):
//! whether they are a reachable mainland phone number or an e-mail address, and the
//! form they are kept in.
//!
//! The office must be able to answer (条例第二十九条 asks the applicant for a contact,
//! and a reply that cannot be delivered is a missed deadline), so a number that cannot
//! be dialled is refused when it is typed, with the reason, rather than found out at
//! the deadline. Full-width characters (typed with a Chinese input method) are read as
//! their ASCII twins; what is kept is the trimmed, half-width text as typed.

mod email;
mod phone;

#[cfg(test)]
mod tests;

use crate::{Error, Result};

/// What a contact field accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    /// A mobile or landline number (联系电话).
    Phone,
    /// An e-mail address (电子邮箱).
    Email,
    /// Either (联系方式).
    PhoneOrEmail,
}

/// The contact as kept, or why it cannot be used. An empty input is the caller's
/// concern (an optional field stays empty); here it is refused.
pub fn check(kind: ContactKind, input: &str) -> Result<String> {
    let text = half_width(input.trim());
    let valid = match kind {
        ContactKind::Phone => phone::is_valid(&text),
        ContactKind::Email => email::is_valid(&text),
        ContactKind::PhoneOrEmail if text.contains('@') => email::is_valid(&text),
        ContactKind::PhoneOrEmail => phone::is_valid(&text),
    };
    if valid {
        Ok(text)
    } else {
        Err(Error::InvalidContact {
            reason: refusal(kind, &text),
        })
    }
}

fn refusal(kind: ContactKind, text: &str) -> String {
    let phone = "请填写有效的手机号码（11位）或固定电话（如 010-12345678、0571-8765432 转 123）";
    let email = "请填写有效的电子邮箱地址（如 name@example.com）";
    match kind {
        ContactKind::Phone => phone.to_string(),
        ContactKind::Email => email.to_string(),
        ContactKind::PhoneOrEmail if text.contains('@') => email.to_string(),
        ContactKind::PhoneOrEmail => {
            "请填写有效的手机号码、固定电话（如 010-12345678）或电子邮箱地址".to_string()
        }
    }
}

/// Full-width ASCII (U+FF01–U+FF5E) and the ideographic space as their half-width
/// forms: `１３８`, `＠`, `．`, `－`, `（` as an input method types them.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '—' | '–' => '-',
            other => other,
        })
        .collect()
}
