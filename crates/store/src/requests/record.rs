//! A request as stored: the applicant and what they ask for, its serial, reply and
//! handling unit, read back from its row.

use crate::time::{date_from_text, from_text, optional_date};
use crate::{Error, OrgId, RequestId, Result, Timestamp};
use chrono::NaiveDate;
use gongkai_domain::annual_report::{ApplicantType, Outcome};
use gongkai_domain::request::Channel;
use sqlx::Row;
use sqlx::any::AnyRow;

/// The applicant and what they ask for, as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFields {
    pub org_id: OrgId,
    pub applicant_type: ApplicantType,
    pub applicant_name: String,
    /// 居民身份证号码, or the organisation's 统一社会信用代码.
    pub id_number: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub description: String,
    pub doc_reference: String,
    pub purpose: String,
    pub preferred_form: String,
    pub delivery: String,
    pub channel: Channel,
    pub receipt_evidence: String,
    pub received_on: NaiveDate,
}

/// A stored request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub id: RequestId,
    pub serial: String,
    pub fields: RequestFields,
    pub reply: Option<(NaiveDate, Outcome)>,
    /// Why the withheld part of a 部分公开 reply is withheld (a 不予公开 outcome).
    pub withheld: Option<Outcome>,
    /// The unit the request is assigned (交办) or last transferred (转办) to.
    pub handling_org: Option<OrgId>,
    pub created_at: Timestamp,
}

pub(super) const COLUMNS: &str = "id, serial, org_id, applicant_type, applicant_name, id_number, phone, \
     email, address, description, doc_reference, purpose, preferred_form, delivery, channel, \
     receipt_evidence, received_on, outcome, replied_on, withheld_reason, handling_org_id, created_at";

pub(super) fn from_row(row: &AnyRow) -> Result<Request> {
    let applicant: String = row.try_get("applicant_type")?;
    let channel: String = row.try_get("channel")?;
    let outcome: Option<String> = row.try_get("outcome")?;
    let reply = match (optional_date(row, "replied_on")?, outcome) {
        (Some(on), Some(code)) => Some((
            on,
            Outcome::parse(&code).ok_or_else(|| Error::unreadable("办理结果", &code))?,
        )),
        _ => None,
    };
    Ok(Request {
        id: RequestId(row.try_get("id")?),
        serial: row.try_get("serial")?,
        fields: RequestFields {
            org_id: OrgId(row.try_get("org_id")?),
            applicant_type: ApplicantType::parse(&applicant)
                .ok_or_else(|| Error::unreadable("申请人类型", &applicant))?,
            applicant_name: row.try_get("applicant_name")?,
            id_number: row.try_get("id_number")?,
            phone: row.try_get("phone")?,
            email: row.try_get("email")?,
            address: row.try_get("address")?,
            description: row.try_get("description")?,
            doc_reference: row.try_get("doc_reference")?,
            purpose: row.try_get("purpose")?,
            preferred_form: row.try_get("preferred_form")?,
            delivery: row.try_get("delivery")?,
            channel: Channel::parse(&channel)
                .ok_or_else(|| Error::unreadable("申请方式", &channel))?,
            receipt_evidence: row.try_get("receipt_evidence")?,
            received_on: date_from_text(&row.try_get::<String, _>("received_on")?)?,
        },
        reply,
        withheld: row
            .try_get::<Option<String>, _>("withheld_reason")?
            .map(|code| {
                Outcome::parse(&code).ok_or_else(|| Error::unreadable("不予公开理由", &code))
            })
            .transpose()?,
        handling_org: row.try_get::<Option<i64>, _>("handling_org_id")?.map(OrgId),
        created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
    })
}
