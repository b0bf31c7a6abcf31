//! HTML pages of Explore: the free-text explorer (with a middle-school view) and the
//! Interest Profiler (five screens, results with a preparation filter, history).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::index::{AREAS, ExploreIndex};
use super::matcher::{Match, Query as MatchQuery};
use super::profiler::{self, ClusterFit, Item, OccupationFit};
use super::store;
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::catalog::names::{self, Kind};
use crate::error::AppError;
use crate::i18n::{Lang, Number};
use crate::web::{AppForm, Chart, Layout, PageCtx, parse_zone, render};

/// Longest text the explorer accepts, in characters.
pub const MAX_TEXT: usize = 500;

/// Who the explorer talks to: high school (default) or middle school (grades 6-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    HighSchool,
    MiddleSchool,
}

impl Mode {
    fn parse(value: Option<&str>) -> Self {
        match value {
            Some("ms") => Mode::MiddleSchool,
            _ => Mode::HighSchool,
        }
    }

    /// Clusters, sub-clusters and occupations shown in this mode.
    fn limits(self) -> (usize, usize, usize) {
        match self {
            Mode::HighSchool => (5, 6, 20),
            Mode::MiddleSchool => (3, 0, 5),
        }
    }
}

/// Checks explorer text: 1 to 500 characters once trimmed.
pub fn check_text(text: &str) -> Result<&str, AppError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(AppError::bad_request("text", "error-field-text-empty", "write something you like to do"));
    }
    let length = trimmed.chars().count();
    if length > MAX_TEXT {
        return Err(AppError::bad_request(
            "text",
            "error-field-text-long",
            format!("the text may be at most {MAX_TEXT} characters; this one has {length}"),
        ));
    }
    Ok(trimmed)
}

/// The index, or a clear "not ready" error.
pub async fn index_of(state: &AppState) -> Result<Arc<ExploreIndex>, AppError> {
    state.explore.get().await.ok_or(AppError::ExploreNotReady)
}

#[derive(Deserialize)]
pub struct ExploreParams {
    q: Option<String>,
    mode: Option<String>,
}

/// A result item as the page shows it.
pub struct ResultItem {
    pub href: String,
    pub name: String,
    pub english: bool,
    pub strength: &'static str,
    pub reasons: Vec<String>,
    pub job_zone: Option<i64>,
}

#[derive(Template)]
#[template(path = "explore/explore.html")]
struct ExploreTemplate {
    layout: Layout,
    q: String,
    middle_school: bool,
    mode_href: String,
    error: Option<String>,
    result: Option<ResultView>,
    examples: Vec<String>,
}

pub struct ResultView {
    pub no_signal: bool,
    pub corrections: Vec<(String, String)>,
    pub disliked: String,
    pub clusters: Vec<ResultItem>,
    pub other_clusters: Vec<ResultItem>,
    pub subclusters: Vec<ResultItem>,
    pub occupations: Vec<ResultItem>,
}

/// "strong", "good" or "some", relative to the best score of the list.
fn strength(score: f32, best: f32) -> &'static str {
    let share = if best > 0.0 { score / best } else { 0.0 };
    if share >= 0.75 {
        "strong"
    } else if share >= 0.4 {
        "good"
    } else {
        "some"
    }
}

fn result_view(result: Match, mode: Mode) -> ResultView {
    let (clusters_shown, subclusters_shown, occupations_shown) = mode.limits();
    let best_cluster = result.clusters.first().map_or(0.0, |c| c.score);
    let mut clusters: Vec<ResultItem> = result
        .clusters
        .iter()
        .filter(|c| c.score > 0.0)
        .map(|c| ResultItem {
            href: format!("/clusters/{}", c.id),
            name: c.name.clone(),
            english: false,
            strength: strength(c.score, best_cluster),
            reasons: c.reasons.clone(),
            job_zone: None,
        })
        .collect();
    let other_clusters = clusters.split_off(clusters.len().min(clusters_shown));
    let best_sub = result.subclusters.first().map_or(0.0, |s| s.score);
    let subclusters = result
        .subclusters
        .iter()
        .take(subclusters_shown)
        .map(|s| ResultItem {
            href: format!("/subclusters/{}", s.id),
            name: s.name.clone(),
            english: false,
            strength: strength(s.score, best_sub),
            reasons: s.reasons.clone(),
            job_zone: None,
        })
        .collect();
    let best_occupation = result.occupations.first().map_or(0.0, |o| o.score);
    let occupations = result
        .occupations
        .iter()
        .take(occupations_shown)
        .map(|o| ResultItem {
            href: format!("/occupations/{}", o.code),
            name: o.title.clone(),
            english: true,
            strength: strength(o.score, best_occupation),
            reasons: o.reasons.clone(),
            job_zone: o.job_zone,
        })
        .collect();
    ResultView {
        no_signal: result.no_signal,
        corrections: result.corrections.into_iter().map(|c| (c.typed, c.read_as)).collect(),
        disliked: result.disliked.join(", "),
        clusters,
        other_clusters,
        subclusters,
        occupations,
    }
}

