//! Test harness: fresh databases on both backends (SQLite files in a temp folder, PostgreSQL
//! databases created and dropped per test), a loaded-catalog template so each test starts
//! from a full catalog in milliseconds, and `TestApp`, the real server on 127.0.0.1:0.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use pathways::app;
use pathways::catalog::{self, CatalogStore};
use pathways::config::{Config, LogFormat};
use pathways::db::Db;
use pathways::orgs::DemoSpec;
use pathways::progress::Silent;
use sqlx::Connection;
use tokio::sync::oneshot;

/// The backends every storage test runs against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Declares a test that runs once per backend: `NAME::sqlite` and `NAME::postgres`.
macro_rules! on_both_backends {
    ($(#[$meta:meta])* async fn $name:ident($backend:ident: Backend) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($backend: $crate::support::Backend) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                run($crate::support::Backend::Sqlite).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                run($crate::support::Backend::Postgres).await
            }
        }
    };
}
pub(crate) use on_both_backends;

/// The reference data: `PATHWAYS_DATA_DIR`, else `../shared/data` beside the project.
pub fn data_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("PATHWAYS_DATA_DIR") {
        return PathBuf::from(dir);
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    assert!(dir.is_dir(), "reference data not found at {}; set PATHWAYS_DATA_DIR", dir.display());
    dir
}

/// The PostgreSQL server tests use (trust auth): `PATHWAYS_TEST_POSTGRES_URL`, else the local one.
fn postgres_admin_url() -> String {
    std::env::var("PATHWAYS_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

fn with_database(url: &str, name: &str) -> String {
    let (base, _) = url.rsplit_once('/').expect("PostgreSQL URL with a database name");
    format!("{base}/{name}")
}

fn unique_name(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        uuid::Uuid::new_v4().simple()
    )
    .chars()
    .take(60)
    .collect()
}

async fn admin_connection() -> sqlx::PgConnection {
    let url = postgres_admin_url();
    sqlx::PgConnection::connect(&url).await.unwrap_or_else(|e| {
        panic!("PostgreSQL is not reachable at {url} ({e}). Start it, or run scripts/test, which starts a throwaway server.")
    })
}

/// A database that exists for one test and is removed after it.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pg_name: Option<String>,
}

impl TestDb {
    /// An empty database (no tables yet).
    pub async fn empty(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}", dir.path().join("pathways.db").display());
                Self { url, _dir: Some(dir), pg_name: None }
            }
            Backend::Postgres => {
                let name = unique_name("pathways_test");
                let mut admin = admin_connection().await;
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .await
                    .expect("create test database");
                Self { url: with_database(&postgres_admin_url(), &name), _dir: None, pg_name: Some(name) }
            }
        }
    }

    /// A database the test keeps elsewhere (and removes itself), at `url`.
    pub fn existing(url: &str) -> Self {
        Self { url: url.to_string(), _dir: None, pg_name: None }
    }

    /// A loaded database holding two generated districts: the demo district (with the demo
    /// accounts) and Northfield, a second district whose data must stay apart.
    pub async fn with_people(backend: Backend) -> Self {
        let db = Self::loaded(backend).await;
        let handle = db.connect().await;
        pathways::orgs::create_demo_district(&handle, &DemoSpec::standard(140)).await.expect("demo district");
        let northfield = DemoSpec {
            slug: "northfield".into(),
            name: "Northfield Public Schools".into(),
            students: 70,
            demo_accounts: false,
        };
        pathways::orgs::create_demo_district(&handle, &northfield).await.expect("second district");
        handle.close().await;
        db
    }

    /// A migrated database holding the full catalog, copied from a template built once.
    pub async fn loaded(backend: Backend) -> Self {
        let template = template_name();
        match backend {
            Backend::Sqlite => {
                let template_file = sqlite_template(&template).await;
                let db = Self::empty(backend).await;
                let target = db.url.trim_start_matches("sqlite://").to_string();
                std::fs::copy(&template_file, &target).expect("copy SQLite template");
                db
            }
            Backend::Postgres => {
                postgres_template(&template).await;
                let name = unique_name("pathways_test");
                let mut admin = admin_connection().await;
                let mut attempts = 0;
                // Two tests may copy the same template at once; PostgreSQL refuses the second briefly.
                while let Err(error) =
                    sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {template}")).execute(&mut admin).await
                {
                    attempts += 1;
                    assert!(attempts < 50, "could not copy template {template}: {error}");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
                Self { url: with_database(&postgres_admin_url(), &name), _dir: None, pg_name: Some(name) }
            }
        }
    }

    pub async fn connect(&self) -> Db {
        let db = Db::connect(&self.url).await.expect("connect to test database");
        db.migrate().await.expect("migrate test database");
        db
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(name) = self.pg_name.take() else { return };
        // Drop runs outside any async context we can rely on: use a thread with its own runtime.
        let handle = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            runtime.block_on(async move {
                let mut admin = admin_connection().await;
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut admin).await;
            });
        });
        let _ = handle.join();
    }
}

