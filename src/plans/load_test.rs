//! A load test of plan editing against a running server: many editors at once, half of them
//! students each on their own plan, half of them counselors sharing a few plans and editing
//! the same goal. Afterwards it counts what the database holds: every add that was answered
//! "saved" is there, and every shared goal's version went up exactly once per edit that was
//! answered "saved" (an edit lost to a concurrent one would leave it short). Latency is
//! printed beside a baseline: the same clients asking `/healthz` of the same server.

use std::time::{Duration, Instant};

use time::OffsetDateTime;

use super::store::{self, GoalInput};
use crate::auth::session::random_token;
use crate::auth::store::create_session;
use crate::db::Db;
use crate::ids::{PlanGoalId, UserId};
use crate::orgs::store::IN_CASELOAD;
use crate::with_pool;

/// Plans the counselors share (their editors split evenly among them).
const SHARED_PLANS: usize = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Route {
    Health,
    Page,
    AddGoal,
    EditGoal,
}

impl Route {
    fn name(self) -> &'static str {
        match self {
            Route::Health => "GET /healthz",
            Route::Page => "GET plan page",
            Route::AddGoal => "POST add goal",
            Route::EditGoal => "POST edit shared goal",
        }
    }
}

/// Who an editor is and what they edit.
#[derive(Clone)]
struct Editor {
    /// The run and the editor's number, which name the goals they add.
    run: u32,
    number: usize,
    cookie: String,
    csrf: String,
    student: UserId,
    /// The shared goal a counselor edits; none for a student on their own plan.
    shared_goal: Option<PlanGoalId>,
}

#[derive(Default)]
struct Tally {
    timings: Vec<(Route, Duration)>,
    errors: Vec<String>,
    /// Adds answered "saved".
    added: usize,
    /// Shared-goal edits answered "saved", and refused as stale.
    edits_saved: usize,
    conflicts: usize,
}

pub(crate) async fn sign_in(db: &Db, user: UserId, now: OffsetDateTime) -> Result<(String, String), sqlx::Error> {
    let (id, csrf) = (random_token(), random_token());
    create_session(db, &id, &csrf, Some(user), now).await?;
    Ok((format!("pathways_session={id}"), csrf))
}

/// The editors: `count / 2` students on their own plans, the rest counselors on shared plans.
async fn editors(db: &Db, count: usize, now: OffsetDateTime) -> anyhow::Result<Vec<Editor>> {
    let students: Vec<UserId> = with_pool!(db, pool => sqlx::query_scalar(
        "SELECT id FROM users WHERE role = 'student' AND active ORDER BY id LIMIT $1")
        .bind((count / 2) as i64).fetch_all(pool).await)?;
    let sql = format!(
        "SELECT c.id, u.id FROM users c JOIN users u ON u.district_id = c.district_id AND u.role = 'student'
         WHERE c.role = 'counselor' AND {} ORDER BY u.id DESC LIMIT $1",
        IN_CASELOAD.replace("$1", "c.id")
    );
    let shared: Vec<(UserId, UserId)> =
        with_pool!(db, pool => sqlx::query_as(&sql).bind(SHARED_PLANS as i64).fetch_all(pool).await)?;
    anyhow::ensure!(
        students.len() == count / 2 && shared.len() == SHARED_PLANS,
        "the database needs a district with at least {} students and counselors (run `pathways demo` on it first)",
        count / 2 + SHARED_PLANS
    );
    let mut editors = Vec::new();
    let run = uuid::Uuid::new_v4().as_fields().0;
    for (number, student) in students.into_iter().enumerate() {
        let (cookie, csrf) = sign_in(db, student, now).await?;
        editors.push(Editor { run, number, cookie, csrf, student, shared_goal: None });
    }
    let mut goals = Vec::new();
    for (counselor, student) in &shared {
        let goal = GoalInput {
            kind: "career".into(),
            title: "Shared goal under load".into(),
            benchmark: "edited by many counselors at once".into(),
            target_date: None,
            status: "in_progress".into(),
        };
        goals.push((*counselor, *student, store::add_goal(db, *student, &goal, *counselor, now).await?));
    }
    for number in editors.len()..count {
        let (counselor, student, goal) = goals[number % goals.len()];
        let (cookie, csrf) = sign_in(db, counselor, now).await?;
        editors.push(Editor { run, number, cookie, csrf, student, shared_goal: Some(goal) });
    }
    Ok(editors)
}

