//! A bounded mixed workload against a running server, as a district's day looks: students
//! on their dashboards, browsing clusters, exploring and editing their plans; counselors
//! working their caseload; administrators reading reports; visitors browsing the catalog;
//! people signing in and out with a password. Every client runs for the same time; then
//! the database is asked whether every goal answered "saved" is there.
//!
//! A second phase measures the student dashboard's throughput against a static route of
//! the same binary (`/static/app.css`) from the same clients.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use time::OffsetDateTime;

use crate::db::Db;
use crate::ids::UserId;
use crate::insights::equity::Dimension;
use crate::orgs::{DEMO_ACCOUNTS, DEMO_PASSWORD, store};
use crate::plans::load_test::{percentile, sign_in};
use crate::with_pool;

/// What the student dashboard must keep against the static route: at least half its
/// throughput, and a p99 of at most 25 ms.
const GOAL_RATIO: f64 = 0.5;
const GOAL_P99_MS: f64 = 25.0;

/// What students type into Explore.
const PHRASES: &[&str] = &[
    "I like helping people",
    "building things with my hands",
    "computers and video games",
    "taking care of animals",
    "me gusta dibujar",
    "math puzzles and money",
    "cooking for my family",
    "fixing cars",
];

/// Who a client is.
#[derive(Clone)]
enum Role {
    Student {
        id: UserId,
        cookie: String,
        csrf: String,
    },
    Counselor {
        cookie: String,
        caseload: Vec<UserId>,
    },
    /// A school's or the district's administrator; only the district's reads the audit log.
    Admin {
        cookie: String,
        district: bool,
    },
    Visitor,
    SignIn {
        email: String,
    },
}

#[derive(Default)]
struct Tally {
    timings: Vec<(&'static str, Duration)>,
    errors: Vec<String>,
    /// Goals answered "saved", per student.
    added: BTreeMap<UserId, usize>,
}

#[derive(Clone)]
struct Client {
    /// The pause of each client between rounds, as a person reads a page.
    think: Duration,
    http: reqwest::Client,
    base: String,
    run: u32,
    clusters: Vec<String>,
    occupations: Vec<String>,
}

/// The session cookie a response sets.
fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("pathways_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
}

/// The first CSRF token of a page's forms.
fn csrf_of(page: &str) -> Option<String> {
    let start = page.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(page[start..].chars().take_while(char::is_ascii_hexdigit).collect())
}

impl Client {
    /// Sends `request`, timed as `route`; an unexpected status or a failure is an error.
    async fn send(
        &self,
        tally: &mut Tally,
        route: &'static str,
        request: reqwest::RequestBuilder,
        expected: u16,
    ) -> Option<(Option<String>, String)> {
        let started = Instant::now();
        let outcome = match request.send().await {
            Ok(response) if response.status().as_u16() == expected => {
                let cookie = session_cookie(&response);
                response.text().await.map(|body| (cookie, body)).map_err(|e| e.to_string())
            }
            Ok(response) => Err(format!("status {}", response.status())),
            Err(error) => Err(error.to_string()),
        };
        tally.timings.push((route, started.elapsed()));
        outcome.map_err(|error| tally.errors.push(format!("{route}: {error}"))).ok()
    }

    async fn get(&self, tally: &mut Tally, route: &'static str, path: &str, cookie: Option<&str>) -> Option<String> {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(tally, route, request, 200).await.map(|(_, body)| body)
    }

