//! The throttle of sign-in attempts on one account: a progressive delay instead of a
//! lockout, so that nobody can lock a colleague out by typing wrong passwords for
//! them (ASVS V2.2.1; 等保 2.0 8.1.4.1 asks for a response to repeated failures, not
//! for a lock).
//!
//! The first [`FREE_FAILURES`] failures in a row cost nothing; each further one makes
//! the account wait twice as long before the next attempt is checked, up to
//! [`MAX_WAIT_SECONDS`]: 1, 2, 4 … 60 seconds. A successful sign-in, a new password or
//! an administrator's reset clears the count. Guessing is held to about one attempt a
//! minute per account, while the owner waits at most a minute.

/// Failures in a row that cost no wait (typing slips).
pub const FREE_FAILURES: i64 = 3;
/// The longest wait between two checked attempts.
pub const MAX_WAIT_SECONDS: i64 = 60;

/// Seconds the account waits after its `failures`-th failure in a row before the
/// next attempt is checked (0: none).
pub fn wait_after(failures: i64) -> i64 {
    let beyond = failures - FREE_FAILURES;
    if beyond <= 0 {
        return 0;
    }
    // 2^(beyond-1); the exponent is capped first, so the shift cannot overflow.
    (1_i64 << (beyond - 1).min(32)).min(MAX_WAIT_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_after_the_free_failures_up_to_a_minute() {
        let waits: Vec<i64> = (0..=12).map(wait_after).collect();
        assert_eq!(waits, [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(wait_after(i64::MAX), MAX_WAIT_SECONDS);
        assert_eq!(wait_after(-5), 0);
    }
}
