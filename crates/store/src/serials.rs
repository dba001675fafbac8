//! Serial numbers counted per year (申请编号, 留言编号): one counter row per year in a
//! table of the caller's, taken under the write transaction so two writers never get
//! the same number.

use crate::{Error, Result, WriteTx};
use sqlx::Row;

/// The next serial of `year` in `table` (`request_serials`, `message_serials`): one
/// more than the last one given out.
pub(crate) async fn next_serial(tx: &mut WriteTx, table: &'static str, year: i32) -> Result<u64> {
    let row = sqlx::query(&format!(
        "UPDATE {table} SET last = last + 1 WHERE year = $1 RETURNING last"
    ))
    .bind(i64::from(year))
    .fetch_optional(tx.conn())
    .await?;
    let last: i64 = match row {
        Some(row) => row.try_get("last")?,
        None => {
            sqlx::query(&format!("INSERT INTO {table} (year, last) VALUES ($1, 1)"))
                .bind(i64::from(year))
                .execute(tx.conn())
                .await?;
            1
        }
    };
    u64::try_from(last).map_err(|_| Error::Corrupt(format!("编号序号溢出：{year}")))
}
