//! Who may do what. Every use case asks here before it acts; templates may hide a
//! link, but the check that counts is this one.
//!
//! A role is granted for a unit and, when the grant says so, the units below it.
//! `admin` operates the platform within its scope (units, accounts, the audit log);
//! `office` (政务公开办) manages the units within its scope; every staff member may
//! see the units their grants cover.

use crate::{Error, Result};
use gongkai_domain::role::Role;
use gongkai_store::orgs::Org;
use gongkai_store::users::{RoleGrant, User};
use gongkai_store::{OrgId, UserId};

/// The signed-in user, as use cases see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentUser {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub grants: Vec<RoleGrant>,
}

impl CurrentUser {
    pub(crate) fn from_user(user: &User) -> CurrentUser {
        CurrentUser {
            id: user.id,
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            grants: user.grants.clone(),
        }
    }

    /// The user as the author of changes in the audit log.
    pub fn actor(&self) -> gongkai_store::Actor {
        gongkai_store::Actor::user(self.id, &self.username)
    }

    /// Whether the user holds `role` anywhere.
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    /// Whether some grant of one of `roles` covers `org` (the unit itself, or a unit
    /// below a subtree grant), given the directory `orgs` to walk up from `org`.
    pub fn covers(&self, roles: &[Role], org: OrgId, orgs: &[Org]) -> bool {
        let lineage = lineage(org, orgs);
        self.grants.iter().any(|g| {
            roles.contains(&g.role)
                && lineage
                    .iter()
                    .position(|id| *id == g.org_id)
                    .is_some_and(|depth| depth == 0 || g.subtree)
        })
    }

    /// Whether the user administers the whole platform: an admin grant with subtree
    /// on a top-level unit.
    pub fn is_platform_admin(&self, orgs: &[Org]) -> bool {
        top_level_roles(self, orgs).any(|role| role == Role::Admin)
    }
}

/// The nearest unit of kind government at or above `org` (the top unit if none is).
pub fn government_of(orgs: &[Org], org: OrgId) -> OrgId {
    let chain = lineage(org, orgs);
    chain
        .iter()
        .copied()
        .find(|id| {
            orgs.iter()
                .any(|o| o.id == *id && o.kind == gongkai_domain::org::OrgKind::Government)
        })
        .or(chain.last().copied())
        .unwrap_or(org)
}

/// `org`, its parent, its parent's parent… up to the top.
pub(crate) fn lineage(org: OrgId, orgs: &[Org]) -> Vec<OrgId> {
    let mut chain = vec![org];
    let mut current = org;
    while let Some(parent) = orgs
        .iter()
        .find(|o| o.id == current)
        .and_then(|o| o.parent_id)
    {
        if chain.contains(&parent) {
            break;
        }
        chain.push(parent);
        current = parent;
    }
    chain
}

/// Any staff role: may see the units their grants cover.
pub const STAFF: [Role; 5] = Role::ALL;
/// Whether the user is the disclosure office (政务公开办) for `org`: an office or admin
/// grant covering it, or held in any unit of the same government (the office sits in
/// 区府办, beside the departments it oversees).
pub fn is_office_for(user: &CurrentUser, org: OrgId, orgs: &[Org]) -> bool {
    let government = government_of(orgs, org);
    user.covers(&UNIT_MANAGERS, org, orgs)
        || user
            .grants
            .iter()
            .any(|g| UNIT_MANAGERS.contains(&g.role) && government_of(orgs, g.org_id) == government)
}

/// Roles that manage units within their scope.
pub const UNIT_MANAGERS: [Role; 2] = [Role::Admin, Role::Office];

/// Refuses unless the user is the disclosure office (or an administrator) somewhere:
/// the assessment, the platform's pages.
pub fn require_office(user: &CurrentUser) -> Result<()> {
    allow(UNIT_MANAGERS.iter().any(|&role| user.has_role(role)))
}

/// Refuses unless the user may see `org`.
pub fn require_view_org(user: &CurrentUser, org: OrgId, orgs: &[Org]) -> Result<()> {
    allow(user.covers(&STAFF, org, orgs))
}

/// Refuses unless the user may edit `org` or add units below it.
pub fn require_manage_org(user: &CurrentUser, org: OrgId, orgs: &[Org]) -> Result<()> {
    allow(user.covers(&UNIT_MANAGERS, org, orgs))
}

/// Refuses unless the user administers the whole platform (top-level units,
/// accounts, the audit log).
pub fn require_platform_admin(user: &CurrentUser, orgs: &[Org]) -> Result<()> {
    allow(user.is_platform_admin(orgs))
}

