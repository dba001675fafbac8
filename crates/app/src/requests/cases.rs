//! Reconsiderations (行政复议) and suits (行政诉讼) about a request's handling, with
//! their results: section 四 of the annual report.

use super::lookup::handled;
use super::step_input::date_field;
use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use gongkai_domain::annual_report::{CaseKind, CaseResult};
use gongkai_store::RequestId;
use gongkai_store::requests;
use serde::Deserialize;

/// Longest note of a case, in characters.
const MAX_NOTE_CHARS: usize = 2000;

/// A reconsideration or suit as the staff page records it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CaseInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub filed_on: String,
    #[serde(default)]
    pub note: String,
}

/// Records a reconsideration (行政复议, within 60 days) or suit (行政诉讼) about a
/// request, pending until its result is known (section 四 of the annual report).
pub async fn add_case(
    app: &App,
    user: &CurrentUser,
    id: RequestId,
    input: &CaseInput,
) -> Result<()> {
    let current = handled(app, user, id).await?;
    let kind = CaseKind::parse(&input.kind)
        .ok_or_else(|| Error::invalid("案件类型", "请选择行政复议或行政诉讼"))?;
    let filed_on = date_field(&input.filed_on, "申请或起诉日期")?;
    if filed_on < current.request.fields.received_on || filed_on > today() {
        return Err(Error::invalid(
            "申请或起诉日期",
            "应在收到申请之日和今天之间",
        ));
    }
    let note = input.note.trim();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(Error::invalid(
            "说明",
            format!("不能超过 {MAX_NOTE_CHARS} 个字"),
        ));
    }
    let mut tx = app.store.begin(user.actor()).await?;
    requests::add_case(&mut tx, id, kind, filed_on, note).await?;
    tx.commit().await?;
    Ok(())
}

/// A case's result.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DecisionInput {
    #[serde(default)]
    pub case: i64,
    #[serde(default)]
    pub result: String,
    /// The day of the decision or judgment; empty while pending.
    #[serde(default)]
    pub decided_on: String,
}

/// Records a case's result: a decided result needs its date, a pending one has none.
pub async fn decide_case(
    app: &App,
    user: &CurrentUser,
    id: RequestId,
    input: &DecisionInput,
) -> Result<()> {
    let current = handled(app, user, id).await?;
    let case = current
        .cases
        .iter()
        .find(|c| c.id == input.case)
        .ok_or_else(|| Error::NotFound("案件不存在".to_string()))?;
    let result =
        CaseResult::parse(&input.result).ok_or_else(|| Error::invalid("结果", "请选择结果"))?;
    let decided_on = match (result, input.decided_on.trim()) {
        (CaseResult::Pending, _) => None,
        (_, "") => {
            return Err(Error::invalid(
                "决定或判决日期",
                "请填写作出决定或判决的日期",
            ));
        }
        (_, text) => {
            let date = date_field(text, "决定或判决日期")?;
            if date < case.filed_on || date > today() {
                return Err(Error::invalid(
                    "决定或判决日期",
                    "应在申请或起诉之日和今天之间",
                ));
            }
            Some(date)
        }
    };
    let mut tx = app.store.begin(user.actor()).await?;
    requests::decide_case(&mut tx, id, case.id, result, decided_on).await?;
    tx.commit().await?;
    Ok(())
}
