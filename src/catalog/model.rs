//! Catalog rows as the store reads them. Pages and the API turn these into what they show.

use serde::Serialize;
use sqlx::FromRow;

#[derive(Clone, Debug, FromRow)]
pub struct GroupingRow {
    pub id: String,
    pub name: String,
    pub membership_verified: bool,
    pub note: String,
}

#[derive(Clone, Debug, FromRow)]
pub struct ClusterRow {
    pub id: String,
    pub grouping_id: String,
    pub name: String,
    pub cross_cutting: bool,
    pub description: String,
    pub description_basis: String,
    pub naics_2digit: String,
    pub onet_cluster_code: Option<String>,
    pub onet_cluster_code_verified: bool,
    pub subcluster_count: i64,
    pub occupation_count: i64,
}

#[derive(Clone, Debug, FromRow)]
pub struct SubclusterRow {
    pub id: String,
    pub cluster_id: String,
    pub name: String,
    pub description: Option<String>,
    pub description_source: Option<String>,
    pub example_programs: Option<String>,
    pub verified: bool,
    pub verification: String,
    pub soc_count: i64,
    pub cip_count: i64,
    pub occupation_count: i64,
}

/// A SOC code linked to a sub-cluster, with the O*NET occupation(s) under it when there are any.
#[derive(Clone, Debug, FromRow)]
pub struct LinkedOccupationRow {
    pub soc_code: String,
    pub soc_title: String,
    pub code: Option<String>,
    pub title: Option<String>,
    pub job_zone: Option<i64>,
    pub riasec_code: Option<String>,
    pub education_category: Option<i64>,
    pub bls_education: Option<String>,
}

#[derive(Clone, Debug, FromRow)]
pub struct CipRow {
    pub code: String,
    pub title: String,
    pub interdisciplinary: bool,
}

#[derive(Clone, Debug, FromRow)]
pub struct CodeTitleRow {
    pub code: String,
    pub title: String,
}

#[derive(Clone, Debug, FromRow)]
pub struct OccupationRow {
    pub code: String,
    pub soc_code: String,
    pub title: String,
    pub description: String,
    pub job_zone: Option<i64>,
    pub riasec_code: Option<String>,
    pub realistic: Option<f64>,
    pub investigative: Option<f64>,
    pub artistic: Option<f64>,
    pub social: Option<f64>,
    pub enterprising: Option<f64>,
    pub conventional: Option<f64>,
    pub education_category: Option<i64>,
    pub bls_education: Option<String>,
    pub education_percent: Option<f64>,
}

impl OccupationRow {
    /// RIASEC interest scores (1-7) in R, I, A, S, E, C order, when O*NET rated them.
    pub fn interests(&self) -> Option<[f64; 6]> {
        Some([
            self.realistic?,
            self.investigative?,
            self.artistic?,
            self.social?,
            self.enterprising?,
            self.conventional?,
        ])
    }
}

/// An occupation in a list, with the alternate title that matched a search, if any.
#[derive(Clone, Debug, FromRow)]
pub struct OccupationSummaryRow {
    pub code: String,
    pub title: String,
    pub job_zone: Option<i64>,
    pub riasec_code: Option<String>,
    pub education_category: Option<i64>,
    pub bls_education: Option<String>,
    pub matched_title: Option<String>,
}

#[derive(Clone, Debug, FromRow)]
pub struct TaskRow {
    pub task_id: i64,
    pub task: String,
    pub task_type: Option<String>,
}

#[derive(Clone, Debug, FromRow)]
pub struct TitleRow {
    pub title: String,
    pub kind: String,
    pub shown_in_my_next_move: bool,
}

#[derive(Clone, Debug, FromRow)]
pub struct RelatedRow {
    pub code: String,
    pub title: String,
    pub tier: String,
}

/// A sub-cluster (and its cluster) an occupation belongs to.
#[derive(Clone, Debug, FromRow)]
pub struct MembershipRow {
    pub cluster_id: String,
    pub cluster_name: String,
    pub subcluster_id: String,
    pub subcluster_name: String,
    pub subcluster_verified: bool,
}

