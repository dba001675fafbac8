//! The connection pool to the platform's database: which backend a URL names, the
//! connection with its migrations, and the pool's settings per backend.

use crate::{AuditKey, Error, Result};
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyConnection, AnyPool, Connection, Executor};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Which database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    fn from_url(url: &str) -> Result<Backend> {
        let scheme = url.split(':').next().unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Backend::Sqlite),
            "postgres" | "postgresql" => Ok(Backend::Postgres),
            _ => Err(Error::UnsupportedUrl {
                scheme: scheme.to_string(),
            }),
        }
    }

    /// Human name, for logs and the health page.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A connection pool to the platform's database, migrated and ready.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// The key of the audit chain (none: plain SHA-256 links, as in tests).
    pub(crate) audit_key: Option<Arc<AuditKey>>,
}

impl Store {
    /// The store whose audit entries are keyed with `key` from its first entry on.
    pub fn with_audit_key(self, key: AuditKey) -> Store {
        Store {
            audit_key: Some(Arc::new(key)),
            ..self
        }
    }

    /// The key of the audit chain, if the installation has one.
    pub fn audit_key(&self) -> Option<&AuditKey> {
        self.audit_key.as_deref()
    }

    /// The URL of the embedded database inside a data directory.
    pub fn sqlite_url_in(data_dir: &Path) -> String {
        format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("gongkai.db").display()
        )
    }

    /// Connects to `url`, then applies pending migrations.
    pub async fn connect(url: &str) -> Result<Store> {
        let backend = Backend::from_url(url)?;
        install_default_drivers();
        // One direct attempt first: the pool would retry an unreachable server until
        // its acquire timeout, while an operator wants the answer at once.
        let probe = AnyConnection::connect(url)
            .await
            .map_err(|source| Error::Connect {
                backend: backend.name(),
                source,
            })?;
        probe.close().await?;
        let pool = pool_options(backend)
            .connect(url)
            .await
            .map_err(|source| Error::Connect {
                backend: backend.name(),
                source,
            })?;
        let store = Store {
            pool,
            backend,
            audit_key: None,
        };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite"),
            Backend::Postgres => sqlx::migrate!("./migrations/postgres"),
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Read access for repository queries.
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Checks that the database answers (for `/healthz`).
    pub async fn ping(&self) -> Result<()> {
        self.pool.execute("SELECT 1").await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn pool_options(backend: Backend) -> AnyPoolOptions {
    let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
    match backend {
        // WAL lets readers go on while one writer commits; the busy timeout makes a
        // second writer wait instead of failing.
        Backend::Sqlite => options.max_connections(8).after_connect(|conn, _meta| {
            Box::pin(async move {
                conn.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                )
                .await?;
                Ok(())
            })
        }),
        Backend::Postgres => options.max_connections(16),
    }
}