    fn pick<'a>(&self, list: &'a [String], round: usize) -> &'a str {
        &list[round % list.len()]
    }

    async fn round(&self, role: &Role, tally: &mut Tally, round: usize) {
        let phrase = PHRASES[round % PHRASES.len()].replace(' ', "+");
        match role {
            Role::Student { id, cookie, csrf } => {
                self.get(tally, "GET /home (student)", "/home", Some(cookie)).await;
                let cluster = format!("/clusters/{}", self.pick(&self.clusters, round));
                self.get(tally, "GET /clusters/{id}", &cluster, Some(cookie)).await;
                self.get(tally, "GET /explore?q=", &format!("/explore?q={phrase}"), Some(cookie)).await;
                let plan = format!("/students/{id}/plan");
                self.get(tally, "GET /students/{id}/plan", &plan, Some(cookie)).await;
                let form = [
                    ("csrf", csrf.clone()),
                    ("kind", "personal".into()),
                    ("title", format!("Workload {:08x} #{round}", self.run)),
                    ("benchmark", "saved under load".into()),
                    ("status", "not_started".into()),
                ];
                let post = self.http.post(format!("{}{plan}/goals", self.base)).header("cookie", cookie).form(&form);
                if self.send(tally, "POST /students/{id}/plan/goals", post, 303).await.is_some() {
                    *tally.added.entry(*id).or_default() += 1;
                }
            }
            Role::Counselor { cookie, caseload } => {
                self.get(tally, "GET /caseload", "/caseload", Some(cookie)).await;
                let student = caseload[round % caseload.len()];
                self.get(tally, "GET /students/{id}", &format!("/students/{student}"), Some(cookie)).await;
                self.get(tally, "GET /students/{id}/plan", &format!("/students/{student}/plan"), Some(cookie)).await;
            }
            Role::Admin { cookie, district } => {
                let by = Dimension::ALL[round % Dimension::ALL.len()].key();
                self.get(tally, "GET /insights/equity", &format!("/insights/equity?by={by}"), Some(cookie)).await;
                self.get(tally, "GET /insights/gaps", "/insights/gaps", Some(cookie)).await;
                if *district {
                    self.get(tally, "GET /audit", "/audit", Some(cookie)).await;
                }
            }
            Role::Visitor => {
                self.get(tally, "GET /", "/", None).await;
                self.get(tally, "GET /clusters", "/clusters", None).await;
                let occupation = format!("/occupations/{}", self.pick(&self.occupations, round));
                self.get(tally, "GET /occupations/{code}", &occupation, None).await;
                self.get(tally, "GET /explore?q=", &format!("/explore?q={phrase}"), None).await;
            }
            Role::SignIn { email } => self.sign_in_and_out(tally, email).await,
        }
    }

    async fn sign_in_and_out(&self, tally: &mut Tally, email: &str) {
        let request = self.http.get(format!("{}/signin", self.base));
        let Some((Some(visitor), page)) = self.send(tally, "GET /signin", request, 200).await else { return };
        let form = [("email", email), ("password", DEMO_PASSWORD), ("csrf", &csrf_of(&page).unwrap_or_default())];
        let post = self.http.post(format!("{}/signin", self.base)).header("cookie", &visitor).form(&form);
        let Some((Some(cookie), _)) = self.send(tally, "POST /signin", post, 303).await else { return };
        let Some(home) = self.get(tally, "GET /home (after sign-in)", "/home", Some(&cookie)).await else { return };
        let form = [("csrf", csrf_of(&home).unwrap_or_default())];
        let post = self.http.post(format!("{}/signout", self.base)).header("cookie", &cookie).form(&form);
        self.send(tally, "POST /signout", post, 303).await;
    }
}

/// The people of the workload, signed in directly in the database (password sign-ins are
/// their own part of the workload): `count` clients, half students, a fifth counselors, a
/// tenth administrators, visitors and password sign-ins.
async fn cast(db: &Db, count: usize, now: OffsetDateTime) -> anyhow::Result<Vec<Role>> {
    let (students, counselors, admins, visitors) = (count / 2, count / 5, count / 10, count / 10);
    let ids = |role: &'static str, n: usize| async move {
        let sql = "SELECT id FROM users WHERE role = $1 AND active AND district_id IS NOT NULL ORDER BY id LIMIT $2";
        with_pool!(db, pool => sqlx::query_scalar::<_, UserId>(sql).bind(role).bind(n as i64).fetch_all(pool).await)
    };
    let mut cast = Vec::with_capacity(count);
    for id in ids("student", students).await? {
        let (cookie, csrf) = sign_in(db, id, now).await?;
        cast.push(Role::Student { id, cookie, csrf });
    }
    for id in ids("counselor", counselors * 4).await? {
        let caseload: Vec<UserId> = store::caseload(db, id, 20).await?.into_iter().map(|s| s.id).collect();
        if !caseload.is_empty() && cast.len() < students + counselors {
            cast.push(Role::Counselor { cookie: sign_in(db, id, now).await?.0, caseload });
        }
    }
    let mut administrators: Vec<(UserId, bool)> =
        ids("district_admin", admins).await?.into_iter().map(|id| (id, true)).collect();
    administrators.extend(ids("school_admin", admins).await?.into_iter().map(|id| (id, false)));
    for (id, district) in administrators.into_iter().take(admins.max(1)) {
        cast.push(Role::Admin { cookie: sign_in(db, id, now).await?.0, district });
    }
    cast.extend(std::iter::repeat_n(Role::Visitor, visitors));
    while cast.len() < count {
        let email = DEMO_ACCOUNTS[cast.len() % DEMO_ACCOUNTS.len()].0.to_string();
        cast.push(Role::SignIn { email });
    }
    anyhow::ensure!(
        cast.iter().filter(|r| matches!(r, Role::Student { .. })).count() == students
            && cast.iter().any(|r| matches!(r, Role::Counselor { .. })),
        "the database needs a demo district with at least {students} students and counselors with caseloads \
         (run `pathways demo` on it first)"
    );
    Ok(cast)
}

