//! `gongkai calendar`: working-day arithmetic on the official holiday schedule.
//!
//! Contract (scripts rely on it): stdout carries only the answer — `true`/`false`,
//! a date `YYYY-MM-DD`, or a count; `request-due` prints the due date on its first
//! line and the explanation on the following lines. A provisional answer (a year whose
//! notice is not loaded) adds a warning on stderr; an invalid date exits with code 2.

use crate::{DataArgs, Failure};
use clap::Subcommand;
use gongkai_domain::calendar::{Calendar, Reckoned, parse_date};
use gongkai_domain::request_clock::{self, ClockInput, Stop};

#[derive(Subcommand)]
pub enum CalendarCommand {
    /// Print `true` if DATE is a working day, else `false`.
    IsWorkday { date: String },
    /// Print the N-th working day after DATE (DATE itself never counts).
    Add { date: String, n: u32 },
    /// Print the number of working days after FROM up to and including TO.
    Between { from: String, to: String },
    /// Print the reply due date of a disclosure request (条例第三十三条), then how it
    /// was computed.
    RequestDue(RequestDueArgs),
}

#[derive(clap::Args)]
pub struct RequestDueArgs {
    /// The receipt date (条例第三十一条).
    #[arg(long)]
    received: String,
    /// The day the corrected request was received (补正, 条例第三十条).
    #[arg(long)]
    corrected: Option<String>,
    /// A consultation period not counted, FROM..TO (条例第三十二条、第三十四条); repeatable.
    #[arg(long = "stop")]
    stops: Vec<String>,
    /// Working days of an approved extension (at most 20, 条例第三十三条第二款).
    #[arg(long = "extend")]
    extension: Option<u32>,
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
        CalendarCommand::RequestDue(args) => request_due(calendar, &args)?,
    })
}

/// The due date and its explanation, one step per line.
fn request_due(
    calendar: &Calendar,
    args: &RequestDueArgs,
) -> Result<(String, Option<String>), Failure> {
    let stops = args
        .stops
        .iter()
        .map(|text| {
            let (from, to) = text.split_once("..").ok_or_else(|| {
                Failure::input(format!("中止期间“{text}”应写作 开始日期..结束日期"))
            })?;
            Ok(Stop::consultation(date(from)?, date(to)?))
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    let input = ClockInput {
        received: Some(date(&args.received)?),
        corrected: args.corrected.as_deref().map(date).transpose()?,
        stops,
        extension: args.extension,
    };
    let reckoning = request_clock::reckon(&input, calendar).map_err(Failure::input)?;
    let mut lines = vec![reckoning.due.format("%Y-%m-%d").to_string()];
    let explanation = reckoning.explain_zh();
    let warning = (!reckoning.missing_years.is_empty())
        .then(|| explanation.last().cloned())
        .flatten();
    lines.extend(explanation);
    Ok((lines.join("\n"), warning))
}
