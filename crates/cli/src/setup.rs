//! Operator commands: `init`, `user`, `org import`, `audit verify`.

use crate::serve::settings;
use crate::{DataArgs, Failure};
use clap::Subcommand;
use gongkai_app::Actor;
use gongkai_app::App;
use gongkai_app::config::{CONFIG_FILE, EXAMPLE_CONFIG};
use gongkai_app::users::{AccountInput, generate_password};
use gongkai_domain::role::Role;
use std::io::Read;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add an account with one role for a unit (and the units below it).
    Add {
        username: String,
        /// admin, office, editor, reviewer or leader.
        #[arg(long)]
        role: String,
        /// The unit: id, full name or alias.
        #[arg(long)]
        org: String,
        /// Name shown in the console.
        #[arg(long, default_value = "")]
        name: String,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password (ends the user's sessions and lifts a lockout).
    Passwd {
        username: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts.
    List,
}

#[derive(Subcommand)]
pub enum OrgCommand {
    /// Import units from a .csv or .xlsx file (columns 名称, 上级单位, 类型, 简称, …).
    Import { file: PathBuf },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chain and report the first broken link.
    Verify,
}

pub fn init(data: &DataArgs, force: bool) -> Result<(), Failure> {
    let path = data.dir.join(CONFIG_FILE);
    if path.exists() && !force {
        return Err(Failure::input(format!(
            "{} 已存在；如需覆盖请加 --force",
            path.display()
        )));
    }
    std::fs::create_dir_all(&data.dir)
        .and_then(|()| std::fs::write(&path, EXAMPLE_CONFIG))
        .map_err(|e| Failure::platform(format!("无法写入 {}：{e}", path.display())))?;
    println!("已写入 {}", path.display());
    Ok(())
}

pub async fn open(data: &DataArgs) -> Result<App, Failure> {
    let settings = settings(&data.dir, data, &[])?;
    Ok(App::open(data.dir.clone(), settings).await?)
}

/// The runtime of the commands that read or write the data directory.
pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Runtime::new().map_err(|e| Failure::platform(format!("无法启动运行时：{e}")))
}

pub fn operator(command: &str) -> Actor {
    Actor::system(&format!("cli:{command}"))
}

/// The password from standard input (first line), or a new random one to print.
fn password_from(stdin: bool) -> Result<(String, bool), Failure> {
    if !stdin {
        return Ok((generate_password(), true));
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Failure::platform(format!("无法读取标准输入：{e}")))?;
    Ok((text.lines().next().unwrap_or_default().to_string(), false))
}

pub async fn user(data: DataArgs, command: UserCommand) -> Result<(), Failure> {
    let app = open(&data).await?;
    match command {
        UserCommand::Add {
            username,
            role,
            org,
            name,
            password_stdin,
        } => {
            let role = Role::from_code(&role).ok_or_else(|| {
                Failure::input(format!(
                    "未知角色“{role}”：应为 admin、office、editor、reviewer 或 leader"
                ))
            })?;
            let (password, generated) = password_from(password_stdin)?;
            let input = AccountInput {
                username,
                display_name: name,
                password,
                role,
                org,
            };
            let user = gongkai_app::users::add(&app, operator("user add"), &input).await?;
            println!("已创建账号 {}（{}）", user.username, role.label_zh());
            if generated {
                println!("初始密码：{}", input.password);
            }
        }
        UserCommand::Passwd {
            username,
            password_stdin,
        } => {
            let (password, generated) = password_from(password_stdin)?;
            gongkai_app::users::set_password(&app, operator("user passwd"), &username, &password)
                .await?;
            println!("已为 {username} 设置新密码");
            if generated {
                println!("新密码：{password}");
            }
        }
        UserCommand::List => {
            for user in gongkai_app::users::list(&app).await? {
                let roles: Vec<String> = user
                    .grants
                    .iter()
                    .map(|g| format!("{}@{}", g.role.code(), g.org_id))
                    .collect();
                println!(
                    "{}\t{}\t{}",
                    user.username,
                    user.display_name,
                    roles.join(",")
                );
            }
        }
    }
    Ok(())
}

pub async fn org(data: DataArgs, command: OrgCommand) -> Result<(), Failure> {
    let app = open(&data).await?;
    let OrgCommand::Import { file } = command;
    let report = gongkai_app::orgs::import_file(&app.store, operator("org import"), &file).await?;
    println!(
        "导入完成：新增 {} 个，更新 {} 个，未变 {} 个",
        report.created, report.updated, report.unchanged
    );
    Ok(())
}

pub async fn reindex(data: DataArgs) -> Result<(), Failure> {
    let app = open(&data).await?;
    let applied = gongkai_app::search::rebuild(&app).await?;
    let documents = gongkai_app::documents::public_page(&app, 1).await?.1;
    println!("检索索引已重建：重放 {applied} 条变更，收录公开文件 {documents} 件。");
    Ok(())
}

pub async fn audit(data: DataArgs, command: AuditCommand) -> Result<(), Failure> {
    let app = open(&data).await?;
    let AuditCommand::Verify = command;
    let checked = verified_audit(&app).await?;
    println!("审计日志完整：共 {checked} 条记录，哈希链未断。");
    Ok(())
}

/// The number of audit entries checked, or the first broken link as a failure.
pub async fn verified_audit(app: &App) -> Result<i64, Failure> {
    let report = gongkai_app::audit::verify(app).await?;
    match report.first_broken {
        None => Ok(report.checked),
        Some(broken) => Err(Failure::platform(format!(
            "审计日志在第 {} 条断开：{}（此前 {} 条完整）",
            broken.seq, broken.reason, report.checked
        ))),
    }
}
