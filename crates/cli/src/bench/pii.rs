//! `gongkai bench pii`: speed of the personal-information guard, in process.
//!
//! The files are read into located passages once (as `gongkai scan pii` reads them);
//! each round then scans every passage, so extraction, disk reads and start-up do not
//! enter the figure, which is MB/s of text. One warm-up round is not counted.

use std::path::PathBuf;
use std::time::Instant;

use gongkai_app::config::Settings;
use gongkai_app::guard::guard_of;
use gongkai_extract::{SourceKind, passages_of};

use super::io::unreadable;
use crate::Failure;

pub fn run(files: &[PathBuf], rounds: u32) -> Result<(), Failure> {
    let mut texts = Vec::new();
    for path in files {
        let kind = SourceKind::from_path(path).ok_or_else(|| {
            Failure::input(format!(
                "{}：只支持 txt、html、docx、pdf、xlsx 文件",
                path.display()
            ))
        })?;
        let bytes = std::fs::read(path).map_err(|e| unreadable(path, &e))?;
        let passages = passages_of(&bytes, kind)
            .map_err(|e| Failure::input(format!("{}：{e}", path.display())))?;
        texts.extend(passages.into_iter().map(|p| p.text));
    }
    let guard = guard_of(&Settings::default(), gongkai_app::documents::today());
    let total_bytes: usize = texts.iter().map(String::len).sum();
    let mut seconds = Vec::with_capacity(rounds as usize);
    let mut found = 0;
    for round in 0..=rounds {
        let started = Instant::now();
        found = texts.iter().map(|t| guard.scan(t).len()).sum::<usize>();
        if round > 0 {
            seconds.push(started.elapsed().as_secs_f64());
        }
    }
    seconds.sort_by(f64::total_cmp);
    let rate = |s: f64| total_bytes as f64 / 1_000_000.0 / s.max(f64::MIN_POSITIVE);
    let median = seconds.get(seconds.len() / 2).copied().unwrap_or_default();
    println!(
        "文件 {} 个，段落/页/单元格 {} 处，文本 {total_bytes} 字节，发现 {found} 处；计时 {rounds} 轮（另预热 1 轮）",
        files.len(),
        texts.len()
    );
    println!(
        "MB/s：中位数 {:.1}，最慢一轮 {:.1}，最快一轮 {:.1}",
        rate(median),
        rate(seconds.last().copied().unwrap_or_default()),
        rate(seconds.first().copied().unwrap_or_default())
    );
    Ok(())
}
