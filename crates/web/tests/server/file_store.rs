//! Stored files behind one interface: on two nodes of one PostgreSQL database with
//! the `database` store, a file uploaded on node A downloads on node B; with an
//! S3-compatible store (moto), uploads and downloads go through the bucket; and
//! `migrate` moves a local store's files into the bucket, once.

use crate::helpers::{Client, TestApp};
use crate::library_console::{draft, upload};
use crate::moto::Moto;
use gongkai_app::file_store::{self, FileStore};
use gongkai_domain::role::Role;
use reqwest::StatusCode;

/// Uploads the fixture PDF to a new draft on `app`; its console download path.
async fn uploaded(app: &TestApp, editor: &Client) -> (String, Vec<u8>) {
    let path = draft(app, editor, &[("title", "文件存储测试")]).await;
    let pdf = crate::helpers::fixture("attachments/实施细则.pdf");
    let response = upload(app, editor, &path, "实施细则.pdf", pdf.clone()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = editor.get_text(&path).await;
    let link = html.split(&format!("{path}/attachments/")).nth(1).unwrap();
    let attachment: String = link.chars().take_while(char::is_ascii_digit).collect();
    (format!("{path}/attachments/{attachment}"), pdf)
}

async fn download(client: &Client, path: &str) -> Vec<u8> {
    let response = client.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn a_file_uploaded_on_node_a_downloads_on_node_b_with_the_database_store() {
    let Some((a, b, _db)) =
        TestApp::spawn_pair_on_postgres(|s| s.files.store = "database".to_string()).await
    else {
        return;
    };
    let (path, pdf) = uploaded(&a, &a.signed_in(Role::Editor).await).await;
    let on_b = b.signed_in(Role::Editor).await;
    assert_eq!(download(&on_b, &path).await, pdf);
    for node in [&a, &b] {
        assert!(
            !node.app.data_dir.join("files").exists(),
            "nothing on a node's disk"
        );
    }
}

#[tokio::test]
async fn files_go_through_an_s3_bucket_and_a_local_store_migrates_into_it() {
    let Some(moto) = Moto::start().await else {
        return;
    };
    moto.bucket("gongkai-test").await;
    let app = TestApp::spawn_with(|s| moto.configure(s, "gongkai-test")).await;
    let editor = app.signed_in(Role::Editor).await;
    let (path, pdf) = uploaded(&app, &editor).await;
    assert_eq!(download(&editor, &path).await, pdf);
    assert!(!app.app.data_dir.join("files").exists());
    assert_eq!(app.app.files.addresses().await.unwrap().len(), 1);

    // A platform on its local disk moves its files into another bucket.
    moto.bucket("gongkai-moved").await;
    let local = TestApp::spawn().await;
    let editor = local.signed_in(Role::Editor).await;
    let (_, pdf) = uploaded(&local, &editor).await;
    let mut settings = (*local.app.settings).clone();
    moto.configure(&mut settings, "gongkai-moved");
    let bucket = FileStore::open(
        &settings.files.store,
        &settings.files,
        &local.app.data_dir,
        &local.app.store,
    )
    .unwrap();
    let first = file_store::migrate(&local.app.files, &bucket)
        .await
        .unwrap();
    assert_eq!((first.copied, first.present), (1, 0));
    let again = file_store::migrate(&local.app.files, &bucket)
        .await
        .unwrap();
    assert_eq!((again.copied, again.present), (0, 1));
    let address = bucket.addresses().await.unwrap().remove(0);
    assert_eq!(bucket.get(&address).await.unwrap(), pdf);
}
