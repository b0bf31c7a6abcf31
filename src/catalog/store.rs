//! SQL for the catalog: reads for pages and the API, and the one-transaction load.
//! Every query is written once and runs on SQLite and PostgreSQL alike.

use super::model::*;
use super::source::{ALL_TABLES, CatalogSource, Refresh, TableSpec};
use crate::db::Db;
use crate::db::batch::BulkInsert;
use crate::progress::Progress;
use crate::with_pool;

#[derive(Clone, Debug)]
pub struct CatalogStore {
    db: Db,
    /// The full cluster and sub-cluster lists, which nearly every page asks for and which
    /// change only when the catalog is reloaded.
    lists: std::sync::Arc<std::sync::Mutex<Option<Lists>>>,
}

#[derive(Debug)]
struct Lists {
    read_at: std::time::Instant,
    clusters: Vec<ClusterRow>,
    subclusters: Vec<SubclusterRow>,
}

/// How long the lists are kept: a load by another process shows within this.
const LISTS_KEPT: std::time::Duration = std::time::Duration::from_secs(60);

/// Filters of the occupation list; `None` means "any".
#[derive(Clone, Debug, Default)]
pub struct OccupationFilter {
    /// Words to find in a title, alternate title or reported title.
    pub text: Option<String>,
    pub cluster: Option<String>,
    pub subcluster: Option<String>,
    pub job_zone: Option<i64>,
    /// The first letter of the RIASEC code (the strongest interest).
    pub interest: Option<String>,
}

/// A page of a long list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRequest {
    pub page: i64,
    pub per_page: i64,
}

impl PageRequest {
    pub fn offset(self) -> i64 {
        (self.page - 1) * self.per_page
    }
}

/// The outcome of a catalog load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadOutcome {
    /// The database already held exactly this data; nothing was written.
    Unchanged,
    /// Every table was refreshed in one transaction.
    Loaded { rows: usize },
}

