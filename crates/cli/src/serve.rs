//! `gongkai serve`: opens the data directory, prepares the first account (or the
//! demo), binds every listen address and serves until SIGTERM or Ctrl-C.

use crate::{DataArgs, Failure};
use clap::Args;
use gongkai_app::App;
use gongkai_app::config::Settings;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::net::TcpListener;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on (repeatable), e.g. 127.0.0.1:8080 or [::1]:8080.
    #[arg(long)]
    listen: Vec<String>,
    /// Serve a throw-away demo: a new temporary data directory with a demo
    /// government, its units and one account per role (passwords printed).
    #[arg(long)]
    demo: bool,
}

/// Settings of the data directory, with the environment and the flags on top.
pub fn settings(dir: &Path, data: &DataArgs, listen: &[String]) -> Result<Settings, Failure> {
    let mut settings = Settings::load(dir, std::env::vars())?;
    if !listen.is_empty() {
        settings.server.listen = listen.to_vec();
        settings.listen_addrs()?;
    }
    if let Some(url) = &data.database_url {
        settings.database.url = url.clone();
    }
    Ok(settings)
}

pub async fn run(data: DataArgs, args: ServeArgs) -> Result<(), Failure> {
    // The demo's directory lives as long as the server and is removed after it.
    let demo_dir = args
        .demo
        .then(|| tempfile::Builder::new().prefix("gongkai-demo-").tempdir())
        .transpose()
        .map_err(|e| Failure::platform(format!("无法创建演示数据目录：{e}")))?;
    let dir: PathBuf = demo_dir
        .as_ref()
        .map_or(data.dir.clone(), |d| d.path().to_path_buf());
    let mut settings = settings(&dir, &data, &args.listen)?;
    if args.demo {
        settings.agency.name = "示例区人民政府".to_string();
        settings.office = gongkai_app::demo::office();
        settings.database.url = String::new();
    }
    init_logging(&settings);
    let app = App::open(dir, settings).await?;
    gongkai_app::search::catch_up(&app).await?;
    announce_accounts(&app, args.demo).await?;
    let listeners = bind(&app).await?;
    spawn_session_purge(app.clone());
    gongkai_web::serve(app, listeners, shutdown_signal())
        .await
        .map_err(|e| Failure::platform(format!("服务器异常退出：{e}")))?;
    tracing::info!("stopped");
    Ok(())
}

fn init_logging(settings: &Settings) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("GONGKAI_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if settings.log.format == "json" {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

/// Prints the demo accounts, or the first administrator's password, once.
async fn announce_accounts(app: &App, demo: bool) -> Result<(), Failure> {
    if demo {
        println!("演示数据目录：{}（退出后删除）", app.data_dir.display());
        let accounts = gongkai_app::demo::seed(app).await?;
        gongkai_app::demo::seed_review(app).await?;
        gongkai_app::demo::seed_columns(app).await?;
        gongkai_app::demo::seed_ledgers(app).await?;
        gongkai_app::demo::seed_requests(app).await?;
        gongkai_app::demo::seed_consultations(app).await?;
        gongkai_app::demo::seed_qa(app).await?;
        gongkai_app::demo::seed_messages(app).await?;
        gongkai_app::demo::seed_assessment(app).await?;
        gongkai_app::demo::seed_annual_report(app, |report| {
            gongkai_web::reports::standalone_html(report)
                .map_err(|e| gongkai_app::Error::Internal(e.to_string()))
        })
        .await?;
        for account in accounts {
            println!(
                "demo-account {} {} {}",
                account.role.code(),
                account.username,
                account.password
            );
        }
    } else if let Some((username, password)) = gongkai_app::users::bootstrap_admin(app).await? {
        println!("首次启动：已创建管理员账号 {username}，初始密码 {password}");
        println!("（密码只显示这一次，请登录后妥善保管，或用 gongkai user passwd 修改。）");
    }
    Ok(())
}

async fn bind(app: &App) -> Result<Vec<TcpListener>, Failure> {
    let mut listeners = Vec::new();
    for addr in app.settings.listen_addrs()? {
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|e| Failure::platform(format!("无法监听 {addr}：{e}")))?;
        let local = listener
            .local_addr()
            .map_err(|e| Failure::platform(format!("无法读取监听地址：{e}")))?;
        println!("listening on http://{local}");
        tracing::info!(%local, "listening");
        warn_if_plain_http_outside(app, local);
        listeners.push(listener);
    }
    Ok(listeners)
}

/// Passwords and session cookies cross the network in clear when the platform is
/// served over plain http on an address other hosts reach, with no https in front.
fn warn_if_plain_http_outside(app: &App, local: std::net::SocketAddr) {
    if local.ip().is_loopback() || app.settings.server.is_https() {
        return;
    }
    let warning = format!(
        "警告：正以明文 HTTP 在 {local} 上提供服务，密码和会话 Cookie 会以明文传输。\
         请在前端配置 HTTPS，并设置 server.public_url = \"https://…\"。"
    );
    eprintln!("{warning}");
    tracing::warn!(%local, "serving plain http on a non-loopback address");
}

/// Removes idle sessions every ten minutes.
fn spawn_session_purge(app: App) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            if let Err(e) = gongkai_app::auth::purge_idle_sessions(&app).await {
                tracing::warn!(error = %e, "could not purge idle sessions");
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
