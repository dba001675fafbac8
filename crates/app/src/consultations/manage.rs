//! What staff do with a consultation after opening it: dispose of its comments (one
//! by one or as a group answered together), name the final document of the library;
//! and what the office does: extend it or close it early (each with its reason), and
//! publish the 意见收集和采纳情况 once it is over and every comment is answered.

use super::staff::opened;
use super::view::stage_of;
use crate::access::{CurrentUser, DOCUMENT_EDITORS, is_office_for};
use crate::documents::today;
use crate::{App, Error, Result};
use gongkai_domain::calendar::parse_date;
use gongkai_domain::consultation::{Disposition, Stage};
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_store::consultations::{self, Consultation};
use gongkai_store::{ConsultationId, DocumentId, documents};

/// The longest reason or summary, in characters.
const MAX_REASON_CHARS: usize = 500;
const MAX_SUMMARY_CHARS: usize = 5000;

/// Who may act on a consultation: its unit's editors, or the disclosure office.
#[derive(Clone, Copy)]
enum Who {
    Editors,
    Office,
}

/// The consultation, refused unless the user is `who` for its unit (the office may do
/// what the editors do).
async fn opened_as(
    app: &App,
    user: &CurrentUser,
    id: ConsultationId,
    who: Who,
) -> Result<Consultation> {
    let (page, all) = opened(app, user, id).await?;
    let c = page.view.consultation;
    let unit = c.fields.org_id;
    let allowed = is_office_for(user, unit, &all)
        || matches!(who, Who::Editors) && user.covers(&DOCUMENT_EDITORS, unit, &all);
    if !allowed {
        return Err(Error::Forbidden);
    }
    Ok(c)
}

/// A required reason, trimmed, no longer than `max`.
fn reason(value: &str, field: &str, max: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::invalid(field, "请说明理由"));
    }
    if value.chars().count() > max {
        return Err(Error::invalid(field, format!("不能超过 {max} 个字")));
    }
    Ok(value.to_string())
}

/// Gives the comments `ids` one disposition with its reason (required but for 采纳);
/// several comments are answered together as a group.
pub async fn dispose(
    app: &App,
    user: &CurrentUser,
    id: ConsultationId,
    ids: &[i64],
    disposition: &str,
    why: &str,
) -> Result<usize> {
    opened_as(app, user, id, Who::Editors).await?;
    if ids.is_empty() {
        return Err(Error::invalid("意见", "请勾选要处理的意见"));
    }
    let disposition = Disposition::parse(disposition)
        .ok_or_else(|| Error::invalid("采纳情况", "请选择采纳情况"))?;
    disposition.check_reason(why)?;
    let why = why.trim();
    if why.chars().count() > MAX_REASON_CHARS {
        return Err(Error::invalid(
            "理由",
            format!("不能超过 {MAX_REASON_CHARS} 个字"),
        ));
    }
    let mut tx = app.store.begin(user.actor()).await?;
    let n = consultations::dispose(&mut tx, id, ids, disposition, why).await?;
    tx.commit().await?;
    Ok(n)
}

/// Moves the last day for comments later, with a reason (the office).
pub async fn extend(
    app: &App,
    user: &CurrentUser,
    id: ConsultationId,
    until: &str,
    why: &str,
) -> Result<()> {
    let c = opened_as(app, user, id, Who::Office).await?;
    if stage_of(&c) == Stage::Closed {
        return Err(Error::invalid("延长期限", "征求意见已结束，不能延长"));
    }
    let until = parse_date(until.trim())
        .map_err(|_| Error::invalid("新的截止日期", "请填写有效日期（YYYY-MM-DD）"))?;
    if until <= c.fields.ends_on {
        return Err(Error::invalid(
            "新的截止日期",
            format!("须晚于原截止日期 {}", c.fields.ends_on),
        ));
    }
    let why = reason(why, "延长理由", MAX_REASON_CHARS)?;
    let mut tx = app.store.begin(user.actor()).await?;
    consultations::extend(&mut tx, &c, today(), until, &why).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends an open consultation today, with a reason (the office).
pub async fn close_early(
    app: &App,
    user: &CurrentUser,
    id: ConsultationId,
    why: &str,
) -> Result<()> {
    let c = opened_as(app, user, id, Who::Office).await?;
    if !matches!(stage_of(&c), Stage::Open { .. }) {
        return Err(Error::invalid("提前结束", "只有正在征求意见的才能提前结束"));
    }
    let why = reason(why, "提前结束理由", MAX_REASON_CHARS)?;
    let mut tx = app.store.begin(user.actor()).await?;
    consultations::close_early(&mut tx, &c, today(), &why).await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes the 意见收集和采纳情况 with the office's summary: only once the
/// consultation is over and every comment has its disposition, and never while the
/// summary or a reason shown with it holds personal information.
pub async fn publish(
    app: &App,
    user: &CurrentUser,
    id: ConsultationId,
    summary: &str,
) -> Result<()> {
    let c = opened_as(app, user, id, Who::Office).await?;
    if stage_of(&c) != Stage::Closed {
        return Err(Error::invalid(
            "公布采纳情况",
            "征求意见结束后才能公布采纳情况",
        ));
    }
    let comments = consultations::comments(&app.store, id).await?;
    let pending = comments.iter().filter(|c| c.disposition.is_none()).count();
    if pending > 0 {
        return Err(Error::invalid(
            "公布采纳情况",
            format!("尚有 {pending} 条意见未处理"),
        ));
    }
    let summary = reason(summary, "采纳情况说明", MAX_SUMMARY_CHARS)?;
    let guard = crate::guard::guard_of(&app.settings, today());
    crate::guard::require_clean(&guard, "采纳情况说明", &summary)?;
    for (_, why) in comments.iter().filter_map(|c| c.disposition.as_ref()) {
        crate::guard::require_clean(&guard, "意见处理理由", why)?;
    }
    let mut tx = app.store.begin(user.actor()).await?;
    consultations::publish(&mut tx, &c, today(), &summary).await?;
    tx.commit().await?;
    Ok(())
}

/// Names the published document of the library in which the consulted policy came
/// out (empty: none); both pages then link to each other.
pub async fn set_final_document(
    app: &App,
    user: &CurrentUser,
    id: ConsultationId,
    document: &str,
) -> Result<()> {
    let c = opened_as(app, user, id, Who::Editors).await?;
    let document = match document.trim() {
        "" => None,
        value => {
            let id = value
                .parse()
                .map(DocumentId)
                .map_err(|_| Error::invalid("正式文件", "无效的文件编号"))?;
            let found = documents::get(&app.store, id).await?;
            if found.status != DocumentStatus::Published {
                return Err(Error::invalid("正式文件", "只能关联已发布的文件"));
            }
            Some(id)
        }
    };
    let mut tx = app.store.begin(user.actor()).await?;
    consultations::set_final_document(&mut tx, &c, document).await?;
    tx.commit().await?;
    Ok(())
}