fn examples(lang: Lang) -> Vec<String> {
    (1..=6).map(|i| lang.t(&format!("explore-example-{i}"))).collect()
}

/// `/explore`: the text box, examples, and results with reasons.
pub async fn show_explore(
    ctx: PageCtx,
    State(state): State<AppState>,
    Query(params): Query<ExploreParams>,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let mode = Mode::parse(params.mode.as_deref());
    let q = params.q.unwrap_or_default();
    let mut error = None;
    let mut result = None;
    if !q.trim().is_empty() {
        match check_text(&q) {
            Ok(text) => {
                let index = index_of(&state).await?;
                let query = MatchQuery { plain: mode == Mode::MiddleSchool, ..MatchQuery::new(text, lang) };
                result = Some(result_view(index.match_text(&query), mode));
            }
            Err(AppError::BadRequest(fields)) => {
                error = fields.first().map(|f| lang.t_args(f.key, &[("max", MAX_TEXT.into())]))
            }
            Err(other) => return Err(other),
        }
    }
    let shown_q: String = q.chars().take(MAX_TEXT * 2).collect();
    let other_mode = if mode == Mode::MiddleSchool { "hs" } else { "ms" };
    let mode_href = format!(
        "/explore?{}",
        serde_urlencoded::to_string([("q", shown_q.as_str()), ("mode", other_mode)]).unwrap_or_default()
    );
    let status = if error.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let title = if q.trim().is_empty() { ctx.t("explore-title") } else { ctx.t("explore-results-title") };
    let page = render(&ExploreTemplate {
        layout: ctx.layout(title, "explore"),
        q: shown_q,
        middle_school: mode == Mode::MiddleSchool,
        mode_href,
        error,
        result,
        examples: examples(lang),
    })?;
    Ok((status, page).into_response())
}

// ---------------------------------------------------------------- Interest Profiler

/// Answers in progress, kept in the session: one slot per item, `None` until answered.
fn answers_in(session: &SessionCtx) -> Vec<Option<u8>> {
    session
        .current()
        .and_then(|s| s.data.get("profiler"))
        .and_then(|v| serde_json::from_value::<Vec<Option<u8>>>(v.clone()).ok())
        .filter(|a| a.len() == profiler::ITEMS)
        .unwrap_or_else(|| vec![None; profiler::ITEMS])
}

fn item_text(lang: Lang, item: &Item) -> String {
    match lang {
        Lang::En => item.statement.clone(),
        _ => lang.try_t(&format!("profiler-item-{}", item.item_no)).unwrap_or_else(|| item.statement.clone()),
    }
}

#[derive(Template)]
#[template(path = "explore/profiler_intro.html")]
struct ProfilerIntroTemplate {
    layout: Layout,
    has_history: bool,
    started: bool,
}

pub async fn show_profiler(
    ctx: PageCtx,
    State(state): State<AppState>,
    session: SessionCtx,
) -> Result<Response, AppError> {
    let has_history = match session.current() {
        Some(s) => !store::profiler_history(&state.db, &s.id).await?.is_empty(),
        None => false,
    };
    let started = answers_in(&session).iter().any(Option::is_some);
    render(&ProfilerIntroTemplate { layout: ctx.layout(ctx.t("profiler-title"), "explore"), has_history, started })
}

/// One item on a screen.
pub struct ItemView {
    pub number: usize,
    pub text: String,
    pub answer: Option<u8>,
    pub missing: bool,
}

