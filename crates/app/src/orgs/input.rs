//! A unit as typed into a form or a spreadsheet row, checked into the fields to store,
//! and the lists of unit names written the way work plans write them.

use crate::{Error, Result};
use gongkai_domain::credit_code::CreditCode;
use gongkai_domain::org::OrgKind;
use gongkai_store::OrgId;
use gongkai_store::orgs::{Org, OrgFields};

/// A unit as typed into a form or a spreadsheet row, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct OrgInput {
    pub name: String,
    pub kind: String,
    pub parent_id: Option<OrgId>,
    /// Aliases separated by 、，,；; or new lines.
    pub aliases: String,
    pub credit_code: String,
    pub contact_phone: String,
    pub contact_address: String,
    pub contact_email: String,
    pub sort_order: String,
}

impl OrgInput {
    /// Checks every field and gives the fields to store.
    pub fn validate(&self) -> Result<OrgFields> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::invalid("单位名称", "不能为空"));
        }
        if name.chars().count() > 100 {
            return Err(Error::invalid("单位名称", "不能超过 100 个字"));
        }
        let kind = OrgKind::parse(&self.kind)?;
        let credit_code = match self.credit_code.trim() {
            "" => None,
            code => Some(CreditCode::parse(code)?),
        };
        let sort_order = match self.sort_order.trim() {
            "" => 0,
            n => n
                .parse()
                .map_err(|_| Error::invalid("排序", format!("“{n}”不是整数")))?,
        };
        let email = self.contact_email.trim();
        if !email.is_empty() && !email.contains('@') {
            return Err(Error::invalid("电子邮箱", format!("“{email}”格式不正确")));
        }
        Ok(OrgFields {
            parent_id: self.parent_id,
            name: name.to_string(),
            kind,
            credit_code,
            contact_phone: self.contact_phone.trim().to_string(),
            contact_address: self.contact_address.trim().to_string(),
            contact_email: email.to_string(),
            sort_order,
            aliases: split_names(&self.aliases),
        })
    }

    /// The form filled with a stored unit, for editing.
    pub fn from_org(org: &Org) -> OrgInput {
        OrgInput {
            name: org.name.clone(),
            kind: org.kind.code().to_string(),
            parent_id: org.parent_id,
            aliases: org.aliases.join("、"),
            credit_code: org.credit_code.clone().unwrap_or_default(),
            contact_phone: org.contact_phone.clone(),
            contact_address: org.contact_address.clone(),
            contact_email: org.contact_email.clone(),
            sort_order: org.sort_order.to_string(),
        }
    }
}

/// Splits a list of unit names written the way work plans write them.
pub fn split_names(text: &str) -> Vec<String> {
    text.split(['、', '，', ',', '；', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