/// Names the template after the data files and migrations, so a change rebuilds it.
fn template_name() -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    let dir = data_dir();
    for file in catalog::source::FILES {
        let meta = std::fs::metadata(dir.join(file)).expect("reference data file");
        hasher.update(file.as_bytes());
        hasher.update(meta.len().to_le_bytes());
        if let Ok(modified) = meta.modified() {
            hasher.update(format!("{modified:?}").as_bytes());
        }
    }
    for folder in ["migrations/sqlite", "migrations/postgres"] {
        let mut entries: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(folder))
            .expect("migrations folder")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for path in entries {
            hasher.update(std::fs::read(&path).expect("migration file"));
        }
    }
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    format!("pathways_tmpl_{}", &format!("{:x}", hasher.finalize())[..16])
}

async fn load_catalog(url: &str) {
    let db = Db::connect(url).await.expect("connect");
    db.migrate().await.expect("migrate");
    catalog::load_from_dir(&CatalogStore::new(db.clone()), &data_dir(), false, &Silent)
        .await
        .expect("load catalog into template");
    db.close().await;
}

/// Builds the SQLite template file once per machine and data version, under a file lock.
async fn sqlite_template(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("templates");
    std::fs::create_dir_all(&dir).expect("template folder");
    let path = dir.join(format!("{name}.db"));
    let lock = std::fs::File::create(dir.join(format!("{name}.lock"))).expect("lock file");
    lock.lock().expect("lock template");
    if !path.exists() {
        let building = dir.join(format!("{name}.building.db"));
        let _ = std::fs::remove_file(&building);
        load_catalog(&format!("sqlite://{}", building.display())).await;
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", building.display()));
        }
        std::fs::rename(&building, &path).expect("publish template");
    }
    lock.unlock().expect("unlock template");
    path
}

/// Builds the PostgreSQL template database once, serialized by an advisory lock.
async fn postgres_template(name: &str) {
    let mut admin = admin_connection().await;
    sqlx::query("SELECT pg_advisory_lock(7461001)").execute(&mut admin).await.expect("advisory lock");
    let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
        .bind(name)
        .fetch_one(&mut admin)
        .await
        .expect("look up template");
    if !exists {
        let building = format!("{name}_building");
        sqlx::query(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
            .execute(&mut admin)
            .await
            .expect("drop");
        sqlx::query(&format!("CREATE DATABASE {building}")).execute(&mut admin).await.expect("create template");
        load_catalog(&with_database(&postgres_admin_url(), &building)).await;
        sqlx::query(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .execute(&mut admin)
            .await
            .expect("publish template");
    }
    sqlx::query("SELECT pg_advisory_unlock(7461001)").execute(&mut admin).await.expect("advisory unlock");
}

/// The real application serving on a free port of 127.0.0.1.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    _db: TestDb,
    shutdown: Option<oneshot::Sender<()>>,
}

impl TestApp {
    /// Serves a database that already holds the full catalog.
    pub async fn loaded(backend: Backend) -> Self {
        Self::serve(TestDb::loaded(backend).await, data_dir()).await
    }

    /// Serves `db` after the same start-up as `pathways serve` (migrate, load if empty).
    pub async fn serve(db: TestDb, data_dir: PathBuf) -> Self {
        let config = test_config(&db.url, data_dir);
        Self::serve_config(db, config).await
    }

    /// Serves `db` with `config` (e.g. another public URL).
    pub async fn serve_config(db: TestDb, config: Config) -> Self {
        let state = app::prepare(config, &Silent).await.expect("application start-up");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let address = format!("http://{}", listener.local_addr().expect("address"));
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(async move {
            app::serve(state, listener, async {
                let _ = rx.await;
            })
            .await
            .expect("server");
        });
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Self { address, client, _db: db, shutdown: Some(tx) }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request")
    }

    /// GET with an Accept-Language header.
    pub async fn get_in(&self, path: &str, accept_language: &str) -> reqwest::Response {
        self.client.get(self.url(path)).header("accept-language", accept_language).send().await.expect("request")
    }

    /// GET a page: status and body, with `&`, `'` and `"` unescaped so tests read text as people do.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, unescape(&response.text().await.expect("body")))
    }

    /// GET JSON: status and parsed body.
    pub async fn json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} did not return JSON ({e}): {text}"));
        (status, value)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

