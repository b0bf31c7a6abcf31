//! Backup and restore through the `pathways` binary: a restore brings back every row of
//! the backup, a backup taken while writes go on is one moment, and whatever is not a
//! usable backup is refused with the database left as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use pathways::db::Db;
use pathways::ids::{DistrictId, UserId};
use pathways::insights::pd::{self, SessionInput};
use pathways::with_pool;

use crate::support::{Backend, TestApp, TestDb, all_rows_digest, on_both_backends, pathways, scalar};

fn backup_file(dir: &Path, backend: Backend) -> PathBuf {
    dir.join(match backend {
        Backend::Sqlite => "pathways-backup.db",
        Backend::Postgres => "pathways-backup.zip",
    })
}

/// Runs the binary; (success, stdout, stderr).
fn pathways_cli(database_url: &str, args: &[&str]) -> (bool, String, String) {
    let output = pathways(database_url).args(args).output().expect("run pathways");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (output.status.success(), text(&output.stdout), text(&output.stderr))
}

fn backup(database_url: &str, file: &Path) {
    let (ok, stdout, stderr) = pathways_cli(database_url, &["backup", file.to_str().unwrap()]);
    assert!(ok && stdout.contains("tables") && stdout.contains("rows"), "backup failed:\n{stdout}\n{stderr}");
}

on_both_backends! {
    async fn a_restore_brings_back_every_row_of_the_backup(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let url = app.database_url().to_string();
        let before = all_rows_digest(&db, &["audit_log"]).await;
        let audit_before = scalar(&db, "SELECT COUNT(*) FROM audit_log").await;
        let dir = tempfile::tempdir().unwrap();
        let file = backup_file(dir.path(), backend);
        backup(&url, &file);
        assert!(!dir.path().read_dir().unwrap().any(|e| e.unwrap().file_name().to_string_lossy().contains("partial")));

        with_pool!(&db, pool => {
            sqlx::query("DELETE FROM enrollments").execute(pool).await.unwrap();
            sqlx::query("UPDATE users SET given_name = 'Changed'").execute(pool).await.unwrap();
        });
        let changed = all_rows_digest(&db, &["audit_log"]).await;
        assert_ne!(changed, before);

        let (ok, _, stderr) = pathways_cli(&url, &["restore", file.to_str().unwrap()]);
        assert!(!ok && stderr.contains("--yes"), "a restore without --yes must stop and say why: {stderr}");
        assert_eq!(all_rows_digest(&db, &["audit_log"]).await, changed, "nothing restored without --yes");

        let (ok, stdout, stderr) = pathways_cli(&url, &["restore", file.to_str().unwrap(), "--yes"]);
        assert!(ok && stdout.contains("restored"), "restore failed:\n{stdout}\n{stderr}");
        assert_eq!(all_rows_digest(&db, &["audit_log"]).await, before, "every row is as it was when the backup was taken");
        assert_eq!(
            scalar(&db, "SELECT COUNT(*) FROM audit_log").await,
            audit_before + 1,
            "the audit log is the backup's, plus the restore itself"
        );
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE resource = 'backup' AND action = 'import'").await, 1);

        let student = app.signed_in("student@demo.test").await;
        assert_eq!(student.get("/home").await.status(), 200, "the running server serves the restored data");
    }
}

/// A PD session of the demo district and five staff who may attend it.
async fn session_with_staff(db: &Db) -> (pathways::ids::PdSessionId, Vec<UserId>) {
    let district: DistrictId = with_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM districts ORDER BY name LIMIT 1").fetch_one(pool).await
    })
    .unwrap();
    let staff: Vec<UserId> =
        pd::eligible_staff(db, district, None).await.unwrap().into_iter().map(|(id, _, _)| id).take(5).collect();
    assert_eq!(staff.len(), 5, "the demo district has five staff");
    let input = SessionInput {
        title: "Backups under load".into(),
        held_on: time::macros::date!(2026 - 10 - 01),
        hours: 2.0,
        cluster_id: None,
        school_id: None,
    };
    let now = time::OffsetDateTime::now_utc();
    (pd::create(db, district, &input, staff[0], now).await.unwrap(), staff)
}

