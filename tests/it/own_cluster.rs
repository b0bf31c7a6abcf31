//! A PostgreSQL cluster of a test's own, in a temporary folder on a free port: one the test
//! may stop and start, or copy into a streaming read replica.

use std::path::PathBuf;
use std::process::Command;

/// A throwaway PostgreSQL cluster in a temporary folder, on a free port.
pub struct OwnCluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
}

impl OwnCluster {
    /// A new cluster (`initdb`), started.
    pub fn start() -> Self {
        let cluster = Self::in_new_folder();
        cluster.run("initdb", &["-D", &cluster.data(), "-A", "trust", "-U", "postgres", "--no-sync"]);
        cluster.start_again();
        cluster
    }

    /// A hot standby streaming from this cluster (`pg_basebackup -R`), started, holding
    /// everything written here so far.
    pub fn replica(&self) -> Self {
        let replica = Self::in_new_folder();
        let port = self.port.to_string();
        let data = replica.data();
        // A fast checkpoint: the default spreads it over minutes.
        let args = [
            "-h",
            "127.0.0.1",
            "-p",
            &port,
            "-U",
            "postgres",
            "-D",
            &data,
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
            "--no-sync",
        ];
        replica.run("pg_basebackup", &args);
        replica.start_again();
        replica
    }

    fn in_new_folder() -> Self {
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
        cluster
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    /// One of PostgreSQL's programs, run as the postgres user when the test runs as root
    /// (PostgreSQL refuses to run as root).
    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if is_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&path);
            command
        } else {
            Command::new(&path)
        }
    }

    fn run(&self, program: &str, args: &[&str]) {
        let output = self.command(program).args(args).output().unwrap();
        assert!(output.status.success(), "{program} failed: {}", String::from_utf8_lossy(&output.stderr));
    }

    pub fn start_again(&self) {
        let options =
            format!("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", self.port, self.dir.path().display());
        let log = self.dir.path().join("log").display().to_string();
        self.run("pg_ctl", &["-D", &self.data(), "-l", &log, "-w", "-o", &options, "start"]);
    }

    pub fn stop(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"]);
    }

    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        let _ = self.command("pg_ctl").args(["-D", &self.data(), "-m", "immediate", "stop"]).output();
    }
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false)
}
