//! Whole-database backups. `pathways backup FILE` takes one consistent snapshot while the
//! server keeps serving; `pathways restore FILE` replaces the database's contents with it
//! in one transaction, so a failed restore leaves the database as it was.
//!
//! A SQLite backup is itself a SQLite database (`VACUUM INTO`). A PostgreSQL backup is a
//! zip archive: a manifest (`pathways-backup.json`) and one COPY stream per table, written
//! from a repeatable-read snapshot and restored in the manifest's order, referenced tables
//! first. A backup restores onto the backend it was taken from, at the same schema version.
//! A restore rolls the audit log back with everything else; its own entry says how many
//! entries the log held before.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, PgConnection, PgPool, SqliteConnection, SqlitePool};
use time::OffsetDateTime;

use crate::audit::{self, Action, Entry};
use crate::db::Db;
use crate::with_pool;

const MANIFEST: &str = "pathways-backup.json";
const FORMAT: u32 = 1;
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// Bytes of COPY data read from the archive and sent at a time.
const CHUNK_BYTES: usize = 1 << 20;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The file is not a backup this database can take, and why.
    #[error("{0}")]
    Unusable(String),
    #[error("{path}: {source}")]
    File { path: PathBuf, source: std::io::Error },
    #[error("the backup archive is damaged: {0}")]
    Archive(#[from] zip::result::ZipError),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

/// What a backup holds (or a restore put back): rows per table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub rows: BTreeMap<String, u64>,
}

impl Summary {
    pub fn total_rows(&self) -> u64 {
        self.rows.values().sum()
    }

    fn describe(&self) -> String {
        format!("{} tables, {} rows", self.rows.len(), self.total_rows())
    }
}

/// The manifest of a PostgreSQL backup archive.
#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    backend: String,
    schema_version: i64,
    taken_at: String,
    /// In restore order: every table after the tables it references.
    tables: Vec<TableEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct TableEntry {
    name: String,
    columns: Vec<String>,
    rows: u64,
}

/// Writes a snapshot of the whole database to `file` (replacing it only once the snapshot
/// is complete) and records the export in the audit log.
pub async fn backup(db: &Db, file: &Path, now: OffsetDateTime) -> Result<Summary, BackupError> {
    let partial = partial_path(file);
    remove_if_present(&partial)?;
    let taken = match db {
        Db::Sqlite(pool) => backup_sqlite(pool, &partial).await,
        Db::Postgres(pool) => backup_postgres(pool, &partial, now).await,
    };
    let summary = match taken {
        Ok(summary) => summary,
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
    };
    std::fs::rename(&partial, file).map_err(|source| BackupError::File { path: file.to_path_buf(), source })?;
    record(db, Action::Export, &summary.describe(), now).await?;
    Ok(summary)
}

/// Replaces every row of the database with the backup's, in one transaction, and records
/// the restore in the audit log. The database is migrated first, so an empty one will do.
pub async fn restore(db: &Db, file: &Path, now: OffsetDateTime) -> Result<Summary, BackupError> {
    let kind = backup_kind(file)?;
    db.migrate().await.map_err(|error| BackupError::Unusable(error.to_string()))?;
    let audited: i64 =
        with_pool!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(pool).await)?;
    let summary = match (db, kind) {
        (Db::Sqlite(pool), crate::db::Backend::Sqlite) => restore_sqlite(pool, file).await?,
        (Db::Postgres(pool), crate::db::Backend::Postgres) => restore_postgres(pool, file).await?,
        (_, taken_on) => {
            let names = |b| if b == crate::db::Backend::Sqlite { "SQLite" } else { "PostgreSQL" };
            return Err(BackupError::Unusable(format!(
                "{} is a backup of a {} database; this database is {}: restore it onto {} (the backend it was taken from)",
                file.display(),
                names(taken_on),
                names(db.backend()),
                names(taken_on)
            )));
        }
    };
    let detail = format!("{}; the audit log held {audited} entries before", summary.describe());
    record(db, Action::Import, &detail, now).await?;
    Ok(summary)
}

async fn record(db: &Db, action: Action, detail: &str, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    let entry = Entry {
        actor: None,
        action,
        district: None,
        student: None,
        resource: "backup",
        ip: None,
        detail: Some(detail),
    };
    audit::record(db, &entry, now).await
}

