//! The boxes that take messages, set by the disclosure office: a name, the unit that
//! answers, open or closed, the categories taken with their reply periods (default 3
//! working days, seeds 003, 004), and the ceiling of an extension (default 10).

use crate::access::{CurrentUser, is_office_for};
use crate::form::Problems;
use crate::{App, Error, Result};
use gongkai_domain::message::{Category, DEFAULT_MAX_WORKDAYS};
use gongkai_store::messages::{self, Mailbox, MailboxFields};
use gongkai_store::{MailboxId, OrgId, orgs};
use std::collections::HashMap;

/// The longest reply period a box may set, in working days.
const MAX_PERIOD: u32 = 60;

/// The form of a box: the period of each category taken, by the category's code
/// (empty: not taken).
#[derive(Debug, Clone, Default)]
pub struct MailboxInput {
    pub name: String,
    pub org: String,
    pub description: String,
    pub open: bool,
    pub periods: HashMap<String, String>,
    pub max_workdays: String,
}

impl MailboxInput {
    fn fields(&self) -> Result<MailboxFields> {
        let mut problems = Problems::default();
        let name = problems.text(&self.name, 50, "信箱名称");
        if name.is_empty() {
            problems.add("信箱名称", "请填写");
        }
        let org = self.org.trim().parse().map(OrgId);
        if org.is_err() {
            problems.add("答复单位", "请选择单位");
        }
        let max_workdays = match self.max_workdays.trim() {
            "" => DEFAULT_MAX_WORKDAYS,
            value => value.parse().unwrap_or_else(|_| {
                problems.add("延期后最长时限", "请填写工作日数");
                DEFAULT_MAX_WORKDAYS
            }),
        };
        let mut periods = Vec::new();
        for category in Category::ALL {
            let value = self.periods.get(category.code()).map_or("", |v| v.trim());
            if value.is_empty() {
                continue;
            }
            match value.parse::<u32>() {
                Ok(n) if (1..=MAX_PERIOD).contains(&n) && n <= max_workdays => {
                    periods.push((category, n));
                }
                _ => problems.add(
                    category.label_zh(),
                    format!(
                        "答复时限应为 1 到 {} 个工作日",
                        max_workdays.min(MAX_PERIOD)
                    ),
                ),
            }
        }
        if periods.is_empty() {
            problems.add("留言分类", "请至少设置一个分类的答复时限");
        }
        problems.finish()?;
        let Ok(org_id) = org else {
            return Err(Error::Internal("信箱表单检查不完整".into()));
        };
        Ok(MailboxFields {
            name,
            org_id,
            description: self.description.trim().to_string(),
            open: self.open,
            periods,
            max_workdays,
        })
    }
}

/// Every box, by name.
pub async fn boxes(app: &App) -> Result<Vec<Mailbox>> {
    Ok(messages::boxes(&app.store).await?)
}

/// The boxes that take messages now.
pub async fn open_boxes(app: &App) -> Result<Vec<Mailbox>> {
    Ok(boxes(app)
        .await?
        .into_iter()
        .filter(|b| b.fields.open)
        .collect())
}

/// Creates a box (`id` none) or changes one, for the disclosure office of its unit.
pub async fn save_box(
    app: &App,
    user: &CurrentUser,
    id: Option<MailboxId>,
    input: &MailboxInput,
) -> Result<MailboxId> {
    let fields = input.fields()?;
    let all = orgs::list(&app.store).await?;
    if !is_office_for(user, fields.org_id, &all) {
        return Err(Error::Forbidden);
    }
    let mut tx = app.store.begin(user.actor()).await?;
    let saved = match id {
        None => messages::create_box(&mut tx, &fields).await?,
        Some(id) => {
            let old = messages::get_box(&app.store, id).await?;
            if !is_office_for(user, old.fields.org_id, &all) {
                return Err(Error::Forbidden);
            }
            messages::update_box(&mut tx, &old, &fields).await?;
            id
        }
    };
    tx.commit().await?;
    Ok(saved)
}
