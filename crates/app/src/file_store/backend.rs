//! The file store as the rest of the app sees it: put, get and list content by its
//! address, whatever the backend.

use super::{local, object};
use crate::config::FileSettings;
use crate::{Error, Result, Store};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The backend that keeps stored files.
#[derive(Clone)]
pub enum FileStore {
    /// A directory (`DATA/files`).
    Local(PathBuf),
    /// The platform's database.
    Database(Store),
    /// An S3-compatible bucket, under a prefix.
    Object(Arc<object::Bucket>),
}

impl FileStore {
    /// The backend `target` names (`local`, `database` or `s3://bucket/prefix`), with
    /// the S3 connection settings of `settings`.
    pub fn open(
        target: &str,
        settings: &FileSettings,
        data_dir: &Path,
        store: &Store,
    ) -> Result<FileStore> {
        match target.trim() {
            "" | "local" => Ok(FileStore::Local(data_dir.join("files"))),
            "database" => Ok(FileStore::Database(store.clone())),
            url if url.starts_with("s3://") => Ok(FileStore::Object(Arc::new(
                object::Bucket::open(url, settings)?,
            ))),
            other => Err(Error::Config {
                key: "files.store".to_string(),
                reason: format!("“{other}”无法识别：应为 local、database 或 s3://存储桶/前缀"),
            }),
        }
    }

    /// What the backend is, for messages: `local`, `database` or the bucket's URL.
    pub fn describe(&self) -> String {
        match self {
            FileStore::Local(_) => "local".to_string(),
            FileStore::Database(_) => "database".to_string(),
            FileStore::Object(bucket) => bucket.url().to_string(),
        }
    }

    /// Keeps `bytes`, whose SHA-256 is `sha256`, unless they are already kept.
    pub async fn put(&self, sha256: &str, bytes: Vec<u8>) -> Result<()> {
        match self {
            FileStore::Local(root) => {
                let (root, sha256) = (root.clone(), sha256.to_string());
                tokio::task::spawn_blocking(move || local::put(&root, &sha256, &bytes))
                    .await
                    .map_err(|e| Error::Internal(format!("保存文件失败：{e}")))?
            }
            FileStore::Database(store) => {
                Ok(gongkai_store::file_contents::put(store, sha256, &bytes).await?)
            }
            FileStore::Object(bucket) => bucket.put(sha256, bytes).await,
        }
    }

    /// The content kept under `sha256`.
    pub async fn get(&self, sha256: &str) -> Result<Vec<u8>> {
        let found = match self {
            FileStore::Local(root) => local::get(root, sha256).await?,
            FileStore::Database(store) => gongkai_store::file_contents::get(store, sha256).await?,
            FileStore::Object(bucket) => bucket.get(sha256).await?,
        };
        found.ok_or_else(|| {
            Error::NotFound(format!(
                "文件内容 {sha256} 不在文件存储（{}）中",
                self.describe()
            ))
        })
    }

    /// Every content address kept, sorted.
    pub async fn addresses(&self) -> Result<Vec<String>> {
        let mut found = match self {
            FileStore::Local(root) => {
                let root = root.clone();
                tokio::task::spawn_blocking(move || local::addresses(&root))
                    .await
                    .map_err(|e| Error::Internal(format!("读取文件存储失败：{e}")))??
            }
            FileStore::Database(store) => gongkai_store::file_contents::addresses(store).await?,
            FileStore::Object(bucket) => bucket.addresses().await?,
        };
        found.sort();
        Ok(found)
    }
}
