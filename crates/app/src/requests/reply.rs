//! Recording the reply: one outcome of the annual report's rows with its legal basis,
//! once.

use super::handling;
use super::lookup::handled;
use super::step_input::date_field;
use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use gongkai_domain::annual_report::{Outcome, OutcomeBlock};
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
    /// For 部分公开: the 不予公开 row that the withheld part falls under.
    #[serde(default)]
    pub withheld: String,
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
    let withheld = withheld_reason(outcome, &input.withheld)?;
    let mut tx = app.store.begin(user.actor()).await?;
    requests::reply(&mut tx, id, on, outcome, &basis).await?;
    if let Some(reason) = withheld {
        requests::set_withheld_reason(&mut tx, id, reason).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// 条例第三十七条: a 部分公开 reply says why the rest is withheld, so its reason (one
/// of the 不予公开 rows) is required; other outcomes take none.
fn withheld_reason(outcome: Outcome, code: &str) -> Result<Option<Outcome>> {
    if outcome != Outcome::PartlyDisclosed {
        return Ok(None);
    }
    Outcome::parse(code)
        .filter(|reason| reason.block() == OutcomeBlock::Withheld)
        .map(Some)
        .ok_or_else(|| Error::invalid("不予公开理由", "部分公开的，请选择其余部分不予公开的理由"))
}
