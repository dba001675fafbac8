//! Units (单位): the organisation tree with names, aliases, kinds and contacts.
//!
//! A unit is found by its full name or any alias; both are compared after
//! [`normalize_unit_name`], and no two units may share a normalised name or alias.

use crate::time::to_text;
use crate::{Error, OrgId, Result, Store, WriteTx, now};
use gongkai_domain::credit_code::CreditCode;
use gongkai_domain::org::{OrgKind, normalize_unit_name};
use serde::Serialize;
use sqlx::{AnyConnection, Row};

/// A unit as stored, with its aliases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Org {
    pub id: OrgId,
    pub parent_id: Option<OrgId>,
    pub name: String,
    pub kind: OrgKind,
    pub credit_code: Option<String>,
    pub contact_phone: String,
    pub contact_address: String,
    pub contact_email: String,
    pub sort_order: i64,
    pub aliases: Vec<String>,
}

/// The editable fields of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgFields {
    pub parent_id: Option<OrgId>,
    pub name: String,
    pub kind: OrgKind,
    pub credit_code: Option<CreditCode>,
    pub contact_phone: String,
    pub contact_address: String,
    pub contact_email: String,
    pub sort_order: i64,
    pub aliases: Vec<String>,
}

impl OrgFields {
    /// A unit with only a name, a kind and a parent.
    pub fn new(name: &str, kind: OrgKind, parent_id: Option<OrgId>) -> OrgFields {
        OrgFields {
            parent_id,
            name: name.trim().to_string(),
            kind,
            credit_code: None,
            contact_phone: String::new(),
            contact_address: String::new(),
            contact_email: String::new(),
            sort_order: 0,
            aliases: Vec::new(),
        }
    }
}

const COLUMNS: &str = "id, parent_id, name, kind, credit_code, contact_phone, contact_address, \
                       contact_email, sort_order";

/// Creates a unit and its aliases.
pub async fn create(tx: &mut WriteTx, fields: &OrgFields) -> Result<Org> {
    check_names_free(tx.conn(), fields, None).await?;
    if let Some(parent) = fields.parent_id {
        fetch(tx.conn(), parent).await?;
    }
    let at = to_text(now());
    let row = sqlx::query(
        "INSERT INTO orgs (parent_id, name, name_key, kind, credit_code, contact_phone, \
         contact_address, contact_email, sort_order, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(fields.parent_id.map(|p| p.0))
    .bind(&fields.name)
    .bind(normalize_unit_name(&fields.name))
    .bind(fields.kind.code())
    .bind(fields.credit_code.as_ref().map(|c| c.as_str().to_string()))
    .bind(&fields.contact_phone)
    .bind(&fields.contact_address)
    .bind(&fields.contact_email)
    .bind(fields.sort_order)
    .bind(&at)
    .fetch_one(tx.conn())
    .await
    .map_err(|e| duplicate_code(e, fields))?;
    let id = OrgId(row.try_get("id")?);
    insert_aliases(tx.conn(), id, &fields.aliases).await?;
    let org = fetch(tx.conn(), id).await?;
    tx.record("org.create", "org", id, None, Some(audit_view(&org)));
    Ok(org)
}

/// Replaces every editable field of a unit, aliases included.
pub async fn update(tx: &mut WriteTx, id: OrgId, fields: &OrgFields) -> Result<Org> {
    let before = fetch(tx.conn(), id).await?;
    check_names_free(tx.conn(), fields, Some(id)).await?;
    if let Some(parent) = fields.parent_id {
        if subtree_ids_in(tx.conn(), id).await?.contains(&parent) {
            return Err(Error::Refused(format!(
                "不能把单位移到它自己或它的下级单位之下（单位 {id}）"
            )));
        }
        fetch(tx.conn(), parent).await?;
    }
    sqlx::query(
        "UPDATE orgs SET parent_id = $1, name = $2, name_key = $3, kind = $4, credit_code = $5, \
         contact_phone = $6, contact_address = $7, contact_email = $8, sort_order = $9, \
         updated_at = $10 WHERE id = $11",
    )
    .bind(fields.parent_id.map(|p| p.0))
    .bind(&fields.name)
    .bind(normalize_unit_name(&fields.name))
    .bind(fields.kind.code())
    .bind(fields.credit_code.as_ref().map(|c| c.as_str().to_string()))
    .bind(&fields.contact_phone)
    .bind(&fields.contact_address)
    .bind(&fields.contact_email)
    .bind(fields.sort_order)
    .bind(to_text(now()))
    .bind(id.0)
    .execute(tx.conn())
    .await
    .map_err(|e| duplicate_code(e, fields))?;
    sqlx::query("DELETE FROM org_aliases WHERE org_id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    insert_aliases(tx.conn(), id, &fields.aliases).await?;
    let after = fetch(tx.conn(), id).await?;
    tx.record(
        "org.update",
        "org",
        id,
        Some(audit_view(&before)),
        Some(audit_view(&after)),
    );
    Ok(after)
}

fn audit_view(org: &Org) -> serde_json::Value {
    serde_json::to_value(org).unwrap_or(serde_json::Value::Null)
}

fn duplicate_code(e: sqlx::Error, fields: &OrgFields) -> Error {
    let code = fields
        .credit_code
        .as_ref()
        .map(|c| c.as_str().to_string())
        .unwrap_or_default();
    Error::on_unique(
        e,
        "单位名称或统一社会信用代码",
        &format!("{} {code}", fields.name),
    )
}

/// Refuses a name or alias that another unit already uses as its name or alias.
async fn check_names_free(
    conn: &mut AnyConnection,
    fields: &OrgFields,
    except: Option<OrgId>,
) -> Result<()> {
    let mut keys: Vec<(String, &str)> = vec![(normalize_unit_name(&fields.name), &fields.name)];
    for alias in &fields.aliases {
        let key = normalize_unit_name(alias);
        if keys.iter().any(|(k, _)| *k == key) {
            continue;
        }
        keys.push((key, alias));
    }
    for (key, shown) in keys {
        if key.is_empty() {
            return Err(Error::Refused("单位名称和简称不能为空".to_string()));
        }
        let owner = find_id_by_key(conn, &key).await?;
        if owner.is_some() && owner != except {
            return Err(Error::Duplicate {
                what: "单位名称或简称",
                value: shown.to_string(),
            });
        }
    }
    Ok(())
}

async fn insert_aliases(conn: &mut AnyConnection, id: OrgId, aliases: &[String]) -> Result<()> {
    let name_key: String = sqlx::query("SELECT name_key FROM orgs WHERE id = $1")
        .bind(id.0)
        .fetch_one(&mut *conn)
        .await?
        .try_get("name_key")?;
    let mut seen = vec![name_key];
    for alias in aliases {
        let key = normalize_unit_name(alias);
        if seen.contains(&key) {
            continue;
        }
        sqlx::query(
            "INSERT INTO org_aliases (org_id, alias, alias_key, position) VALUES ($1, $2, $3, $4)",
        )
        .bind(id.0)
        .bind(alias.trim())
        .bind(&key)
        .bind(i64::try_from(seen.len()).unwrap_or(i64::MAX))
        .execute(&mut *conn)
        .await
        .map_err(|e| Error::on_unique(e, "单位简称", alias))?;
        seen.push(key);
    }
    Ok(())
}

async fn find_id_by_key(conn: &mut AnyConnection, key: &str) -> Result<Option<OrgId>> {
    let row = sqlx::query(
        "SELECT id FROM orgs WHERE name_key = $1 \
         UNION SELECT org_id AS id FROM org_aliases WHERE alias_key = $1",
    )
    .bind(key)
    .fetch_optional(conn)
    .await?;
    row.map(|r| r.try_get("id").map(OrgId))
        .transpose()
        .map_err(Error::from)
}

fn org_from_row(row: &sqlx::any::AnyRow) -> Result<Org> {
    let kind: String = row.try_get("kind")?;
    Ok(Org {
        id: OrgId(row.try_get("id")?),
        parent_id: row.try_get::<Option<i64>, _>("parent_id")?.map(OrgId),
        name: row.try_get("name")?,
        kind: OrgKind::parse(&kind).map_err(|e| Error::Corrupt(e.to_string()))?,
        credit_code: row.try_get("credit_code")?,
        contact_phone: row.try_get("contact_phone")?,
        contact_address: row.try_get("contact_address")?,
        contact_email: row.try_get("contact_email")?,
        sort_order: row.try_get("sort_order")?,
        aliases: Vec::new(),
    })
}

async fn fetch(conn: &mut AnyConnection, id: OrgId) -> Result<Org> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM orgs WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            entity: "单位",
            id: id.to_string(),
        })?;
    let mut org = org_from_row(&row)?;
    org.aliases = sqlx::query("SELECT alias FROM org_aliases WHERE org_id = $1 ORDER BY position")
        .bind(id.0)
        .fetch_all(conn)
        .await?
        .iter()
        .map(|r| r.try_get("alias"))
        .collect::<std::result::Result<_, _>>()?;
    Ok(org)
}