/// The backend a backup file was taken from, by its first bytes.
fn backup_kind(file: &Path) -> Result<crate::db::Backend, BackupError> {
    let mut head = [0u8; 16];
    let read = File::open(file)
        .and_then(|mut f| read_up_to(&mut f, &mut head))
        .map_err(|source| BackupError::File { path: file.to_path_buf(), source })?;
    if head[..read].starts_with(SQLITE_MAGIC) {
        Ok(crate::db::Backend::Sqlite)
    } else if head[..read].starts_with(ZIP_MAGIC) {
        Ok(crate::db::Backend::Postgres)
    } else {
        Err(BackupError::Unusable(format!(
            "{} is not a Pathways backup: make one with `pathways backup FILE`",
            file.display()
        )))
    }
}

fn read_up_to(reader: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Where a backup is written until it is complete: beside `file`, so the rename is atomic.
fn partial_path(file: &Path) -> PathBuf {
    let name = file.file_name().map_or_else(|| "backup".into(), |n| n.to_string_lossy().into_owned());
    file.with_file_name(format!(".{name}.partial"))
}

fn remove_if_present(path: &Path) -> Result<(), BackupError> {
    match std::fs::remove_file(path) {
        Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
            Err(BackupError::File { path: path.to_path_buf(), source })
        }
        _ => Ok(()),
    }
}

fn path_text(path: &Path) -> Result<&str, BackupError> {
    path.to_str()
        .ok_or_else(|| BackupError::Unusable(format!("{}: use a file name without invalid characters", path.display())))
}

fn quoted(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

fn column_list(columns: &[String]) -> String {
    columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ")
}

const SCHEMA_VERSION: &str = "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success";

fn schema_mismatch(backup: i64, database: i64) -> BackupError {
    let advice = if backup > database {
        "upgrade Pathways to the version that made the backup, then restore"
    } else {
        "restore it with the Pathways version that made it, then upgrade"
    };
    BackupError::Unusable(format!("the backup is at schema version {backup} and this database at {database}: {advice}"))
}

fn tables_mismatch(backup: &BTreeSet<String>, database: &BTreeSet<String>) -> BackupError {
    let missing: Vec<&str> = database.difference(backup).map(String::as_str).collect();
    let extra: Vec<&str> = backup.difference(database).map(String::as_str).collect();
    BackupError::Unusable(format!(
        "the backup's tables differ from this database's (missing: {}; unknown: {}): it was not made by this version of Pathways",
        if missing.is_empty() { "none".into() } else { missing.join(", ") },
        if extra.is_empty() { "none".into() } else { extra.join(", ") },
    ))
}

// SQLite

const SQLITE_TABLES: &str = "SELECT name FROM sqlite_master
     WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name";

async fn sqlite_tables(conn: &mut SqliteConnection, schema: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(&SQLITE_TABLES.replace("sqlite_master", &format!("{schema}.sqlite_master")))
        .fetch_all(conn)
        .await
}

async fn sqlite_row_counts(conn: &mut SqliteConnection, schema: &str) -> Result<Summary, sqlx::Error> {
    let mut summary = Summary::default();
    for table in sqlite_tables(conn, schema).await? {
        let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {schema}.{}", quoted(&table)))
            .fetch_one(&mut *conn)
            .await?;
        summary.rows.insert(table, rows as u64);
    }
    Ok(summary)
}

/// `VACUUM INTO` reads in one transaction: a consistent copy while writers go on.
async fn backup_sqlite(pool: &SqlitePool, partial: &Path) -> Result<Summary, BackupError> {
    sqlx::query("VACUUM INTO $1").bind(path_text(partial)?).execute(pool).await?;
    let mut copy = open_sqlite_backup(partial).await?;
    let summary = sqlite_row_counts(&mut copy, "main").await?;
    copy.close().await?;
    Ok(summary)
}

async fn open_sqlite_backup(file: &Path) -> Result<SqliteConnection, BackupError> {
    let options = SqliteConnectOptions::new().filename(file).read_only(true);
    Ok(SqliteConnection::connect_with(&options).await?)
}

/// Checks the backup file, then copies every table of it over the database's in one
/// transaction, with foreign keys checked once at the end.
async fn restore_sqlite(pool: &SqlitePool, file: &Path) -> Result<Summary, BackupError> {
    let mut backup = open_sqlite_backup(file).await?;
    let check: String = sqlx::query_scalar("PRAGMA quick_check").fetch_one(&mut backup).await?;
    if check != "ok" {
        return Err(BackupError::Unusable(format!("{} is damaged: {check}", file.display())));
    }
    let version: Option<i64> = sqlx::query_scalar(SCHEMA_VERSION).fetch_one(&mut backup).await.ok();
    let Some(version) = version else {
        return Err(BackupError::Unusable(format!(
            "{} is a SQLite database but not a Pathways backup",
            file.display()
        )));
    };
    let summary = sqlite_row_counts(&mut backup, "main").await?;
    backup.close().await?;

    let mut conn = pool.acquire().await?;
    let current: i64 = sqlx::query_scalar(SCHEMA_VERSION).fetch_one(&mut *conn).await?;
    if version != current {
        return Err(schema_mismatch(version, current));
    }
    let tables = sqlite_tables(&mut conn, "main").await?;
    let ours: BTreeSet<String> = tables.iter().cloned().collect();
    let theirs: BTreeSet<String> = summary.rows.keys().cloned().collect();
    if ours != theirs {
        return Err(tables_mismatch(&theirs, &ours));
    }
    sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *conn).await?;
    sqlx::query("ATTACH DATABASE $1 AS backup").bind(path_text(file)?).execute(&mut *conn).await?;
    let copied: Result<(), BackupError> = async {
        let mut tx = conn.begin().await?;
        // Triggers (the audit log's append-only guard among them) stand aside for the copy.
        let triggers: Vec<(String, String)> =
            sqlx::query_as("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' ORDER BY name")
                .fetch_all(&mut *tx)
                .await?;
        for (name, _) in &triggers {
            sqlx::query(&format!("DROP TRIGGER main.{}", quoted(name))).execute(&mut *tx).await?;
        }
        for table in &tables {
            let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info($1, 'main')")
                .bind(table)
                .fetch_all(&mut *tx)
                .await?;
            let (table, columns) = (quoted(table), column_list(&columns));
            sqlx::query(&format!("DELETE FROM main.{table}")).execute(&mut *tx).await?;
            sqlx::query(&format!("INSERT INTO main.{table} ({columns}) SELECT {columns} FROM backup.{table}"))
                .execute(&mut *tx)
                .await?;
        }
        for (_, sql) in &triggers {
            sqlx::query(sql).execute(&mut *tx).await?;
        }
        let broken: Vec<(String,)> =
            sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(&mut *tx).await?;
        if let Some((table,)) = broken.first() {
            return Err(BackupError::Unusable(format!(
                "the backup's rows break {} references (first in {table}); nothing was restored",
                broken.len()
            )));
        }
        tx.commit().await?;
        Ok(())
    }
    .await;
    sqlx::query("DETACH DATABASE backup").execute(&mut *conn).await?;
    sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
    copied.map(|()| summary)
}

