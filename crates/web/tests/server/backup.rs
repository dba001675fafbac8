//! Backups of a running server: taken while requests keep arriving, restored into a
//! fresh directory, they hold every request acknowledged before the backup began,
//! every stored file and an audit chain that verifies; taken at rest, the restored
//! copy equals the original table by table and file by file.

use crate::helpers::TestApp;
use crate::library_console::{draft, upload};
use crate::load::Submissions;
use gongkai_app::App;
use gongkai_app::backup::{self, Manifest};
use gongkai_app::config::Settings;
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use std::path::{Path, PathBuf};

/// A server with two stored files (a PDF and a text file) on a draft.
async fn server_with_files() -> TestApp {
    let app = TestApp::spawn_with(|s| s.limits.submit_per_minute = 0).await;
    let editor = app.signed_in(Role::Editor).await;
    let path = draft(&app, &editor, &[("title", "带附件的备份测试文件")]).await;
    let pdf = crate::helpers::fixture("attachments/实施细则.pdf");
    for (name, bytes) in [
        ("实施细则.pdf", pdf),
        ("说明.txt", "备份测试说明".as_bytes().to_vec()),
    ] {
        assert_eq!(
            upload(&app, &editor, &path, name, bytes).await.status(),
            StatusCode::SEE_OTHER
        );
    }
    app
}

/// Restores `archive` into a fresh directory, rebuilds the index and verifies the
/// chain as `gongkai restore` does.
async fn restored(archive: &Path, manifest: &Manifest) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let unpacked = backup::unpack(archive, dir.path(), false).unwrap();
    assert_eq!(&unpacked, manifest);
    let app = App::open(dir.path().to_path_buf(), Settings::default())
        .await
        .unwrap();
    backup::check_tables(&app, manifest).await.unwrap();
    gongkai_app::search::rebuild(&app).await.unwrap();
    let report = gongkai_app::audit::verify(&app).await.unwrap();
    assert_eq!(report.first_broken, None);
    assert_eq!(report.checked, manifest.audit_head);
    (app, dir)
}

#[tokio::test]
async fn a_backup_under_write_load_restores_every_acknowledged_request_and_file() {
    let app = server_with_files().await;
    let url = app.url("/api/v1/requests");
    let load = Submissions::start(&[url.clone(), url.clone(), url.clone(), url]);
    let before = load.acknowledged_at_least(20).await;
    let out = tempfile::tempdir().unwrap();
    let archive = out.path().join("backup.tar");
    let manifest = backup::create(&app.app, &archive).await.unwrap();
    load.acknowledged_at_least(before.len() + 4).await;
    load.stop().await;

    let (copy, _dir) = restored(&archive, &manifest).await;
    crate::load::assert_all_stored(&copy, &before).await;
    assert_eq!(manifest.stored_files(), 2);
    for file in stored_files(&copy.data_dir.join("files")) {
        let original = app
            .app
            .data_dir
            .join(file.strip_prefix(&copy.data_dir).unwrap());
        assert_eq!(
            std::fs::read(&file).unwrap(),
            std::fs::read(original).unwrap()
        );
    }
}

#[tokio::test]
async fn a_backup_at_rest_restores_an_equal_copy_table_by_table() {
    let app = server_with_files().await;
    for n in 0..5 {
        crate::load::submit(&app.url("/api/v1/requests"), n)
            .await
            .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let archive = out.path().join("backup.tar");
    let manifest = backup::create(&app.app, &archive).await.unwrap();
    assert!(manifest.tables.len() > 20, "{:?}", manifest.tables);
    let (copy, _dir) = restored(&archive, &manifest).await;
    copy.store.close().await;

    // One connection: the attached copy belongs to it.
    let source = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect(&format!(
            "sqlite://{}",
            app.app.data_dir.join("gongkai.db").display()
        ))
        .await
        .unwrap();
    let attach = format!(
        "ATTACH DATABASE '{}' AS copy",
        copy.data_dir.join("gongkai.db").display()
    );
    sqlx::query(&attach).execute(&source).await.unwrap();
    for table in &manifest.tables {
        let name = &table.table;
        for (a, b) in [("main", "copy"), ("copy", "main")] {
            let sql = format!(
                "SELECT COUNT(*) FROM (SELECT * FROM {a}.\"{name}\" EXCEPT SELECT * FROM {b}.\"{name}\")"
            );
            let differing: i64 = sqlx::query_scalar(&sql).fetch_one(&source).await.unwrap();
            assert_eq!(differing, 0, "table {name}: rows of {a} missing from {b}");
        }
    }
    let originals = stored_files(&app.app.data_dir.join("files"));
    let copies = stored_files(&copy.data_dir.join("files"));
    assert_eq!(originals.len(), copies.len());
    for (original, copied) in originals.iter().zip(&copies) {
        assert_eq!(original.file_name(), copied.file_name());
        assert_eq!(
            std::fs::read(original).unwrap(),
            std::fs::read(copied).unwrap()
        );
    }
    assert!(
        std::fs::read(copy.data_dir.join("audit.key")).unwrap()
            == std::fs::read(app.app.data_dir.join("audit.key")).unwrap(),
        "the audit key comes with the backup"
    );
}

/// The stored files under `root` (`<shard>/<sha256>`), sorted.
fn stored_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for shard in std::fs::read_dir(root).unwrap() {
        for file in std::fs::read_dir(shard.unwrap().path()).unwrap() {
            files.push(file.unwrap().path());
        }
    }
    files.sort();
    files
}
