//! Importing policy documents: the five seeds, idempotency, and bad files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_app::config::Settings;
use gongkai_app::documents::{ImportEvent, import_paths};
use gongkai_app::{Actor, App};
use gongkai_store::documents;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds")
}

async fn app(dir: &Path) -> App {
    App::open(dir.join("data"), Settings::default())
        .await
        .unwrap()
}

#[tokio::test]
async fn the_five_seeds_import_once_and_seed_000_keeps_its_eight_header_fields() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    let events = Mutex::new(Vec::new());
    let record = |e: ImportEvent| events.lock().unwrap().push(e);
    let actor = Actor::system("test");
    let first = import_paths(&app, &actor, &[seeds()], &record)
        .await
        .unwrap();
    assert_eq!(
        (first.created, first.updated, first.unchanged),
        (5, 0, 0),
        "{:?}",
        first.skipped
    );
    assert!(first.skipped.is_empty());
    let events = events.into_inner().unwrap();
    assert_eq!(events.first(), Some(&ImportEvent::Found(5)));
    assert_eq!(events.len(), 6);

    let seed = documents::find_by_index_number(&app.store, "115000005567784755/2020-01891")
        .await
        .unwrap()
        .expect("seed 000 keeps its 索引号");
    let f = &seed.fields;
    assert_eq!(f.doc_number, "渝两江管办发﹝2020﹞74号");
    assert_eq!(f.doc_number_key, "渝两江管办发〔2020〕74号");
    assert_eq!(f.topic, "行政事务");
    assert_eq!(f.genre, "其他公文");
    assert_eq!(f.issuer_name, "两江新区管委会");
    assert_eq!(f.validity, gongkai_domain::validity::Validity::Valid);
    assert_eq!(f.written_on, chrono::NaiveDate::from_ymd_opt(2020, 9, 15));
    assert_eq!(f.published_on, chrono::NaiveDate::from_ymd_opt(2020, 9, 17));
    assert_eq!(
        f.title,
        "重庆两江新区管理委员会办公室关于印发2020年两江新区政务公开工作要点任务分工的通知"
    );

    let again = import_paths(&app, &actor, &[seeds()], &|_| {})
        .await
        .unwrap();
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 5));
    assert_eq!(documents::count(&app.store).await.unwrap(), 5);
    let generated: Vec<String> = documents::list(&app.store, 10, 0)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.index_number)
        .filter(|n| !n.starts_with("115000005567784755"))
        .collect();
    assert_eq!(generated.len(), 4);
    assert!(
        generated.iter().all(|n| n.starts_with("gongkai/")),
        "{generated:?}"
    );
}

#[tokio::test]
async fn bad_files_are_skipped_with_a_reason_and_the_import_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    let input = dir.path().join("input");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("broken.docx"), b"PK\x03\x04 not really a zip").unwrap();
    std::fs::write(input.join("broken.pdf"), b"%PDF-1.7\n garbage").unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    std::fs::write(input.join("notes.xyz"), "?").unwrap();
    std::fs::copy(
        seeds().join("004_2f6965311e0af134.txt"),
        input.join("seed.txt"),
    )
    .unwrap();
    let summary = import_paths(&app, &Actor::system("test"), &[input], &|_| {})
        .await
        .unwrap();
    assert_eq!(summary.created, 1);
    let reasons: Vec<(String, String)> = summary
        .skipped
        .iter()
        .map(|(p, r)| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                r.clone(),
            )
        })
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    let reason = |name: &str| &reasons.iter().find(|(n, _)| n == name).unwrap().1;
    assert!(reason("empty.txt").contains("标题"), "{reasons:?}");
    assert!(reason("notes.xyz").contains("不支持"), "{reasons:?}");
    assert!(!reason("broken.docx").is_empty() && !reason("broken.pdf").is_empty());
}
