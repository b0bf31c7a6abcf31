//! Database pools for the two backends (SQLite embedded, PostgreSQL for scale-out),
//! their migrations, and the `with_pool!` macro that lets every store write each query
//! once: the macro expands the same body for each backend's concrete pool type.

pub mod batch;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

/// A connection pool to one of the supported backends.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Which backend a database URL points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs `$body` with `$pool` bound to the concrete pool of whichever backend `$db` is.
/// The body is compiled once per backend, so queries must use portable SQL.
#[macro_export]
macro_rules! with_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://USER@HOST/DATABASE")]
    UnsupportedUrl(String),
    #[error("could not create the folder for the SQLite database {path}: {source}")]
    CreateDir { path: String, source: std::io::Error },
    #[error("could not connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("the reports database must use the same backend as the main database ({0})")]
    ReportsBackend(String),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Self, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(DbError::UnsupportedUrl(url.to_string()))
        }
    }
}

impl Db {
    /// Opens a pool for `url`, creating a SQLite file (and its folder) if missing.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        match Backend::of_url(url)? {
            Backend::Sqlite => connect_sqlite(url).await.map(Db::Sqlite),
            Backend::Postgres => connect_postgres(url).await.map(Db::Postgres),
        }
    }

    /// Opens a read-only pool for reports: a read replica of `primary` (same backend), so
    /// a write sent to it by mistake fails instead of going to the wrong server.
    pub async fn connect_read_only(url: &str, primary: Backend) -> Result<Self, DbError> {
        let backend = Backend::of_url(url)?;
        if backend != primary {
            return Err(DbError::ReportsBackend(format!("{primary:?}").to_lowercase()));
        }
        match backend {
            Backend::Sqlite => {
                let options = SqliteConnectOptions::from_str(url).map_err(DbError::Connect)?.read_only(true);
                sqlite_pool(options).await.map(Db::Sqlite)
            }
            Backend::Postgres => {
                let options = PgConnectOptions::from_str(url)
                    .map_err(DbError::Connect)?
                    .options([("default_transaction_read_only", "on")]);
                postgres_pool(options).await.map(Db::Postgres)
            }
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies every pending migration of this backend's folder.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self {
            Db::Sqlite(pool) => sqlx::migrate!("./migrations/sqlite").run(pool).await?,
            Db::Postgres(pool) => {
                sqlx::migrate!("./migrations/postgres").run(pool).await?;
                validate_foreign_keys(pool).await;
            }
        }
        Ok(())
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        with_pool!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
    }

    pub async fn close(&self) {
        with_pool!(self, pool => pool.close().await)
    }
}

/// Validates the foreign keys a first bulk load added `NOT VALID` (the importer checked every
/// reference of its rows; new rows are checked all along). Validation lets reads and writes
/// go on; one that fails is logged and the constraint stays as it was.
async fn validate_foreign_keys(pool: &PgPool) {
    let pending: Result<Vec<String>, _> = sqlx::query_scalar(
        "SELECT format('ALTER TABLE %s VALIDATE CONSTRAINT %I', conrelid::regclass, conname) FROM pg_constraint
         WHERE contype = 'f' AND NOT convalidated AND connamespace = current_schema()::regnamespace",
    )
    .fetch_all(pool)
    .await;
    let pending = pending.unwrap_or_else(|error| {
        tracing::warn!(%error, "the foreign keys to validate could not be listed");
        Vec::new()
    });
    for statement in pending {
        if let Err(error) = sqlx::query(&statement).execute(pool).await {
            tracing::warn!(%error, statement, "a foreign key could not be validated");
        }
    }
}

async fn connect_sqlite(url: &str) -> Result<SqlitePool, DbError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(DbError::Connect)?
        .create_if_missing(true)
        .page_size(SQLITE_PAGE_SIZE)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true);
    if let Some(parent) = Path::new(options.get_filename()).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)
            .map_err(|source| DbError::CreateDir { path: parent.display().to_string(), source })?;
    }
    sqlite_pool(options).await
}

/// The page size of a new SQLite database (an existing one keeps its own): 16 KiB, as
/// InnoDB's. A district's tables are many small rows read in ranges; larger pages mean
/// shallower trees and a quarter of the page writes in a bulk load (a first import of a
/// 50,000-student roster takes about an eighth less time than with the 4 KiB default), for
/// more bytes written per small change.
pub const SQLITE_PAGE_SIZE: u32 = 16_384;

/// The page cache of every SQLite connection: 32 MiB (SQLite's default is 2 MiB), as reports
/// scan indexes of every student of a district. A write that enlarges it sets this back.
pub const SQLITE_CACHE_SIZE: &str = "PRAGMA cache_size = -32768";

async fn sqlite_pool(options: SqliteConnectOptions) -> Result<SqlitePool, DbError> {
    let options = options.busy_timeout(Duration::from_secs(10));
    SqlitePoolOptions::new()
        .max_connections(8)
        .after_connect(|conn, _| Box::pin(async move { sqlx::query(SQLITE_CACHE_SIZE).execute(conn).await.map(drop) }))
        .connect_with(options)
        .await
        .map_err(DbError::Connect)
}

async fn connect_postgres(url: &str) -> Result<PgPool, DbError> {
    postgres_pool(PgConnectOptions::from_str(url).map_err(DbError::Connect)?).await
}

async fn postgres_pool(options: PgConnectOptions) -> Result<PgPool, DbError> {
    PgPoolOptions::new()
        .max_connections(16)
        // Past this a request gets 503 "try again": when PostgreSQL is away, within seconds.
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await
        .map_err(DbError::Connect)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_is_chosen_by_url_scheme() {
        assert_eq!(Backend::of_url("sqlite://var/x.db").unwrap(), Backend::Sqlite);
        assert_eq!(Backend::of_url("postgres://root@localhost/test").unwrap(), Backend::Postgres);
        assert!(Backend::of_url("mysql://localhost/x").is_err());
    }

    #[test]
    fn both_migration_folders_hold_the_same_versions() {
        let names = |dir: &str| -> Vec<String> {
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        let sqlite = names(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"));
        let postgres = names(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/postgres"));
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, postgres, "migrations/sqlite and migrations/postgres must stay in step");
    }
}
