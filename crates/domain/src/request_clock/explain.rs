//! The reckoning explained in Chinese, one line per step.

use chrono::{Datelike, NaiveDate};

use super::{CORRECTION_NOTICE_WORKDAYS, Reckoning, Step, StopReason};

impl Reckoning {
    /// The explanation in Chinese, one line per step, as the staff page, the API and
    /// `gongkai calendar request-due` show it.
    pub fn explain_zh(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.steps.iter().map(step_zh).collect();
        lines.push(format!(
            "补正通知应于 {} 前发出（收到申请之日起 {CORRECTION_NOTICE_WORKDAYS} 个工作日内，条例第三十条）",
            self.correction_notice_due
        ));
        lines.extend(self.provisional_note_zh());
        lines
    }

    /// The caveat of a due date counted over a year whose holiday notice is not loaded,
    /// wherever the date is shown (staff, applicant, API); `None` for a final one.
    pub fn provisional_note_zh(&self) -> Option<String> {
        if self.missing_years.is_empty() {
            return None;
        }
        Some(format!(
            "注意：{}，以上日期为临时结果",
            crate::calendar::statutory::provisional_zh(&self.missing_years)
        ))
    }
}

fn step_zh(step: &Step) -> String {
    match step {
        Step::Start {
            date,
            corrected: false,
        } => format!(
            "起算：收到申请之日 {date}（{}），自次日起计算（民法典第二百零一条）",
            weekday_zh(*date)
        ),
        Step::Start {
            date,
            corrected: true,
        } => format!(
            "起算：收到补正后申请之日 {date}（{}），自次日起重新计算（条例第三十条）",
            weekday_zh(*date)
        ),
        Step::Period {
            workdays,
            due,
            holidays,
            makeup_days,
        } => {
            let mut line = format!(
                "{workdays} 个工作日届满：{due}（{}）（条例第三十三条第一款）",
                weekday_zh(*due)
            );
            if !holidays.is_empty() {
                let ranges: Vec<String> = holidays.iter().map(|(a, b)| range_zh(*a, *b)).collect();
                line.push_str(&format!("；跳过法定节假日 {}", ranges.join("、")));
            }
            if !makeup_days.is_empty() {
                let days: Vec<String> = makeup_days
                    .iter()
                    .map(|d| format!("{d}（{}）", weekday_zh(*d)))
                    .collect();
                line.push_str(&format!("；调休上班日 {} 计入", days.join("、")));
            }
            line
        }
        Step::Stopped {
            stop,
            workdays,
            due,
        } => format!(
            "中止：{} 至 {}，其间 {workdays} 个工作日不计入（{}），期限顺延至 {due}（{}）",
            stop.from,
            stop.to,
            match stop.reason {
                StopReason::Consultation => "条例第三十二条、第三十四条",
                StopReason::Payment =>
                    "等待缴纳信息处理费，国办函〔2020〕109号；本机关设定缴费期间不计入",
            },
            weekday_zh(*due)
        ),
        Step::Extended {
            workdays,
            due,
            notice_by,
        } => format!(
            "延长：经政府信息公开工作机构负责人同意延长 {workdays} 个工作日，至 {due}（{}）；延期通知应在 {notice_by} 前送达申请人（条例第三十三条第二款）",
            weekday_zh(*due)
        ),
    }
}

fn range_zh(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} 至 {to}")
    }
}

fn weekday_zh(d: NaiveDate) -> &'static str {
    [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ][d.weekday().num_days_from_monday() as usize]
}
