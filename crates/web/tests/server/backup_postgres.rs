//! The PostgreSQL backup procedure of docs/operations.md, run as an operator would:
//! `pg_dump` while two nodes take requests, then `gongkai backup` for the files;
//! restored with `pg_restore` into a new database and `gongkai restore`, the copy
//! holds every request acknowledged before the dump, every file and a verifying audit
//! chain; dumped at rest, it equals the original table by table.

use crate::helpers::{PgDatabase, TestApp};
use crate::library_console::{draft, upload};
use crate::load::Submissions;
use gongkai_app::App;
use gongkai_app::backup;
use gongkai_app::config::Settings;
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use std::path::Path;
use std::process::Command;

fn has_pg_tools() -> bool {
    ["pg_dump", "pg_restore"].iter().all(|tool| {
        Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// `pg_dump --format=custom` of `url` into `file`.
fn pg_dump(url: &str, file: &Path) {
    let status = Command::new("pg_dump")
        .args(["--format=custom", "--file"])
        .arg(file)
        .arg(url)
        .status()
        .unwrap();
    assert!(status.success(), "pg_dump failed");
}

/// `pg_restore` of `file` into the empty database `url`.
fn pg_restore(url: &str, file: &Path) {
    let status = Command::new("pg_restore")
        .args([
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--dbname",
            url,
        ])
        .arg(file)
        .status()
        .unwrap();
    assert!(status.success(), "pg_restore failed");
}

/// Restores a dump and a files archive as docs/operations.md says, into a new
/// database and a fresh directory.
async fn restore(
    admin_url: &str,
    dump: &Path,
    archive: &Path,
) -> (App, PgDatabase, tempfile::TempDir) {
    let database = PgDatabase::create(admin_url).await;
    pg_restore(&database.url, dump);
    let dir = tempfile::tempdir().unwrap();
    backup::unpack(archive, dir.path(), false).unwrap();
    let mut settings = Settings::default();
    settings.database.url = database.url.clone();
    let app = App::open(dir.path().to_path_buf(), settings).await.unwrap();
    gongkai_app::search::rebuild(&app).await.unwrap();
    let report = gongkai_app::audit::verify(&app).await.unwrap();
    assert_eq!(report.first_broken, None);
    (app, database, dir)
}

#[tokio::test]
async fn the_postgres_procedure_restores_what_two_nodes_acknowledged() {
    let Some((a, b, source)) =
        TestApp::spawn_pair_on_postgres(|s| s.limits.submit_per_minute = 0).await
    else {
        return;
    };
    if !has_pg_tools() {
        eprintln!("pg_dump or pg_restore is missing: PostgreSQL backup test skipped");
        return;
    }
    let admin_url = std::env::var("GONGKAI_TEST_POSTGRES_URL").unwrap();
    let editor = a.signed_in(Role::Editor).await;
    let path = draft(&a, &editor, &[("title", "带附件的备份测试文件")]).await;
    let pdf = crate::helpers::fixture("attachments/实施细则.pdf");
    assert_eq!(
        upload(&a, &editor, &path, "实施细则.pdf", pdf)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );

    let load = Submissions::start(&[a.url("/api/v1/requests"), b.url("/api/v1/requests")]);
    let before = load.acknowledged_at_least(20).await;
    let out = tempfile::tempdir().unwrap();
    let (dump, archive) = (
        out.path().join("gongkai.dump"),
        out.path().join("files.tar"),
    );
    let dump_path = dump.clone();
    let url = source.url.clone();
    tokio::task::spawn_blocking(move || pg_dump(&url, &dump_path))
        .await
        .unwrap();
    let manifest = backup::create(&a.app, &archive).await.unwrap();
    assert_eq!(manifest.backend, "postgres");
    load.stop().await;

    let (copy, _db, _dir) = restore(&admin_url, &dump, &archive).await;
    crate::load::assert_all_stored(&copy, &before).await;
    assert_eq!(manifest.stored_files(), 1);
    for entry in manifest
        .entries
        .iter()
        .filter(|e| e.path.starts_with("files/"))
    {
        let restored = std::fs::read(copy.data_dir.join(&entry.path)).unwrap();
        assert_eq!(
            restored,
            std::fs::read(a.app.data_dir.join(&entry.path)).unwrap()
        );
    }
    copy.store.close().await;

    // At rest, the copy equals the original table by table.
    let (dump, archive) = (out.path().join("rest.dump"), out.path().join("rest.tar"));
    pg_dump(&source.url, &dump);
    backup::create(&a.app, &archive).await.unwrap();
    let (copy, db2, _dir2) = restore(&admin_url, &dump, &archive).await;
    let original = table_digests(&source.url).await;
    assert!(original.len() > 20);
    assert_eq!(original, table_digests(&db2.url).await);
    copy.store.close().await;
}

/// Every table's rows as one digest, by table name.
async fn table_digests(url: &str) -> Vec<(String, Option<String>)> {
    let pool = sqlx::PgPool::connect(url).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut digests = Vec::new();
    for table in tables {
        let sql =
            format!("SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM \"{table}\" t");
        let digest: Option<String> = sqlx::query_scalar(&sql).fetch_one(&pool).await.unwrap();
        digests.push((table, digest));
    }
    pool.close().await;
    digests
}
