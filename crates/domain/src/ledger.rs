//! Rules of work-plan ledgers (任务分工台账): the statuses a task goes through from
//! assignment to sign-off (销号), who moves it, and when it is overdue or due soon on
//! the working-day calendar.
//!
//! A task shared by several units is tracked per unit: each unit's part (its share of
//! the task) goes through the statuses on its own — the unit reports progress
//! (推进中) and completion (已完成); only the disclosure office signs a completed part
//! off (已销号) or returns it with a reason, which puts it back to 推进中. The task's
//! status follows from its parts ([`TaskStatus::of_parts`]): done when every unit is,
//! signed off when every unit is, or when the office closes it (办结) with a reason
//! naming the units left. A signed-off task is closed. 逾期 is never stored: it is derived from the
//! deadline, the status and today's date.

use chrono::NaiveDate;
use serde::Serialize;

use super::calendar::Calendar;

/// Defines a small enum with stable codes and Chinese labels.
macro_rules! coded_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = ($code:literal, $label:literal)),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and used by the API.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn label_zh(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The value with this code or Chinese name.
            pub fn parse(s: &str) -> Option<$name> {
                let s = s.trim();
                $name::ALL.iter().copied().find(|v| v.code() == s || v.label_zh() == s)
            }
        }
    };
}

coded_enum!(
    /// Where a task stands.
    TaskStatus {
        /// 未开始: assigned, nothing reported yet.
        NotStarted = ("not_started", "未开始"),
        /// 推进中: a unit reported progress, or the office returned it.
        InProgress = ("in_progress", "推进中"),
        /// 已完成: a unit reported it done; waiting for the office.
        Completed = ("completed", "已完成"),
        /// 已销号: the office checked it and closed it.
        SignedOff = ("signed_off", "已销号"),
    }
);

impl TaskStatus {
    /// Done as far as deadlines go: completed or signed off.
    pub fn is_done(self) -> bool {
        matches!(self, TaskStatus::Completed | TaskStatus::SignedOff)
    }

    /// Whether a unit's report may move a task from `self` to `to`: progress or
    /// completion, never on a signed-off task (it is closed) and never back to 未开始.
    pub fn unit_may_report(self, to: TaskStatus) -> bool {
        self != TaskStatus::SignedOff
            && matches!(to, TaskStatus::InProgress | TaskStatus::Completed)
    }

    /// Whether the office may sign the task off: only what a unit reported done.
    pub fn may_sign_off(self) -> bool {
        self == TaskStatus::Completed
    }

    /// Whether the office may return the task to the unit (with a reason): what was
    /// reported done but does not hold up.
    pub fn may_return(self) -> bool {
        self == TaskStatus::Completed
    }

    /// The status of a task from the statuses of its units' parts: 已销号 when every
    /// part is signed off, 已完成 when every part is done, 推进中 once any unit has
    /// started, else 未开始; `None` for a task without units (nothing to derive).
    pub fn of_parts(parts: impl IntoIterator<Item = TaskStatus>) -> Option<TaskStatus> {
        let parts: Vec<TaskStatus> = parts.into_iter().collect();
        let all = |pred: fn(&TaskStatus) -> bool| parts.iter().all(pred);
        if parts.is_empty() {
            None
        } else if all(|s| *s == TaskStatus::SignedOff) {
            Some(TaskStatus::SignedOff)
        } else if all(|s| s.is_done()) {
            Some(TaskStatus::Completed)
        } else if all(|s| *s == TaskStatus::NotStarted) {
            Some(TaskStatus::NotStarted)
        } else {
            Some(TaskStatus::InProgress)
        }
    }
}

coded_enum!(
    /// Where a plan stands: extracted and being reviewed, or handed to the units.
    PlanStatus {
        /// 待确认: the office reviews and corrects the extracted tasks.
        Draft = ("draft", "待确认"),
        /// 已下发: the tasks are the units' to carry out.
        Confirmed = ("confirmed", "已下发"),
    }
);

coded_enum!(
    /// A unit's part in a task.
    UnitRole {
        /// 牵头单位.
        Lead = ("lead", "牵头单位"),
        /// 责任单位.
        Responsible = ("responsible", "责任单位"),
    }
);