/// Runs every client's rounds until `until`; returns their tallies.
async fn run_clients(client: &Arc<Client>, roles: &[Role], until: Instant) -> anyhow::Result<Vec<Tally>> {
    let tasks: Vec<_> = roles
        .iter()
        .cloned()
        .enumerate()
        .map(|(n, role)| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut tally = Tally::default();
                let mut round = n;
                while Instant::now() < until {
                    client.round(&role, &mut tally, round).await;
                    round += 1;
                    tokio::time::sleep(client.think).await;
                }
                tally
            })
        })
        .collect();
    let mut tallies = Vec::with_capacity(tasks.len());
    for task in tasks {
        tallies.push(task.await?);
    }
    Ok(tallies)
}

/// Requests of one path from `clients` clients for `seconds`: their latencies, and errors.
async fn hammer(client: &Arc<Client>, cookies: &[String], path: &'static str, seconds: u64) -> (Vec<Duration>, usize) {
    let until = Instant::now() + Duration::from_secs(seconds);
    let tasks: Vec<_> = cookies
        .iter()
        .cloned()
        .map(|cookie| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut tally = Tally::default();
                while Instant::now() < until {
                    client.get(&mut tally, path, path, Some(&cookie)).await;
                }
                tally
            })
        })
        .collect();
    let (mut times, mut errors) = (Vec::new(), 0);
    for task in tasks {
        if let Ok(tally) = task.await {
            times.extend(tally.timings.into_iter().map(|(_, d)| d));
            errors += tally.errors.len();
        }
    }
    times.sort_unstable();
    (times, errors)
}

/// What the database lacks of the goals answered "saved".
async fn lost_goals(db: &Db, run: u32, added: &BTreeMap<UserId, usize>) -> anyhow::Result<Vec<String>> {
    let pattern = format!("Workload {run:08x} #%");
    let mut lost = Vec::new();
    for (student, saved) in added {
        let stored: i64 = with_pool!(db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM plan_goals WHERE student_id = $1 AND title LIKE $2")
            .bind(student).bind(&pattern).fetch_one(pool).await)?;
        if stored != *saved as i64 {
            lost.push(format!("student {student}: {saved} goals answered saved, {stored} stored"));
        }
    }
    Ok(lost)
}

/// How the workload runs.
pub struct Shape {
    /// Clients of the mixed workload, and their pause between rounds.
    pub clients: usize,
    pub think: Duration,
    pub seconds: u64,
    /// Clients of the dashboard-vs-static phase (no pause).
    pub dashboard_clients: usize,
}

