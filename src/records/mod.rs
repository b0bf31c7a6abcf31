//! A student's record as a whole, for the rights a family has over it: everything Pathways
//! holds about one student, exported as JSON and as PDF, and anonymized on request or once
//! the district's retention period has passed since the student left the roster. Each
//! export and anonymization is written to the audit log.
//!
//! The audit log itself is kept (it is append-only and proves what was done); once the
//! student's name, email and roster id are gone, its entries name no one.

pub mod pages;
pub mod retention;

use serde_json::{Map, Value};
use sqlx::{Column, Row, TypeInfo, ValueRef};
use time::OffsetDateTime;

use crate::audit::{self, Action, Entry};
use crate::db::Db;
use crate::ids::{DistrictId, UserId};
use crate::orgs::model::User;
use crate::with_pool;

/// One part of a student's record: the table it comes from and the query of its rows about
/// the student (`$1`). Secrets (session ids, reset tokens, password hashes) are never selected.
pub struct Part {
    pub table: &'static str,
    select: &'static str,
}

/// Every part of a student's record, in the order the export lists them.
pub const PARTS: &[Part] = &[
    Part {
        table: "users",
        select: "SELECT u.id, u.given_name, u.family_name, u.email, u.sourced_id, u.grade, s.name AS school,
                 d.name AS district, u.active, u.created_at, u.inactive_since, u.anonymized_at
                 FROM users u LEFT JOIN schools s ON s.id = u.school_id LEFT JOIN districts d ON d.id = u.district_id
                 WHERE u.id = $1",
    },
    Part {
        table: "student_attributes",
        select: "SELECT sex, ethnicity, economically_disadvantaged, english_learner, iep_504
                 FROM student_attributes WHERE student_id = $1",
    },
    Part {
        table: "guardianships",
        select: "SELECT g.given_name, g.family_name, g.email FROM guardianships x JOIN users g ON g.id = x.guardian_id
                 WHERE x.student_id = $1 ORDER BY g.family_name, g.given_name",
    },
    Part { table: "caseloads", select: crate::orgs::store::COUNSELORS_OF },
    Part {
        table: "enrollments",
        select: "SELECT c.title AS class, c.period, co.title AS course, s.name AS school
                 FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN courses co ON co.id = c.course_id
                 JOIN schools s ON s.id = c.school_id WHERE e.user_id = $1 ORDER BY c.title",
    },
    Part { table: "plan_interests", select: "SELECT * FROM plan_interests WHERE student_id = $1 ORDER BY 1" },
    Part { table: "plan_goals", select: "SELECT * FROM plan_goals WHERE student_id = $1 ORDER BY 1" },
    Part { table: "plan_activities", select: "SELECT * FROM plan_activities WHERE student_id = $1 ORDER BY 1" },
    Part { table: "plan_courses", select: "SELECT * FROM plan_courses WHERE student_id = $1 ORDER BY 1" },
    Part { table: "plan_postsecondary", select: "SELECT * FROM plan_postsecondary WHERE student_id = $1" },
    Part { table: "plan_reflections", select: "SELECT * FROM plan_reflections WHERE student_id = $1 ORDER BY 1" },
    Part { table: "plan_notes", select: "SELECT * FROM plan_notes WHERE student_id = $1 AND shared ORDER BY 1" },
    Part { table: "plan_steps", select: "SELECT * FROM plan_steps WHERE student_id = $1 ORDER BY 1" },
    Part { table: "plan_signoffs", select: "SELECT * FROM plan_signoffs WHERE student_id = $1 ORDER BY 1" },
    Part { table: "plan_tags", select: "SELECT * FROM plan_tags WHERE student_id = $1 ORDER BY 1" },
    Part { table: "plan_changes", select: "SELECT * FROM plan_changes WHERE student_id = $1 ORDER BY 1" },
    Part {
        table: "profiler_results",
        select: "SELECT p.created_at, p.code, p.realistic, p.investigative, p.artistic, p.social, p.enterprising,
                 p.conventional, p.job_zone, p.answers
                 FROM profiler_results p JOIN sessions s ON s.id = p.session_id WHERE s.user_id = $1 ORDER BY 1",
    },
    Part { table: "exposures", select: "SELECT * FROM exposures WHERE student_id = $1 ORDER BY 1" },
    Part { table: "applications", select: "SELECT * FROM applications WHERE student_id = $1 ORDER BY 1" },
    Part {
        table: "application_events",
        select: "SELECT * FROM application_events WHERE application_id IN (SELECT id FROM applications WHERE student_id = $1) ORDER BY 1",
    },
    Part {
        table: "application_checks",
        select: "SELECT * FROM application_checks WHERE application_id IN (SELECT id FROM applications WHERE student_id = $1) ORDER BY 1",
    },
    Part {
        table: "consents",
        select: "SELECT * FROM consents WHERE application_id IN (SELECT id FROM applications WHERE student_id = $1) ORDER BY 1",
    },
    Part { table: "hour_entries", select: "SELECT * FROM hour_entries WHERE student_id = $1 ORDER BY 1" },
    Part {
        table: "hour_entry_changes",
        select: "SELECT * FROM hour_entry_changes WHERE entry_id IN (SELECT id FROM hour_entries WHERE student_id = $1) ORDER BY 1",
    },
    Part {
        table: "evaluations",
        select: "SELECT * FROM evaluations WHERE application_id IN (SELECT id FROM applications WHERE student_id = $1) ORDER BY 1",
    },
    Part {
        table: "evaluation_ratings",
        select: "SELECT r.* FROM evaluation_ratings r JOIN evaluations e ON e.id = r.evaluation_id
                 WHERE e.application_id IN (SELECT id FROM applications WHERE student_id = $1) ORDER BY 1",
    },
    Part {
        table: "audit_log",
        select: "SELECT a.at, a.action, a.actor_role, TRIM(COALESCE(p.given_name, '') || ' ' || COALESCE(p.family_name, '')) AS actor,
                 a.resource FROM audit_log a LEFT JOIN users p ON p.id = a.actor_id
                 WHERE a.student_id = $1 OR a.actor_id = $1 ORDER BY a.at",
    },
];

