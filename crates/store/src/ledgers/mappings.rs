//! Unit names a plan wrote that the directory does not know (a new abbreviation, a
//! renamed bureau, 街办 cut from 各乡、街办), mapped once by the office to the units they
//! mean, or to none, and remembered for every later plan of the same government.

use crate::{Error, OrgId, Result, Store, WriteTx};
use gongkai_domain::org::normalize_unit_name;
use sqlx::Row;
use std::collections::HashMap;

/// The remembered names of a government, by normalised name: the units each means
/// (empty: not a unit, ignore it).
pub async fn of(store: &Store, government: OrgId) -> Result<HashMap<String, Vec<OrgId>>> {
    let rows =
        sqlx::query("SELECT name_key, org_ids FROM unit_name_mappings WHERE root_org_id = $1")
            .bind(government.0)
            .fetch_all(store.pool())
            .await?;
    rows.iter()
        .map(|row| {
            let key: String = row.try_get("name_key")?;
            let ids: String = row.try_get("org_ids")?;
            let ids: Vec<i64> =
                serde_json::from_str(&ids).map_err(|_| Error::unreadable("单位映射", &ids))?;
            Ok((key, ids.into_iter().map(OrgId).collect()))
        })
        .collect()
}

/// The key a name is remembered under.
pub fn key(name: &str) -> String {
    normalize_unit_name(name)
}

/// Remembers what `name` means for a government, replacing an earlier mapping.
pub async fn remember(
    tx: &mut WriteTx,
    government: OrgId,
    name: &str,
    units: &[OrgId],
) -> Result<()> {
    let ids: Vec<i64> = units.iter().map(|o| o.0).collect();
    let ids_text = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".to_string());
    sqlx::query(
        "INSERT INTO unit_name_mappings (root_org_id, name_key, name, org_ids) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (root_org_id, name_key) DO UPDATE SET name = excluded.name, org_ids = excluded.org_ids",
    )
    .bind(government.0)
    .bind(key(name))
    .bind(name)
    .bind(&ids_text)
    .execute(tx.conn())
    .await?;
    let entry = serde_json::json!({"name": name, "units": ids});
    tx.record("unit_mapping.set", "org", government, None, Some(entry));
    Ok(())
}
