//! 公开属性 (disclosure attribute) of a piece of government information.
//!
//! This module owns the three attributes a document is catalogued with and the rule that a
//! document not proactively disclosed states why (免予公开理由 of the 上海 公文备案 exchange,
//! metadata.md §5.1; 条例 Art. 14–16 give the grounds for not disclosing).

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// How a document is disclosed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DisclosureAttribute {
    /// Published by the agency on its own initiative (主动公开).
    Proactive,
    /// Given only to an applicant who asks for it (依申请公开), with the reason it is not
    /// published proactively.
    OnRequest { reason: String },
    /// Not disclosed (不予公开), with the ground (国家秘密, 商业秘密, 个人隐私, 过程中信息 …).
    Withheld { reason: String },
}

/// The attribute without its reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Proactive,
    OnRequest,
    Withheld,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Proactive, Kind::OnRequest, Kind::Withheld];

    fn code(self) -> &'static str {
        match self {
            Kind::Proactive => "proactive",
            Kind::OnRequest => "on_request",
            Kind::Withheld => "withheld",
        }
    }

    fn label_zh(self) -> &'static str {
        match self {
            Kind::Proactive => "主动公开",
            Kind::OnRequest => "依申请公开",
            Kind::Withheld => "不予公开",
        }
    }

    /// The kind a code or Chinese name stands for; 免予公开, the catalogue term of
    /// metadata.md §5.1, is taken as 不予公开.
    fn by_name(name: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.code() == name || k.label_zh() == name)
            .or((name == "免予公开").then_some(Kind::Withheld))
    }
}

impl DisclosureAttribute {
    /// Every attribute as (code, Chinese name), for forms.
    pub fn choices() -> [(&'static str, &'static str); 3] {
        Kind::ALL.map(|k| (k.code(), k.label_zh()))
    }

    /// The stable code stored in the database.
    pub fn code(&self) -> &'static str {
        self.kind().code()
    }

    /// The name shown to users.
    pub fn label_zh(&self) -> &'static str {
        self.kind().label_zh()
    }

    /// The stated reason, `None` for proactive disclosure.
    pub fn reason(&self) -> Option<&str> {
        match self {
            DisclosureAttribute::Proactive => None,
            DisclosureAttribute::OnRequest { reason }
            | DisclosureAttribute::Withheld { reason } => Some(reason),
        }
    }

    /// Builds an attribute from a code (`on_request`, any case) or a Chinese name
    /// (依申请公开; 免予公开 is taken as 不予公开) and a reason.
    ///
    /// The reason is trimmed. 依申请公开 and 不予公开 need one ([`Error::MissingReason`]);
    /// for 主动公开 it is ignored, since nothing needs justifying. An unknown code fails with
    /// [`Error::UnknownDisclosureAttribute`].
    pub fn new(code: &str, reason: &str) -> Result<DisclosureAttribute> {
        let name = code.trim();
        let kind = Kind::by_name(&name.to_ascii_lowercase()).ok_or_else(|| {
            Error::UnknownDisclosureAttribute {
                input: name.to_string(),
            }
        })?;
        let reason = reason.trim().to_string();
        if kind != Kind::Proactive && reason.is_empty() {
            return Err(Error::MissingReason {
                attribute: kind.label_zh().to_string(),
            });
        }
        Ok(match kind {
            Kind::Proactive => DisclosureAttribute::Proactive,
            Kind::OnRequest => DisclosureAttribute::OnRequest { reason },
            Kind::Withheld => DisclosureAttribute::Withheld { reason },
        })
    }

    fn kind(&self) -> Kind {
        match self {
            DisclosureAttribute::Proactive => Kind::Proactive,
            DisclosureAttribute::OnRequest { .. } => Kind::OnRequest,
            DisclosureAttribute::Withheld { .. } => Kind::Withheld,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn samples() -> [DisclosureAttribute; 3] {
        [
            DisclosureAttribute::Proactive,
            DisclosureAttribute::OnRequest {
                reason: "涉及特定群体".into(),
            },
            DisclosureAttribute::Withheld {
                reason: "过程中信息".into(),
            },
        ]
    }

    #[test]
    fn every_attribute_round_trips_through_code_and_label() {
        for attribute in samples() {
            let reason = attribute.reason().unwrap_or("");
            assert_eq!(
                DisclosureAttribute::new(attribute.code(), reason),
                Ok(attribute.clone())
            );
            assert_eq!(
                DisclosureAttribute::new(attribute.label_zh(), reason),
                Ok(attribute.clone())
            );
        }
    }

    #[test]
    fn codes_labels_and_reasons() {
        let samples = samples();
        let table: Vec<(&str, &str, Option<&str>)> = samples
            .iter()
            .map(|a| (a.code(), a.label_zh(), a.reason()))
            .collect();
        assert_eq!(
            table,
            [
                ("proactive", "主动公开", None),
                ("on_request", "依申请公开", Some("涉及特定群体")),
                ("withheld", "不予公开", Some("过程中信息")),
            ]
        );
    }

    #[test]
    fn names_and_reasons_are_trimmed_and_synonyms_accepted() {
        let cases = [
            (" PROACTIVE ", "任何理由", DisclosureAttribute::Proactive),
            ("主动公开", "", DisclosureAttribute::Proactive),
            (
                "免予公开",
                " 国家秘密 ",
                DisclosureAttribute::Withheld {
                    reason: "国家秘密".into(),
                },
            ),
            (
                "On_Request",
                "个人隐私",
                DisclosureAttribute::OnRequest {
                    reason: "个人隐私".into(),
                },
            ),
        ];
        for (code, reason, expected) in cases {
            assert_eq!(
                DisclosureAttribute::new(code, reason),
                Ok(expected),
                "{code:?} {reason:?}"
            );
        }
    }

    #[test]
    fn attributes_other_than_proactive_need_a_reason() {
        let cases = [
            ("on_request", "", "依申请公开"),
            ("依申请公开", "  ", "依申请公开"),
            ("withheld", "\u{3000}", "不予公开"),
        ];
        for (code, reason, attribute) in cases {
            let error = DisclosureAttribute::new(code, reason).unwrap_err();
            assert_eq!(
                error,
                Error::MissingReason {
                    attribute: attribute.into()
                },
                "{code:?} {reason:?}"
            );
            assert_eq!(error.code(), "missing_reason");
            assert_eq!(error.to_string(), format!("{attribute}须说明理由"));
        }
    }

    #[test]
    fn unknown_attributes_are_rejected() {
        for code in ["", "公开", "非政府信息", "public"] {
            assert_eq!(
                DisclosureAttribute::new(code, "理由"),
                Err(Error::UnknownDisclosureAttribute { input: code.into() }),
                "{code:?}"
            );
        }
    }

    #[test]
    fn serde_keeps_the_reason() {
        for attribute in samples() {
            let json = serde_json::to_string(&attribute).unwrap();
            let back: DisclosureAttribute = serde_json::from_str(&json).unwrap();
            assert_eq!(back, attribute, "{json}");
        }
    }
}