const OCCUPATION_FILTER_SQL: &str = r"
    (CAST($1 AS TEXT) IS NULL
        OR lower(o.title) LIKE $1 ESCAPE '\'
        OR EXISTS (SELECT 1 FROM occupation_titles t
                   WHERE t.occupation_code = o.code AND lower(t.title) LIKE $1 ESCAPE '\'))
    AND (CAST($2 AS TEXT) IS NULL OR EXISTS (
        SELECT 1 FROM subcluster_socs ss JOIN subclusters s ON s.id = ss.subcluster_id
        WHERE ss.soc_code = o.soc_code AND s.cluster_id = $2))
    AND (CAST($3 AS TEXT) IS NULL OR EXISTS (
        SELECT 1 FROM subcluster_socs ss WHERE ss.soc_code = o.soc_code AND ss.subcluster_id = $3))
    AND (CAST($4 AS BIGINT) IS NULL OR o.job_zone = $4)
    AND (CAST($5 AS TEXT) IS NULL OR substr(o.riasec_code, 1, 1) = $5)";

const EDUCATION_SQL: &str = "o.education_category, bp.typical_education AS bls_education";
const EDUCATION_JOINS: &str = "LEFT JOIN bls_projections bp ON bp.soc_code = o.soc_code";

/// Patterns for a title search, from the most to the least telling kind of match. A
/// plural is searched as its singular so "nurses" also finds "Nurse Anesthetists".
#[derive(Debug, PartialEq, Eq)]
struct TitleSearch {
    /// The word anywhere, even inside another word (LIKE).
    contains: String,
    /// The whole title, lower-case.
    exact: String,
    /// The word on its own, singular or plural (LIKE against padded, punctuation-free titles).
    word: String,
    word_plural: String,
    /// A word starting with it.
    word_start: String,
}

impl TitleSearch {
    fn new(text: &str) -> Self {
        let lower = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let stem = match lower.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem.to_string(),
            _ => lower,
        };
        let escaped = stem.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        Self {
            contains: format!("%{escaped}%"),
            word: format!("% {escaped} %"),
            word_plural: format!("% {escaped}s %"),
            word_start: format!("% {escaped}%"),
            exact: stem,
        }
    }
}

/// A title in lower case with punctuation turned into spaces and a space at each end, so
/// LIKE '% word %' finds whole words.
const TITLE_WORDS_SQL: &str = "(' ' || replace(replace(replace(replace(replace(lower(o.title), ',', ' '), '/', ' '), '(', ' '), ')', ' '), '-', ' ') || ' ')";

impl CatalogStore {
    pub fn new(db: Db) -> Self {
        Self { db, lists: Default::default() }
    }

    /// The cluster and sub-cluster lists, read at most once a minute.
    async fn lists(&self) -> Result<(Vec<ClusterRow>, Vec<SubclusterRow>), sqlx::Error> {
        if let Some(lists) = self.lists.lock().expect("lists").as_ref().filter(|l| l.read_at.elapsed() < LISTS_KEPT) {
            return Ok((lists.clusters.clone(), lists.subclusters.clone()));
        }
        let clusters_sql = format!("{CLUSTER_SELECT} ORDER BY g.position, c.position");
        let subclusters_sql = format!("{SUBCLUSTER_SELECT} ORDER BY g.position, c.position, s.position");
        let (clusters, subclusters): (Vec<ClusterRow>, Vec<SubclusterRow>) = with_pool!(&self.db, pool => (
            sqlx::query_as(&clusters_sql).fetch_all(pool).await?,
            sqlx::query_as(&subclusters_sql).fetch_all(pool).await?,
        ));
        let read_at = std::time::Instant::now();
        *self.lists.lock().expect("lists") =
            Some(Lists { read_at, clusters: clusters.clone(), subclusters: subclusters.clone() });
        Ok((clusters, subclusters))
    }

    pub async fn meta(&self) -> Result<CatalogMeta, sqlx::Error> {
        let pairs: Vec<(String, String)> = with_pool!(&self.db, pool => {
            sqlx::query_as("SELECT key, value FROM catalog_meta").fetch_all(pool).await?
        });
        let mut meta = CatalogMeta::default();
        for (key, value) in pairs {
            let slot = match key.as_str() {
                "fingerprint" => &mut meta.fingerprint,
                "loaded_at" => &mut meta.loaded_at,
                "framework" => &mut meta.framework,
                "steward" => &mut meta.steward,
                "released" => &mut meta.released,
                "data_version" => &mut meta.data_version,
                _ => continue,
            };
            *slot = Some(value);
        }
        Ok(meta)
    }

    /// True once a catalog load has completed.
    pub async fn is_loaded(&self) -> Result<bool, sqlx::Error> {
        Ok(self.meta().await?.fingerprint.is_some())
    }

    pub async fn stats(&self) -> Result<CatalogStats, sqlx::Error> {
        const SQL: &str = "SELECT
            (SELECT COUNT(*) FROM groupings) AS groupings,
            (SELECT COUNT(*) FROM clusters) AS clusters,
            (SELECT COUNT(*) FROM clusters WHERE cross_cutting) AS cross_cutting_clusters,
            (SELECT COUNT(*) FROM subclusters) AS subclusters,
            (SELECT COUNT(*) FROM subclusters WHERE NOT verified) AS unverified_subclusters,
            (SELECT COUNT(*) FROM occupations) AS occupations,
            (SELECT COUNT(*) FROM occupations WHERE realistic IS NOT NULL) AS occupations_with_interests,
            (SELECT COUNT(*) FROM occupations WHERE job_zone IS NOT NULL) AS occupations_with_job_zone,
            (SELECT COUNT(*) FROM occupations o WHERE EXISTS
                (SELECT 1 FROM subcluster_socs ss WHERE ss.soc_code = o.soc_code)) AS occupations_in_a_subcluster,
            (SELECT COUNT(*) FROM soc_codes) AS soc_codes,
            (SELECT COUNT(*) FROM subcluster_socs) AS soc_links,
            (SELECT COUNT(*) FROM cip_programs) AS cip_programs,
            (SELECT COUNT(*) FROM subcluster_cips) AS cip_links,
            (SELECT COUNT(*) FROM naics_sectors) AS naics_sectors,
            (SELECT COUNT(*) FROM subcluster_naics) AS naics_links,
            (SELECT COUNT(*) FROM cip_socs) AS cip_soc_links,
            (SELECT COUNT(*) FROM occupation_titles WHERE kind = 'alternate') AS alternate_titles,
            (SELECT COUNT(*) FROM occupation_titles WHERE kind = 'reported') AS reported_titles,
            (SELECT COUNT(*) FROM occupation_tasks) AS tasks,
            (SELECT COUNT(*) FROM related_occupations) AS related_occupations,
            (SELECT COUNT(*) FROM job_zones) AS job_zones,
            (SELECT COUNT(*) FROM education_levels) AS education_levels,
            (SELECT COUNT(*) FROM bls_projections) AS bls_projections,
            (SELECT COUNT(*) FROM practices WHERE framework_version = 'cctc-2012') AS career_ready_practices,
            (SELECT COUNT(*) FROM practices) AS practices_all_versions,
            (SELECT COUNT(*) FROM employability_skills) AS employability_skills,
            (SELECT COUNT(*) FROM legacy_clusters) AS legacy_clusters,
            (SELECT COUNT(*) FROM legacy_pathways) AS legacy_pathways,
            (SELECT COUNT(*) FROM legacy_cluster_links) AS legacy_cluster_links,
            (SELECT COUNT(*) FROM legacy_pathway_subclusters) AS legacy_pathway_subclusters,
            (SELECT COUNT(*) FROM legacy_pathway_occupations) AS legacy_pathway_occupations,
            (SELECT COUNT(*) FROM interest_profiler_items) AS interest_profiler_items,
            (SELECT COUNT(*) FROM riasec_keywords) AS riasec_keywords,
            (SELECT COUNT(*) FROM basic_interests) AS basic_interests,
            (SELECT COUNT(*) FROM illustrative_activities) AS illustrative_activities,
            (SELECT COUNT(*) FROM illustrative_occupations) AS illustrative_occupations";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).fetch_one(pool).await)
    }

    pub async fn groupings(&self) -> Result<Vec<GroupingRow>, sqlx::Error> {
        const SQL: &str = "SELECT id, name, membership_verified, note FROM groupings ORDER BY position";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
    }

    pub async fn clusters(&self) -> Result<Vec<ClusterRow>, sqlx::Error> {
        Ok(self.lists().await?.0)
    }

    pub async fn cluster(&self, id: &str) -> Result<Option<ClusterRow>, sqlx::Error> {
        let sql = format!("{CLUSTER_SELECT} WHERE c.id = $1");
        with_pool!(&self.db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
    }

    /// Sub-clusters of one cluster, or of all clusters when `cluster` is `None`.
    pub async fn subclusters(&self, cluster: Option<&str>) -> Result<Vec<SubclusterRow>, sqlx::Error> {
        let mut subclusters = self.lists().await?.1;
        subclusters.retain(|s| cluster.is_none_or(|c| s.cluster_id == c));
        Ok(subclusters)
    }

    pub async fn subcluster(&self, id: &str) -> Result<Option<SubclusterRow>, sqlx::Error> {
        let sql = format!("{SUBCLUSTER_SELECT} WHERE s.id = $1");
        with_pool!(&self.db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
    }

    pub async fn aliases(&self, kind: &str, id: &str) -> Result<Vec<String>, sqlx::Error> {
        const SQL: &str = "SELECT alias FROM catalog_aliases WHERE kind = $1 AND entity_id = $2 ORDER BY alias";
        with_pool!(&self.db, pool => sqlx::query_scalar(SQL).bind(kind).bind(id).fetch_all(pool).await)
    }

    /// The SOC codes of a sub-cluster with their O*NET occupations (several for SOC codes
    /// O*NET details further, none for codes O*NET does not cover).
    pub async fn subcluster_occupations(&self, id: &str) -> Result<Vec<LinkedOccupationRow>, sqlx::Error> {
        let sql = format!(
            "SELECT ss.soc_code, sc.title AS soc_title, o.code, o.title, o.job_zone, o.riasec_code,
                    {EDUCATION_SQL}
             FROM subcluster_socs ss
             JOIN soc_codes sc ON sc.code = ss.soc_code
             LEFT JOIN occupations o ON o.soc_code = ss.soc_code
             {EDUCATION_JOINS}
             WHERE ss.subcluster_id = $1
             ORDER BY COALESCE(o.title, sc.title), o.code"
        );
        with_pool!(&self.db, pool => sqlx::query_as(&sql).bind(id).fetch_all(pool).await)
    }

    pub async fn subcluster_programs(&self, id: &str, page: PageRequest) -> Result<Vec<CipRow>, sqlx::Error> {
        const SQL: &str = "SELECT p.code, p.title, sc.interdisciplinary
             FROM subcluster_cips sc JOIN cip_programs p ON p.code = sc.cip_code
             WHERE sc.subcluster_id = $1 ORDER BY p.title, p.code LIMIT $2 OFFSET $3";
        with_pool!(&self.db, pool => {
            sqlx::query_as(SQL).bind(id).bind(page.per_page).bind(page.offset()).fetch_all(pool).await
        })
    }

    pub async fn subcluster_sectors(&self, id: &str) -> Result<Vec<CodeTitleRow>, sqlx::Error> {
        const SQL: &str = "SELECT n.code, n.title FROM subcluster_naics sn
             JOIN naics_sectors n ON n.code = sn.naics_code WHERE sn.subcluster_id = $1 ORDER BY n.code";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).bind(id).fetch_all(pool).await)
    }

    /// Industry sectors of a cluster, through its sub-clusters.
    pub async fn cluster_sectors(&self, id: &str) -> Result<Vec<CodeTitleRow>, sqlx::Error> {
        const SQL: &str = "SELECT DISTINCT n.code, n.title FROM subcluster_naics sn
             JOIN naics_sectors n ON n.code = sn.naics_code
             JOIN subclusters s ON s.id = sn.subcluster_id
             WHERE s.cluster_id = $1 ORDER BY n.code";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).bind(id).fetch_all(pool).await)
    }

    /// Programs of study (CIP 2020) that prepare for a SOC occupation, by the NCES crosswalk.
    pub async fn occupation_programs(&self, soc_code: &str, limit: i64) -> Result<Vec<CodeTitleRow>, sqlx::Error> {
        const SQL: &str = "SELECT p.code, p.title FROM cip_socs cs JOIN cip_programs p ON p.code = cs.cip_code
             WHERE cs.soc_code = $1 ORDER BY p.title, p.code LIMIT $2";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).bind(soc_code).bind(limit).fetch_all(pool).await)
    }

    pub async fn count_occupation_programs(&self, soc_code: &str) -> Result<i64, sqlx::Error> {
        const SQL: &str = "SELECT COUNT(*) FROM cip_socs WHERE soc_code = $1";
        with_pool!(&self.db, pool => sqlx::query_scalar(SQL).bind(soc_code).fetch_one(pool).await)
    }

    pub async fn count_occupations(&self, filter: &OccupationFilter) -> Result<i64, sqlx::Error> {
        let sql = format!("SELECT COUNT(*) FROM occupations o WHERE {OCCUPATION_FILTER_SQL}");
        let pattern = filter.text.as_deref().map(|t| TitleSearch::new(t).contains);
        with_pool!(&self.db, pool => {
            sqlx::query_scalar(&sql)
                .bind(&pattern).bind(&filter.cluster).bind(&filter.subcluster).bind(filter.job_zone).bind(&filter.interest)
                .fetch_one(pool).await
        })
    }

    /// Occupations matching `filter`: whole-title matches first, then whole words, word
    /// starts, any part of the title, and last those found only by another title.
    pub async fn occupations(
        &self,
        filter: &OccupationFilter,
        page: PageRequest,
    ) -> Result<Vec<OccupationSummaryRow>, sqlx::Error> {
        let sql = format!(
            r"SELECT o.code, o.title, o.job_zone, o.riasec_code, {EDUCATION_SQL},
                (SELECT t.title FROM occupation_titles t
                 WHERE CAST($1 AS TEXT) IS NOT NULL AND t.occupation_code = o.code
                   AND lower(t.title) LIKE $1 ESCAPE '\'
                 ORDER BY length(t.title), t.title LIMIT 1) AS matched_title
             FROM occupations o {EDUCATION_JOINS}
             WHERE {OCCUPATION_FILTER_SQL}
             ORDER BY CASE
                        WHEN CAST($1 AS TEXT) IS NULL THEN 0
                        WHEN lower(o.title) = $8 OR lower(o.title) = $8 || 's' THEN 0
                        WHEN {TITLE_WORDS_SQL} LIKE $9 ESCAPE '\' OR {TITLE_WORDS_SQL} LIKE $10 ESCAPE '\' THEN 1
                        WHEN {TITLE_WORDS_SQL} LIKE $11 ESCAPE '\' THEN 2
                        WHEN lower(o.title) LIKE $1 ESCAPE '\' THEN 3
                        ELSE 4
                      END,
                      CASE WHEN CAST($1 AS TEXT) IS NULL THEN 0 ELSE length(o.title) END,
                      o.title, o.code
             LIMIT $6 OFFSET $7"
        );
        let search = filter.text.as_deref().map(TitleSearch::new);
        let part = |f: fn(&TitleSearch) -> &String| search.as_ref().map(|s| f(s).clone()).unwrap_or_default();
        with_pool!(&self.db, pool => {
            sqlx::query_as(&sql)
                .bind(search.as_ref().map(|s| s.contains.clone())).bind(&filter.cluster).bind(&filter.subcluster)
                .bind(filter.job_zone).bind(&filter.interest)
                .bind(page.per_page).bind(page.offset())
                .bind(part(|s| &s.exact)).bind(part(|s| &s.word)).bind(part(|s| &s.word_plural)).bind(part(|s| &s.word_start))
                .fetch_all(pool).await
        })
    }

    pub async fn occupation(&self, code: &str) -> Result<Option<OccupationRow>, sqlx::Error> {
        let sql = format!(
            "SELECT o.code, o.soc_code, o.title, o.description, o.job_zone, o.riasec_code, o.realistic,
                    o.investigative, o.artistic, o.social, o.enterprising, o.conventional,
                    {EDUCATION_SQL}, o.education_percent
             FROM occupations o {EDUCATION_JOINS} WHERE o.code = $1"
        );
        with_pool!(&self.db, pool => sqlx::query_as(&sql).bind(code).fetch_optional(pool).await)
    }

    /// Task statements, core tasks first, in O*NET's order.
    pub async fn tasks(&self, code: &str, limit: i64) -> Result<Vec<TaskRow>, sqlx::Error> {
        const SQL: &str = "SELECT task_id, task, task_type FROM occupation_tasks WHERE occupation_code = $1
             ORDER BY CASE task_type WHEN 'Core' THEN 0 WHEN 'Supplemental' THEN 1 ELSE 2 END, position
             LIMIT $2";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).bind(code).bind(limit).fetch_all(pool).await)
    }

    pub async fn count_tasks(&self, code: &str) -> Result<i64, sqlx::Error> {
        const SQL: &str = "SELECT COUNT(*) FROM occupation_tasks WHERE occupation_code = $1";
        with_pool!(&self.db, pool => sqlx::query_scalar(SQL).bind(code).fetch_one(pool).await)
    }

    /// Titles people use: reported titles shown on My Next Move first, then other reported
    /// titles, then alternate titles.
    pub async fn titles(&self, code: &str, limit: i64) -> Result<Vec<TitleRow>, sqlx::Error> {
        const SQL: &str = "SELECT title, kind, shown_in_my_next_move FROM occupation_titles
             WHERE occupation_code = $1
             ORDER BY CASE WHEN shown_in_my_next_move THEN 0 WHEN kind = 'reported' THEN 1 ELSE 2 END, position
             LIMIT $2";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).bind(code).bind(limit).fetch_all(pool).await)
    }

    pub async fn related(&self, code: &str, limit: i64) -> Result<Vec<RelatedRow>, sqlx::Error> {
        const SQL: &str = "SELECT o.code, o.title, r.tier FROM related_occupations r
             JOIN occupations o ON o.code = r.related_code
             WHERE r.occupation_code = $1 ORDER BY r.rank LIMIT $2";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).bind(code).bind(limit).fetch_all(pool).await)
    }

    pub async fn memberships(&self, soc_code: &str) -> Result<Vec<MembershipRow>, sqlx::Error> {
        const SQL: &str = "SELECT c.id AS cluster_id, c.name AS cluster_name, s.id AS subcluster_id,
                    s.name AS subcluster_name, s.verified AS subcluster_verified
             FROM subcluster_socs ss JOIN subclusters s ON s.id = ss.subcluster_id
             JOIN clusters c ON c.id = s.cluster_id
             WHERE ss.soc_code = $1 ORDER BY c.position, s.position";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).bind(soc_code).fetch_all(pool).await)
    }

    pub async fn job_zones(&self) -> Result<Vec<JobZoneRow>, sqlx::Error> {
        const SQL: &str = "SELECT zone, name, experience, education, job_training, examples, svp_range
             FROM job_zones ORDER BY zone";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
    }

    pub async fn projection(&self, soc_code: &str) -> Result<Option<ProjectionRow>, sqlx::Error> {
        const SQL: &str = "SELECT soc_code, title, employment_2024, employment_2034, change_percent,
                    annual_openings_thousands, median_wage, median_wage_is_floor, typical_education,
                    work_experience, typical_training
             FROM bls_projections WHERE soc_code = $1";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).bind(soc_code).fetch_optional(pool).await)
    }

    pub async fn practices(&self) -> Result<Vec<PracticeRow>, sqlx::Error> {
        const SQL: &str = "SELECT id, framework_version, code, number, statement, verified, source
             FROM practices ORDER BY position";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
    }

    pub async fn employability_skills(&self) -> Result<Vec<SkillRow>, sqlx::Error> {
        const SQL: &str =
            "SELECT category, skill, sub_skill, sub_skill_verified FROM employability_skills ORDER BY position";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
    }

    pub async fn legacy_clusters(&self) -> Result<Vec<LegacyClusterRow>, sqlx::Error> {
        const SQL: &str = "SELECT id, name, alias FROM legacy_clusters ORDER BY position";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
    }

    pub async fn legacy_links(&self) -> Result<Vec<LegacyLinkRow>, sqlx::Error> {
        const SQL: &str = "SELECT legacy_cluster_id, modern_cluster_id, relationship, basis, verified
             FROM legacy_cluster_links ORDER BY legacy_cluster_id, position";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
    }

    pub async fn legacy_pathways(&self) -> Result<Vec<LegacyPathwayRow>, sqlx::Error> {
        const SQL: &str = "SELECT id, legacy_cluster_id, name, verified FROM legacy_pathways ORDER BY position";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
    }

    /// Derived pathway → sub-cluster links, strongest first within each pathway.
    pub async fn legacy_pathway_subclusters(&self) -> Result<Vec<LegacyPathwaySubclusterRow>, sqlx::Error> {
        const SQL: &str = "SELECT l.legacy_pathway_id, l.subcluster_id, s.cluster_id, s.name AS subcluster_name,
                    l.shared_soc_count, l.found_soc_count, l.share_of_found
             FROM legacy_pathway_subclusters l JOIN subclusters s ON s.id = l.subcluster_id
             ORDER BY l.legacy_pathway_id, l.share_of_found DESC, l.shared_soc_count DESC, s.name";
        with_pool!(&self.db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
    }

    /// Writes `source` in one transaction: entity rows are updated in place, link rows are
    /// replaced, and rows gone from the data are removed. Skipped when the database already
    /// holds data with the same fingerprint, unless `force`.
    pub async fn load(
        &self,
        source: &CatalogSource,
        force: bool,
        progress: &dyn Progress,
    ) -> Result<LoadOutcome, sqlx::Error> {
        let total: usize = source.tables.iter().map(|t| t.rows.len()).sum();
        with_pool!(&self.db, pool => {
            let mut tx = pool.begin().await?;
            let current: Option<String> =
                sqlx::query_scalar("SELECT value FROM catalog_meta WHERE key = 'fingerprint'")
                    .fetch_optional(&mut *tx)
                    .await?;
            if !force && current.as_deref() == Some(source.fingerprint.as_str()) {
                return Ok(LoadOutcome::Unchanged);
            }
            progress.begin("writing catalog", total as u64);
            for table in source.tables.iter().filter(|t| t.spec.refresh == Refresh::Upsert) {
                let spec = table.spec;
                BulkInsert::insert_rows(&mut *tx, spec.name, spec.columns, &table.rows, &upsert_clause(spec), &mut |n| progress.advance(n as u64)).await?;
            }
            for spec in ALL_TABLES.iter().rev().filter(|s| s.refresh == Refresh::Replace) {
                sqlx::query(&format!("DELETE FROM {}", spec.name)).execute(&mut *tx).await?;
            }
            for table in source.tables.iter().filter(|t| t.spec.refresh == Refresh::Replace) {
                let spec = table.spec;
                BulkInsert::insert_rows(&mut *tx, spec.name, spec.columns, &table.rows, "", &mut |n| progress.advance(n as u64)).await?;
            }
            for spec in ALL_TABLES.iter().rev().filter(|s| s.refresh == Refresh::Upsert) {
                let key = spec.key()[0];
                let existing: Vec<String> =
                    sqlx::query_scalar(&format!("SELECT CAST({key} AS TEXT) FROM {}", spec.name))
                        .fetch_all(&mut *tx)
                        .await?;
                let wanted: std::collections::HashSet<String> =
                    source.rows_of(spec).iter().map(|row| row[0].key_text()).collect();
                for stale in existing.iter().filter(|k| !wanted.contains(*k)) {
                    sqlx::query(&format!("DELETE FROM {} WHERE CAST({key} AS TEXT) = $1", spec.name))
                        .bind(stale)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            let loaded_at = time::OffsetDateTime::now_utc()
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default();
            let framework = &source.framework;
            for (key, value) in [
                ("fingerprint", source.fingerprint.as_str()),
                ("loaded_at", loaded_at.as_str()),
                ("framework", framework.framework.as_str()),
                ("steward", framework.steward.as_str()),
                ("released", framework.released.as_str()),
                ("data_version", framework.data_version.as_str()),
            ] {
                sqlx::query(
                    "INSERT INTO catalog_meta (key, value) VALUES ($1, $2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                )
                .bind(key)
                .bind(value)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            *self.lists.lock().expect("lists") = None;
            progress.finish();
            Ok(LoadOutcome::Loaded { rows: total })
        })
    }
}

fn upsert_clause(spec: &TableSpec) -> String {
    let updates: Vec<String> = spec.columns[spec.key_len..].iter().map(|c| format!("{c} = excluded.{c}")).collect();
    format!(" ON CONFLICT ({}) DO UPDATE SET {}", spec.key().join(", "), updates.join(", "))
}

const CLUSTER_SELECT: &str = "SELECT c.id, c.grouping_id, c.name, c.cross_cutting, c.description, c.description_basis,
        c.naics_2digit, c.onet_cluster_code, c.onet_cluster_code_verified,
        (SELECT COUNT(*) FROM subclusters s WHERE s.cluster_id = c.id) AS subcluster_count,
        (SELECT COUNT(DISTINCT o.code) FROM occupations o
         JOIN subcluster_socs ss ON ss.soc_code = o.soc_code
         JOIN subclusters s ON s.id = ss.subcluster_id
         WHERE s.cluster_id = c.id) AS occupation_count
     FROM clusters c JOIN groupings g ON g.id = c.grouping_id";

const SUBCLUSTER_SELECT: &str = "SELECT s.id, s.cluster_id, s.name, s.description, s.description_source,
        s.example_programs, s.verified, s.verification,
        (SELECT COUNT(*) FROM subcluster_socs ss WHERE ss.subcluster_id = s.id) AS soc_count,
        (SELECT COUNT(*) FROM subcluster_cips sc WHERE sc.subcluster_id = s.id) AS cip_count,
        (SELECT COUNT(*) FROM occupations o JOIN subcluster_socs ss ON ss.soc_code = o.soc_code
         WHERE ss.subcluster_id = s.id) AS occupation_count
     FROM subclusters s JOIN clusters c ON c.id = s.cluster_id JOIN groupings g ON g.id = c.grouping_id";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_search_singularizes_and_escapes() {
        let search = TitleSearch::new("  Nurses ");
        assert_eq!(search.exact, "nurse");
        assert_eq!((search.word.as_str(), search.word_plural.as_str()), ("% nurse %", "% nurses %"));
        assert_eq!(TitleSearch::new("bus").exact, "bus");
        assert_eq!(TitleSearch::new("glass").exact, "glass");
        assert_eq!(TitleSearch::new("50%_off").contains, "%50\\%\\_off%");
    }
}
