//! Opening a consultation: the form checked field by field, the period held to the
//! usual one for its kind of draft (a shorter one needs a reason), the materials as
//! sanitised rich text, uploaded files or a draft document of the library.

use super::view::period_rules;
use crate::access::{CurrentUser, DOCUMENT_EDITORS, is_office_for};
use crate::documents::files::save_upload;
use crate::documents::sanitize_html;
use crate::form::Problems;
use crate::ledgers::tracking::Upload;
use crate::{App, Error, Result};
use gongkai_domain::calendar::parse_date;
use gongkai_domain::consultation::{DraftKind, check_period};
use gongkai_store::consultations::{self, ConsultationFields};
use gongkai_store::{ConsultationId, DocumentId, OrgId, documents, orgs};
use serde::Deserialize;

/// The longest title, in characters.
const MAX_TITLE_CHARS: usize = 200;
/// The longest reason for a short period.
const MAX_REASON_CHARS: usize = 500;

/// The form to open a consultation.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ConsultationInput {
    /// The unit consulting (its id).
    #[serde(default)]
    pub org: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub kind: String,
    /// Ticked: the draft bears closely on market entities.
    #[serde(default)]
    pub market_related: String,
    #[serde(default)]
    pub draft_html: String,
    #[serde(default)]
    pub explanation_html: String,
    /// A draft document of the library (its id), instead of or beside the text.
    #[serde(default)]
    pub draft_document: String,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    #[serde(default)]
    pub short_reason: String,
}

impl ConsultationInput {
    /// The fields to store, every problem reported at once.
    async fn fields(&self, app: &App, files: usize) -> Result<ConsultationFields> {
        let mut problems = Problems::default();
        let org_id = self.org.trim().parse().map(OrgId);
        if org_id.is_err() {
            problems.add("征求意见单位", "请选择单位");
        }
        let title = problems.text(&self.title, MAX_TITLE_CHARS, "标题");
        if title.is_empty() {
            problems.add("标题", "请填写");
        }
        let kind = DraftKind::parse(&self.kind);
        if kind.is_none() {
            problems.add("草案类型", "请选择草案类型");
        }
        let draft_document = self.draft_document(app, &mut problems).await?;
        let draft_html = sanitize_html(&self.draft_html);
        if draft_html.trim().is_empty() && draft_document.is_none() && files == 0 {
            problems.add(
                "征求意见稿",
                "请填写草案内容、上传草案文件或选择文件库中的草案",
            );
        }
        let short_reason = problems.text(&self.short_reason, MAX_REASON_CHARS, "期限较短的理由");
        let dates = (
            parse_date(self.starts_on.trim()),
            parse_date(self.ends_on.trim()),
        );
        if dates.0.is_err() {
            problems.add("开始日期", "请填写有效日期（YYYY-MM-DD）");
        }
        if dates.1.is_err() {
            problems.add("截止日期", "请填写有效日期（YYYY-MM-DD）");
        }
        let market_related = !self.market_related.trim().is_empty();
        let mut period = None;
        if let (Some(kind), (Ok(starts_on), Ok(ends_on))) = (kind, dates) {
            let usual = kind.usual_period(market_related, &period_rules(app));
            match check_period(&app.calendar, usual, starts_on, ends_on, &short_reason) {
                Ok(p) => period = Some(p),
                Err(e) => problems.add("征求意见期限", e.to_string()),
            }
        }
        problems.finish()?;
        let (Ok(org_id), Some(kind), Some(period)) = (org_id, kind, period) else {
            return Err(Error::Internal("征求意见表单检查不完整".into()));
        };
        Ok(ConsultationFields {
            org_id,
            title,
            kind,
            market_related,
            draft_html,
            explanation_html: sanitize_html(&self.explanation_html),
            draft_document,
            starts_on: period.starts_on,
            ends_on: period.ends_on,
            short_reason: period.short_reason,
        })
    }

    /// The draft document named, which must be in the library.
    async fn draft_document(
        &self,
        app: &App,
        problems: &mut Problems,
    ) -> Result<Option<DocumentId>> {
        let value = self.draft_document.trim();
        if value.is_empty() {
            return Ok(None);
        }
        let Ok(id) = value.parse().map(DocumentId) else {
            problems.add("文件库中的草案", "无效的文件编号");
            return Ok(None);
        };
        match documents::get(&app.store, id).await {
            Ok(_) => Ok(Some(id)),
            Err(gongkai_store::Error::NotFound { .. }) => {
                problems.add("文件库中的草案", "文件库中没有这份文件");
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }
}

/// Whether the user may open a consultation for `unit`: its editors, or the office.
fn may_open(user: &CurrentUser, unit: OrgId, all: &[gongkai_store::orgs::Org]) -> bool {
    user.covers(&DOCUMENT_EDITORS, unit, all) || is_office_for(user, unit, all)
}

/// The units the user may open consultations for, in tree order with their depth.
pub async fn units(
    app: &App,
    user: &CurrentUser,
) -> Result<Vec<(usize, gongkai_store::orgs::Org)>> {
    let all = orgs::list(&app.store).await?;
    Ok(crate::orgs::tree_order(&all)
        .into_iter()
        .filter(|(_, o)| may_open(user, o.id, &all))
        .map(|(depth, o)| (depth, o.clone()))
        .collect())
}

/// Opens a consultation for a unit the user edits documents of, with its uploaded
/// files; returns its id.
pub async fn open(
    app: &App,
    user: &CurrentUser,
    input: &ConsultationInput,
    uploads: Vec<Upload>,
) -> Result<ConsultationId> {
    let fields = input.fields(app, uploads.len()).await?;
    let all = orgs::list(&app.store).await?;
    if !may_open(user, fields.org_id, &all) {
        return Err(Error::Forbidden);
    }
    let mut files = Vec::new();
    for upload in uploads {
        files.push(save_upload(app, &upload.file_name, upload.bytes).await?);
    }
    let mut tx = app.store.begin(user.actor()).await?;
    let created = consultations::create(&mut tx, &fields).await?;
    for file in &files {
        consultations::add_file(&mut tx, created.id, file).await?;
    }
    tx.commit().await?;
    Ok(created.id)
}
