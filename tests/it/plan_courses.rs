//! The course plan checked against the district's graduation credits, the district's plan
//! template with its checklist, and what both show the counselor.

use crate::support::{TestApp, Visitor, on_both_backends, scalar, unescape};

const STUDENT: &str = "(SELECT id FROM users WHERE email = 'student@demo.test')";

async fn text(app: &TestApp, sql: &str) -> String {
    let db = app.db().await;
    let value: String = pathways::with_pool!(&db, pool => sqlx::query_scalar(sql).fetch_one(pool).await).unwrap();
    value
}

async fn uuid_of(app: &TestApp, sql: &str) -> String {
    let db = app.db().await;
    let id: uuid::Uuid = pathways::with_pool!(&db, pool => sqlx::query_scalar(sql).fetch_one(pool).await).unwrap();
    id.to_string()
}

async fn plan_path(app: &TestApp) -> String {
    format!("/students/{}/plan", uuid_of(app, &format!("SELECT id FROM users WHERE id = {STUDENT}")).await)
}

/// A course of the district the student is in, or of another one, by title.
async fn course(app: &TestApp, title: &str, same_district: bool) -> String {
    let op = if same_district { "=" } else { "<>" };
    let sql = format!(
        "SELECT id FROM courses WHERE title = '{title}' AND district_id {op} (SELECT district_id FROM users WHERE id = {STUDENT})
         ORDER BY id LIMIT 1"
    );
    uuid_of(app, &sql).await
}

async fn status(visitor: &Visitor, path: &str, fields: &[(&str, &str)]) -> u16 {
    visitor.post(path, fields).await.status().as_u16()
}

async fn page(visitor: &Visitor, path: &str) -> String {
    let (status, page) = visitor.page(path).await;
    assert_eq!(status, 200, "{path}");
    unescape(&page)
}

