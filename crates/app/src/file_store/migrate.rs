//! Moving every stored file from one backend to another (`gongkai files migrate`):
//! each file missing at the target is read, its hash checked, and written; files
//! already there are left. Run it before switching `files.store`, and again after
//! stopping the server to catch what arrived meanwhile: it is idempotent.

use super::backend::FileStore;
use crate::{Error, Result};
use sha2::{Digest, Sha256};

/// What a migration did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Migration {
    /// Files written to the target.
    pub copied: usize,
    /// Files the target already held.
    pub present: usize,
}

/// Copies every file of `from` that `to` lacks, checking each one's hash.
pub async fn migrate(from: &FileStore, to: &FileStore) -> Result<Migration> {
    let present: std::collections::HashSet<String> = to.addresses().await?.into_iter().collect();
    let mut done = Migration::default();
    for sha256 in from.addresses().await? {
        if present.contains(&sha256) {
            done.present += 1;
            continue;
        }
        let bytes = from.get(&sha256).await?;
        if hex::encode(Sha256::digest(&bytes)) != sha256 {
            return Err(Error::Internal(format!(
                "文件 {sha256} 的内容与其哈希不符（文件已损坏），迁移已停止；此前已复制 {} 个",
                done.copied
            )));
        }
        to.put(&sha256, bytes).await?;
        done.copied += 1;
    }
    Ok(done)
}
