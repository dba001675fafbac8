//! The app layer's error: what went wrong, a Chinese message for people and a stable
//! code for the API.

/// Everything a use case can refuse or fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("请先登录")]
    Unauthenticated,
    #[error("用户名或密码错误。连续输错后，须稍等片刻再试。")]
    BadCredentials,
    #[error("没有权限执行此操作")]
    Forbidden,
    #[error("{0}")]
    NotFound(String),
    #[error("{field}：{message}")]
    Invalid { field: String, message: String },
    #[error(transparent)]
    Domain(#[from] gongkai_domain::Error),
    #[error("配置有误：{key}：{reason}")]
    Config { key: String, reason: String },
    #[error("无法读写 {path}：{source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("导入失败，共 {} 处错误：\n{}", .0.len(), .0.join("\n"))]
    Import(Vec<String>),
    /// A form with several wrong fields, each named.
    #[error("请修改以下 {} 处内容：\n{}", .0.len(), .0.join("\n"))]
    Form(Vec<String>),
    #[error(transparent)]
    Store(gongkai_store::Error),
    #[error("检索索引出错：{0}")]
    Search(#[from] gongkai_search::Error),
    #[error("内部错误：{0}")]
    Internal(String),
}

/// Result with the app's error.
pub type Result<T> = std::result::Result<T, Error>;

impl From<gongkai_store::Error> for Error {
    fn from(e: gongkai_store::Error) -> Error {
        match e {
            gongkai_store::Error::NotFound { entity, id } => {
                Error::NotFound(format!("{entity} {id} 不存在"))
            }
            gongkai_store::Error::Refused(message) => Error::invalid("操作", message),
            other => Error::Store(other),
        }
    }
}

impl Error {
    /// A stable snake_case code for the JSON API and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Unauthenticated => "unauthenticated",
            Error::BadCredentials => "bad_credentials",
            Error::Forbidden => "forbidden",
            Error::NotFound(_) => "not_found",
            Error::Invalid { .. } => "invalid_input",
            Error::Domain(e) => e.code(),
            Error::Config { .. } => "invalid_config",
            Error::Io { .. } => "io_error",
            Error::Import(_) => "import_failed",
            Error::Form(_) => "invalid_input",
            Error::Store(gongkai_store::Error::Duplicate { .. }) => "duplicate",
            Error::Store(gongkai_store::Error::Connect { .. }) => "database_unreachable",
            Error::Store(_) => "database_error",
            Error::Search(e) => e.code(),
            Error::Internal(_) => "internal",
        }
    }

    /// Whether the error is the caller's (bad input, refused) rather than the
    /// platform's; only the platform's errors are logged with their cause.
    pub fn is_client_error(&self) -> bool {
        match self {
            Error::Io { .. } | Error::Internal(_) | Error::Config { .. } | Error::Search(_) => {
                false
            }
            Error::Store(e) => matches!(e, gongkai_store::Error::Duplicate { .. }),
            _ => true,
        }
    }

    /// The I/O failure at `path`, as a `map_err` argument: `.map_err(Error::io(path))`.
    pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
        move |source| Error::Io {
            path: path.display().to_string(),
            source,
        }
    }

    /// Shorthand for a refused field value.
    pub fn invalid(field: &str, message: impl Into<String>) -> Error {
        Error::Invalid {
            field: field.to_string(),
            message: message.into(),
        }
    }
}
