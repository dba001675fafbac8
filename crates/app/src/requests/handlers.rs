//! Who handles a request (the agency's office and admins, or its government's office)
//! and who sees it (those, and the unit it is assigned to).

use crate::access::CurrentUser;
use crate::{App, Error, Result};
use gongkai_domain::role::Role;
use gongkai_store::requests::Request;
use gongkai_store::{OrgId, orgs};

/// Roles that handle requests for the agencies their grants cover.
pub const REQUEST_HANDLERS: [Role; 2] = [Role::Admin, Role::Office];

/// Whether the user handles requests addressed to `agency`: an office or admin grant
/// covering it, or held in a unit of that government (its office, 区府办).
pub(crate) fn handles(user: &CurrentUser, agency: OrgId, all: &[gongkai_store::orgs::Org]) -> bool {
    user.covers(&REQUEST_HANDLERS, agency, all)
        || user.grants.iter().any(|g| {
            REQUEST_HANDLERS.contains(&g.role)
                && crate::access::government_of(all, g.org_id) == agency
        })
}

pub(crate) async fn require_handler(app: &App, user: &CurrentUser, org: OrgId) -> Result<()> {
    let all = orgs::list(&app.store).await?;
    if handles(user, org, &all) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// Whether the user sees a request: its handlers (the agency's office), and the staff
/// of the unit it is assigned to, who add notes.
pub(super) fn may_view(
    user: &CurrentUser,
    request: &Request,
    all: &[gongkai_store::orgs::Org],
) -> bool {
    handles(user, request.fields.org_id, all)
        || request
            .handling_org
            .is_some_and(|unit| user.covers(&Role::ALL, unit, all))
}
