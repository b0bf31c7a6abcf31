//! What a student does beyond courses: activities and work-based learning tagged with
//! clusters and Career Ready Practices, reflections on grade-appropriate prompts, the
//! practices' progress, and the plan for after high school.

use crate::support::{TestApp, Visitor, on_both_backends, scalar};

const OF_STUDENT: &str = "student_id = (SELECT id FROM users WHERE email = 'student@demo.test')";

async fn student_plan(app: &TestApp) -> String {
    let db = app.db().await;
    let id: pathways::ids::UserId = pathways::with_pool!(&db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'student@demo.test'").fetch_one(pool).await
    })
    .unwrap();
    format!("/students/{id}/plan")
}

async fn row_of(app: &TestApp, sql: &str) -> (String, i64) {
    let db = app.db().await;
    let (id, version): (uuid::Uuid, i64) =
        pathways::with_pool!(&db, pool => sqlx::query_as(sql).fetch_one(pool).await).unwrap();
    (id.to_string(), version)
}

const NEWSPAPER: [(&str, &str); 9] = [
    ("kind", "club"),
    ("title", "School newspaper"),
    ("organization", "The Lincoln Ledger"),
    ("description", "Wrote and edited the sports page"),
    ("started_on", "2026-09-01"),
    ("hours", "60"),
    ("cluster", "arts-entertainment-design"),
    ("practice", "cctc-2012/CRP4"),
    ("practice", "cctc-2012/CRP12"),
];

fn with(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut fields: Vec<_> = NEWSPAPER.iter().filter(|(k, _)| !changes.iter().any(|(c, _)| c == k)).copied().collect();
    fields.extend(changes.iter().filter(|(_, v)| !v.is_empty()).copied());
    fields
}

async fn status(visitor: &Visitor, path: &str, fields: &[(&str, &str)]) -> u16 {
    visitor.post(path, fields).await.status().as_u16()
}

