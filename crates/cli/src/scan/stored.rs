//! `gongkai scan pii [--published] [--out FILE]` without files: every stored document
//! scanned with a progress bar on stderr, a summary on stdout, and the report as JSON:
//! `{"scanned_on","published_only","documents","text_bytes","attachment_bytes",
//! "seconds","findings":[{document_id,index_number,title,issuer,status,place,kind,text}],
//! "unreadable":[{document_id,attachment,reason}]}`.

use crate::setup::open;
use crate::{DataArgs, Failure};
use gongkai_app::documents::pii_scan::{LibraryScan, scan_library, stored_documents};
use gongkai_app::documents::today;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

#[derive(serde::Serialize)]
struct Report<'a> {
    scanned_on: String,
    published_only: bool,
    seconds: f64,
    #[serde(flatten)]
    scan: &'a LibraryScan,
}

pub async fn run(data: &DataArgs, published: bool, out: Option<PathBuf>) -> Result<(), Failure> {
    let app = open(data).await?;
    let bar = ProgressBar::new(stored_documents(&app).await?);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} 件 {per_sec} 预计剩余 {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let scan = scan_library(&app, published, &|done| bar.set_position(done)).await?;
    let seconds = started.elapsed().as_secs_f64();
    bar.finish_and_clear();
    let path = out.unwrap_or_else(|| {
        data.dir
            .join("reports")
            .join(format!("pii-scan-{}.json", today().format("%Y-%m-%d")))
    });
    write_report(
        &path,
        &Report {
            scanned_on: today().format("%Y-%m-%d").to_string(),
            published_only: published,
            seconds,
            scan: &scan,
        },
    )?;
    print_summary(&scan, seconds, &path);
    Ok(())
}

fn write_report(path: &std::path::Path, report: &Report) -> Result<(), Failure> {
    let json = serde_json::to_vec_pretty(report)
        .map_err(|e| Failure::platform(format!("无法生成报告：{e}")))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::platform(format!("无法创建目录 {}：{e}", dir.display())))?;
    }
    std::fs::write(path, json)
        .map_err(|e| Failure::platform(format!("无法写入报告 {}：{e}", path.display())))
}

fn print_summary(scan: &LibraryScan, seconds: f64, path: &std::path::Path) {
    let mb = |bytes: u64| bytes as f64 / 1_000_000.0;
    let documents: HashSet<i64> = scan.findings.iter().map(|f| f.document_id).collect();
    println!(
        "已检查文件 {} 件：标题和正文 {:.1} MB，附件 {:.1} MB；用时 {seconds:.1} 秒，{:.1} MB/s",
        scan.documents,
        mb(scan.text_bytes),
        mb(scan.attachment_bytes),
        mb(scan.text_bytes + scan.attachment_bytes) / seconds.max(f64::MIN_POSITIVE),
    );
    println!(
        "发现个人信息 {} 处，涉及文件 {} 件；无法读取的附件 {} 个",
        scan.findings.len(),
        documents.len(),
        scan.unreadable.len()
    );
    println!("报告：{}", path.display());
}
