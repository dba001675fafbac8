//! Decoding of plain-text files: UTF-8 first, the legacy Chinese encoding otherwise.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Decodes a text file. A byte-order mark decides (UTF-8 or UTF-16); without one, valid
/// UTF-8 is taken as UTF-8 and anything else as GB18030, the superset of GBK and GB2312
/// in which older Chinese government files are written. Decoding never fails: bytes
/// invalid even in GB18030 become U+FFFD.
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_length..).unwrap_or_default();
        return encoding.decode_without_bom_handling(rest).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => GB18030.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// Decodes an HTML page: a byte-order mark decides, then valid UTF-8 is UTF-8 (pages
/// saved by a browser are re-encoded but often keep their old `charset`), then the
/// encoding named by `label` (a WHATWG label such as `gbk`), then GB18030.
pub(crate) fn decode_with_label(bytes: &[u8], label: Option<&str>) -> String {
    if Encoding::for_bom(bytes).is_some() || std::str::from_utf8(bytes).is_ok() {
        return decode(bytes);
    }
    match label.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        Some(encoding) if encoding != UTF_8 => {
            encoding.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => GB18030.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn utf8_with_and_without_bom_is_taken_as_is() {
        assert_eq!(decode("政务公开".as_bytes()), "政务公开");
        assert_eq!(decode(b"\xEF\xBB\xBF\xE6\x94\xBF"), "政");
    }

    #[test]
    fn non_utf8_is_read_as_gb18030() {
        let (bytes, _, _) = GB18030.encode("关于印发﹝2020﹞74号的通知");
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode(&bytes), "关于印发﹝2020﹞74号的通知");
    }

    #[test]
    fn utf16_with_bom_is_recognised() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "通知".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes), "通知");
    }

    #[test]
    fn declared_label_wins_over_guessing() {
        let (bytes, _, _) = encoding_rs::BIG5.encode("政府");
        assert_eq!(decode_with_label(&bytes, Some("big5")), "政府");
        assert_eq!(decode_with_label("政府".as_bytes(), Some("utf-8")), "政府");
        assert_eq!(
            decode_with_label("政府".as_bytes(), Some("nonsense")),
            "政府"
        );
    }
}
