//! Signing in and out: argon2id password hashes, the wait after repeated failures
//! (`gongkai_domain::sign_in`), and database-backed sessions with their CSRF token.

use crate::access::CurrentUser;
use crate::{App, Error, Result};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use gongkai_domain::sign_in;
use gongkai_store::users::User;
use gongkai_store::{Actor, Store, Timestamp, now, sessions, users};
use rand::RngCore;
use sha2::{Digest, Sha256};

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

/// One attempt to sign in, as typed, and where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Attempt<'a> {
    pub username: &'a str,
    pub password: &'a str,
    /// The client's address, for the audit log.
    pub address: &'a str,
}

/// Why an attempt failed, as the audit log records it (the client is never told).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    UnknownUser,
    Disabled,
    /// The account is within its wait after failures in a row ([`sign_in::wait_after`]).
    Waiting,
    WrongPassword,
}

impl Refusal {
    fn code(self) -> &'static str {
        match self {
            Refusal::UnknownUser => "unknown_user",
            Refusal::Disabled => "disabled",
            Refusal::Waiting => "waiting",
            Refusal::WrongPassword => "wrong_password",
        }
    }
}

/// Checks the password of `user` (if the name is known, enabled and not waiting)
/// and says why the attempt fails, if it does. Exactly one argon2 check is done on
/// every path, so the time taken does not tell the paths apart.
async fn check(user: Option<&User>, password: &str) -> Result<Option<Refusal>> {
    let at = now();
    let refusal = match user {
        None => Some(Refusal::UnknownUser),
        Some(u) if u.disabled => Some(Refusal::Disabled),
        Some(u) if u.locked_until.is_some_and(|until| until > at) => Some(Refusal::Waiting),
        Some(_) => None,
    };
    let hash = match (refusal, user) {
        (None, Some(u)) => u.password_hash.as_str(),
        _ => DUMMY_HASH,
    };
    let matches = password_matches_off_thread(password, hash).await?;
    Ok(match refusal {
        None if !matches => Some(Refusal::WrongPassword),
        other => other,
    })
}

/// Records a failed attempt in the audit log; a wrong password of a known account
/// also counts towards its wait.
async fn record_failure(
    store: &Store,
    user: Option<&User>,
    attempt: &Attempt<'_>,
    refusal: Refusal,
) -> Result<()> {
    let actor = Actor::visitor(attempt.address);
    let mut tx = store.begin(actor).await?;
    let mut details = serde_json::json!({
        "username": typed_name(attempt.username),
        "address": attempt.address,
        "reason": refusal.code(),
    });
    if let (Some(user), Refusal::WrongPassword) = (user, refusal) {
        let failures = users::count_failed_login(&mut tx, user.id).await?;
        let wait = sign_in::wait_after(failures);
        if wait > 0 {
            users::delay_logins(&mut tx, user.id, now() + chrono::Duration::seconds(wait)).await?;
        }
        details["failed_logins"] = failures.into();
        details["wait_seconds"] = wait.into();
    }
    let entity = user.map_or_else(String::new, |u| u.id.to_string());
    tx.record("user.login_failed", "user", entity, None, Some(details));
    tx.commit().await?;
    Ok(())
}

/// The user name as typed, trimmed and cut to a length the audit log can hold.
fn typed_name(username: &str) -> String {
    username.trim().chars().take(64).collect()
}

/// Checks a user name and password; on success opens a session.
///
/// An unknown user, a disabled account, an account waiting after failures and a
/// wrong password all get the same answer ([`Error::BadCredentials`]) in the same
/// time (one argon2 check and one audit write each), so that nothing tells which
/// user names exist. Every attempt, failed or not, is in the audit log with the
/// address and the name as typed.
pub async fn login(app: &App, attempt: &Attempt<'_>) -> Result<NewSession> {
    let store = &app.store;
    let user = users::find_by_username(store, attempt.username.trim()).await?;
    if let Some(refusal) = check(user.as_ref(), attempt.password).await? {
        record_failure(store, user.as_ref(), attempt, refusal).await?;
        return Err(Error::BadCredentials);
    }
    let Some(user) = user else {
        return Err(Error::BadCredentials);
    };
    let at = now();
    let mut tx = store.begin(Actor::user(user.id, &user.username)).await?;
    users::record_login(&mut tx, user.id, attempt.address).await?;
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

/// Finds the session of a cookie token. A session idle for longer than the idle
/// timeout, or older than the absolute lifetime, ends (and is deleted); a live one
/// is marked as used.
pub async fn session(app: &App, token: &str) -> Result<Option<SignedIn>> {
    let store = &app.store;
    let hash = token_hash(token);
    let Some(session) = sessions::find(store, &hash).await? else {
        return Ok(None);
    };
    let at = now();
    let server = &app.settings.server;
    let idle = chrono::Duration::minutes(i64::from(server.session_idle_minutes));
    let lifetime = chrono::Duration::hours(i64::from(server.session_lifetime_hours));
    if at - session.last_seen_at > idle || at - session.created_at > lifetime {
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
/// wrong current password counts towards the account's wait, as at sign-in). Every session of the user
/// ends, this one included: they sign in again with the new password.
pub async fn change_own_password(
    app: &App,
    user: &CurrentUser,
    current: &str,
    new: &str,
    confirmation: &str,
    address: &str,
) -> Result<()> {
    let stored = users::get(&app.store, user.id).await?;
    if let Some(refusal) = check(Some(&stored), current).await? {
        let attempt = Attempt {
            username: &stored.username,
            password: current,
            address,
        };
        record_failure(&app.store, Some(&stored), &attempt, refusal).await?;
        return Err(Error::invalid(
            "当前密码",
            "不正确，或连续输错后须稍等片刻再试",
        ));
    }
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
