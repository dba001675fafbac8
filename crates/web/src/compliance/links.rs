//! Where the console shows the record behind a figure or a deduction.

use gongkai_domain::compliance::RecordRef;

/// The console page of `record`.
pub fn record_href(record: &RecordRef) -> String {
    let id = record.id;
    match record.kind {
        "document" => format!("/console/documents/{id}"),
        "request" => format!("/console/requests/{id}"),
        "message" => format!("/console/messages/{id}"),
        "consultation" => format!("/console/consultations/{id}"),
        "task" => format!("/console/tasks/{id}"),
        _ => "/console/reports/annual".to_string(),
    }
}
