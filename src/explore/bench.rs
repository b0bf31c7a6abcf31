//! Timing of the index build and of single matches, each against a baseline measured in
//! the same run: reading the catalog for the build, titles-only BM25 for a match.

use std::time::{Duration, Instant};

use super::eval::{self, baseline};
use super::index::ExploreIndex;
use super::matcher::Query;
use super::store;
use crate::db::Db;
use crate::i18n::Lang;

/// Queries timed: the labeled phrases and a spread of reported titles.
const QUERIES: usize = 2_000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time_each(queries: &[String], mut run: impl FnMut(&str)) -> Vec<Duration> {
    let mut times: Vec<Duration> = queries
        .iter()
        .map(|q| {
            let start = Instant::now();
            run(q);
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

/// Runs the benchmark and returns its report lines.
pub async fn run(db: &Db) -> Result<Vec<String>, super::BuildError> {
    let read_start = Instant::now();
    let corpus = store::load_corpus(db).await?;
    let read = read_start.elapsed();
    let build_start = Instant::now();
    let index = ExploreIndex::build(&corpus)?;
    let build = build_start.elapsed();

    let mut queries: Vec<String> = eval::labeled_cases().into_iter().map(|c| c.text).collect();
    let reported = store::reported_titles(db).await?;
    let step = (reported.len() / QUERIES.saturating_sub(queries.len()).max(1)).max(1);
    queries.extend(reported.iter().step_by(step).map(|(_, title)| title.clone()));
    queries.truncate(QUERIES);

    // Warm caches and allocator before timing.
    for q in queries.iter().take(100) {
        index.match_text(&Query::new(q, Lang::En));
    }
    let matcher = time_each(&queries, |q| {
        std::hint::black_box(index.match_text(&Query::new(q, Lang::En)));
    });
    let titles = time_each(&queries, |q| {
        std::hint::black_box(baseline(&index, q));
    });

    let goal = |value: f64, goal: f64| {
        if value <= goal { format!("[goal ≤ {goal} : met]") } else { format!("[goal ≤ {goal} : MISSED]") }
    };
    let (p50, p99) = (ms(percentile(&matcher, 0.5)), ms(percentile(&matcher, 0.99)));
    let (b50, b99) = (ms(percentile(&titles, 0.5)), ms(percentile(&titles, 0.99)));
    Ok(vec![
        format!(
            "explore_index_build: {:.3} s ({:.1}x vs reading the catalog {:.3} s) {}",
            build.as_secs_f64(),
            build.as_secs_f64() / read.as_secs_f64().max(1e-9),
            read.as_secs_f64(),
            goal(build.as_secs_f64(), 1.0).replace(" :", " s:")
        ),
        format!(
            "explore_match_p50: {p50:.3} ms ({:.1}x vs titles-only BM25 p50 {b50:.3} ms) over {} queries",
            p50 / b50.max(1e-9),
            queries.len()
        ),
        format!(
            "explore_match_p99: {p99:.3} ms ({:.1}x vs titles-only BM25 p99 {b99:.3} ms) {}",
            p99 / b99.max(1e-9),
            goal(p99, 2.0).replace(" :", " ms:")
        ),
    ])
}
