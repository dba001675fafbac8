//! Finding requests: the applicant's tracking, the handler's list and due list, and
//! one request for those who see or handle it.

use super::Handling;
use super::clock::{handling, handling_of};
use super::handlers::{handles, may_view};
use crate::access::CurrentUser;
use crate::tracking::tracking_hash;
use crate::{App, Error, Result};
use gongkai_store::requests;
use gongkai_store::{RequestId, orgs};

/// The applicant's view of their request: found only by its serial and tracking code
/// together.
pub async fn track(app: &App, serial: &str, code: &str) -> Result<Handling> {
    let not_found = || Error::NotFound("未找到该申请，请核对申请编号和查询码".to_string());
    let request = requests::find_by_tracking_hash(&app.store, &tracking_hash(code))
        .await?
        .filter(|r| r.serial == serial.trim())
        .ok_or_else(not_found)?;
    handling(app, request).await
}

/// The requests the user handles, open ones first by due date, then the replied ones;
/// the whole record is read in three queries, however many requests there are.
pub async fn list(app: &App, user: &CurrentUser) -> Result<Vec<Handling>> {
    let all = orgs::list(&app.store).await?;
    let mut rows = every_request(app, |request| may_view(user, request, &all)).await?;
    rows.sort_by_key(|h| (h.request.reply.is_some(), h.reckoning.due));
    Ok(rows)
}

/// Every request `keep` chooses, with its clock; the whole record is read in three
/// queries.
pub(crate) async fn every_request(
    app: &App,
    keep: impl Fn(&gongkai_store::requests::Request) -> bool,
) -> Result<Vec<Handling>> {
    let mut events = requests::all_events(&app.store).await?;
    let mut cases = requests::all_cases(&app.store).await?;
    let mut rows = Vec::new();
    for request in requests::list(&app.store).await? {
        if keep(&request) {
            let record = events.remove(&request.id).unwrap_or_default();
            let filed = cases.remove(&request.id).unwrap_or_default();
            rows.push(handling_of(app, request, record, filed)?);
        }
    }
    Ok(rows)
}

/// The due list's default horizon, in working days (the console's list and home).
pub const DUE_WITHIN: i64 = 5;
/// The longest due-list horizon that may be asked for, in working days (console and API).
pub const MAX_WITHIN: i64 = 60;

/// The open requests the user handles that are due within `n` working days or overdue.
pub async fn due_within(app: &App, user: &CurrentUser, n: i64) -> Result<Vec<Handling>> {
    Ok(list(app, user)
        .await?
        .into_iter()
        .filter(|h| h.timeliness.is_overdue() || h.timeliness.is_due_within(n))
        .collect())
}

/// One request, for those who handle it or the unit it is assigned to.
pub async fn detail(app: &App, user: &CurrentUser, id: RequestId) -> Result<Handling> {
    opened(app, user, id, false).await
}

/// One request, for those who handle it (the agency's office): every step but notes.
pub(super) async fn handled(app: &App, user: &CurrentUser, id: RequestId) -> Result<Handling> {
    opened(app, user, id, true).await
}

/// A request with its record, once the user is found to see it (`as_handler`: to
/// handle it).
async fn opened(
    app: &App,
    user: &CurrentUser,
    id: RequestId,
    as_handler: bool,
) -> Result<Handling> {
    let request = requests::get(&app.store, id).await?;
    let all = orgs::list(&app.store).await?;
    let allowed = match as_handler {
        true => handles(user, request.fields.org_id, &all),
        false => may_view(user, &request, &all),
    };
    if !allowed {
        return Err(Error::Forbidden);
    }
    handling(app, request).await
}

/// Every request's serial, for `gongkai bench load`'s check that no acknowledged
/// submission was lost (an operator's command: no user to authorise).
pub async fn serials(app: &App) -> Result<Vec<String>> {
    let requests = gongkai_store::requests::list(&app.store).await?;
    Ok(requests.into_iter().map(|r| r.serial).collect())
}