impl ItemView {
    /// True when `value` is the answer given.
    pub fn checked(&self, value: impl Number) -> bool {
        self.answer.is_some_and(|a| f64::from(a) == value.value())
    }
}

#[derive(Template)]
#[template(path = "explore/profiler_screen.html")]
struct ProfilerScreenTemplate {
    layout: Layout,
    screen: usize,
    screens: usize,
    items: Vec<ItemView>,
    csrf: String,
    missing: Vec<usize>,
    scale: [u8; 5],
}

fn screen_number(screen: &str) -> Result<usize, AppError> {
    match screen.parse::<usize>() {
        Ok(n) if (1..=profiler::SCREENS).contains(&n) => Ok(n),
        _ => Err(AppError::NotFound),
    }
}

async fn items(state: &AppState) -> Result<Vec<Item>, AppError> {
    let items = store::profiler_items(&state.db).await?;
    if items.len() == profiler::ITEMS { Ok(items) } else { Err(AppError::CatalogNotLoaded) }
}

fn screen_page(
    ctx: &PageCtx,
    items: &[Item],
    answers: &[Option<u8>],
    screen: usize,
    csrf: String,
    missing: Vec<usize>,
) -> Result<Response, AppError> {
    let range = (screen - 1) * profiler::PER_SCREEN..screen * profiler::PER_SCREEN;
    let views = range
        .map(|i| ItemView {
            number: i + 1,
            text: item_text(ctx.lang, &items[i]),
            answer: answers[i],
            missing: missing.contains(&(i + 1)),
        })
        .collect();
    let title =
        ctx.lang.t_args("profiler-screen-title", &[("screen", screen.into()), ("screens", profiler::SCREENS.into())]);
    render(&ProfilerScreenTemplate {
        layout: ctx.layout(title, "explore"),
        screen,
        screens: profiler::SCREENS,
        items: views,
        csrf,
        missing,
        scale: profiler::SCALE,
    })
}

pub async fn show_profiler_screen(
    ctx: PageCtx,
    State(state): State<AppState>,
    mut session: SessionCtx,
    Path(screen): Path<String>,
) -> Result<Response, AppError> {
    let screen = screen_number(&screen)?;
    let items = items(&state).await?;
    let csrf = session.ensure().await?.csrf_token.clone();
    let answers = answers_in(&session);
    let page = screen_page(&ctx, &items, &answers, screen, csrf, Vec::new())?;
    Ok(session.attach(page))
}

/// Posted answers of one screen: `item-N` = 0..4, plus the CSRF token.
#[derive(Deserialize)]
pub struct ScreenForm {
    csrf: String,
    #[serde(flatten)]
    answers: std::collections::HashMap<String, String>,
}

pub async fn save_profiler_screen(
    ctx: PageCtx,
    State(state): State<AppState>,
    mut session: SessionCtx,
    Path(screen): Path<String>,
    AppForm(form): AppForm<ScreenForm>,
) -> Result<Response, AppError> {
    let screen = screen_number(&screen)?;
    session.verify_csrf(&form.csrf)?;
    let items = items(&state).await?;
    let mut answers = answers_in(&session);
    let mut missing = Vec::new();
    let first = (screen - 1) * profiler::PER_SCREEN;
    for (i, slot) in answers.iter_mut().enumerate().skip(first).take(profiler::PER_SCREEN) {
        match form.answers.get(&format!("item-{}", i + 1)).and_then(|v| v.parse::<u8>().ok()).filter(|v| *v <= 4) {
            Some(value) => *slot = Some(value),
            None => missing.push(i + 1),
        }
    }
    let mut data = session.current().map(|s| s.data.clone()).unwrap_or_else(|| serde_json::json!({}));
    data["profiler"] = serde_json::to_value(&answers).unwrap_or_default();
    session.save(data).await?;
    if !missing.is_empty() {
        let page = screen_page(&ctx, &items, &answers, screen, form.csrf, missing)?;
        return Ok((StatusCode::BAD_REQUEST, page).into_response());
    }
    if screen < profiler::SCREENS {
        return Ok(Redirect::to(&format!("/explore/profiler/{}", screen + 1)).into_response());
    }
    let Some(complete) = answers.iter().copied().collect::<Option<Vec<u8>>>() else {
        let first_missing = answers.iter().position(Option::is_none).unwrap_or(0) / profiler::PER_SCREEN + 1;
        return Ok(Redirect::to(&format!("/explore/profiler/{first_missing}")).into_response());
    };
    let scores = profiler::score(&items, &complete)
        .map_err(|e| AppError::bad_request("answers", "error-field-answers", e.to_string()))?;
    let session_id = session.ensure().await?.id.clone();
    let id = store::save_profiler_result(&state.db, &session_id, &complete, &scores, None).await?;
    let mut data = session.current().map(|s| s.data.clone()).unwrap_or_default();
    data["profiler"] = serde_json::Value::Null;
    session.save(data).await?;
    Ok(Redirect::to(&format!("/explore/profiler/results/{id}")).into_response())
}

