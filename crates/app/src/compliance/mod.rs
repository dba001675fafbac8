//! Compliance monitoring (合规监测) as the office reads it: for every unit the user may
//! see and a period, each indicator's figure from the platform's own records, with the
//! late and missing records behind it.
//!
//! The indicators, the judgement of a record and the colours are
//! `gongkai_domain::compliance`; this module finds the records and their deadlines:
//! the library ([`documents`]), requests and messages ([`handling`]), consultations,
//! ledgers and annual reports ([`work`]). A record counts in the period its deadline
//! falls in.

mod documents;
mod handling;
mod sourced;
mod work;

use crate::access::{self, CurrentUser, STAFF};
use crate::documents::today;
use crate::{App, Error, OrgId, Result};
use chrono::{Datelike, NaiveDate};
use gongkai_domain::compliance::{Figure, Indicator, Item, Thresholds};
use gongkai_store::orgs::{self, Org};
use sourced::Sourced;

/// The days a monitor covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The longest period a monitor covers, in days (five years).
const MAX_PERIOD_DAYS: i64 = 5 * 366;

impl Period {
    /// A calendar year.
    pub fn year(year: i32) -> Result<Period> {
        let bad = || Error::invalid("年度", format!("{year} 不是有效的年份"));
        if !(2000..=2100).contains(&year) {
            return Err(bad());
        }
        let from = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?;
        let to = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?;
        Ok(Period { from, to })
    }

    /// The days from `from` to `to`, refused when they run backwards or span more
    /// than five years.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period> {
        if to < from {
            return Err(Error::invalid("统计期间", "截止日期不能早于起始日期"));
        }
        if (to - from).num_days() > MAX_PERIOD_DAYS {
            return Err(Error::invalid("统计期间", "统计期间不能超过五年"));
        }
        Ok(Period { from, to })
    }

    fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    /// 2025年, or 2025-01-01 至 2025-06-30.
    pub fn label_zh(&self) -> String {
        let whole_year = self.from.ordinal() == 1
            && self.to.year() == self.from.year()
            && self.to.month() == 12
            && self.to.day() == 31;
        if whole_year {
            format!("{}年", self.from.year())
        } else {
            format!("{} 至 {}", self.from, self.to)
        }
    }
}

/// One unit's figures, in [`Indicator::ALL`] order.
#[derive(Debug, Clone)]
pub struct UnitFigures {
    pub org: Org,
    pub figures: Vec<Figure>,
}

/// The monitor of a period.
#[derive(Debug, Clone)]
pub struct Monitor {
    pub period: Period,
    /// The day the records were judged on (open records past their deadline are
    /// overdue as of it).
    pub today: NaiveDate,
    pub units: Vec<UnitFigures>,
    /// All the units shown, together.
    pub totals: Vec<Figure>,
    pub thresholds: Thresholds,
}

/// The units the user may see the figures of: those their grants cover, and those of
/// the government whose disclosure office they are.
fn visible_units(user: &CurrentUser, all: &[Org]) -> Vec<Org> {
    all.iter()
        .filter(|o| user.covers(&STAFF, o.id, all) || access::is_office_for(user, o.id, all))
        .cloned()
        .collect()
}

/// The figures of `indicator` over `items`; an indicator without any record on the
/// whole platform has no source (no data, not 100 %).
fn figure(indicator: Indicator, items: Vec<Item>, sourced: bool) -> Figure {
    if sourced {
        Figure::of(indicator, items)
    } else {
        Figure::without_source(indicator)
    }
}

/// The monitor of `period` for the units the user may see.
pub async fn monitor(app: &App, user: &CurrentUser, period: Period) -> Result<Monitor> {
    let all = orgs::list(&app.store).await?;
    let units = visible_units(user, &all);
    if units.is_empty() {
        return Err(Error::Forbidden);
    }
    let today = today();
    let mut found = Sourced::default();
    documents::collect(app, today, &mut found).await?;
    handling::collect(app, today, &mut found).await?;
    let years = (period.from.year() - 1)..=(period.to.year() - 1);
    work::collect(app, years, today, &mut found).await?;
    let found = found.into_items();
    let sourced: Vec<Indicator> = Indicator::ALL
        .into_iter()
        .filter(|i| found.iter().any(|(of, _, _)| of == i))
        .collect();
    let in_period: Vec<(Indicator, OrgId, Item)> = found
        .into_iter()
        .filter(|(_, _, item)| period.contains(item.due))
        .collect();
    let figures_of = |keep: &dyn Fn(OrgId) -> bool| -> Vec<Figure> {
        Indicator::ALL
            .into_iter()
            .map(|indicator| {
                let items = in_period
                    .iter()
                    .filter(|(of, unit, _)| *of == indicator && keep(*unit))
                    .map(|(_, _, item)| item.clone())
                    .collect();
                figure(indicator, items, sourced.contains(&indicator))
            })
            .collect()
    };
    let shown: Vec<OrgId> = units.iter().map(|o| o.id).collect();
    Ok(Monitor {
        period,
        today,
        totals: figures_of(&|unit| shown.contains(&unit)),
        units: units
            .into_iter()
            .map(|org| UnitFigures {
                figures: figures_of(&|unit| unit == org.id),
                org,
            })
            .collect(),
        thresholds: Thresholds {
            green: f64::from(app.settings.compliance.green_percent) / 100.0,
            amber: f64::from(app.settings.compliance.amber_percent) / 100.0,
        },
    })
}
