//! Programs of study: a district's sequence of courses toward a sub-cluster, with the CIP
//! 2020 program it is reported under (Perkins V asks districts for them).

use time::OffsetDateTime;

use crate::db::Db;
use crate::ids::{CourseId, DistrictId, ProgramId, UserId};
use crate::with_pool;

/// A program of study with its courses in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    pub id: ProgramId,
    pub title: String,
    pub subcluster_id: String,
    pub cip_code: Option<String>,
    pub courses: Vec<(CourseId, String)>,
}

/// What an administrator gives for a new program: its courses in the order taken.
#[derive(Clone, Debug)]
pub struct ProgramInput {
    pub title: String,
    pub subcluster_id: String,
    pub cip_code: Option<String>,
    pub courses: Vec<CourseId>,
}

type ProgramRow = (ProgramId, String, String, Option<String>);
type ProgramCourseRow = (ProgramId, CourseId, String);

/// The district's programs, by title.
pub async fn list(db: &Db, district: DistrictId) -> Result<Vec<Program>, sqlx::Error> {
    const PROGRAMS: &str =
        "SELECT id, title, subcluster_id, cip_code FROM programs_of_study WHERE district_id = $1 ORDER BY title, id";
    const COURSES: &str = "SELECT pc.program_id, c.id, c.title FROM program_courses pc
         JOIN courses c ON c.id = pc.course_id JOIN programs_of_study p ON p.id = pc.program_id
         WHERE p.district_id = $1 ORDER BY pc.program_id, pc.position";
    let (programs, courses): (Vec<ProgramRow>, Vec<ProgramCourseRow>) = with_pool!(db, pool => (
        sqlx::query_as(PROGRAMS).bind(district).fetch_all(pool).await?,
        sqlx::query_as(COURSES).bind(district).fetch_all(pool).await?,
    ));
    Ok(programs
        .into_iter()
        .map(|(id, title, subcluster_id, cip_code)| Program {
            id,
            title,
            subcluster_id,
            cip_code,
            courses: courses.iter().filter(|(p, _, _)| *p == id).map(|(_, c, t)| (*c, t.clone())).collect(),
        })
        .collect())
}

/// Whether the district already has a program titled `title` (ignoring case).
pub async fn title_taken(db: &Db, district: DistrictId, title: &str) -> Result<bool, sqlx::Error> {
    const SQL: &str =
        "SELECT EXISTS (SELECT 1 FROM programs_of_study WHERE district_id = $1 AND LOWER(title) = LOWER($2))";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(district).bind(title).fetch_one(pool).await)
}

/// Adds a program and its courses in one transaction.
pub async fn create(
    db: &Db,
    district: DistrictId,
    input: &ProgramInput,
    by: UserId,
    now: OffsetDateTime,
) -> Result<ProgramId, sqlx::Error> {
    let id = ProgramId::random();
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO programs_of_study (id, district_id, title, subcluster_id, cip_code, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(id).bind(district).bind(&input.title).bind(&input.subcluster_id).bind(&input.cip_code).bind(by).bind(now)
            .execute(&mut *tx).await?;
        for (position, course) in input.courses.iter().enumerate() {
            sqlx::query("INSERT INTO program_courses (program_id, course_id, position) VALUES ($1, $2, $3)")
                .bind(id).bind(course).bind(position as i64 + 1).execute(&mut *tx).await?;
        }
        tx.commit().await
    })?;
    Ok(id)
}