/// The version the plan page offers for editing `goal`.
fn version_on_page(page: &str, goal: PlanGoalId) -> Option<i64> {
    let form = page.split(&format!("/plan/goals/{goal}\"")).nth(1)?;
    let value = form.split("name=\"version\" value=\"").nth(1)?;
    value.split('"').next()?.parse().ok()
}

struct Client {
    http: reqwest::Client,
    base: String,
}

impl Client {
    async fn send(
        &self,
        tally: &mut Tally,
        route: Route,
        request: reqwest::RequestBuilder,
        expected: &[u16],
    ) -> Option<(u16, String)> {
        let started = Instant::now();
        let outcome = match request.send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                response.text().await.map(|body| (status, body)).map_err(|e| e.to_string())
            }
            Err(error) => Err(error.to_string()),
        };
        tally.timings.push((route, started.elapsed()));
        match outcome {
            Ok((status, body)) if expected.contains(&status) => Some((status, body)),
            Ok((status, _)) => {
                tally.errors.push(format!("{}: status {status}", route.name()));
                None
            }
            Err(error) => {
                tally.errors.push(format!("{}: {error}", route.name()));
                None
            }
        }
    }

    async fn health(&self, tally: &mut Tally, until: Instant) {
        while Instant::now() < until {
            self.send(tally, Route::Health, self.http.get(format!("{}/healthz", self.base)), &[200]).await;
        }
    }

    async fn edit(&self, editor: &Editor, tally: &mut Tally, until: Instant) {
        let plan = format!("{}/students/{}/plan", self.base, editor.student);
        let mut round = 0;
        while Instant::now() < until {
            round += 1;
            let page = self.http.get(&plan).header("cookie", &editor.cookie);
            let Some((_, body)) = self.send(tally, Route::Page, page, &[200]).await else { continue };
            let form = match editor.shared_goal {
                None => vec![
                    ("csrf", editor.csrf.clone()),
                    ("kind", "personal".into()),
                    ("title", format!("Load {:08x}-{} #{round}", editor.run, editor.number)),
                    ("benchmark", "saved under load".into()),
                    ("status", "not_started".into()),
                ],
                Some(goal) => {
                    let Some(version) = version_on_page(&body, goal) else {
                        tally.errors.push("GET plan page: no version for the shared goal".into());
                        continue;
                    };
                    vec![
                        ("csrf", editor.csrf.clone()),
                        ("kind", "career".into()),
                        ("title", "Shared goal under load".into()),
                        ("benchmark", format!("edit {round} by editor {}", editor.number)),
                        ("status", "in_progress".into()),
                        ("version", version.to_string()),
                    ]
                }
            };
            let (route, url) = match editor.shared_goal {
                None => (Route::AddGoal, format!("{plan}/goals")),
                Some(goal) => (Route::EditGoal, format!("{plan}/goals/{goal}")),
            };
            let post = self.http.post(url).header("cookie", &editor.cookie).form(&form);
            match self.send(tally, route, post, &[303, 409]).await {
                Some((303, _)) if route == Route::AddGoal => tally.added += 1,
                Some((303, _)) => tally.edits_saved += 1,
                Some(_) => tally.conflicts += 1,
                None => {}
            }
        }
    }
}

pub(crate) fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index].as_secs_f64() * 1000.0
}

fn latencies(timings: &[(Route, Duration)], routes: &[Route]) -> Vec<Duration> {
    let mut times: Vec<Duration> = timings.iter().filter(|(r, _)| routes.contains(r)).map(|(_, d)| *d).collect();
    times.sort_unstable();
    times
}

