//! Individual learning plans: who reads and edits them, interests from the framework,
//! goals with measurable benchmarks, stale edits refused with both versions, and history.

use crate::support::{TestApp, Visitor, on_both_backends, scalar};

async fn student_id(app: &TestApp) -> String {
    let db = app.db().await;
    let id: pathways::ids::UserId = pathways::with_pool!(&db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'student@demo.test'").fetch_one(pool).await
    })
    .unwrap();
    id.to_string()
}

/// The demo student's plan rows (the other demo students have plans of their own).
const OF_STUDENT: &str = "student_id = (SELECT id FROM users WHERE email = 'student@demo.test')";

async fn first_goal(app: &TestApp) -> (String, i64) {
    let db = app.db().await;
    let sql = format!("SELECT id, version FROM plan_goals WHERE {OF_STUDENT} ORDER BY created_at LIMIT 1");
    let (id, version): (pathways::ids::PlanGoalId, i64) = pathways::with_pool!(&db, pool => {
        sqlx::query_as(&sql).fetch_one(pool).await
    })
    .unwrap();
    (id.to_string(), version)
}

const GOAL: [(&str, &str); 5] = [
    ("kind", "academic"),
    ("title", "Pass Biology"),
    ("benchmark", "A B or better in Biology by June"),
    ("target_date", "2027-06-15"),
    ("status", "in_progress"),
];

fn goal_with(
    changes: &[(&'static str, &'static str)],
    version: Option<&'static str>,
) -> Vec<(&'static str, &'static str)> {
    let mut fields: Vec<_> =
        GOAL.iter().map(|(k, v)| (*k, changes.iter().find(|(c, _)| c == k).map_or(*v, |(_, v)| *v))).collect();
    if let Some(version) = version {
        fields.push(("version", version));
    }
    fields
}

/// The row of `student` in the whole-caseload table of the counselor's workspace.
async fn caseload_row(counselor: &Visitor, student: &str) -> String {
    let (status, page) = counselor.page("/caseload").await;
    assert_eq!(status, 200);
    // After the last "Whole caseload": the table's caption.
    let whole = page.rsplit("Whole caseload").next().unwrap().to_string();
    let row = whole.split("<tr>").find(|row| row.contains(&format!("/students/{student}/plan")));
    row.expect("the student is in the caseload").to_string()
}

/// Posts a form that must be refused (400) with `message` on the page.
async fn assert_refused(visitor: &Visitor, path: &str, fields: &[(&str, &str)], message: &str) {
    let response = visitor.post(path, fields).await;
    assert_eq!(response.status().as_u16(), 400, "{fields:?}");
    let text = response.text().await.unwrap();
    assert!(text.contains(message), "{fields:?}: {text}");
}

async fn post_status(visitor: &Visitor, path: &str, fields: &[(&str, &str)]) -> u16 {
    visitor.post(path, fields).await.status().as_u16()
}

