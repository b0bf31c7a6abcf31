//! Reports on a read replica: with `reports_database_url` set, the equity report reads the
//! replica while sign-in, policy and every write go to the main database. On PostgreSQL the
//! replica is a real hot standby streaming from a cluster of the test's own: with its replay
//! paused the report still shows what the standby holds, and once replay resumes the report
//! catches up. A replica of another backend is refused, and the replica pool refuses writes.

use std::time::{Duration, Instant};

use pathways::db::{Backend as DbBackend, Db};
use sqlx::{Connection, PgConnection};

use crate::own_cluster::OwnCluster;
use crate::support::{Backend, TestApp, TestDb, Visitor, data_dir, pathways, scalar, test_config};

const ADMIN: &str = "district-admin@demo.test";

/// Active students of the demo district in `grade` (all grades when `None`), counted directly.
fn active_students_sql(grade: Option<i64>) -> String {
    let grade = grade.map_or_else(String::new, |g| format!(" AND grade = {g}"));
    format!(
        "SELECT COUNT(*) FROM users WHERE role = 'student' AND active{grade} AND district_id = \
         (SELECT district_id FROM users WHERE email = '{ADMIN}')"
    )
}

/// Deactivates five ninth graders of the demo district on the main database.
async fn deactivate_five_ninth_graders(db: &Db) {
    let sql = format!(
        "UPDATE users SET active = FALSE WHERE id IN (SELECT id FROM users WHERE role = 'student' AND active \
         AND grade = 9 AND district_id = (SELECT district_id FROM users WHERE email = '{ADMIN}') ORDER BY id LIMIT 5)"
    );
    let changed =
        pathways::with_pool!(db, pool => sqlx::query(&sql).execute(pool).await.map(|r| r.rows_affected())).unwrap();
    assert_eq!(changed, 5);
}

/// The number of students the equity report counts, through the API.
async fn reported_students(admin: &Visitor, query: &str) -> i64 {
    let (status, report) = admin.json_of(&format!("/api/v1/insights/equity{query}")).await;
    assert_eq!(status, 200, "{report}");
    report["funnels"][0]["all"]["students"].as_i64().expect("a published total")
}

/// Serves `primary` with reports read from `replica`; the district administrator signed in.
async fn serve_with_replica(primary: TestDb, replica: &str) -> (TestApp, Visitor) {
    let mut config = test_config(&primary.url, data_dir());
    config.reports_database_url = Some(replica.to_string());
    let app = TestApp::serve_config(primary, config).await;
    let admin = app.signed_in(ADMIN).await;
    (app, admin)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_read_a_streaming_postgresql_replica_and_catch_up_with_it() {
    // The demo districts, moved onto a cluster of the test's own by backup and restore.
    let source = TestDb::with_people(Backend::Postgres).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.zip");
    let backup = pathways(&source.url).args(["backup", file.to_str().unwrap()]).output().unwrap();
    assert!(backup.status.success(), "{}", String::from_utf8_lossy(&backup.stderr));
    let primary = OwnCluster::start();
    let restore = pathways(&primary.url()).args(["restore", file.to_str().unwrap(), "--yes"]).output().unwrap();
    assert!(restore.status.success(), "{}", String::from_utf8_lossy(&restore.stderr));
    let standby = primary.replica();

    let (app, admin) = serve_with_replica(TestDb::existing(&primary.url()), &standby.url()).await;
    let main = app.db().await;
    let mut replica = PgConnection::connect(&standby.url()).await.unwrap();
    let in_recovery: bool = sqlx::query_scalar("SELECT pg_is_in_recovery()").fetch_one(&mut replica).await.unwrap();
    assert!(in_recovery, "the replica is a hot standby");

    sqlx::query("SELECT pg_wal_replay_pause()").execute(&mut replica).await.unwrap();
    let ninth_before = scalar(&main, &active_students_sql(Some(9))).await;
    deactivate_five_ninth_graders(&main).await;
    assert_eq!(
        reported_students(&admin, "?grade=9").await,
        ninth_before,
        "with replay paused the report shows what the replica holds, not the main database"
    );

    let today = time::OffsetDateTime::now_utc().date().to_string();
    let form = [("title", "Reports on a replica"), ("held_on", today.as_str()), ("hours", "1"), ("school", "")];
    assert_eq!(admin.post("/insights/pd/sessions", &form).await.status(), 303, "writes go to the main database");
    assert!(admin.page("/insights/pd").await.1.contains("Reports on a replica"), "and are read back from it");

    sqlx::query("SELECT pg_wal_replay_resume()").execute(&mut replica).await.unwrap();
    let everyone_now = scalar(&main, &active_students_sql(None)).await;
    let started = Instant::now();
    loop {
        let on_replica: i64 = sqlx::query_scalar(&active_students_sql(None)).fetch_one(&mut replica).await.unwrap();
        if on_replica == everyone_now {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "the replica did not catch up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    println!("the replica caught up {:?} after replay resumed", started.elapsed());
    assert_eq!(reported_students(&admin, "").await, everyone_now, "once caught up the report counts the change");
}

#[tokio::test]
async fn reports_read_a_sqlite_replica_file() {
    let primary = TestDb::with_people(Backend::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("replica.db");
    std::fs::copy(primary.url.trim_start_matches("sqlite://"), &copy).unwrap();
    let replica_url = format!("sqlite://{}", copy.display());

    let (app, admin) = serve_with_replica(primary, &replica_url).await;
    let main = app.db().await;
    let ninth_before = scalar(&main, &active_students_sql(Some(9))).await;
    deactivate_five_ninth_graders(&main).await;
    assert_eq!(scalar(&main, &active_students_sql(Some(9))).await, ninth_before - 5);
    assert_eq!(reported_students(&admin, "?grade=9").await, ninth_before, "the report reads the replica's file");
}

#[tokio::test]
async fn a_replica_refuses_writes_and_must_share_the_backend() {
    let db = TestDb::with_people(Backend::Postgres).await;
    let reader = Db::connect_read_only(&db.url, DbBackend::Postgres).await.unwrap();
    let write = pathways::with_pool!(&reader, pool => {
        sqlx::query("UPDATE districts SET name = name").execute(pool).await.map(|_| ())
    });
    let error = write.expect_err("a write through the reports pool fails").to_string();
    assert!(error.contains("read-only"), "{error}");

    let refused = Db::connect_read_only("sqlite://var/replica.db", DbBackend::Postgres).await.unwrap_err();
    assert!(refused.to_string().contains("same backend"), "{refused}");
    let output = pathways(&db.url)
        .args(["serve", "--bind", "127.0.0.1:0", "--reports-database-url", "sqlite://var/replica.db"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("reports database must use the same backend"), "{stderr}");
}