on_both_backends! {
    async fn a_backup_taken_while_writes_go_on_is_one_moment(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let url = app.database_url().to_string();
        let (session, staff) = session_with_staff(&db).await;
        // Each write replaces the attendance in one transaction: three people, then five.
        let stop = Arc::new(AtomicBool::new(false));
        let writer = tokio::spawn({
            let (db, stop, staff) = (db.clone(), stop.clone(), staff.clone());
            async move {
                let mut writes = 0u32;
                while !stop.load(Ordering::Relaxed) {
                    let present = if writes.is_multiple_of(2) { &staff[..3] } else { &staff[..] };
                    pd::set_attendance(&db, session, present, time::OffsetDateTime::now_utc()).await.unwrap();
                    writes += 1;
                }
                writes
            }
        });
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for round in 0..3 {
            let file = dir.path().join(format!("round-{round}-{}", backup_file(dir.path(), backend).file_name().unwrap().to_string_lossy()));
            let (url, target) = (url.clone(), file.clone());
            tokio::task::spawn_blocking(move || backup(&url, &target)).await.unwrap();
            files.push(file);
        }
        stop.store(true, Ordering::Relaxed);
        let writes = writer.await.unwrap();
        assert!(writes >= 3, "the writer kept writing during the backups ({writes} writes)");

        let users = scalar(&db, "SELECT COUNT(*) FROM users").await;
        for file in files {
            let restored = TestDb::empty(backend).await;
            let (ok, stdout, stderr) = pathways_cli(&restored.url, &["restore", file.to_str().unwrap(), "--yes"]);
            assert!(ok, "restore of {} failed:\n{stdout}\n{stderr}", file.display());
            let copy = restored.connect().await;
            let sql = format!("SELECT COUNT(*) FROM pd_attendance WHERE session_id = {}", match backend {
                Backend::Sqlite => format!("x'{}'", session.uuid().simple()),
                Backend::Postgres => format!("'{}'", session.uuid()),
            });
            let attending = scalar(&copy, &sql).await;
            assert!(attending == 3 || attending == 5, "{}: {attending} attending, a write caught halfway", file.display());
            assert_eq!(scalar(&copy, "SELECT COUNT(*) FROM users").await, users);
            if backend == Backend::Sqlite {
                assert_eq!(scalar(&copy, "SELECT COUNT(*) FROM pragma_foreign_key_check").await, 0);
            }
            copy.close().await;
        }
    }
}

on_both_backends! {
    async fn what_is_not_a_usable_backup_is_refused_and_nothing_changes(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let url = app.database_url().to_string();
        let dir = tempfile::tempdir().unwrap();

        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "not a backup").unwrap();
        let other_backend = dir.path().join("other");
        match backend {
            Backend::Sqlite => crate::support::write_zip(&other_backend, &[("pathways-backup.json", b"{}")]),
            Backend::Postgres => std::fs::write(&other_backend, b"SQLite format 3\0rest of a database").unwrap(),
        }
        let real = backup_file(dir.path(), backend);
        backup(&url, &real);
        let bytes = std::fs::read(&real).unwrap();
        let truncated = dir.path().join("truncated");
        std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
        let missing = dir.path().join("missing.db");
        let before = all_rows_digest(&db, &[]).await;

        let cases: [(&Path, &str); 4] = [
            (&notes, "is not a Pathways backup"),
            (&other_backend, "restore it onto"),
            (&truncated, ""),
            (&missing, "missing.db"),
        ];
        for (file, says) in cases {
            let (ok, stdout, stderr) = pathways_cli(&url, &["restore", file.to_str().unwrap(), "--yes"]);
            assert!(!ok, "{} must be refused:\n{stdout}", file.display());
            assert!(stderr.contains(says) && !stderr.contains("panicked"), "{}: {stderr}", file.display());
            assert_eq!(all_rows_digest(&db, &[]).await, before, "{}: the database is as it was", file.display());
        }
    }
}
