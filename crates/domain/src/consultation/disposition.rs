//! What was done with a comment (意见采纳情况), and the reason each disposition but
//! adoption must give.

use crate::{Error, Result};
use serde::Serialize;

/// What was done with a comment (意见采纳情况).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    Adopted,
    PartlyAdopted,
    NotAdopted,
    /// Not about the draft (不属于征求范围).
    OutOfScope,
}

impl Disposition {
    pub const ALL: [Disposition; 4] = [
        Disposition::Adopted,
        Disposition::PartlyAdopted,
        Disposition::NotAdopted,
        Disposition::OutOfScope,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Disposition::Adopted => "adopted",
            Disposition::PartlyAdopted => "partly_adopted",
            Disposition::NotAdopted => "not_adopted",
            Disposition::OutOfScope => "out_of_scope",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Disposition::Adopted => "采纳",
            Disposition::PartlyAdopted => "部分采纳",
            Disposition::NotAdopted => "不采纳",
            Disposition::OutOfScope => "不属于征求范围",
        }
    }

    pub fn parse(s: &str) -> Option<Disposition> {
        let s = s.trim();
        Disposition::ALL
            .into_iter()
            .find(|d| d.code() == s || d.label_zh() == s)
    }

    /// A disposition other than 采纳 must say why, and the reason is published with the
    /// 意见收集和采纳情况.
    pub fn check_reason(self, reason: &str) -> Result<()> {
        if self != Disposition::Adopted && reason.trim().is_empty() {
            return Err(Error::MissingReason {
                attribute: self.label_zh().to_string(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::consultation::DraftKind;

    #[test]
    fn every_disposition_but_adoption_needs_a_reason() {
        assert!(Disposition::Adopted.check_reason("").is_ok());
        for d in [
            Disposition::PartlyAdopted,
            Disposition::NotAdopted,
            Disposition::OutOfScope,
        ] {
            let e = d.check_reason("  ").unwrap_err();
            assert_eq!(e.to_string(), format!("{}须说明理由", d.label_zh()));
            assert!(d.check_reason("与上位法冲突").is_ok());
            assert_eq!(Disposition::parse(d.code()), Some(d));
            assert_eq!(Disposition::parse(d.label_zh()), Some(d));
        }
        assert_eq!(DraftKind::parse("规章"), Some(DraftKind::Rule));
        assert_eq!(DraftKind::parse("x"), None);
    }
}
