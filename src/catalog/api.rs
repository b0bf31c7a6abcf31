//! JSON API of the catalog under `/api/v1`. Responses are DTOs built from store rows, so
//! the database shape can change without changing the API.

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::codes::OnetCode;
use super::model::*;
use super::names::{self, Kind};
use super::pages::occupation_filter;
use super::store::PageRequest;
use crate::app::AppState;
use crate::error::{AppError, ErrorBody};
use crate::i18n::Lang;
use crate::web::parse_page;

/// A name in English (canonical) and Spanish.
#[derive(Serialize, ToSchema)]
pub struct Names {
    pub en: String,
    pub es: Option<String>,
}

fn names_of(kind: Kind, id: &str, english: &str) -> Names {
    Names { en: english.to_string(), es: names::spanish(kind, id) }
}

#[derive(Serialize, ToSchema)]
pub struct GroupingResponse {
    pub id: String,
    pub name: Names,
    /// False where the grouping's membership is inferred rather than published.
    pub membership_verified: bool,
    /// Ids of the clusters in this grouping.
    pub clusters: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ClusterSummary {
    pub id: String,
    pub name: Names,
    pub grouping: String,
    pub cross_cutting: bool,
    pub description: String,
    pub subcluster_count: i64,
    pub occupation_count: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ClusterResponse {
    #[serde(flatten)]
    pub cluster: ClusterSummary,
    pub naics_2digit: String,
    pub onet_cluster_code: Option<String>,
    pub onet_cluster_code_verified: bool,
    pub aliases: Vec<String>,
    pub subclusters: Vec<SubclusterSummary>,
}

#[derive(Serialize, ToSchema)]
pub struct SubclusterSummary {
    pub id: String,
    pub name: Names,
    pub cluster: String,
    /// False for "Unmanned Vehicle Technology", whose name is not in the official crosswalk.
    pub verified: bool,
    pub soc_count: i64,
    pub cip_count: i64,
    pub occupation_count: i64,
}

#[derive(Serialize, ToSchema)]
pub struct LinkedOccupation {
    pub soc_code: String,
    pub soc_title: String,
    /// The O*NET-SOC occupation, absent where O*NET has none for this SOC code.
    pub code: Option<String>,
    pub title: Option<String>,
    pub job_zone: Option<i64>,
    pub riasec_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Program {
    pub cip_code: String,
    pub title: String,
    pub interdisciplinary: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CodeTitle {
    pub code: String,
    pub title: String,
}

#[derive(Serialize, ToSchema)]
pub struct SubclusterResponse {
    #[serde(flatten)]
    pub subcluster: SubclusterSummary,
    pub description: Option<String>,
    pub verification: String,
    pub aliases: Vec<String>,
    pub occupations: Vec<LinkedOccupation>,
    pub programs: Vec<Program>,
    pub naics_sectors: Vec<CodeTitle>,
}

#[derive(Serialize, ToSchema)]
pub struct OccupationSummary {
    pub code: String,
    pub title: String,
    pub job_zone: Option<i64>,
    pub riasec_code: Option<String>,
    pub typical_education: Option<String>,
    /// The alternate or reported title that matched `q`, when the title itself did not.
    pub matched_title: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OccupationListResponse {
    pub items: Vec<OccupationSummary>,
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
}

/// O*NET occupational interest scores, 1 (low) to 7 (high).
#[derive(Serialize, ToSchema)]
pub struct Interests {
    pub realistic: f64,
    pub investigative: f64,
    pub artistic: f64,
    pub social: f64,
    pub enterprising: f64,
    pub conventional: f64,
}

#[derive(Serialize, ToSchema)]
pub struct Task {
    pub id: i64,
    pub statement: String,
    /// Core, Supplemental, or absent.
    pub kind: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Membership {
    pub cluster: String,
    pub subcluster: String,
    pub subcluster_verified: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Outlook {
    pub soc_code: String,
    pub employment_2024: Option<f64>,
    pub employment_2034: Option<f64>,
    pub change_percent: Option<f64>,
    /// Average annual openings 2024-34.
    pub annual_openings: Option<f64>,
    pub median_annual_wage: Option<i64>,
    /// True when BLS reports the wage only as "at least" this amount.
    pub median_wage_is_floor: bool,
    pub typical_education: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OccupationResponse {
    pub code: String,
    pub soc_code: String,
    pub title: String,
    pub description: String,
    pub job_zone: Option<i64>,
    pub riasec_code: Option<String>,
    pub interests: Option<Interests>,
    pub typical_education: Option<String>,
    pub tasks: Vec<Task>,
    pub titles: Vec<String>,
    pub related: Vec<CodeTitle>,
    pub subclusters: Vec<Membership>,
    pub outlook: Option<Outlook>,
}

#[derive(Serialize, ToSchema)]
pub struct PracticeResponse {
    pub id: String,
    pub framework_version: String,
    pub code: String,
    pub number: Option<i64>,
    pub statement: String,
    pub verified: bool,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OccupationListQuery {
    /// Words to find in titles, alternate titles and titles people report.
    q: Option<String>,
    /// Cluster id, e.g. `healthcare-human-services`.
    cluster: Option<String>,
    /// Sub-cluster id, e.g. `physical-health`.
    subcluster: Option<String>,
    /// Job zone, 1 to 5.
    zone: Option<String>,
    /// Strongest interest: one of R, I, A, S, E, C.
    interest: Option<String>,
    /// Page number, from 1.
    page: Option<String>,
    /// Items per page, 1 to 100 (default 50).
    per_page: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubclusterListQuery {
    /// Only the sub-clusters of this cluster id.
    cluster: Option<String>,
}

fn cluster_summary(c: &ClusterRow) -> ClusterSummary {
    ClusterSummary {
        id: c.id.clone(),
        name: names_of(Kind::Cluster, &c.id, &c.name),
        grouping: c.grouping_id.clone(),
        cross_cutting: c.cross_cutting,
        description: c.description.clone(),
        subcluster_count: c.subcluster_count,
        occupation_count: c.occupation_count,
    }
}

fn subcluster_summary(s: &SubclusterRow) -> SubclusterSummary {
    SubclusterSummary {
        id: s.id.clone(),
        name: names_of(Kind::Subcluster, &s.id, &s.name),
        cluster: s.cluster_id.clone(),
        verified: s.verified,
        soc_count: s.soc_count,
        cip_count: s.cip_count,
        occupation_count: s.occupation_count,
    }
}

/// The framework's cluster groupings with their clusters.
#[utoipa::path(get, path = "/api/v1/groupings", tag = "catalog",
    responses((status = 200, body = [GroupingResponse])))]
pub async fn list_groupings(State(state): State<AppState>) -> Result<Json<Vec<GroupingResponse>>, AppError> {
    let clusters = state.catalog.clusters().await?;
    let groupings = state.catalog.groupings().await?;
    Ok(Json(
        groupings
            .into_iter()
            .map(|g| GroupingResponse {
                clusters: clusters.iter().filter(|c| c.grouping_id == g.id).map(|c| c.id.clone()).collect(),
                name: names_of(Kind::Grouping, &g.id, &g.name),
                membership_verified: g.membership_verified,
                id: g.id,
            })
            .collect(),
    ))
}

/// All 14 Career Clusters.
#[utoipa::path(get, path = "/api/v1/clusters", tag = "catalog",
    responses((status = 200, body = [ClusterSummary])))]
pub async fn list_clusters(State(state): State<AppState>) -> Result<Json<Vec<ClusterSummary>>, AppError> {
    Ok(Json(state.catalog.clusters().await?.iter().map(cluster_summary).collect()))
}

/// One cluster with its sub-clusters.
#[utoipa::path(get, path = "/api/v1/clusters/{id}", tag = "catalog",
    params(("id" = String, Path, description = "Cluster id, e.g. `healthcare-human-services`")),
    responses((status = 200, body = ClusterResponse), (status = 404, body = ErrorBody)))]
pub async fn show_cluster(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ClusterResponse>, AppError> {
    let row = state.catalog.cluster(&id).await?.ok_or(AppError::NotFound)?;
    let subclusters = state.catalog.subclusters(Some(&id)).await?;
    Ok(Json(ClusterResponse {
        cluster: cluster_summary(&row),
        naics_2digit: row.naics_2digit,
        onet_cluster_code: row.onet_cluster_code,
        onet_cluster_code_verified: row.onet_cluster_code_verified,
        aliases: state.catalog.aliases("cluster", &id).await?,
        subclusters: subclusters.iter().map(subcluster_summary).collect(),
    }))
}

/// The 72 sub-clusters, optionally of one cluster.
#[utoipa::path(get, path = "/api/v1/subclusters", tag = "catalog", params(SubclusterListQuery),
    responses((status = 200, body = [SubclusterSummary]), (status = 400, body = ErrorBody)))]
pub async fn list_subclusters(
    State(state): State<AppState>,
    Query(query): Query<SubclusterListQuery>,
) -> Result<Json<Vec<SubclusterSummary>>, AppError> {
    let cluster = query.cluster.as_deref().map(str::trim).filter(|c| !c.is_empty());
    if let Some(cluster) = cluster
        && state.catalog.cluster(cluster).await?.is_none()
    {
        return Err(AppError::bad_request(
            "cluster",
            "error-field-cluster",
            format!("there is no cluster {cluster:?}"),
        ));
    }
    Ok(Json(state.catalog.subclusters(cluster).await?.iter().map(subcluster_summary).collect()))
}

/// One sub-cluster with its occupations, CIP programs and NAICS sectors.
#[utoipa::path(get, path = "/api/v1/subclusters/{id}", tag = "catalog",
    params(("id" = String, Path, description = "Sub-cluster id, e.g. `physical-health`")),
    responses((status = 200, body = SubclusterResponse), (status = 404, body = ErrorBody)))]
pub async fn show_subcluster(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<SubclusterResponse>, AppError> {
    let row = state.catalog.subcluster(&id).await?.ok_or(AppError::NotFound)?;
    let occupations = state
        .catalog
        .subcluster_occupations(&id)
        .await?
        .into_iter()
        .map(|o| LinkedOccupation {
            soc_code: o.soc_code,
            soc_title: o.soc_title,
            code: o.code,
            title: o.title,
            job_zone: o.job_zone,
            riasec_code: o.riasec_code,
        })
        .collect();
    let programs = state
        .catalog
        .subcluster_programs(&id, PageRequest { page: 1, per_page: row.cip_count.max(1) })
        .await?
        .into_iter()
        .map(|p| Program { cip_code: p.code, title: p.title, interdisciplinary: p.interdisciplinary })
        .collect();
    let naics_sectors = state
        .catalog
        .subcluster_sectors(&id)
        .await?
        .into_iter()
        .map(|s| CodeTitle { code: s.code, title: s.title })
        .collect();
    Ok(Json(SubclusterResponse {
        subcluster: subcluster_summary(&row),
        aliases: state.catalog.aliases("subcluster", &id).await?,
        description: row.description,
        verification: row.verification,
        occupations,
        programs,
        naics_sectors,
    }))
}

/// Occupations, filtered and paginated.
#[utoipa::path(get, path = "/api/v1/occupations", tag = "catalog", params(OccupationListQuery),
    responses((status = 200, body = OccupationListResponse), (status = 400, body = ErrorBody)))]
