//! A document as the public pages show it (the list, the home page, the platform's
//! columns and the document page): metadata with dashes for what is missing, the
//! validity stamp and the change that set it.

use crate::kit::format::{date, or_dash};
use gongkai_app::DocumentId;
use gongkai_app::model::Document;

/// A document as the public pages show it.
pub struct DocumentView {
    pub id: DocumentId,
    pub title: String,
    pub index_number: String,
    pub doc_number: String,
    pub topic: String,
    pub genre: String,
    pub issuer: String,
    pub validity: &'static str,
    pub stamp: Option<&'static str>,
    pub written_on: String,
    pub published_on: String,
    /// 施行日期 and 有效期至, when either is recorded.
    pub validity_period: Option<(String, String)>,
    /// Sanitised when stored: imported text is escaped into paragraphs, HTML from
    /// the console is cleaned (`gongkai_app::documents::sanitize_html`).
    pub body_html: String,
    pub validity_change: Option<ChangeView>,
    /// The list line under the title: 发文字号 · 发布机构 · 发布日期, each only when
    /// known ("" when none is), so a list never shows "— · —".
    pub meta_line: String,
}

/// A recorded validity change as a stamp line shows it.
pub struct ChangeView {
    /// E.g. "2025-04-01 废止：被《…》废止".
    pub summary: String,
    /// The document that replaced this one, when the reader may follow the link.
    pub replaced_by: Option<(DocumentId, String)>,
}

impl From<Document> for DocumentView {
    fn from(d: Document) -> DocumentView {
        let f = d.fields;
        let meta_line = [
            f.doc_number.trim().to_string(),
            f.issuer_name.trim().to_string(),
            f.published_on
                .map(|day| format!("发布日期 {}", day.format("%Y-%m-%d")))
                .unwrap_or_default(),
        ]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        DocumentView {
            meta_line,
            id: d.id,
            index_number: d.index_number,
            doc_number: or_dash(&f.doc_number),
            topic: or_dash(&f.topic),
            genre: or_dash(&f.genre),
            issuer: or_dash(&f.issuer_name),
            validity: f.validity.label_zh(),
            stamp: f.validity.stamp_zh(),
            written_on: date(f.written_on),
            published_on: date(f.published_on),
            validity_period: (f.effective_on.is_some() || f.expires_on.is_some())
                .then(|| (date(f.effective_on), date(f.expires_on))),
            body_html: f.body_html,
            title: f.title,
            validity_change: d.validity_change.map(|c| ChangeView {
                summary: format!(
                    "{} {}：{}",
                    c.on.format("%Y-%m-%d"),
                    f.validity.label_zh(),
                    c.reason
                ),
                replaced_by: None,
            }),
        }
    }
}

impl DocumentView {
    /// Names the document that replaced this one (when the reader may open it).
    pub fn replaced_by(mut self, other: Option<&Document>) -> DocumentView {
        if let (Some(change), Some(other)) = (self.validity_change.as_mut(), other) {
            change.replaced_by = Some((other.id, other.fields.title.clone()));
        }
        self
    }
}