/// Roles that write documents for their units: draft, edit, attach, submit, relate,
/// change validity.
pub const DOCUMENT_EDITORS: [Role; 3] = [Role::Admin, Role::Office, Role::Editor];

/// Roles that review documents before publication (三审): return or publish.
pub const DOCUMENT_REVIEWERS: [Role; 3] = [Role::Admin, Role::Office, Role::Reviewer];

/// Refuses unless a grant of one of `roles` covers the document's issuer; a document
/// without an issuer needs such a grant over a whole top-level unit.
pub fn require_document_role(
    user: &CurrentUser,
    roles: &[Role],
    issuer: Option<OrgId>,
    orgs: &[Org],
) -> Result<()> {
    allow(match issuer {
        Some(org) => user.covers(roles, org, orgs),
        None => top_level_roles(user, orgs).any(|role| roles.contains(&role)),
    })
}

/// The roles a user holds over a whole top-level unit.
fn top_level_roles<'a>(user: &'a CurrentUser, orgs: &'a [Org]) -> impl Iterator<Item = Role> + 'a {
    user.grants
        .iter()
        .filter(|g| {
            g.subtree
                && orgs
                    .iter()
                    .any(|o| o.id == g.org_id && o.parent_id.is_none())
        })
        .map(|g| g.role)
}

/// The units whose documents the user may see in the console: `None` when a grant
/// covers a whole top-level unit (every document, those without an issuer too).
pub fn visible_issuers(user: &CurrentUser, orgs: &[Org]) -> Option<Vec<OrgId>> {
    if top_level_roles(user, orgs).next().is_some() {
        return None;
    }
    Some(
        orgs.iter()
            .filter(|o| user.covers(&STAFF, o.id, orgs))
            .map(|o| o.id)
            .collect(),
    )
}

fn allow(permitted: bool) -> Result<()> {
    if permitted {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use gongkai_domain::org::OrgKind;

    /// A unit for tests: 单位{id}, a department, below `parent`.
    pub(crate) fn org(id: i64, parent: Option<i64>) -> Org {
        Org {
            id: OrgId(id),
            parent_id: parent.map(OrgId),
            name: format!("单位{id}"),
            kind: OrgKind::Department,
            credit_code: None,
            contact_phone: String::new(),
            contact_address: String::new(),
            contact_email: String::new(),
            sort_order: 0,
            aliases: vec![],
        }
    }

    fn user(grants: &[(Role, i64, bool)]) -> CurrentUser {
        CurrentUser {
            id: UserId(1),
            username: "u".into(),
            display_name: "u".into(),
            grants: grants
                .iter()
                .map(|(role, org, subtree)| RoleGrant {
                    role: *role,
                    org_id: OrgId(*org),
                    subtree: *subtree,
                })
                .collect(),
        }
    }

    // 1 government; 2 and 3 departments under it; 4 under 2.
    fn directory() -> Vec<Org> {
        vec![
            org(1, None),
            org(2, Some(1)),
            org(3, Some(1)),
            org(4, Some(2)),
        ]
    }

    #[test]
    fn an_editor_of_one_unit_cannot_manage_or_see_another() {
        let orgs = directory();
        let editor = user(&[(Role::Editor, 2, false)]);
        assert!(require_view_org(&editor, OrgId(2), &orgs).is_ok());
        assert!(require_view_org(&editor, OrgId(3), &orgs).is_err());
        assert!(
            require_view_org(&editor, OrgId(4), &orgs).is_err(),
            "no subtree grant"
        );
        assert!(require_manage_org(&editor, OrgId(2), &orgs).is_err());
    }

    #[test]
    fn a_subtree_grant_covers_the_units_below() {
        let orgs = directory();
        let office = user(&[(Role::Office, 2, true)]);
        assert!(require_manage_org(&office, OrgId(4), &orgs).is_ok());
        assert!(require_manage_org(&office, OrgId(1), &orgs).is_err());
        assert!(require_platform_admin(&office, &orgs).is_err());
    }

    #[test]
    fn only_an_admin_of_a_top_level_unit_with_subtree_is_platform_admin() {
        let orgs = directory();
        assert!(require_platform_admin(&user(&[(Role::Admin, 1, true)]), &orgs).is_ok());
        assert!(require_platform_admin(&user(&[(Role::Admin, 1, false)]), &orgs).is_err());
        assert!(require_platform_admin(&user(&[(Role::Admin, 2, true)]), &orgs).is_err());
    }
}
