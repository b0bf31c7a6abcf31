//! One typed configuration: command-line flags win over `PATHWAYS_*` environment
//! variables, which win over defaults (clap resolves that order for us).

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Where the database lives, where the reference data is, and how the server listens.
/// The command line fills it from flags and `PATHWAYS_*` variables; tests build it directly.
#[derive(Clone)]
pub struct Config {
    /// `sqlite://PATH` (a file, created if missing) or `postgres://USER@HOST/DATABASE`.
    pub database_url: String,
    /// A read replica of the database for reports (same backend); reports read the main
    /// database when it is not set.
    pub reports_database_url: Option<String>,
    /// Folder holding `career-clusters/` and `onet/`; see [`Config::resolved_data_dir`].
    pub data_dir: Option<PathBuf>,
    /// Address the web server listens on.
    pub bind: SocketAddr,
    /// Public base URL for links that leave the page; default `http://` + bind address.
    pub public_url: Option<String>,
    pub log_format: LogFormat,
    /// The longest a request may take, from its first byte to its response (a slow client
    /// sending a body counts): past it the server answers 408.
    pub request_timeout: Duration,
}

/// The default of [`Config::request_timeout`]: long enough for a district's roster upload.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Pretty,
    Json,
}

impl Config {
    /// A configuration for the given database with every other setting at its default.
    pub fn for_database(database_url: impl Into<String>) -> Self {
        Self {
            database_url: database_url.into(),
            reports_database_url: None,
            data_dir: None,
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            log_format: LogFormat::Pretty,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
        }
    }

    /// The reference-data folder actually used.
    pub fn resolved_data_dir(&self) -> PathBuf {
        if let Some(dir) = &self.data_dir {
            return dir.clone();
        }
        let local = PathBuf::from("data");
        if local.join("career-clusters").is_dir() { local } else { PathBuf::from("../shared/data") }
    }

    /// Whether users reach the server over TLS (a proxy in front terminates it).
    pub fn behind_tls(&self) -> bool {
        self.resolved_public_url().starts_with("https://")
    }

    /// The public base URL without a trailing slash.
    pub fn resolved_public_url(&self) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => format!("http://{}", self.bind),
        }
    }
}

/// Hides the password of a database URL so configuration can be logged.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("reports_database_url", &self.reports_database_url.as_deref().map(redact_url))
            .field("data_dir", &self.data_dir)
            .field("bind", &self.bind)
            .field("public_url", &self.public_url)
            .field("log_format", &self.log_format)
            .field("request_timeout", &self.request_timeout)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_password_is_redacted_in_debug_output() {
        let config = Config::for_database("postgres://app:s3cret@db.example:5432/pathways");
        let shown = format!("{config:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("postgres://app:***@db.example:5432/pathways"), "{shown}");
    }

    #[test]
    fn urls_without_password_are_unchanged() {
        assert_eq!(redact_url("sqlite://var/pathways.db"), "sqlite://var/pathways.db");
        assert_eq!(redact_url("postgres://root@127.0.0.1/test"), "postgres://root@127.0.0.1/test");
    }
}
