//! What the insights read from the database: the district's active students with their
//! groups and the funnel stages each reached, and the district's report settings.

use uuid::Uuid;

use super::equity::{Stage, Student};
use super::suppression::DEFAULT_THRESHOLD;
use crate::db::Db;
use crate::ids::{DistrictId, SchoolId, UserId};
use crate::partners::exports::SchoolYear;
use crate::with_pool;

/// Which students a report covers: a district, optionally one school and one grade, and the
/// school year its dated stages fall in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scope {
    pub district: DistrictId,
    pub school: Option<SchoolId>,
    pub grade: Option<i64>,
    pub year: SchoolYear,
}

// Reading a district's students row by row costs more than the queries themselves (the
// SQLite driver hands every row from its thread to ours), so each list comes back as one
// text value: ids as 32 hex digits; a student's fields separated by the unit separator
// (U+001F) and students by the record separator (U+001E), which rosters do not hold.
const FIELD: char = '\u{1f}';
const RECORD: char = '\u{1e}';

/// SQL writing the id in `column` as 32 hex digits.
fn hex_id(db: &Db, column: &str) -> String {
    match db {
        Db::Sqlite(_) => format!("hex({column})"),
        Db::Postgres(_) => format!("replace(CAST({column} AS TEXT), '-', '')"),
    }
}

/// SQL joining the texts of `expression` with `separator`.
fn joined(db: &Db, expression: &str, separator: &str) -> String {
    match db {
        Db::Sqlite(_) => format!("group_concat({expression}, '{separator}')"),
        Db::Postgres(_) => format!("string_agg({expression}, '{separator}')"),
    }
}

/// The district's active students of the scope's school and grade (when given), as one
/// text: `$1` the district, `$2` the school, `$3` the grade. Sex and ethnicity come last, so
/// a stray separator in them cannot shift the other fields.
fn students_sql(db: &Db) -> String {
    let fields = [
        hex_id(db, "u.id"),
        hex_id(db, "u.school_id"),
        "u.grade".to_string(),
        "a.economically_disadvantaged".to_string(),
        "a.english_learner".to_string(),
        "a.iep_504".to_string(),
        "a.sex".to_string(),
        "a.ethnicity".to_string(),
    ];
    let pattern = vec!["%s"; fields.len()].join(&FIELD.to_string());
    let record = format!("format('{pattern}', {})", fields.join(", "));
    format!(
        "SELECT {} FROM users u LEFT JOIN student_attributes a ON a.student_id = u.id
         WHERE u.district_id = $1 AND u.role = 'student' AND u.active
           AND ($2 IS NULL OR u.school_id = $2) AND ($3 IS NULL OR u.grade = $3)",
        joined(db, &record, &RECORD.to_string())
    )
}

/// The students of each stage, over the whole district, as SQL selecting `student_id`
/// once each: `$1` the district, then the school year's first and last day (dated stages)
/// or its label (sign-offs).
fn stage_sql(stage: Stage) -> &'static str {
    match stage {
        Stage::Exposure => {
            "SELECT DISTINCT student_id FROM exposures WHERE district_id = $1 AND occurred_on BETWEEN $2 AND $3"
        }
        // Interests and sign-offs carry no district: their covering indexes are read whole,
        // which is cheaper than a probe per student, and ids of other districts match no
        // student of the scope.
        Stage::Interest => "SELECT DISTINCT student_id FROM plan_interests WHERE $1 IS NOT NULL",
        Stage::PlanComplete => {
            "SELECT student_id FROM plan_signoffs WHERE $1 IS NOT NULL AND school_year = $2
             GROUP BY student_id HAVING COUNT(DISTINCT signer_role) = 3"
        }
        Stage::CteCourse => {
            "SELECT DISTINCT pc.student_id FROM courses c JOIN plan_courses pc ON pc.course_id = c.id
             WHERE c.district_id = $1 AND c.cip_code IS NOT NULL AND pc.status IN ('in_progress', 'completed')"
        }
        Stage::WblApplied => {
            "SELECT DISTINCT w.student_id FROM applications w JOIN opportunities o ON o.id = w.opportunity_id
             WHERE w.district_id = $1 AND o.starts_on BETWEEN $2 AND $3"
        }
        Stage::WblCompleted => {
            "SELECT DISTINCT w.student_id FROM applications w JOIN opportunities o ON o.id = w.opportunity_id
             WHERE w.district_id = $1 AND o.starts_on BETWEEN $2 AND $3 AND w.status = 'completed'"
        }
    }
}

/// The students of `scope` with the stages each reached: the students on one connection,
/// the stages on another, side by side.
pub async fn students(db: &Db, scope: &Scope) -> Result<Vec<Student>, sqlx::Error> {
    let (students, stages) = tokio::try_join!(packed_students(db, scope), packed_stages(db, scope))?;
    let mut students: Vec<Student> = students.split(RECORD).filter_map(parse_student).collect();
    let index: std::collections::HashMap<UserId, usize> = students.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    for (stage, ids) in Stage::ALL.iter().zip(stages) {
        for id in ids.as_bytes().chunks_exact(32).filter_map(parse_id) {
            if let Some(i) = index.get(&id) {
                students[*i].reached |= stage.bit();
            }
        }
    }
    Ok(students)
}

