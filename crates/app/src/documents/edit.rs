//! Writing documents in the console: the form's fields validated into stored
//! fields, a 索引号 given when a draft enters the library (先入库，后公开), and
//! bodies sanitised so that nothing typed or pasted can run in a reader's browser.

use super::numbering::generate_index_number;
use crate::access::{self, CurrentUser, DOCUMENT_EDITORS, STAFF};
use crate::{App, DocumentId, Error, OrgId, Result};
use chrono::NaiveDate;
use gongkai_domain::calendar::parse_date;
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::doc_number::DocNumber;
use gongkai_domain::interpretation::InterpretationForm;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::topic::{STANDARD_GENRES, is_interpretation_genre, normalize_topic};
use gongkai_domain::validity::Validity;
use gongkai_extract::{SourceKind, text_of};
use gongkai_store::documents::{self, ConsoleFilter, Document, DocumentFields};
use gongkai_store::orgs::{self, Org};

/// Longest title accepted (the 公文备案 exchange format allows 200 characters).
pub const MAX_TITLE_CHARS: usize = 200;

/// A document as the console form submits it; dates are `YYYY-MM-DD` or empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct DocumentInput {
    pub title: String,
    pub doc_number: String,
    #[serde(deserialize_with = "optional_id")]
    pub issuer_id: Option<OrgId>,
    pub topic: String,
    pub genre: String,
    /// A checkbox: present ("on", "true", "1") means yes.
    #[serde(deserialize_with = "checkbox")]
    pub normative: bool,
    pub effective_on: String,
    pub expires_on: String,
    pub written_on: String,
    pub published_on: String,
    /// `proactive`, `on_request` or `withheld`.
    pub disclosure: String,
    pub disclosure_reason: String,
    /// A form code of [`InterpretationForm`]; required for interpretations.
    pub interpretation_form: String,
    /// HTML as typed or pasted; sanitised before it is stored.
    pub body_html: String,
}

