//! The phrase as characters: digits in half or full width, the spaces between parts,
//! and byte offsets turned into character indexes and back.

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

pub(super) fn ascii_digit(c: char) -> char {
    if ('０'..='９').contains(&c) {
        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0')
    } else {
        c
    }
}

pub(super) fn skip_spaces(chars: &[(usize, char)], mut i: usize) -> usize {
    while chars
        .get(i)
        .is_some_and(|&(_, c)| c == ' ' || c == '\u{3000}')
    {
        i += 1;
    }
    i
}

pub(super) fn end_of_char(chars: &[(usize, char)], i: usize) -> usize {
    chars.get(i).map_or(0, |&(p, c)| p + c.len_utf8())
}

pub(super) fn index_after(chars: &[(usize, char)], byte: usize) -> usize {
    chars
        .iter()
        .position(|&(p, _)| p >= byte)
        .unwrap_or(chars.len())
}
