//! A consultation as the participation pages show it, public and console alike:
//! dates, stage, usual period, materials, the documents it names, what happened to
//! it and, once published, the 意见收集和采纳情况.

use gongkai_app::consultations::{AdoptionReport, ConsultationView};
use gongkai_app::model::ConsultationFile;
use gongkai_domain::consultation::Stage;

/// A file of the materials.
pub struct FileLink {
    pub id: i64,
    pub name: String,
    pub size: String,
}

/// A library document named by the consultation.
pub struct DocumentLink {
    pub id: i64,
    pub title: String,
}

/// One event: when, what, why.
pub struct EventLine {
    pub on: String,
    pub what: &'static str,
    pub note: String,
}

/// The 意见收集和采纳情况 as the pages show it.
pub struct ReportShown {
    pub received: usize,
    pub counts: Vec<(&'static str, usize)>,
    /// Disposition, reason, number of comments.
    pub answers: Vec<(&'static str, String, usize)>,
    pub summary: String,
}

/// A consultation ready for the templates.
pub struct Shown {
    pub id: i64,
    pub title: String,
    pub org_name: String,
    pub kind: &'static str,
    pub starts_on: String,
    pub ends_on: String,
    pub stage: String,
    pub is_open: bool,
    pub is_closed: bool,
    /// E.g. 一般不少于30日（《重大行政决策程序暂行条例》第十五条）.
    pub usual: String,
    pub short_reason: String,
    pub draft_html: String,
    pub explanation_html: String,
    pub files: Vec<FileLink>,
    pub draft_document: Option<DocumentLink>,
    pub final_document: Option<DocumentLink>,
    pub events: Vec<EventLine>,
    pub report: Option<ReportShown>,
}

fn size_of(file: &ConsultationFile) -> String {
    let bytes = file.file.size_bytes as f64;
    if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KB", (bytes / 1024.0).ceil())
    }
}

fn link((id, title): &(gongkai_app::DocumentId, String)) -> DocumentLink {
    DocumentLink {
        id: id.0,
        title: title.clone(),
    }
}

pub fn report_shown(r: &AdoptionReport) -> ReportShown {
    ReportShown {
        received: r.received,
        counts: r.counts.iter().map(|(d, n)| (d.label_zh(), *n)).collect(),
        answers: r
            .answers
            .iter()
            .map(|a| (a.disposition.label_zh(), a.reason.clone(), a.comments))
            .collect(),
        summary: r.summary.clone(),
    }
}

impl From<&ConsultationView> for Shown {
    fn from(v: &ConsultationView) -> Shown {
        let c = &v.consultation;
        let basis = match v.usual.basis {
            "" => String::new(),
            basis => format!("（{basis}）"),
        };
        Shown {
            id: c.id.0,
            title: c.fields.title.clone(),
            org_name: v.org_name.clone(),
            kind: c.fields.kind.label_zh(),
            starts_on: c.fields.starts_on.to_string(),
            ends_on: c.fields.ends_on.to_string(),
            stage: v.stage.label_zh(),
            is_open: matches!(v.stage, Stage::Open { .. }),
            is_closed: v.stage == Stage::Closed,
            usual: format!("一般不少于{}{basis}", v.usual.length.label_zh()),
            short_reason: c.fields.short_reason.clone(),
            draft_html: c.fields.draft_html.clone(),
            explanation_html: c.fields.explanation_html.clone(),
            files: v
                .files
                .iter()
                .map(|f| FileLink {
                    id: f.id,
                    name: f.file.file_name.clone(),
                    size: size_of(f),
                })
                .collect(),
            draft_document: v.draft_document.as_ref().map(link),
            final_document: v.final_document.as_ref().map(link),
            events: v
                .events
                .iter()
                .map(|e| EventLine {
                    on: e.on.to_string(),
                    what: e.kind.label_zh(),
                    note: match e.until {
                        Some(until) if e.note.is_empty() => format!("截止日期延至 {until}"),
                        Some(until) => format!("截止日期延至 {until}：{}", e.note),
                        None => e.note.clone(),
                    },
                })
                .collect(),
            report: v.report.as_ref().map(report_shown),
        }
    }
}
