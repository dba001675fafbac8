//! `gongkai bench extract`: work-plan extraction speed, in process.
//!
//! The files are read once; then each round extracts every file's ledger from its
//! bytes (text decoding included, as `gongkai extract` does), so neither disk reads nor
//! process start-up enter the figure. One warm-up round is not counted.

use std::path::PathBuf;
use std::time::Instant;

use gongkai_extract::{SourceKind, extract_workplan_from};

use super::io::unreadable;
use crate::Failure;

pub fn run(files: &[PathBuf], rounds: u32) -> Result<(), Failure> {
    let mut inputs = Vec::with_capacity(files.len());
    for path in files {
        let kind = SourceKind::from_path(path).ok_or_else(|| {
            Failure::input(format!(
                "{}：只支持 txt、html、docx、pdf 文件",
                path.display()
            ))
        })?;
        let bytes = std::fs::read(path).map_err(|e| unreadable(path, &e))?;
        inputs.push((path, kind, bytes));
    }
    let total_bytes: usize = inputs.iter().map(|(_, _, b)| b.len()).sum();
    let mut seconds = Vec::with_capacity(rounds as usize);
    let mut tasks = 0;
    for round in 0..=rounds {
        let started = Instant::now();
        tasks = 0;
        for (path, kind, bytes) in &inputs {
            let ledger = extract_workplan_from(bytes, *kind)
                .map_err(|e| Failure::input(format!("{}：{e}", path.display())))?;
            tasks += ledger.tasks.len();
        }
        if round > 0 {
            seconds.push(started.elapsed().as_secs_f64());
        }
    }
    seconds.sort_by(f64::total_cmp);
    let rate = |s: f64| total_bytes as f64 / 1_000_000.0 / s.max(f64::MIN_POSITIVE);
    let median = seconds.get(seconds.len() / 2).copied().unwrap_or_default();
    let (fastest, slowest) = (
        seconds.first().copied().unwrap_or_default(),
        seconds.last().copied().unwrap_or_default(),
    );
    println!(
        "文件 {} 个，共 {total_bytes} 字节，任务 {tasks} 项；计时 {rounds} 轮（另预热 1 轮）",
        inputs.len()
    );
    println!(
        "MB/s：中位数 {:.1}，最慢一轮 {:.1}，最快一轮 {:.1}",
        rate(median),
        rate(slowest),
        rate(fastest)
    );
    Ok(())
}