on_both_backends! {
    async fn a_student_builds_a_plan_and_their_counselor_sees_and_edits_it(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let id = student_id(&app).await;
        let plan = format!("/students/{id}/plan");
        let student = app.signed_in("student@demo.test").await;

        let (status, page) = student.page(&plan).await;
        assert_eq!(status, 200);
        assert!(page.contains("No career interests yet"));
        assert_eq!(post_status(&student, &format!("{plan}/interests"), &[("choice", "subcluster:physical-health")]).await, 303);
        assert_eq!(post_status(&student, &format!("{plan}/interests"), &[("choice", "occupation:29-1141.00")]).await, 303);
        assert_eq!(post_status(&student, &format!("{plan}/interests"), &[("choice", "occupation:29-1141.00")]).await, 303, "adding twice is harmless");
        assert_eq!(post_status(&student, &format!("{plan}/interests"), &[("choice", "cluster:astrology")]).await, 400);
        assert_eq!(post_status(&student, &format!("{plan}/goals"), &GOAL).await, 303);
        assert_eq!(post_status(&student, &format!("{plan}/goals"), &goal_with(&[("title", "  ")], None)).await, 400);
        assert_eq!(post_status(&student, &format!("{plan}/goals"), &goal_with(&[("target_date", "31/02/2027")], None)).await, 400);
        assert_eq!(post_status(&student, &format!("{plan}/goals"), &goal_with(&[("benchmark", "<script>alert(1)</script>")], None)).await, 303);

        let (_, page) = student.page(&plan).await;
        assert!(page.contains("Physical Health") && page.contains("Registered Nurses"), "interests by name");
        assert!(page.contains("Pass Biology") && page.contains("2027-06-15"));
        let raw = student.get(&plan).await.text().await.unwrap();
        assert!(!raw.contains("<script>alert(1)</script>") && raw.contains("&#60;script&#62;alert(1)"), "text is escaped");
        let db = app.db().await;
        assert_eq!(scalar(&db, &format!("SELECT COUNT(*) FROM plan_interests WHERE {OF_STUDENT}")).await, 2);
        assert_eq!(scalar(&db, &format!("SELECT COUNT(*) FROM plan_goals WHERE {OF_STUDENT}")).await, 2, "invalid goals wrote nothing");

        let counselor = app.signed_in("counselor@demo.test").await;
        let (status, page) = counselor.page(&plan).await;
        assert_eq!(status, 200);
        assert!(page.contains("Pass Biology"));
        let staff_reads = format!("SELECT COUNT(*) FROM audit_log WHERE action = 'view_student' AND resource = '/students/{id}/plan'");
        assert_eq!(scalar(&db, &staff_reads).await, 1, "the counselor's read is audited");

        // Both open the goal at the same version; the counselor saves first.
        let (goal, version) = first_goal(&app).await;
        let edit = format!("{plan}/goals/{goal}");
        let v = version.to_string().leak() as &'static str;
        assert_eq!(post_status(&counselor, &edit, &goal_with(&[("status", "done")], Some(v))).await, 303);
        let response = student.post(&edit, &goal_with(&[("title", "Pass Biology with an A")], Some(v))).await;
        assert_eq!(response.status(), 409, "a stale edit is not saved over the newer one");
        let page = response.text().await.unwrap();
        assert!(page.contains("Someone else changed this part of the plan") && page.contains("Pass Biology with an A"), "both versions shown");
        let saved = format!("SELECT COUNT(*) FROM plan_goals WHERE {OF_STUDENT} AND status = 'done' AND title = 'Pass Biology'");
        assert_eq!(scalar(&db, &saved).await, 1);
        let newer = (version + 1).to_string().leak() as &'static str;
        assert_eq!(post_status(&student, &edit, &goal_with(&[("title", "Pass Biology with an A")], Some(newer))).await, 303);

        let (_, page) = counselor.page(&plan).await;
        assert!(page.contains("changed the goal \"Pass Biology with an A\""), "history says who changed what");
        assert!(page.contains("added the interest Registered Nurses"), "history names interests");
        let changes = format!("SELECT COUNT(*) FROM plan_changes WHERE {OF_STUDENT}");
        assert_eq!(scalar(&db, &changes).await, 6, "two interests, two goals, two edits");
    }
}

#[tokio::test]
async fn career_pages_offer_students_to_add_them_to_their_plan() {
    let app = TestApp::with_people(crate::support::Backend::Sqlite).await;
    let id = student_id(&app).await;
    let student = app.signed_in("student@demo.test").await;
    for (path, choice) in [
        ("/clusters/healthcare-human-services", "cluster:healthcare-human-services"),
        ("/subclusters/physical-health", "subcluster:physical-health"),
        ("/occupations/29-1141.00", "occupation:29-1141.00"),
    ] {
        let (status, page) = student.page(path).await;
        assert_eq!(status, 200);
        assert!(page.contains("Add to my plan") && page.contains(&format!("value=\"{choice}\"")), "{path}");
        assert!(page.contains(&format!("action=\"/students/{id}/plan/interests\"")), "{path}");
    }
    let counselor = app.signed_in("counselor@demo.test").await;
    let (_, page) = counselor.page("/clusters/healthcare-human-services").await;
    assert!(!page.contains("Add to my plan"), "only students have a plan of their own");
    let (_, page) = app.page("/clusters/healthcare-human-services").await;
    assert!(!page.contains("Add to my plan"));
}

