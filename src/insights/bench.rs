//! The equity report as a benchmark: how long the district report takes straight from the
//! database (loading students and stages, grouping along every dimension, suppressing), and
//! the same data written as CSV files so another engine can compute the same aggregates from
//! them; the unsuppressed counts are written too, for comparing the answers.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use time::Date;

use super::equity::{self, Dimension, Funnel};
use super::store::{self, Scope};
use crate::db::Db;
use crate::ids::{CourseId, DistrictId, OpportunityId, SchoolId, UserId};
use crate::partners::exports::SchoolYear;
use crate::with_pool;

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error("could not write {0}: {1}")]
    Write(String, std::io::Error),
}

/// Runs the district's equity report `runs` times and returns the durations, sorted.
pub async fn time_report(db: &Db, scope: &Scope, runs: usize) -> Result<Vec<Duration>, sqlx::Error> {
    let threshold = store::threshold(db, scope.district).await?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let students = store::students(db, scope).await?;
        let funnels: Vec<Funnel> = Dimension::ALL.iter().map(|d| Funnel::of(&students, *d, threshold)).collect();
        std::hint::black_box(funnels);
        times.push(started.elapsed());
    }
    times.sort();
    Ok(times)
}

/// Writes `counts.csv`: dimension, group, and the unsuppressed count of each column
/// (students, then each stage), all students as the group "all".
pub async fn write_counts(db: &Db, scope: &Scope, dir: &Path) -> Result<(), BenchError> {
    let students = store::students(db, scope).await?;
    let mut out = String::from("dimension,grp,students");
    for stage in equity::Stage::ALL {
        out.push(',');
        out.push_str(stage.key());
    }
    out.push('\n');
    for dimension in Dimension::ALL {
        let (groups, all) = equity::counts(&students, dimension);
        let rows = groups.iter().map(|(g, c)| (g.key(), *c)).chain(std::iter::once(("all".to_string(), all)));
        for (group, counts) in rows {
            let values: Vec<String> = counts.iter().map(i64::to_string).collect();
            out.push_str(&format!("{},{group},{}\n", dimension.key(), values.join(",")));
        }
    }
    write(dir, "counts.csv", out.as_bytes())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), BenchError> {
    let path = dir.join(name);
    let fail = |e| BenchError::Write(path.display().to_string(), e);
    std::fs::create_dir_all(dir).map_err(fail)?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).map_err(fail)?);
    file.write_all(bytes).and_then(|_| file.flush()).map_err(fail)
}

/// A CSV file of rows of text fields, with a header.
fn table<R>(header: &str, rows: &[R], fields: impl Fn(&R) -> Vec<String>) -> Vec<u8> {
    let mut out = String::with_capacity(rows.len() * 48);
    out.push_str(header);
    out.push('\n');
    for row in rows {
        out.push_str(&fields(row).join(","));
        out.push('\n');
    }
    out.into_bytes()
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn flag(value: Option<bool>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

/// Every row `sql` selects for `district` (its `$1`).
async fn rows<T>(db: &Db, sql: &str, district: DistrictId) -> Result<Vec<T>, sqlx::Error>
where
    T: Send
        + Unpin
        + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
{
    with_pool!(db, pool => sqlx::query_as(sql).bind(district).fetch_all(pool).await)
}

type StudentRow =
    (UserId, Option<SchoolId>, Option<i64>, Option<String>, Option<String>, Option<bool>, Option<bool>, Option<bool>);

/// Writes the district's data the report reads, as CSV files in `dir`; returns the rows
/// written (students and events).
pub async fn export(db: &Db, district: DistrictId, dir: &Path) -> Result<(usize, usize), BenchError> {
    let id = |s: &dyn ToString| s.to_string();
    let students: Vec<StudentRow> = rows(
        db,
        "SELECT u.id, u.school_id, u.grade, a.sex, a.ethnicity,
            a.economically_disadvantaged, a.english_learner, a.iep_504
         FROM users u LEFT JOIN student_attributes a ON a.student_id = u.id
         WHERE u.district_id = $1 AND u.role = 'student' AND u.active",
        district,
    )
    .await?;
    write(
        dir,
        "students.csv",
        &table("id,school_id,grade,sex,ethnicity,economically_disadvantaged,english_learner,iep_504", &students, |s| {
            vec![
                id(&s.0),
                s.1.map(|x| x.to_string()).unwrap_or_default(),
                s.2.map(|g| g.to_string()).unwrap_or_default(),
                text(&s.3),
                text(&s.4),
                flag(s.5),
                flag(s.6),
                flag(s.7),
            ]
        }),
    )?;
    let exposures: Vec<(UserId, Date)> =
        rows(db, "SELECT student_id, occurred_on FROM exposures WHERE district_id = $1", district).await?;
    write(dir, "exposures.csv", &table("student_id,occurred_on", &exposures, |e| vec![id(&e.0), e.1.to_string()]))?;
    let interests: Vec<(UserId,)> = rows(
        db,
        "SELECT i.student_id FROM plan_interests i JOIN users u ON u.id = i.student_id
         WHERE u.district_id = $1",
        district,
    )
    .await?;
    write(dir, "interests.csv", &table("student_id", &interests, |i| vec![id(&i.0)]))?;
    let signoffs: Vec<(UserId, String, String)> = rows(
        db,
        "SELECT s.student_id, s.school_year, s.signer_role
         FROM plan_signoffs s JOIN users u ON u.id = s.student_id WHERE u.district_id = $1",
        district,
    )
    .await?;
    write(
        dir,
        "signoffs.csv",
        &table("student_id,school_year,signer_role", &signoffs, |s| vec![id(&s.0), s.1.clone(), s.2.clone()]),
    )?;
    let courses: Vec<(CourseId, Option<String>)> =
        rows(db, "SELECT id, cip_code FROM courses WHERE district_id = $1", district).await?;
    write(dir, "courses.csv", &table("id,cip_code", &courses, |c| vec![id(&c.0), text(&c.1)]))?;
    let plan_courses: Vec<(UserId, CourseId, String)> = rows(
        db,
        "SELECT pc.student_id, pc.course_id, pc.status
         FROM plan_courses pc JOIN courses c ON c.id = pc.course_id WHERE c.district_id = $1",
        district,
    )
    .await?;
    write(
        dir,
        "plan_courses.csv",
        &table("student_id,course_id,status", &plan_courses, |p| vec![id(&p.0), id(&p.1), p.2.clone()]),
    )?;
    let opportunities: Vec<(OpportunityId, Date)> = rows(
        db,
        "SELECT DISTINCT o.id, o.starts_on FROM opportunities o
         JOIN applications a ON a.opportunity_id = o.id WHERE a.district_id = $1",
        district,
    )
    .await?;
    write(dir, "opportunities.csv", &table("id,starts_on", &opportunities, |o| vec![id(&o.0), o.1.to_string()]))?;
    let applications: Vec<(UserId, OpportunityId, String)> =
        rows(db, "SELECT student_id, opportunity_id, status FROM applications WHERE district_id = $1", district)
            .await?;
    write(
        dir,
        "applications.csv",
        &table("student_id,opportunity_id,status", &applications, |a| vec![id(&a.0), id(&a.1), a.2.clone()]),
    )?;
    let events = exposures.len() + interests.len() + signoffs.len() + plan_courses.len() + applications.len();
    Ok((students.len(), events))
}

/// The school year the benchmark reports on: the current one.
pub fn scope(district: DistrictId, today: Date) -> Scope {
    Scope { district, school: None, grade: None, year: SchoolYear::of(today) }
}