pub async fn list_occupations(
    State(state): State<AppState>,
    Query(query): Query<OccupationListQuery>,
) -> Result<Json<OccupationListResponse>, AppError> {
    let page = parse_page(query.page.as_deref())?;
    let per_page = match query.per_page.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => 50,
        Some(v) => match v.parse::<i64>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => {
                return Err(AppError::bad_request(
                    "per_page",
                    "error-field-per-page",
                    format!("per_page must be a whole number from 1 to 100, not {v:?}"),
                ));
            }
        },
    };
    let filter = occupation_filter(
        query.q.as_deref(),
        query.cluster.as_deref(),
        query.subcluster.as_deref(),
        query.zone.as_deref(),
        query.interest.as_deref(),
    )?;
    let total = state.catalog.count_occupations(&filter).await?;
    let items = state
        .catalog
        .occupations(&filter, PageRequest { page, per_page })
        .await?
        .into_iter()
        .map(|o| OccupationSummary {
            typical_education: names::education(Lang::En, o.education_category, o.bls_education.as_deref()),
            code: o.code,
            title: o.title,
            job_zone: o.job_zone,
            riasec_code: o.riasec_code,
            matched_title: o.matched_title,
        })
        .collect();
    Ok(Json(OccupationListResponse { items, page, per_page, total }))
}

