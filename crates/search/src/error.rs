//! The crate's single error type, and the result type that carries it.
//!
//! `Display` is in Chinese (zh-CN) like the other crates' errors; [`Error::code`] gives a
//! stable machine code for logs and APIs. A visitor's query never produces an error: odd
//! input is searched as text (see [`crate::query`]), so every variant here is a platform
//! failure the app layer logs and reports as such.

use std::path::PathBuf;

/// Result type of every fallible function of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can go wrong with the search index.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The index directory cannot be created or opened.
    #[error("无法打开搜索索引目录 {path}：{reason}")]
    Directory { path: PathBuf, reason: String },

    /// tantivy failed: I/O, a corrupt or incompatible index, a failed commit.
    #[error("搜索索引出错：{0}")]
    Index(#[from] tantivy::TantivyError),

    /// The payload of the last commit is not an outbox sequence number.
    #[error("搜索索引的提交记录无法识别：{payload}")]
    Payload { payload: String },

    /// A stored document lacks a field every indexed document has.
    #[error("搜索索引中的文件记录不完整：{reason}")]
    Corrupt { reason: String },

    /// A line of a synonym lexicon that cannot be used.
    #[error("同义词表第 {line} 行有误：{reason}")]
    Lexicon { line: usize, reason: String },

    /// Another process (the running server) holds the index's writer.
    #[error("搜索索引正由另一个进程（如正在运行的服务）写入，请稍后再试或先停止服务")]
    WriterBusy,

    /// A thread panicked while holding the index writer; the process should restart.
    #[error("搜索索引写入器不可用（此前的写入异常中断）")]
    WriterPoisoned,
}

impl Error {
    /// A stable snake_case machine code for this kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Directory { .. } => "search_index_directory",
            Error::Index(_) => "search_index",
            Error::Payload { .. } => "search_index_payload",
            Error::Corrupt { .. } => "search_index_corrupt",
            Error::WriterPoisoned => "search_writer_poisoned",
            Error::WriterBusy => "search_writer_busy",
            Error::Lexicon { .. } => "invalid_lexicon",
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn codes_are_distinct_snake_case() {
        let errors = [
            Error::Directory {
                path: PathBuf::from("/x"),
                reason: "拒绝访问".to_string(),
            },
            Error::Index(tantivy::TantivyError::InvalidArgument("x".to_string())),
            Error::Payload {
                payload: "abc".to_string(),
            },
            Error::Corrupt {
                reason: "缺少编号".to_string(),
            },
            Error::WriterPoisoned,
        ];
        let mut codes: Vec<&str> = errors.iter().map(Error::code).collect();
        for code in &codes {
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code}"
            );
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), errors.len());
    }

    #[test]
    fn messages_are_chinese_and_name_the_input() {
        let error = Error::Payload {
            payload: "abc".to_string(),
        };
        assert_eq!(error.to_string(), "搜索索引的提交记录无法识别：abc");
    }
}
