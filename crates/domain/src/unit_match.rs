//! Close-match proposals for unit names a work plan writes that the directory does not
//! know: 区府办 for 区政府办公室, 区政数局 for 区政务服务数据管理局, a typo for the right name.
//!
//! Plans abbreviate by keeping some characters of the full name in order, so the
//! strongest proposal is a full name that contains the written name as a subsequence;
//! otherwise names sharing most of their character pairs are proposed. These are
//! proposals for a person to confirm, never an automatic mapping.

use crate::org::normalize_unit_name;

/// How many proposals a name gets at most.
pub const MAX_PROPOSALS: usize = 3;

/// The least share of shared character pairs (Dice coefficient, in per cent) for a
/// name that is no abbreviation to be proposed.
const MIN_PAIR_SHARE: u32 = 50;

/// The candidates closest to `written`, best first: indices into `candidates`, at most
/// [`MAX_PROPOSALS`]. Each candidate is a unit's names (full name, then aliases); a unit
/// is ranked by its best name.
pub fn propose<S: AsRef<str>>(written: &str, candidates: &[Vec<S>]) -> Vec<usize> {
    let written = normalize_unit_name(written);
    if written.chars().count() < 2 {
        return Vec::new();
    }
    let mut scored: Vec<(u32, usize)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, names)| {
            names
                .iter()
                .filter_map(|name| score(&written, &normalize_unit_name(name.as_ref())))
                .max()
                .map(|s| (s, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(MAX_PROPOSALS)
        .map(|(_, i)| i)
        .collect()
}

/// A score out of 300: abbreviations (200–300, higher for the same first character and
/// a closer length) rank above names sharing character pairs (50–100).
fn score(written: &str, full: &str) -> Option<u32> {
    if written == full {
        return Some(300);
    }
    if is_subsequence(written, full) {
        let (w, f) = (written.chars().count(), full.chars().count().max(1));
        let same_start = written.chars().next() == full.chars().next();
        let closeness = u32::try_from(w * 50 / f).unwrap_or(50);
        return Some(200 + if same_start { 50 } else { 0 } + closeness);
    }
    let share = pair_share(written, full);
    (share >= MIN_PAIR_SHARE).then_some(share)
}

/// Whether every character of `short` occurs in `long` in the same order.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

/// Dice coefficient of the character pairs of two names, in per cent.
fn pair_share(a: &str, b: &str) -> u32 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (pa, mut pb) = (pairs(a), pairs(b));
    let total = pa.len() + pb.len();
    if total == 0 {
        return 0;
    }
    let mut shared = 0;
    for pair in &pa {
        if let Some(i) = pb.iter().position(|p| p == pair) {
            pb.swap_remove(i);
            shared += 1;
        }
    }
    u32::try_from(shared * 200 / total).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> Vec<Vec<&'static str>> {
        vec![
            vec!["区人民政府办公室", "区政府办"],
            vec!["区政务服务数据管理局"],
            vec!["区发展和改革委员会"],
            vec!["区司法局"],
            vec!["区市场监督管理局"],
            vec!["沙井街道办事处"],
        ]
    }

    #[test]
    fn abbreviations_propose_the_full_name_first() {
        let units = directory();
        assert_eq!(propose("区政数局", &units).first(), Some(&1));
        assert_eq!(propose("区发改委", &units).first(), Some(&2));
        assert_eq!(propose("区府办", &units).first(), Some(&0));
        assert_eq!(propose("沙井街办", &units).first(), Some(&5));
    }

    #[test]
    fn a_typo_proposes_the_name_sharing_most_pairs() {
        let units = directory();
        assert_eq!(propose("区市场监管理局", &units).first(), Some(&4));
        assert_eq!(propose("区司法所", &units).first(), Some(&3));
    }

    #[test]
    fn unrelated_or_too_short_names_get_no_proposal_and_at_most_three_are_given() {
        let units = directory();
        assert!(propose("气象台", &units).is_empty());
        assert!(propose("区", &units).is_empty());
        assert!(propose("区局", &units).len() <= MAX_PROPOSALS);
    }
}
