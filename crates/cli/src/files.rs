//! `gongkai files migrate`: moving the stored files to another backend before
//! `files.store` is switched to it.

use crate::data::DataArgs;
use crate::failure::Failure;
use crate::setup::open;
use clap::Subcommand;
use gongkai_app::file_store::{self, FileStore};

#[derive(Subcommand)]
pub enum FilesCommand {
    /// Copy every stored file to another backend (local, database or s3://bucket/prefix).
    Migrate {
        /// The backend to copy to.
        #[arg(long)]
        to: String,
    },
}

pub async fn run(data: DataArgs, command: FilesCommand) -> Result<(), Failure> {
    let FilesCommand::Migrate { to } = command;
    let app = open(&data).await?;
    let target = FileStore::open(&to, &app.settings.files, &app.data_dir, &app.store)?;
    if target.describe() == app.files.describe() {
        return Err(Failure::input(format!(
            "文件已存放在 {to}（files.store），无需迁移"
        )));
    }
    let done = file_store::migrate(&app.files, &target).await?;
    println!(
        "已从 {} 迁移到 {}：复制 {} 个文件，{} 个已存在。请将配置 files.store 改为 \"{}\" 后重启服务。",
        app.files.describe(),
        target.describe(),
        done.copied,
        done.present,
        target.describe()
    );
    Ok(())
}
