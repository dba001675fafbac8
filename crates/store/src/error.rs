//! The store's error type.

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("不支持的数据库地址类型“{scheme}”：请使用 sqlite:// 或 postgres://")]
    UnsupportedUrl { scheme: String },
    #[error("无法连接数据库（{backend}）：{source}")]
    Connect {
        backend: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error("数据库迁移失败：{0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("数据库错误：{0}")]
    Database(#[from] sqlx::Error),
    #[error("记录不存在：{entity} {id}")]
    NotFound { entity: &'static str, id: String },
    #[error("已存在相同的{what}：{value}")]
    Duplicate { what: &'static str, value: String },
    #[error("{0}")]
    Refused(String),
    #[error("数据内容有误：{0}")]
    Corrupt(String),
}

/// Result with the store's error.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// A stored value that no longer parses, e.g. an unknown status code.
    pub(crate) fn unreadable(what: &str, value: &str) -> Error {
        Error::Corrupt(format!("{what}“{value}”无法识别"))
    }

    /// Maps a unique-constraint violation to [`Error::Duplicate`], other errors unchanged.
    pub(crate) fn on_unique(source: sqlx::Error, what: &'static str, value: &str) -> Error {
        match &source {
            sqlx::Error::Database(db) if db.is_unique_violation() => Error::Duplicate {
                what,
                value: value.to_string(),
            },
            _ => Error::Database(source),
        }
    }
}
