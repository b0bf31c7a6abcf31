//! JSON API of Explore: `POST /api/v1/match` and `POST /api/v1/profiler/score`.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::matcher::{Match, Query};
use super::pages::{check_text, index_of};
use super::profiler::{self, AreaScores, ClusterFit, OccupationFit};
use super::store;
use crate::app::AppState;
use crate::error::{AppError, ErrorBody};
use crate::i18n::Lang;
use crate::web::AppJson;

#[derive(Deserialize, ToSchema)]
pub struct MatchRequest {
    /// What the student likes, in their own words, English or Spanish (1-500 characters).
    pub text: String,
    /// Language of the reasons: `en` (default) or `es`.
    #[serde(default)]
    pub lang: Option<String>,
}

fn language(lang: Option<&str>) -> Result<Lang, AppError> {
    match lang {
        None => Ok(Lang::En),
        Some(code) => Lang::parse(code).ok_or_else(|| {
            AppError::bad_request("lang", "error-field-lang", format!("lang must be en or es, not {code:?}"))
        }),
    }
}

/// Matches free text to clusters (all 14, best first), sub-clusters and occupations, each
/// with the reasons it matched.
#[utoipa::path(post, path = "/api/v1/match", tag = "explore", request_body = MatchRequest,
    responses((status = 200, body = Match), (status = 400, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn create_match(
    State(state): State<AppState>,
    AppJson(request): AppJson<MatchRequest>,
) -> Result<Json<Match>, AppError> {
    let lang = language(request.lang.as_deref())?;
    let text = check_text(&request.text)?;
    let index = index_of(&state).await?;
    Ok(Json(index.match_text(&Query::new(text, lang))))
}

#[derive(Deserialize, ToSchema)]
pub struct ProfilerScoreRequest {
    /// The 60 answers in item order: 0 strongly dislike, 1 dislike, 2 unsure, 3 like, 4 strongly like.
    pub answers: Vec<u8>,
    /// Highest job zone (1-5) of the occupations to return; all when absent.
    #[serde(default)]
    pub job_zone: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ProfilerScoreResponse {
    /// Area scores 0-40, in R I A S E C order.
    pub scores: AreaScores,
    /// The three highest areas, e.g. `SIA`.
    pub code: String,
    pub occupations: Vec<OccupationFit>,
    pub clusters: Vec<ClusterFit>,
}

/// Scores Interest Profiler answers and ranks occupations and clusters by fit.
#[utoipa::path(post, path = "/api/v1/profiler/score", tag = "explore", request_body = ProfilerScoreRequest,
    responses((status = 200, body = ProfilerScoreResponse), (status = 400, body = ErrorBody)))]
pub async fn score_profiler(
    State(state): State<AppState>,
    AppJson(request): AppJson<ProfilerScoreRequest>,
) -> Result<Json<ProfilerScoreResponse>, AppError> {
    if let Some(zone) = request.job_zone.filter(|z| !(1..=5).contains(z)) {
        return Err(AppError::bad_request(
            "job_zone",
            "error-field-zone",
            format!("job_zone must be from 1 to 5, not {zone}"),
        ));
    }
    let items = store::profiler_items(&state.db).await?;
    if items.len() != profiler::ITEMS {
        return Err(AppError::CatalogNotLoaded);
    }
    let scores = profiler::score(&items, &request.answers)
        .map_err(|e| AppError::bad_request("answers", "error-field-answers", e.to_string()))?;
    let index = index_of(&state).await?;
    let (occupations, clusters) = profiler::matches(&index, &scores, request.job_zone);
    Ok(Json(ProfilerScoreResponse { code: scores.code(), scores, occupations, clusters }))
}
