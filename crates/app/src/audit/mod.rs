//! Use cases of the audit log: the console's filtered view, chain verification and
//! the key that signs the chain.

mod key;

pub(crate) use key::install as install_key;

use crate::access::{self, CurrentUser};
use crate::{App, Result};
use gongkai_store::audit::{self, AuditFilter, AuditPage, VerifyReport};
use gongkai_store::orgs;

/// Entries per page of the console's audit log.
pub const PAGE_SIZE: i64 = 50;

/// A page of the audit log (1-based), for a platform administrator.
pub async fn list(
    app: &App,
    user: &CurrentUser,
    filter: &AuditFilter,
    page: i64,
) -> Result<AuditPage> {
    let all = orgs::list(&app.store).await?;
    access::require_platform_admin(user, &all)?;
    let offset = (page.max(1) - 1) * PAGE_SIZE;
    Ok(audit::list(&app.store, filter, PAGE_SIZE, offset).await?)
}

/// Recomputes the hash chain (the `gongkai audit verify` command).
pub async fn verify(app: &App) -> Result<VerifyReport> {
    Ok(audit::verify(&app.store).await?)
}
