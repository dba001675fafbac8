//! `gongkai bench index`: a corpus file into `DATA/index`, timed.
//!
//! The documents go through [`SearchIndex::apply`] in large batches, as the platform's
//! outbox follower feeds it, each committed with a rising sequence number. The index is
//! emptied first, so every run measures a full build. The data directory must hold
//! nothing but that index: a platform's directory (database, configuration) is refused,
//! so that a benchmark never replaces a real index.

use std::io::BufRead;
use std::path::Path;
use std::time::{Duration, Instant};

use gongkai_search::{Change, SearchIndex};

use super::io::{open_input, progress, search_failed, unreadable};
use super::record::Record;
use crate::Failure;

/// Documents per commit.
const BATCH: usize = 10_000;

pub fn run(data_dir: &Path, docs: &Path) -> Result<(), Failure> {
    ensure_bench_dir(data_dir)?;
    let mut reader = open_input(docs)?;
    let size = std::fs::metadata(docs).map(|m| m.len()).unwrap_or(0);
    let index = gongkai_app::search::open_index(data_dir)?;
    index.clear().map_err(search_failed)?;

    let bar = progress(size, "B");
    let started = Instant::now();
    let mut reading = Duration::ZERO;
    let mut batch = Vec::with_capacity(BATCH);
    let mut count: i64 = 0;
    let mut line = String::new();
    for number in 1.. {
        let read_started = Instant::now();
        line.clear();
        let read = reader
            .read_line(&mut line)
            .map_err(|e| unreadable(docs, &e))?;
        if read == 0 {
            break;
        }
        bar.inc(read as u64);
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(&line)
            .map_err(|e| Failure::input(format!("{} 第 {number} 行：{e}", docs.display())))?;
        reading += read_started.elapsed();
        batch.push(Change::Upsert(record.into_indexed()));
        count += 1;
        if batch.len() == BATCH {
            commit(&index, &mut batch, count)?;
        }
    }
    commit(&index, &mut batch, count)?;
    let elapsed = started.elapsed();
    bar.finish_and_clear();
    report(&index, data_dir, count, elapsed, reading)
}

/// Applies and commits the batch (if any) with `seq` as its sequence number.
fn commit(index: &SearchIndex, batch: &mut Vec<Change>, seq: i64) -> Result<(), Failure> {
    if batch.is_empty() {
        return Ok(());
    }
    let changes = std::mem::replace(batch, Vec::with_capacity(BATCH));
    index.apply(changes, seq).map_err(search_failed)
}

fn report(
    index: &SearchIndex,
    data_dir: &Path,
    count: i64,
    elapsed: Duration,
    reading: Duration,
) -> Result<(), Failure> {
    let indexed = index.num_docs().map_err(search_failed)?;
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        count as f64 / seconds
    } else {
        0.0
    };
    println!(
        "已索引 {indexed} 件文件，用时 {seconds:.1} 秒（其中读取与解析 {:.1} 秒）：{rate:.0} 件/秒；索引 {:.1} MB",
        reading.as_secs_f64(),
        dir_bytes(&data_dir.join("index")) as f64 / 1e6
    );
    Ok(())
}

/// Total size of the files of a directory (not recursive: an index is flat).
fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| entry.metadata().ok())
        .filter(|meta| meta.is_file())
        .map(|meta| meta.len())
        .sum()
}

/// Refuses a directory that holds anything but `index/`.
fn ensure_bench_dir(dir: &Path) -> Result<(), Failure> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(unreadable(dir, &e)),
    };
    for entry in entries {
        let name = entry.map_err(|e| unreadable(dir, &e))?.file_name();
        if name != "index" {
            return Err(Failure::input(format!(
                "数据目录 {} 含有 {}，不是基准测试专用目录；请指定一个空目录，以免覆盖平台的检索索引",
                dir.display(),
                name.to_string_lossy()
            )));
        }
    }
    Ok(())
}
