//! A running server for one test, and a browser-like client for it.

use gongkai_app::App;
use gongkai_app::config::Settings;
use gongkai_app::demo::DemoAccount;
use gongkai_app::users::{AccountInput, add, generate_password};
use gongkai_domain::role::Role;
use reqwest::StatusCode;
use reqwest::redirect::Policy;
use std::net::SocketAddr;
use tokio::sync::oneshot;

/// The server under test, with the demo government and accounts.
pub struct TestApp {
    pub address: SocketAddr,
    pub app: App,
    pub accounts: Vec<DemoAccount>,
    _dir: tempfile::TempDir,
    _stop: oneshot::Sender<()>,
}

impl TestApp {
    /// Starts the server on 127.0.0.1 with a random port and a fresh data directory.
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
        let mut settings = Settings::default();
        settings.agency.name = "测试区人民政府".to_string();
        configure(&mut settings);
        TestApp::start(settings, None).await
    }

    /// Two nodes on one fresh PostgreSQL database, each with its own data directory,
    /// as a cluster runs; `None` (with a notice) when `GONGKAI_TEST_POSTGRES_URL` is
    /// not set.
    pub async fn spawn_pair_on_postgres(
        configure: impl Fn(&mut Settings),
    ) -> Option<(TestApp, TestApp, PgDatabase)> {
        let Ok(admin_url) = std::env::var("GONGKAI_TEST_POSTGRES_URL") else {
            eprintln!("GONGKAI_TEST_POSTGRES_URL is not set: PostgreSQL test skipped");
            return None;
        };
        let database = PgDatabase::create(&admin_url).await;
        let settings = |configure: &dyn Fn(&mut Settings)| {
            let mut settings = Settings::default();
            settings.agency.name = "测试区人民政府".to_string();
            settings.database.url = database.url.clone();
            configure(&mut settings);
            settings
        };
        let a = TestApp::start(settings(&configure), None).await;
        let accounts = a.accounts.clone();
        // The nodes share the audit key, as a cluster's nodes must.
        let mut b_settings = settings(&configure);
        b_settings.audit.key_file = a
            .app
            .settings
            .audit
            .key_path(&a.app.data_dir)
            .display()
            .to_string();
        let b = TestApp::start(b_settings, Some(accounts)).await;
        Some((a, b, database))
    }

    /// Opens a fresh data directory with `settings`, seeds the demo (unless the
    /// database was seeded by another node: then its accounts are given) and serves.
    async fn start(settings: Settings, seeded: Option<Vec<DemoAccount>>) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(dir.path().to_path_buf(), settings).await.unwrap();
        let accounts = match seeded {
            Some(accounts) => accounts,
            None => gongkai_app::demo::seed(&app).await.unwrap(),
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let server_app = app.clone();
        tokio::spawn(async move {
            let shutdown = async {
                let _ = stopped.await;
            };
            gongkai_web::serve(server_app, vec![listener], shutdown)
                .await
                .unwrap();
        });
        TestApp {
            address,
            app,
            accounts,
            _dir: dir,
            _stop: stop,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// The demo account of a role.
    pub fn account(&self, role: Role) -> &DemoAccount {
        self.accounts.iter().find(|a| a.role == role).unwrap()
    }

    /// A client that keeps cookies and does not follow redirects.
    pub fn client(&self) -> Client {
        Client {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(Policy::none())
                .build()
                .unwrap(),
            base: self.url(""),
        }
    }

    /// A client already signed in as the demo account of `role`.
    pub async fn signed_in(&self, role: Role) -> Client {
        let client = self.client();
        let account = self.account(role);
        let response = client.login(&account.username, &account.password).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "login as {role:?}"
        );
        client
    }

    /// Signs in a new editor of `unit`.
    pub async fn unit_editor(&self, username: &str, unit: &str) -> Client {
        let password = generate_password();
        let input = AccountInput {
            username: username.to_string(),
            display_name: username.to_string(),
            password: password.clone(),
            role: Role::Editor,
            org: unit.to_string(),
        };
        add(&self.app, gongkai_app::Actor::system("test"), &input)
            .await
            .unwrap();
        let client = self.client();
        assert_eq!(
            client.login(username, &password).await.status(),
            StatusCode::SEE_OTHER
        );
        client
    }

    /// The id of a unit by name or alias.
    pub async fn org_id(&self, name: &str) -> i64 {
        gongkai_store::orgs::find_by_name(&self.app.store, name)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("no unit {name}"))
            .id
            .0
    }
}

