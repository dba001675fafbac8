//! A stream of public submissions kept up by a few clients while a test does
//! something else (a backup, a dump), and the serials the server acknowledged.

use reqwest::StatusCode;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Clients submitting disclosure requests through the JSON API until stopped.
pub struct Submissions {
    stop: Arc<AtomicBool>,
    acknowledged: Arc<Mutex<Vec<String>>>,
    writers: tokio::task::JoinSet<()>,
}

impl Submissions {
    /// One client per URL (`…/api/v1/requests` of a node), submitting one after another.
    pub fn start(urls: &[String]) -> Submissions {
        let stop = Arc::new(AtomicBool::new(false));
        let acknowledged = Arc::new(Mutex::new(Vec::new()));
        let mut writers = tokio::task::JoinSet::new();
        for (writer, url) in urls.iter().cloned().enumerate() {
            let (stop, acknowledged) = (stop.clone(), acknowledged.clone());
            writers.spawn(async move {
                let mut n = writer * 100_000;
                while !stop.load(Ordering::Relaxed) {
                    if let Some(serial) = submit(&url, n).await {
                        acknowledged.lock().unwrap().push(serial);
                    }
                    n += 1;
                }
            });
        }
        Submissions {
            stop,
            acknowledged,
            writers,
        }
    }

    /// Waits until at least `count` submissions are acknowledged; returns them.
    pub async fn acknowledged_at_least(&self, count: usize) -> Vec<String> {
        let started = Instant::now();
        loop {
            let acknowledged = self.acknowledged.lock().unwrap().clone();
            if acknowledged.len() >= count {
                return acknowledged;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the submissions are refused"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Stops the clients; returns every acknowledged serial.
    pub async fn stop(self) -> Vec<String> {
        self.stop.store(true, Ordering::Relaxed);
        self.writers.join_all().await;
        self.acknowledged.lock().unwrap().clone()
    }
}

/// Submits request `n`; its serial when the server acknowledged it (201).
pub async fn submit(url: &str, n: usize) -> Option<String> {
    let body = json!({
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_number": "11010519491231002X",
        "phone": "13800000000",
        "description": format!("第{n}份：2024年东城街道老旧小区改造项目的立项批复"),
    });
    let response = reqwest::Client::new()
        .post(url)
        .json(&body)
        .send()
        .await
        .ok()?;
    if response.status() != StatusCode::CREATED {
        return None;
    }
    let body: Value = response.json().await.ok()?;
    body["serial"].as_str().map(str::to_string)
}

/// Asserts that every serial in `acknowledged` is a request stored in `app`.
pub async fn assert_all_stored(app: &gongkai_app::App, acknowledged: &[String]) {
    let stored: Vec<String> = gongkai_store::requests::list(&app.store)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.serial)
        .collect();
    for serial in acknowledged {
        assert!(
            stored.contains(serial),
            "acknowledged request {serial} is lost"
        );
    }
}
