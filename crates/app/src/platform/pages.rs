//! The platform's pages the office writes: the 政府信息公开指南 (条例第十二条 asks for
//! one, kept current), the 政府信息公开制度 (the agency's own rules of disclosure work)
//! and the 机构职能 (条例第二十条第（二）项: functions, set-up, address, hours,
//! contacts, heads). Until the office writes one, the portal shows what it can compute
//! (the guide from the settings, the units from the directory).

use crate::access::{CurrentUser, require_office};
use crate::documents::{sanitize_html, today};
use crate::guard::{guard_of, require_clean};
use crate::{App, Error, Result};
use gongkai_store::platform_pages::{self, PlatformPage};

/// Longest page body, in characters of HTML.
pub const MAX_PAGE_CHARS: usize = 200_000;

/// A page the office writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// 政府信息公开指南.
    Guide,
    /// 政府信息公开制度.
    Rules,
    /// 机构职能.
    Organization,
}

impl PageKind {
    pub const ALL: [PageKind; 3] = [PageKind::Guide, PageKind::Rules, PageKind::Organization];

    /// Stable code, used in addresses and the database.
    pub fn code(self) -> &'static str {
        match self {
            PageKind::Guide => "guide",
            PageKind::Rules => "rules",
            PageKind::Organization => "organization",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            PageKind::Guide => "政府信息公开指南",
            PageKind::Rules => "政府信息公开制度",
            PageKind::Organization => "机构职能",
        }
    }

    pub fn from_code(code: &str) -> Result<PageKind> {
        PageKind::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .ok_or_else(|| Error::NotFound("页面不存在".to_string()))
    }
}

/// The page as the office last saved it, if it has.
pub async fn page(app: &App, kind: PageKind) -> Result<Option<PlatformPage>> {
    Ok(platform_pages::get(&app.store, kind.code()).await?)
}

/// Saves a page's body (HTML as typed or pasted; sanitised here, and checked for
/// personal information): the office only. An empty body is refused, so a page never
/// goes blank.
pub async fn save_page(app: &App, user: &CurrentUser, kind: PageKind, html: &str) -> Result<()> {
    require_office(user)?;
    let clean = sanitize_html(html);
    if clean.trim().is_empty() {
        return Err(Error::invalid("正文", "请填写页面内容"));
    }
    // The pages are published as they are saved: no personal information in them.
    let guard = guard_of(&app.settings, today());
    require_clean(&guard, "正文", &clean)?;
    if clean.chars().count() > MAX_PAGE_CHARS {
        return Err(Error::invalid(
            "正文",
            format!("不能超过 {MAX_PAGE_CHARS} 个字符"),
        ));
    }
    let mut tx = app.store.begin(user.actor()).await?;
    platform_pages::save(&mut tx, kind.code(), &clean).await?;
    tx.commit().await?;
    Ok(())
}
