//! Use cases of accounts: add, change password, list, disable, re-enable and reset
//! (from the command line or, for platform administrators, the console), and the
//! first administrator created on an empty database.

use crate::access::{self, CurrentUser};
use crate::auth::hash_password_off_thread;
use crate::{App, Error, Result};
use gongkai_domain::org::OrgKind;
use gongkai_domain::password::check_password_policy;
use gongkai_domain::role::Role;
use gongkai_store::orgs::{self, OrgFields};
use gongkai_store::users::{self, NewUser, RoleGrant, User};
use gongkai_store::{Actor, OrgId, UserId};
use rand::Rng;
use rand::seq::IndexedRandom;

/// A new account as given on the command line or in a form.
#[derive(Debug, Clone)]
pub struct AccountInput {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub role: Role,
    /// The unit the role is granted for (by id, full name or alias).
    pub org: String,
}

/// Refuses user names that are not 2–32 letters, digits, `.`, `_` or `-`.
fn check_username(username: &str) -> Result<()> {
    let valid_chars = username
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if !(2..=32).contains(&username.len()) || !valid_chars {
        return Err(Error::invalid(
            "用户名",
            format!("“{username}”无效：应为 2 至 32 位字母、数字或 . _ -"),
        ));
    }
    Ok(())
}

/// Finds a unit by id, full name or alias.
pub async fn find_org(app: &App, reference: &str) -> Result<OrgId> {
    if let Ok(id) = reference.trim().parse::<OrgId>() {
        return Ok(orgs::get(&app.store, id).await?.id);
    }
    orgs::find_by_name(&app.store, reference)
        .await?
        .map(|o| o.id)
        .ok_or_else(|| Error::NotFound(format!("找不到单位“{reference}”")))
}

/// Creates an account with one role grant, covering the units below where the role
/// does by default ([`Role::covers_subtree_by_default`]).
pub async fn add(app: &App, actor: Actor, input: &AccountInput) -> Result<User> {
    let username = input.username.trim();
    check_username(username)?;
    check_password_policy(&input.password)?;
    let org_id = find_org(app, &input.org).await?;
    let display_name = match input.display_name.trim() {
        "" => username,
        name => name,
    };
    let new = NewUser {
        username: username.to_string(),
        display_name: display_name.to_string(),
        password_hash: hash_password_off_thread(&input.password).await?,
        grants: vec![RoleGrant {
            role: input.role,
            org_id,
            subtree: input.role.covers_subtree_by_default(),
        }],
    };
    let mut tx = app.store.begin(actor).await?;
    let user = users::create(&mut tx, &new).await?;
    tx.commit().await?;
    Ok(user)
}

/// Sets a new password (which must meet the policy) and ends the user's sessions.
pub async fn set_password(app: &App, actor: Actor, username: &str, password: &str) -> Result<()> {
    check_password_policy(password)?;
    let user = users::find_by_username(&app.store, username.trim())
        .await?
        .ok_or_else(|| Error::NotFound(format!("用户“{username}”不存在")))?;
    let hash = hash_password_off_thread(password).await?;
    let mut tx = app.store.begin(actor).await?;
    users::set_password(&mut tx, user.id, &hash).await?;
    tx.commit().await?;
    Ok(())
}

/// Every account.
pub async fn list(app: &App) -> Result<Vec<User>> {
    Ok(users::list(&app.store).await?)
}

/// What a platform administrator may do to an account from the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountChange {
    /// The account can no longer sign in; its sessions end.
    Disable,
    Enable,
    /// Clears the failures in a row and the wait they caused.
    ResetFailures,
}

/// Creates an account from the console: platform administrators only.
pub async fn add_by(app: &App, admin: &CurrentUser, input: &AccountInput) -> Result<User> {
    require_admin(app, admin).await?;
    add(app, Actor::user(admin.id, &admin.username), input).await
}

/// Disables, re-enables or resets an account from the console: platform
/// administrators only, and never their own account's status (an administrator who
/// disabled themselves would need the command line to get back in).
pub async fn change_by(
    app: &App,
    admin: &CurrentUser,
    id: UserId,
    change: AccountChange,
) -> Result<()> {
    require_admin(app, admin).await?;
    if id == admin.id && change == AccountChange::Disable {
        return Err(Error::invalid("账号", "不能停用自己正在使用的账号"));
    }
    let mut tx = app
        .store
        .begin(Actor::user(admin.id, &admin.username))
        .await?;
    match change {
        AccountChange::Disable => users::set_disabled(&mut tx, id, true).await?,
        AccountChange::Enable => users::set_disabled(&mut tx, id, false).await?,
        AccountChange::ResetFailures => users::reset_failed_logins(&mut tx, id).await?,
    }
    tx.commit().await?;
    Ok(())
}

async fn require_admin(app: &App, user: &CurrentUser) -> Result<()> {
    let all = orgs::list(&app.store).await?;
    access::require_platform_admin(user, &all)
}

/// A random password that meets the policy: 16 characters of all four classes.
pub fn generate_password() -> String {
    const CLASSES: [&[u8]; 4] = [
        b"ABCDEFGHJKLMNPQRSTUVWXYZ",
        b"abcdefghijkmnpqrstuvwxyz",
        b"23456789",
        b"-_.!@#%+=",
    ];
    let mut rng = rand::rng();
    let mut chars: Vec<char> = CLASSES
        .iter()
        .filter_map(|class| class.choose(&mut rng).map(|&b| char::from(b)))
        .collect();
    let all: Vec<u8> = CLASSES.concat();
    while chars.len() < 16 {
        if let Some(&b) = all.choose(&mut rng) {
            chars.push(char::from(b));
        }
    }
    for i in (1..chars.len()).rev() {
        chars.swap(i, rng.random_range(0..=i));
    }
    chars.into_iter().collect()
}

/// On an empty database: creates the agency's top-level unit (if there is none) and
/// an `admin` account with a random password, returned so it can be shown once.
pub async fn bootstrap_admin(app: &App) -> Result<Option<(String, String)>> {
    if users::count(&app.store).await? > 0 {
        return Ok(None);
    }
    let actor = Actor::system("bootstrap");
    let root = match orgs::list(&app.store)
        .await?
        .into_iter()
        .find(|o| o.parent_id.is_none())
    {
        Some(root) => root.id,
        None => {
            let fields = OrgFields::new(&app.settings.agency.name, OrgKind::Government, None);
            let mut tx = app.store.begin(actor.clone()).await?;
            let root = orgs::create(&mut tx, &fields).await?;
            tx.commit().await?;
            root.id
        }
    };
    let password = generate_password();
    let input = AccountInput {
        username: "admin".to_string(),
        display_name: "系统管理员".to_string(),
        password: password.clone(),
        role: Role::Admin,
        org: root.to_string(),
    };
    add(app, actor, &input).await?;
    Ok(Some(("admin".to_string(), password)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn generated_passwords_meet_the_policy_and_differ() {
        let a = generate_password();
        let b = generate_password();
        assert_ne!(a, b);
        for p in [a, b] {
            assert_eq!(p.chars().count(), 16);
            check_password_policy(&p).unwrap();
        }
    }

    #[test]
    fn user_names_are_short_plain_ascii() {
        assert!(check_username("zhang.san-2").is_ok());
        for bad in ["a", "张三", "with space", &"x".repeat(33)] {
            assert!(check_username(bad).is_err(), "{bad}");
        }
    }
}
