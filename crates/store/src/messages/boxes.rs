//! The boxes that take messages, configured by the office: each answered by a unit,
//! open or closed, with the categories it takes and their reply periods, and the
//! ceiling of an extension.

use crate::time::{from_text, to_text};
use crate::{Error, MailboxId, OrgId, Result, Store, Timestamp, WriteTx, now};
use gongkai_domain::message::Category;
use sqlx::Row;
use std::collections::HashMap;

/// What the office sets for a box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailboxFields {
    pub name: String,
    /// The unit that answers its messages.
    pub org_id: OrgId,
    pub description: String,
    pub open: bool,
    /// The categories it takes, each with its reply period in working days.
    pub periods: Vec<(Category, u32)>,
    /// The longest period after an extension, in working days in all.
    pub max_workdays: u32,
}

/// A stored box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub id: MailboxId,
    pub fields: MailboxFields,
    pub created_at: Timestamp,
}

impl Mailbox {
    /// The reply period of a category, if the box takes it.
    pub fn period_of(&self, category: Category) -> Option<u32> {
        self.fields
            .periods
            .iter()
            .find(|(c, _)| *c == category)
            .map(|(_, n)| *n)
    }
}

/// Every box, by name.
pub async fn boxes(store: &Store) -> Result<Vec<Mailbox>> {
    let mut periods: HashMap<i64, Vec<(Category, u32)>> = HashMap::new();
    for row in sqlx::query("SELECT mailbox_id, category, workdays FROM mailbox_categories")
        .fetch_all(store.pool())
        .await?
    {
        let code: String = row.try_get("category")?;
        let category =
            Category::parse(&code).ok_or_else(|| Error::unreadable("留言分类", &code))?;
        let workdays = u32::try_from(row.try_get::<i64, _>("workdays")?).unwrap_or(0);
        periods
            .entry(row.try_get("mailbox_id")?)
            .or_default()
            .push((category, workdays));
    }
    let rows = sqlx::query(
        "SELECT id, name, org_id, description, open, max_workdays, created_at FROM mailboxes \
         ORDER BY name",
    )
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            let mut periods = periods.remove(&id).unwrap_or_default();
            periods.sort_by_key(|(c, _)| Category::ALL.iter().position(|x| x == c));
            Ok(Mailbox {
                id: MailboxId(id),
                fields: MailboxFields {
                    name: row.try_get("name")?,
                    org_id: OrgId(row.try_get("org_id")?),
                    description: row.try_get("description")?,
                    open: row.try_get::<i64, _>("open")? != 0,
                    periods,
                    max_workdays: u32::try_from(row.try_get::<i64, _>("max_workdays")?)
                        .unwrap_or(0),
                },
                created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
            })
        })
        .collect()
}

/// One box.
pub async fn get_box(store: &Store, id: MailboxId) -> Result<Mailbox> {
    boxes(store)
        .await?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or_else(|| Error::NotFound {
            entity: "信箱",
            id: id.to_string(),
        })
}

async fn set_periods(tx: &mut WriteTx, id: MailboxId, periods: &[(Category, u32)]) -> Result<()> {
    sqlx::query("DELETE FROM mailbox_categories WHERE mailbox_id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    for (category, workdays) in periods {
        sqlx::query(
            "INSERT INTO mailbox_categories (mailbox_id, category, workdays) VALUES ($1, $2, $3)",
        )
        .bind(id.0)
        .bind(category.code())
        .bind(i64::from(*workdays))
        .execute(tx.conn())
        .await?;
    }
    Ok(())
}

fn audit_view(f: &MailboxFields) -> serde_json::Value {
    let periods: Vec<(&str, u32)> = f.periods.iter().map(|(c, n)| (c.code(), *n)).collect();
    serde_json::json!({
        "name": f.name, "org": f.org_id, "description": f.description, "open": f.open,
        "periods": periods, "max_workdays": f.max_workdays,
    })
}

/// Stores a new box.
pub async fn create_box(tx: &mut WriteTx, f: &MailboxFields) -> Result<MailboxId> {
    let row = sqlx::query(
        "INSERT INTO mailboxes (name, org_id, description, open, max_workdays, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&f.name)
    .bind(f.org_id.0)
    .bind(&f.description)
    .bind(i64::from(f.open))
    .bind(i64::from(f.max_workdays))
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await
    .map_err(|e| Error::on_unique(e, "信箱名称", &f.name))?;
    let id = MailboxId(row.try_get("id")?);
    set_periods(tx, id, &f.periods).await?;
    tx.record("mailbox.create", "mailbox", id, None, Some(audit_view(f)));
    Ok(id)
}

/// Changes a box's settings.
pub async fn update_box(tx: &mut WriteTx, old: &Mailbox, f: &MailboxFields) -> Result<()> {
    sqlx::query(
        "UPDATE mailboxes SET name = $1, org_id = $2, description = $3, open = $4, \
         max_workdays = $5 WHERE id = $6",
    )
    .bind(&f.name)
    .bind(f.org_id.0)
    .bind(&f.description)
    .bind(i64::from(f.open))
    .bind(i64::from(f.max_workdays))
    .bind(old.id.0)
    .execute(tx.conn())
    .await
    .map_err(|e| Error::on_unique(e, "信箱名称", &f.name))?;
    set_periods(tx, old.id, &f.periods).await?;
    tx.record(
        "mailbox.update",
        "mailbox",
        old.id,
        Some(audit_view(&old.fields)),
        Some(audit_view(f)),
    );
    Ok(())
}
