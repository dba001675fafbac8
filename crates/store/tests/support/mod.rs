//! Fresh databases for the store tests: a new SQLite file per test, or a uniquely
//! named PostgreSQL database that is dropped afterwards, even when the test fails.

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use gongkai_store::Store;
use gongkai_store::documents::DocumentFields;
use sqlx::Executor;
use std::future::Future;

/// A fresh, migrated database and the URL it was opened with (for raw SQL in tests).
#[derive(Clone)]
pub struct TestDb {
    pub store: Store,
    pub url: String,
}

impl TestDb {
    /// Runs one SQL statement outside the store, as an operator with database access would.
    pub async fn raw(&self, sql: &str) -> Result<(), sqlx::Error> {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&self.url).await?;
        let outcome = pool.execute(sql).await.map(|_| ());
        pool.close().await;
        outcome
    }
}

/// Runs `body` against a fresh SQLite database in a temporary directory.
pub async fn with_sqlite<F, Fut>(body: F)
where
    F: FnOnce(TestDb) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let dir = tempfile::tempdir().unwrap();
    let url = Store::sqlite_url_in(dir.path());
    let store = Store::connect(&url).await.unwrap();
    let outcome = tokio::spawn(body(TestDb {
        store: store.clone(),
        url,
    }))
    .await;
    store.close().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Runs `body` against a fresh database on the server of `GONGKAI_TEST_POSTGRES_URL`.
pub async fn with_postgres<F, Fut>(body: F)
where
    F: FnOnce(TestDb) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let admin_url = std::env::var("GONGKAI_TEST_POSTGRES_URL")
        .expect("GONGKAI_TEST_POSTGRES_URL must be set for PostgreSQL tests");
    let name = format!("gongkai_test_{:016x}", rand::random::<u64>());
    let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    let mut url = url::Url::parse(&admin_url).unwrap();
    url.set_path(&name);
    let url = url.to_string();
    let store = Store::connect(&url).await.unwrap();
    let outcome = tokio::spawn(body(TestDb {
        store: store.clone(),
        url,
    }))
    .await;
    store.close().await;
    admin
        .execute(format!("DROP DATABASE {name} WITH (FORCE)").as_str())
        .await
        .unwrap();
    admin.close().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Declares each listed `async fn(Store)` as two tests, `sqlite::name` and
/// `postgres::name`; the PostgreSQL ones are ignored (reported as skipped) when no
/// server is configured.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    $crate::support::with_sqlite(super::$name).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                #[cfg_attr(
                    not(postgres_tests),
                    ignore = "GONGKAI_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped"
                )]
                async fn $name() {
                    $crate::support::with_postgres(super::$name).await;
                }
            )*
        }
    };
}

/// The fields of a published-looking document titled `title`.
pub fn document_fields(title: &str) -> DocumentFields {
    DocumentFields {
        title: title.to_string(),
        doc_number: "渝两江管办发﹝2020﹞74号".to_string(),
        doc_number_key: "渝两江管办发〔2020〕74号".to_string(),
        issuer_id: None,
        issuer_name: "两江新区管委会".to_string(),
        topic: "行政事务".to_string(),
        genre: "其他公文".to_string(),
        normative: false,
        validity: gongkai_domain::validity::Validity::Valid,
        effective_on: None,
        expires_on: None,
        written_on: chrono::NaiveDate::from_ymd_opt(2020, 9, 15),
        published_on: chrono::NaiveDate::from_ymd_opt(2020, 9, 17),
        disclosure: gongkai_domain::disclosure::DisclosureAttribute::Proactive,
        interpretation_form: None,
        body_html: "<p>正文</p>".to_string(),
        body_text: "正文".to_string(),
    }
}

/// A published document titled `title` under the 索引号 `number`, committed.
pub async fn published_document(
    db: &TestDb,
    title: &str,
    number: &str,
) -> gongkai_store::DocumentId {
    let mut tx = db
        .store
        .begin(gongkai_store::Actor::system("test"))
        .await
        .unwrap();
    let created = gongkai_store::documents::create(
        &mut tx,
        number,
        &document_fields(title),
        gongkai_domain::lifecycle::DocumentStatus::Published,
        None,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    created.id
}