/// One unit by id.
pub async fn get(store: &Store, id: OrgId) -> Result<Org> {
    let mut conn = store.pool().acquire().await?;
    fetch(&mut conn, id).await
}

/// The unit whose full name or alias is `name` (compared after normalisation).
pub async fn find_by_name(store: &Store, name: &str) -> Result<Option<Org>> {
    let mut conn = store.pool().acquire().await?;
    match find_id_by_key(&mut conn, &normalize_unit_name(name)).await? {
        Some(id) => fetch(&mut conn, id).await.map(Some),
        None => Ok(None),
    }
}

/// Every unit with its aliases, in display order (sort order, then creation).
/// The first top-level unit in directory order (the platform's government), read
/// alone: what every public submission is addressed to by default.
pub async fn first_root(store: &Store) -> Result<Option<OrgId>> {
    let row =
        sqlx::query("SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY sort_order, id LIMIT 1")
            .fetch_optional(store.pool())
            .await?;
    Ok(match row {
        Some(row) => Some(OrgId(row.try_get("id")?)),
        None => None,
    })
}

pub async fn list(store: &Store) -> Result<Vec<Org>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM orgs ORDER BY sort_order, id"
    ))
    .fetch_all(store.pool())
    .await?;
    let mut orgs = rows.iter().map(org_from_row).collect::<Result<Vec<_>>>()?;
    let aliases = sqlx::query("SELECT org_id, alias FROM org_aliases ORDER BY org_id, position")
        .fetch_all(store.pool())
        .await?;
    for row in &aliases {
        let id = OrgId(row.try_get("org_id")?);
        if let Some(org) = orgs.iter_mut().find(|o| o.id == id) {
            org.aliases.push(row.try_get("alias")?);
        }
    }
    Ok(orgs)
}

/// The number of units.
pub async fn count(store: &Store) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM orgs")
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get("n")?)
}

async fn subtree_ids_in(conn: &mut AnyConnection, root: OrgId) -> Result<Vec<OrgId>> {
    let rows = sqlx::query(
        "WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE id = $1 \
         UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) \
         SELECT id FROM sub",
    )
    .bind(root.0)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| r.try_get("id").map(OrgId).map_err(Error::from))
        .collect()
}
