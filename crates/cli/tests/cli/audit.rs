//! `gongkai audit verify` names the first broken link of the chain, including when
//! someone with write access to the database rewrote an entry and recomputed every
//! hash after it without the audit key.

use super::{gongkai, stderr, stdout};
use gongkai_store::Store;
use gongkai_store::audit::{self, AuditFilter};
use std::path::Path;

/// A data directory whose chain holds the key's own entry and three imported units.
fn data_with_a_chain(data: &Path) {
    std::fs::write(
        data.join("units.csv"),
        "名称,类型\n乙区人民政府,政府\n乙区财政局,部门\n乙区税务局,部门\n",
    )
    .unwrap();
    gongkai(
        data,
        &["org", "import", data.join("units.csv").to_str().unwrap()],
    );
    let intact = gongkai(data, &["audit", "verify"]);
    assert_eq!(intact.status.code(), Some(0), "{}", stderr(&intact));
    assert!(
        stdout(&intact).contains("共 4 条记录"),
        "{}",
        stdout(&intact)
    );
}

/// Runs SQL statements on the data directory's database as an intruder would,
/// with the append-only trigger dropped first.
async fn tamper(data: &Path, statements: &[String]) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&Store::sqlite_url_in(data))
        .await
        .unwrap();
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(&pool)
        .await
        .unwrap();
    for statement in statements {
        sqlx::query(statement).execute(&pool).await.unwrap();
    }
    pool.close().await;
}

#[test]
fn audit_verify_reports_the_first_broken_link() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    data_with_a_chain(data);
    tokio::runtime::Runtime::new().unwrap().block_on(tamper(
        data,
        &["UPDATE audit_log SET after_json = '{}' WHERE seq = 2".to_string()],
    ));
    let broken = gongkai(data, &["audit", "verify"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("第 2 条断开"),
        "{}",
        stderr(&broken)
    );
}

#[test]
fn a_chain_recomputed_without_the_key_does_not_verify() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    data_with_a_chain(data);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join("audit.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o077,
            0,
            "the key file is readable by its owner only"
        );
    }
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(rewrite_from_entry_3(data));
    let broken = gongkai(data, &["audit", "verify"]);
    assert_eq!(broken.status.code(), Some(1), "{}", stdout(&broken));
    let message = stderr(&broken);
    assert!(message.contains("第 3 条断开"), "{message}");
    assert!(message.contains("密钥"), "{message}");
}

/// Alters entry 3 and recomputes the links of it and every later entry, and the
/// head, with the published algorithm but without the key.
async fn rewrite_from_entry_3(data: &Path) {
    let store = Store::connect(&Store::sqlite_url_in(data)).await.unwrap();
    let mut entries = audit::list(&store, &AuditFilter::default(), 100, 0)
        .await
        .unwrap()
        .entries;
    store.close().await;
    entries.reverse();
    let mut prev_hash = entries[1].hash.clone();
    let mut statements = Vec::new();
    for mut entry in entries.into_iter().skip(2) {
        if entry.seq == 3 {
            entry.actor_name = "system:nobody".to_string();
        }
        entry.prev_hash = prev_hash;
        entry.hash = entry.expected_hash(None);
        statements.push(format!(
            "UPDATE audit_log SET actor_name = '{}', prev_hash = '{}', hash = '{}' WHERE seq = {}",
            entry.actor_name, entry.prev_hash, entry.hash, entry.seq
        ));
        prev_hash = entry.hash;
    }
    statements.push(format!(
        "UPDATE audit_head SET hash = '{prev_hash}' WHERE id = 1"
    ));
    tamper(data, &statements).await;
}
