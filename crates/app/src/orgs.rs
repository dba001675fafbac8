//! Use cases of the unit directory: browse, create, edit, import from CSV or XLSX,
//! and resolve the unit names and group expressions written in work plans.

mod import;
mod input;

pub use import::{ImportReport, import_file};
pub use input::{OrgInput, split_names};

use crate::access::{self, CurrentUser};
use crate::{App, Error, Result};
use gongkai_store::OrgId;
use gongkai_store::orgs::{self, Org};

/// Imports a spreadsheet uploaded through the console (platform administrators
/// only). `file_name` is the name the browser gave, used for its extension.
pub async fn import_upload(
    app: &App,
    user: &CurrentUser,
    file_name: &str,
    bytes: &[u8],
) -> Result<ImportReport> {
    let all = orgs::list(&app.store).await?;
    access::require_platform_admin(user, &all)?;
    let table = crate::table::read_upload(file_name, bytes)?;
    import::import_table(&app.store, user.actor(), table).await
}

/// Every unit with its public contacts, for the portal's directory (条例 Art. 20(2):
/// 机构设置、办公地址、联系方式 are published proactively).
pub async fn public_directory(app: &App) -> Result<Vec<Org>> {
    Ok(orgs::list(&app.store).await?)
}

/// Units in tree order (each parent followed by its children), with their depth: the
/// order of the portal's directory and of every unit choice.
pub fn tree_order(orgs: &[Org]) -> Vec<(usize, &Org)> {
    fn visit<'a>(
        orgs: &'a [Org],
        parent: Option<&Org>,
        depth: usize,
        out: &mut Vec<(usize, &'a Org)>,
    ) {
        for org in orgs.iter().filter(|o| o.parent_id == parent.map(|p| p.id)) {
            if out.iter().any(|(_, seen)| seen.id == org.id) {
                continue;
            }
            out.push((depth, org));
            visit(orgs, Some(org), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    visit(orgs, None, 0, &mut out);
    out
}

/// Every unit, for a staff member.
pub async fn list(app: &App, user: &CurrentUser) -> Result<Vec<Org>> {
    if user.grants.is_empty() {
        return Err(Error::Forbidden);
    }
    Ok(orgs::list(&app.store).await?)
}

/// One unit, if the user's grants cover it.
pub async fn get(app: &App, user: &CurrentUser, id: OrgId) -> Result<Org> {
    let all = orgs::list(&app.store).await?;
    if !all.iter().any(|o| o.id == id) {
        return Err(Error::NotFound(format!("单位 {id} 不存在")));
    }
    access::require_view_org(user, id, &all)?;
    Ok(orgs::get(&app.store, id).await?)
}

/// Whether the user may edit this unit (to show or hide the edit link).
pub async fn may_manage(app: &App, user: &CurrentUser, id: OrgId) -> Result<bool> {
    let all = orgs::list(&app.store).await?;
    Ok(access::require_manage_org(user, id, &all).is_ok())
}

/// Refuses unless the user may place a unit under `parent` (top level: platform admin).
fn require_may_place(user: &CurrentUser, parent: Option<OrgId>, all: &[Org]) -> Result<()> {
    match parent {
        Some(parent) => access::require_manage_org(user, parent, all),
        None => access::require_platform_admin(user, all),
    }
}

/// Creates a unit below a unit the user manages.
pub async fn create(app: &App, user: &CurrentUser, input: &OrgInput) -> Result<Org> {
    let fields = input.validate()?;
    let all = orgs::list(&app.store).await?;
    require_may_place(user, fields.parent_id, &all)?;
    let mut tx = app.store.begin(user.actor()).await?;
    let org = orgs::create(&mut tx, &fields).await?;
    tx.commit().await?;
    Ok(org)
}

/// Edits a unit the user manages (and, when it moves, the new parent too).
pub async fn update(app: &App, user: &CurrentUser, id: OrgId, input: &OrgInput) -> Result<Org> {
    let fields = input.validate()?;
    let all = orgs::list(&app.store).await?;
    access::require_manage_org(user, id, &all)?;
    let current = all.iter().find(|o| o.id == id).map(|o| o.parent_id);
    if current != Some(fields.parent_id) {
        require_may_place(user, fields.parent_id, &all)?;
    }
    let mut tx = app.store.begin(user.actor()).await?;
    let org = orgs::update(&mut tx, id, &fields).await?;
    tx.commit().await?;
    Ok(org)
}

/// What a list of unit names stands for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// Units named directly, by full name or alias.
    pub named: Vec<(String, Org)>,
    /// Group expressions (各街道, 街办) with the units they stand for.
    pub groups: Vec<(String, Vec<Org>)>,
    /// Names the office mapped before, with their units (none: not a unit).
    pub mapped: Vec<(String, Vec<Org>)>,
    /// Names that match no unit, for the office to map.
    pub unknown: Vec<String>,
}

/// Resolves a unit list such as `区府办、各街道、区司法局` below the government `root`,
/// the way work-plan ledgers resolve their unit names.
pub async fn resolve(app: &App, root: OrgId, text: &str) -> Result<Resolution> {
    use crate::ledgers::units::{Directory, Resolved};
    let directory = Directory::load(app, root).await?;
    let resolver = directory.resolver();
    let org = |id: &OrgId| directory.orgs.iter().find(|o| o.id == *id).cloned();
    let mut resolution = Resolution::default();
    for name in split_names(text) {
        match resolver.resolve(&name) {
            Resolved::Named(id) => {
                if let Some(unit) = org(&id) {
                    resolution.named.push((name, unit));
                }
            }
            Resolved::Group(ids) => {
                let units = ids.iter().filter_map(org).collect();
                resolution.groups.push((name, units));
            }
            Resolved::Mapped(ids) => {
                let units = ids.iter().filter_map(org).collect();
                resolution.mapped.push((name, units));
            }
            Resolved::Unknown { .. } => resolution.unknown.push(name),
        }
    }
    Ok(resolution)
}

/// The top-level units (governments), which group expressions are resolved below.
pub async fn roots(app: &App) -> Result<Vec<Org>> {
    Ok(orgs::list(&app.store)
        .await?
        .into_iter()
        .filter(|o| o.parent_id.is_none())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::tree_order;
    use crate::access::tests::org;

    #[test]
    fn each_unit_comes_after_its_parent_and_before_its_parents_next_child() {
        // The store lists units by sort order, so a child may come before its parent.
        let all = [
            org(3, Some(1)),
            org(1, None),
            org(4, Some(3)),
            org(2, None),
            org(5, Some(1)),
        ];
        let order: Vec<(usize, i64)> = tree_order(&all)
            .into_iter()
            .map(|(depth, o)| (depth, o.id.0))
            .collect();
        assert_eq!(order, [(0, 1), (1, 3), (2, 4), (1, 5), (0, 2)]);
    }

    #[test]
    fn a_unit_whose_parent_is_missing_is_left_out_and_none_is_listed_twice() {
        let all = [org(1, None), org(2, Some(9)), org(3, Some(1))];
        let ids: Vec<i64> = tree_order(&all).iter().map(|(_, o)| o.id.0).collect();
        assert_eq!(ids, [1, 3]);
    }
}