on_both_backends! {
    async fn only_the_student_and_their_counselors_change_a_plan(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let id = student_id(&app).await;
        let add = format!("/students/{id}/plan/goals");
        for (email, expected) in [
            ("guardian@demo.test", 403),
            ("teacher@demo.test", 403),
            ("school-admin@demo.test", 403),
            ("district-admin@demo.test", 403),
            ("counselor@demo.test", 303),
            ("student@demo.test", 303),
        ] {
            let visitor = app.signed_in(email).await;
            assert_eq!(post_status(&visitor, &add, &GOAL).await, expected, "{email}");
            let (status, _) = visitor.page(&format!("/students/{id}/plan")).await;
            assert_eq!(status, 200, "{email} reads the plan");
        }
    }
}

on_both_backends! {
    async fn the_demo_district_has_plans_at_every_stage(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let students = scalar(&db, "SELECT COUNT(*) FROM users WHERE role = 'student'").await;
        let with_interests = scalar(&db, "SELECT COUNT(DISTINCT student_id) FROM plan_interests").await;
        let with_goals = scalar(&db, "SELECT COUNT(DISTINCT student_id) FROM plan_goals").await;
        let met = scalar(&db, "SELECT COUNT(DISTINCT student_id) FROM plan_goals WHERE status = 'done'").await;
        assert!(with_interests > students / 2 && with_interests < students, "{with_interests} of {students} chose interests");
        assert!(with_goals > students / 5 && with_goals < with_interests, "{with_goals} set goals");
        assert!(met > 0 && met < with_goals, "{met} met a goal");
        assert_eq!(scalar(&db, &format!("SELECT COUNT(*) FROM plan_interests WHERE {OF_STUDENT}")).await, 0, "the demo student starts empty");

        let counselor = app.signed_in("counselor@demo.test").await;
        let (_, home) = counselor.page("/home").await;
        let ids: Vec<String> = home.match_indices("href=\"/students/").map(|(i, _)| home[i + 16..].chars().take(36).collect()).collect();
        let mut shown = 0;
        for id in ids.iter().take(12) {
            let (status, page) = counselor.page(&format!("/students/{id}/plan")).await;
            assert_eq!(status, 200);
            shown += usize::from(!page.contains("No career interests chosen yet"));
        }
        assert!(shown > 0, "the counselor's caseload has plans to look at");
        assert!(shown < ids.len().min(12), "and some not started yet");
    }
}

on_both_backends! {
    async fn counselors_keep_meeting_notes_private_or_shared(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let id = student_id(&app).await;
        let plan = format!("/students/{id}/plan");
        let notes = format!("{plan}/notes");
        let counselor = app.signed_in("counselor@demo.test").await;
        let private = "Talked about <script>alert(1)</script> & family plans";
        assert_eq!(post_status(&counselor, &notes, &[("body", private)]).await, 303);
        assert_eq!(post_status(&counselor, &notes, &[("body", "Visit the nursing camp"), ("shared", "yes")]).await, 303);

        let raw = counselor.get(&plan).await.text().await.unwrap();
        assert!(raw.contains("alert(1)") && !raw.contains("<script>alert(1)"), "notes are shown as text");
        let (_, page) = counselor.page(&plan).await;
        assert!(page.contains("Visit the nursing camp") && page.contains("Private to counselors"));

        for (email, private_shown, shared_shown) in [
            ("student@demo.test", false, true),
            ("guardian@demo.test", false, true),
            ("teacher@demo.test", false, false),
            ("school-admin@demo.test", false, true),
        ] {
            let (status, page) = app.signed_in(email).await.page(&plan).await;
            assert_eq!(status, 200);
            assert_eq!(page.contains("alert(1)"), private_shown, "{email}: private note");
            assert_eq!(page.contains("Visit the nursing camp"), shared_shown, "{email}: shared note");
            assert!(!page.contains("Note from the meeting"), "{email} has no note form");
        }
        // The student and guardians comment; a comment is shared even when asked to be private.
        let guardian = app.signed_in("guardian@demo.test").await;
        assert_eq!(post_status(&guardian, &notes, &[("body", "We can drive her to the camp")]).await, 303);
        let student = app.signed_in("student@demo.test").await;
        assert_eq!(post_status(&student, &notes, &[("body", "I would like the night shift")]).await, 303);
        let unshared = "SELECT COUNT(*) FROM plan_notes n JOIN users u ON u.id = n.author_id WHERE u.role <> 'counselor' AND NOT n.shared";
        assert_eq!(scalar(&app.db().await, unshared).await, 0, "comments are shared");
        for (email, reads) in [("counselor@demo.test", true), ("student@demo.test", true), ("teacher@demo.test", false)] {
            let (_, page) = app.signed_in(email).await.page(&plan).await;
            assert_eq!(page.contains("We can drive her to the camp"), reads, "{email} and the guardian's comment");
        }
        assert_eq!(post_status(&app.signed_in("teacher@demo.test").await, &notes, &[("body", "Hi")]).await, 403);

        let before = scalar(&app.db().await, "SELECT COUNT(*) FROM plan_notes").await;
        let overlong = "x".repeat(4001);
        for body in ["   ", overlong.as_str()] {
            assert_refused(&counselor, &notes, &[("body", body)], "up to 4,000 characters").await;
        }
        assert_eq!(scalar(&app.db().await, "SELECT COUNT(*) FROM plan_notes").await, before, "nothing half-saved");
        let audited = "SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'plan: added a % note'";
        assert_eq!(scalar(&app.db().await, audited).await, 4);
    }
}

