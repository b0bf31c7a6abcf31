//! Curriculum alignment: what the district offers in each cluster and sub-cluster, school by
//! school — courses aligned to it, programs of study, lessons tagged with it, partners and
//! their open opportunities — beside how many students chose it; and the alignment of one
//! course to a CIP 2020 program and sub-clusters, suggested from the CIP crosswalk and
//! confirmed by an administrator.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use time::{Date, OffsetDateTime};

use crate::catalog::model::{ClusterRow, SubclusterRow};
use crate::db::Db;
use crate::ids::{CourseId, DistrictId, SchoolId, UserId};
use crate::with_pool;

/// What the district offers in one cluster or sub-cluster, and the students who chose it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Offer {
    pub courses: i64,
    pub programs: i64,
    pub lessons: i64,
    pub partners: i64,
    pub opportunities: i64,
    pub seats: i64,
    pub interested: i64,
}

/// The measures a school has of its own (partners and opportunities are the district's).
pub const SCHOOL_MEASURES: [&str; 3] = ["courses", "lessons", "interested"];

/// One row of the coverage matrix: a cluster, or a sub-cluster under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    pub id: String,
    pub cluster_id: String,
    pub is_cluster: bool,
    pub name: String,
    pub offer: Offer,
    /// Courses, lessons and students interested at each school, in the order of the schools.
    pub by_school: Vec<[i64; 3]>,
}

/// The coverage matrix: clusters, each followed by its sub-clusters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub schools: Vec<(SchoolId, String)>,
    pub rows: Vec<CoverageRow>,
}

/// Facts the matrix is counted from: each pairs a thing (course, lesson, student) with the
/// sub-cluster or cluster it belongs to and the school it is at.
#[derive(Default)]
pub struct Facts {
    /// (course, sub-cluster, school)
    courses: Vec<(CourseId, String, Option<SchoolId>)>,
    /// (lesson, kind, ref, school)
    lessons: Vec<(uuid::Uuid, String, String, Option<SchoolId>)>,
    /// (sub-cluster or cluster id, is a cluster, school, students)
    interested: Vec<(String, bool, Option<SchoolId>, i64)>,
    programs: Vec<(String, i64)>,
    partners: Vec<(String, i64)>,
    /// (sub-cluster, opportunities, seats)
    opportunities: Vec<(String, i64, i64)>,
}

pub async fn facts(db: &Db, district: DistrictId, today: Date) -> Result<Facts, sqlx::Error> {
    const COURSES: &str = "SELECT c.id, cs.subcluster_id, c.school_id FROM courses c
         JOIN course_subclusters cs ON cs.course_id = c.id WHERE c.district_id = $1";
    const LESSONS: &str =
        "SELECT l.id, t.kind, t.ref, l.school_id FROM lessons l JOIN lesson_tags t ON t.lesson_id = l.id
         WHERE l.district_id = $1 AND l.deleted_at IS NULL AND t.kind IN ('cluster', 'subcluster')";
    // Students who chose a sub-cluster, directly or through an occupation in it; and (as
    // clusters) those who chose a cluster or anything in it. Each student once per row.
    const INTERESTED: &str = "WITH chosen AS (
            SELECT i.student_id, s.id AS subcluster_id, s.cluster_id FROM plan_interests i
                JOIN subclusters s ON s.id = i.ref WHERE i.kind = 'subcluster'
            UNION SELECT i.student_id, s.id, s.cluster_id FROM plan_interests i
                JOIN occupations o ON o.code = i.ref JOIN subcluster_socs ss ON ss.soc_code = o.soc_code
                JOIN subclusters s ON s.id = ss.subcluster_id WHERE i.kind = 'occupation'
            UNION SELECT i.student_id, NULL, i.ref FROM plan_interests i WHERE i.kind = 'cluster'),
        students AS (SELECT id, school_id FROM users WHERE district_id = $1 AND role = 'student' AND active)
        SELECT c.subcluster_id AS id, FALSE AS is_cluster, st.school_id, COUNT(DISTINCT c.student_id) AS students
            FROM chosen c JOIN students st ON st.id = c.student_id WHERE c.subcluster_id IS NOT NULL
            GROUP BY c.subcluster_id, st.school_id
        UNION ALL
        SELECT c.cluster_id, TRUE, st.school_id, COUNT(DISTINCT c.student_id)
            FROM chosen c JOIN students st ON st.id = c.student_id GROUP BY c.cluster_id, st.school_id";
    const PROGRAMS: &str =
        "SELECT subcluster_id, COUNT(*) FROM programs_of_study WHERE district_id = $1 GROUP BY subcluster_id";
    const PARTNERS: &str = "SELECT ps.subcluster_id, COUNT(*) FROM partner_subclusters ps
         JOIN district_partners dp ON dp.organization_id = ps.organization_id
         WHERE dp.district_id = $1 AND dp.active GROUP BY ps.subcluster_id";
    const OPPORTUNITIES: &str = "SELECT o.subcluster_id, COUNT(*), CAST(SUM(o.capacity) AS BIGINT) FROM opportunities o
         JOIN district_partners dp ON dp.organization_id = o.organization_id
         WHERE dp.district_id = $1 AND dp.active AND o.status = 'open' AND o.ends_on >= $2 GROUP BY o.subcluster_id";
    with_pool!(db, pool => {
        Ok(Facts {
            courses: sqlx::query_as(COURSES).bind(district).fetch_all(pool).await?,
            lessons: sqlx::query_as(LESSONS).bind(district).fetch_all(pool).await?,
            interested: sqlx::query_as(INTERESTED).bind(district).fetch_all(pool).await?,
            programs: sqlx::query_as(PROGRAMS).bind(district).fetch_all(pool).await?,
            partners: sqlx::query_as(PARTNERS).bind(district).fetch_all(pool).await?,
            opportunities: sqlx::query_as(OPPORTUNITIES).bind(district).bind(today).fetch_all(pool).await?,
        })
    })
}

