//! One record judged against its deadline, and an indicator's figure over the records.

use chrono::NaiveDate;

use super::Indicator;
use crate::calendar::Calendar;

/// The record an item stands for, for a link to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecordRef {
    /// `document`, `request`, `message`, `consultation`, `task` or `annual_report`.
    pub kind: &'static str,
    pub id: i64,
}

/// How a record kept its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done by the deadline.
    OnTime,
    /// Done after the deadline, by this many working days.
    Late { workdays: i64 },
    /// Not done, and the deadline has passed by this many working days.
    Overdue { workdays: i64 },
    /// Not done, not yet due: not counted.
    Pending,
}

impl Outcome {
    /// A record due on `due` and done on `done` (if it is), judged on `today`; days
    /// past the deadline are working days of `calendar`.
    pub fn judge(
        calendar: &Calendar,
        due: NaiveDate,
        done: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Outcome {
        let past = |until: NaiveDate| calendar.workdays_between(due, until).value.max(1);
        match done {
            Some(done) if done <= due => Outcome::OnTime,
            Some(done) => Outcome::Late {
                workdays: past(done),
            },
            None if today > due => Outcome::Overdue {
                workdays: past(today),
            },
            None => Outcome::Pending,
        }
    }

    /// Whether the outcome counts against the unit.
    pub fn is_fault(self) -> bool {
        matches!(self, Outcome::Late { .. } | Outcome::Overdue { .. })
    }

    /// How the monitor words it.
    pub fn label_zh(self) -> String {
        match self {
            Outcome::OnTime => "按期".to_string(),
            Outcome::Late { workdays } => format!("超期 {workdays} 个工作日"),
            Outcome::Overdue { workdays } => format!("逾期未办 {workdays} 个工作日"),
            Outcome::Pending => "未到期".to_string(),
        }
    }
}

/// One record measured by an indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub record: RecordRef,
    /// 《标题》 or a serial, as staff know the record.
    pub label: String,
    pub due: NaiveDate,
    pub done: Option<NaiveDate>,
    pub outcome: Outcome,
    /// What else explains it (e.g. 未说明理由的短期限).
    pub note: String,
}

impl Item {
    /// The record `record`, known to staff as `label`, due on `due` and done on `done`
    /// (if it is), judged on `today`.
    pub fn judged(
        calendar: &Calendar,
        record: RecordRef,
        label: String,
        due: NaiveDate,
        done: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Item {
        Item {
            record,
            label,
            due,
            done,
            outcome: Outcome::judge(calendar, due, done, today),
            note: String::new(),
        }
    }
}

/// An indicator's figure for one unit and period, with the records behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub indicator: Indicator,
    /// Records counted (due in the period; pending ones are not).
    pub counted: usize,
    pub on_time: usize,
    /// Done late.
    pub late: usize,
    /// Not done, past the deadline.
    pub overdue: usize,
    /// The late and overdue records, worst first.
    pub faults: Vec<Item>,
    /// False when the platform holds no records of this kind yet (the indicator has
    /// no data, which is not 100 %).
    pub has_source: bool,
}

impl Figure {
    /// The figure of `items` (pending ones set aside).
    pub fn of(indicator: Indicator, items: Vec<Item>) -> Figure {
        let counted: Vec<Item> = items
            .into_iter()
            .filter(|i| i.outcome != Outcome::Pending)
            .collect();
        let count = |f: fn(&Outcome) -> bool| counted.iter().filter(|i| f(&i.outcome)).count();
        let on_time = count(|o| *o == Outcome::OnTime);
        let late = count(|o| matches!(o, Outcome::Late { .. }));
        let overdue = count(|o| matches!(o, Outcome::Overdue { .. }));
        let mut faults: Vec<Item> = counted
            .iter()
            .filter(|i| i.outcome.is_fault())
            .cloned()
            .collect();
        faults.sort_by_key(|i| std::cmp::Reverse(severity(i.outcome)));
        Figure {
            indicator,
            counted: counted.len(),
            on_time,
            late,
            overdue,
            faults,
            has_source: true,
        }
    }

    /// The figure of an indicator whose records the platform does not hold.
    pub fn without_source(indicator: Indicator) -> Figure {
        Figure {
            has_source: false,
            ..Figure::of(indicator, Vec::new())
        }
    }

    /// Share on time, 0.0–1.0; `None` when nothing was counted.
    pub fn rate(&self) -> Option<f64> {
        (self.counted > 0).then(|| self.on_time as f64 / self.counted as f64)
    }

    /// The rate in per cent with one decimal, `—` without data.
    pub fn rate_text(&self) -> String {
        self.rate()
            .map_or_else(|| "—".to_string(), |r| format!("{:.1}%", r * 100.0))
    }
}

/// Overdue before late, then by the days past the deadline.
fn severity(outcome: Outcome) -> (u8, i64) {
    match outcome {
        Outcome::Overdue { workdays } => (2, workdays),
        Outcome::Late { workdays } => (1, workdays),
        _ => (0, 0),
    }
}

/// Red, amber or green.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rag {
    Green,
    Amber,
    Red,
    /// Nothing counted.
    NoData,
}

impl Rag {
    /// Stable code for the API and CSS classes.
    pub fn code(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
            Rag::NoData => "none",
        }
    }

    /// Chinese name, for those who cannot tell the colours apart.
    pub fn label_zh(self) -> &'static str {
        match self {
            Rag::Green => "良好",
            Rag::Amber => "需关注",
            Rag::Red => "较差",
            Rag::NoData => "无数据",
        }
    }
}

/// The rates at which a figure turns green and amber (the office's convention: all on
/// time is the standard, a few late items a warning).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub green: f64,
    pub amber: f64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            green: 0.95,
            amber: 0.80,
        }
    }
}

impl Thresholds {
    /// The colour of a figure.
    pub fn rag(&self, figure: &Figure) -> Rag {
        match figure.rate() {
            None => Rag::NoData,
            Some(r) if r >= self.green => Rag::Green,
            Some(r) if r >= self.amber => Rag::Amber,
            Some(_) => Rag::Red,
        }
    }
}