// PostgreSQL

const PG_TABLES: &str = "SELECT tablename::text FROM pg_tables
     WHERE schemaname = current_schema() AND tablename <> '_sqlx_migrations' ORDER BY tablename";
const PG_REFERENCES: &str = "SELECT r.relname::text, f.relname::text FROM pg_constraint c
     JOIN pg_class r ON r.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = r.relnamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()";
const PG_COLUMNS: &str = "SELECT a.attname::text FROM pg_attribute a
     WHERE a.attrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass
       AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum";

/// The schema's tables, each after every table it references.
async fn pg_tables_in_order(conn: &mut PgConnection) -> Result<Vec<String>, sqlx::Error> {
    let tables: Vec<String> = sqlx::query_scalar(PG_TABLES).fetch_all(&mut *conn).await?;
    let references: Vec<(String, String)> = sqlx::query_as(PG_REFERENCES).fetch_all(&mut *conn).await?;
    Ok(dependency_order(&tables, &references))
}

/// `tables` ordered so that each comes after those it references (`(from, to)` pairs);
/// ties in name order. Tables caught in a cycle keep name order at the end.
fn dependency_order(tables: &[String], references: &[(String, String)]) -> Vec<String> {
    let mut needs: BTreeMap<&str, BTreeSet<&str>> = tables.iter().map(|t| (t.as_str(), BTreeSet::new())).collect();
    for (from, to) in references {
        if from != to
            && needs.contains_key(to.as_str())
            && let Some(set) = needs.get_mut(from.as_str())
        {
            set.insert(to.as_str());
        }
    }
    let mut ordered: Vec<String> = Vec::with_capacity(tables.len());
    while !needs.is_empty() {
        let ready: Vec<&str> = needs.iter().filter(|(_, deps)| deps.is_empty()).map(|(t, _)| *t).collect();
        let batch = if ready.is_empty() { needs.keys().copied().collect() } else { ready };
        for table in &batch {
            needs.remove(table);
        }
        for deps in needs.values_mut() {
            for table in &batch {
                deps.remove(table);
            }
        }
        ordered.extend(batch.into_iter().map(str::to_string));
    }
    ordered
}