on_both_backends! {
    async fn activities_and_work_based_learning_are_tagged_versioned_and_counted_as_evidence(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let plan = student_plan(&app).await;
        let activities = format!("{plan}/activities");
        let student = app.signed_in("student@demo.test").await;
        let db = app.db().await;

        assert_eq!(status(&student, &activities, &NEWSPAPER).await, 303);
        let internship = [
            ("kind", "internship"), ("title", "Summer intern at Mercy Clinic"), ("organization", "Mercy Clinic"),
            ("hours", "120"), ("cluster", "healthcare-human-services"), ("practice", "cctc-2012/CRP1"),
            ("practice", "cctc-2012/CRP4"),
        ];
        assert_eq!(status(&student, &activities, &internship).await, 303);
        for (bad, why) in [
            (with(&[("ended_on", "2026-08-01")]), "ends before it starts"),
            (with(&[("hours", "-4")]), "negative hours"),
            (with(&[("hours", "lots")]), "hours not a number"),
            (with(&[("started_on", "2026-02-30")]), "no such date"),
            (with(&[("cluster", "astrology")]), "unknown cluster"),
            (with(&[("practice", "cctc-2012/CRP99")]), "unknown practice"),
            (with(&[("kind", "party")]), "unknown kind"),
            (with(&[("title", " ")]), "no title"),
        ] {
            assert_eq!(status(&student, &activities, &bad).await, 400, "{why}");
        }
        let long = "x".repeat(201);
        let mut too_long = with(&[]);
        too_long.retain(|(k, _)| *k != "title");
        too_long.push(("title", &long));
        assert_eq!(status(&student, &activities, &too_long).await, 400, "overlong title");
        assert_eq!(scalar(&db, &format!("SELECT COUNT(*) FROM plan_activities WHERE {OF_STUDENT}")).await, 2, "bad input wrote nothing");
        assert_eq!(scalar(&db, &format!("SELECT COUNT(*) FROM plan_tags WHERE {OF_STUDENT}")).await, 6);

        let (_, page) = student.page(&plan).await;
        let (before_wbl, wbl) = page.split_once("Work-based learning</h3>").unwrap_or_else(|| panic!("{page}"));
        assert!(before_wbl.contains("School newspaper") && wbl.contains("Summer intern at Mercy Clinic"), "work-based learning listed apart");
        assert!(before_wbl.contains("60 hours") && before_wbl.contains("Arts, Entertainment, & Design"), "{before_wbl}");
        assert!(page.contains("Evidence for 3 of the 12 practices"), "CRP1, CRP4, CRP12");

        // The counselor and the student open the newspaper at the same version.
        let (newspaper, version) = row_of(&app, &format!("SELECT id, version FROM plan_activities WHERE {OF_STUDENT} AND kind = 'club'")).await;
        let edit = format!("{activities}/{newspaper}");
        let v = version.to_string();
        let counselor = app.signed_in("counselor@demo.test").await;
        let mut counselors = with(&[("hours", "80")]);
        counselors.push(("version", &v));
        assert_eq!(status(&counselor, &edit, &counselors).await, 303);
        let mut students = with(&[("title", "School newspaper editor")]);
        students.retain(|(k, v)| !(*k == "practice" && *v == "cctc-2012/CRP12"));
        students.push(("version", &v));
        let response = student.post(&edit, &students).await;
        assert_eq!(response.status(), 409, "a stale edit is refused");
        let page = response.text().await.unwrap();
        assert!(page.contains("School newspaper editor") && page.contains("80"), "both versions shown");
        assert!(page.contains("name=\"cluster\" value=\"arts-entertainment-design\""), "the tags are sent again");
        let newer = (version + 1).to_string();
        students.retain(|(k, _)| *k != "version");
        students.push(("version", &newer));
        assert_eq!(status(&student, &edit, &students).await, 303);
        assert_eq!(scalar(&db, &format!("SELECT COUNT(*) FROM plan_tags WHERE {OF_STUDENT} AND ref = 'cctc-2012/CRP12'")).await, 0, "tags replaced");

        assert_eq!(status(&student, &format!("{edit}/remove"), &[]).await, 303);
        assert_eq!(status(&student, &format!("{edit}/remove"), &[]).await, 303, "removing twice is harmless");
        assert_eq!(scalar(&db, &format!("SELECT COUNT(*) FROM plan_activities WHERE {OF_STUDENT}")).await, 1);
        assert_eq!(scalar(&db, &format!("SELECT COUNT(*) FROM plan_tags WHERE {OF_STUDENT}")).await, 3, "the internship's tags remain");
        let (_, page) = counselor.page(&plan).await;
        assert!(page.contains("What you did: School newspaper → School newspaper editor"), "the history shows what changed");
        assert!(page.contains("Hours in all (optional): 60 → 80"), "field by field");
        for line in ["added the activity \"School newspaper\"", "changed the activity \"School newspaper editor\"", "removed the activity \"School newspaper editor\""] {
            assert!(page.contains(line), "history: {line}");
        }
        let guardian = app.signed_in("guardian@demo.test").await;
        assert_eq!(status(&guardian, &activities, &NEWSPAPER).await, 403, "guardians read the plan, they do not edit it");
    }
}

on_both_backends! {
    async fn students_reflect_on_prompts_for_their_grade_and_teachers_do_not_read_reflections(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let plan = student_plan(&app).await;
        let reflections = format!("{plan}/reflections");
        let student = app.signed_in("student@demo.test").await;
        let db = app.db().await;

        let body = "Interviewing the coach for the paper taught me to ask follow-up questions.";
        let reflection = [("prompt", "teamwork"), ("body", body), ("practice", "cctc-2012/CRP4")];
        assert_eq!(status(&student, &reflections, &reflection).await, 303);
        assert_eq!(status(&student, &reflections, &[("prompt", "teamwork"), ("body", "  ")]).await, 400, "empty");
        assert_eq!(status(&student, &reflections, &[("prompt", "horoscope"), ("body", body)]).await, 400, "unknown prompt");
        let long = "y".repeat(4001);
        assert_eq!(status(&student, &reflections, &[("prompt", "free"), ("body", long.as_str())]).await, 400, "too long");
        let counselor = app.signed_in("counselor@demo.test").await;
        assert_eq!(status(&counselor, &reflections, &reflection).await, 403, "reflections are the student's own words");
        assert_eq!(scalar(&db, &format!("SELECT COUNT(*) FROM plan_reflections WHERE {OF_STUDENT}")).await, 1);

        let (_, page) = student.page(&plan).await;
        assert!(page.contains(body) && page.contains("working with others"), "the prompt is shown with the answer");
        assert!(page.contains("Evidence for 1 of the 12 practices"));
        let grade: i64 = scalar(&db, "SELECT grade FROM users WHERE email = 'student@demo.test'").await;
        let offered = |id: &str| page.contains(&format!("<option value=\"{id}\">"));
        assert!(offered("free"));
        assert_eq!(offered("enjoy"), grade <= 8, "middle-school prompts for grade {grade}");
        assert_eq!(offered("after-school"), grade >= 11, "upper-grade prompts for grade {grade}");

        for (who, reads) in [("counselor@demo.test", true), ("guardian@demo.test", true), ("teacher@demo.test", false)] {
            let (status, page) = app.signed_in(who).await.page(&plan).await;
            assert_eq!(status, 200, "{who}");
            assert_eq!(page.contains(body), reads, "{who} reads the reflection: {reads}");
        }
    }
}

