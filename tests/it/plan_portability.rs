//! Plans move with the student: the JSON export names the framework's ids and SOC codes,
//! imports into a student of another district, and exports again the same; a bad file is
//! refused whole, naming the item, and what does not map is reported.

use serde_json::{Value, json};

use crate::support::{
    ServerProcess, TEST_PASSWORD, TestApp, Visitor, multipart_body, on_both_backends, scalar, set_password,
};

async fn id_of(app: &TestApp, sql: &str) -> String {
    let db = app.db().await;
    let id: uuid::Uuid = pathways::with_pool!(&db, pool => sqlx::query_scalar(sql).fetch_one(pool).await).expect(sql);
    id.to_string()
}

async fn status(visitor: &Visitor, path: &str, fields: &[(&str, &str)]) -> u16 {
    visitor.post(path, fields).await.status().as_u16()
}

/// The parts of an export that must survive a move (not who or when).
fn moved(file: &Value) -> Value {
    let mut file = file.clone();
    for key in ["exported_at", "student", "signoffs"] {
        file.as_object_mut().unwrap().remove(key);
    }
    for reflection in file["reflections"].as_array_mut().unwrap() {
        reflection.as_object_mut().unwrap().remove("written_at");
    }
    file
}

async fn import(visitor: &Visitor, plan: &str, file: &[u8]) -> (u16, String) {
    let response = visitor.post_multipart(&format!("{plan}/import"), &[], Some(("plan.json", file))).await;
    (response.status().as_u16(), response.text().await.unwrap())
}

