//! Serial numbers counted per year (申请编号, 留言编号): one counter row per year in a
//! table of the caller's, taken under the write transaction so two writers never get
//! the same number.

use crate::{Error, Result, WriteTx};
use sqlx::Row;

/// The next serial of `year` in `table` (`request_serials`, `message_serials`): one
/// more than the last one given out. One upsert, so that the first two writers of a
/// year cannot both try to create the year's counter (on PostgreSQL, where writers
/// run concurrently, an update-then-insert lost that race with a duplicate key).
pub(crate) async fn next_serial(tx: &mut WriteTx, table: &'static str, year: i32) -> Result<u64> {
    let row = sqlx::query(&format!(
        "INSERT INTO {table} (year, last) VALUES ($1, 1) \
         ON CONFLICT (year) DO UPDATE SET last = {table}.last + 1 RETURNING last"
    ))
    .bind(i64::from(year))
    .fetch_one(tx.conn())
    .await?;
    let last: i64 = row.try_get("last")?;
    u64::try_from(last).map_err(|_| Error::Corrupt(format!("编号序号溢出：{year}")))
}
