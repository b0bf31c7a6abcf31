//! A student's whole record: the export holds every row that names the student, anonymizing
//! leaves none but the stripped account and the audit log, and the district's retention
//! period anonymizes the records of students who left — on both backends, over the server.

use pathways::db::Db;
use pathways::ids::UserId;
use pathways::with_pool;

use crate::support::{TestApp, all_rows_digest, on_both_backends, pathways, scalar, set_password};

/// Every (table, column) whose foreign key points at `users`, read from the schema itself so
/// that a table added later is checked too.
async fn user_references(db: &Db) -> Vec<(String, String)> {
    let sql = match db {
        Db::Sqlite(_) => {
            "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND f.\"table\" = 'users' ORDER BY 1, 2"
        }
        Db::Postgres(_) => {
            "SELECT c.conrelid::regclass::text, a.attname::text FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
             WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass ORDER BY 1, 2"
        }
    };
    with_pool!(db, pool => sqlx::query_as(sql).fetch_all(pool).await).unwrap()
}

/// How many rows of each (table, column) name `student`.
async fn rows_naming(db: &Db, student: UserId) -> Vec<(String, String, i64)> {
    let mut found = Vec::new();
    for (table, column) in user_references(db).await {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1");
        let count: i64 = with_pool!(db, pool => sqlx::query_scalar(&sql).bind(student).fetch_one(pool).await).unwrap();
        if count > 0 {
            found.push((table, column, count));
        }
    }
    found
}

