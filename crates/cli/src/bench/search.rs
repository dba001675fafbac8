//! `gongkai bench search`: each query of a list timed against `DATA/index`.
//!
//! Every query runs once unmeasured (warm-up: the index pages into memory, jieba loads
//! its dictionary), then the whole list runs `runs` times, one query at a time, with facet
//! counts and without. Latency is the wall time of one [`SearchIndex::search`] call: the
//! query built, matches collected and counted, the page's stored documents read and their
//! snippets made. The report is a table of percentiles (nearest rank) and the slowest
//! queries.

use std::io::BufRead;
use std::path::Path;
use std::time::{Duration, Instant};

use gongkai_search::{SearchIndex, SearchQuery, SearchResults};

use super::io::{open_input, search_failed, unreadable};
use super::queries;
use crate::Failure;

/// Slowest queries listed after the table.
const SLOWEST: usize = 5;

/// With or without facet counts.
#[derive(Debug, Clone, Copy)]
enum Mode {
    Facets,
    NoFacets,
}

impl Mode {
    fn label(self) -> &'static str {
        match self {
            Mode::Facets => "facets",
            Mode::NoFacets => "no_facets",
        }
    }

    fn search(self, index: &SearchIndex, query: &SearchQuery) -> Result<SearchResults, Failure> {
        match self {
            Mode::Facets => index.search(query),
            Mode::NoFacets => index.search_without_facets(query),
        }
        .map_err(search_failed)
    }
}

/// One query of the list: its line and the search it stands for.
struct Query {
    line: String,
    search: SearchQuery,
}

pub fn run(data_dir: &Path, path: &Path, runs: u32, no_facets: bool) -> Result<(), Failure> {
    let list = read(path)?;
    let index = open(data_dir)?;
    let documents = index.num_docs().map_err(search_failed)?;
    let modes: &[Mode] = if no_facets {
        &[Mode::NoFacets]
    } else {
        &[Mode::Facets, Mode::NoFacets]
    };
    for query in &list {
        for mode in modes {
            mode.search(&index, &query.search)?;
        }
    }
    println!(
        "索引 {documents} 件文件；查询 {} 条，每条计时 {runs} 次（另预热 1 次）",
        list.len()
    );
    println!(
        "{:<10} {:>8} {:>8} {:>8} {:>8} {:>14}",
        "mode", "p50_ms", "p90_ms", "p99_ms", "max_ms", "queries_per_s"
    );
    let mut slowest = Vec::new();
    for (at, mode) in modes.iter().enumerate() {
        let times = measure(&index, &list, runs, *mode)?;
        print_row(*mode, &times);
        if at == 0 {
            slowest = slowest_queries(&list, &times);
        }
    }
    println!("最慢的查询（{}，中位数 ms）：", modes[0].label());
    for (median, line) in slowest {
        println!("{:>8.2}  {line}", ms(median));
    }
    Ok(())
}

/// The queries of a file, parsed by the API's rules.
fn read(path: &Path) -> Result<Vec<Query>, Failure> {
    let mut list = Vec::new();
    for (at, line) in open_input(path)?.lines().enumerate() {
        let line = line.map_err(|e| unreadable(path, &e))?;
        if !queries::is_query(&line) {
            continue;
        }
        let search = queries::parse(&line)
            .map_err(|e| Failure::input(format!("{} 第 {} 行：{e}", path.display(), at + 1)))?;
        list.push(Query {
            line: line.trim().to_string(),
            search,
        });
    }
    if list.is_empty() {
        return Err(Failure::input(format!("{} 中没有查询", path.display())));
    }
    Ok(list)
}

/// The benchmark's index; one that was never built is the caller's mistake.
fn open(data_dir: &Path) -> Result<SearchIndex, Failure> {
    let dir = data_dir.join("index");
    if !dir.join("meta.json").is_file() {
        return Err(Failure::input(format!(
            "{} 中没有检索索引；请先运行 gongkai bench index",
            data_dir.display()
        )));
    }
    Ok(gongkai_app::search::open_index(data_dir)?)
}

/// The time of every search, run by run: `times[run * list.len() + query]`.
fn measure(
    index: &SearchIndex,
    list: &[Query],
    runs: u32,
    mode: Mode,
) -> Result<Vec<Duration>, Failure> {
    let mut times = Vec::with_capacity(list.len() * runs as usize);
    for _ in 0..runs {
        for query in list {
            let started = Instant::now();
            mode.search(index, &query.search)?;
            times.push(started.elapsed());
        }
    }
    Ok(times)
}

fn print_row(mode: Mode, times: &[Duration]) {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let total: Duration = sorted.iter().sum();
    let per_second = if total.is_zero() {
        0.0
    } else {
        sorted.len() as f64 / total.as_secs_f64()
    };
    println!(
        "{:<10} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>14.1}",
        mode.label(),
        ms(percentile(&sorted, 50.0)),
        ms(percentile(&sorted, 90.0)),
        ms(percentile(&sorted, 99.0)),
        ms(sorted.last().copied().unwrap_or_default()),
        per_second
    );
}

/// The `SLOWEST` queries by their median time, slowest first.
fn slowest_queries(list: &[Query], times: &[Duration]) -> Vec<(Duration, String)> {
    let mut medians: Vec<(Duration, String)> = list
        .iter()
        .enumerate()
        .map(|(at, query)| {
            let mut own: Vec<Duration> =
                times.iter().skip(at).step_by(list.len()).copied().collect();
            own.sort_unstable();
            (percentile(&own, 50.0), query.line.clone())
        })
        .collect();
    medians.sort_by_key(|(median, _)| std::cmp::Reverse(*median));
    medians.truncate(SLOWEST);
    medians
}

/// Nearest-rank percentile of sorted times (zero for none).
pub(super) fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub(super) fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let sorted: Vec<Duration> = (1..=200).map(Duration::from_millis).collect();
        assert_eq!(percentile(&sorted, 50.0), Duration::from_millis(100));
        assert_eq!(percentile(&sorted, 99.0), Duration::from_millis(198));
        assert_eq!(percentile(&sorted, 100.0), Duration::from_millis(200));
        assert_eq!(percentile(&sorted[..1], 99.0), Duration::from_millis(1));
        assert_eq!(percentile(&[], 50.0), Duration::ZERO);
    }
}
