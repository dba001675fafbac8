//! The installation's audit key file: read at start, created on the first start.
//!
//! The key sits outside the database (`DATA/audit.key` unless `[audit] key_file`
//! names another place), so that someone who can write the database cannot re-sign
//! a rewritten chain (等保 2.0 三级：审计记录应受到保护，避免受到未预期的删除、修改或覆盖).
//! A new key signs from the entry after the chain's head on; the file records that
//! boundary beside the secret. Every node of a cluster must use the same file.

use crate::{Actor, Error, Result, Store};
use gongkai_store::AuditKey;
use gongkai_store::audit;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// The key file's contents.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    /// The first audit entry the key signs.
    keyed_from: i64,
    /// The secret, hex-encoded (32 bytes).
    secret: String,
}

const HEADER: &str = "# gongkai 审计密钥：审计日志自 keyed_from 条起以此密钥签名。\n\
# 请妥善保管并另存一份副本；集群的每个节点须使用同一文件；丢失后已签名的记录无法再核验。\n";

/// The store with the key of `path`, the key created first when the file is missing.
pub(crate) async fn install(store: Store, path: &Path) -> Result<Store> {
    let key = match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(&store, path).await?,
        Err(e) => return Err(Error::io(path)(e)),
    };
    Ok(store.with_audit_key(key))
}

fn parse(text: &str, path: &Path) -> Result<AuditKey> {
    let invalid = |reason: &str| Error::Config {
        key: path.display().to_string(),
        reason: reason.to_string(),
    };
    let file: KeyFile = toml::from_str(text).map_err(|e| invalid(e.message()))?;
    let secret = hex::decode(file.secret.trim()).map_err(|_| invalid("secret 应为十六进制"))?;
    AuditKey::new(secret, file.keyed_from)
        .ok_or_else(|| invalid("secret 至少 32 字节，keyed_from 至少为 1"))
}

/// Creates the key file (owner-only), or reads the one another process created
/// meanwhile, and records the start of the keyed chain in the log itself.
async fn create(store: &Store, path: &Path) -> Result<AuditKey> {
    let (head, _) = audit::head(store).await?;
    let file = KeyFile {
        keyed_from: head + 1,
        secret: hex::encode(rand::random::<[u8; 32]>()),
    };
    let text = toml::to_string(&file).map_err(|e| Error::Internal(e.to_string()))?;
    if !write_new(path, &format!("{HEADER}{text}"))? {
        let text = std::fs::read_to_string(path).map_err(Error::io(path))?;
        return parse(&text, path);
    }
    let key = parse(&text, path)?;
    let keyed = store.clone().with_audit_key(key.clone());
    let mut tx = keyed.begin(Actor::system("audit")).await?;
    let details = serde_json::json!({ "keyed_from": key.keyed_from() });
    tx.record("audit.keyed", "audit", "key", None, Some(details));
    tx.commit().await?;
    tracing::info!(path = %path.display(), keyed_from = key.keyed_from(), "created the audit key");
    Ok(key)
}

/// Writes `text` to a new file at `path` readable by its owner only; false when a
/// file is already there (never overwritten).
fn write_new(path: &Path, text: &str) -> Result<bool> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&tmp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    written.map_err(Error::io(&tmp))?;
    // A hard link publishes the complete file atomically and fails if one exists.
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(Error::io(path)(e)),
    }
}
