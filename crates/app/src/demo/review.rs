//! A document waiting for review (`gongkai serve --demo`): a 司法局 notice whose body
//! still carries a contact's mobile number and e-mail, so the console shows the
//! 保密审查 form and the personal-information findings with their actions.

use crate::documents::numbering::generate_index_number;
use crate::documents::pii::rescan_in;
use crate::{App, Result};
use chrono::NaiveDate;
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::validity::Validity;
use gongkai_extract::{SourceKind, text_of};
use gongkai_store::documents::{self, DocumentFields};
use gongkai_store::{Actor, orgs};

/// The demo notice: fictitious people, numbers reserved for examples.
const BODY: &str = "<p>各有关单位：</p>\
    <p>为做好2026年度普法讲师团成员选聘工作，现将有关事项通知如下。</p>\
    <p>联系人：王某某，电话 138 0013 8000，邮箱 wangmoumou@163.com。</p>";

pub(super) async fn seed(app: &App, actor: &Actor, unit: &str) -> Result<()> {
    let Some(issuer) = orgs::find_by_name(&app.store, unit).await? else {
        return Err(crate::Error::Internal("演示单位不存在".to_string()));
    };
    let all = orgs::list(&app.store).await?;
    let body_text = text_of(BODY.as_bytes(), SourceKind::Html)
        .map_err(|e| crate::Error::Internal(e.to_string()))?;
    let fields = DocumentFields {
        title: "关于选聘2026年度普法讲师团成员的通知".to_string(),
        doc_number: String::new(),
        doc_number_key: String::new(),
        issuer_id: Some(issuer.id),
        issuer_name: issuer.name.clone(),
        topic: "公安、安全、司法\\司法".to_string(),
        genre: "通知".to_string(),
        normative: false,
        validity: Validity::Valid,
        effective_on: None,
        expires_on: None,
        written_on: NaiveDate::from_ymd_opt(2026, 11, 30),
        published_on: None,
        disclosure: DisclosureAttribute::Proactive,
        interpretation_form: None,
        body_html: BODY.to_string(),
        body_text,
    };
    let mut tx = app.store.begin(actor.clone()).await?;
    let number = generate_index_number(&mut tx, &fields, &all).await?;
    let document =
        documents::create(&mut tx, &number, &fields, DocumentStatus::InReview, None).await?;
    rescan_in(app, &mut tx, &document).await?;
    tx.commit().await?;
    Ok(())
}
