//! Recording the reply: one outcome of the annual report's rows with its legal basis,
//! once.

use super::handling;
use super::lookup::handled;
use super::step_input::date_field;
use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use gongkai_domain::annual_report::Outcome;
use gongkai_store::RequestId;
use gongkai_store::requests;
use serde::Deserialize;

/// The reply form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReplyInput {
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub on: String,
    /// The legal basis; the outcome's default when left empty.
    #[serde(default)]
    pub basis: String,
}

/// Records the reply: one outcome of the annual report's rows with its legal basis,
/// once (a correction is a new, linked event, not a second reply).
pub async fn reply(app: &App, user: &CurrentUser, id: RequestId, input: &ReplyInput) -> Result<()> {
    let current = handled(app, user, id).await?;
    let outcome = Outcome::parse(&input.outcome)
        .ok_or_else(|| Error::invalid("办理结果", "请选择办理结果"))?;
    let on = date_field(&input.on, "答复日期")?;
    if on > today() || on < current.request.fields.received_on {
        return Err(Error::invalid("答复日期", "应在收到申请之日和今天之间"));
    }
    handling::check_outcome(app, &current, outcome, on)?;
    let basis = match input.basis.trim() {
        "" => outcome.legal_basis_zh().to_string(),
        text => text.to_string(),
    };
    let mut tx = app.store.begin(user.actor()).await?;
    requests::reply(&mut tx, id, on, outcome, &basis).await?;
    tx.commit().await?;
    Ok(())
}