/// Runs the same clients in two phases (a `/healthz` baseline, then editing) and returns
/// the report's lines, or an error when a request failed or a write was lost.
pub async fn run(db: &Db, base: &str, count: usize, seconds: u64, label: &str) -> anyhow::Result<Vec<String>> {
    let now = OffsetDateTime::now_utc();
    let editors = editors(db, count, now).await?;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(count)
        .timeout(Duration::from_secs(30))
        .build()?;
    let client = std::sync::Arc::new(Client { http, base: base.trim_end_matches('/').to_string() });

    let phase = |editing: bool, seconds: u64| {
        let until = Instant::now() + Duration::from_secs(seconds);
        let tasks: Vec<_> = editors
            .iter()
            .cloned()
            .map(|editor| {
                let client = client.clone();
                tokio::spawn(async move {
                    let mut tally = Tally::default();
                    if editing {
                        client.edit(&editor, &mut tally, until).await
                    } else {
                        client.health(&mut tally, until).await
                    }
                    (editor, tally)
                })
            })
            .collect();
        async move {
            let mut results = Vec::new();
            for task in tasks {
                results.push(task.await?);
            }
            Ok::<_, tokio::task::JoinError>(results)
        }
    };
    let baseline = phase(false, seconds.div_ceil(4).max(2)).await?;
    let started = Instant::now();
    let edited = phase(true, seconds).await?;
    let elapsed = started.elapsed().as_secs_f64();

    let (mut timings, mut errors) = (Vec::new(), Vec::new());
    for (_, tally) in baseline.iter().chain(&edited) {
        timings.extend(tally.timings.iter().copied());
        errors.extend(tally.errors.iter().cloned());
    }
    let lost = lost_writes(db, &edited).await?;
    let added: usize = edited.iter().map(|(_, t)| t.added).sum();
    let saved: usize = edited.iter().map(|(_, t)| t.edits_saved).sum();
    let conflicts: usize = edited.iter().map(|(_, t)| t.conflicts).sum();
    let editing = latencies(&timings, &[Route::Page, Route::AddGoal, Route::EditGoal]);
    let health = latencies(&timings, &[Route::Health]);
    let (p50, p99, health_p99) = (percentile(&editing, 0.5), percentile(&editing, 0.99), percentile(&health, 0.99));
    let mut lines = vec![format!(
        "plan_editors_{label}: {count} editors for {elapsed:.0} s: {} requests ({:.0}/s), {} errors, {} lost writes; \
         p50 {p50:.1} ms, p99 {p99:.1} ms ({:.1}x vs /healthz p99 {health_p99:.1} ms from the same clients)",
        editing.len(),
        editing.len() as f64 / elapsed,
        errors.len(),
        lost.len(),
        p99 / health_p99.max(0.001),
    )];
    for route in [Route::Page, Route::AddGoal, Route::EditGoal, Route::Health] {
        let times = latencies(&timings, &[route]);
        lines.push(format!(
            "  {:<22} {:>7} requests  p50 {:>7.1} ms  p99 {:>7.1} ms",
            route.name(),
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        ));
    }
    lines.push(format!("  adds saved {added}; shared-goal edits saved {saved}, refused as stale {conflicts}"));
    let mut problems: Vec<String> = errors.into_iter().take(5).collect();
    problems.extend(lost.into_iter().take(5));
    anyhow::ensure!(problems.is_empty(), "{}\n{}", lines.join("\n"), problems.join("\n"));
    Ok(lines)
}

/// What the database lacks of what the server answered "saved".
async fn lost_writes(db: &Db, edited: &[(Editor, Tally)]) -> anyhow::Result<Vec<String>> {
    let mut lost = Vec::new();
    let mut saved_per_goal: std::collections::BTreeMap<PlanGoalId, usize> = Default::default();
    for (editor, tally) in edited {
        match editor.shared_goal {
            None => {
                let pattern = format!("Load {:08x}-{} #%", editor.run, editor.number);
                let stored: i64 = with_pool!(db, pool => sqlx::query_scalar(
                    "SELECT COUNT(*) FROM plan_goals WHERE student_id = $1 AND title LIKE $2")
                    .bind(editor.student).bind(&pattern).fetch_one(pool).await)?;
                if stored != tally.added as i64 {
                    lost.push(format!(
                        "editor {}: {} goals answered saved, {stored} stored",
                        editor.number, tally.added
                    ));
                }
            }
            Some(goal) => *saved_per_goal.entry(goal).or_default() += tally.edits_saved,
        }
    }
    for (goal, saved) in saved_per_goal {
        let version: i64 = with_pool!(db, pool => sqlx::query_scalar("SELECT version FROM plan_goals WHERE id = $1")
            .bind(goal).fetch_one(pool).await)?;
        if version != 1 + saved as i64 {
            lost.push(format!(
                "shared goal {goal}: {saved} edits answered saved, version {version} (expected {})",
                1 + saved
            ));
        }
    }
    Ok(lost)
}
