//! Faults while serving: the PostgreSQL server stops under a running Pathways (requests fail
//! cleanly with 503 and a page that says to try again) and comes back (the same process
//! recovers, no restart). The test runs a PostgreSQL cluster of its own to stop and start.

use std::time::{Duration, Instant};

use crate::own_cluster::OwnCluster;
use crate::support::{TestApp, TestDb, data_dir, test_config};

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