coded_enum!(
    /// What an entry of a task's record is.
    ReportKind {
        /// A unit's progress report (进展情况).
        Progress = ("progress", "进展报告"),
        /// The office signed the task off (销号).
        SignOff = ("sign_off", "销号"),
        /// The office returned the task with a reason (退回).
        Return = ("return", "退回"),
        /// The office closed the whole task with a reason naming the units left (办结).
        Close = ("close", "办结"),
    }
);

/// How a task stands against its deadline today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Timeliness {
    /// Completed or signed off.
    Done,
    /// No deadline, or a continuing task (持续推进, 常态化…).
    Open,
    /// The deadline is today or ahead: `workdays_left` working days after today up to
    /// it, `days_left` calendar days.
    OnTime { workdays_left: i64, days_left: i64 },
    /// 逾期: the deadline has passed and the task is not done.
    Overdue { workdays_late: i64 },
}

impl Timeliness {
    /// The task's standing on `today`. A deadline such as 9月底前 allows the whole of its
    /// last day, so a task is late from the next day on. Plan deadlines are the plan's
    /// own dates, not periods counted in days, so a last day on a holiday is not moved.
    /// A continuing task (持续推进) with a first milestone (7月底前完成并持续推进) is held
    /// to the milestone; one without a date stays open.
    pub fn of(
        deadline: Option<NaiveDate>,
        status: TaskStatus,
        today: NaiveDate,
        calendar: &Calendar,
    ) -> Timeliness {
        Timeliness::on(deadline, status.is_done(), today, calendar)
    }

    /// The standing of anything with a last day (a task, a request's reply) on `today`:
    /// [`Timeliness::Done`] once `done`.
    pub fn on(
        deadline: Option<NaiveDate>,
        done: bool,
        today: NaiveDate,
        calendar: &Calendar,
    ) -> Timeliness {
        if done {
            return Timeliness::Done;
        }
        let Some(last_day) = deadline else {
            return Timeliness::Open;
        };
        let left = calendar.workdays_between(today, last_day).value;
        if last_day < today {
            Timeliness::Overdue {
                workdays_late: -left,
            }
        } else {
            Timeliness::OnTime {
                workdays_left: left,
                days_left: (last_day - today).num_days(),
            }
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Timeliness::Overdue { .. })
    }

    /// Due within `n` working days (today's deadline included), and not done.
    pub fn is_due_within(self, n: i64) -> bool {
        matches!(self, Timeliness::OnTime { workdays_left, .. } if workdays_left <= n)
    }

    /// Short Chinese description for lists: 逾期3个工作日, 剩余5个工作日, 今日到期.
    pub fn label_zh(self) -> String {
        match self {
            Timeliness::Done => "已完成".to_string(),
            Timeliness::Open => "持续推进".to_string(),
            Timeliness::OnTime { days_left: 0, .. } => "今日到期".to_string(),
            Timeliness::OnTime {
                workdays_left: 0,
                days_left,
            } => format!("{days_left}天后到期（其间无工作日）"),
            Timeliness::OnTime { workdays_left, .. } => format!("剩余{workdays_left}个工作日"),
            Timeliness::Overdue { workdays_late: 0 } => "已逾期".to_string(),
            Timeliness::Overdue { workdays_late } => format!("逾期{workdays_late}个工作日"),
        }
    }
}

