//! The S3-compatible file store: `s3://bucket/prefix` through `object_store`, with the
//! endpoint, region and credentials of `[files]` (or the usual `AWS_*` environment
//! variables when those are empty). Objects are named `<prefix>/<shard>/<sha256>`.

use super::local::is_address;
use crate::config::FileSettings;
use crate::{Error, Result};
use futures::TryStreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, PutPayload};

/// A bucket and the prefix under which the files are.
pub struct Bucket {
    url: String,
    prefix: String,
    store: AmazonS3,
}

fn unreachable(url: &str, e: object_store::Error) -> Error {
    Error::Internal(format!("对象存储 {url} 出错：{e}"))
}

impl Bucket {
    /// Connects (lazily: nothing is sent before the first request) to `url`.
    pub(super) fn open(url: &str, settings: &FileSettings) -> Result<Bucket> {
        let invalid = |reason: String| Error::Config {
            key: "files.store".to_string(),
            reason,
        };
        let parsed =
            url::Url::parse(url).map_err(|e| invalid(format!("“{url}”不是有效的地址：{e}")))?;
        let bucket = parsed
            .host_str()
            .filter(|b| !b.is_empty())
            .ok_or_else(|| invalid(format!("“{url}”缺少存储桶名称")))?;
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .with_allow_http(settings.s3_allow_http);
        let options = [
            (&settings.s3_endpoint, "endpoint"),
            (&settings.s3_region, "region"),
            (&settings.s3_access_key_id, "access_key_id"),
            (&settings.s3_secret_access_key, "secret_access_key"),
        ];
        for (value, name) in options {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            builder = match name {
                "endpoint" => builder.with_endpoint(value),
                "region" => builder.with_region(value),
                "access_key_id" => builder.with_access_key_id(value),
                _ => builder.with_secret_access_key(value),
            };
        }
        let store = builder
            .build()
            .map_err(|e| invalid(format!("对象存储设置有误：{e}")))?;
        Ok(Bucket {
            url: url.to_string(),
            prefix: parsed.path().trim_matches('/').to_string(),
            store,
        })
    }

    pub(super) fn url(&self) -> &str {
        &self.url
    }

    fn location(&self, sha256: &str) -> ObjectPath {
        let shard = sha256.get(..2).unwrap_or("00");
        let key = if self.prefix.is_empty() {
            format!("{shard}/{sha256}")
        } else {
            format!("{}/{shard}/{sha256}", self.prefix)
        };
        ObjectPath::from(key)
    }

    pub(super) async fn put(&self, sha256: &str, bytes: Vec<u8>) -> Result<()> {
        let location = self.location(sha256);
        self.store
            .put(&location, PutPayload::from(bytes))
            .await
            .map_err(|e| unreachable(&self.url, e))?;
        Ok(())
    }

    pub(super) async fn get(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        let location = self.location(sha256);
        match self.store.get(&location).await {
            Ok(found) => {
                let bytes = found.bytes().await.map_err(|e| unreachable(&self.url, e))?;
                Ok(Some(bytes.to_vec()))
            }
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(unreachable(&self.url, e)),
        }
    }

    pub(super) async fn addresses(&self) -> Result<Vec<String>> {
        let prefix = (!self.prefix.is_empty()).then(|| ObjectPath::from(self.prefix.as_str()));
        let objects: Vec<_> = self
            .store
            .list(prefix.as_ref())
            .try_collect()
            .await
            .map_err(|e| unreachable(&self.url, e))?;
        Ok(objects
            .into_iter()
            .filter_map(|o| o.location.filename().map(str::to_string))
            .filter(|name| is_address(name))
            .collect())
    }
}
