//! The public directory of units with their contacts (条例第二十条第（二）项), as the
//! home page and the 机构职能 page show it.

use crate::kit::error::WebError;
use crate::kit::state::AppState;

/// A unit as the public directory shows it.
pub struct UnitRow {
    pub name: String,
    pub kind: &'static str,
    pub phone: String,
    pub address: String,
    pub depth: usize,
}

/// Every public unit in tree order.
pub async fn unit_rows(state: &AppState) -> Result<Vec<UnitRow>, WebError> {
    let units = gongkai_app::orgs::public_directory(&state.app).await?;
    Ok(gongkai_app::orgs::tree_order(&units)
        .into_iter()
        .map(|(depth, org)| UnitRow {
            name: org.name.clone(),
            kind: org.kind.label_zh(),
            phone: org.contact_phone.clone(),
            address: org.contact_address.clone(),
            depth,
        })
        .collect())
}
