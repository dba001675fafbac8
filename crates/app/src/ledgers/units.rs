//! Resolving the unit names a plan writes to units of the directory, in memory over
//! one read of the directory and of the government's remembered mappings.
//!
//! Only the units of the plan's government (itself and the units below it) are ever
//! resolved to or proposed. A name resolves, in this order, as: a unit's full name or
//! alias; a name the office mapped before ([`mappings`]); a group expression (各街道,
//! 区政府各部门) standing for the units of those kinds below the government;
//! `X等有关部门`, by its named part X. Anything else is unknown, with close-match
//! proposals for the office to confirm.

use crate::access::{government_of, lineage};
use gongkai_domain::ledger::UnitRole;
use gongkai_domain::org::{GroupExpression, normalize_unit_name};
use gongkai_domain::unit_match;
use gongkai_store::OrgId;
use gongkai_store::ledgers::{TaskFields, mappings};
use gongkai_store::orgs::Org;
use std::collections::{HashMap, HashSet};

/// What one written name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A unit by its full name or an alias.
    Named(OrgId),
    /// A name the office mapped before: these units, or none (not a unit).
    Mapped(Vec<OrgId>),
    /// A group expression and the units it stands for.
    Group(Vec<OrgId>),
    /// Not known: the closest units, best first.
    Unknown { proposals: Vec<OrgId> },
}

impl Resolved {
    /// The units the name stands for (none when unknown or mapped to nothing).
    pub fn units(&self) -> &[OrgId] {
        match self {
            Resolved::Named(id) => std::slice::from_ref(id),
            Resolved::Mapped(ids) | Resolved::Group(ids) => ids,
            Resolved::Unknown { .. } => &[],
        }
    }

    /// How the name was resolved, as the review page says it.
    pub fn how_zh(&self) -> &'static str {
        match self {
            Resolved::Named(_) => "单位名称或简称",
            Resolved::Mapped(ids) if ids.is_empty() => "已确认不是单位",
            Resolved::Mapped(_) => "已保存的对应",
            Resolved::Group(_) => "集合称谓",
            Resolved::Unknown { .. } => "未识别",
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Resolved::Unknown { .. })
    }

    /// Whether the office declared the name not to be a unit.
    pub fn is_not_a_unit(&self) -> bool {
        matches!(self, Resolved::Mapped(ids) if ids.is_empty())
    }
}

/// The directory and a government's remembered names, read once for resolving.
pub struct Directory {
    pub orgs: Vec<Org>,
    /// The government the plan's names are resolved below: the running unit's nearest
    /// government (itself, or the government its office belongs to).
    pub government: OrgId,
    mappings: HashMap<String, Vec<OrgId>>,
}

impl Directory {
    /// The directory for plans run by the unit `runner`.
    pub async fn load(app: &crate::App, runner: OrgId) -> crate::Result<Directory> {
        let orgs = gongkai_store::orgs::list(&app.store).await?;
        let government = government_of(&orgs, runner);
        Ok(Directory {
            mappings: mappings::of(&app.store, government).await?,
            orgs,
            government,
        })
    }

    pub fn resolver(&self) -> UnitResolver<'_> {
        UnitResolver::new(&self.orgs, self.government, &self.mappings)
    }
}

/// Whether `org` is `government` or a unit below it.
pub fn is_within(orgs: &[Org], org: OrgId, government: OrgId) -> bool {
    lineage(org, orgs).contains(&government)
}

/// `root` and every unit below it, walking down from the root once.
fn subtree(orgs: &[Org], root: OrgId) -> HashSet<OrgId> {
    let mut children: HashMap<OrgId, Vec<OrgId>> = HashMap::new();
    for org in orgs {
        if let Some(parent) = org.parent_id {
            children.entry(parent).or_default().push(org.id);
        }
    }
    let mut members = HashSet::from([root]);
    let mut queue = vec![root];
    while let Some(id) = queue.pop() {
        for child in children.get(&id).into_iter().flatten() {
            if members.insert(*child) {
                queue.push(*child);
            }
        }
    }
    members
}