/// The share of tasks done (completed or signed off), in whole per cent, rounded down
/// so that 99.6% never shows as 100%. An empty set counts as 0%.
pub fn completion_percent(done: usize, total: usize) -> u32 {
    if total == 0 {
        return 0;
    }
    u32::try_from(done.min(total) * 100 / total).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::calendar::parse_date;

    fn day(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn statuses_round_trip_through_code_and_chinese_name() {
        for &status in TaskStatus::ALL {
            assert_eq!(TaskStatus::parse(status.code()), Some(status));
            assert_eq!(TaskStatus::parse(status.label_zh()), Some(status));
        }
        assert_eq!(
            TaskStatus::parse("逾期"),
            None,
            "overdue is derived, not a status"
        );
    }

    #[test]
    fn a_shared_task_is_done_when_every_units_part_is() {
        use TaskStatus::*;
        assert_eq!(TaskStatus::of_parts([]), None);
        assert_eq!(
            TaskStatus::of_parts([NotStarted, NotStarted]),
            Some(NotStarted)
        );
        assert_eq!(
            TaskStatus::of_parts([Completed, NotStarted, NotStarted]),
            Some(InProgress),
            "one unit of three done: the task is not"
        );
        assert_eq!(
            TaskStatus::of_parts([Completed, SignedOff]),
            Some(Completed)
        );
        assert_eq!(
            TaskStatus::of_parts([SignedOff, SignedOff, Completed]),
            Some(Completed),
            "signed off when the last part is"
        );
        assert_eq!(TaskStatus::of_parts([SignedOff; 3]), Some(SignedOff));
    }

    #[test]
    fn units_report_progress_or_completion_but_never_reopen_a_signed_off_task() {
        use TaskStatus::*;
        assert!(NotStarted.unit_may_report(InProgress));
        assert!(NotStarted.unit_may_report(Completed));
        assert!(Completed.unit_may_report(InProgress));
        assert!(!InProgress.unit_may_report(NotStarted));
        assert!(
            !InProgress.unit_may_report(SignedOff),
            "only the office signs off"
        );
        assert!(!SignedOff.unit_may_report(InProgress));
        assert!(Completed.may_sign_off() && Completed.may_return());
        assert!(!InProgress.may_sign_off() && !SignedOff.may_return());
    }

    #[test]
    fn a_task_is_late_from_the_day_after_its_deadline_counted_in_working_days() {
        let calendar = Calendar::builtin();
        let status = TaskStatus::InProgress;
        // 2024-09-30 (Mon) deadline. National Day 2024: 10-01..10-07 off; Sunday 09-29 and
        // Saturday 10-12 are make-up working days.
        let deadline = Some(day("2024-09-30"));
        let on = |today| Timeliness::of(deadline, status, day(today), &calendar);
        assert_eq!(
            on("2024-09-30"),
            Timeliness::OnTime {
                workdays_left: 0,
                days_left: 0
            }
        );
        assert_eq!(on("2024-09-30").label_zh(), "今日到期");
        // From Friday 09-27: Sunday 09-29 and Monday 09-30.
        assert_eq!(
            on("2024-09-27"),
            Timeliness::OnTime {
                workdays_left: 2,
                days_left: 3
            }
        );
        // 10-08 is the first working day after the deadline.
        assert_eq!(on("2024-10-08"), Timeliness::Overdue { workdays_late: 1 });
        // During the holiday it is late, by no working day yet.
        assert_eq!(on("2024-10-03"), Timeliness::Overdue { workdays_late: 0 });
        assert_eq!(on("2024-10-03").label_zh(), "已逾期");
        assert!(on("2024-09-27").is_due_within(2));
        assert!(!on("2024-09-20").is_due_within(2));
    }

    #[test]
    fn a_deadline_on_a_weekend_seen_on_friday_is_not_due_today() {
        let calendar = Calendar::builtin();
        // Friday 2024-11-22, deadline Sunday 2024-11-24: no working day between.
        let t = Timeliness::of(
            Some(day("2024-11-24")),
            TaskStatus::InProgress,
            day("2024-11-22"),
            &calendar,
        );
        assert_eq!(t.label_zh(), "2天后到期（其间无工作日）");
        assert!(t.is_due_within(0));
    }

    #[test]
    fn done_and_continuing_tasks_are_never_overdue() {
        let calendar = Calendar::builtin();
        let past = Some(day("2024-03-31"));
        let today = day("2024-06-03");
        assert_eq!(
            Timeliness::of(past, TaskStatus::Completed, today, &calendar),
            Timeliness::Done
        );
        assert_eq!(
            Timeliness::of(None, TaskStatus::NotStarted, today, &calendar),
            Timeliness::Open
        );
        assert!(Timeliness::of(past, TaskStatus::InProgress, today, &calendar).is_overdue());
    }

    #[test]
    fn completion_is_rounded_down_and_empty_is_zero() {
        assert_eq!(completion_percent(0, 0), 0);
        assert_eq!(completion_percent(249, 250), 99);
        assert_eq!(completion_percent(3, 3), 100);
        assert_eq!(completion_percent(1, 3), 33);
    }
}
