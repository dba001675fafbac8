//! Local user accounts and their role grants.
//!
//! Password hashes are produced and checked in the app layer; this module only
//! stores them and never puts them into the audit log.

use crate::time::{from_text, to_text};
use crate::{Error, OrgId, Result, Store, Timestamp, UserId, WriteTx, now};
use gongkai_domain::role::Role;
use serde::Serialize;
use sqlx::{AnyConnection, Row};

/// A role granted for a unit, and for the units below it when `subtree` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RoleGrant {
    pub role: Role,
    pub org_id: OrgId,
    pub subtree: bool,
}

/// A user account as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub failed_logins: i64,
    pub locked_until: Option<Timestamp>,
    pub disabled: bool,
    pub created_at: Timestamp,
    pub grants: Vec<RoleGrant>,
}

/// What the audit log keeps of a user: everything but the password hash.
#[derive(Serialize)]
struct AuditView<'a> {
    username: &'a str,
    display_name: &'a str,
    disabled: bool,
    grants: &'a [RoleGrant],
}

fn audit_view(user: &User) -> serde_json::Value {
    serde_json::to_value(AuditView {
        username: &user.username,
        display_name: &user.display_name,
        disabled: user.disabled,
        grants: &user.grants,
    })
    .unwrap_or(serde_json::Value::Null)
}

/// A new account.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub grants: Vec<RoleGrant>,
}

const COLUMNS: &str = "id, username, display_name, password_hash, failed_logins, locked_until, \
                       disabled, created_at";

/// Creates an account with its role grants.
pub async fn create(tx: &mut WriteTx, new: &NewUser) -> Result<User> {
    let at = to_text(now());
    let row = sqlx::query(
        "INSERT INTO users (username, display_name, password_hash, created_at, password_changed_at) \
         VALUES ($1, $2, $3, $4, $4) RETURNING id",
    )
    .bind(&new.username)
    .bind(&new.display_name)
    .bind(&new.password_hash)
    .bind(&at)
    .fetch_one(tx.conn())
    .await
    .map_err(|e| Error::on_unique(e, "用户名", &new.username))?;
    let id = UserId(row.try_get("id")?);
    insert_grants(tx.conn(), id, &new.grants).await?;
    let user = fetch(tx.conn(), id).await?;
    tx.record("user.create", "user", id, None, Some(audit_view(&user)));
    Ok(user)
}

/// Replaces the role grants of an account and ends its sessions.
pub async fn set_grants(tx: &mut WriteTx, id: UserId, grants: &[RoleGrant]) -> Result<User> {
    let before = fetch(tx.conn(), id).await?;
    sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    insert_grants(tx.conn(), id, grants).await?;
    end_sessions(tx, id).await?;
    let after = fetch(tx.conn(), id).await?;
    tx.record(
        "user.grants",
        "user",
        id,
        Some(audit_view(&before)),
        Some(audit_view(&after)),
    );
    Ok(after)
}

async fn insert_grants(conn: &mut AnyConnection, id: UserId, grants: &[RoleGrant]) -> Result<()> {
    for g in grants {
        sqlx::query(
            "INSERT INTO user_roles (user_id, role, org_id, subtree) VALUES ($1, $2, $3, $4)",
        )
        .bind(id.0)
        .bind(g.role.code())
        .bind(g.org_id.0)
        .bind(i64::from(g.subtree))
        .execute(&mut *conn)
        .await
        .map_err(|e| Error::on_unique(e, "角色", g.role.label_zh()))?;
    }
    Ok(())
}

/// Stores a new password hash, clears a lockout, and ends every session of the user.
pub async fn set_password(tx: &mut WriteTx, id: UserId, password_hash: &str) -> Result<()> {
    let at = to_text(now());
    let done = sqlx::query(
        "UPDATE users SET password_hash = $1, password_changed_at = $2, failed_logins = 0, \
         locked_until = NULL WHERE id = $3",
    )
    .bind(password_hash)
    .bind(&at)
    .bind(id.0)
    .execute(tx.conn())
    .await?;
    updated(&done, id)?;
    end_sessions(tx, id).await?;
    tx.record("user.password", "user", id, None, None);
    Ok(())
}

/// Ends every session of a user: after a change of password, roles or status, the
/// user signs in again (ASVS V3.3.3).
async fn end_sessions(tx: &mut WriteTx, id: UserId) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Counts a failed sign-in and returns the failures in a row, counted atomically so
/// that parallel attempts cannot slip past the wait (the app records the attempt).
pub async fn count_failed_login(tx: &mut WriteTx, id: UserId) -> Result<i64> {
    let row = sqlx::query(
        "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins",
    )
    .bind(id.0)
    .fetch_optional(tx.conn())
    .await?
    .ok_or_else(|| not_found(id))?;
    Ok(row.try_get("failed_logins")?)
}