/// Runs the mixed workload, then the dashboard-vs-static phase; returns the report's lines
/// (a missed dashboard goal is printed as such), or an error when a request failed or a
/// write was lost.
pub async fn run(db: &Db, base: &str, shape: &Shape, label: &str) -> anyhow::Result<Vec<String>> {
    let Shape { clients, think, seconds, dashboard_clients } = *shape;
    let now = OffsetDateTime::now_utc();
    let roles = cast(db, clients.max(10), now).await?;
    let clusters: Vec<String> =
        with_pool!(db, pool => sqlx::query_scalar("SELECT id FROM clusters ORDER BY id").fetch_all(pool).await)?;
    let occupations: Vec<String> = with_pool!(db, pool => sqlx::query_scalar("SELECT code FROM occupations ORDER BY code LIMIT 200").fetch_all(pool).await)?;
    anyhow::ensure!(!clusters.is_empty() && !occupations.is_empty(), "the database has no catalog");
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(roles.len())
        .timeout(Duration::from_secs(30))
        .build()?;
    let run = uuid::Uuid::new_v4().as_fields().0;
    let client =
        Arc::new(Client { think, http, base: base.trim_end_matches('/').to_string(), run, clusters, occupations });

    let started = Instant::now();
    let tallies = run_clients(&client, &roles, started + Duration::from_secs(seconds)).await?;
    let elapsed = started.elapsed().as_secs_f64();
    let mut by_route: BTreeMap<&str, Vec<Duration>> = BTreeMap::new();
    let (mut errors, mut added) = (Vec::new(), BTreeMap::new());
    for tally in tallies {
        for (route, time) in tally.timings {
            by_route.entry(route).or_default().push(time);
        }
        errors.extend(tally.errors);
        added.extend(tally.added);
    }
    let lost = lost_goals(db, run, &added).await?;
    let requests: usize = by_route.values().map(Vec::len).sum();
    let mut lines = vec![format!(
        "mixed_load_{label}: {} clients ({} ms between rounds) for {elapsed:.0} s: {requests} requests ({:.0}/s), \
         {} errors, {} lost writes ({} goals saved)",
        roles.len(),
        think.as_millis(),
        requests as f64 / elapsed,
        errors.len(),
        lost.len(),
        added.values().sum::<usize>()
    )];
    for (route, times) in &mut by_route {
        times.sort_unstable();
        lines.push(format!(
            "  {route:<34} {:>7} requests  p50 {:>7.1} ms  p99 {:>7.1} ms",
            times.len(),
            percentile(times, 0.5),
            percentile(times, 0.99)
        ));
    }

    let cookies: Vec<String> = roles
        .iter()
        .filter_map(|r| if let Role::Student { cookie, .. } = r { Some(cookie.clone()) } else { None })
        .cycle()
        .take(dashboard_clients.max(1))
        .collect();
    let phase = seconds.div_ceil(4).max(3);
    let client = Arc::new(Client { think: Duration::ZERO, ..Client::clone(&client) });
    let (dashboard, dashboard_errors) = hammer(&client, &cookies, "/home", phase).await;
    let (statics, static_errors) = hammer(&client, &cookies, "/static/app.css", phase).await;
    let (rate, static_rate) = (dashboard.len() as f64 / phase as f64, statics.len() as f64 / phase as f64);
    let (ratio, p99) = (rate / static_rate.max(1.0), percentile(&dashboard, 0.99));
    let verdict = if ratio >= GOAL_RATIO && p99 <= GOAL_P99_MS { "met" } else { "MISSED" };
    lines.push(format!(
        "student_dashboard_{label}: {rate:.0} pages/s vs {static_rate:.0}/s of /static/app.css from the same {} clients \
         ({:.0}%), p99 {p99:.1} ms (static p99 {:.1} ms) [goal >= {:.0}% and p99 <= {GOAL_P99_MS} ms: {verdict}]",
        cookies.len(),
        ratio * 100.0,
        percentile(&statics, 0.99),
        GOAL_RATIO * 100.0
    ));
    errors.extend((0..dashboard_errors + static_errors).map(|_| "dashboard phase: a request failed".to_string()));
    let mut problems: Vec<String> = errors.into_iter().take(5).collect();
    problems.extend(lost.into_iter().take(5));
    anyhow::ensure!(problems.is_empty(), "{}\n{}", lines.join("\n"), problems.join("\n"));
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csrf_token_is_read_from_the_first_form() {
        let page = r#"<form><input type="hidden" name="csrf" value="00ff"><input name="csrf" value="aa"></form>"#;
        assert_eq!(csrf_of(page).as_deref(), Some("00ff"));
        assert_eq!(csrf_of("<p>no form</p>"), None);
    }
}
