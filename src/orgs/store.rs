//! SQL for organizations and people.

use super::demo::Generated;
use super::model::User;
use crate::db::Db;
use crate::db::batch::BulkInsert;
use crate::db::batch::TableRows;
use crate::ids::{DistrictId, SchoolId, UserId};
use crate::with_pool;

const USER_COLUMNS: &str = "id, district_id, role, given_name, family_name, email, school_id, grade";

/// Writes a generated district in one transaction.
pub async fn insert_generated(db: &Db, generated: &Generated) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        for TableRows { table, columns, rows } in &generated.tables {
            BulkInsert::insert_rows(&mut *tx, table, columns, rows, "", &mut |_| ()).await?;
        }
        tx.commit().await
    })
}

pub async fn district_count(db: &Db) -> Result<i64, sqlx::Error> {
    with_pool!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM districts").fetch_one(pool).await)
}

/// Every district's id and slug, by slug.
pub async fn district_slugs(db: &Db) -> Result<Vec<(DistrictId, String)>, sqlx::Error> {
    with_pool!(db, pool => sqlx::query_as("SELECT id, slug FROM districts ORDER BY slug").fetch_all(pool).await)
}

pub async fn district_by_slug(db: &Db, slug: &str) -> Result<Option<(DistrictId, String)>, sqlx::Error> {
    with_pool!(db, pool => sqlx::query_as("SELECT id, name FROM districts WHERE slug = $1").bind(slug).fetch_optional(pool).await)
}

pub async fn district_slug(db: &Db, id: DistrictId) -> Result<Option<String>, sqlx::Error> {
    with_pool!(db, pool => sqlx::query_scalar("SELECT slug FROM districts WHERE id = $1").bind(id).fetch_optional(pool).await)
}

pub async fn user(db: &Db, id: UserId) -> Result<Option<User>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1 AND active");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
}

/// An active user by email (case-insensitive), with the password hash.
pub async fn user_for_sign_in(db: &Db, email: &str) -> Result<Option<(User, Option<String>)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct WithHash {
        #[sqlx(flatten)]
        user: User,
        password_hash: Option<String>,
    }
    let sql = format!("SELECT {USER_COLUMNS}, password_hash FROM users WHERE email = $1 AND active");
    let found: Option<WithHash> =
        with_pool!(db, pool => sqlx::query_as(&sql).bind(email.to_lowercase()).fetch_optional(pool).await)?;
    Ok(found.map(|row| (row.user, row.password_hash)))
}

/// How an outside system names a user of a district.
#[derive(Clone, Copy, Debug)]
pub enum UserKey<'a> {
    Email(&'a str),
    SourcedId(&'a str),
}

/// The active user of `district` named by `key` (emails compare case-insensitively).
pub async fn find_in_district(db: &Db, district: DistrictId, key: UserKey<'_>) -> Result<Option<User>, sqlx::Error> {
    let (column, value) = match key {
        UserKey::Email(email) => ("email", email.trim().to_lowercase()),
        UserKey::SourcedId(id) => ("sourced_id", id.trim().to_string()),
    };
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE district_id = $1 AND {column} = $2 AND active");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(district).bind(value).fetch_optional(pool).await)
}

pub async fn set_password_hash(db: &Db, id: UserId, hash: &str) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1").bind(id).bind(hash).execute(pool).await.map(|_| ()))
}

pub async fn school_name(db: &Db, id: SchoolId) -> Result<Option<String>, sqlx::Error> {
    with_pool!(db, pool => sqlx::query_scalar("SELECT name FROM schools WHERE id = $1").bind(id).fetch_optional(pool).await)
}

pub async fn district_name(db: &Db, id: DistrictId) -> Result<Option<String>, sqlx::Error> {
    with_pool!(db, pool => sqlx::query_scalar("SELECT name FROM districts WHERE id = $1").bind(id).fetch_optional(pool).await)
}

// ---------------------------------------------------------------- relationships

/// True when `guardian` is linked to `student`.
pub async fn is_guardian_of(db: &Db, guardian: UserId, student: UserId) -> Result<bool, sqlx::Error> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM guardianships WHERE guardian_id = $1 AND student_id = $2)";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(guardian).bind(student).fetch_one(pool).await)
}

/// True when `teacher` teaches a class `student` is enrolled in.
pub async fn teaches(db: &Db, teacher: UserId, student: UserId) -> Result<bool, sqlx::Error> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM enrollments t JOIN enrollments s ON s.class_id = t.class_id
         WHERE t.user_id = $1 AND t.role = 'teacher' AND s.user_id = $2 AND s.role = 'student')";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(teacher).bind(student).fetch_one(pool).await)
}

/// True when `student` is in `counselor`'s caseload: assigned one by one, or by school and grade.
pub async fn counsels(db: &Db, counselor: UserId, student: UserId) -> Result<bool, sqlx::Error> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM caseloads WHERE counselor_id = $1 AND student_id = $2)
         OR EXISTS (SELECT 1 FROM counselor_assignments a JOIN users s ON s.school_id = a.school_id AND s.grade = a.grade
                    WHERE a.counselor_id = $1 AND s.id = $2)";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(counselor).bind(student).fetch_one(pool).await)
}

