//! Signing in and out: argon2id password hashes, the lockout after repeated
//! failures, and database-backed sessions with their CSRF token.

use crate::access::CurrentUser;
use crate::{App, Error, Result};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use gongkai_store::users::User;
use gongkai_store::{Actor, Store, Timestamp, now, sessions, users};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Failed sign-ins in a row after which an account locks (等保 requirement).
pub const MAX_FAILED_LOGINS: i64 = 5;
/// How long a locked account stays locked.
pub const LOCKOUT_MINUTES: i64 = 15;

/// Hashes a password with argon2id and a random salt.
pub fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0_u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Internal(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(e.to_string()))
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A random token of 32 bytes, hex-encoded.
pub fn random_token() -> String {
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new session: the token goes into the cookie, the CSRF token into forms.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub user: CurrentUser,
}

/// Checks a password on a blocking thread: argon2id takes tens of milliseconds of
/// CPU, which must not stall the server's other requests.
async fn password_matches_off_thread(password: &str, hash: &str) -> Result<bool> {
    let (password, hash) = (password.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || password_matches(&password, &hash))
        .await
        .map_err(|e| Error::Internal(format!("密码校验任务失败：{e}")))
}

/// Hashes a password on a blocking thread (as password checks are: argon2 is slow by design).
pub async fn hash_password_off_thread(password: &str) -> Result<String> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| Error::Internal(format!("密码处理任务失败：{e}")))?
}

/// Checks the password of an existing account, enforcing the lockout: a locked
/// account is refused even with the right password, and the fifth failure in a row
/// locks it for [`LOCKOUT_MINUTES`].
async fn verify_password(store: &Store, user: &User, password: &str) -> Result<()> {
    let at = now();
    if let Some(until) = user.locked_until.filter(|until| *until > at) {
        return Err(Error::Locked { until });
    }
    if !user.disabled && password_matches_off_thread(password, &user.password_hash).await? {
        return Ok(());
    }
    let mut tx = store.begin(Actor::user(user.id, &user.username)).await?;
    let failures = users::count_failed_login(&mut tx, user.id).await?;
    let locked_until =
        (failures >= MAX_FAILED_LOGINS).then(|| at + chrono::Duration::minutes(LOCKOUT_MINUTES));
    if let Some(until) = locked_until {
        users::lock(&mut tx, user.id, until).await?;
    }
    tx.commit().await?;
    Err(match locked_until {
        Some(until) => Error::Locked { until },
        None => Error::BadCredentials,
    })
}

/// Checks a user name and password; on success opens a session.
///
/// Every failure takes the time of a hash check and gives the same answer whether
/// or not the account exists.
pub async fn login(app: &App, username: &str, password: &str) -> Result<NewSession> {
    let store = &app.store;
    let Some(user) = users::find_by_username(store, username.trim()).await? else {
        // Spend the same time as a real check so that timing does not tell.
        password_matches_off_thread(password, DUMMY_HASH).await?;
        return Err(Error::BadCredentials);
    };
    verify_password(store, &user, password).await?;
    let at = now();
    let actor = Actor::user(user.id, &user.username);
    let mut tx = store.begin(actor).await?;
    users::record_login(&mut tx, user.id).await?;
    tx.commit().await?;
    let session = NewSession {
        token: random_token(),
        csrf_token: random_token(),
        user: CurrentUser::from_user(&user),
    };
    sessions::create(
        store,
        &sessions::Session {
            token_hash: token_hash(&session.token),
            user_id: user.id,
            csrf_token: session.csrf_token.clone(),
            created_at: at,
            last_seen_at: at,
        },
    )
    .await?;
    Ok(session)
}

/// An argon2id hash of a random password, checked against when the user is unknown.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2sMpN9ElbI/SKtcSLoqgbYT3/kdE2Q0HW1WPDlEYxlw";

/// The signed-in user of a session and the session's CSRF token.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: CurrentUser,
    pub csrf_token: String,
}

/// Finds the session of a cookie token. An idle session ends (and is deleted);
/// a live one is marked as used.
pub async fn session(app: &App, token: &str) -> Result<Option<SignedIn>> {
    let store = &app.store;
    let hash = token_hash(token);
    let Some(session) = sessions::find(store, &hash).await? else {
        return Ok(None);
    };
    let at = now();
    let idle = chrono::Duration::minutes(i64::from(app.settings.server.session_idle_minutes));
    if at - session.last_seen_at > idle {
        sessions::delete(store, &hash).await?;
        return Ok(None);
    }
    let user = users::get(store, session.user_id).await?;
    if user.disabled {
        sessions::delete(store, &hash).await?;
        return Ok(None);
    }
    touch_if_stale(store, &hash, session.last_seen_at, at).await?;
    Ok(Some(SignedIn {
        user: CurrentUser::from_user(&user),
        csrf_token: session.csrf_token,
    }))
}

/// Writes the last-seen time at most once a minute, to spare the database.
async fn touch_if_stale(store: &Store, hash: &str, last: Timestamp, at: Timestamp) -> Result<()> {
    if at - last > chrono::Duration::seconds(60) {
        sessions::touch(store, hash, at).await?;
    }
    Ok(())
}

/// Removes sessions idle for longer than the idle timeout.
pub async fn purge_idle_sessions(app: &App) -> Result<u64> {
    let idle = chrono::Duration::minutes(i64::from(app.settings.server.session_idle_minutes));
    Ok(sessions::purge_idle(&app.store, now() - idle).await?)
}

/// Changes the signed-in user's own password after checking the current one (a
/// wrong current password counts towards the lockout). Every session of the user
/// ends, this one included: they sign in again with the new password.
pub async fn change_own_password(
    app: &App,
    user: &CurrentUser,
    current: &str,
    new: &str,
    confirmation: &str,
) -> Result<()> {
    let stored = users::get(&app.store, user.id).await?;
    verify_password(&app.store, &stored, current)
        .await
        .map_err(|e| match e {
            Error::BadCredentials => Error::invalid("当前密码", "不正确"),
            other => other,
        })?;
    if new != confirmation {
        return Err(Error::invalid("确认新密码", "两次输入的新密码不一致"));
    }
    if new == current {
        return Err(Error::invalid("新密码", "不能与当前密码相同"));
    }
    gongkai_domain::password::check_password_policy(new)?;
    let hash = hash_password_off_thread(new).await?;
    let mut tx = app
        .store
        .begin(Actor::user(user.id, &user.username))
        .await?;
    users::set_password(&mut tx, user.id, &hash).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends a session and records the sign-out.
pub async fn logout(app: &App, token: &str, user: &CurrentUser) -> Result<()> {
    sessions::delete(&app.store, &token_hash(token)).await?;
    let mut tx = app
        .store
        .begin(Actor::user(user.id, &user.username))
        .await?;
    tx.record("user.logout", "user", user.id, None, None);
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_own_password() {
        let hash = hash_password("Correct-Horse-1").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(password_matches("Correct-Horse-1", &hash));
        assert!(!password_matches("correct-horse-1", &hash));
        assert!(!password_matches("Correct-Horse-1", "not a hash"));
    }

    #[test]
    fn the_dummy_hash_is_a_valid_argon2id_hash() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
