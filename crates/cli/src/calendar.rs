//! `gongkai calendar`: working-day arithmetic on the official holiday schedule.
//!
//! Contract (scripts rely on it): stdout carries only the answer — `true`/`false`,
//! a date `YYYY-MM-DD`, or a count; a provisional answer (a year whose notice is
//! not loaded) adds a warning on stderr; an invalid date exits with code 2.

use crate::{DataArgs, Failure};
use clap::Subcommand;
use gongkai_domain::calendar::{Calendar, Reckoned, parse_date};

#[derive(Subcommand)]
pub enum CalendarCommand {
    /// Print `true` if DATE is a working day, else `false`.
    IsWorkday { date: String },
    /// Print the N-th working day after DATE (DATE itself never counts).
    Add { date: String, n: u32 },
    /// Print the number of working days after FROM up to and including TO.
    Between { from: String, to: String },
}

pub fn run(data: &DataArgs, command: CalendarCommand) -> Result<(), Failure> {
    let calendar = gongkai_app::calendar::load(&data.dir)?;
    let answer = answer(&calendar, command)?;
    if let Some(warning) = &answer.1 {
        eprintln!("{warning}");
    }
    println!("{}", answer.0);
    Ok(())
}

fn date(text: &str) -> Result<chrono::NaiveDate, Failure> {
    parse_date(text).map_err(Failure::input)
}

/// The line to print and the warning, if the answer is provisional.
fn answer(
    calendar: &Calendar,
    command: CalendarCommand,
) -> Result<(String, Option<String>), Failure> {
    fn shown<T: ToString>(r: Reckoned<T>) -> (String, Option<String>) {
        (r.value.to_string(), r.warning_zh())
    }
    Ok(match command {
        CalendarCommand::IsWorkday { date: d } => shown(calendar.is_workday(date(&d)?)),
        CalendarCommand::Add { date: d, n } => {
            let r = calendar.add_workdays(date(&d)?, n);
            (r.value.format("%Y-%m-%d").to_string(), r.warning_zh())
        }
        CalendarCommand::Between { from, to } => {
            shown(calendar.workdays_between(date(&from)?, date(&to)?))
        }
    })
}
