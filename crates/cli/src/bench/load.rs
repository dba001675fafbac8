//! `gongkai bench load`: public submissions (disclosure requests through the JSON
//! API) against running servers, as many at once as asked and spread over the nodes
//! given; reports what was acknowledged, the errors by status, duplicate serials, the
//! latency percentiles, and whether every acknowledged submission is in the database.
//!
//! With `--acknowledged FILE` each acknowledged serial is appended to FILE as it
//! arrives, so that a server killed mid-stream (`kill -9`) can be checked after its
//! restart with `--check FILE`. The server's own limit on submissions must be off
//! (`GONGKAI_LIMITS_SUBMIT_PER_MINUTE=0`) for the figures to mean anything.

use super::search::{ms, percentile};
use crate::{DataArgs, Failure};
use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct LoadArgs {
    /// A node's base URL (`http://127.0.0.1:8080`); repeat for several nodes.
    #[arg(long = "url", required_unless_present = "check")]
    urls: Vec<String>,
    /// Submissions in all.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    submissions: u64,
    /// Submissions in flight at once.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    concurrency: u64,
    /// Append each acknowledged serial to this file as it arrives.
    #[arg(long)]
    acknowledged: Option<PathBuf>,
    /// Only check that every serial in this file is stored.
    #[arg(long, conflicts_with = "urls")]
    check: Option<PathBuf>,
}

/// What one submission got: its time, and its serial or the status that refused it.
struct Outcome {
    took: Duration,
    answer: Result<String, String>,
}

pub async fn run(data: &DataArgs, args: LoadArgs) -> Result<(), Failure> {
    if let Some(file) = &args.check {
        let serials = read_serials(file)?;
        let lost = lost(data, &serials).await?;
        println!("acknowledged\tlost");
        println!("{}\t{}", serials.len(), lost.len());
        return report_lost(&lost);
    }
    let sink = match &args.acknowledged {
        Some(path) => Some(Arc::new(Mutex::new(open_append(path)?))),
        None => None,
    };
    let started = Instant::now();
    let outcomes = submit_all(&args, sink).await?;
    let elapsed = started.elapsed();
    let serials: Vec<String> = outcomes
        .iter()
        .filter_map(|o| o.answer.clone().ok())
        .collect();
    let unique: HashSet<&String> = serials.iter().collect();
    let lost = lost(data, &serials).await?;
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    for outcome in &outcomes {
        if let Err(status) = &outcome.answer {
            *errors.entry(status.clone()).or_default() += 1;
        }
    }
    let mut times: Vec<Duration> = outcomes.iter().map(|o| o.took).collect();
    times.sort();
    println!(
        "nodes\tsubmissions\tacknowledged\terrors\tduplicate_serials\tlost\tp50_ms\tp90_ms\tp99_ms\tmax_ms\tper_s"
    );
    println!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{:.0}",
        args.urls.len(),
        outcomes.len(),
        serials.len(),
        outcomes.len() - serials.len(),
        serials.len() - unique.len(),
        lost.len(),
        ms(percentile(&times, 50.0)),
        ms(percentile(&times, 90.0)),
        ms(percentile(&times, 99.0)),
        ms(times.last().copied().unwrap_or_default()),
        outcomes.len() as f64 / elapsed.as_secs_f64()
    );
    for (status, count) in &errors {
        eprintln!("{count} × {status}");
    }
    report_lost(&lost)
}

/// Every submission, `concurrency` at a time, node after node in turn.
async fn submit_all(
    args: &LoadArgs,
    sink: Option<Arc<Mutex<std::fs::File>>>,
) -> Result<Vec<Outcome>, Failure> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(usize::try_from(args.concurrency).unwrap_or(500))
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(|e| Failure::platform(format!("无法创建 HTTP 客户端：{e}")))?;
    let gate = Arc::new(tokio::sync::Semaphore::new(
        usize::try_from(args.concurrency).unwrap_or(500),
    ));
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..args.submissions {
        let url = format!(
            "{}/api/v1/requests",
            args.urls[usize::try_from(n).unwrap_or(0) % args.urls.len()].trim_end_matches('/')
        );
        let (client, gate, sink) = (client.clone(), gate.clone(), sink.clone());
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await;
            let started = Instant::now();
            let answer = submit(&client, &url, n).await;
            if let (Ok(serial), Some(sink)) = (&answer, &sink)
                && let Ok(mut file) = sink.lock()
            {
                let _ = writeln!(file, "{serial}");
            }
            Outcome {
                took: started.elapsed(),
                answer,
            }
        });
    }
    Ok(tasks.join_all().await)
}

async fn submit(client: &reqwest::Client, url: &str, n: u64) -> Result<String, String> {
    let body = serde_json::json!({
        "applicant_type": "natural_person",
        "applicant_name": "压力测试",
        "id_number": "11010519491231002X",
        "phone": "13800000000",
        "description": format!("第{n}份：2024年东城街道老旧小区改造项目的立项批复"),
    });
    let response = client.post(url).json(&body).send().await.map_err(|e| {
        if e.is_timeout() {
            "timeout".to_string()
        } else {
            "connection".to_string()
        }
    })?;
    let status = response.status();
    if status != reqwest::StatusCode::CREATED {
        return Err(status.as_u16().to_string());
    }
    let body: serde_json::Value = response
        .json()
        .await
        .map_err(|_| "unreadable".to_string())?;
    body["serial"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| "no serial".to_string())
}

/// The acknowledged serials the database does not hold.
async fn lost(data: &DataArgs, serials: &[String]) -> Result<Vec<String>, Failure> {
    let app = crate::setup::open(data).await?;
    let stored: HashSet<String> = gongkai_app::requests::serials(&app)
        .await?
        .into_iter()
        .collect();
    Ok(serials
        .iter()
        .filter(|s| !stored.contains(*s))
        .cloned()
        .collect())
}

fn report_lost(lost: &[String]) -> Result<(), Failure> {
    match lost.first() {
        None => Ok(()),
        Some(first) => Err(Failure::platform(format!(
            "{} 件已确认收到的申请不在数据库中（第一件：{first}）",
            lost.len()
        ))),
    }
}

fn open_append(path: &Path) -> Result<std::fs::File, Failure> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| Failure::platform(format!("无法写入 {}：{e}", path.display())))
}

fn read_serials(path: &Path) -> Result<Vec<String>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::input(format!("无法读取 {}：{e}", path.display())))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}
