//! What a disclosure request (依申请公开) must contain and how it is numbered: the
//! channels a request arrives by and how each fixes the receipt date (条例第三十一条),
//! the form's required content (条例第二十九条), the identity number check of a
//! natural person (GB 11643-1999), the serial number pattern, and the choices of the
//! form requirement ([`form_choices`]).

pub mod form_choices;

use serde::Serialize;

use crate::annual_report::ApplicantType;

/// How a request arrived, which decides its receipt date (条例第三十一条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Through the portal's form: the day both sides confirm (submission confirmed at once).
    Online,
    /// Handed in at the office: the day submitted.
    InPerson,
    /// By post: the day signed for (ordinary mail: the day confirmed with the applicant).
    Post,
    /// By the office's fax: the day both sides confirm.
    Fax,
    /// By e-mail: the day both sides confirm.
    Email,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Online,
        Channel::InPerson,
        Channel::Post,
        Channel::Fax,
        Channel::Email,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::InPerson => "in_person",
            Channel::Post => "post",
            Channel::Fax => "fax",
            Channel::Email => "email",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Channel::Online => "网上申请",
            Channel::InPerson => "当面提交",
            Channel::Post => "邮寄",
            Channel::Fax => "传真",
            Channel::Email => "电子邮件",
        }
    }

    /// What fixes the receipt date for this channel, as the staff form explains it.
    pub fn receipt_rule_zh(self) -> &'static str {
        match self {
            Channel::Online => "以双方确认之日为收到申请之日（条例第三十一条第三项）",
            Channel::InPerson => "以提交之日为收到申请之日（条例第三十一条第一项）",
            Channel::Post => {
                "以签收之日为收到申请之日；平常信函以与申请人确认之日为准（条例第三十一条第二项）"
            }
            Channel::Fax | Channel::Email => "以双方确认之日为收到申请之日（条例第三十一条第三项）",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        let s = s.trim();
        Channel::ALL
            .into_iter()
            .find(|c| c.code() == s || c.label_zh() == s)
    }
}

impl ApplicantType {
    /// The stable code stored and used by forms and the API.
    pub fn code(self) -> &'static str {
        match self {
            ApplicantType::NaturalPerson => "natural_person",
            ApplicantType::Commercial => "commercial",
            ApplicantType::Research => "research",
            ApplicantType::PublicInterest => "public_interest",
            ApplicantType::LegalService => "legal_service",
            ApplicantType::OtherOrganisation => "other_organisation",
        }
    }

    pub fn parse(s: &str) -> Option<ApplicantType> {
        let s = s.trim();
        ApplicantType::ALL.into_iter().find(|t| t.code() == s)
    }

    /// Whether the applicant is a natural person (identity card) rather than a legal
    /// person or other organisation (统一社会信用代码).
    pub fn is_person(self) -> bool {
        self == ApplicantType::NaturalPerson
    }
}

/// The default serial pattern: 〔2026〕第0001号.
pub const DEFAULT_SERIAL_PATTERN: &str = "〔{year}〕第{seq:4}号";

/// A request's serial number from a pattern with `{year}` and `{seq}` (or `{seq:N}`,
/// zero-padded to N digits); `None` when the pattern has no `{seq}`.
pub fn format_serial(pattern: &str, year: i32, seq: u64) -> Option<String> {
    let start = pattern.find("{seq")?;
    let end = start + pattern[start..].find('}')?;
    let width: usize = match &pattern[start + 4..end] {
        "" => 0,
        spec => spec.strip_prefix(':')?.parse().ok()?,
    };
    let number = format!("{seq:0width$}");
    let text = format!("{}{number}{}", &pattern[..start], &pattern[end + 1..]);
    Some(text.replace("{year}", &year.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_follow_the_pattern() {
        assert_eq!(
            format_serial(DEFAULT_SERIAL_PATTERN, 2026, 1).as_deref(),
            Some("〔2026〕第0001号")
        );
        assert_eq!(
            format_serial("示政公开〔{year}〕{seq}号", 2026, 12345).as_deref(),
            Some("示政公开〔2026〕12345号")
        );
        assert_eq!(format_serial("〔{year}〕号", 2026, 1), None);
        assert_eq!(format_serial("{seq:x}", 2026, 1), None);
    }

    #[test]
    fn channels_and_applicant_types_round_trip() {
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.code()), Some(channel));
            assert!(channel.receipt_rule_zh().contains("条例第三十一条"));
        }
        for applicant in ApplicantType::ALL {
            assert_eq!(ApplicantType::parse(applicant.code()), Some(applicant));
        }
        assert!(ApplicantType::NaturalPerson.is_person());
        assert!(!ApplicantType::Commercial.is_person());
    }
}