/// Counselors' private meeting notes are read only by the student's counselors (see the
/// policy), so the export counts them instead of holding them; anonymizing deletes them.
const PRIVATE_NOTES: &str = "SELECT COUNT(*) FROM plan_notes WHERE student_id = $1 AND NOT shared";

/// How many private counselor notes the export leaves out.
pub async fn withheld_notes(db: &Db, student: UserId) -> Result<i64, sqlx::Error> {
    with_pool!(db, pool => sqlx::query_scalar(PRIVATE_NOTES).bind(student).fetch_one(pool).await)
}

/// What anonymizing deletes, children before parents. The student's row in `users` stays,
/// stripped of everything that names them, so the audit log keeps its references; without a
/// grade it leaves every counselor's caseload.
const ERASE: &[&str] = &[
    "DELETE FROM evaluation_ratings WHERE evaluation_id IN
       (SELECT id FROM evaluations WHERE application_id IN (SELECT id FROM applications WHERE student_id = $1))",
    "DELETE FROM evaluations WHERE application_id IN (SELECT id FROM applications WHERE student_id = $1)",
    "DELETE FROM hour_entry_changes WHERE entry_id IN (SELECT id FROM hour_entries WHERE student_id = $1)",
    "DELETE FROM hour_entries WHERE student_id = $1",
    "DELETE FROM application_events WHERE application_id IN (SELECT id FROM applications WHERE student_id = $1)",
    "DELETE FROM application_checks WHERE application_id IN (SELECT id FROM applications WHERE student_id = $1)",
    "DELETE FROM consents WHERE application_id IN (SELECT id FROM applications WHERE student_id = $1)",
    "DELETE FROM applications WHERE student_id = $1",
    "DELETE FROM exposures WHERE student_id = $1",
    "DELETE FROM plan_interests WHERE student_id = $1",
    "DELETE FROM plan_goals WHERE student_id = $1",
    "DELETE FROM plan_activities WHERE student_id = $1",
    "DELETE FROM plan_courses WHERE student_id = $1",
    "DELETE FROM plan_postsecondary WHERE student_id = $1",
    "DELETE FROM plan_reflections WHERE student_id = $1",
    "DELETE FROM plan_notes WHERE student_id = $1",
    "DELETE FROM plan_steps WHERE student_id = $1",
    "DELETE FROM plan_signoffs WHERE student_id = $1",
    "DELETE FROM plan_tags WHERE student_id = $1",
    "DELETE FROM plan_changes WHERE student_id = $1",
    "DELETE FROM guardianships WHERE student_id = $1",
    "DELETE FROM caseloads WHERE student_id = $1",
    "DELETE FROM enrollments WHERE user_id = $1",
    "DELETE FROM student_attributes WHERE student_id = $1",
    "DELETE FROM password_resets WHERE user_id = $1",
    "DELETE FROM profiler_results WHERE session_id IN (SELECT id FROM sessions WHERE user_id = $1)",
    "DELETE FROM sessions WHERE user_id = $1",
    "UPDATE users SET given_name = 'Anonymized', family_name = 'student', email = NULL, sourced_id = NULL,
       password_hash = NULL, grade = NULL, active = FALSE, inactive_since = COALESCE(inactive_since, $2), anonymized_at = $2
     WHERE id = $1 AND role = 'student'",
];

/// Everything held about `student`, part by part: the JSON export.
pub async fn collect(db: &Db, student: UserId, now: OffsetDateTime) -> Result<Value, sqlx::Error> {
    let mut parts = Map::new();
    for part in PARTS {
        parts.insert(part.table.to_string(), Value::Array(rows(db, part.select, student).await?));
    }
    let exported_at = now.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    Ok(serde_json::json!({
        "format": "pathways-student-record",
        "version": 1,
        "student_id": student.to_string(),
        "exported_at": exported_at,
        "parts": parts,
        "withheld": {
            "private_counselor_notes": withheld_notes(db, student).await?,
            "why": "private meeting notes are read only by the student's counselors; ask them",
        },
    }))
}