/// The units a task's written names stand for, each with its role; a unit named
/// twice in one role is kept once.
pub fn assignments(resolver: &UnitResolver<'_>, fields: &TaskFields) -> Vec<(OrgId, UnitRole)> {
    let mut units: Vec<(OrgId, UnitRole)> = Vec::new();
    let named = [
        (UnitRole::Lead, &fields.lead_names),
        (UnitRole::Responsible, &fields.responsible_names),
    ];
    for (role, names) in named {
        for name in names {
            for org in resolver.resolve(name).units() {
                if !units.contains(&(*org, role)) {
                    units.push((*org, role));
                }
            }
        }
    }
    units
}

/// Resolves names below one government.
pub struct UnitResolver<'a> {
    orgs: &'a [Org],
    government: OrgId,
    /// The government and every unit below it: the only units resolved to.
    members: HashSet<OrgId>,
    by_key: HashMap<String, OrgId>,
    mappings: &'a HashMap<String, Vec<OrgId>>,
}

impl<'a> UnitResolver<'a> {
    /// A resolver over the directory `orgs` for plans run by `government`, knowing the
    /// names its office mapped.
    pub fn new(
        orgs: &'a [Org],
        government: OrgId,
        mappings: &'a HashMap<String, Vec<OrgId>>,
    ) -> UnitResolver<'a> {
        let members = subtree(orgs, government);
        let mut by_key = HashMap::new();
        for org in orgs.iter().filter(|o| members.contains(&o.id)) {
            for name in std::iter::once(&org.name).chain(&org.aliases) {
                by_key.entry(normalize_unit_name(name)).or_insert(org.id);
            }
        }
        UnitResolver {
            orgs,
            government,
            members,
            by_key,
            mappings,
        }
    }

    /// What `name` stands for.
    pub fn resolve(&self, name: &str) -> Resolved {
        let key = normalize_unit_name(name);
        if let Some(id) = self.by_key.get(&key) {
            return Resolved::Named(*id);
        }
        if let Some(ids) = self.mappings.get(&mappings::key(name)) {
            return Resolved::Mapped(self.existing(ids));
        }
        if let Some(group) = GroupExpression::parse(name) {
            return Resolved::Group(self.group_units(&group));
        }
        if let Some(named) = self.named_before_etc(&key) {
            return named;
        }
        Resolved::Unknown {
            proposals: self.proposals(name),
        }
    }

    /// `X等有关部门` / `X等单位`: the unit named before 等, when it is one.
    fn named_before_etc(&self, key: &str) -> Option<Resolved> {
        let (head, _) = key.split_once('等')?;
        self.by_key.get(head).map(|id| Resolved::Named(*id))
    }

    fn existing(&self, ids: &[OrgId]) -> Vec<OrgId> {
        ids.iter()
            .copied()
            .filter(|id| self.members.contains(id))
            .collect()
    }

    /// The units of the group's kinds below the government, in directory order.
    fn group_units(&self, group: &GroupExpression) -> Vec<OrgId> {
        self.orgs
            .iter()
            .filter(|o| {
                o.id != self.government
                    && group.kinds.contains(&o.kind)
                    && self.members.contains(&o.id)
            })
            .map(|o| o.id)
            .collect()
    }

    /// Proposals among the units of this government only.
    fn proposals(&self, name: &str) -> Vec<OrgId> {
        let units: Vec<&Org> = self
            .orgs
            .iter()
            .filter(|o| self.members.contains(&o.id))
            .collect();
        let candidates: Vec<Vec<&str>> = units
            .iter()
            .map(|o| {
                std::iter::once(o.name.as_str())
                    .chain(o.aliases.iter().map(String::as_str))
                    .collect()
            })
            .collect();
        unit_match::propose(name, &candidates)
            .into_iter()
            .filter_map(|i| units.get(i).map(|o| o.id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use gongkai_domain::org::OrgKind;

    fn org(id: i64, parent: Option<i64>, name: &str, kind: OrgKind, aliases: &[&str]) -> Org {
        Org {
            id: OrgId(id),
            parent_id: parent.map(OrgId),
            name: name.to_string(),
            kind,
            credit_code: None,
            contact_phone: String::new(),
            contact_address: String::new(),
            contact_email: String::new(),
            sort_order: 0,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    fn directory() -> Vec<Org> {
        vec![
            org(1, None, "某区人民政府", OrgKind::Government, &["区政府"]),
            org(
                2,
                Some(1),
                "区人民政府办公室",
                OrgKind::Department,
                &["区府办"],
            ),
            org(3, Some(1), "区政务服务数据管理局", OrgKind::Department, &[]),
            org(4, Some(1), "沙井街道办事处", OrgKind::Street, &[]),
            org(5, Some(1), "新城街道办事处", OrgKind::Street, &[]),
            org(6, None, "邻区人民政府", OrgKind::Government, &[]),
            org(7, Some(6), "邻区某街道办事处", OrgKind::Street, &[]),
        ]
    }

    #[test]
    fn names_aliases_mappings_groups_and_named_parts_resolve_in_that_order() {
        let orgs = directory();
        let mut mapped = HashMap::new();
        mapped.insert(mappings::key("区政数局"), vec![OrgId(3)]);
        mapped.insert(mappings::key("街办"), vec![]);
        let resolver = UnitResolver::new(&orgs, OrgId(1), &mapped);
        assert_eq!(resolver.resolve("区府办"), Resolved::Named(OrgId(2)));
        assert_eq!(
            resolver.resolve(" 区人民政府办公室 "),
            Resolved::Named(OrgId(2))
        );
        assert_eq!(
            resolver.resolve("区政数局"),
            Resolved::Mapped(vec![OrgId(3)])
        );
        assert_eq!(resolver.resolve("街办").units(), &[] as &[OrgId]);
        assert_eq!(
            resolver.resolve("各街道"),
            Resolved::Group(vec![OrgId(4), OrgId(5)]),
            "only the streets below this government"
        );
        assert_eq!(
            resolver.resolve("区府办等有关部门"),
            Resolved::Named(OrgId(2))
        );
    }

    #[test]
    fn group_expressions_stand_for_the_units_of_their_kinds_below_the_government() {
        let none = HashMap::new();
        let orgs = vec![
            org(1, None, "某区人民政府", OrgKind::Government, &[]),
            org(2, Some(1), "区司法局", OrgKind::Department, &[]),
            org(3, Some(1), "区财政局", OrgKind::Department, &[]),
            org(4, Some(1), "解放碑街道", OrgKind::Street, &[]),
            org(5, Some(1), "朝天门街道", OrgKind::Street, &[]),
            org(6, Some(1), "歌乐山镇", OrgKind::Town, &[]),
            org(7, Some(1), "区档案馆", OrgKind::Institution, &[]),
            org(8, None, "邻区人民政府", OrgKind::Government, &[]),
            org(9, Some(8), "邻区某街道", OrgKind::Street, &[]),
        ];
        let resolver = UnitResolver::new(&orgs, OrgId(1), &none);
        let cases: [(&str, &[i64]); 4] = [
            ("各街道", &[4, 5]),
            ("区政府各部门", &[2, 3]),
            ("各镇政府(街道办)", &[4, 5, 6]),
            ("各驻区机构", &[7]),
        ];
        for (expression, expected) in cases {
            let expected: Vec<OrgId> = expected.iter().map(|id| OrgId(*id)).collect();
            assert_eq!(
                resolver.resolve(expression),
                Resolved::Group(expected),
                "{expression}"
            );
        }
    }

    #[test]
    fn an_unknown_name_gets_close_match_proposals() {
        let none = HashMap::new();
        let orgs = directory();
        let resolver = UnitResolver::new(&orgs, OrgId(1), &none);
        let Resolved::Unknown { proposals } = resolver.resolve("区数据局") else {
            panic!("should be unknown");
        };
        assert_eq!(proposals.first(), Some(&OrgId(3)));
        assert!(resolver.resolve("区数据局").is_unknown());
    }
}