/// Distinct things per row key and school: counts a course tagged twice in one cluster once.
struct Tally<T: Ord>(BTreeMap<(String, Option<SchoolId>), BTreeSet<T>>);

impl<T: Ord> Default for Tally<T> {
    fn default() -> Self {
        Self(BTreeMap::new())
    }
}

impl<T: Ord> Tally<T> {
    fn add(&mut self, key: &str, school: Option<SchoolId>, item: T) {
        self.0.entry((key.to_string(), school)).or_default().insert(item);
    }
}

impl<T: Ord + Clone> Tally<T> {
    /// Distinct things of `key` at `school`, or (`None`) anywhere; things of no school
    /// (district-wide courses) count at every school.
    fn count(&self, key: &str, school: Option<Option<SchoolId>>) -> i64 {
        let mut all: BTreeSet<&T> = BTreeSet::new();
        for ((k, s), items) in self.0.range((key.to_string(), None)..) {
            if k != key {
                break;
            }
            if school.is_none_or(|wanted| s.is_none() || *s == wanted) {
                all.extend(items);
            }
        }
        all.len() as i64
    }
}

/// Counts the matrix: for the whole district when `school` is `None`, else for one school
/// (partners and opportunities stay the district's).
pub fn coverage(
    facts: &Facts,
    school: Option<SchoolId>,
    schools: Vec<(SchoolId, String)>,
    (clusters, subclusters): (&[ClusterRow], &[SubclusterRow]),
    names: impl Fn(bool, &str, &str) -> String,
) -> Coverage {
    let cluster_of: HashMap<&str, &str> = subclusters.iter().map(|s| (s.id.as_str(), s.cluster_id.as_str())).collect();
    let mut courses: Tally<CourseId> = Tally::default();
    for (course, subcluster, at) in &facts.courses {
        courses.add(subcluster, *at, *course);
        if let Some(cluster) = cluster_of.get(subcluster.as_str()) {
            courses.add(cluster, *at, *course);
        }
    }
    let mut lessons: Tally<uuid::Uuid> = Tally::default();
    for (lesson, kind, reference, at) in &facts.lessons {
        lessons.add(reference, *at, *lesson);
        if kind == "subcluster"
            && let Some(cluster) = cluster_of.get(reference.as_str())
        {
            lessons.add(cluster, *at, *lesson);
        }
    }
    let interested = |key: &str, is_cluster: bool, at: Option<Option<SchoolId>>| -> i64 {
        facts
            .interested
            .iter()
            .filter(|(k, c, s, _)| k == key && *c == is_cluster && at.is_none_or(|wanted| *s == wanted))
            .map(|(_, _, _, n)| n)
            .sum()
    };
    let by_subcluster = |list: &[(String, i64)], key: &str| list.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n);
    let of_cluster = |list: &[(String, i64)], cluster: &str| -> i64 {
        list.iter().filter(|(k, _)| cluster_of.get(k.as_str()) == Some(&cluster)).map(|(_, n)| n).sum()
    };
    let opportunities: Vec<(String, i64)> = facts.opportunities.iter().map(|(k, n, _)| (k.clone(), *n)).collect();
    let seats: Vec<(String, i64)> = facts.opportunities.iter().map(|(k, _, s)| (k.clone(), *s)).collect();
    let scope = school.map(Some);
    let row = |id: &str, cluster_id: &str, is_cluster: bool, name: String| {
        let district_wide = |list: &[(String, i64)]| {
            if is_cluster { of_cluster(list, id) } else { by_subcluster(list, id) }
        };
        CoverageRow {
            id: id.to_string(),
            cluster_id: cluster_id.to_string(),
            is_cluster,
            name,
            offer: Offer {
                courses: courses.count(id, scope),
                programs: district_wide(&facts.programs),
                lessons: lessons.count(id, scope),
                partners: district_wide(&facts.partners),
                opportunities: district_wide(&opportunities),
                seats: district_wide(&seats),
                interested: interested(id, is_cluster, scope),
            },
            by_school: schools
                .iter()
                .map(|(s, _)| {
                    let at = Some(Some(*s));
                    [courses.count(id, at), lessons.count(id, at), interested(id, is_cluster, at)]
                })
                .collect(),
        }
    };
    let mut rows = Vec::new();
    for cluster in clusters {
        rows.push(row(&cluster.id, &cluster.id, true, names(true, &cluster.id, &cluster.name)));
        for sub in subclusters.iter().filter(|s| s.cluster_id == cluster.id) {
            rows.push(row(&sub.id, &cluster.id, false, names(false, &sub.id, &sub.name)));
        }
    }
    Coverage { schools, rows }
}

