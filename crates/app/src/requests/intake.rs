//! Intake of disclosure requests: the request form (条例第二十九条) checked field by
//! field, the agency asked, the receipt by channel (条例第三十一条), the serial and the
//! private tracking code (only its hash is kept).

use super::require_handler;
use crate::access::CurrentUser;
use crate::documents::today;
use crate::form::Problems;
use crate::tracking::{new_tracking_code, tracking_hash};
use crate::{App, Error, Result};
use chrono::NaiveDate;
use gongkai_domain::annual_report::ApplicantType;
use gongkai_domain::calendar::parse_date;
use gongkai_domain::contact::ContactKind;
use gongkai_domain::credit_code::CreditCode;
use gongkai_domain::pii::id_number::is_valid_id_number;
use gongkai_domain::request::form_choices::{DELIVERY_CHOICES, FORM_CHOICES, choice_value};
use gongkai_domain::request::{Channel, format_serial};
use gongkai_domain::request_clock::Reckoning;
use gongkai_store::requests::{self, Request, RequestFields};
use gongkai_store::{OrgId, orgs};
use serde::Deserialize;

/// Longest description, name and other free text, in characters.
const MAX_TEXT_CHARS: usize = 2000;
const MAX_SHORT_CHARS: usize = 100;

/// The request form (条例第二十九条), as the public and staff fill it in.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RequestInput {
    /// The agency asked (a unit's id); empty: the platform's government.
    #[serde(default)]
    pub agency: String,
    #[serde(default)]
    pub applicant_type: String,
    #[serde(default)]
    pub applicant_name: String,
    #[serde(default)]
    pub id_number: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub doc_reference: String,
    #[serde(default)]
    pub purpose: String,
    /// One of [`FORM_CHOICES`], or 其他 with `preferred_form_other`.
    #[serde(default)]
    pub preferred_form: String,
    #[serde(default)]
    pub preferred_form_other: String,
    /// One of [`DELIVERY_CHOICES`], or 其他 with `delivery_other`.
    #[serde(default)]
    pub delivery: String,
    #[serde(default)]
    pub delivery_other: String,
    /// Staff entry only: how it came, when, and the evidence of the date.
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub received_on: String,
    #[serde(default)]
    pub receipt_evidence: String,
}

impl Problems {
    /// A choice of the form requirement (条例第二十九条), checked and as stored.
    fn choice(&mut self, choices: &[&str], (chosen, other): (&str, &str), field: &str) -> String {
        match choice_value(choices, chosen, other) {
            Ok(value) => self.text(&value, MAX_SHORT_CHARS, field),
            Err(message) => {
                self.add(field, message);
                String::new()
            }
        }
    }
}

impl RequestInput {
    /// The applicant and request, checked: everything wrong is reported at once.
    fn fields(
        &self,
        org_id: OrgId,
        channel: Channel,
        received_on: NaiveDate,
        ask_purpose: bool,
    ) -> Result<RequestFields> {
        let mut problems = Problems::default();
        let applicant_type = ApplicantType::parse(&self.applicant_type);
        if applicant_type.is_none() {
            problems.add("申请人类型", "请选择申请人类型");
        }
        let applicant_name =
            problems.text(&self.applicant_name, MAX_SHORT_CHARS, "申请人姓名或名称");
        if applicant_name.is_empty() {
            problems.add("申请人姓名或名称", "请填写");
        }
        let id_number = self.id_number.trim().to_ascii_uppercase();
        match applicant_type {
            Some(t) if t.is_person() && !is_valid_id_number(&id_number) => {
                problems.add("身份证件号码", "请填写有效的18位居民身份证号码");
            }
            Some(t) if !t.is_person() && CreditCode::parse(&id_number).is_err() => {
                problems.add("统一社会信用代码", "请填写有效的18位统一社会信用代码");
            }
            _ => {}
        }
        let phone = problems.contact(&self.phone, ContactKind::Phone, "联系电话");
        let email = problems.contact(&self.email, ContactKind::Email, "电子邮箱");
        let address = problems.text(&self.address, MAX_SHORT_CHARS, "通信地址");
        if phone.is_empty() && email.is_empty() && address.is_empty() {
            problems.add("联系方式", "请至少填写联系电话、电子邮箱或通信地址中的一项");
        }
        let description = problems.text(&self.description, MAX_TEXT_CHARS, "所需信息的内容描述");
        let doc_reference = problems.text(&self.doc_reference, MAX_SHORT_CHARS, "文件名称或文号");
        if description.is_empty() && doc_reference.is_empty() {
            problems.add(
                "所需信息",
                "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）",
            );
        }
        let purpose = if ask_purpose {
            problems.text(&self.purpose, MAX_TEXT_CHARS, "申请用途")
        } else {
            String::new()
        };
        let fields = RequestFields {
            org_id,
            applicant_type: applicant_type.unwrap_or(ApplicantType::NaturalPerson),
            applicant_name,
            id_number,
            phone,
            email,
            address,
            description,
            doc_reference,
            purpose,
            preferred_form: problems.choice(
                &FORM_CHOICES,
                (&self.preferred_form, &self.preferred_form_other),
                "获取信息的方式",
            ),
            delivery: problems.choice(
                &DELIVERY_CHOICES,
                (&self.delivery, &self.delivery_other),
                "获取信息的途径",
            ),
            channel,
            receipt_evidence: problems.text(
                &self.receipt_evidence,
                MAX_TEXT_CHARS,
                "收到日期的凭据",
            ),
            received_on,
        };
        problems.finish()?;
        Ok(fields)
    }
}