on_both_backends! {
    async fn a_plan_exported_as_json_imports_into_another_district_and_round_trips(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let from = id_of(&app, "SELECT id FROM users WHERE email = 'student@demo.test'").await;
        let plan = format!("/students/{from}/plan");
        let student = app.signed_in("student@demo.test").await;
        for choice in ["cluster:healthcare-human-services", "subcluster:physical-health", "occupation:29-1141.00"] {
            assert_eq!(status(&student, &format!("{plan}/interests"), &[("choice", choice)]).await, 303);
        }
        let goal = [("kind", "career"), ("title", "Shadow a nurse"), ("benchmark", "One day by March"), ("target_date", "2027-03-01"), ("status", "in_progress")];
        assert_eq!(status(&student, &format!("{plan}/goals"), &goal).await, 303);
        let activity = [
            ("kind", "volunteer"), ("title", "Voluntaria en la clínica — niños y señoras mayores"), ("organization", "Clínica Mercy"),
            ("started_on", "2026-09-01"), ("ended_on", "2026-12-01"), ("hours", "40"),
            ("cluster", "healthcare-human-services"), ("practice", "cctc-2012/CRP1"), ("practice", "cctc-2012/CRP9"),
        ];
        assert_eq!(status(&student, &format!("{plan}/activities"), &activity).await, 303);
        let reflection = [("prompt", "free"), ("body", "Quiero ser enfermera pediátrica."), ("practice", "cctc-2012/CRP9")];
        assert_eq!(status(&student, &format!("{plan}/reflections"), &reflection).await, 303);
        let after = [("path", "two_year"), ("details", "Nursing at the community college"), ("version", "0")];
        assert_eq!(status(&student, &format!("{plan}/postsecondary"), &after).await, 303);
        assert_eq!(status(&student, &format!("{plan}/signoff"), &[]).await, 303);

        let response = student.get(&format!("{plan}/export.json")).await;
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"plan-"));
        let exported: Value = response.json().await.unwrap();
        assert_eq!(exported["format"], "pathways-plan");
        assert_eq!(exported["version"], 1);
        assert_eq!(exported["interests"][2], json!({"kind": "occupation", "code": "29-1141.00", "name": "Registered Nurses"}));
        assert_eq!(exported["activities"][0]["practices"], json!(["cctc-2012/CRP1", "cctc-2012/CRP9"]));
        assert_eq!(exported["postsecondary"], json!({"path": "two_year", "details": "Nursing at the community college"}));
        assert_eq!(exported["signoffs"][0]["role"], "student");
        let text = exported.to_string();
        assert!(!text.contains(&from), "no internal ids leave in the file");

        // A Northfield counselor receives the student, who transferred.
        let (counselor_email, to): (String, uuid::Uuid) = pathways::with_pool!(&db, pool => sqlx::query_as(
            "SELECT u.email, s.id FROM users u JOIN districts d ON d.id = u.district_id
             JOIN users s ON s.role = 'student' AND s.district_id = u.district_id
              AND (s.id IN (SELECT student_id FROM caseloads WHERE counselor_id = u.id)
                OR EXISTS (SELECT 1 FROM counselor_assignments a WHERE a.counselor_id = u.id AND a.school_id = s.school_id AND a.grade = s.grade))
             WHERE d.slug = 'northfield' AND u.role = 'counselor' ORDER BY u.email, s.id LIMIT 1").fetch_one(pool).await).unwrap();
        set_password(&db, &counselor_email, TEST_PASSWORD).await;
        let counselor = app.signed_in_with(&counselor_email, TEST_PASSWORD).await;
        let target = format!("/students/{to}/plan");
        assert_eq!(import(&student, &target, text.as_bytes()).await.0, 403, "a student cannot write into another student's plan");

        // Clear what the demo gave the Northfield student, so the round trip compares like with like.
        for table in ["plan_interests", "plan_goals", "plan_courses", "plan_activities", "plan_reflections", "plan_tags", "plan_postsecondary"] {
            pathways::with_pool!(&db, pool => sqlx::query(&format!("DELETE FROM {table} WHERE student_id = $1"))
                .bind(to).execute(pool).await.map(|_| ())).unwrap();
        }
        let (code, page) = import(&counselor, &target, text.as_bytes()).await;
        assert_eq!(code, 200, "{page}");
        assert!(page.contains("3 career interests") && page.contains("1 activity") && page.contains("1 reflection"), "{page}");
        assert!(page.contains("1 sign-off from the other school"), "sign-offs are reported, not copied");

        let again: Value = counselor.get(&format!("{target}/export.json")).await.json().await.unwrap();
        assert_eq!(moved(&again), moved(&exported), "the plan survives the move");
        let history: i64 = pathways::with_pool!(&db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM plan_changes WHERE student_id = $1")
            .bind(to).fetch_one(pool).await).unwrap();
        let courses = exported["courses"].as_array().unwrap().len() as i64;
        assert!(courses >= 8, "the courses of grades 9 and 10 travel with the plan");
        assert_eq!(history, 7 + courses, "every imported item is in the plan's history");
    }
}