/// A course as the alignment list shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AlignedCourse {
    pub id: CourseId,
    pub title: String,
    pub code: Option<String>,
    pub subject: Option<String>,
    pub school_id: Option<SchoolId>,
    pub cip_code: Option<String>,
    pub cip_title: Option<String>,
    pub aligned_at: Option<OffsetDateTime>,
}

const COURSE_SELECT: &str = "SELECT c.id, c.title, c.code, c.subject, c.school_id, c.cip_code, p.title AS cip_title,
        c.aligned_at
    FROM courses c LEFT JOIN cip_programs p ON p.code = c.cip_code";

/// The district's courses (of one school and the district-wide ones when `school` is
/// given), aligned ones first, then by title.
pub async fn courses(
    db: &Db,
    district: DistrictId,
    school: Option<SchoolId>,
) -> Result<Vec<AlignedCourse>, sqlx::Error> {
    let sql = format!(
        "{COURSE_SELECT} WHERE c.district_id = $1 AND ($2 IS NULL OR c.school_id IS NULL OR c.school_id = $2)
         ORDER BY c.cip_code IS NULL, c.title, c.id"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(district).bind(school).fetch_all(pool).await)
}

/// One course of the district.
pub async fn course(db: &Db, district: DistrictId, id: CourseId) -> Result<Option<AlignedCourse>, sqlx::Error> {
    let sql = format!("{COURSE_SELECT} WHERE c.district_id = $1 AND c.id = $2");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(district).bind(id).fetch_optional(pool).await)
}

/// The sub-clusters each course of the district is aligned to.
pub async fn course_subclusters(db: &Db, district: DistrictId) -> Result<HashMap<CourseId, Vec<String>>, sqlx::Error> {
    const SQL: &str = "SELECT cs.course_id, cs.subcluster_id FROM course_subclusters cs
         JOIN courses c ON c.id = cs.course_id WHERE c.district_id = $1 ORDER BY cs.subcluster_id";
    let pairs: Vec<(CourseId, String)> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(district).fetch_all(pool).await)?;
    let mut map: HashMap<CourseId, Vec<String>> = HashMap::new();
    for (course, subcluster) in pairs {
        map.entry(course).or_default().push(subcluster);
    }
    Ok(map)
}

