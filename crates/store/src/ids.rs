//! Typed row identifiers, so that a unit's id cannot be passed where a user's is due.

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[derive(serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    };
}

id_type!(
    /// A unit (单位) of the organisation directory.
    OrgId
);
id_type!(
    /// A local user account.
    UserId
);
id_type!(
    /// A document of the policy library.
    DocumentId
);
id_type!(
    /// A work plan (工作要点, 任务分工方案) turned into a ledger.
    PlanId
);
id_type!(
    /// A task of a work-plan ledger.
    TaskId
);
id_type!(
    /// A disclosure request (依申请公开).
    RequestId
);
id_type!(
    /// A public consultation on a draft (征求意见).
    ConsultationId
);
id_type!(
    /// A box that takes messages (区长信箱, 部门信箱…).
    MailboxId
);
id_type!(
    /// A message to the agency (留言).
    MessageId
);
