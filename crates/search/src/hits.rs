//! From a matching document's address to a [`Hit`]: stored fields and the snippet.

use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::schema::{Fields, days_to_date, validity_from_ord};
use crate::snippet;
use crate::{Error, Hit, Result};

/// Reads the stored fields of the document at `address` and highlights its body.
pub fn load(
    searcher: &Searcher,
    fields: &Fields,
    snippets: &SnippetGenerator,
    address: DocAddress,
    score: f32,
) -> Result<Hit> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let id = doc
        .get_first(fields.id)
        .and_then(|v| v.as_i64())
        .ok_or_else(|| corrupt("缺少文件编号"))?;
    let validity = doc
        .get_first(fields.validity)
        .and_then(|v| v.as_u64())
        .and_then(validity_from_ord)
        .ok_or_else(|| corrupt(&format!("文件 {id} 缺少有效性")))?;
    let body = text(&doc, fields.body);
    Ok(Hit {
        id,
        title: text(&doc, fields.title),
        doc_number: text(&doc, fields.doc_number),
        index_number: text(&doc, fields.index_number),
        issuer: text(&doc, fields.issuer),
        published_on: doc
            .get_first(fields.published_on)
            .and_then(|v| v.as_i64())
            .and_then(days_to_date),
        validity,
        snippet: snippet::render(&snippets.snippet(&body), &body),
        score,
    })
}

/// A stored text field; empty strings are not stored, so absent means empty.
fn text(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .unwrap_or_default()
}

fn corrupt(reason: &str) -> Error {
    Error::Corrupt {
        reason: reason.to_string(),
    }
}