/// How many rows each part holds about `student`.
pub async fn counts(db: &Db, student: UserId) -> Result<Vec<(&'static str, i64)>, sqlx::Error> {
    let mut counts = Vec::with_capacity(PARTS.len());
    for part in PARTS {
        let sql = format!("SELECT COUNT(*) FROM ({}) AS part", part.select);
        let count: i64 = with_pool!(db, pool => sqlx::query_scalar(&sql).bind(student).fetch_one(pool).await)?;
        counts.push((part.table, count));
    }
    Ok(counts)
}

/// The rows `select` finds for `student`, each as a JSON object of its columns.
async fn rows(db: &Db, select: &str, student: UserId) -> Result<Vec<Value>, sqlx::Error> {
    match db {
        Db::Sqlite(pool) => {
            let found = sqlx::query(select).bind(student).fetch_all(pool).await?;
            Ok(found.iter().map(sqlite_row).collect())
        }
        Db::Postgres(pool) => {
            let sql = format!("SELECT row_to_json(part)::text FROM ({select}) AS part");
            let found: Vec<String> = sqlx::query_scalar(&sql).bind(student).fetch_all(pool).await?;
            Ok(found.iter().map(|text| serde_json::from_str(text).unwrap_or(Value::Null)).collect())
        }
    }
}

/// A SQLite row as JSON: ids (16-byte blobs) as UUIDs, BOOLEAN columns as booleans.
fn sqlite_row(row: &sqlx::sqlite::SqliteRow) -> Value {
    let mut object = Map::new();
    for (index, column) in row.columns().iter().enumerate() {
        let value = match row.try_get_raw(index) {
            Ok(raw) if !raw.is_null() => {
                let storage = raw.type_info().name().to_string();
                match storage.as_str() {
                    "INTEGER" if column.type_info().name() == "BOOLEAN" => {
                        Value::Bool(row.try_get_unchecked::<i64, _>(index).unwrap_or(0) != 0)
                    }
                    "INTEGER" => row.try_get_unchecked::<i64, _>(index).map(Value::from).unwrap_or(Value::Null),
                    "REAL" => row.try_get_unchecked::<f64, _>(index).map(Value::from).unwrap_or(Value::Null),
                    "BLOB" => {
                        let bytes: Vec<u8> = row.try_get_unchecked(index).unwrap_or_default();
                        match uuid::Uuid::from_slice(&bytes) {
                            Ok(id) => Value::String(id.to_string()),
                            Err(_) => Value::String(bytes.iter().map(|b| format!("{b:02x}")).collect()),
                        }
                    }
                    _ => row.try_get_unchecked::<String, _>(index).map(Value::String).unwrap_or(Value::Null),
                }
            }
            _ => Value::Null,
        };
        object.insert(column.name().to_string(), value);
    }
    Value::Object(object)
}

/// The audit entry of one anonymization, asked by `actor` (nobody: the scheduled run).
pub async fn record_anonymized(
    db: &Db,
    actor: Option<&User>,
    district: DistrictId,
    student: UserId,
    detail: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let resource = format!("/students/{student}/records");
    let entry = match actor {
        Some(actor) => Entry::by(actor, Action::Anonymize, &resource),
        None => Entry::without_actor(Action::Anonymize, Some(district), &resource),
    };
    audit::record(db, &entry.student(student, Some(district)).detail(detail), now).await
}

/// Anonymizes `student` in one transaction: deletes every part of their record but the
/// audit log and strips their account of name, email, roster id and password. Returns
/// false when there is no such student or they were anonymized already.
pub async fn anonymize(db: &Db, student: UserId, now: OffsetDateTime) -> Result<bool, sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let open: Option<bool> = sqlx::query_scalar("SELECT anonymized_at IS NULL FROM users WHERE id = $1 AND role = 'student'")
            .bind(student).fetch_optional(&mut *tx).await?;
        if open != Some(true) {
            return Ok(false);
        }
        for statement in ERASE {
            let query = sqlx::query(statement).bind(student);
            let query = if statement.contains("$2") { query.bind(now) } else { query };
            query.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_but_the_account_and_the_audit_log_is_erased() {
        for part in PARTS {
            let erased = ERASE.iter().any(|s| s.starts_with(&format!("DELETE FROM {} ", part.table)));
            assert!(erased || matches!(part.table, "users" | "audit_log"), "anonymizing leaves {} behind", part.table);
        }
    }

    #[test]
    fn no_part_selects_a_secret() {
        for part in PARTS {
            let selected = part.select.split(" FROM ").next().unwrap_or_default();
            assert!(!selected.contains('*') || !part.select.contains("FROM sessions"), "{}", part.table);
            for secret in ["password_hash", "csrf_token", "token_hash", "session_id"] {
                assert!(!selected.contains(secret), "{} selects {secret}", part.table);
            }
        }
    }
}