on_both_backends! {
    async fn a_bad_plan_file_is_refused_whole_and_what_does_not_map_is_reported(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let id = id_of(&app, "SELECT id FROM users WHERE email = 'student@demo.test'").await;
        let plan = format!("/students/{id}/plan");
        let counselor = app.signed_in("counselor@demo.test").await;
        let count = "SELECT COUNT(*) FROM plan_goals WHERE student_id = (SELECT id FROM users WHERE email = 'student@demo.test')";

        let goal = json!({"kind": "career", "title": "Ok", "benchmark": "Measurable", "status": "in_progress"});
        for (file, field, why) in [
            (b"{ not json".to_vec(), "file", "not JSON"),
            (b"".to_vec(), "file", "empty"),
            (json!({"format": "other-plan", "version": 1}).to_string().into_bytes(), "format", "another format"),
            (json!({"format": "pathways-plan", "version": 2}).to_string().into_bytes(), "version", "a newer version"),
            (json!({"format": "pathways-plan", "version": 1, "goals": [goal, {"kind": "career", "title": "x".repeat(201), "benchmark": "b", "status": "done"}]}).to_string().into_bytes(), "goals[1].title", "overlong title"),
            (json!({"format": "pathways-plan", "version": 1, "goals": [goal], "activities": [{"kind": "club", "title": "Chess", "started_on": "2026-13-40"}]}).to_string().into_bytes(), "activities[0].started_on", "invalid date"),
        ] {
            let (code, body) = import(&counselor, &plan, &file).await;
            assert_eq!(code, 400, "{why}: {body}");
            assert!(body.contains(field), "{why}: the message names {field}: {body}");
        }
        assert_eq!(scalar(&db, count).await, 0, "nothing half-written");

        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(json!({
            "format": "pathways-plan", "version": 1,
            "interests": [{"kind": "occupation", "code": "29-1141"}, {"kind": "occupation", "code": "99-9999.99"}, {"kind": "cluster", "code": "astrology"}],
            "goals": [{"kind": "personal", "title": "<b>Read</b> more", "benchmark": "12 books", "status": "not_started", "extra": "ignored"}],
            "activities": [{"kind": "club", "title": "Chess", "clusters": ["chess"], "practices": ["cctc-2012/CRP8"]}],
            "reflections": [{"prompt": "vendor-x-17", "body": "I like strategy games."}],
            "future_section": {"anything": true}
        }).to_string().into_bytes());
        let (code, page) = import(&counselor, &plan, &bom).await;
        assert_eq!(code, 200, "{page}");
        assert!(page.contains("1 career interest"), "29-1141 maps to 29-1141.00: {page}");
        for reported in ["interests[1]", "99-9999.99", "interests[2]", "activities[0]", "chess", "reflections[0]", "vendor-x-17"] {
            assert!(page.contains(reported), "the report names {reported}");
        }
        assert_eq!(scalar(&db, count).await, 1);
        let raw = counselor.get(&plan).await.text().await.unwrap();
        assert!(!raw.contains("<b>Read</b>") && raw.contains("&#60;b&#62;Read&#60;/b&#62; more"), "imported text is escaped");
    }
}

