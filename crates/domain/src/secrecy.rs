//! 保密审查 (confidentiality review) before publication.
//!
//! 条例 Art. 17 makes every agency review what it is about to disclose under the law on
//! state secrets, and seeds 000–002 ask for 三审三校 and 保密审查 before anything is
//! published. This module owns what a review record must say: its conclusion, the
//! basis it was reached on, the day it was made, and the 公开属性 the reviewer
//! confirms (Art. 14–16 give the grounds for 不予公开). A document found secret can
//! only be withheld.

use chrono::NaiveDate;

use crate::disclosure::DisclosureAttribute;
use crate::{Error, Result};

/// Longest basis kept, in characters.
pub const MAX_BASIS_CHARS: usize = 500;

/// What the confidentiality review concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conclusion {
    /// No state or work secret: the document may go out as its 公开属性 says.
    Cleared,
    /// It holds a state or work secret, or sensitive matters: it is not disclosed.
    NotCleared,
}

impl Conclusion {
    /// Every conclusion, in form order.
    pub const ALL: [Conclusion; 2] = [Conclusion::Cleared, Conclusion::NotCleared];

    /// Stable code for forms and storage.
    pub fn code(self) -> &'static str {
        match self {
            Conclusion::Cleared => "cleared",
            Conclusion::NotCleared => "not_cleared",
        }
    }

    /// The conclusion as the record words it.
    pub fn label_zh(self) -> &'static str {
        match self {
            Conclusion::Cleared => "不涉及国家秘密和工作秘密，同意按公开属性办理",
            Conclusion::NotCleared => "涉及国家秘密、工作秘密或敏感事项，不予公开",
        }
    }

    /// The conclusion of a stable code.
    pub fn from_code(code: &str) -> Option<Conclusion> {
        Conclusion::ALL
            .into_iter()
            .find(|c| c.code() == code.trim())
    }
}

/// A confidentiality review as the reviewer records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecrecyReview {
    pub conclusion: Conclusion,
    /// What the review relied on: the law, the 保密事项范围, the office's rules.
    pub basis: String,
    pub reviewed_on: NaiveDate,
    /// The 公开属性 the reviewer confirms, with its reason when not 主动公开.
    pub disclosure: DisclosureAttribute,
}

impl SecrecyReview {
    /// Checks a review made on `reviewed_on`, recorded on `today`.
    ///
    /// The conclusion must be a known code, the basis present and at most
    /// [`MAX_BASIS_CHARS`] characters, the date not after today; a document that is not
    /// cleared must be 不予公开 (条例 Art. 14: state secrets are not disclosed).
    pub fn new(
        conclusion: &str,
        basis: &str,
        reviewed_on: NaiveDate,
        disclosure: DisclosureAttribute,
        today: NaiveDate,
    ) -> Result<SecrecyReview> {
        let refuse = |reason: &str| {
            Err(Error::SecrecyReview {
                reason: reason.to_string(),
            })
        };
        let Some(conclusion) = Conclusion::from_code(conclusion) else {
            return refuse("请选择审查结论");
        };
        let basis = basis.trim();
        if basis.is_empty() {
            return refuse("请填写审查依据");
        }
        if basis.chars().count() > MAX_BASIS_CHARS {
            return refuse(&format!("审查依据不能超过 {MAX_BASIS_CHARS} 个字"));
        }
        if reviewed_on > today {
            return refuse("审查日期不能晚于今天");
        }
        if conclusion == Conclusion::NotCleared
            && !matches!(disclosure, DisclosureAttribute::Withheld { .. })
        {
            return refuse("审查结论为涉密或敏感的文件，公开属性只能是不予公开");
        }
        Ok(SecrecyReview {
            conclusion,
            basis: basis.to_string(),
            reviewed_on,
            disclosure,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default()
    }

    fn withheld() -> DisclosureAttribute {
        DisclosureAttribute::new("withheld", "属于国家秘密（条例第十四条）")
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_cleared_review_keeps_its_attribute() {
        let review = SecrecyReview::new(
            "cleared",
            " 《保守国家秘密法》 ",
            day(6),
            DisclosureAttribute::Proactive,
            day(7),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(review.conclusion, Conclusion::Cleared);
        assert_eq!(review.basis, "《保守国家秘密法》");
        assert_eq!(review.disclosure, DisclosureAttribute::Proactive);
    }

    #[test]
    fn a_secret_document_can_only_be_withheld() {
        let proactive = SecrecyReview::new(
            "not_cleared",
            "保密事项范围",
            day(7),
            DisclosureAttribute::Proactive,
            day(7),
        );
        assert_eq!(
            proactive.map_err(|e| e.code()),
            Err("invalid_secrecy_review")
        );
        assert!(
            SecrecyReview::new("not_cleared", "保密事项范围", day(7), withheld(), day(7)).is_ok()
        );
    }

    #[test]
    fn incomplete_or_future_reviews_are_refused() {
        let p = DisclosureAttribute::Proactive;
        for (conclusion, basis, on) in [
            ("", "依据", day(7)),
            ("approved", "依据", day(7)),
            ("cleared", "  ", day(7)),
            ("cleared", "依据", day(8)),
        ] {
            let result = SecrecyReview::new(conclusion, basis, on, p.clone(), day(7));
            assert!(result.is_err(), "{conclusion} {basis} {on}");
        }
        let long = "依".repeat(MAX_BASIS_CHARS + 1);
        assert!(SecrecyReview::new("cleared", &long, day(7), p, day(7)).is_err());
    }
}
