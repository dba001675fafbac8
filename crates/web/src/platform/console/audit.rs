//! The console's audit log: filtered pages and the chain check.

use crate::kit::error::WebError;
use crate::kit::format::local_time;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use chrono::{NaiveDate, TimeZone};
use gongkai_app::config::china_offset;
use gongkai_app::model::{AuditEntry, AuditFilter, Timestamp};
use gongkai_app::{access, audit, orgs};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/audit", get(list_audit))
        .route("/console/audit/verify", get(verify_audit))
}

/// The filter form as typed; empty fields do not filter.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct FilterForm {
    pub actor: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub from: String,
    pub until: String,
    #[serde(skip_serializing)]
    pub page: Option<i64>,
}

fn non_empty(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The start of a China-time day, in UTC.
fn day_start(date: NaiveDate) -> Option<Timestamp> {
    let midnight = date.and_hms_opt(0, 0, 0)?;
    china_offset()
        .from_local_datetime(&midnight)
        .single()
        .map(|t| t.with_timezone(&chrono::Utc))
}

impl FilterForm {
    fn to_filter(&self) -> Result<AuditFilter, gongkai_app::Error> {
        let date = |field: &str, text: &str| -> Result<Option<NaiveDate>, gongkai_app::Error> {
            match non_empty(text) {
                None => Ok(None),
                Some(t) => gongkai_domain::calendar::parse_date(&t)
                    .map(Some)
                    .map_err(|e| gongkai_app::Error::invalid(field, e.to_string())),
            }
        };
        let from = date("起始日期", &self.from)?;
        let until = date("截止日期", &self.until)?;
        Ok(AuditFilter {
            actor_name: non_empty(&self.actor),
            action: non_empty(&self.action),
            entity_type: non_empty(&self.entity_type),
            entity_id: non_empty(&self.entity_id),
            from: from.and_then(day_start),
            until: until.and_then(|d| d.succ_opt()).and_then(day_start),
        })
    }

    fn link_to(&self, page: i64) -> String {
        let query = serde_urlencoded_pairs(self);
        format!("/console/audit?{query}&page={page}")
    }
}

fn serde_urlencoded_pairs(form: &FilterForm) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .append_pair("actor", &form.actor)
        .append_pair("action", &form.action)
        .append_pair("entity_type", &form.entity_type)
        .append_pair("entity_id", &form.entity_id)
        .append_pair("from", &form.from)
        .append_pair("until", &form.until)
        .finish()
}

pub struct EntryRow {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    /// One line per changed field.
    pub changes: Vec<String>,
}

impl From<AuditEntry> for EntryRow {
    fn from(e: AuditEntry) -> EntryRow {
        EntryRow {
            seq: e.seq,
            at: local_time(e.at),
            actor: e.actor_name,
            action: e.action,
            entity: format!("{} {}", e.entity_type, e.entity_id),
            changes: describe_change(e.before_json.as_deref(), e.after_json.as_deref()),
        }
    }
}

/// The fields an entry changed, as `field：before → after` (or `field：value` for a
/// new record); entries whose states are not JSON objects are shown as stored.
fn describe_change(before: Option<&str>, after: Option<&str>) -> Vec<String> {
    use serde_json::{Map, Value};
    let object = |text: Option<&str>| -> Option<Map<String, Value>> {
        match serde_json::from_str(text?) {
            Ok(Value::Object(map)) => Some(map),
            _ => None,
        }
    };
    let shown = |v: Option<&Value>| match v {
        None | Some(Value::Null) => "（空）".to_string(),
        Some(Value::String(s)) if s.is_empty() => "（空）".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    match (object(before), object(after)) {
        (old, Some(new)) => {
            let old = old.unwrap_or_default();
            new.iter()
                .filter(|(key, value)| old.get(*key) != Some(*value))
                .filter(|(key, value)| old.contains_key(*key) || shown(Some(value)) != "（空）")
                .map(|(key, value)| match old.get(key) {
                    Some(was) => format!("{key}：{} → {}", shown(Some(was)), shown(Some(value))),
                    None => format!("{key}：{}", shown(Some(value))),
                })
                .collect()
        }
        _ => [before, after]
            .into_iter()
            .flatten()
            .map(str::to_string)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::describe_change;

    #[test]
    fn a_change_lists_only_the_fields_that_changed() {
        let before = r#"{"name":"甲","sort_order":1,"aliases":[]}"#;
        let after = r#"{"name":"乙","sort_order":1,"aliases":["丙"]}"#;
        assert_eq!(
            describe_change(Some(before), Some(after)),
            ["aliases：[] → [\"丙\"]", "name：甲 → 乙"]
        );
    }

    #[test]
    fn a_new_record_lists_its_filled_fields() {
        let after = r#"{"name":"甲","contact_phone":"","credit_code":null}"#;
        assert_eq!(describe_change(None, Some(after)), ["name：甲"]);
        assert!(describe_change(None, None).is_empty());
    }
}

#[derive(Template)]
#[template(path = "platform/audit.html")]
struct AuditPageView {
    layout: Layout,
    filter: FilterForm,
    entries: Vec<EntryRow>,
    total: i64,
    page: i64,
    pages: i64,
    prev_link: Option<String>,
    next_link: Option<String>,
}

async fn list_audit(
    State(state): State<AppState>,
    staff: Staff,
    Query(form): Query<FilterForm>,
) -> Result<Html<String>, WebError> {
    let filter = form.to_filter()?;
    let page = form.page.unwrap_or(1).max(1);
    let found = audit::list(&state.app, &staff.user, &filter, page).await?;
    let pages = ((found.total + audit::PAGE_SIZE - 1) / audit::PAGE_SIZE).max(1);
    render(&AuditPageView {
        layout: Layout::for_staff(&state, &staff, "审计日志").await?,
        entries: found.entries.into_iter().map(EntryRow::from).collect(),
        total: found.total,
        prev_link: (page > 1).then(|| form.link_to(page - 1)),
        next_link: (page < pages).then(|| form.link_to(page + 1)),
        page,
        pages,
        filter: form,
    })
}

#[derive(Template)]
#[template(path = "platform/audit_verify.html")]
struct VerifyPage {
    layout: Layout,
    checked: i64,
    broken: Option<(i64, String)>,
}

async fn verify_audit(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    let all = orgs::public_directory(&state.app).await?;
    access::require_platform_admin(&staff.user, &all)?;
    let report = audit::verify(&state.app).await?;
    render(&VerifyPage {
        layout: Layout::for_staff(&state, &staff, "哈希链校验").await?,
        checked: report.checked,
        broken: report.first_broken.map(|b| (b.seq, b.reason)),
    })
}
