//! `gongkai bench report`: times the annual report of a government with its units over
//! a database of generated requests (docs/benchmarks.md).
//!
//! On a database without requests it first generates `--requests` of them over the two
//! years before this one (and the demo units when there are none); then it computes
//! last year's report `--runs` times, reading the records each time as the console
//! does, and prints the figures.

use crate::setup::open;
use crate::{DataArgs, Failure};
use chrono::Datelike;
use gongkai_app::annual_report;
use std::time::{Duration, Instant};

pub async fn run(data: &DataArgs, requests: u64, seed: u64, runs: u32) -> Result<(), Failure> {
    let app = open(data).await?;
    let year = gongkai_app::documents::today().year() - 1;
    let started = Instant::now();
    let (government, generated) =
        gongkai_app::demo::generate_requests(&app, requests, seed, year - 1).await?;
    if generated {
        eprintln!(
            "生成 {requests} 件申请用时 {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let mut times: Vec<Duration> = Vec::new();
    let mut counted = 0;
    for _ in 0..=runs {
        let started = Instant::now();
        let report = annual_report::compute(&app, government, year, true).await?;
        times.push(started.elapsed());
        counted = report.requests.received.total + report.requests.carried_over.total;
        if !report.consistent() {
            return Err(Failure::platform("勾稽关系不符"));
        }
    }
    // The first run warms the database's caches; it is not counted.
    let mut timed = times.split_off(1);
    timed.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "annual report {year} (government with units): {counted} requests in the year's table; \
         {runs} runs: min {:.0} ms, median {:.0} ms, max {:.0} ms",
        ms(timed[0]),
        ms(timed[timed.len() / 2]),
        ms(timed[timed.len() - 1]),
    );
    Ok(())
}
