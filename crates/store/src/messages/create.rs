//! Storing a new message under the next serial of its receipt year, with the hash of
//! its tracking code; the audit log names it by serial only.

use super::record::{COLUMNS, Message, MessageFields, Status, from_row};
use crate::serials::next_serial;
use crate::time::{date_to_text, to_text};
use crate::{Error, Result, WriteTx, now};

/// Stores a new message under the serial `serial_of(year, n)` gives for the next
/// number of its receipt year.
pub async fn create(
    tx: &mut WriteTx,
    f: &MessageFields,
    tracking_hash: &str,
    serial_of: impl Fn(i32, u64) -> String,
) -> Result<Message> {
    use chrono::Datelike;
    let year = f.received_on.year();
    let serial = serial_of(year, next_serial(tx, "message_serials", year).await?);
    let row = sqlx::query(&format!(
        "INSERT INTO messages (serial, tracking_hash, mailbox_id, category, title, body, name, \
         contact, publish_consent, received_on, workdays, status, created_at) VALUES \
         ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING {COLUMNS}"
    ))
    .bind(&serial)
    .bind(tracking_hash)
    .bind(f.mailbox_id.0)
    .bind(f.category.code())
    .bind(&f.title)
    .bind(&f.body)
    .bind(&f.name)
    .bind(&f.contact)
    .bind(i64::from(f.publish_consent))
    .bind(date_to_text(f.received_on))
    .bind(i64::from(f.workdays))
    .bind(Status::New.code())
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await
    .map_err(|e| Error::on_unique(e, "留言编号", &serial))?;
    let message = from_row(&row)?;
    let entry = serde_json::json!({
        "serial": message.serial, "mailbox": f.mailbox_id, "category": f.category.code(),
        "received_on": date_to_text(f.received_on),
    });
    tx.record("message.create", "message", message.id, None, Some(entry));
    Ok(message)
}
