//! The key of the audit chain, kept outside the database (等保 2.0: audit records
//! protected against tampering). From the entry `keyed_from` on, each entry's hash is
//! an HMAC-SHA256 under this key, so someone who can write the database but has not
//! the key cannot rewrite an entry and recompute the chain after it: the first
//! rewritten entry no longer matches. Entries before `keyed_from` (written before the
//! installation had a key) keep their plain SHA-256 links; `keyed_from` lives beside
//! the key, out of the database's reach, so the boundary cannot be moved either.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// A secret key and the first audit entry it signs.
#[derive(Clone)]
pub struct AuditKey {
    secret: Vec<u8>,
    keyed_from: i64,
}

impl AuditKey {
    /// A key of at least 32 bytes, signing entries from `keyed_from` on.
    pub fn new(secret: Vec<u8>, keyed_from: i64) -> Option<AuditKey> {
        (secret.len() >= 32 && keyed_from >= 1).then_some(AuditKey { secret, keyed_from })
    }

    /// The first entry this key signs.
    pub fn keyed_from(&self) -> i64 {
        self.keyed_from
    }

    /// Whether entry `seq` is signed with the key.
    pub(crate) fn signs(&self, seq: i64) -> bool {
        seq >= self.keyed_from
    }

    /// HMAC-SHA256 of `content`, hex-encoded.
    pub(crate) fn sign(&self, content: &[u8]) -> String {
        // HMAC takes a key of any length: `new_from_slice` cannot fail for it.
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.secret).map(|mut mac| {
            mac.update(content);
            hex::encode(mac.finalize().into_bytes())
        });
        mac.unwrap_or_default()
    }
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditKey")
            .field("secret", &"***")
            .field("keyed_from", &self.keyed_from)
            .finish()
    }
}