on_both_backends! {
    async fn the_student_a_guardian_and_a_counselor_sign_off_the_year(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let id = student_id(&app).await;
        let plan = format!("/students/{id}/plan");
        let sign = format!("{plan}/signoff");
        let year = pathways::plans::signoffs::school_year(time::OffsetDateTime::now_utc().date());
        for email in ["teacher@demo.test", "school-admin@demo.test"] {
            let visitor = app.signed_in(email).await;
            assert_eq!(post_status(&visitor, &sign, &[]).await, 403, "{email}");
            assert!(!visitor.page(&plan).await.1.contains(&format!("Sign off the {year} plan")), "{email}");
        }
        let counselor = app.signed_in("counselor@demo.test").await;
        for email in ["student@demo.test", "guardian@demo.test", "counselor@demo.test"] {
            assert!(caseload_row(&counselor, &id).await.contains("Sign-offs missing this year"), "before {email} signs");
            let visitor = app.signed_in(email).await;
            assert!(visitor.page(&plan).await.1.contains(&format!("Sign off the {year} plan")), "{email} is offered");
            assert_eq!(post_status(&visitor, &sign, &[]).await, 303, "{email}");
            assert_eq!(post_status(&visitor, &sign, &[]).await, 303, "{email} again");
            assert!(!visitor.page(&plan).await.1.contains(&format!("Sign off the {year} plan")), "{email} signed");
        }
        let of_year = format!("SELECT COUNT(*) FROM plan_signoffs WHERE {OF_STUDENT} AND school_year = '{year}'");
        assert_eq!(scalar(&app.db().await, &of_year).await, 3, "one sign-off each, signing twice adds none");
        assert!(!caseload_row(&counselor, &id).await.contains("Sign-offs missing"), "all three signed");
        let (_, page) = app.signed_in("teacher@demo.test").await.page(&plan).await;
        for role in ["Student", "Guardian", "Counselor"] {
            assert!(page.contains(&format!(">{role}</span>")), "{role} sign-off shown");
        }
        let audited = "SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'plan: signed off %'";
        assert_eq!(scalar(&app.db().await, audited).await, 3);
    }
}