/// The demo student with work-based learning hours and the most kinds of records.
async fn richest_student(db: &Db) -> UserId {
    let candidates: Vec<UserId> = with_pool!(db, pool => sqlx::query_scalar(
        "SELECT DISTINCT h.student_id FROM hour_entries h JOIN users u ON u.id = h.student_id WHERE u.active
         ORDER BY h.student_id").fetch_all(pool).await)
    .unwrap();
    let mut best = (0, candidates[0]);
    for student in candidates {
        let kinds = rows_naming(db, student).await.len();
        if kinds > best.0 {
            best = (kinds, student);
        }
    }
    best.1
}

on_both_backends! {
    async fn the_export_holds_every_row_naming_the_student_and_anonymizing_leaves_none(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let student = richest_student(&db).await;
        let email = "richest@riverbend.test";
        with_pool!(&db, pool => sqlx::query("UPDATE users SET email = $2 WHERE id = $1")
            .bind(student).bind(email).execute(pool).await.map(|_| ())).unwrap();
        set_password(&db, email, "a long student password").await;
        let signed_in_student = app.signed_in_with(email, "a long student password").await;
        let naming = rows_naming(&db, student).await;
        let kinds: Vec<&str> = naming.iter().map(|(t, _, _)| t.as_str()).collect();
        assert!(naming.len() >= 10, "the test needs a student with many kinds of records: {kinds:?}");

        let admin = app.signed_in("district-admin@demo.test").await;
        let (status, page) = admin.page(&format!("/students/{student}/records")).await;
        assert_eq!(status, 200, "{page}");
        assert!(page.contains("Work-based learning: hours") && page.contains("Download as PDF"), "{page}");
        let (status, export) = admin.json_of(&format!("/students/{student}/records.json")).await;
        assert_eq!(status, 200);
        assert_eq!(export["student_id"], student.to_string());
        // Secrets are never exported; every other row that names the student is.
        for (table, column, count) in &naming {
            if matches!(table.as_str(), "sessions" | "password_resets") {
                continue;
            }
            let mut exported = export["parts"][table].as_array().map_or(0, Vec::len) as i64;
            if table == "plan_notes" {
                // Private counselor notes are counted, not shown: only counselors read them.
                exported += export["withheld"]["private_counselor_notes"].as_i64().unwrap();
            }
            assert!(exported >= *count, "{table}.{column}: {count} rows name the student, {exported} exported");
        }
        let text = export.to_string();
        for secret in ["password_hash", "csrf_token", "$argon2"] {
            assert!(!text.contains(secret), "the export holds {secret}");
        }
        let pdf = admin.get(&format!("/students/{student}/records.pdf")).await;
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        let pdf = pdf.bytes().await.unwrap();
        assert!(pdf.starts_with(b"%PDF-") && pdf.len() > 2_000, "{} bytes", pdf.len());
        let exports = "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND resource LIKE '%/records.%'";
        assert_eq!(scalar(&db, exports).await, 2, "each download is audited");

        // Others may not: not the student's counselor, not the student, not another district.
        for email in ["counselor@demo.test", "school-admin@demo.test"] {
            let other = app.signed_in(email).await;
            assert_eq!(other.get(&format!("/students/{student}/records.json")).await.status(), 403, "{email}");
        }
        assert_eq!(signed_in_student.get(&format!("/students/{student}/records")).await.status(), 403);

        // A wrong name changes nothing.
        let before = all_rows_digest(&db, &["sessions", "audit_log", "login_attempts"]).await;
        let refused = admin.post(&format!("/students/{student}/records/anonymize"), &[("confirm", "someone else")]).await;
        assert_eq!(refused.status(), 400);
        assert!(refused.text().await.unwrap().contains("Nothing was changed"));
        assert_eq!(all_rows_digest(&db, &["sessions", "audit_log", "login_attempts"]).await, before);

        let (given, family): (String, String) = with_pool!(&db, pool => sqlx::query_as(
            "SELECT given_name, family_name FROM users WHERE id = $1").bind(student).fetch_one(pool).await).unwrap();
        let own_goals = naming.iter().find(|(t, c, _)| t == "plan_goals" && c == "student_id").map_or(0, |r| r.2);
        let goals_before = scalar(&db, "SELECT COUNT(*) FROM plan_goals").await;
        let confirm = format!("  {}  {} ", given.to_uppercase(), family);
        let done = admin.post(&format!("/students/{student}/records/anonymize"), &[("confirm", &confirm), ("reason", "Family request #42")]).await;
        assert_eq!(done.status(), 303);

        let left = rows_naming(&db, student).await;
        let left: Vec<_> = left.iter().filter(|(t, _, _)| !matches!(t.as_str(), "users" | "audit_log")).collect();
        assert!(left.is_empty(), "rows still naming the student: {left:?}");
        let account: (String, Option<String>, Option<String>, Option<String>, bool) = with_pool!(&db, pool => sqlx::query_as(
            "SELECT given_name || ' ' || family_name, email, sourced_id, password_hash, active FROM users WHERE id = $1")
            .bind(student).fetch_one(pool).await).unwrap();
        assert_eq!(account, ("Anonymized student".to_string(), None, None, None, false));
        let goals_after = scalar(&db, "SELECT COUNT(*) FROM plan_goals").await;
        assert_eq!(goals_after, goals_before - own_goals, "only the student's goals went");
        let entry = "SELECT COUNT(*) FROM audit_log WHERE action = 'anonymize' AND detail = 'on request: Family request #42' AND actor_id IS NOT NULL";
        assert_eq!(scalar(&db, entry).await, 1);
        assert_eq!(signed_in_student.get("/home").await.status(), 303, "the student's sessions ended");

        let (_, page) = admin.page(&format!("/students/{student}/records")).await;
        assert!(page.contains("This record was anonymized") && !page.contains("records/anonymize"), "{page}");
        let (_, export) = admin.json_of(&format!("/students/{student}/records.json")).await;
        for (part, rows) in export["parts"].as_object().unwrap() {
            let rows = rows.as_array().unwrap().len();
            assert!(rows == 0 || matches!(part.as_str(), "users" | "audit_log"), "{part} still holds {rows} rows");
        }
        assert!(!export.to_string().contains(email), "the email is gone from the export");
    }
}

on_both_backends! {
    async fn the_retention_period_anonymizes_students_who_left_long_enough_ago(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let admin = app.signed_in("district-admin@demo.test").await;
        let (status, page) = admin.page("/admin/retention").await;
        assert_eq!(status, 200);
        assert!(page.contains("None set"), "{page}");
        let refused = admin.post("/admin/retention", &[("months", "0")]).await;
        assert_eq!(refused.status(), 400);
        assert!(refused.text().await.unwrap().contains("from 1 to 240"));
        assert_eq!(admin.post("/admin/retention", &[("months", "24")]).await.status(), 303);

        // Two students left the roster: one three years ago, one last month.
        let students: Vec<UserId> = with_pool!(&db, pool => sqlx::query_scalar(
            "SELECT u.id FROM users u JOIN districts d ON d.id = u.district_id
             WHERE d.slug = 'riverbend' AND u.role = 'student' AND COALESCE(u.email, '') <> 'student@demo.test' ORDER BY u.id LIMIT 2")
            .fetch_all(pool).await).unwrap();
        let now = time::OffsetDateTime::now_utc();
        for (student, days) in [(students[0], 3 * 365), (students[1], 30)] {
            with_pool!(&db, pool => sqlx::query("UPDATE users SET active = FALSE, inactive_since = $2 WHERE id = $1")
                .bind(student).bind(now - time::Duration::days(days)).execute(pool).await.map(|_| ())).unwrap();
        }
        let (_, page) = admin.page("/admin/retention").await;
        assert!(page.contains("24 months after a student leaves") && page.contains("Anonymize 1 record"), "{page}");

        let dry = pathways(app.database_url()).args(["retention", "apply", "--dry-run"]).output().unwrap();
        let printed = String::from_utf8_lossy(&dry.stdout).to_string();
        assert!(dry.status.success() && printed.contains("riverbend: 1 records past 24 months (dry run"), "{printed}");
        assert!(printed.contains("northfield: no retention period set"), "{printed}");
        let anonymized = "SELECT COUNT(*) FROM users WHERE anonymized_at IS NOT NULL";
        assert_eq!(scalar(&db, anonymized).await, 0, "a dry run changes nothing");

        let run = pathways(app.database_url()).args(["retention", "apply"]).output().unwrap();
        let printed = String::from_utf8_lossy(&run.stdout).to_string();
        assert!(run.status.success() && printed.contains("riverbend: 1 records anonymized"), "{printed}");
        let names: Vec<(UserId, String)> = with_pool!(&db, pool => sqlx::query_as(
            "SELECT id, given_name FROM users WHERE anonymized_at IS NOT NULL").fetch_all(pool).await).unwrap();
        assert_eq!(names, vec![(students[0], "Anonymized".to_string())], "only the one past the period");
        let entry = "SELECT COUNT(*) FROM audit_log WHERE action = 'anonymize' AND actor_id IS NULL AND detail LIKE 'retention period of 24 months%'";
        assert_eq!(scalar(&db, entry).await, 1);
        let again = pathways(app.database_url()).args(["retention", "apply"]).output().unwrap();
        assert!(String::from_utf8_lossy(&again.stdout).contains("riverbend: 0 records anonymized"), "a second run finds none");
        let (_, page) = admin.page("/admin/retention").await;
        assert!(!page.contains("Anonymize now"), "{page}");
    }
}