async fn packed_students(db: &Db, scope: &Scope) -> Result<String, sqlx::Error> {
    let sql = students_sql(db);
    let packed: Option<String> = with_pool!(db, pool => {
        sqlx::query_scalar(&sql).bind(scope.district).bind(scope.school).bind(scope.grade).fetch_one(pool).await
    })?;
    Ok(packed.unwrap_or_default())
}

/// Each stage's students' ids, run one after the other on one connection.
async fn packed_stages(db: &Db, scope: &Scope) -> Result<Vec<String>, sqlx::Error> {
    let mut lists = Vec::with_capacity(Stage::ALL.len());
    with_pool!(db, pool => {
        let mut conn = pool.acquire().await?;
        for stage in Stage::ALL {
            let sql = format!("SELECT {} FROM ({}) x", joined(db, &hex_id(db, "x.student_id"), ""), stage_sql(stage));
            let query = sqlx::query_scalar(&sql).bind(scope.district);
            let query = match stage {
                Stage::Exposure | Stage::WblApplied | Stage::WblCompleted => query.bind(scope.year.start).bind(scope.year.end),
                Stage::PlanComplete => query.bind(&scope.year.label),
                Stage::Interest | Stage::CteCourse => query,
            };
            let packed: Option<String> = query.fetch_one(&mut *conn).await?;
            lists.push(packed.unwrap_or_default());
        }
        Ok::<_, sqlx::Error>(())
    })?;
    Ok(lists)
}

fn parse_id(hex: &[u8]) -> Option<UserId> {
    Uuid::try_parse_ascii(hex).ok().map(UserId::from)
}

/// One student of the packed list: id, school, grade, three flags, sex and ethnicity.
fn parse_student(record: &str) -> Option<Student> {
    let mut fields = record.splitn(8, FIELD);
    let mut next = || fields.next().filter(|f| !f.is_empty());
    let id = parse_id(next()?.as_bytes())?;
    let school = next().and_then(|s| parse_id(s.as_bytes())).map(|u| SchoolId::from(u.uuid()));
    let grade = next().and_then(|g| g.parse().ok());
    // SQLite writes booleans as 1 and 0, PostgreSQL as t and f.
    let flag = |value: Option<&str>| match value {
        Some("1" | "t" | "true") => Some(true),
        Some("0" | "f" | "false") => Some(false),
        _ => None,
    };
    let (economically_disadvantaged, english_learner, iep_504) = (flag(next()), flag(next()), flag(next()));
    let (sex, ethnicity) = (next().map(str::to_string), next().map(str::to_string));
    Some(Student {
        id,
        school,
        grade,
        sex,
        ethnicity,
        economically_disadvantaged,
        english_learner,
        iep_504,
        reached: 0,
    })
}

/// The district's small-cell threshold.
pub async fn threshold(db: &Db, district: DistrictId) -> Result<i64, sqlx::Error> {
    const SQL: &str = "SELECT min_cell_size FROM report_settings WHERE district_id = $1";
    let set: Option<i64> = with_pool!(db, pool => sqlx::query_scalar(SQL).bind(district).fetch_optional(pool).await)?;
    Ok(set.unwrap_or(DEFAULT_THRESHOLD))
}

/// Sets the district's threshold; callers check it is at least the minimum.
pub async fn set_threshold(db: &Db, district: DistrictId, threshold: i64) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO report_settings (district_id, min_cell_size) VALUES ($1, $2)
         ON CONFLICT (district_id) DO UPDATE SET min_cell_size = excluded.min_cell_size";
    with_pool!(db, pool => sqlx::query(SQL).bind(district).bind(threshold).execute(pool).await.map(|_| ()))
}

/// The district's schools, middle schools first, by name.
pub async fn schools(db: &Db, district: DistrictId) -> Result<Vec<(SchoolId, String)>, sqlx::Error> {
    const SQL: &str = "SELECT id, name FROM schools WHERE district_id = $1 ORDER BY CASE level WHEN 'middle' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, name";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(district).fetch_all(pool).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_students_read_back_whatever_the_backend_wrote() {
        let id = "0123456789ABCDEF0123456789abcdef";
        let record = format!("{id}{FIELD}{FIELD}11{FIELD}t{FIELD}0{FIELD}{FIELD}female{FIELD}two_or_more");
        let student = parse_student(&record).unwrap();
        assert_eq!(student.id.to_string(), "01234567-89ab-cdef-0123-456789abcdef");
        assert_eq!((student.school, student.grade), (None, Some(11)));
        assert_eq!(
            (student.economically_disadvantaged, student.english_learner, student.iep_504),
            (Some(true), Some(false), None)
        );
        assert_eq!((student.sex.as_deref(), student.ethnicity.as_deref()), (Some("female"), Some("two_or_more")));
        // A separator inside the last field stays in it.
        let odd = format!("{id}{FIELD}{FIELD}{FIELD}{FIELD}{FIELD}{FIELD}male{FIELD}a{FIELD}b");
        assert_eq!(parse_student(&odd).unwrap().ethnicity.as_deref(), Some("a\u{1f}b"));
        assert!(parse_student("not an id").is_none());
    }
}
