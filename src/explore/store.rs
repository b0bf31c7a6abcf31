//! SQL for Explore: reading the catalog into memory for the index, and keeping profiler
//! results.

use sqlx::FromRow;

use crate::db::Db;
use crate::with_pool;

#[derive(Clone, Debug, FromRow)]
pub struct OccupationRecord {
    pub code: String,
    pub soc_code: String,
    pub title: String,
    pub description: String,
    pub job_zone: Option<i64>,
    pub realistic: Option<f64>,
    pub investigative: Option<f64>,
    pub artistic: Option<f64>,
    pub social: Option<f64>,
    pub enterprising: Option<f64>,
    pub conventional: Option<f64>,
}

impl OccupationRecord {
    pub fn interests(&self) -> Option<[f32; 6]> {
        Some([
            self.realistic? as f32,
            self.investigative? as f32,
            self.artistic? as f32,
            self.social? as f32,
            self.enterprising? as f32,
            self.conventional? as f32,
        ])
    }
}

/// Everything the in-memory index is built from.
#[derive(Default)]
pub struct Corpus {
    pub occupations: Vec<OccupationRecord>,
    /// (occupation code, title) for alternate and reported titles.
    pub titles: Vec<(String, String)>,
    /// (occupation code, task statement).
    pub tasks: Vec<(String, String)>,
    /// (id, cluster id, name).
    pub subclusters: Vec<(String, String, String)>,
    /// (id, name).
    pub clusters: Vec<(String, String)>,
    /// (sub-cluster id, SOC code).
    pub subcluster_socs: Vec<(String, String)>,
    /// (interest, interest type, activity).
    pub activities: Vec<(String, String, String)>,
    /// (basic interest name, RIASEC letter).
    pub basic_interest_areas: Vec<(String, String)>,
    /// (interest, occupation code).
    pub illustrative_occupations: Vec<(String, String)>,
    /// (RIASEC letter, keyword).
    pub keywords: Vec<(String, String)>,
    /// (RIASEC letter, statement) of the Interest Profiler items.
    pub profiler_items: Vec<(String, String)>,
}

pub async fn load_corpus(db: &Db) -> Result<Corpus, sqlx::Error> {
    with_pool!(db, pool => {
        Ok(Corpus {
            occupations: sqlx::query_as(
                "SELECT code, soc_code, title, description, job_zone, realistic, investigative, artistic, social,
                        enterprising, conventional FROM occupations ORDER BY code",
            )
            .fetch_all(pool)
            .await?,
            titles: sqlx::query_as("SELECT occupation_code, title FROM occupation_titles ORDER BY occupation_code, kind, position")
                .fetch_all(pool)
                .await?,
            tasks: sqlx::query_as("SELECT occupation_code, task FROM occupation_tasks ORDER BY occupation_code, position")
                .fetch_all(pool)
                .await?,
            subclusters: sqlx::query_as("SELECT s.id, s.cluster_id, s.name FROM subclusters s JOIN clusters c ON c.id = s.cluster_id ORDER BY c.position, s.position")
                .fetch_all(pool)
                .await?,
            clusters: sqlx::query_as("SELECT c.id, c.name FROM clusters c JOIN groupings g ON g.id = c.grouping_id ORDER BY g.position, c.position")
                .fetch_all(pool)
                .await?,
            subcluster_socs: sqlx::query_as("SELECT subcluster_id, soc_code FROM subcluster_socs ORDER BY subcluster_id, soc_code")
                .fetch_all(pool)
                .await?,
            activities: sqlx::query_as("SELECT interest, interest_type, activity FROM illustrative_activities ORDER BY position")
                .fetch_all(pool)
                .await?,
            basic_interest_areas: sqlx::query_as(
                "SELECT b.name, a.area_code FROM basic_interest_areas a JOIN basic_interests b ON b.id = a.basic_interest_id
                 ORDER BY b.id, a.area_code",
            )
            .fetch_all(pool)
            .await?,
            illustrative_occupations: sqlx::query_as("SELECT interest, occupation_code FROM illustrative_occupations ORDER BY interest, occupation_code")
                .fetch_all(pool)
                .await?,
            keywords: sqlx::query_as("SELECT area_code, keyword FROM riasec_keywords ORDER BY area_code, keyword")
                .fetch_all(pool)
                .await?,
            profiler_items: sqlx::query_as("SELECT area_code, statement FROM interest_profiler_items ORDER BY item_no")
                .fetch_all(pool)
                .await?,
        })
    })
}

