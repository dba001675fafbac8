//! Storing a new request under the next serial of its receipt year.

use super::record::{COLUMNS, from_row};
use super::{Request, RequestFields};
use crate::serials::next_serial;
use crate::time::{date_to_text, to_text};
use crate::{Error, Result, WriteTx, now};

/// Stores a new request under the serial `serial_of(year, n)` gives for the next
/// number of the receipt year, with the hash of its tracking code.
pub async fn create(
    tx: &mut WriteTx,
    fields: &RequestFields,
    tracking_hash: &str,
    serial_of: impl Fn(i32, u64) -> String,
) -> Result<Request> {
    use chrono::Datelike;
    let year = fields.received_on.year();
    let serial = serial_of(year, next_serial(tx, "request_serials", year).await?);
    let f = fields;
    let row = sqlx::query(&format!(
        "INSERT INTO disclosure_requests (serial, tracking_hash, org_id, applicant_type, \
         applicant_name, id_number, phone, email, address, description, doc_reference, purpose, \
         preferred_form, delivery, channel, receipt_evidence, received_on, created_at) VALUES \
         ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
         RETURNING {COLUMNS}"
    ))
    .bind(&serial)
    .bind(tracking_hash)
    .bind(f.org_id.0)
    .bind(f.applicant_type.code())
    .bind(&f.applicant_name)
    .bind(&f.id_number)
    .bind(&f.phone)
    .bind(&f.email)
    .bind(&f.address)
    .bind(&f.description)
    .bind(&f.doc_reference)
    .bind(&f.purpose)
    .bind(&f.preferred_form)
    .bind(&f.delivery)
    .bind(f.channel.code())
    .bind(&f.receipt_evidence)
    .bind(date_to_text(f.received_on))
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await
    .map_err(|e| Error::on_unique(e, "申请编号", &serial))?;
    let request = from_row(&row)?;
    // Named by serial only: the applicant's identity and contacts stay out of the log.
    let entry = serde_json::json!({
        "serial": request.serial, "channel": f.channel.code(),
        "received_on": date_to_text(f.received_on), "org": f.org_id,
    });
    tx.record("request.create", "request", request.id, None, Some(entry));
    Ok(request)
}