/// A fresh PostgreSQL database for one test, dropped when the test ends.
pub struct PgDatabase {
    admin_url: String,
    name: String,
    pub url: String,
}

impl PgDatabase {
    pub async fn create(admin_url: &str) -> PgDatabase {
        let name = format!("gongkai_web_{:016x}", rand_suffix());
        let admin = sqlx::PgPool::connect(admin_url).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&admin)
            .await
            .unwrap();
        admin.close().await;
        let mut url = url::Url::parse(admin_url).unwrap();
        url.set_path(&name);
        PgDatabase {
            admin_url: admin_url.to_string(),
            name,
            url: url.to_string(),
        }
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on: a thread
        // of its own with a runtime of its own drops the database.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                let _ = sqlx::query(&sql).execute(&admin).await;
                admin.close().await;
            });
        });
        let _ = dropped.join();
    }
}

fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(std::time::SystemTime::now())
}

pub struct Client {
    pub http: reqwest::Client,
    base: String,
}

impl Client {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    pub async fn get_text(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        (response.status(), response.text().await.unwrap())
    }

    /// Posts a form as it stands, without adding a CSRF token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// Posts a form the way the page at `page` would: with that page's CSRF token.
    pub async fn submit(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let (_, html) = self.get_text(page).await;
        let token = csrf_token(&html);
        let mut all = fields.to_vec();
        all.push(("csrf_token", &token));
        self.post_form(action, &all).await
    }

    /// Posts a multipart form the way the page at `page` would: its CSRF token in the
    /// URL (a multipart body is read by the handler, after the check).
    pub async fn submit_multipart(
        &self,
        page: &str,
        action: &str,
        form: reqwest::multipart::Form,
    ) -> reqwest::Response {
        let (_, html) = self.get_text(page).await;
        let token = csrf_token(&html);
        let separator = if action.contains('?') { '&' } else { '?' };
        self.http
            .post(format!(
                "{}{action}{separator}csrf_token={token}",
                self.base
            ))
            .multipart(form)
            .send()
            .await
            .unwrap()
    }

    pub async fn login(&self, username: &str, password: &str) -> reqwest::Response {
        self.submit(
            "/login",
            "/login",
            &[("username", username), ("password", password)],
        )
        .await
    }
}

/// The CSRF token of the first form of a page.
pub fn csrf_token(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("page has a CSRF field") + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    html[start..end].to_string()
}

pub fn location(response: &reqwest::Response) -> &str {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// Submits a complete request through the public form; its serial and tracking code.
pub async fn submit_request(app: &TestApp) -> (String, String) {
    let fields = [
        ("applicant_type", "natural_person"),
        ("applicant_name", "张三"),
        ("id_number", "11010519491231002X"),
        ("phone", "13800000000"),
        ("description", "2024年东城街道老旧小区改造项目的立项批复"),
    ];
    let page = app
        .client()
        .submit("/requests/new", "/requests/new", &fields)
        .await
        .text()
        .await
        .unwrap();
    let at = page.find("〔").unwrap();
    let end = at + page[at..].find("号").unwrap() + "号".len();
    let marker = "<strong class=\"code\">";
    let code_at = page.find(marker).unwrap() + marker.len();
    let code = page[code_at..code_at + page[code_at..].find('<').unwrap()].to_string();
    (page[at..end].to_string(), code)
}

/// The console path of the request with this serial in the office's list.
pub async fn console_path(office: &Client, serial: &str) -> String {
    let (_, list) = office.get_text("/console/requests").await;
    let at = list.find(&format!(">{serial}</a>")).unwrap();
    let link = list[..at].rfind("href=\"").unwrap() + "href=\"".len();
    list[link..at - 1].to_string()
}

/// The main part of a DOCX file, as text.
pub fn document_xml(docx: &[u8]) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The applicant's tracking page for a serial and code: status and page.
pub async fn track(client: &Client, serial: &str, code: &str) -> (StatusCode, String) {
    let response = client
        .submit(
            "/requests/track",
            "/requests/track",
            &[("serial", serial), ("code", code)],
        )
        .await;
    (response.status(), response.text().await.unwrap())
}

/// The bytes of a file under the repository's `fixtures/`.
pub fn fixture(path: &str) -> Vec<u8> {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}
