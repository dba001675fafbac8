//! `gongkai backup` and `gongkai restore`: the archive of a data directory, taken
//! while the server runs, and its restoration into a fresh (or, with `--force`, an
//! existing) data directory, with the search index rebuilt and the audit chain
//! verified.

use crate::data::DataArgs;
use crate::failure::Failure;
use crate::setup::{open, verified_audit};
use clap::Args;
use gongkai_app::backup::{self, Manifest};
use std::path::PathBuf;

#[derive(Args)]
pub struct BackupArgs {
    /// The archive to write (a new file, tar format).
    #[arg(long)]
    out: PathBuf,
}

#[derive(Args)]
pub struct RestoreArgs {
    /// The archive written by `gongkai backup`.
    archive: PathBuf,
    /// Replace the contents of a data directory that is not empty.
    #[arg(long)]
    force: bool,
}

pub async fn backup(data: DataArgs, args: BackupArgs) -> Result<(), Failure> {
    let app = open(&data).await?;
    let manifest = backup::create(&app, &args.out).await?;
    println!(
        "备份完成：{}（{}；审计日志至第 {} 条）",
        args.out.display(),
        contents(&manifest),
        manifest.audit_head
    );
    if manifest.files.starts_with("s3://") {
        println!(
            "存储的文件在对象存储 {} 中，不在此文件内；请用对象存储自身的版本或复制功能保护它们。",
            manifest.files
        );
    }
    if manifest.backend == "postgres" {
        println!(
            "PostgreSQL 数据库不在此文件中，请同时用 pg_dump 备份：pg_dump --format=custom --file=gongkai.dump 数据库地址"
        );
    }
    Ok(())
}

pub async fn restore(data: DataArgs, args: RestoreArgs) -> Result<(), Failure> {
    let manifest = backup::unpack(&args.archive, &data.dir, args.force)?;
    let app = open(&data).await?;
    if manifest.backend == "sqlite" {
        gongkai_app::backup::check_tables(&app, &manifest).await?;
    }
    let applied = gongkai_app::search::rebuild(&app).await?;
    let checked = verified_audit(&app).await?;
    println!(
        "已恢复到 {}：{}；检索索引已重建（重放 {applied} 条变更）；审计日志完整：共 {checked} 条记录。",
        data.dir.display(),
        contents(&manifest)
    );
    Ok(())
}

fn contents(manifest: &Manifest) -> String {
    let rows: i64 = manifest.tables.iter().map(|t| t.rows).sum();
    format!(
        "数据库 {} 张表 {rows} 行，文件 {} 个，共 {:.1} MB",
        manifest.tables.len(),
        manifest.stored_files(),
        manifest.total_bytes() as f64 / (1024.0 * 1024.0)
    )
}