#[tokio::test]
async fn the_plan_prints_as_a_pdf_in_spanish_with_its_accents() {
    let app = TestApp::with_people(crate::support::Backend::Sqlite).await;
    let db = app.db().await;
    let id = id_of(&app, "SELECT id FROM users WHERE email = 'student@demo.test'").await;
    let (given, family): (String, String) = pathways::with_pool!(&db, pool => sqlx::query_as(
        "SELECT given_name, family_name FROM users WHERE email = 'student@demo.test'").fetch_one(pool).await)
    .unwrap();
    let plan = format!("/students/{id}/plan");
    let student = app.signed_in("student@demo.test").await;
    let goal = [
        ("kind", "academic"),
        ("title", "Aprobar Biología"),
        ("benchmark", "Una B o más en junio"),
        ("status", "in_progress"),
    ];
    assert_eq!(status(&student, &format!("{plan}/goals"), &goal).await, 303);
    let activity = [
        ("kind", "volunteer"),
        ("title", "Voluntaria en la clínica — niños"),
        ("hours", "40"),
        ("practice", "cctc-2012/CRP1"),
    ];
    assert_eq!(status(&student, &format!("{plan}/activities"), &activity).await, 303);
    let reflection = [("prompt", "free"), ("body", "¿Enfermería? ¡Sí! Quiero ser enfermera pediátrica.")];
    assert_eq!(status(&student, &format!("{plan}/reflections"), &reflection).await, 303);
    let after = [("path", "two_year"), ("details", "Enfermería en el colegio comunitario"), ("version", "0")];
    assert_eq!(status(&student, &format!("{plan}/postsecondary"), &after).await, 303);

    let response = student.get(&format!("{plan}/export.pdf?lang=es")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let bytes = response.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (Debian package poppler-utils) runs");
    assert!(output.status.success(), "pdftotext reads the file: {}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    for expected in [
        format!("Plan de {given} {family}").as_str(),
        "Intereses profesionales",
        "Metas",
        "Aprobar Biología",
        "Voluntaria en la clínica — niños",
        "1. Actuar como ciudadano y empleado responsable que contribuye. — Voluntaria en la clínica — niños",
        "¿Enfermería? ¡Sí! Quiero ser enfermera pediátrica.",
        "Después de la preparatoria",
        "Colegio comunitario de dos años",
    ] {
        assert!(text.contains(expected), "the PDF says {expected:?}:\n{text}");
    }
    let teacher = app.signed_in("teacher@demo.test").await;
    assert_eq!(teacher.get(&format!("{plan}/export.pdf")).await.status(), 403, "the file holds reflections");
}

on_both_backends! {
    async fn a_plan_import_killed_at_twenty_moments_is_all_there_or_not_at_all(backend: Backend) {
        const GOALS: usize = 200;
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let student = id_of(&app, "SELECT id FROM users WHERE email = 'student@demo.test'").await;
        let plan = format!("/students/{student}/plan");
        let mut server = ServerProcess::start(app.database_url());
        let counselor =
            Visitor::signed_in_at(&server.base, "counselor@demo.test", pathways::orgs::DEMO_PASSWORD).await;

        // The student's own plan with many new goals: one transaction writes them all.
        let exported = counselor.get(&format!("{plan}/export.json")).await;
        let mut file: Value = exported.json().await.unwrap();
        let goals: Vec<Value> = (0..GOALS)
            .map(|n| {
                json!({"kind": "career", "title": format!("Goal written while the server was killed {n}"),
                       "benchmark": "Shadow a nurse for a day", "target_date": "2027-05-01", "status": "in_progress"})
            })
            .collect();
        file["goals"] = json!(goals);
        let bytes = serde_json::to_vec(&file).unwrap();
        let started = std::time::Instant::now();
        let (code, page) = import(&counselor, &plan, &bytes).await;
        assert_eq!(code, 200, "an import that is left alone succeeds: {page}");
        // The fastest whole import seen so far: a slow first one (a busy machine) must not push every kill past the end.
        let mut whole = started.elapsed();
        let count = "SELECT COUNT(*) FROM plan_goals WHERE title LIKE 'Goal written while the server was killed %'";
        assert_eq!(scalar(&db, count).await, GOALS as i64);

        for round in 1..=20u32 {
            // Sent as it is, not through `import`, which expects an answer: most get none.
            let (content_type, body) = multipart_body(&[("csrf", counselor.csrf.as_str())], Some(("plan.json", &bytes)));
            let request = counselor
                .client
                .post(format!("{}{plan}/import", server.base))
                .header("content-type", content_type)
                .body(body)
                .send();
            let request = tokio::spawn(async move {
                let sent = std::time::Instant::now();
                let answered = request.await.is_ok_and(|response| response.status() == 200);
                answered.then(|| sent.elapsed())
            });
            // From the first moment to twice a whole import: before, during and after the write.
            tokio::time::sleep(whole * round / 10).await;
            server.child.kill().unwrap();
            server.child.wait().unwrap();
            if let Ok(Some(took)) = request.await {
                whole = whole.min(took);
            }
            if let pathways::db::Db::Sqlite(pool) = &db {
                let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(pool).await.unwrap();
                assert_eq!(check, "ok", "round {round}");
            }
            let written = scalar(&db, count).await as usize;
            assert_eq!(written % GOALS, 0, "round {round}: {written} goals, an import written in part");
            server = ServerProcess::start(app.database_url());
        }
        let written = scalar(&db, count).await as usize / GOALS;
        println!("{} of 20 imports were cut off by the kill ({whole:?} for a whole import)", 21 - written);
        assert!(written <= 20, "every import either wrote all its goals or none");
        assert!(21 - written >= 5, "the kills came too late: only {} imports were cut off", 21 - written);
    }
}
