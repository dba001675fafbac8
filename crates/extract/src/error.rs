//! The crate's single error type, and the result type that carries it.
//!
//! Every fallible function of `gongkai-extract` returns [`Error`]. Corrupt or unsupported
//! input is always an `Err`, never a panic. `Display` is in Chinese (zh-CN) because it
//! reaches users as is; [`Error::code`] gives a stable machine code for APIs and logs.

/// Result type of every fallible function of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can go wrong while turning bytes into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A .docx file that is not a readable zip archive, or whose parts cannot be read.
    #[error("Word 文档（.docx）无法读取，文件可能已损坏或并非 .docx 格式（{reason}）")]
    InvalidDocx { reason: String },

    /// A .docx archive without the main document part `word/document.xml`.
    #[error("Word 文档（.docx）缺少正文部分：{part}")]
    MissingDocxPart { part: String },

    /// A .docx whose XML is not well-formed WordprocessingML.
    #[error("Word 文档（.docx）的 XML 有误：{reason}")]
    InvalidDocxXml { reason: String },

    /// A .pdf file that cannot be parsed or whose text layer cannot be read.
    #[error("PDF 文件无法读取，文件可能已损坏或加密（{reason}）")]
    InvalidPdf { reason: String },

    /// A PDF whose text layer is not text (fonts without a usable character map).
    #[error(
        "PDF 的文字无法读取：文件中的文字没有可用的字符编码（常见于部分打印或转换生成的 PDF，或扫描件），提取出的是乱码。请提供 Word 文档，或可以复制出正确文字的 PDF"
    )]
    UnreadablePdfText,

    /// A .xlsx file that is not a readable workbook.
    #[error("Excel 工作簿（.xlsx）无法读取，文件可能已损坏或并非 .xlsx 格式（{reason}）")]
    InvalidXlsx { reason: String },

    /// A compressed part that expands beyond the size this crate accepts.
    #[error("文件内容过大：{what}解压后超过 {limit} 字节")]
    TooLarge { what: String, limit: usize },
}

impl Error {
    /// A stable snake_case machine code for this kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidDocx { .. } => "invalid_docx",
            Error::MissingDocxPart { .. } => "missing_docx_part",
            Error::InvalidDocxXml { .. } => "invalid_docx_xml",
            Error::InvalidPdf { .. } => "invalid_pdf",
            Error::UnreadablePdfText => "unreadable_pdf_text",
            Error::InvalidXlsx { .. } => "invalid_xlsx",
            Error::TooLarge { .. } => "too_large",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_snake_case() {
        let cases = [
            (Error::InvalidDocx { reason: "x".into() }, "invalid_docx"),
            (
                Error::MissingDocxPart {
                    part: "word/document.xml".into(),
                },
                "missing_docx_part",
            ),
            (
                Error::InvalidDocxXml { reason: "x".into() },
                "invalid_docx_xml",
            ),
            (Error::InvalidPdf { reason: "x".into() }, "invalid_pdf"),
            (Error::UnreadablePdfText, "unreadable_pdf_text"),
            (Error::InvalidXlsx { reason: "x".into() }, "invalid_xlsx"),
            (
                Error::TooLarge {
                    what: "x".into(),
                    limit: 1,
                },
                "too_large",
            ),
        ];
        for (error, code) in cases {
            assert_eq!(error.code(), code);
            assert!(code.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
    }

    #[test]
    fn display_is_chinese_and_names_the_cause() {
        let error = Error::MissingDocxPart {
            part: "word/document.xml".into(),
        };
        assert_eq!(
            error.to_string(),
            "Word 文档（.docx）缺少正文部分：word/document.xml"
        );
        let error = Error::TooLarge {
            what: "word/document.xml".into(),
            limit: 10,
        };
        assert_eq!(
            error.to_string(),
            "文件内容过大：word/document.xml解压后超过 10 字节"
        );
    }
}
