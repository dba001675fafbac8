//! Who runs the assessment.

use crate::access::{CurrentUser, UNIT_MANAGERS};
use crate::{Error, Result};

/// Only the disclosure office (or an administrator) runs the assessment.
pub(super) fn require_office(user: &CurrentUser) -> Result<()> {
    if UNIT_MANAGERS.iter().any(|&role| user.has_role(role)) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}