/// Reported titles (job titles incumbents gave O*NET), for the leave-one-out evaluation.
pub async fn reported_titles(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    const SQL: &str = "SELECT occupation_code, title FROM occupation_titles WHERE kind = 'reported' ORDER BY occupation_code, position";
    with_pool!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
}

pub async fn profiler_items(db: &Db) -> Result<Vec<super::profiler::Item>, sqlx::Error> {
    const SQL: &str = "SELECT item_no, area_code, statement FROM interest_profiler_items ORDER BY item_no";
    with_pool!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
}

/// A saved Interest Profiler result.
#[derive(Clone, Debug, FromRow)]
pub struct ProfilerResultRow {
    pub id: uuid::Uuid,
    pub created_at: time::OffsetDateTime,
    pub realistic: i64,
    pub investigative: i64,
    pub artistic: i64,
    pub social: i64,
    pub enterprising: i64,
    pub conventional: i64,
    pub code: String,
    pub job_zone: Option<i64>,
}

impl ProfilerResultRow {
    pub fn scores(&self) -> super::profiler::AreaScores {
        let clamp = |v: i64| v.clamp(0, 40) as u8;
        super::profiler::AreaScores([
            clamp(self.realistic),
            clamp(self.investigative),
            clamp(self.artistic),
            clamp(self.social),
            clamp(self.enterprising),
            clamp(self.conventional),
        ])
    }
}

/// Keeps a result in the session's history.
pub async fn save_profiler_result(
    db: &Db,
    session_id: &str,
    answers: &[u8],
    scores: &super::profiler::AreaScores,
    job_zone: Option<i64>,
) -> Result<uuid::Uuid, sqlx::Error> {
    const SQL: &str = "INSERT INTO profiler_results (id, session_id, created_at, answers, realistic, investigative,
             artistic, social, enterprising, conventional, code, job_zone)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
    let id = uuid::Uuid::new_v4();
    let answers: String = answers.iter().map(|a| char::from(b'0' + a)).collect();
    let [r, i, a, s, e, c] = scores.0.map(i64::from);
    with_pool!(db, pool => {
        sqlx::query(SQL)
            .bind(id).bind(session_id).bind(time::OffsetDateTime::now_utc()).bind(&answers)
            .bind(r).bind(i).bind(a).bind(s).bind(e).bind(c).bind(scores.code()).bind(job_zone)
            .execute(pool).await.map(|_| ())
    })?;
    Ok(id)
}

const RESULT_COLUMNS: &str =
    "id, created_at, realistic, investigative, artistic, social, enterprising, conventional, code, job_zone";

/// One result of this session.
pub async fn profiler_result(
    db: &Db,
    session_id: &str,
    id: uuid::Uuid,
) -> Result<Option<ProfilerResultRow>, sqlx::Error> {
    let sql = format!("SELECT {RESULT_COLUMNS} FROM profiler_results WHERE id = $1 AND session_id = $2");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(id).bind(session_id).fetch_optional(pool).await)
}

/// Every result of this session, newest first.
pub async fn profiler_history(db: &Db, session_id: &str) -> Result<Vec<ProfilerResultRow>, sqlx::Error> {
    let sql = format!("SELECT {RESULT_COLUMNS} FROM profiler_results WHERE session_id = $1 ORDER BY created_at DESC");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(session_id).fetch_all(pool).await)
}