/// An id from a form's select; the empty option means none.
fn optional_id<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<OrgId>, D::Error> {
    let text = <String as serde::Deserialize>::deserialize(d)?;
    match text.trim() {
        "" => Ok(None),
        id => id.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// A checkbox's value: browsers send it only when ticked.
fn checkbox<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<bool, D::Error> {
    let text = <String as serde::Deserialize>::deserialize(d)?;
    Ok(matches!(text.trim(), "on" | "true" | "1"))
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

impl DocumentInput {
    /// The form filled with a stored document, for editing.
    pub fn of(document: &Document) -> DocumentInput {
        let f = &document.fields;
        DocumentInput {
            title: f.title.clone(),
            doc_number: f.doc_number.clone(),
            issuer_id: f.issuer_id,
            topic: f.topic.clone(),
            genre: f.genre.clone(),
            normative: f.normative,
            effective_on: date_text(f.effective_on),
            expires_on: date_text(f.expires_on),
            written_on: date_text(f.written_on),
            published_on: date_text(f.published_on),
            disclosure: f.disclosure.code().to_string(),
            disclosure_reason: f.disclosure.reason().unwrap_or_default().to_string(),
            interpretation_form: f
                .interpretation_form
                .map(|form| form.code().to_string())
                .unwrap_or_default(),
            body_html: f.body_html.clone(),
        }
    }
}

/// HTML with everything that could run removed: scripts, event handlers, styles,
/// and links other than http(s) and mailto (`javascript:` among them).
pub fn sanitize_html(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

fn optional_date(field: &str, text: &str) -> Result<Option<NaiveDate>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_date(text)
        .map(Some)
        .map_err(|e| Error::invalid(field, e.to_string()))
}

/// Checks the form and turns it into stored fields; `validity` is kept from the
/// stored document (it changes only through a recorded validity change).
fn fields_of(
    input: &DocumentInput,
    all_orgs: &[Org],
    validity: Validity,
) -> Result<DocumentFields> {
    let title = input.title.trim();
    if title.is_empty() {
        return Err(Error::invalid("标题", "请填写标题"));
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(Error::invalid(
            "标题",
            format!("不能超过 {MAX_TITLE_CHARS} 个字"),
        ));
    }
    let doc_number = input.doc_number.trim();
    let doc_number_key = if doc_number.is_empty() {
        String::new()
    } else {
        DocNumber::parse(doc_number)
            .map_err(|e| Error::invalid("发文字号", e.to_string()))?
            .normalized()
    };
    let issuer = input
        .issuer_id
        .and_then(|id| all_orgs.iter().find(|o| o.id == id))
        .ok_or_else(|| Error::invalid("发布机构", "请选择发布机构"))?;
    let topic = match input.topic.trim() {
        "" => String::new(),
        t => normalize_topic(t)
            .ok_or_else(|| Error::invalid("主题分类", format!("“{t}”不是标准主题分类")))?,
    };
    let genre = input.genre.trim();
    if !genre.is_empty() && !STANDARD_GENRES.contains(&genre) {
        return Err(Error::invalid(
            "体裁分类",
            format!("“{genre}”不是标准体裁分类"),
        ));
    }
    let interpretation_form = match input.interpretation_form.trim() {
        "" if is_interpretation_genre(genre) => {
            return Err(Error::invalid("解读形式", "解读须选择形式"));
        }
        "" => None,
        form => Some(InterpretationForm::parse(form)?),
    };
    let effective_on = optional_date("施行日期", &input.effective_on)?;
    let expires_on = optional_date("失效日期", &input.expires_on)?;
    if let (Some(from), Some(until)) = (effective_on, expires_on)
        && until < from
    {
        return Err(Error::invalid("失效日期", "不能早于施行日期"));
    }
    let body_html = sanitize_html(&input.body_html);
    let body_text = text_of(body_html.as_bytes(), SourceKind::Html)
        .map_err(|e| Error::invalid("正文", e.to_string()))?;
    Ok(DocumentFields {
        title: title.to_string(),
        doc_number: doc_number.to_string(),
        doc_number_key,
        issuer_id: Some(issuer.id),
        issuer_name: issuer.name.clone(),
        topic,
        genre: genre.to_string(),
        normative: input.normative,
        validity,
        effective_on,
        expires_on,
        written_on: optional_date("成文日期", &input.written_on)?,
        published_on: optional_date("发布日期", &input.published_on)?,
        disclosure: DisclosureAttribute::new(&input.disclosure, &input.disclosure_reason)
            .map_err(|e| Error::invalid("公开属性", e.to_string()))?,
        interpretation_form,
        body_html,
        body_text,
    })
}

/// Enters a new draft in the library with its 索引号.
pub async fn create_draft(
    app: &App,
    user: &CurrentUser,
    input: &DocumentInput,
) -> Result<Document> {
    let all_orgs = orgs::list(&app.store).await?;
    let fields = fields_of(input, &all_orgs, Validity::Valid)?;
    access::require_document_role(user, &DOCUMENT_EDITORS, fields.issuer_id, &all_orgs)?;
    let mut tx = app.store.begin(user.actor()).await?;
    let number = generate_index_number(&mut tx, &fields, &all_orgs).await?;
    let document =
        documents::create(&mut tx, &number, &fields, DocumentStatus::Draft, None).await?;
    super::pii::rescan_in(app, &mut tx, &document).await?;
    super::columns::suggest_in(app, &mut tx, &document).await?;
    tx.commit().await?;
    Ok(document)
}

/// Saves the form over a document. Editors change drafts; a published document or
/// one in review is corrected only by the disclosure office or an administrator.
pub async fn update_document(
    app: &App,
    user: &CurrentUser,
    id: DocumentId,
    input: &DocumentInput,
) -> Result<Document> {
    let all_orgs = orgs::list(&app.store).await?;
    let current = documents::get(&app.store, id).await?;
    let roles = edit_roles(current.status);
    access::require_document_role(user, roles, current.fields.issuer_id, &all_orgs)?;
    let fields = fields_of(input, &all_orgs, current.fields.validity)?;
    access::require_document_role(user, roles, fields.issuer_id, &all_orgs)?;
    let mut tx = app.store.begin(user.actor()).await?;
    let document = documents::update(&mut tx, id, &fields, None).await?;
    super::pii::rescan_in(app, &mut tx, &document).await?;
    super::columns::suggest_in(app, &mut tx, &document).await?;
    tx.commit().await?;
    Ok(document)
}

/// Who may change a document's fields: editors while it is a draft; once in review
/// or published, only the disclosure office or an administrator (a correction).
pub(super) fn edit_roles(status: DocumentStatus) -> &'static [gongkai_domain::role::Role] {
    if status == DocumentStatus::Draft {
        &DOCUMENT_EDITORS
    } else {
        &access::UNIT_MANAGERS
    }
}

/// A document as staff see it in the console (any status).
pub async fn console_document(app: &App, user: &CurrentUser, id: DocumentId) -> Result<Document> {
    let all_orgs = orgs::list(&app.store).await?;
    let document = documents::get(&app.store, id).await?;
    access::require_document_role(user, &STAFF, document.fields.issuer_id, &all_orgs)?;
    Ok(document)
}

/// Documents per page of the console list.
pub const CONSOLE_PAGE_SIZE: i64 = 30;

/// A page (1-based) of the documents the user may see, most recently changed first.
pub async fn console_list(
    app: &App,
    user: &CurrentUser,
    status: Option<DocumentStatus>,
    text: Option<String>,
    page: i64,
) -> Result<(Vec<Document>, i64)> {
    let all_orgs = orgs::list(&app.store).await?;
    let filter = ConsoleFilter {
        issuers: access::visible_issuers(user, &all_orgs),
        status,
        text: text.filter(|t| !t.trim().is_empty()),
    };
    let offset = (page.max(1) - 1).saturating_mul(CONSOLE_PAGE_SIZE);
    Ok(documents::list_console(&app.store, &filter, CONSOLE_PAGE_SIZE, offset).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = sanitize_html(
            "<p onclick=\"x()\">正文<script>alert(1)</script></p>\
             <img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">链接</a>\
             <a href=\"https://www.gov.cn/\">政府网</a>",
        );
        assert!(!html.contains("script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("<p>正文</p>"), "{html}");
        assert!(html.contains("href=\"https://www.gov.cn/\""), "{html}");
    }
}