on_both_backends! {
    async fn next_steps_reach_their_owners_home_pages_and_are_marked_done_once(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let id = student_id(&app).await;
        let plan = format!("/students/{id}/plan");
        let add = format!("{plan}/steps");
        let counselor = app.signed_in("counselor@demo.test").await;
        let step = [("title", "Sign the job-shadow permission form"), ("owner", "guardian"), ("due_on", "2027-02-01")];
        assert_eq!(post_status(&counselor, &add, &step).await, 303);
        assert_eq!(post_status(&counselor, &add, &[("title", "Ask about AP Biology"), ("owner", "teacher")]).await, 303);

        let before = scalar(&app.db().await, "SELECT COUNT(*) FROM plan_steps").await;
        let overlong = "x".repeat(201);
        for (fields, message) in [
            (vec![("title", overlong.as_str()), ("owner", "student")], "up to 200 characters"),
            (vec![("title", "Visit"), ("owner", "principal")], "the student, a guardian, a counselor or a teacher"),
            (vec![("title", "Visit"), ("owner", "student"), ("due_on", "2027-02-30")], "the due date as a date"),
        ] {
            assert_refused(&counselor, &add, &fields, message).await;
        }
        assert_eq!(scalar(&app.db().await, "SELECT COUNT(*) FROM plan_steps").await, before, "nothing half-saved");

        let guardian = app.signed_in("guardian@demo.test").await;
        let (_, home) = guardian.page("/home").await;
        assert!(home.contains("Your next steps") && home.contains("Sign the job-shadow permission form"));
        assert!(!home.contains("Ask about AP Biology"), "the teacher's step is not the guardian's");
        let (_, home) = app.signed_in("teacher@demo.test").await.page("/home").await;
        assert!(home.contains("Ask about AP Biology") && !home.contains("job-shadow"));

        let step_id: pathways::ids::PlanStepId = pathways::with_pool!(&app.db().await, pool => {
            sqlx::query_scalar("SELECT id FROM plan_steps WHERE owner_role = 'guardian'").fetch_one(pool).await
        })
        .unwrap();
        let done = format!("{plan}/steps/{step_id}/done");
        let teacher = app.signed_in("teacher@demo.test").await;
        assert_eq!(post_status(&teacher, &done, &[]).await, 403, "a teacher does not close a guardian's step");
        assert_eq!(post_status(&guardian, &done, &[]).await, 303);
        assert_eq!(post_status(&guardian, &done, &[]).await, 303, "again: nothing changes");
        let (_, home) = guardian.page("/home").await;
        assert!(!home.contains("job-shadow"), "done steps leave the home page");
        let (_, page) = counselor.page(&plan).await;
        assert!(page.contains("Sign the job-shadow permission form") && page.contains("done"));
        let audited = "SELECT COUNT(*) FROM audit_log WHERE detail = 'plan: marked a step done'";
        assert_eq!(scalar(&app.db().await, audited).await, 1);
    }
}

on_both_backends! {
    async fn the_counselor_queue_puts_overdue_steps_first_and_shows_why(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let id = student_id(&app).await;
        let counselor = app.signed_in("counselor@demo.test").await;
        let step = [("title", "Turn in the work permit"), ("owner", "student"), ("due_on", "2020-01-02")];
        assert_eq!(post_status(&counselor, &format!("/students/{id}/plan/steps"), &step).await, 303);

        let (status, page) = counselor.page("/caseload").await;
        assert_eq!(status, 200);
        let queue = page.split("Whole caseload").next().unwrap();
        let first_row = queue.split("<tbody>").nth(1).unwrap().split("</tr>").next().unwrap();
        assert!(first_row.contains(&format!("/students/{id}/plan")), "the student with an overdue step leads: {first_row}");
        assert!(first_row.contains("Overdue next steps (1)"), "{first_row}");
        assert!(page.contains("Overdue next steps: 3 points each"), "the rules are shown");

        let (_, filtered) = counselor.page("/caseload?need=overdue-steps").await;
        assert!(filtered.contains("1 student shown"), "only the student with an overdue step");
        let (_, by_grade) = counselor.page("/caseload?grade=10&need=").await;
        let rows = by_grade.rsplit("Whole caseload").next().unwrap();
        assert!(rows.contains("<td>10</td>"), "grade 10 students are listed");
        assert!(!rows.contains("<td>9</td>") && !rows.contains("<td>11</td>"), "only grade 10");
        for bad in ["/caseload?grade=13", "/caseload?need=everything", "/caseload?school=nowhere"] {
            let response = counselor.get(bad).await;
            assert_eq!(response.status().as_u16(), 400, "{bad}");
        }
        let (status, _) = app.signed_in("teacher@demo.test").await.page("/caseload").await;
        assert_eq!(status, 403);
    }
}