pub fn test_config(database_url: &str, data_dir: PathBuf) -> Config {
    Config {
        database_url: database_url.to_string(),
        reports_database_url: None,
        data_dir: Some(data_dir),
        bind: "127.0.0.1:0".parse().expect("address"),
        public_url: Some("http://pathways.test".into()),
        log_format: LogFormat::Pretty,
        request_timeout: pathways::config::DEFAULT_REQUEST_TIMEOUT,
    }
}

/// Counts non-overlapping occurrences of `needle` in `haystack`.
pub fn occurrences(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Undoes the escaping of `&`, `'` and `"`; `<` and `>` stay escaped.
pub fn unescape(html: &str) -> String {
    html.replace("&#38;", "&")
        .replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
}

/// Password the people tests give every account they sign in with.
pub const TEST_PASSWORD: &str = "correct horse battery";

impl TestApp {
    /// Serves a loaded database holding two generated districts: the demo district (with the
    /// demo accounts) and Northfield, a second district whose data must stay apart.
    pub async fn with_people(backend: Backend) -> Self {
        Self::serve(TestDb::with_people(backend).await, data_dir()).await
    }

    /// The URL of the app's database, for running the `pathways` binary against it.
    pub fn database_url(&self) -> &str {
        &self._db.url
    }

    /// A connection to the app's database, for arranging and checking what tests need.
    pub async fn db(&self) -> Db {
        self._db.connect().await
    }

    /// Someone not signed in, with a session (and its CSRF token) from the sign-in page.
    pub async fn visitor(&self) -> Visitor {
        Visitor::arriving_at(&self.address).await
    }

    /// Someone signed in as `email` with `password`.
    pub async fn signed_in_with(&self, email: &str, password: &str) -> Visitor {
        Visitor::signed_in_at(&self.address, email, password).await
    }

    /// Someone signed in as a demo account.
    pub async fn signed_in(&self, email: &str) -> Visitor {
        self.signed_in_with(email, pathways::orgs::DEMO_PASSWORD).await
    }
}

/// A browser-like client: keeps cookies, does not follow redirects, adds the CSRF token to forms.
pub struct Visitor {
    pub client: reqwest::Client,
    base: String,
    pub csrf: String,
}

impl Visitor {
    /// Someone not signed in at the server at `base`, with a session from its sign-in page.
    pub async fn arriving_at(base: &str) -> Visitor {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let mut visitor = Visitor { client, base: base.to_string(), csrf: String::new() };
        visitor.refresh_csrf("/signin").await;
        visitor
    }

    /// Someone signed in as `email` with `password` at the server at `base`.
    pub async fn signed_in_at(base: &str, email: &str, password: &str) -> Visitor {
        let mut visitor = Visitor::arriving_at(base).await;
        let response = visitor.post("/signin", &[("email", email), ("password", password)]).await;
        assert_eq!(response.status(), 303, "sign-in as {email} failed: {}", response.text().await.unwrap_or_default());
        visitor.refresh_csrf("/account").await;
        visitor
    }

    /// The same person (same cookies, same session) going to the server at `base`.
    pub fn at(&self, base: &str) -> Visitor {
        Visitor { client: self.client.clone(), base: base.to_string(), csrf: self.csrf.clone() }
    }

    /// Reads the CSRF token from a form on `path`.
    pub async fn refresh_csrf(&mut self, path: &str) {
        let (status, body) = self.page(path).await;
        assert_eq!(status, 200, "{path}: {body}");
        self.csrf = csrf_of(&body).unwrap_or_else(|| panic!("no CSRF token on {path}"));
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.base)).send().await.expect("request")
    }

    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, unescape(&response.text().await.expect("body")))
    }

    /// GET a JSON document: status and body.
    pub async fn json_of(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }

    /// Posts a multipart form (with this visitor's CSRF token) and, optionally, a file
    /// field `file` as (file name, bytes).
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, &[u8])>,
    ) -> reqwest::Response {
        let (content_type, body) = multipart_body(&[&[("csrf", self.csrf.as_str())], fields].concat(), file);
        self.client
            .post(format!("{}{path}", self.base))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request")
    }

    /// Posts a form with this visitor's CSRF token added.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &self.csrf));
        self.client.post(format!("{}{path}", self.base)).form(&form).send().await.expect("request")
    }

    /// Posts a form past the server's body limit (see [`answer_to_oversized`]).
    pub async fn post_oversized(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &self.csrf));
        let url = format!("{}{path}", self.base);
        answer_to_oversized(|| self.client.post(&url).form(&form)).await
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client.post(format!("{}{path}", self.base)).json(body).send().await.expect("request")
    }
}

/// The answer to a request whose body is past the server's limit. The server answers 413
/// before reading the body and closes the connection, so the client's write of the rest can
/// fail before it reads the answer; then the request is sent again.
pub async fn answer_to_oversized(request: impl Fn() -> reqwest::RequestBuilder) -> reqwest::Response {
    for _ in 0..20 {
        match request().send().await {
            Ok(response) => return response,
            Err(error) if error.is_request() => continue,
            Err(error) => panic!("oversized request: {error}"),
        }
    }
    panic!("20 oversized requests lost their answers to a closed connection")
}