/// The sub-clusters one course is aligned to.
pub async fn subclusters_of_course(db: &Db, course: CourseId) -> Result<Vec<String>, sqlx::Error> {
    const SQL: &str = "SELECT subcluster_id FROM course_subclusters WHERE course_id = $1 ORDER BY subcluster_id";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(course).fetch_all(pool).await)
}

/// The sub-clusters the CIP crosswalk links to a program, programs of the field first.
pub async fn subclusters_of_cip(db: &Db, cip: &str) -> Result<Vec<String>, sqlx::Error> {
    const SQL: &str =
        "SELECT subcluster_id FROM subcluster_cips WHERE cip_code = $1 ORDER BY interdisciplinary, subcluster_id";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(cip).fetch_all(pool).await)
}

/// The title of a CIP 2020 program, `None` when there is no such program (the crosswalk's
/// "99.9999 NO MATCH" placeholder is none).
pub async fn cip_title(db: &Db, cip: &str) -> Result<Option<String>, sqlx::Error> {
    with_pool!(db, pool => {
        sqlx::query_scalar("SELECT title FROM cip_programs WHERE code = $1 AND code <> '99.9999'")
            .bind(cip).fetch_optional(pool).await
    })
}

/// Words too common in course and program titles to tell programs apart.
const STOP_WORDS: [&str; 16] = [
    "and",
    "of",
    "the",
    "in",
    "for",
    "general",
    "other",
    "i",
    "ii",
    "iii",
    "iv",
    "ap",
    "honors",
    "intro",
    "introduction",
    "to",
];

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 1 && !STOP_WORDS.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

/// CIP programs whose titles share the most words with the course's title and subject
/// (plural and singular alike), at most `limit`, best first: (code, title).
pub async fn suggest_cips(db: &Db, course: &AlignedCourse, limit: usize) -> Result<Vec<(String, String)>, sqlx::Error> {
    let wanted = words(&format!("{} {}", course.title, course.subject.as_deref().unwrap_or_default()));
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let programs: Vec<(String, String)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT code, title FROM cip_programs WHERE code IN (SELECT cip_code FROM subcluster_cips)")
            .fetch_all(pool).await
    })?;
    let mut scored: Vec<(usize, usize, String, String)> = programs
        .into_iter()
        .filter_map(|(code, title)| {
            let theirs = words(&title);
            let shared = wanted.intersection(&theirs).count();
            (shared > 0).then_some((shared, theirs.len(), code, title))
        })
        .collect();
    // Most shared words, then the shortest (least specific) title, then the code.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    Ok(scored.into_iter().take(limit).map(|(_, _, code, title)| (code, title)).collect())
}

/// Confirms a course's alignment: its CIP program (or none) and the sub-clusters it prepares
/// for, replacing what was there, in one transaction.
pub async fn align_course(
    db: &Db,
    course: CourseId,
    (cip, subclusters): (Option<&str>, &[String]),
    by: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE courses SET cip_code = $1, aligned_by = $2, aligned_at = $3 WHERE id = $4")
            .bind(cip).bind(by).bind(now).bind(course).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM course_subclusters WHERE course_id = $1").bind(course).execute(&mut *tx).await?;
        for subcluster in subclusters {
            sqlx::query("INSERT INTO course_subclusters (course_id, subcluster_id) VALUES ($1, $2)")
                .bind(course).bind(subcluster).execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_words_ignore_levels_plurals_and_filler() {
        let got: Vec<String> = words("Health Sciences II (Honors), 10").into_iter().collect();
        assert_eq!(got, ["health", "science"]);
    }

    #[test]
    fn district_wide_courses_count_at_every_school() {
        let (a, b) = (SchoolId::from(uuid::Uuid::from_u128(1)), SchoolId::from(uuid::Uuid::from_u128(2)));
        let mut tally: Tally<u8> = Tally::default();
        tally.add("web-cloud", Some(a), 1);
        tally.add("web-cloud", Some(a), 1);
        tally.add("web-cloud", None, 2);
        tally.add("web-cloud", Some(b), 3);
        tally.add("web-cloud-x", Some(a), 4);
        assert_eq!(tally.count("web-cloud", None), 3);
        assert_eq!(tally.count("web-cloud", Some(Some(a))), 2);
        assert_eq!(tally.count("web-cloud", Some(Some(b))), 2);
    }
}
