//! Private tracking codes of what the public submits (requests, messages): a random
//! code shown once to the submitter, of which only a hash is kept.

use rand::Rng;
use sha2::{Digest, Sha256};

/// Characters of tracking codes: no 0/O, 1/I/L, so that a code read aloud is typed right.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH: usize = 12;

/// A new private tracking code, to be shown once.
pub(crate) fn new_tracking_code() -> String {
    let mut rng = rand::rng();
    (0..CODE_LENGTH)
        .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
        .collect()
}

/// The hash kept of a tracking code; spaces, hyphens and case do not matter.
pub(crate) fn tracking_hash(code: &str) -> String {
    let normalised: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    hex::encode(Sha256::digest(normalised.as_bytes()))
}
