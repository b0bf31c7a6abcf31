//! Past one machine: two `pathways serve` processes on different ports against one
//! PostgreSQL database behave as one server — a session started on one is valid on the
//! other, a write on one is read on the other, and a long import does not hold up either.

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{Backend, ServerProcess, TestApp, Visitor, pathways};

async fn start_two(database_url: &str) -> (ServerProcess, ServerProcess) {
    let url = database_url.to_string();
    tokio::task::spawn_blocking(move || (ServerProcess::start(&url), ServerProcess::start(&url))).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_postgresql_share_sessions_and_writes() {
    let app = TestApp::with_people(Backend::Postgres).await;
    let (one, two) = start_two(app.database_url()).await;
    assert_ne!(one.base, two.base);

    let admin = Visitor::signed_in_at(&one.base, "district-admin@demo.test", pathways::orgs::DEMO_PASSWORD).await;
    let admin_on_two = admin.at(&two.base);
    let (status, _) = admin_on_two.page("/insights/pd").await;
    assert_eq!(status, 200, "the session started on one server is valid on the other");

    let today = time::OffsetDateTime::now_utc().date().to_string();
    let form = [("title", "Careers across two servers"), ("held_on", today.as_str()), ("hours", "1.5"), ("school", "")];
    assert_eq!(admin.post("/insights/pd/sessions", &form).await.status(), 303);
    let (_, listed) = admin_on_two.page("/insights/pd").await;
    assert!(listed.contains("Careers across two servers"), "a write on one server is read on the other");

    assert_eq!(admin_on_two.post("/signout", &[]).await.status(), 303);
    let after = admin.get("/insights/pd").await;
    assert_eq!(after.status(), 303, "signing out on one server ends the session on both");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_import_on_one_server_does_not_hold_up_the_other() {
    let app = TestApp::with_people(Backend::Postgres).await;
    let (one, two) = start_two(app.database_url()).await;
    let student = Visitor::signed_in_at(&two.base, "student@demo.test", pathways::orgs::DEMO_PASSWORD).await;

    // A larger roster of the same district, imported through the first server's database.
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("roster");
    let source = format!("sqlite://{}", dir.path().join("source.db").display());
    let exported = pathways(&source)
        .args(["demo", "--students", "4000", "--export-oneroster", set.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let started = Instant::now();
    let mut import = pathways(app.database_url())
        .args(["import", "oneroster", set.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    let mut served_during = 0;
    let mut slowest = Duration::ZERO;
    while import.try_wait().unwrap().is_none() {
        let asked = Instant::now();
        let status = student.get("/home").await.status();
        slowest = slowest.max(asked.elapsed());
        assert_eq!(status, 200, "the other server keeps serving during the import");
        if import.try_wait().unwrap().is_none() {
            served_during += 1;
        }
    }
    let took = started.elapsed();
    let output = import.wait_with_output().unwrap();
    assert!(output.status.success(), "import failed: {}", String::from_utf8_lossy(&output.stderr));
    println!("{served_during} pages served during a {took:?} import; the slowest took {slowest:?}");
    assert!(served_during >= 5, "only {served_during} pages were served during a {took:?} import");
    assert!(slowest < took / 2, "a page waited {slowest:?} during a {took:?} import: the import held it up");
    drop(one);
}
