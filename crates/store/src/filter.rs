//! WHERE clauses built from optional filters, and the counted pages they select.
//!
//! Every value is bound as a parameter (`$1`, `$2`…), never spliced into the SQL.

use crate::{Result, Store};
use sqlx::Row;
use sqlx::any::AnyRow;

/// Conditions joined by AND, with their text bindings in placeholder order.
#[derive(Debug, Default)]
pub(crate) struct Conditions {
    conditions: Vec<String>,
    binds: Vec<String>,
}

impl Conditions {
    /// A condition without a value, e.g. `status = 'published'`.
    pub(crate) fn fixed(&mut self, condition: &str) -> &mut Self {
        self.conditions.push(condition.to_string());
        self
    }

    /// A condition whose every `?` is bound to the one `value`.
    pub(crate) fn bind(&mut self, condition: &str, value: String) -> &mut Self {
        self.binds.push(value);
        self.conditions
            .push(condition.replace('?', &format!("${}", self.binds.len())));
        self
    }

    /// A condition whose i-th `?` is bound to the i-th of `values`.
    pub(crate) fn bind_each<const N: usize>(
        &mut self,
        condition: &str,
        values: [String; N],
    ) -> &mut Self {
        let mut parts = condition.split('?');
        let mut sql = parts.next().unwrap_or_default().to_string();
        for (part, value) in parts.zip(values) {
            self.binds.push(value);
            sql.push_str(&format!("${}{part}", self.binds.len()));
        }
        self.conditions.push(sql);
        self
    }

    /// `column IN (…)` over row ids (numbers from the database, never user text);
    /// an empty list matches nothing.
    pub(crate) fn ids_in(&mut self, column: &str, ids: impl Iterator<Item = i64>) -> &mut Self {
        let list: Vec<String> = ids.map(|id| id.to_string()).collect();
        if list.is_empty() {
            self.fixed("1 = 0")
        } else {
            self.fixed(&format!("{column} IN ({})", list.join(", ")))
        }
    }

    /// [`Conditions::bind`] when `value` is given.
    pub(crate) fn bind_some(&mut self, condition: &str, value: Option<String>) -> &mut Self {
        if let Some(value) = value {
            self.bind(condition, value);
        }
        self
    }

    /// ` WHERE …`, or nothing when there is no condition.
    fn where_clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conditions.join(" AND "))
        }
    }

    /// The rows of `SELECT {columns} FROM {table}` that match, in `order`, from
    /// `offset` on at most `limit`, and the number of all matching rows.
    pub(crate) async fn page(
        &self,
        store: &Store,
        table: &str,
        columns: &str,
        order: &str,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<AnyRow>, i64)> {
        let clause = self.where_clause();
        let count_sql = format!("SELECT COUNT(*) AS n FROM {table}{clause}");
        let mut count = sqlx::query(&count_sql);
        for b in &self.binds {
            count = count.bind(b);
        }
        let total: i64 = count.fetch_one(store.pool()).await?.try_get("n")?;
        let n = self.binds.len();
        let sql = format!(
            "SELECT {columns} FROM {table}{clause} ORDER BY {order} LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        );
        let mut query = sqlx::query(&sql);
        for b in &self.binds {
            query = query.bind(b);
        }
        let rows = query
            .bind(limit)
            .bind(offset)
            .fetch_all(store.pool())
            .await?;
        Ok((rows, total))
    }
}
