//! The per-issuer sequences that give a document its 索引号, and whether one is taken.

use crate::{Error, Result, WriteTx};
use sqlx::Row;

/// The next free serial for 索引号 `{prefix}/{year}-{serial}`: one more than the last
/// one given out, skipping serials that imported documents already carry.
pub async fn next_index_serial(tx: &mut WriteTx, prefix: &str, year: i32) -> Result<u32> {
    let row = sqlx::query(
        "UPDATE index_number_sequences SET last_serial = last_serial + 1 \
         WHERE prefix = $1 AND year = $2 RETURNING last_serial",
    )
    .bind(prefix)
    .bind(i64::from(year))
    .fetch_optional(tx.conn())
    .await?;
    let serial: i64 = match row {
        Some(row) => row.try_get("last_serial")?,
        None => {
            sqlx::query(
                "INSERT INTO index_number_sequences (prefix, year, last_serial) VALUES ($1, $2, 1)",
            )
            .bind(prefix)
            .bind(i64::from(year))
            .execute(tx.conn())
            .await?;
            1
        }
    };
    u32::try_from(serial).map_err(|_| Error::Corrupt(format!("索引号序号溢出：{prefix} {year}")))
}

/// Whether a document already carries this 索引号.
pub async fn index_number_taken(tx: &mut WriteTx, index_number: &str) -> Result<bool> {
    let row = sqlx::query("SELECT id FROM documents WHERE index_number = $1")
        .bind(index_number)
        .fetch_optional(tx.conn())
        .await?;
    Ok(row.is_some())
}
