//! An S3-compatible server for one test: `moto_server` (PyPI `moto[server]`) on a
//! random port, stopped when dropped; `None`, with a visible notice, when it is not
//! installed.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Moto {
    child: Child,
    pub endpoint: String,
}

impl Moto {
    pub async fn start() -> Option<Moto> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .ok()?;
        let spawned = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(child) = spawned else {
            eprintln!("moto_server is not installed (pip install 'moto[server]'): S3 test skipped");
            return None;
        };
        let moto = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        let started = Instant::now();
        while reqwest::get(&moto.endpoint).await.is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "moto_server did not start"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Some(moto)
    }

    /// Creates a bucket.
    pub async fn bucket(&self, name: &str) {
        let response = reqwest::Client::new()
            .put(format!("{}/{name}", self.endpoint))
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "{}", response.status());
    }

    /// Settings of a platform keeping its files in `bucket` under `files/`.
    pub fn configure(&self, settings: &mut gongkai_app::config::Settings, bucket: &str) {
        settings.files.store = format!("s3://{bucket}/files");
        settings.files.s3_endpoint = self.endpoint.clone();
        settings.files.s3_region = "us-east-1".to_string();
        settings.files.s3_access_key_id = "testing".to_string();
        settings.files.s3_secret_access_key = "testing".to_string();
        settings.files.s3_allow_http = true;
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