on_both_backends! {
    async fn a_course_plan_counts_credits_warns_when_behind_and_refuses_bad_input(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let plan = plan_path(&app).await;
        let courses = format!("{plan}/courses");
        let student = app.signed_in("student@demo.test").await;
        let count = format!("SELECT COUNT(*) FROM plan_courses WHERE student_id = {STUDENT}");

        // The demo student (grade 10) completed grade 9 and is taking grade 10.
        let shown = page(&student, &plan).await;
        assert!(shown.contains("Course plan") && shown.contains("Credits toward graduation"));
        assert!(shown.contains("English 9") && shown.contains("Completed"), "grade 9 courses are on the plan");
        let before = scalar(&db, &count).await;
        assert!(before >= 8, "two grades of courses, got {before}");

        let english_11 = course(&app, "English 11", true).await;
        let add = |course: &str, grade: &'static str, status: &'static str| {
            vec![("course", course.to_string()), ("grade", grade.to_string()), ("status", status.to_string())]
        };
        let form = |fields: &[(&'static str, String)]| fields.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
        let post = |fields: Vec<(&'static str, String)>| {
            let (student, courses) = (&student, &courses);
            async move {
                let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                status(student, courses, &pairs).await
            }
        };
        assert_eq!(post(form(&add(&english_11, "11", "planned"))).await, 303);
        assert!(page(&student, &plan).await.contains("English 11"));

        let northfield = course(&app, "English 11", false).await;
        for (fields, why) in [
            (add(&english_11, "12", "planned"), "already on the plan"),
            (add(&northfield, "11", "planned"), "another district's course"),
            (add("00000000-0000-0000-0000-000000000000", "11", "planned"), "no such course"),
            (add("English 11", "11", "planned"), "not a course id"),
            (add(&english_11, "13", "planned"), "no grade 13"),
            (add(&english_11, "", "planned"), "no grade"),
            (add(&english_11, "11", "dropped"), "unknown status"),
        ] {
            assert_eq!(post(fields).await, 400, "{why}");
        }
        assert_eq!(scalar(&db, &count).await, before + 1, "bad input wrote nothing");
        let refused = student.post(&courses, &[("course", northfield.as_str()), ("grade", "11"), ("status", "planned")]).await;
        assert!(unescape(&refused.text().await.unwrap()).contains("not in the district's course catalog"));

        // Moving the course is versioned: a stale edit shows both versions and writes nothing.
        // The student is in grade 10: the only grade 11 course is the one just added.
        let placed = uuid_of(&app, &format!("SELECT id FROM plan_courses WHERE student_id = {STUDENT} AND grade = 11")).await;
        let edit = format!("{courses}/{placed}");
        assert_eq!(status(&student, &edit, &[("grade", "12"), ("status", "planned"), ("version", "1")]).await, 303);
        let stale = student.post(&edit, &[("grade", "11"), ("status", "in_progress"), ("version", "1")]).await;
        assert_eq!(stale.status().as_u16(), 409);
        let conflict = unescape(&stale.text().await.unwrap());
        assert!(conflict.contains("In progress") && conflict.contains("Planned"), "both versions are shown");
        let moved = format!("SELECT status FROM plan_courses WHERE student_id = {STUDENT} AND grade = 12");
        assert_eq!(text(&app, &moved).await, "planned", "the stale edit wrote nothing");
        assert!(page(&student, &plan).await.contains("changed the course \"English 11 (ENG11)\""));

        // A grade 9 course not passed leaves the student behind the pace to graduate.
        let ninth = uuid_of(&app, &format!("SELECT id FROM plan_courses WHERE student_id = {STUDENT} AND grade = 9 ORDER BY id LIMIT 1")).await;
        assert_eq!(status(&student, &format!("{courses}/{ninth}"), &[("grade", "9"), ("status", "not_passed"), ("version", "1")]).await, 303);
        let behind = page(&student, &plan).await;
        assert!(behind.contains("are expected by the start of grade 10"), "the off-track warning");

        let counselor = app.signed_in("counselor@demo.test").await;
        let id = plan.trim_start_matches("/students/").trim_end_matches("/plan");
        let off_track = page(&counselor, "/caseload?need=off-track").await;
        assert!(off_track.contains(&format!("/students/{id}/plan")), "the counselor finds the student off track");
        let csv = counselor.get("/caseload.csv?need=off-track").await.text().await.unwrap();
        assert!(csv.lines().next().unwrap().contains("off_track,checklist_met,checklist_items"));
        assert!(csv.lines().skip(1).all(|line| line.contains(",yes,")), "every row of the filter is off track");

        assert_eq!(status(&student, &format!("{courses}/{placed}/remove"), &[]).await, 303);
        assert_eq!(status(&student, &format!("{courses}/{placed}/remove"), &[]).await, 303, "a second click");
        assert_eq!(scalar(&db, &count).await, before);
        // Teachers read plans but do not edit them.
        let teacher = app.signed_in("teacher@demo.test").await;
        assert_eq!(post_as(&teacher, &courses, &english_11).await, 403);
    }
}

on_both_backends! {
    async fn a_district_sets_its_plan_template_and_credits_and_plans_follow(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let plan = plan_path(&app).await;
        let admin = app.signed_in("district-admin@demo.test").await;
        let student = app.signed_in("student@demo.test").await;

        let standard = page(&student, &plan).await;
        assert!(standard.contains("Plan checklist") && standard.contains("Grade 10"));
        let overview = page(&admin, "/admin/plans").await;
        assert!(overview.contains("Completeness by grade") && overview.contains("Pathways standard plan"));

        assert_eq!(status(&admin, "/admin/plans/template", &[("preset", "wa-hsbp")]).await, 303);
        let washington = page(&student, &plan).await;
        assert!(washington.contains("Set 2 goals with benchmarks — any of: Academic, Career"), "the WA grade 10 element");
        assert!(page(&admin, "/admin/plans").await.contains("Washington High School and Beyond Plan"));

        let elements = "SELECT COUNT(*) FROM plan_template_elements";
        let before = scalar(&db, elements).await;
        let internship = [("grade", "10"), ("kind", "activities"), ("count", "1"), ("option-activities", "internship")];
        assert_eq!(status(&admin, "/admin/plans/elements", &internship).await, 303);
        assert!(page(&student, &plan).await.contains("Record an activity — any of: Internship"));
        assert!(page(&admin, "/admin/plans").await.contains("Washington High School and Beyond Plan, and the district changed it since"));
        for (fields, why) in [
            (vec![("grade", "5"), ("kind", "goals"), ("count", "1")], "grade 5"),
            (vec![("grade", "9"), ("kind", "party"), ("count", "1")], "unknown kind"),
            (vec![("grade", "9"), ("kind", "goals"), ("count", "0")], "none required"),
            (vec![("grade", "9"), ("kind", "goals"), ("count", "1"), ("option-goals", "fame")], "unknown option"),
        ] {
            assert_eq!(status(&admin, "/admin/plans/elements", &fields).await, 400, "{why}");
        }
        assert_eq!(scalar(&db, elements).await, before + 1);
        let added = uuid_of(&app, "SELECT id FROM plan_template_elements WHERE options = 'internship'").await;
        assert_eq!(status(&admin, &format!("/admin/plans/elements/{added}/remove"), &[]).await, 303);
        assert_eq!(scalar(&db, elements).await, before);

        let rules = "SELECT COUNT(*) FROM graduation_rules";
        let refused = [("english", "5"), ("math", "3"), ("total", "3")];
        assert_eq!(status(&admin, "/admin/plans/credits", &refused).await, 400, "total below the areas");
        assert_eq!(status(&admin, "/admin/plans/credits", &[("english", "four")]).await, 400);
        assert_eq!(scalar(&db, rules).await, 0, "refused credits wrote nothing");
        let credits = [("english", "3"), ("math", "2,5"), ("science", "3"), ("total", "20")];
        assert_eq!(status(&admin, "/admin/plans/credits", &credits).await, 303);
        assert_eq!(scalar(&db, "SELECT credits FROM graduation_rules WHERE area = 'math'").await, 250);
        assert!(page(&student, &plan).await.contains("toward the 20 credits needed to graduate"));

        // Only administrators of the district change what it requires.
        let counselor = app.signed_in("counselor@demo.test").await;
        assert_eq!(status(&counselor, "/admin/plans/template", &[("preset", "co-icap")]).await, 403);
    }
}

on_both_backends! {
    async fn a_plan_file_carries_its_courses_to_another_district(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let plan = plan_path(&app).await;
        let student = app.signed_in("student@demo.test").await;
        let response = student.get(&format!("{plan}/export.json")).await;
        assert_eq!(response.status(), 200);
        let file: serde_json::Value = response.json().await.unwrap();
        let courses = file["courses"].as_array().expect("courses in the file");
        assert!(courses.iter().any(|c| c["title"] == "English 9" && c["status"] == "completed" && c["area"] == "english"));
        assert!(courses.iter().all(|c| c["credits"].as_f64() == Some(1.0) && c.get("course_id").is_none()));
    }
}

async fn post_as(visitor: &Visitor, path: &str, course: &str) -> u16 {
    status(visitor, path, &[("course", course), ("grade", "11"), ("status", "planned")]).await
}