#[derive(Template)]
#[template(path = "explore/profiler_result.html")]
struct ProfilerResultTemplate {
    layout: Layout,
    code: String,
    chart: Chart,
    zone: Option<i64>,
    zones: Vec<(i64, String)>,
    clusters: Vec<(ClusterFit, String)>,
    occupations: Vec<OccupationFit>,
    result_id: String,
    taken_on: String,
    flat: bool,
}

#[derive(Deserialize)]
pub struct ZoneParams {
    zone: Option<String>,
}

pub async fn show_profiler_result(
    ctx: PageCtx,
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    Query(params): Query<ZoneParams>,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let session_id = session.current().map(|s| s.id.clone()).ok_or(AppError::NotFound)?;
    let row = store::profiler_result(&state.db, &session_id, id).await?.ok_or(AppError::NotFound)?;
    let zone = parse_zone("zone", params.zone.as_deref())?;
    let scores = row.scores();
    let index = index_of(&state).await?;
    let (occupations, clusters) =
        if scores.is_flat() { (Vec::new(), Vec::new()) } else { profiler::matches(&index, &scores, zone) };
    let clusters = clusters
        .into_iter()
        .take(5)
        .map(|c| {
            let name = names::name(lang, Kind::Cluster, &c.id, &c.name);
            (c, name)
        })
        .collect();
    render(&ProfilerResultTemplate {
        layout: ctx.layout(ctx.t("profiler-result-title"), "explore"),
        code: scores.code(),
        chart: Chart::new(lang, scores.0.map(f64::from), 40.0, &scores.code(), &[0.0, 10.0, 20.0, 30.0, 40.0], |v| {
            format!("{v:.0}")
        }),
        zone,
        zones: (1..=5).map(|z| (z, lang.t(&format!("job-zone-{z}-name")))).collect(),
        clusters,
        occupations,
        result_id: id.to_string(),
        taken_on: lang.date(&rfc3339(row.created_at)).unwrap_or_default(),
        flat: scores.is_flat(),
    })
}

impl ProfilerResultTemplate {
    fn zone_selected(&self, zone: impl Number) -> bool {
        self.zone.is_some_and(|z| z as f64 == zone.value())
    }
}

fn rfc3339(at: time::OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// A past result in the history table.
pub struct HistoryRow {
    pub id: String,
    pub taken_on: String,
    pub scores: [u8; 6],
    pub code: String,
}

#[derive(Template)]
#[template(path = "explore/profiler_history.html")]
struct ProfilerHistoryTemplate {
    layout: Layout,
    rows: Vec<HistoryRow>,
    areas: Vec<(char, String)>,
}

pub async fn show_profiler_history(
    ctx: PageCtx,
    State(state): State<AppState>,
    session: SessionCtx,
) -> Result<Response, AppError> {
    let lang = ctx.lang;
    let rows = match session.current() {
        Some(s) => store::profiler_history(&state.db, &s.id).await?,
        None => Vec::new(),
    };
    let rows = rows
        .into_iter()
        .map(|r| HistoryRow {
            id: r.id.to_string(),
            taken_on: lang.date(&rfc3339(r.created_at)).unwrap_or_default(),
            scores: r.scores().0,
            code: r.code,
        })
        .collect();
    render(&ProfilerHistoryTemplate {
        layout: ctx.layout(ctx.t("profiler-history-title"), "explore"),
        rows,
        areas: AREAS.iter().map(|&a| (a, lang.t(&format!("riasec-{a}-name")))).collect(),
    })
}
