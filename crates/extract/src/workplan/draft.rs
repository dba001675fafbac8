//! A task as the assembly builds it, before its id and deadline are worked out.

/// A task as assembled, before ids and deadlines are worked out.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    pub path: Vec<String>,
    pub number: Option<String>,
    pub text: String,
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    pub deadline: Option<String>,
}
