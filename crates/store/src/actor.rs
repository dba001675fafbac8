//! Who makes a change, as the write transactions and the audit log record it.

use crate::UserId;

/// Who makes a change: a signed-in user, or the system (CLI, start-up, import).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<UserId>,
    pub name: String,
}

impl Actor {
    /// A signed-in user.
    pub fn user(id: UserId, username: &str) -> Actor {
        Actor {
            user_id: Some(id),
            name: username.to_string(),
        }
    }

    /// An anonymous visitor, known only by their address (a failed sign-in).
    pub fn visitor(address: &str) -> Actor {
        Actor {
            user_id: None,
            name: format!("visitor:{address}"),
        }
    }

    /// The platform itself or an operator's command, e.g. `system:init` or `cli:user add`.
    pub fn system(name: &str) -> Actor {
        Actor {
            user_id: None,
            name: format!("system:{name}"),
        }
    }
}