/// Checks no sign-in of the account before `until` (the wait after failures in a
/// row; the column keeps its old name `locked_until`).
pub async fn delay_logins(tx: &mut WriteTx, id: UserId, until: Timestamp) -> Result<()> {
    sqlx::query("UPDATE users SET locked_until = $1 WHERE id = $2")
        .bind(to_text(until))
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Clears the failures in a row and any wait: an administrator's reset.
pub async fn reset_failed_logins(tx: &mut WriteTx, id: UserId) -> Result<()> {
    let done = sqlx::query("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    updated(&done, id)?;
    tx.record("user.reset_failures", "user", id, None, None);
    Ok(())
}

/// Disables or re-enables an account; disabling ends its sessions.
pub async fn set_disabled(tx: &mut WriteTx, id: UserId, disabled: bool) -> Result<()> {
    let done = sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
        .bind(i64::from(disabled))
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    updated(&done, id)?;
    end_sessions(tx, id).await?;
    let action = if disabled {
        "user.disable"
    } else {
        "user.enable"
    };
    tx.record(action, "user", id, None, None);
    Ok(())
}

/// Records a successful sign-in from `address` and clears the failure count.
pub async fn record_login(tx: &mut WriteTx, id: UserId, address: &str) -> Result<()> {
    sqlx::query("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    let after = serde_json::json!({ "address": address });
    tx.record("user.login", "user", id, None, Some(after));
    Ok(())
}

/// `NotFound` when an update of account `id` changed no row.
fn updated(done: &sqlx::any::AnyQueryResult, id: UserId) -> Result<()> {
    if done.rows_affected() == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

fn not_found(id: UserId) -> Error {
    Error::NotFound {
        entity: "用户",
        id: id.to_string(),
    }
}

fn user_from_row(row: &sqlx::any::AnyRow) -> Result<User> {
    let locked_until: Option<String> = row.try_get("locked_until")?;
    Ok(User {
        id: UserId(row.try_get("id")?),
        username: row.try_get("username")?,
        display_name: row.try_get("display_name")?,
        password_hash: row.try_get("password_hash")?,
        failed_logins: row.try_get("failed_logins")?,
        locked_until: locked_until.as_deref().map(from_text).transpose()?,
        disabled: row.try_get::<i64, _>("disabled")? != 0,
        created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
        grants: Vec::new(),
    })
}

async fn grants_of(conn: &mut AnyConnection, id: UserId) -> Result<Vec<RoleGrant>> {
    let rows = sqlx::query(
        "SELECT role, org_id, subtree FROM user_roles WHERE user_id = $1 ORDER BY role, org_id",
    )
    .bind(id.0)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let code: String = r.try_get("role")?;
            let role = Role::from_code(&code)
                .ok_or_else(|| Error::Corrupt(format!("未知角色“{code}”")))?;
            Ok(RoleGrant {
                role,
                org_id: OrgId(r.try_get("org_id")?),
                subtree: r.try_get::<i64, _>("subtree")? != 0,
            })
        })
        .collect()
}

async fn fetch(conn: &mut AnyConnection, id: UserId) -> Result<User> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| not_found(id))?;
    let mut user = user_from_row(&row)?;
    user.grants = grants_of(conn, id).await?;
    Ok(user)
}

/// One account by id.
pub async fn get(store: &Store, id: UserId) -> Result<User> {
    let mut conn = store.pool().acquire().await?;
    fetch(&mut conn, id).await
}

/// The account with this user name, if any.
pub async fn find_by_username(store: &Store, username: &str) -> Result<Option<User>> {
    let mut conn = store.pool().acquire().await?;
    let row = sqlx::query("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(row) => fetch(&mut conn, UserId(row.try_get("id")?)).await.map(Some),
        None => Ok(None),
    }
}

/// Every account, by user name.
pub async fn list(store: &Store) -> Result<Vec<User>> {
    let mut conn = store.pool().acquire().await?;
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM users ORDER BY username"))
        .fetch_all(&mut *conn)
        .await?;
    let mut users = rows.iter().map(user_from_row).collect::<Result<Vec<_>>>()?;
    for user in &mut users {
        user.grants = grants_of(&mut conn, user.id).await?;
    }
    Ok(users)
}

/// The number of accounts.
pub async fn count(store: &Store) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM users")
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get("n")?)
}
