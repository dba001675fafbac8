//! The search index follows the database's outbox and survives a crash between
//! writing a batch and committing it: after a restart it equals the database, with
//! nothing lost and nothing twice.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_app::config::Settings;
use gongkai_app::documents::{import_text, public_list};
use gongkai_app::model::PublicFilter;
use gongkai_app::search::{self, SearchQuery};
use gongkai_app::{Actor, App};
use std::collections::BTreeSet;
use std::path::Path;

async fn open(dir: &Path) -> App {
    App::open(dir.to_path_buf(), Settings::default())
        .await
        .unwrap()
}

/// The ids the index returns for everything, and the number of hits for `q`.
async fn indexed_ids(app: &App) -> BTreeSet<i64> {
    let all = SearchQuery {
        per_page: 100,
        ..SearchQuery::default()
    };
    let results = search::search(app, all).await.unwrap();
    assert!(results.total <= 100, "one page holds them all");
    results.hits.iter().map(|h| h.id).collect()
}

async fn public_ids(app: &App) -> BTreeSet<i64> {
    let (documents, _) = public_list(app, &PublicFilter::default(), 1, 100)
        .await
        .unwrap();
    documents.iter().map(|d| d.id.0).collect()
}

async fn hits(app: &App, q: &str) -> u64 {
    let query = SearchQuery {
        q: q.to_string(),
        ..SearchQuery::default()
    };
    search::search(app, query).await.unwrap().total
}

#[tokio::test]
async fn a_crash_between_index_write_and_commit_loses_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let actor = Actor::system("test");
    let app = open(dir.path()).await;
    for n in 1..=3 {
        let text = format!("关于第{n}批规范性文件清理结果的通知\n\n正文第{n}段。\n");
        import_text(&app, &actor, &text).await.unwrap();
    }
    search::catch_up(&app).await.unwrap();
    let meta = dir.path().join("index").join("meta.json");
    let committed = std::fs::read(&meta).unwrap();

    // A batch written and committed: two new documents and one changed title.
    import_text(&app, &actor, "关于印发政务公开工作要点的通知\n\n要点。\n")
        .await
        .unwrap();
    import_text(&app, &actor, "关于做好年度报告编制工作的通知\n\n报告。\n")
        .await
        .unwrap();
    rename_first(&app, "关于第1批规范性文件清理结果的补充通知").await;
    assert_eq!(search::catch_up(&app).await.unwrap(), 3);
    drop(app);

    // The crash: the batch's segments are on disk, but the commit that names them and
    // carries the outbox position is undone, as if the process died just before it.
    std::fs::write(&meta, committed).unwrap();

    let app = open(dir.path()).await;
    assert_eq!(
        indexed_ids(&app).await,
        public_ids(&app).await,
        "index equals database"
    );
    assert_eq!(public_ids(&app).await.len(), 5);
    assert_eq!(app.index.num_docs().unwrap(), 5, "nothing twice");
    assert_eq!(hits(&app, "政务公开工作要点").await, 1);
    assert_eq!(hits(&app, "年度报告编制").await, 1);
    assert_eq!(hits(&app, "补充通知").await, 1, "the change is there, once");
}

/// Renames the oldest public document.
async fn rename_first(app: &App, title: &str) {
    let (documents, _) = public_list(app, &PublicFilter::default(), 1, 100)
        .await
        .unwrap();
    let first = documents.iter().min_by_key(|d| d.id).unwrap();
    let mut fields = first.fields.clone();
    fields.title = title.to_string();
    let mut tx = app.store.begin(Actor::system("test")).await.unwrap();
    gongkai_store::documents::update(&mut tx, first.id, &fields, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn reopening_after_a_clean_stop_applies_nothing_again() {
    let dir = tempfile::tempdir().unwrap();
    let actor = Actor::system("test");
    let app = open(dir.path()).await;
    import_text(&app, &actor, "关于加强政策解读工作的通知\n\n正文。\n")
        .await
        .unwrap();
    assert_eq!(search::catch_up(&app).await.unwrap(), 1);
    drop(app);
    let app = open(dir.path()).await;
    assert_eq!(search::catch_up(&app).await.unwrap(), 0);
    assert_eq!(indexed_ids(&app).await, public_ids(&app).await);
}