async fn pg_columns(conn: &mut PgConnection, table: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(PG_COLUMNS).bind(table).fetch_all(conn).await
}

/// Streams every table through COPY from one repeatable-read snapshot into the archive.
async fn backup_postgres(pool: &PgPool, partial: &Path, now: OffsetDateTime) -> Result<Summary, BackupError> {
    let file_error = |source| BackupError::File { path: partial.to_path_buf(), source };
    let mut tx = pool.begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *tx).await?;
    let schema_version: i64 = sqlx::query_scalar(SCHEMA_VERSION).fetch_one(&mut *tx).await?;
    let tables = pg_tables_in_order(&mut tx).await?;
    let mut archive = zip::ZipWriter::new(BufWriter::new(File::create(partial).map_err(file_error)?));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    let mut manifest = Manifest {
        format: FORMAT,
        backend: "postgres".into(),
        schema_version,
        taken_at: now.format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
        tables: Vec::with_capacity(tables.len()),
    };
    for table in tables {
        let columns = pg_columns(&mut tx, &table).await?;
        archive.start_file(format!("tables/{table}.copy"), options)?;
        let statement = format!("COPY {} ({}) TO STDOUT", quoted(&table), column_list(&columns));
        let mut stream = tx.copy_out_raw(&statement).await?;
        let mut rows = 0u64;
        while let Some(chunk) = std::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
            let chunk = chunk?;
            rows += chunk.iter().filter(|b| **b == b'\n').count() as u64;
            archive.write_all(&chunk).map_err(file_error)?;
        }
        drop(stream);
        manifest.tables.push(TableEntry { name: table, columns, rows });
    }
    archive.start_file(MANIFEST, options)?;
    let json = serde_json::to_vec_pretty(&manifest).expect("a manifest serializes");
    archive.write_all(&json).map_err(file_error)?;
    let written = archive.finish()?.into_inner().map_err(|e| file_error(e.into_error()))?;
    written.sync_all().map_err(file_error)?;
    tx.commit().await?;
    Ok(Summary { rows: manifest.tables.into_iter().map(|t| (t.name, t.rows)).collect() })
}

fn read_manifest(file: &Path) -> Result<Manifest, BackupError> {
    let opened = File::open(file).map_err(|source| BackupError::File { path: file.to_path_buf(), source })?;
    let mut archive = zip::ZipArchive::new(opened)?;
    let mut entry = archive.by_name(MANIFEST).map_err(|_| {
        BackupError::Unusable(format!(
            "{} is a zip file but not a Pathways backup (it has no {MANIFEST})",
            file.display()
        ))
    })?;
    let mut text = String::new();
    entry.read_to_string(&mut text).map_err(|source| BackupError::File { path: file.to_path_buf(), source })?;
    let manifest: Manifest = serde_json::from_str(&text)
        .map_err(|error| BackupError::Unusable(format!("{}: the manifest cannot be read: {error}", file.display())))?;
    if manifest.format != FORMAT || manifest.backend != "postgres" {
        return Err(BackupError::Unusable(format!(
            "{}: backup format {} of {} is not one this Pathways restores",
            file.display(),
            manifest.format,
            manifest.backend
        )));
    }
    Ok(manifest)
}

/// One piece of a table's COPY data read from the archive.
enum Piece {
    Data(Vec<u8>),
    End,
    Failed(String),
}

