//! A load test of the equity dashboard against a running server: many district
//! administrators at once open the equity page, each breakdown in turn, for a bounded time;
//! then the same clients ask `/healthz` for a baseline. Prints p50/p99 of both and fails on
//! any error.

use std::time::{Duration, Instant};

use time::OffsetDateTime;

use super::equity::Dimension;
use crate::db::Db;
use crate::ids::UserId;
use crate::plans::load_test::{percentile, sign_in};
use crate::with_pool;

/// The p99 the dashboard must keep under load.
const GOAL_P99_MS: f64 = 100.0;

#[derive(Default)]
struct Tally {
    dashboard: Vec<Duration>,
    health: Vec<Duration>,
    errors: Vec<String>,
}

async fn timed(http: &reqwest::Client, url: &str, cookie: &str, tally: &mut Tally, dashboard: bool) {
    let started = Instant::now();
    let outcome = match http.get(url).header("cookie", cookie).send().await {
        Ok(response) if response.status().is_success() => response.bytes().await.map(|_| ()).map_err(|e| e.to_string()),
        Ok(response) => Err(format!("status {}", response.status())),
        Err(error) => Err(error.to_string()),
    };
    let elapsed = started.elapsed();
    match outcome {
        Ok(()) if dashboard => tally.dashboard.push(elapsed),
        Ok(()) => tally.health.push(elapsed),
        Err(error) => tally.errors.push(format!("GET {url}: {error}")),
    }
}

/// Runs `clients` administrators for `seconds` against `base`; returns the report's lines, or
/// an error when a request failed.
pub async fn run(db: &Db, base: &str, clients: usize, seconds: u64) -> anyhow::Result<Vec<String>> {
    let admins: Vec<UserId> = with_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE role = 'district_admin' AND active ORDER BY id LIMIT 1")
            .fetch_all(pool).await
    })?;
    let admin = *admins.first().ok_or_else(|| anyhow::anyhow!("the database has no district administrator"))?;
    let (cookie, _) = sign_in(db, admin, OffsetDateTime::now_utc()).await?;
    let http = reqwest::Client::builder().pool_max_idle_per_host(clients).timeout(Duration::from_secs(30)).build()?;
    let base = base.trim_end_matches('/').to_string();
    let phase = |dashboard: bool, seconds: u64| {
        let until = Instant::now() + Duration::from_secs(seconds);
        let tasks: Vec<_> = (0..clients)
            .map(|n| {
                let (http, base, cookie) = (http.clone(), base.clone(), cookie.clone());
                tokio::spawn(async move {
                    let mut tally = Tally::default();
                    let mut round = n;
                    while Instant::now() < until {
                        round += 1;
                        let url = if dashboard {
                            let by = Dimension::ALL[round % Dimension::ALL.len()].key();
                            format!("{base}/insights/equity?by={by}")
                        } else {
                            format!("{base}/healthz")
                        };
                        timed(&http, &url, &cookie, &mut tally, dashboard).await;
                    }
                    tally
                })
            })
            .collect();
        async move {
            let mut all = Tally::default();
            for task in tasks {
                let tally = task.await?;
                all.dashboard.extend(tally.dashboard);
                all.health.extend(tally.health);
                all.errors.extend(tally.errors);
            }
            Ok::<_, tokio::task::JoinError>(all)
        }
    };
    let started = Instant::now();
    let mut tally = phase(true, seconds).await?;
    let elapsed = started.elapsed().as_secs_f64();
    let baseline = phase(false, seconds.div_ceil(4).max(2)).await?;
    tally.health.extend(baseline.health);
    tally.errors.extend(baseline.errors);
    tally.dashboard.sort_unstable();
    tally.health.sort_unstable();
    let (p50, p99) = (percentile(&tally.dashboard, 0.5), percentile(&tally.dashboard, 0.99));
    let (health_p50, health_p99) = (percentile(&tally.health, 0.5), percentile(&tally.health, 0.99));
    let verdict = if p99 <= GOAL_P99_MS { "met" } else { "MISSED" };
    let line = format!(
        "equity_dashboard: {clients} administrators for {elapsed:.0} s: {} pages ({:.0}/s), {} errors; \
         p50 {p50:.1} ms, p99 {p99:.1} ms [goal p99 <= {GOAL_P99_MS} ms: {verdict}] \
         (vs /healthz p50 {health_p50:.1} ms, p99 {health_p99:.1} ms from the same clients)",
        tally.dashboard.len(),
        tally.dashboard.len() as f64 / elapsed,
        tally.errors.len(),
    );
    anyhow::ensure!(
        tally.errors.is_empty(),
        "{line}\n{}",
        tally.errors.iter().take(5).cloned().collect::<Vec<_>>().join("\n")
    );
    Ok(vec![line])
}
