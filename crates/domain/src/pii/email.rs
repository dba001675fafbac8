//! E-mail addresses of persons.
//!
//! Owns what an address looks like in running text and which addresses are not a
//! person's: those of government domains (`.gov.cn`) and role mailboxes such as
//! `zfxxgk@…` or `webmaster@…` that agencies publish on purpose.

use std::ops::Range;

/// Local parts (or their first word) of mailboxes that belong to an office, not a person.
const ROLE_MAILBOXES: [&str; 22] = [
    "xxgk",
    "zwgk",
    "zfxxgk",
    "gk",
    "bgs",
    "office",
    "admin",
    "service",
    "services",
    "info",
    "webmaster",
    "postmaster",
    "contact",
    "support",
    "kefu",
    "xinfang",
    "xfb",
    "zhengwu",
    "news",
    "noreply",
    "no-reply",
    "mail",
];

/// An address found in a text: its byte span and its lower-case form.
pub(crate) struct Address {
    pub span: Range<usize>,
    pub value: String,
}

/// Every address of `text` that may be a person's.
pub(crate) fn addresses(text: &str) -> Vec<Address> {
    text.match_indices('@')
        .filter_map(|(at, _)| address_at(text, at))
        .filter(|a| is_personal(&a.value))
        .collect()
}

fn is_local_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

/// The address around the `@` at byte `at`, when both sides have the shape of one.
fn address_at(text: &str, at: usize) -> Option<Address> {
    let bytes = text.as_bytes();
    let start = bytes[..at]
        .iter()
        .rposition(|b| !is_local_char(*b))
        .map_or(0, |i| i + 1);
    let start = start + bytes[start..at].iter().take_while(|b| **b == b'.').count();
    let domain_len = bytes[at + 1..]
        .iter()
        .position(|b| !is_domain_char(*b))
        .unwrap_or(bytes.len() - at - 1);
    let domain = text[at + 1..at + 1 + domain_len].trim_end_matches(['.', '-']);
    let local = &text[start..at];
    let tld = domain.rsplit('.').next().unwrap_or("");
    let shaped = !local.is_empty()
        && domain.contains('.')
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic());
    shaped.then(|| Address {
        span: start..at + 1 + domain.len(),
        value: format!("{local}@{domain}").to_ascii_lowercase(),
    })
}

fn is_personal(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let government =
        domain.ends_with(".gov.cn") || domain.ends_with(".gov") || domain.contains(".gov.");
    let first_word = local.split(['.', '_', '-']).next().unwrap_or(local);
    !government && !ROLE_MAILBOXES.contains(&first_word) && !ROLE_MAILBOXES.contains(&local)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        addresses(text).into_iter().map(|a| a.value).collect()
    }

    #[test]
    fn addresses_in_chinese_text() {
        assert_eq!(
            found("邮箱：Zhang.Wei1985@163.com。"),
            ["zhang.wei1985@163.com"]
        );
        assert_eq!(
            found("请发至li_na@qq.com或wangfang@126.com."),
            ["li_na@qq.com", "wangfang@126.com"]
        );
        let text = "联系人：ab@x-mail.com.cn，谢谢";
        let a = &addresses(text)[0];
        assert_eq!(&text[a.span.clone()], "ab@x-mail.com.cn");
    }

    #[test]
    fn offices_and_malformed_addresses_are_not_persons() {
        assert!(found("zfxxgk@cq.gov.cn").is_empty());
        assert!(found("xxgk@163.com webmaster@example.com").is_empty());
        assert!(found("wang@localhost 与 @某某 以及 a@b.c1").is_empty());
        assert!(found("gk_bgs@126.com").is_empty());
    }
}
