//! E-mail addresses as a reply can be sent to: one `@`, a local part of up to 64
//! characters from the RFC 5322 atom set with dots between atoms, and a domain of at
//! least two labels (letters of any script, digits, inner hyphens) whose last is not
//! all digits. Quoted local parts and address literals are not accepted: no one types
//! them into a government form, and many mail systems refuse them.

/// Whether `text` (half-width, trimmed) is a deliverable-looking address.
pub(super) fn is_valid(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    is_local_part(local) && is_domain(domain)
}

fn is_local_part(local: &str) -> bool {
    const SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-";
    (1..=64).contains(&local.len())
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || SPECIALS.contains(c))
        })
}

fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()));
    domain.len() <= 253 && labels.len() >= 2 && tld_ok && labels.iter().all(|l| is_label(l))
}

fn is_label(label: &str) -> bool {
    (1..=63).contains(&label.chars().count())
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
}