on_both_backends! {
    async fn a_counselor_assigns_a_step_to_a_whole_grade_of_their_caseload(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let counselor = app.signed_in("counselor@demo.test").await;
        let grade_10 = "SELECT COUNT(*) FROM users u WHERE u.role = 'student' AND u.active AND u.grade = 10 AND (
                 u.id IN (SELECT k.student_id FROM caseloads k JOIN users c ON c.id = k.counselor_id WHERE c.email = 'counselor@demo.test')
                 OR EXISTS (SELECT 1 FROM counselor_assignments a JOIN users c ON c.id = a.counselor_id
                            WHERE c.email = 'counselor@demo.test' AND a.school_id = u.school_id AND a.grade = 10))";
        let expected = scalar(&app.db().await, grade_10).await;
        assert!(expected > 0, "the demo counselor has grade 10 students");
        let form = [("title", "Bring the career fair permission slip"), ("owner", "guardian"), ("due_on", "2027-04-01"), ("grade", "10")];
        let response = counselor.post("/caseload/steps", &form).await;
        assert_eq!(response.status().as_u16(), 303);
        let steps = "SELECT COUNT(*) FROM plan_steps WHERE title = 'Bring the career fair permission slip' AND owner_role = 'guardian'";
        assert_eq!(scalar(&app.db().await, steps).await, expected, "one step per grade-10 student of the caseload");
        let (_, home) = app.signed_in("guardian@demo.test").await.page("/home").await;
        assert!(home.contains("Bring the career fair permission slip"), "the demo guardian's child is in grade 10");

        let before = scalar(&app.db().await, "SELECT COUNT(*) FROM plan_steps").await;
        for (grade, message) in [("13", "from 6 to 12"), ("6", "No student of that grade is in your caseload")] {
            let mut fields = form.to_vec();
            fields[3] = ("grade", grade);
            assert_refused(&counselor, "/caseload/steps", &fields, message).await;
        }
        assert_eq!(scalar(&app.db().await, "SELECT COUNT(*) FROM plan_steps").await, before, "nothing half-saved");
        let audited = "SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'plan: added a step for the guardian to % students of grade 10'";
        assert_eq!(scalar(&app.db().await, audited).await, 1);
    }
}

#[tokio::test]
async fn the_filtered_caseload_downloads_as_csv_that_spreadsheets_read_safely() {
    let app = TestApp::with_people(crate::support::Backend::Sqlite).await;
    let db = app.db().await;
    // A roster name that a spreadsheet would run as a formula.
    pathways::with_pool!(&db, pool => sqlx::query("UPDATE users SET family_name = '=HYPERLINK(\"x\")' WHERE email = 'student@demo.test'")
        .execute(pool).await.map(|_| ())).unwrap();
    let counselor = app.signed_in("counselor@demo.test").await;
    let (_, page) = counselor.page("/caseload?grade=10").await;
    assert!(page.contains("href=\"/caseload.csv?grade=10&school=&need=\""), "the page links its own filters");

    let response = counselor.get("/caseload.csv?grade=10").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    let body = response.text().await.unwrap();
    let body = body.strip_prefix('\u{feff}').expect("a byte order mark for spreadsheets");
    let mut lines = body.split("\r\n").filter(|l| !l.is_empty());
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("family_name,given_name,grade,school,cluster_chosen") && header.ends_with(",needs,points")
    );
    let rows: Vec<&str> = lines.collect();
    let shown = scalar(
        &db,
        &format!(
            "SELECT COUNT(*) FROM users u WHERE u.role = 'student' AND u.active AND u.grade = 10 AND {}",
            pathways::orgs::store::IN_CASELOAD
                .replace("$1", "(SELECT id FROM users WHERE email = 'counselor@demo.test')")
        ),
    )
    .await;
    assert_eq!(rows.len() as i64, shown, "one row per student of grade 10 in the caseload");
    assert!(rows.iter().all(|r| r.split(',').nth(2) == Some("10")), "only grade 10");
    assert!(rows.iter().any(|r| r.starts_with("\"'=HYPERLINK(\"\"x\"\")\"")), "the formula stays text: {rows:?}");

    assert_eq!(counselor.get("/caseload.csv?grade=13").await.status(), 400);
    let teacher = app.signed_in("teacher@demo.test").await;
    assert_eq!(teacher.get("/caseload.csv").await.status(), 403);
    assert_eq!(
        scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND resource = '/caseload.csv'").await,
        1
    );
}
