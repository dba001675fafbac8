//! Corrupt input is an `Err` or text, never a panic.

use gongkai_extract::{SourceKind, parse_page, text_of};

use crate::text_of::{sample_docx, sample_pdf};

const KINDS: [SourceKind; 4] = [
    SourceKind::Text,
    SourceKind::Html,
    SourceKind::Docx,
    SourceKind::Pdf,
];

/// A deterministic xorshift64 generator, so a failure can be replayed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap()).unwrap()
    }

    fn bytes(&mut self, length: usize) -> Vec<u8> {
        (0..length).map(|_| self.next().to_le_bytes()[0]).collect()
    }
}

/// Random bytes, some starting like a zip or a PDF, some made of label/bracket
/// fragments so that the page parser's paths are reached.
fn random_inputs() -> Vec<Vec<u8>> {
    const PIECES: &[&str] = &[
        "[",
        "]",
        "【",
        "】",
        "［",
        "］",
        " ",
        "\u{a0}",
        "\u{3000}",
        "\n",
        ":",
        "：",
        "索引号",
        "发文字号",
        "来源",
        "信息来源",
        "发布时间",
        "成文日期",
        "点击数",
        "2020",
        "-",
        "年",
        "月",
        "日",
        "〔",
        "〕",
        "号",
        "关于",
        "通知",
        "办公室",
        "9",
        "15",
        "•",
        "二〇二〇",
        "十",
        "<p>",
        "</p>",
        "<br>",
        "<script>",
        "<w:t>",
        "%PDF-1.4",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut inputs = Vec::new();
    for n in 0..300 {
        let length = rng.below(1500);
        let mut bytes = match n % 4 {
            0 => b"PK\x03\x04".to_vec(),
            1 => b"%PDF-1.7\n".to_vec(),
            _ => Vec::new(),
        };
        if n % 3 == 2 {
            for _ in 0..rng.below(200) {
                let piece = PIECES.get(rng.below(PIECES.len())).unwrap();
                bytes.extend_from_slice(piece.as_bytes());
            }
        } else {
            bytes.extend(rng.bytes(length));
        }
        inputs.push(bytes);
    }
    inputs
}

/// Valid files with a few bytes flipped or cut off, to reach deeper parser code.
fn mutated_inputs() -> Vec<Vec<u8>> {
    let mut rng = XorShift(0xD1B5_4A32_D192_ED03);
    let originals = [sample_docx(), sample_pdf("Hello 2020")];
    let mut inputs = Vec::new();
    for original in &originals {
        for _ in 0..150 {
            let mut bytes = original.clone();
            for _ in 0..=rng.below(8) {
                let at = rng.below(bytes.len());
                if let Some(b) = bytes.get_mut(at) {
                    *b = rng.next().to_le_bytes()[0];
                }
            }
            if rng.below(4) == 0 {
                bytes.truncate(rng.below(bytes.len()));
            }
            inputs.push(bytes);
        }
    }
    inputs
}

#[test]
fn random_bytes_never_panic_and_are_errors_as_docx_or_pdf() {
    for (n, bytes) in random_inputs().iter().enumerate() {
        for kind in KINDS {
            let result = text_of(bytes, kind);
            if matches!(kind, SourceKind::Docx | SourceKind::Pdf) && n % 3 != 2 {
                assert!(result.is_err(), "input {n} as {kind:?} gave {result:?}");
            }
            if let Ok(text) = result {
                assert!(!text.contains('\r'), "input {n} as {kind:?}");
            }
        }
    }
}

#[test]
fn mutated_documents_never_panic() {
    for bytes in mutated_inputs() {
        for kind in KINDS {
            let _ = text_of(&bytes, kind);
        }
    }
}

#[test]
fn parse_page_never_panics_on_any_text() {
    for bytes in random_inputs().iter().chain(mutated_inputs().iter()) {
        let text = String::from_utf8_lossy(bytes);
        let page = parse_page(&text);
        if let Some(title) = &page.title {
            assert!(!title.is_empty());
        }
    }
}

#[test]
fn deeply_nested_pdf_objects_are_errors_not_stack_overflows() {
    let nested = |open: &[u8]| {
        let mut bytes = b"%PDF-1.4\n1 0 obj\n".to_vec();
        bytes.extend(std::iter::repeat_n(open, 100_000).flatten());
        bytes.extend_from_slice(b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        bytes
    };
    for open in [b"[".as_slice(), b"<</A ".as_slice()] {
        assert!(text_of(&nested(open), SourceKind::Pdf).is_err());
    }
}

/// Random and mutated work plans never make the ledger extractor panic.
#[test]
fn workplan_extraction_never_panics_on_random_or_mutated_text() {
    const PIECES: &[&str] = &[
        "一、",
        "（一）",
        "(二)",
        "1.",
        "2、",
        "（1）",
        "①",
        "\n",
        "\n\n",
        "\t",
        "\t\n",
        " | ",
        "责任单位：",
        "牵头单位:",
        "完成时限:",
        "(",
        ")",
        "〔",
        "〕",
        "、",
        "，",
        "；",
        "。",
        "区政府办公室",
        "各街道",
        "牵头",
        "负责",
        "2022年",
        "7月底前",
        "年底前",
        "上半年",
        "持续推进",
        "序号 目标任务 任务内容 责任单位 工作时限 ",
        "1 ",
        "202011月底前",
        "220201030日前",
        "第三季度",
        "10月下旬",
        "—",
        "等有关部门",
    ];
    let mut rng = XorShift(0x5eed_1234_abcd_0042);
    for _ in 0..400 {
        let n = rng.below(60);
        let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        let _ = gongkai_extract::extract_workplan(&text);
        let _ = gongkai_extract::extract_workplan_from(&rng.bytes(n * 3), SourceKind::Text);
    }
    for seed in [
        "000_3335da6467c3606d.txt",
        "002_cc9e57af21d3afad.txt",
        "004_2f6965311e0af134.txt",
    ] {
        let text = String::from_utf8_lossy(&crate::fixture(seed)).into_owned();
        let chars: Vec<char> = text.chars().collect();
        for _ in 0..30 {
            let mut mutated = chars.clone();
            for _ in 0..20 {
                let at = rng.below(mutated.len());
                match rng.below(3) {
                    0 => {
                        mutated.remove(at);
                    }
                    1 => mutated.insert(
                        at,
                        PIECES[rng.below(PIECES.len())]
                            .chars()
                            .next()
                            .unwrap_or(' '),
                    ),
                    _ => mutated.truncate(at.max(1)),
                }
                if mutated.is_empty() {
                    break;
                }
            }
            let _ = gongkai_extract::extract_workplan(&mutated.iter().collect::<String>());
        }
    }
}