/// The value of the first `csrf` hidden field of a page.
pub fn csrf_of(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(html[start..].chars().take_while(|c| c.is_ascii_hexdigit()).collect())
}

/// Sets the password of the account with `email` (generated staff have none).
pub async fn set_password(db: &Db, email: &str, password: &str) {
    let (user, _) = pathways::orgs::store::user_for_sign_in(db, email).await.expect("look up").expect("account exists");
    pathways::orgs::store::set_password_hash(db, user.id, &pathways::auth::password::hash(password))
        .await
        .expect("set");
}

/// The `pathways` binary on `database_url`, with the reference data and quiet logs.
pub fn pathways(database_url: &str) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_pathways"));
    command.env("PATHWAYS_DATABASE_URL", database_url).env("PATHWAYS_DATA_DIR", data_dir()).env("PATHWAYS_LOG", "warn");
    command
}

/// The one whole number `sql` selects.
pub async fn scalar(db: &Db, sql: &str) -> i64 {
    pathways::with_pool!(db, pool => sqlx::query_scalar(sql).fetch_one(pool).await).expect(sql)
}

/// A multipart/form-data body: its content type (with the boundary) and bytes.
pub fn multipart_body(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    const BOUNDARY: &str = "pathways-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").bytes(),
        );
    }
    if let Some((file_name, bytes)) = file {
        body.extend(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/zip\r\n\r\n")
                .bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{BOUNDARY}--\r\n").bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

/// Writes a zip of `entries` (name, bytes) to `path`.
pub fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// The demo district's own OneRoster export, zipped, as its administrator would upload it.
pub async fn demo_export_zip(db: &Db) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("set");
    pathways::oneroster::export::export_district(db, "riverbend", &set).await.unwrap();
    let files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&set)
        .unwrap()
        .map(|entry| entry.unwrap())
        .map(|entry| (entry.file_name().to_string_lossy().into_owned(), std::fs::read(entry.path()).unwrap()))
        .collect();
    let entries: Vec<(&str, &[u8])> = files.iter().map(|(name, bytes)| (name.as_str(), bytes.as_slice())).collect();
    let zip = dir.path().join("riverbend.zip");
    write_zip(&zip, &entries);
    std::fs::read(zip).unwrap()
}

/// Every row of every table but `skip`, as one hash.
pub async fn all_rows_digest(db: &Db, skip: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let tables_sql = match db {
        Db::Sqlite(_) => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Db::Postgres(_) => {
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        }
    };
    let tables: Vec<String> =
        pathways::with_pool!(db, pool => sqlx::query_scalar(tables_sql).fetch_all(pool).await).unwrap();
    let mut hasher = Sha256::new();
    for table in tables.iter().filter(|t| !skip.contains(&t.as_str())) {
        let (columns_sql, quote) = match db {
            Db::Sqlite(_) => ("SELECT name FROM pragma_table_info($1)", "quote({})"),
            Db::Postgres(_) => (
                "SELECT column_name::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
                "quote_nullable({}::text)",
            ),
        };
        let columns: Vec<String> =
            pathways::with_pool!(db, pool => sqlx::query_scalar(columns_sql).bind(table).fetch_all(pool).await)
                .unwrap();
        let quoted: Vec<String> = columns.iter().map(|c| quote.replace("{}", &format!("\"{c}\""))).collect();
        let sql = format!("SELECT {} FROM \"{table}\"", quoted.join(" || '|' || "));
        let mut rows: Vec<String> =
            pathways::with_pool!(db, pool => sqlx::query_scalar(&sql).fetch_all(pool).await).unwrap();
        rows.sort();
        hasher.update(format!("{table}:{}\n{}\n", rows.len(), rows.join("\n")));
    }
    format!("{:x}", hasher.finalize())
}

/// A `pathways serve` process on a port of its own; stopped when dropped.
pub struct ServerProcess {
    pub child: std::process::Child,
    pub base: String,
}

impl ServerProcess {
    pub fn start(database_url: &str) -> Self {
        let mut child = pathways(database_url)
            .args(["serve", "--bind", "127.0.0.1:0"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start pathways serve");
        let stdout = child.stdout.take().expect("stdout");
        let (found, address) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)).map_while(Result::ok) {
                if let Some(rest) = line.split("running at ").nth(1) {
                    let _ = found.send(rest.split_whitespace().next().unwrap_or("").trim_end_matches('/').to_string());
                }
            }
        });
        let base = address.recv_timeout(std::time::Duration::from_secs(60)).expect("the server says where it runs");
        Self { child, base }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