on_both_backends! {
    async fn the_plan_after_high_school_is_saved_once_per_version(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let plan = student_plan(&app).await;
        let path = format!("{plan}/postsecondary");
        let student = app.signed_in("student@demo.test").await;
        let counselor = app.signed_in("counselor@demo.test").await;
        let db = app.db().await;

        let (_, page) = student.page(&plan).await;
        assert!(page.contains("Not decided yet"));
        let mine = [("path", "two_year"), ("details", "Nursing prerequisites at Lincoln Community College"), ("version", "0")];
        assert_eq!(status(&student, &path, &mine).await, 303);
        let theirs = [("path", "four_year"), ("details", "BSN programs"), ("version", "0")];
        let response = counselor.post(&path, &theirs).await;
        assert_eq!(response.status(), 409, "both started from the unsaved plan; the second sees the first");
        let page = response.text().await.unwrap();
        assert!(page.contains("Two-year college") && page.contains("Four-year college or university"));
        assert_eq!(status(&counselor, &path, &[("path", "gap_year"), ("details", ""), ("version", "1")]).await, 400);
        assert_eq!(status(&counselor, &path, &[("path", "four_year"), ("details", "BSN programs"), ("version", "1")]).await, 303);
        assert_eq!(scalar(&db, &format!("SELECT version FROM plan_postsecondary WHERE {OF_STUDENT}")).await, 2);
        let (_, page) = student.page(&plan).await;
        assert!(page.contains("Four-year college or university") && page.contains("BSN programs"));
        assert!(page.contains("set the plan after high school to Four-year college or university"), "history");
    }
}

#[tokio::test]
async fn the_resume_lists_work_experience_apart_from_activities() {
    let app = TestApp::with_people(crate::support::Backend::Sqlite).await;
    let plan = student_plan(&app).await;
    let student = app.signed_in("student@demo.test").await;
    assert_eq!(status(&student, &format!("{plan}/activities"), &NEWSPAPER).await, 303);
    let internship = [
        ("kind", "internship"),
        ("title", "Summer intern at Mercy Clinic"),
        ("organization", "Mercy Clinic"),
        ("practice", "cctc-2012/CRP1"),
    ];
    assert_eq!(status(&student, &format!("{plan}/activities"), &internship).await, 303);
    let (code, page) = student.page(&format!("{plan}/resume")).await;
    assert_eq!(code, 200);
    let (experience, rest) = page.split_once("Activities and service").expect("both sections");
    let experience = experience.split_once("Work experience").expect("experience first").1;
    assert!(experience.contains("Summer intern at Mercy Clinic") && experience.contains("Mercy Clinic"));
    assert!(rest.contains("School newspaper") && rest.contains("60 hours") && !rest.contains("Summer intern"));
    for practice in [
        "Act as a responsible and contributing citizen and employee.",
        "Communicate clearly and effectively and with reason.",
    ] {
        assert!(rest.contains(practice), "skills: {practice}");
    }
    let (code, page) = app.signed_in("counselor@demo.test").await.page(&format!("{plan}/resume?lang=es")).await;
    assert_eq!(code, 200);
    assert!(page.contains("Experiencia laboral") && page.contains("Pasantía"));
    assert_eq!(app.signed_in("teacher@demo.test").await.get(&format!("{plan}/resume")).await.status(), 403);
}