/// A submitted request: its serial and the private tracking code, shown once.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub request: Request,
    pub tracking_code: String,
    /// Its clock, as the applicant is told it at once (computed, not read back).
    pub reckoning: Reckoning,
}

/// The agency the public form addresses: the first top-level unit.
async fn public_agency(app: &App) -> Result<OrgId> {
    orgs::first_root(&app.store)
        .await?
        .ok_or_else(|| Error::Internal("单位目录为空，无法受理申请".to_string()))
}

/// The agencies a request can be addressed to: the platform's government first, then
/// the administrative organs below it ([`OrgKind::accepts_requests`]), in directory
/// order.
///
/// [`OrgKind::accepts_requests`]: gongkai_domain::org::OrgKind::accepts_requests
pub async fn agencies(app: &App) -> Result<Vec<gongkai_store::orgs::Org>> {
    let government = public_agency(app).await?;
    let all = orgs::list(&app.store).await?;
    let mut found: Vec<_> = all
        .iter()
        .filter(|o| o.kind.accepts_requests())
        .filter(|o| crate::ledgers::units::is_within(&all, o.id, government))
        .cloned()
        .collect();
    found.sort_by_key(|o| (o.id != government, o.sort_order, o.id));
    Ok(found)
}

/// The agency a form names: one of [`agencies`], or the government when none is named.
async fn agency_of(app: &App, input: &RequestInput) -> Result<OrgId> {
    let chosen = input.agency.trim();
    if chosen.is_empty() {
        return public_agency(app).await;
    }
    let id: Option<OrgId> = chosen.parse().ok();
    agencies(app)
        .await?
        .into_iter()
        .map(|o| o.id)
        .find(|o| Some(*o) == id)
        .ok_or_else(|| Error::invalid("受理机关", "请选择受理申请的机关"))
}

/// A request through the portal: received today, the day both sides confirm it
/// (条例第三十一条第三项: the confirmation page is shown at once).
pub async fn submit(app: &App, input: &RequestInput) -> Result<Submitted> {
    let org = agency_of(app, input).await?;
    let portal = gongkai_store::Actor::system("portal");
    intake(app, portal, org, input, Channel::Online, today()).await
}

/// A request that came by post, fax, e-mail or in person, entered by staff with the
/// channel and the evidence of its receipt date (条例第三十一条).
pub async fn record(app: &App, user: &CurrentUser, input: &RequestInput) -> Result<Submitted> {
    let org = agency_of(app, input).await?;
    require_handler(app, user, org).await?;
    let channel = Channel::parse(&input.channel)
        .ok_or_else(|| Error::invalid("申请方式", "请选择申请方式"))?;
    let received_on = parse_date(input.received_on.trim())
        .map_err(|_| Error::invalid("收到申请日期", "请填写有效日期（YYYY-MM-DD）"))?;
    if received_on > today() {
        return Err(Error::invalid("收到申请日期", "不能晚于今天"));
    }
    if channel != Channel::InPerson && input.receipt_evidence.trim().is_empty() {
        return Err(Error::invalid(
            "收到日期的凭据",
            "请记录签收或确认的凭据（条例第三十一条），如邮件签收单号、确认邮件",
        ));
    }
    intake(app, user.actor(), org, input, channel, received_on).await
}

/// Stores a request entered on behalf of `actor` (the demo), checked like staff entry.
pub(crate) async fn record_as(
    app: &App,
    actor: gongkai_store::Actor,
    input: &RequestInput,
    channel: Channel,
    received_on: NaiveDate,
) -> Result<Submitted> {
    let org = public_agency(app).await?;
    intake(app, actor, org, input, channel, received_on).await
}

/// Checks the form and stores the request with a new serial and tracking code.
async fn intake(
    app: &App,
    actor: gongkai_store::Actor,
    org: OrgId,
    input: &RequestInput,
    channel: Channel,
    received_on: NaiveDate,
) -> Result<Submitted> {
    let fields = input.fields(org, channel, received_on, app.settings.requests.ask_purpose)?;
    let tracking_code = new_tracking_code();
    let pattern = app.settings.requests.serial_pattern.clone();
    let serial =
        move |year, n| format_serial(&pattern, year, n).unwrap_or_else(|| format!("{year}-{n}"));
    let mut tx = app.store.begin(actor).await?;
    let request =
        requests::create(&mut tx, &fields, &tracking_hash(&tracking_code), serial).await?;
    tx.commit().await?;
    let reckoning = super::clock::reckoning_of_new(app, &request)?;
    Ok(Submitted {
        request,
        tracking_code,
        reckoning,
    })
}
