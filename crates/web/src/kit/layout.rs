//! The one base layout: what every page shows around its content (agency, user,
//! preferences, the calendar banner), for public and console pages.

use super::state::AppState;
use super::visitor::{Prefs, Staff, Visitor};
use chrono::{Datelike, NaiveDate};
use gongkai_app::config::china_offset;
use gongkai_domain::calendar::Calendar;

/// Which navigation the page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Public,
    Console,
}

/// The signed-in user as the header shows them.
#[derive(Debug, Clone)]
pub struct UserBadge {
    pub display_name: String,
    pub username: String,
    pub platform_admin: bool,
}

/// Everything the base layout needs.
#[derive(Debug, Clone)]
pub struct Layout {
    pub agency_name: String,
    pub logo_url: String,
    pub title: String,
    pub area: Area,
    pub prefs: Prefs,
    pub user: Option<UserBadge>,
    pub csrf_token: String,
    /// A notice shown on console pages, e.g. a missing holiday schedule.
    pub banner: Option<String>,
    /// Current path and query, URL-encoded, for links that come back here.
    pub back: String,
    /// Whether the header carries the search box (not on the search page itself).
    pub header_search: bool,
}

impl Layout {
    /// The layout of a public page.
    pub fn public(state: &AppState, visitor: &Visitor, title: &str) -> Layout {
        Layout {
            agency_name: state.app.settings.agency.name.clone(),
            logo_url: state.app.settings.agency.logo_url.clone(),
            title: title.to_string(),
            area: Area::Public,
            prefs: visitor.prefs.clone(),
            user: visitor.user().map(|u| UserBadge {
                display_name: u.display_name.clone(),
                username: u.username.clone(),
                platform_admin: false,
            }),
            csrf_token: visitor.csrf_token().to_string(),
            banner: None,
            back: url::form_urlencoded::byte_serialize(visitor.here.as_bytes()).collect(),
            header_search: true,
        }
    }

    /// The layout of a console page, with the calendar banner when needed.
    pub fn console(
        state: &AppState,
        visitor: &Visitor,
        title: &str,
        platform_admin: bool,
    ) -> Layout {
        let mut layout = Layout::public(state, visitor, title);
        layout.area = Area::Console;
        layout.banner = calendar_banner(state);
        layout.header_search = false;
        if let Some(badge) = layout.user.as_mut() {
            badge.platform_admin = platform_admin;
        }
        layout
    }

    /// The console layout for this staff member (the admin links need the directory).
    pub async fn for_staff(
        state: &AppState,
        staff: &Staff,
        title: &str,
    ) -> Result<Layout, gongkai_app::Error> {
        let all = gongkai_app::orgs::public_directory(&state.app).await?;
        let admin = staff.user.is_platform_admin(&all);
        Ok(Layout::console(state, &staff.visitor, title, admin))
    }

    pub fn is_console(&self) -> bool {
        self.area == Area::Console
    }

    pub fn html_class(&self) -> String {
        let mut class = format!("font-{}", self.prefs.font);
        if self.prefs.high_contrast {
            class.push_str(" contrast-high");
        }
        class
    }
}

/// How far ahead deadlines reach: a request received today may be due after an
/// extension some 60 working days (about 90 days) from now.
const DEADLINE_HORIZON_DAYS: i64 = 90;

fn calendar_banner(state: &AppState) -> Option<String> {
    let today = chrono::Utc::now()
        .with_timezone(&china_offset())
        .date_naive();
    missing_schedule_banner(&state.app.calendar, today)
}

/// The warning that a year's holiday schedule is missing, if deadlines computed on
/// `today` could fall into such a year.
fn missing_schedule_banner(calendar: &Calendar, today: NaiveDate) -> Option<String> {
    let horizon = today + chrono::Duration::days(DEADLINE_HORIZON_DAYS);
    let missing: Vec<i32> = (today.year()..=horizon.year())
        .filter(|&y| NaiveDate::from_ymd_opt(y, 6, 30).is_some_and(|d| !calendar.covers(d)))
        .collect();
    let years = missing
        .iter()
        .map(|y| format!("{y}年"))
        .collect::<Vec<_>>()
        .join("、");
    (!missing.is_empty()).then(|| {
        format!(
            "尚未载入{years}的节假日安排：涉及该年的期限暂按周末推算，为临时结果。\
             请在国务院办公厅发布放假通知后，由管理员将其载入数据目录的 holidays.json。"
        )
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use gongkai_domain::calendar::parse_date;

    #[test]
    fn the_banner_names_the_missing_year_once_deadlines_can_reach_it() {
        let calendar = Calendar::builtin();
        assert_eq!(
            missing_schedule_banner(&calendar, parse_date("2026-06-01").unwrap()),
            None
        );
        let late = missing_schedule_banner(&calendar, parse_date("2026-11-22").unwrap()).unwrap();
        assert!(late.starts_with("尚未载入2027年的节假日安排"), "{late}");
        let loaded = calendar
            .with_extra_years(
                r#"{"2027": {"holidays": [["2027-01-01", "2027-01-01"]], "workdays": []}}"#,
            )
            .unwrap();
        assert_eq!(
            missing_schedule_banner(&loaded, parse_date("2026-11-22").unwrap()),
            None
        );
    }
}