/// A student as staff see them in lists.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StudentRow {
    pub id: UserId,
    pub given_name: String,
    pub family_name: String,
    pub grade: Option<i64>,
    pub school_name: Option<String>,
}

const STUDENT_SELECT: &str = "SELECT u.id, u.given_name, u.family_name, u.grade, sc.name AS school_name
     FROM users u LEFT JOIN schools sc ON sc.id = u.school_id";

/// The students of a guardian.
pub async fn children(db: &Db, guardian: UserId) -> Result<Vec<StudentRow>, sqlx::Error> {
    let sql = format!(
        "{STUDENT_SELECT} JOIN guardianships g ON g.student_id = u.id WHERE g.guardian_id = $1 AND u.active ORDER BY u.given_name"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(guardian).fetch_all(pool).await)
}

/// SQL condition: student `u` is in the caseload of counselor `$1`, assigned one by one or
/// by school and grade. Written as a list of ids so that both databases look the students
/// up by index instead of testing every user of the district (16x faster on 50,000).
pub const IN_CASELOAD: &str = "u.id IN (SELECT student_id FROM caseloads WHERE counselor_id = $1
     UNION ALL SELECT by_grade.id FROM counselor_assignments ca
         JOIN users by_grade ON by_grade.school_id = ca.school_id AND by_grade.grade = ca.grade
     WHERE ca.counselor_id = $1)";

/// A counselor's caseload: assigned students and the students of their schools and grades.
pub async fn caseload(db: &Db, counselor: UserId, limit: i64) -> Result<Vec<StudentRow>, sqlx::Error> {
    let sql = format!(
        "{STUDENT_SELECT} WHERE u.role = 'student' AND u.active AND {IN_CASELOAD}
         ORDER BY u.family_name, u.given_name LIMIT $2"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(counselor).bind(limit).fetch_all(pool).await)
}

pub async fn caseload_size(db: &Db, counselor: UserId) -> Result<i64, sqlx::Error> {
    let sql = format!("SELECT COUNT(*) FROM users u WHERE u.role = 'student' AND u.active AND {IN_CASELOAD}");
    with_pool!(db, pool => sqlx::query_scalar(&sql).bind(counselor).fetch_one(pool).await)
}

/// A class as its teacher sees it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ClassRow {
    pub id: crate::ids::ClassId,
    pub title: String,
    pub period: Option<String>,
    pub students: i64,
}

pub async fn classes_taught(db: &Db, teacher: UserId) -> Result<Vec<ClassRow>, sqlx::Error> {
    const SQL: &str = "SELECT c.id, c.title, c.period,
             (SELECT COUNT(*) FROM enrollments s WHERE s.class_id = c.id AND s.role = 'student') AS students
         FROM classes c JOIN enrollments t ON t.class_id = c.id
         WHERE t.user_id = $1 AND t.role = 'teacher' ORDER BY c.period, c.title";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(teacher).fetch_all(pool).await)
}

/// Counts of a school or district for admin home pages.
pub async fn student_count(db: &Db, district: DistrictId, school: Option<SchoolId>) -> Result<i64, sqlx::Error> {
    const ALL: &str = "SELECT COUNT(*) FROM users WHERE role = 'student' AND active AND district_id = $1";
    const ONE: &str =
        "SELECT COUNT(*) FROM users WHERE role = 'student' AND active AND district_id = $1 AND school_id = $2";
    with_pool!(db, pool => match school {
        None => sqlx::query_scalar(ALL).bind(district).fetch_one(pool).await,
        Some(school) => sqlx::query_scalar(ONE).bind(district).bind(school).fetch_one(pool).await,
    })
}

/// A student's record as the record page shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StudentRecord {
    pub id: UserId,
    pub district_id: Option<DistrictId>,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub grade: Option<i64>,
    pub school_name: Option<String>,
}

impl StudentRecord {
    /// The name of a download about the student: `plan-castillo-owen.json` for ("plan", "json").
    pub fn file_name(&self, what: &str, extension: &str) -> String {
        let name = format!("{what}-{}-{}", self.family_name, self.given_name)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect::<String>();
        format!("{name}.{extension}")
    }
}

pub async fn student_record(db: &Db, id: UserId) -> Result<Option<StudentRecord>, sqlx::Error> {
    const SQL: &str =
        "SELECT u.id, u.district_id, u.given_name, u.family_name, u.email, u.grade, sc.name AS school_name
         FROM users u LEFT JOIN schools sc ON sc.id = u.school_id WHERE u.id = $1 AND u.role = 'student'";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(id).fetch_optional(pool).await)
}

/// A person named on a record: a guardian, a teacher, a counselor.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PersonRow {
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
}

pub async fn guardians_of(db: &Db, student: UserId) -> Result<Vec<PersonRow>, sqlx::Error> {
    const SQL: &str = "SELECT u.given_name, u.family_name, u.email FROM users u
         JOIN guardianships g ON g.guardian_id = u.id WHERE g.student_id = $1 AND u.active ORDER BY u.family_name, u.given_name";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(student).fetch_all(pool).await)
}

