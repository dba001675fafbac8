//! Character classes of doc numbers and the reading of what follows the issuer code:
//! `[open year close] [第] serial [号]`.

/// Opening brackets seen around the year: 〔 is correct (GB/T 9704-2012 §7.2.5), the others
/// occur in the wild (metadata.md §5.3).
const OPEN: [char; 8] = ['〔', '﹝', '[', '(', '（', '【', '［', '〖'];

/// Closing brackets, in the order of [`OPEN`]; any may close any (mismatched pairs occur).
const CLOSE: [char; 8] = ['〕', '﹞', ']', ')', '）', '】', '］', '〗'];

pub(super) fn is_open(c: char) -> bool {
    OPEN.contains(&c)
}

fn is_close(c: char) -> bool {
    CLOSE.contains(&c)
}

/// A CJK unified ideograph (basic block, extension A, compatibility, extensions B and later).
pub(super) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// The ASCII digit of `c`, folding full-width ０–９ (U+FF10..) to ASCII.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - 0xFEE0),
        _ => None,
    }
}

fn is_digit(c: char) -> bool {
    ascii_digit(c).is_some()
}

/// Where the issuer code ends in a compact (whitespace-free) doc number: at the first
/// opening bracket if there is one, else (orders) at the first digit or 第 before a digit.
pub(super) fn issuer_end(chars: &[char]) -> usize {
    if let Some(open) = chars.iter().position(|c| is_open(*c)) {
        return open;
    }
    (0..chars.len())
        .find(|&i| {
            is_digit(chars[i])
                || (chars[i] == '第' && chars.get(i + 1).is_some_and(|c| is_digit(*c)))
        })
        .unwrap_or(chars.len())
}

/// What follows the issuer code.
#[derive(Debug)]
pub(super) struct Tail {
    /// The digits inside the year brackets, if there are brackets.
    pub year: Option<String>,
    /// The digits of the serial, possibly with leading zeros.
    pub serial: String,
    /// Whether the final 号 is present.
    pub has_hao: bool,
    /// Index just after the last character read.
    pub end: usize,
}

/// Reads `[open year close] [第] serial [号]` from the start of `chars`, skipping whitespace.
pub(super) fn tail(chars: &[char]) -> Result<Tail, &'static str> {
    let mut cursor = Cursor { chars, pos: 0 };
    let year = if cursor.eat(is_open) {
        let digits = cursor.digits();
        if digits.is_empty() || !cursor.eat(is_close) {
            return Err("年份括号不完整");
        }
        Some(digits)
    } else {
        None
    };
    cursor.eat(|c| c == '第');
    let serial = cursor.digits();
    if serial.is_empty() {
        return Err("缺少顺序号");
    }
    let has_hao = cursor.eat(|c| c == '号');
    Ok(Tail {
        year,
        serial,
        has_hao,
        end: cursor.pos,
    })
}

/// A reading position that steps over whitespace before each token.
struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Cursor<'_> {
    /// The next non-whitespace character and its index, without consuming it.
    fn peek(&self) -> Option<(usize, char)> {
        (self.pos..self.chars.len())
            .map(|i| (i, self.chars[i]))
            .find(|(_, c)| !c.is_whitespace())
    }

    /// Consumes the next non-whitespace character if it satisfies `wanted`.
    fn eat(&mut self, wanted: impl Fn(char) -> bool) -> bool {
        match self.peek() {
            Some((i, c)) if wanted(c) => {
                self.pos = i + 1;
                true
            }
            _ => false,
        }
    }

    /// Consumes a run of digits (whitespace between them is skipped), folded to ASCII.
    fn digits(&mut self) -> String {
        let mut digits = String::new();
        while let Some((i, d)) = self.peek().and_then(|(i, c)| Some((i, ascii_digit(c)?))) {
            digits.push(d);
            self.pos = i + 1;
        }
        digits
    }
}