#[derive(Clone, Debug, FromRow)]
pub struct JobZoneRow {
    pub zone: i64,
    pub name: String,
    pub experience: String,
    pub education: String,
    pub job_training: String,
    pub examples: String,
    pub svp_range: String,
}

#[derive(Clone, Debug, FromRow)]
pub struct ProjectionRow {
    pub soc_code: String,
    pub title: String,
    pub employment_2024: Option<f64>,
    pub employment_2034: Option<f64>,
    pub change_percent: Option<f64>,
    pub annual_openings_thousands: Option<f64>,
    pub median_wage: Option<i64>,
    pub median_wage_is_floor: bool,
    pub typical_education: Option<String>,
    pub work_experience: Option<String>,
    pub typical_training: Option<String>,
}

#[derive(Clone, Debug, FromRow)]
pub struct PracticeRow {
    pub id: String,
    pub framework_version: String,
    pub code: String,
    pub number: Option<i64>,
    pub statement: String,
    pub verified: bool,
    pub source: String,
}

#[derive(Clone, Debug, FromRow)]
pub struct SkillRow {
    pub category: String,
    pub skill: String,
    pub sub_skill: String,
    pub sub_skill_verified: bool,
}

#[derive(Clone, Debug, FromRow)]
pub struct LegacyClusterRow {
    pub id: String,
    pub name: String,
    pub alias: Option<String>,
}

#[derive(Clone, Debug, FromRow)]
pub struct LegacyLinkRow {
    pub legacy_cluster_id: String,
    pub modern_cluster_id: Option<String>,
    pub relationship: String,
    pub basis: String,
    pub verified: bool,
}

#[derive(Clone, Debug, FromRow)]
pub struct LegacyPathwayRow {
    pub id: String,
    pub legacy_cluster_id: String,
    pub name: String,
    pub verified: bool,
}

#[derive(Clone, Debug, FromRow)]
pub struct LegacyPathwaySubclusterRow {
    pub legacy_pathway_id: String,
    pub subcluster_id: String,
    pub cluster_id: String,
    pub subcluster_name: String,
    pub shared_soc_count: i64,
    pub found_soc_count: i64,
    pub share_of_found: f64,
}

/// What was loaded and from which data.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CatalogMeta {
    pub fingerprint: Option<String>,
    pub loaded_at: Option<String>,
    pub framework: Option<String>,
    pub steward: Option<String>,
    pub released: Option<String>,
    pub data_version: Option<String>,
}

/// How many of each thing the catalog holds (`pathways catalog stats`).
#[derive(Clone, Debug, Default, PartialEq, Eq, FromRow, Serialize, utoipa::ToSchema)]
pub struct CatalogStats {
    pub groupings: i64,
    pub clusters: i64,
    pub cross_cutting_clusters: i64,
    pub subclusters: i64,
    pub unverified_subclusters: i64,
    pub occupations: i64,
    pub occupations_with_interests: i64,
    pub occupations_with_job_zone: i64,
    pub occupations_in_a_subcluster: i64,
    pub soc_codes: i64,
    pub soc_links: i64,
    pub cip_programs: i64,
    pub cip_links: i64,
    pub naics_sectors: i64,
    pub naics_links: i64,
    pub cip_soc_links: i64,
    pub alternate_titles: i64,
    pub reported_titles: i64,
    pub tasks: i64,
    pub related_occupations: i64,
    pub job_zones: i64,
    pub education_levels: i64,
    pub bls_projections: i64,
    pub career_ready_practices: i64,
    pub practices_all_versions: i64,
    pub employability_skills: i64,
    pub legacy_clusters: i64,
    pub legacy_pathways: i64,
    pub legacy_cluster_links: i64,
    pub legacy_pathway_subclusters: i64,
    pub legacy_pathway_occupations: i64,
    pub interest_profiler_items: i64,
    pub riasec_keywords: i64,
    pub basic_interests: i64,
    pub illustrative_activities: i64,
    pub illustrative_occupations: i64,
}
