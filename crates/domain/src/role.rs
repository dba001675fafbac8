//! Roles of staff accounts. Each role is granted for one unit (and, where it makes
//! sense, its subtree); what a role may do is decided in the app layer.

use serde::{Deserialize, Serialize};

/// A staff role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Operates the platform: units, accounts, settings.
    Admin,
    /// The disclosure office (政务公开办) that leads and checks the work of its units.
    Office,
    /// Prepares content for publication.
    Editor,
    /// Reviews content before publication.
    Reviewer,
    /// Approves and follows the work (领导).
    Leader,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Office,
        Role::Editor,
        Role::Reviewer,
        Role::Leader,
    ];

    /// The stable code stored in the database and used on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Office => "office",
            Role::Editor => "editor",
            Role::Reviewer => "reviewer",
            Role::Leader => "leader",
        }
    }

    /// The name shown to people.
    pub fn label_zh(self) -> &'static str {
        match self {
            Role::Admin => "系统管理员",
            Role::Office => "政务公开办",
            Role::Editor => "编辑",
            Role::Reviewer => "审核人",
            Role::Leader => "领导",
        }
    }

    /// Whether a grant of this role covers the units below its unit by default:
    /// those who run or lead the work (admin, office, leader) see the whole subtree;
    /// those who write and check content (editor, reviewer) work for their own unit.
    pub fn covers_subtree_by_default(self) -> bool {
        matches!(self, Role::Admin | Role::Office | Role::Leader)
    }

    /// The role with this code, if any.
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_code() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("root"), None);
    }

    #[test]
    fn only_those_who_run_or_lead_the_work_cover_subtrees_by_default() {
        let covering: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.covers_subtree_by_default())
            .collect();
        assert_eq!(covering, [Role::Admin, Role::Office, Role::Leader]);
    }
}
