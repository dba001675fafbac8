//! The applicant columns of section 三 (自然人 and the five kinds of 法人或其他组织).

use serde::Serialize;

/// The applicant columns of section 三 (the 总计 column is their sum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantType {
    /// 自然人.
    NaturalPerson,
    /// 法人或其他组织：商业企业.
    Commercial,
    /// 科研机构.
    Research,
    /// 社会公益组织.
    PublicInterest,
    /// 法律服务机构.
    LegalService,
    /// 其他.
    OtherOrganisation,
}

impl ApplicantType {
    pub const ALL: [ApplicantType; 6] = [
        ApplicantType::NaturalPerson,
        ApplicantType::Commercial,
        ApplicantType::Research,
        ApplicantType::PublicInterest,
        ApplicantType::LegalService,
        ApplicantType::OtherOrganisation,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            ApplicantType::NaturalPerson => "自然人",
            ApplicantType::Commercial => "商业企业",
            ApplicantType::Research => "科研机构",
            ApplicantType::PublicInterest => "社会公益组织",
            ApplicantType::LegalService => "法律服务机构",
            ApplicantType::OtherOrganisation => "其他",
        }
    }
}