/// The counselors of student `$1`: assigned one by one, or by school and grade.
pub const COUNSELORS_OF: &str = "SELECT c.given_name, c.family_name, c.email FROM users c WHERE c.role = 'counselor' AND c.active AND (
             c.id IN (SELECT counselor_id FROM caseloads WHERE student_id = $1)
             OR c.id IN (SELECT a.counselor_id FROM counselor_assignments a JOIN users s ON s.school_id = a.school_id AND s.grade = a.grade WHERE s.id = $1))
         ORDER BY c.family_name, c.given_name";

pub async fn counselors_of(db: &Db, student: UserId) -> Result<Vec<PersonRow>, sqlx::Error> {
    with_pool!(db, pool => sqlx::query_as(COUNSELORS_OF).bind(student).fetch_all(pool).await)
}

/// A class a student takes, with its teachers.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StudentClassRow {
    pub id: crate::ids::ClassId,
    pub title: String,
    pub period: Option<String>,
    pub teachers: Option<String>,
}

pub async fn classes_of_student(db: &Db, student: UserId) -> Result<Vec<StudentClassRow>, sqlx::Error> {
    let teachers = match db {
        Db::Sqlite(_) => "GROUP_CONCAT(t.given_name || ' ' || t.family_name, ', ')",
        Db::Postgres(_) => "STRING_AGG(t.given_name || ' ' || t.family_name, ', ')",
    };
    let sql = format!(
        "SELECT c.id, c.title, c.period, {teachers} AS teachers
         FROM enrollments e JOIN classes c ON c.id = e.class_id
         LEFT JOIN enrollments te ON te.class_id = c.id AND te.role = 'teacher'
         LEFT JOIN users t ON t.id = te.user_id
         WHERE e.user_id = $1 AND e.role = 'student'
         GROUP BY c.id, c.title, c.period ORDER BY c.period, c.title"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(student).fetch_all(pool).await)
}

/// A class as its page shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ClassDetail {
    pub id: crate::ids::ClassId,
    pub district_id: DistrictId,
    pub title: String,
    pub period: Option<String>,
    pub school_name: String,
    pub course_title: String,
}

pub async fn class_detail(db: &Db, id: crate::ids::ClassId) -> Result<Option<ClassDetail>, sqlx::Error> {
    const SQL: &str = "SELECT c.id, c.district_id, c.title, c.period, sc.name AS school_name, co.title AS course_title
         FROM classes c JOIN schools sc ON sc.id = c.school_id JOIN courses co ON co.id = c.course_id WHERE c.id = $1";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(id).fetch_optional(pool).await)
}

/// The students enrolled in a class.
pub async fn class_roster(db: &Db, class: crate::ids::ClassId) -> Result<Vec<StudentRow>, sqlx::Error> {
    let sql = format!(
        "{STUDENT_SELECT} JOIN enrollments e ON e.user_id = u.id
         WHERE e.class_id = $1 AND e.role = 'student' AND u.active ORDER BY u.family_name, u.given_name"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(class).fetch_all(pool).await)
}

pub async fn class_teachers(db: &Db, class: crate::ids::ClassId) -> Result<Vec<PersonRow>, sqlx::Error> {
    const SQL: &str = "SELECT u.given_name, u.family_name, u.email FROM users u JOIN enrollments e ON e.user_id = u.id
         WHERE e.class_id = $1 AND e.role = 'teacher' ORDER BY u.family_name";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(class).fetch_all(pool).await)
}

/// A school with its counts, for admin home pages.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SchoolSummary {
    pub id: SchoolId,
    pub name: String,
    pub level: String,
    pub students: i64,
    pub teachers: i64,
    pub classes: i64,
}

/// The schools of `district` (only `school` when given), with their counts.
pub async fn school_summaries(
    db: &Db,
    district: DistrictId,
    school: Option<SchoolId>,
) -> Result<Vec<SchoolSummary>, sqlx::Error> {
    const SQL: &str = "SELECT s.id, s.name, s.level,
             (SELECT COUNT(*) FROM users u WHERE u.school_id = s.id AND u.role = 'student' AND u.active) AS students,
             (SELECT COUNT(*) FROM users u WHERE u.school_id = s.id AND u.role = 'teacher' AND u.active) AS teachers,
             (SELECT COUNT(*) FROM classes c WHERE c.school_id = s.id) AS classes
         FROM schools s WHERE s.district_id = $1 AND ($2 IS NULL OR s.id = $2) ORDER BY s.level, s.name";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(district).bind(school).fetch_all(pool).await)
}

/// The organization a partner works for.
pub async fn partner_organization(db: &Db, user: UserId) -> Result<Option<String>, sqlx::Error> {
    const SQL: &str = "SELECT o.name FROM partner_organizations o JOIN partner_staff p ON p.organization_id = o.id WHERE p.user_id = $1";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(user).fetch_optional(pool).await)
}
