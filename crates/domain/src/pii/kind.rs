//! The kinds of personal information the guard finds, a finding, and its masked form.

use std::fmt;
use std::ops::Range;

/// What kind of personal information a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// 居民身份证号码, 18 or 15 digits.
    IdNumber,
    /// 手机号码.
    Mobile,
    /// 银行卡号.
    BankCard,
    /// A person's e-mail address.
    Email,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 4] = [Kind::IdNumber, Kind::Mobile, Kind::BankCard, Kind::Email];

    /// Stable code for APIs, the CLI and storage.
    pub fn code(self) -> &'static str {
        match self {
            Kind::IdNumber => "id_number",
            Kind::Mobile => "mobile",
            Kind::BankCard => "bank_card",
            Kind::Email => "email",
        }
    }

    /// The kind of a stable code.
    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Chinese name shown to staff.
    pub fn label(self) -> &'static str {
        match self {
            Kind::IdNumber => "身份证号码",
            Kind::Mobile => "手机号码",
            Kind::BankCard => "银行卡号",
            Kind::Email => "电子邮箱",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Personal information found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What it is.
    pub kind: Kind,
    /// Normalised value: ASCII digits (upper-case `X`; a mobile without its country
    /// code), or the lower-case address.
    pub value: String,
    /// Byte range in the scanned text, separators and country code included.
    pub span: Range<usize>,
}

impl Finding {
    /// The form shown instead of the value: `11010519******1234`, `138****5678`,
    /// `6222***********0128`, `z***@163.com`.
    pub fn masked(&self) -> String {
        mask(self.kind, &self.value)
    }
}

/// The masked form of a normalised value of `kind`.
pub fn mask(kind: Kind, value: &str) -> String {
    let keep = |head: usize, tail: usize| {
        let chars: Vec<char> = value.chars().collect();
        let tail = tail.min(chars.len().saturating_sub(head));
        let head = head.min(chars.len());
        let hidden = chars.len() - head - tail;
        let tail_from = chars.len() - tail;
        format!(
            "{}{}{}",
            chars[..head].iter().collect::<String>(),
            "*".repeat(hidden),
            chars[tail_from..].iter().collect::<String>()
        )
    };
    match kind {
        Kind::IdNumber if value.len() == 15 => keep(6, 3),
        Kind::IdNumber => keep(8, 4),
        Kind::Mobile => keep(3, 4),
        Kind::BankCard => keep(4, 4),
        Kind::Email => match value.split_once('@') {
            Some((local, domain)) => {
                let first: String = local.chars().take(1).collect();
                format!("{first}***@{domain}")
            }
            None => "***".to_string(),
        },
    }
}