/// Reads each table's entry of the archive in manifest order on its own thread, in pieces.
fn stream_tables(file: PathBuf, tables: Vec<String>) -> tokio::sync::mpsc::Receiver<Piece> {
    let (send, receive) = tokio::sync::mpsc::channel(4);
    std::thread::spawn(move || {
        let read = || -> Result<(), String> {
            let mut archive =
                zip::ZipArchive::new(File::open(&file).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
            for table in tables {
                let name = format!("tables/{table}.copy");
                let mut entry = archive.by_name(&name).map_err(|_| format!("the archive has no {name}"))?;
                loop {
                    let mut buffer = vec![0u8; CHUNK_BYTES];
                    let n = read_up_to(&mut entry, &mut buffer).map_err(|e| format!("{name}: {e}"))?;
                    if n == 0 {
                        break;
                    }
                    buffer.truncate(n);
                    send.blocking_send(Piece::Data(buffer)).map_err(|_| "restore stopped".to_string())?;
                }
                send.blocking_send(Piece::End).map_err(|_| "restore stopped".to_string())?;
            }
            Ok(())
        };
        if let Err(message) = read() {
            let _ = send.blocking_send(Piece::Failed(message));
        }
    });
    receive
}

/// Empties every table and copies the archive's rows in, in one transaction.
async fn restore_postgres(pool: &PgPool, file: &Path) -> Result<Summary, BackupError> {
    let manifest = read_manifest(file)?;
    let mut tx = pool.begin().await?;
    let current: i64 = sqlx::query_scalar(SCHEMA_VERSION).fetch_one(&mut *tx).await?;
    if manifest.schema_version != current {
        return Err(schema_mismatch(manifest.schema_version, current));
    }
    let ours: BTreeSet<String> = sqlx::query_scalar(PG_TABLES).fetch_all(&mut *tx).await?.into_iter().collect();
    let theirs: BTreeSet<String> = manifest.tables.iter().map(|t| t.name.clone()).collect();
    if ours != theirs {
        return Err(tables_mismatch(&theirs, &ours));
    }
    let all: Vec<String> = ours.iter().map(|t| quoted(t)).collect();
    sqlx::query(&format!("TRUNCATE {}", all.join(", "))).execute(&mut *tx).await?;
    let mut pieces = stream_tables(file.to_path_buf(), manifest.tables.iter().map(|t| t.name.clone()).collect());
    let mut summary = Summary::default();
    for table in &manifest.tables {
        let statement = format!("COPY {} ({}) FROM STDIN", quoted(&table.name), column_list(&table.columns));
        let mut copy = tx.copy_in_raw(&statement).await?;
        loop {
            match pieces.recv().await {
                Some(Piece::Data(data)) => {
                    copy.send(data).await?;
                }
                Some(Piece::End) => break,
                Some(Piece::Failed(message)) => {
                    copy.abort(message.clone()).await?;
                    return Err(BackupError::Unusable(format!("{}: {message}; nothing was restored", file.display())));
                }
                None => {
                    copy.abort("the archive reader stopped").await?;
                    return Err(BackupError::Unusable(format!(
                        "{}: reading stopped; nothing was restored",
                        file.display()
                    )));
                }
            }
        }
        let rows = copy.finish().await?;
        if rows != table.rows {
            return Err(BackupError::Unusable(format!(
                "{}: table {} holds {rows} rows but the manifest says {}; nothing was restored",
                file.display(),
                table.name,
                table.rows
            )));
        }
        summary.rows.insert(table.name.clone(), rows);
    }
    tx.commit().await?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tables_come_after_the_tables_they_reference() {
        let tables = names(&["enrollments", "classes", "users", "districts", "audit_log"]);
        let references: Vec<(String, String)> = [
            ("enrollments", "classes"),
            ("enrollments", "users"),
            ("classes", "districts"),
            ("users", "districts"),
            ("users", "users"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let order = dependency_order(&tables, &references);
        let at = |t: &str| order.iter().position(|o| o == t).unwrap();
        assert_eq!(order.len(), 5);
        assert!(at("districts") < at("users") && at("districts") < at("classes"));
        assert!(at("users") < at("enrollments") && at("classes") < at("enrollments"));
    }

    #[test]
    fn a_cycle_still_lists_every_table_once() {
        let tables = names(&["a", "b", "c"]);
        let references = vec![("a".to_string(), "b".to_string()), ("b".to_string(), "a".to_string())];
        let order = dependency_order(&tables, &references);
        assert_eq!(order, names(&["c", "a", "b"]));
    }

    #[test]
    fn a_file_that_is_not_a_backup_is_refused_with_advice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "hello").unwrap();
        let error = backup_kind(&path).unwrap_err().to_string();
        assert!(error.contains("is not a Pathways backup") && error.contains("pathways backup FILE"), "{error}");
    }
}
