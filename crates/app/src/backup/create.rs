//! Writing a backup while the server runs: the database copied first, as of one
//! commit, then the stored files (a file is written before the record that names
//! it commits, so every file the copy names is there; later ones are extra and
//! harmless), the side files, and the manifest last.

use super::manifest::{
    AUDIT_KEY, DATABASE, Entry, FORMAT, Hashing, MANIFEST, Manifest, SIDE_FILES,
};
use super::manifest::{TableRows, VERSION};
use crate::file_store::{FileStore, content_path};
use crate::{App, Error, Result, Store};
use gongkai_store::{Backend, audit, backup};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Writes a backup of the app's data directory to the new file `out`.
pub async fn create(app: &App, out: &Path) -> Result<Manifest> {
    if out.exists() {
        return Err(Error::invalid(
            "备份文件",
            format!("{} 已存在，请换一个文件名", out.display()),
        ));
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let staging = tempfile::Builder::new()
        .prefix(".gongkai-backup-")
        .tempdir_in(parent)
        .map_err(Error::io(parent))?;
    let (database, counted) = match app.store.backend() {
        Backend::Sqlite => {
            let copy = staging.path().join(DATABASE);
            backup::snapshot_sqlite(&app.store, &copy).await?;
            let store = Store::connect(&Store::sqlite_url_in(staging.path())).await?;
            (Some(copy), store)
        }
        Backend::Postgres => (None, app.store.clone()),
    };
    let tables = backup::table_counts(&counted)
        .await?
        .into_iter()
        .map(|(table, rows)| TableRows { table, rows })
        .collect();
    let (audit_head, _) = audit::head(&counted).await?;
    if database.is_some() {
        counted.close().await;
    }
    let manifest = Manifest {
        format: FORMAT.to_string(),
        version: VERSION,
        gongkai: env!("CARGO_PKG_VERSION").to_string(),
        created_at: chrono::Utc::now().to_rfc3339(),
        backend: app.store.backend().name().to_string(),
        files: app.files.describe(),
        audit_head,
        tables,
        entries: Vec::new(),
    };
    let sources = Sources {
        data_dir: app.data_dir.clone(),
        database,
        audit_key: app.settings.audit.key_path(&app.data_dir),
        stored: local_files(&app.files).await?,
    };
    let out = out.to_path_buf();
    let tmp = staging.path().join("archive.tar");
    tokio::task::spawn_blocking(move || -> Result<Manifest> {
        let manifest = write_archive(&tmp, &sources, manifest)?;
        std::fs::rename(&tmp, &out).map_err(Error::io(&out))?;
        Ok(manifest)
    })
    .await
    .map_err(|e| Error::Internal(format!("备份中断：{e}")))?
}

/// Where the archive's entries come from.
struct Sources {
    data_dir: PathBuf,
    database: Option<PathBuf>,
    audit_key: PathBuf,
    /// The stored files on this node's disk and their names in the archive.
    stored: Vec<(PathBuf, String)>,
}

/// The stored files of a `local` file store (those of the `database` store are in
/// the database; an object store keeps its own copies).
async fn local_files(files: &FileStore) -> Result<Vec<(PathBuf, String)>> {
    let FileStore::Local(root) = files else {
        return Ok(Vec::new());
    };
    let addresses = files.addresses().await?;
    Ok(addresses
        .into_iter()
        .map(|sha256| {
            let name = format!("files/{}/{sha256}", &sha256[..2]);
            (content_path(root, &sha256), name)
        })
        .collect())
}

fn write_archive(tmp: &Path, sources: &Sources, mut manifest: Manifest) -> Result<Manifest> {
    let file = File::create(tmp).map_err(Error::io(tmp))?;
    let mut archive = tar::Builder::new(std::io::BufWriter::new(file));
    if let Some(database) = &sources.database {
        manifest
            .entries
            .push(append(&mut archive, database, DATABASE)?);
    }
    for name in SIDE_FILES {
        let path = sources.data_dir.join(name);
        if path.is_file() {
            manifest.entries.push(append(&mut archive, &path, name)?);
        }
    }
    if sources.audit_key.is_file() {
        manifest
            .entries
            .push(append(&mut archive, &sources.audit_key, AUDIT_KEY)?);
    }
    for (path, name) in &sources.stored {
        let entry = append(&mut archive, path, name)?;
        let address = name.rsplit('/').next().unwrap_or_default();
        if entry.sha256 != address {
            return Err(Error::Internal(format!(
                "存储的文件 {name} 内容与其哈希不符（文件已损坏），备份未完成"
            )));
        }
        manifest.entries.push(entry);
    }
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::Internal(e.to_string()))?;
    let mut header = header_for(json.len() as u64);
    archive
        .append_data(&mut header, MANIFEST, json.as_slice())
        .map_err(Error::io(tmp))?;
    let writer = archive.into_inner().map_err(Error::io(tmp))?;
    let file = writer
        .into_inner()
        .map_err(|e| Error::io(tmp)(e.into_error()))?;
    file.sync_all().map_err(Error::io(tmp))?;
    Ok(manifest)
}

/// Appends the file at `path` as `name`, hashing it on the way.
fn append(
    archive: &mut tar::Builder<impl std::io::Write>,
    path: &Path,
    name: &str,
) -> Result<Entry> {
    let file = File::open(path).map_err(Error::io(path))?;
    let size = file.metadata().map_err(Error::io(path))?.len();
    let mut reader = Hashing::new(std::io::Read::take(file, size));
    let mut header = header_for(size);
    archive
        .append_data(&mut header, name, &mut reader)
        .map_err(Error::io(path))?;
    let (bytes, sha256) = reader.finish();
    Ok(Entry {
        path: name.to_string(),
        bytes,
        sha256,
    })
}

fn header_for(size: u64) -> tar::Header {
    let mut header = tar::Header::new_gnu();
    header.set_size(size);
    header.set_mode(0o600);
    header.set_mtime(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    );
    header
}
