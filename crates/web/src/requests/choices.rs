//! The choices a request form offers, on the portal and on the console's staff entry:
//! the applicant types and the agencies a request can be addressed to.

use crate::kit::error::WebError;
use crate::kit::state::AppState;
use gongkai_app::requests;
use gongkai_domain::annual_report::ApplicantType;

/// The applicant types of the form: code and label.
pub fn applicant_types() -> Vec<(&'static str, &'static str)> {
    ApplicantType::ALL
        .iter()
        .map(|t| (t.code(), t.label_zh()))
        .collect()
}

/// The agencies a request form offers: id (as the form sends it) and name.
pub async fn agency_options(state: &AppState) -> Result<Vec<(String, String)>, WebError> {
    Ok(requests::agencies(&state.app)
        .await?
        .into_iter()
        .map(|o| (o.id.to_string(), o.name))
        .collect())
}
