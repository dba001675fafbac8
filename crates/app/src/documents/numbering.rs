//! 索引号 for documents that enter the library without one (先入库，后公开).

use crate::Result;
use chrono::Datelike;
use gongkai_domain::index_number::IndexNumber;
use gongkai_store::WriteTx;
use gongkai_store::documents::{self, DocumentFields};
use gongkai_store::orgs::Org;

/// A new 索引号 from the issuer's sequence: prefix = the 统一社会信用代码 of the issuer
/// or its nearest ancestor that has one, else `gongkai-{unit id}`, else `gongkai`;
/// year = publication (or writing) year. Serials that imported documents already
/// carry are skipped.
pub(crate) async fn generate_index_number(
    tx: &mut WriteTx,
    fields: &DocumentFields,
    all_orgs: &[Org],
) -> Result<String> {
    let prefix = index_prefix(fields.issuer_id, all_orgs);
    let year = fields
        .published_on
        .or(fields.written_on)
        .map_or_else(|| chrono::Utc::now().year(), |d| d.year());
    loop {
        let serial = documents::next_index_serial(tx, &prefix, year).await?;
        let number = IndexNumber::generate(&prefix, year, serial)?;
        if !documents::index_number_taken(tx, number.as_str()).await? {
            return Ok(number.as_str().to_string());
        }
    }
}

fn index_prefix(issuer: Option<gongkai_store::OrgId>, all_orgs: &[Org]) -> String {
    let mut current = issuer.and_then(|id| all_orgs.iter().find(|o| o.id == id));
    while let Some(org) = current {
        if let Some(code) = &org.credit_code {
            return code.clone();
        }
        current = org
            .parent_id
            .and_then(|p| all_orgs.iter().find(|o| o.id == p));
    }
    issuer.map_or_else(|| "gongkai".to_string(), |id| format!("gongkai-{id}"))
}