/// One occupation with tasks, titles, interests, related occupations, clusters and outlook.
#[utoipa::path(get, path = "/api/v1/occupations/{code}", tag = "catalog",
    params(("code" = String, Path, description = "O*NET-SOC code, e.g. `29-1141.00`")),
    responses((status = 200, body = OccupationResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show_occupation(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<OccupationResponse>, AppError> {
    let code: OnetCode = code.parse().map_err(|e: super::codes::InvalidCode| {
        AppError::bad_request("code", "error-field-occupation-code", e.to_string())
    })?;
    let o = state.catalog.occupation(code.as_str()).await?.ok_or(AppError::NotFound)?;
    let tasks = state
        .catalog
        .tasks(code.as_str(), 1000)
        .await?
        .into_iter()
        .map(|t| Task { id: t.task_id, statement: t.task, kind: t.task_type })
        .collect();
    let titles = state.catalog.titles(code.as_str(), 50).await?.into_iter().map(|t| t.title).collect();
    let related = state
        .catalog
        .related(code.as_str(), 20)
        .await?
        .into_iter()
        .map(|r| CodeTitle { code: r.code, title: r.title })
        .collect();
    let subclusters = state
        .catalog
        .memberships(&o.soc_code)
        .await?
        .into_iter()
        .map(|m| Membership {
            cluster: m.cluster_id,
            subcluster: m.subcluster_id,
            subcluster_verified: m.subcluster_verified,
        })
        .collect();
    let outlook = state.catalog.projection(&o.soc_code).await?.map(|p| Outlook {
        soc_code: p.soc_code,
        employment_2024: p.employment_2024,
        employment_2034: p.employment_2034,
        change_percent: p.change_percent,
        annual_openings: p.annual_openings_thousands.map(|t| t * 1000.0),
        median_annual_wage: p.median_wage,
        median_wage_is_floor: p.median_wage_is_floor,
        typical_education: p.typical_education,
    });
    let interests = o.interests().map(|[r, i, a, s, e, c]| Interests {
        realistic: r,
        investigative: i,
        artistic: a,
        social: s,
        enterprising: e,
        conventional: c,
    });
    Ok(Json(OccupationResponse {
        typical_education: names::education(Lang::En, o.education_category, o.bls_education.as_deref()),
        code: o.code,
        soc_code: o.soc_code,
        title: o.title,
        description: o.description,
        job_zone: o.job_zone,
        riasec_code: o.riasec_code,
        interests,
        tasks,
        titles,
        related,
        subclusters,
        outlook,
    }))
}

/// Career Ready Practices (CCTC 2012, and what is known of the 2024 update).
#[utoipa::path(get, path = "/api/v1/practices", tag = "catalog",
    responses((status = 200, body = [PracticeResponse])))]
pub async fn list_practices(State(state): State<AppState>) -> Result<Json<Vec<PracticeResponse>>, AppError> {
    Ok(Json(
        state
            .catalog
            .practices()
            .await?
            .into_iter()
            .map(|p| PracticeResponse {
                id: p.id,
                framework_version: p.framework_version,
                code: p.code,
                number: p.number,
                statement: p.statement,
                verified: p.verified,
            })
            .collect(),
    ))
}

/// How many of each thing the catalog holds.
#[utoipa::path(get, path = "/api/v1/stats", tag = "catalog",
    responses((status = 200, body = CatalogStats)))]
pub async fn show_stats(State(state): State<AppState>) -> Result<Json<CatalogStats>, AppError> {
    Ok(Json(state.catalog.stats().await?))
}
