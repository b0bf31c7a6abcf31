//! Faults while serving: the PostgreSQL server stops under a running Pathways (requests fail
//! cleanly with 503 and a page that says to try again) and comes back (the same process
//! recovers, no restart). The test runs a PostgreSQL cluster of its own to stop and start.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::{TestApp, TestDb, data_dir, test_config};

/// A throwaway PostgreSQL cluster in a temporary folder, on a free port.
struct OwnCluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
}

impl OwnCluster {
    fn start() -> Self {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|versions| versions.filter_map(Result::ok).map(|v| v.path().join("bin")).max())
            .filter(|bin| bin.join("pg_ctl").exists())
            .expect("PostgreSQL's server programs (Debian package postgresql) are needed: initdb, pg_ctl");
        let dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let cluster = Self { dir, bin, port };
        if is_root() {
            assert!(Command::new("chown").args(["postgres"]).arg(cluster.dir.path()).status().unwrap().success());
        }
        cluster.run("initdb", &["-D", &cluster.data(), "-A", "trust", "-U", "postgres", "--no-sync"]);
        cluster.start_again();
        cluster
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    /// Runs one of PostgreSQL's programs, as the postgres user when the test runs as root
    /// (PostgreSQL refuses to run as root).
    fn run(&self, program: &str, args: &[&str]) {
        let path = self.bin.join(program);
        let mut command = if is_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&path);
            command
        } else {
            Command::new(&path)
        };
        let output = command.args(args).output().unwrap();
        assert!(output.status.success(), "{program} failed: {}", String::from_utf8_lossy(&output.stderr));
    }

    fn start_again(&self) {
        let options =
            format!("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", self.port, self.dir.path().display());
        let log = self.dir.path().join("log").display().to_string();
        self.run("pg_ctl", &["-D", &self.data(), "-l", &log, "-w", "-o", &options, "start"]);
    }

    fn stop(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"]);
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        let path = self.bin.join("pg_ctl");
        let data = self.data();
        let args = ["-D", data.as_str(), "-m", "immediate", "stop"];
        let _ = if is_root() {
            Command::new("runuser").args(["-u", "postgres", "--"]).arg(&path).args(args).output()
        } else {
            Command::new(&path).args(args).output()
        };
    }
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false)
}

/// Asks for `path` until it answers `status`, for up to `within`; the last answer.
async fn until(app: &TestApp, path: &str, status: u16, within: Duration) -> (u16, String, Duration) {
    let started = Instant::now();
    loop {
        let asked = Instant::now();
        let response = app.client.get(app.url(path)).timeout(Duration::from_secs(30)).send().await.expect("an answer");
        let answered = (response.status().as_u16(), response.text().await.unwrap_or_default(), asked.elapsed());
        if answered.0 == status || started.elapsed() > within {
            return answered;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_postgresql_stops_requests_fail_cleanly_and_recover_when_it_returns() {
    let cluster = OwnCluster::start();
    let app = TestApp::serve_config(TestDb::existing(&cluster.url()), test_config(&cluster.url(), data_dir())).await;
    assert_eq!(app.page("/clusters").await.0, 200);

    cluster.stop();
    let (status, body, took) = until(&app, "/clusters", 503, Duration::from_secs(30)).await;
    assert_eq!(status, 503, "a page needing the database: {body}");
    assert!(body.contains("cannot reach its database"), "{body}");
    println!("with PostgreSQL stopped, a page was refused with 503 after {took:?}");
    assert!(took < Duration::from_secs(8), "the refusal came after {took:?}");
    let (status, _, _) = until(&app, "/healthz", 503, Duration::from_secs(15)).await;
    assert_eq!(status, 503, "health says the database is away");
    let again = app.get("/clusters?lang=es").await;
    assert_eq!(again.status(), 503);
    assert_eq!(again.headers()["retry-after"], "30", "clients are told when to try again");
    assert!(again.text().await.unwrap().contains("Inténtalo de nuevo en un minuto"), "the page speaks Spanish too");

    cluster.start_again();
    let (status, body, _) = until(&app, "/clusters", 200, Duration::from_secs(30)).await;
    assert_eq!(status, 200, "the same server recovers without a restart: {body}");
    assert_eq!(until(&app, "/healthz", 200, Duration::from_secs(10)).await.0, 200);
}
