//! The choices a request form offers, on the portal and on the console's staff entry:
//! the applicant types, the agencies a request can be addressed to, and the form
//! requirement's choices (条例第二十九条).

use crate::kit::error::WebError;
use crate::kit::state::AppState;
use gongkai_app::requests::{self, RequestInput};
use gongkai_domain::annual_report::ApplicantType;
use gongkai_domain::request::form_choices::{
    DELIVERY_CHOICES, FORM_CHOICES, OTHER_CHOICE, split_choice,
};

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

/// One option of a form-requirement choice, as the form shows it.
pub struct ChoiceOption {
    pub value: &'static str,
    pub checked: bool,
}

/// The form requirement of 条例第二十九条 as radio choices with 其他 and its words,
/// filled from what was typed (a refused form shows the applicant's choice again).
pub struct FormRequirement {
    pub forms: Vec<ChoiceOption>,
    pub form_other: String,
    pub deliveries: Vec<ChoiceOption>,
    pub delivery_other: String,
}

impl FormRequirement {
    pub fn of(input: &RequestInput) -> FormRequirement {
        let (forms, form_other) = options(
            &FORM_CHOICES,
            &input.preferred_form,
            &input.preferred_form_other,
        );
        let (deliveries, delivery_other) =
            options(&DELIVERY_CHOICES, &input.delivery, &input.delivery_other);
        FormRequirement {
            forms,
            form_other,
            deliveries,
            delivery_other,
        }
    }
}

fn options(choices: &[&'static str], chosen: &str, other: &str) -> (Vec<ChoiceOption>, String) {
    let (chosen, words) = split_choice(choices, chosen.trim());
    let words = if other.trim().is_empty() {
        words
    } else {
        other.trim()
    };
    let options = choices
        .iter()
        .copied()
        .chain([OTHER_CHOICE])
        .map(|value| ChoiceOption {
            value,
            checked: value == chosen,
        })
        .collect();
    (options, words.to_string())
}
