//! The lesson library: suggestions for a unit, forking with credit, tags, teaching records
//! that reach students' plans, who sees private lessons, and input it refuses.

use pathways::db::Db;
use pathways::with_pool;

use crate::support::{TestApp, TestDb, Visitor, on_both_backends, pathways, scalar, unescape};

const STUDENT: &str = "(SELECT id FROM users WHERE email = 'student@demo.test')";
const TEACHER: &str = "(SELECT id FROM users WHERE email = 'teacher@demo.test')";
/// The demo district's Hamlet lesson (the second district has its own).
const HAMLET: &str = "(SELECT id FROM lessons WHERE title LIKE 'Hamlet on Trial%' AND forked_from IS NULL
    AND district_id = (SELECT district_id FROM users WHERE email = 'teacher@demo.test'))";

async fn uuid_of(db: &Db, sql: &str) -> String {
    let id: uuid::Uuid = with_pool!(db, pool => sqlx::query_scalar(sql).fetch_one(pool).await).expect(sql);
    id.to_string()
}

async fn page(visitor: &Visitor, path: &str) -> String {
    let (status, page) = visitor.page(path).await;
    assert_eq!(status, 200, "{path}: {page}");
    unescape(&page)
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

/// A lesson form: the given fields over a valid lesson.
fn lesson_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("kind", "lesson"),
        ("title", "Persuasion in Julius Caesar"),
        ("subject", "English"),
        ("grade_low", "9"),
        ("grade_high", "12"),
        ("summary", "Students compare the funeral speeches."),
        ("body", "## Steps\n1. Read Act 3"),
        ("activity_type", "discussion"),
        ("visibility", "district"),
        ("subcluster", "judicial-systems"),
    ];
    for (key, value) in changes {
        fields.retain(|(k, _)| k != key);
        fields.push((key, value));
    }
    fields
}

/// Creates a lesson as `visitor` and returns its path.
async fn create(visitor: &Visitor, changes: &[(&str, &str)]) -> String {
    let response = visitor.post("/classroom/lessons", &lesson_form(changes)).await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap_or_default());
    location(&response).split('?').next().unwrap().to_string()
}

/// Another teacher of the demo teacher's school who teaches none of the demo student's classes.
async fn other_teacher(app: &TestApp) -> Visitor {
    let db = app.db().await;
    let email: String = with_pool!(&db, pool => {
        sqlx::query_scalar(&format!(
            "SELECT email FROM users WHERE role = 'teacher' AND email IS NOT NULL AND id <> {TEACHER}
             AND school_id = (SELECT school_id FROM users WHERE id = {TEACHER})
             AND id NOT IN (SELECT t.user_id FROM enrollments t JOIN enrollments s ON s.class_id = t.class_id
                            WHERE t.role = 'teacher' AND s.user_id = {STUDENT}) ORDER BY email LIMIT 1"
        ))
        .fetch_one(pool)
        .await
    })
    .expect("another teacher");
    crate::support::set_password(&db, &email, crate::support::TEST_PASSWORD).await;
    app.signed_in_with(&email, crate::support::TEST_PASSWORD).await
}

on_both_backends! {
    async fn a_teacher_adapts_a_lesson_and_its_careers_reach_the_students_plans(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let teacher = app.signed_in("teacher@demo.test").await;

        // Suggestions for the unit name the legal careers and the library's Hamlet lesson.
        let found = page(&teacher, "/classroom/suggest?subject=English+10&topic=Hamlet").await;
        let first = found.split("Sub-clusters it opens").nth(1).and_then(|rest| rest.split("result-title").nth(1));
        assert!(first.is_some_and(|f| f.contains("Judicial Systems")), "Judicial Systems comes first");
        assert!(found.contains("argument, evidence and judgment"), "with the reason");
        assert!(found.contains("Lawyers"), "and occupations");
        let hamlet = uuid_of(&db, &format!("SELECT id FROM lessons WHERE id = {HAMLET}")).await;
        assert!(found.contains(&format!("/classroom/lessons/{hamlet}")), "the library's Hamlet lesson is offered");

        // Adapting it makes a private copy crediting the original, which the teacher retags.
        let response = teacher.post(&format!("/classroom/lessons/{hamlet}/fork"), &[]).await;
        assert_eq!(response.status(), 303);
        let edit = location(&response);
        let fork = edit.trim_start_matches("/classroom/lessons/").trim_end_matches("/edit").to_string();
        let form = page(&teacher, &edit).await;
        assert!(form.contains("Hamlet on Trial") && form.contains(r#"value="private" checked"#), "a private copy");
        let saved = teacher
            .post(
                &format!("/classroom/lessons/{fork}"),
                &lesson_form(&[
                    ("title", "Hamlet on Trial, period 3"),
                    ("grade_low", "10"),
                    ("visibility", "school"),
                    ("subcluster", "judicial-systems"),
                    ("occupations", "23-1011.00"),
                    ("practice", "cctc-2012/CRP4"),
                    ("version", "1"),
                ]),
            )
            .await;
        assert_eq!(saved.status(), 303, "{}", saved.text().await.unwrap_or_default());
        let shown = page(&teacher, &format!("/classroom/lessons/{fork}")).await;
        assert!(shown.contains("Adapted from") && shown.contains("Hamlet on Trial: Argument"), "credit to the original");
        assert!(shown.contains("Public Service & Safety"), "its cluster follows");
        assert!(shown.contains("Lawyers") && shown.contains("Communicate clearly"));

        // Teaching it to the class reaches every enrolled student.
        let class = uuid_of(&db, &format!(
            "SELECT e.class_id FROM enrollments e JOIN enrollments t ON t.class_id = e.class_id AND t.role = 'teacher'
             WHERE e.user_id = {STUDENT} AND t.user_id = {TEACHER}"
        )).await;
        let enrolled = scalar(&db, &format!(
            "SELECT COUNT(*) FROM enrollments e JOIN users u ON u.id = e.user_id
             WHERE e.class_id = (SELECT e.class_id FROM enrollments e JOIN enrollments t ON t.class_id = e.class_id
                                 AND t.role = 'teacher' WHERE e.user_id = {STUDENT} AND t.user_id = {TEACHER})
             AND e.role = 'student' AND u.active"
        )).await;
        let today = time::OffsetDateTime::now_utc().date().to_string();
        let taught = teacher.post(&format!("/classroom/lessons/{fork}/teach"), &[("class", &class), ("taught_on", &today)]).await;
        assert_eq!(taught.status(), 303);
        let notice = page(&teacher, &location(&taught)).await;
        assert!(notice.contains(&format!("{enrolled} students now see")), "the teacher is told how many: {enrolled}");
        let exposures = scalar(&db, "SELECT COUNT(*) FROM exposures e JOIN lesson_teachings t ON t.id = e.teaching_id
             WHERE t.lesson_id IN (SELECT id FROM lessons WHERE title = 'Hamlet on Trial, period 3')").await;
        assert_eq!(exposures, enrolled);

        let student = app.signed_in("student@demo.test").await;
        let plan_path = format!("/students/{}/plan", uuid_of(&db, &format!("SELECT id FROM users WHERE id = {STUDENT}")).await);
        let plan = page(&student, &plan_path).await;
        let course = {
            let title: String = with_pool!(&db, pool => sqlx::query_scalar(
                "SELECT co.title FROM classes c JOIN courses co ON co.id = c.course_id WHERE c.id = $1")
                .bind(class.parse::<uuid::Uuid>().unwrap()).fetch_one(pool).await).unwrap();
            title
        };
        assert!(plan.contains(&format!("You explored Judicial Systems in {course}")), "{course}");
        assert!(plan.contains("Hamlet on Trial, period 3"));
        let plan_es = page(&student, &format!("{plan_path}?lang=es")).await;
        assert!(plan_es.contains(&format!("Exploraste Sistemas judiciales en {course}")), "in Spanish too");

        // The fork is the teacher's: a colleague sees it (school), and cannot edit it.
        let colleague = other_teacher(&app).await;
        assert_eq!(colleague.get(&format!("/classroom/lessons/{fork}")).await.status(), 200);
        assert_eq!(colleague.get(&format!("/classroom/lessons/{fork}/edit")).await.status(), 403);
        // Nor teach it to a class that is not theirs.
        let refused = colleague.post(&format!("/classroom/lessons/{fork}/teach"), &[("class", &class), ("taught_on", &today)]).await;
        assert_eq!(refused.status(), 403);
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM lesson_teachings t JOIN lessons l ON l.id = t.lesson_id
             WHERE l.title = 'Hamlet on Trial, period 3'").await, 1);
    }
}

on_both_backends! {
    async fn private_and_deleted_lessons_are_refused_cleanly(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let author = app.signed_in("teacher@demo.test").await;
        let colleague = other_teacher(&app).await;

        let private = create(&author, &[("title", "My draft on Macbeth"), ("visibility", "private")]).await;
        assert_eq!(author.get(&private).await.status(), 200);
        assert_eq!(colleague.get(&private).await.status(), 403, "private lessons are their authors'");
        assert_eq!(colleague.post(&format!("{private}/fork"), &[]).await.status(), 403);
        let library = page(&colleague, "/classroom?q=Macbeth").await;
        assert!(!library.contains("My draft on Macbeth"), "nor listed");
        assert!(page(&author, "/classroom?q=Macbeth").await.contains("My draft on Macbeth"));
        // Another district's staff do not see a district lesson either.
        let shared = create(&author, &[("title", "Closing arguments")]).await;
        let northfield_email: String = with_pool!(&db, pool => sqlx::query_scalar(
            "SELECT u.email FROM users u JOIN districts d ON d.id = u.district_id
             WHERE d.slug = 'northfield' AND u.role = 'teacher' AND u.email IS NOT NULL ORDER BY u.email LIMIT 1")
            .fetch_one(pool).await).unwrap();
        crate::support::set_password(&db, &northfield_email, crate::support::TEST_PASSWORD).await;
        let stranger = app.signed_in_with(&northfield_email, crate::support::TEST_PASSWORD).await;
        assert_eq!(stranger.get(&shared).await.status(), 403);
        assert_eq!(colleague.get(&shared).await.status(), 200);
        // Students are not in the library at all.
        let student = app.signed_in("student@demo.test").await;
        assert_eq!(student.get("/classroom").await.status(), 403);
        assert_eq!(student.get(&shared).await.status(), 403);

        // A fork keeps its credit when the original is deleted; the original cannot be forked again.
        let fork = location(&colleague.post(&format!("{shared}/fork"), &[]).await);
        let fork = fork.trim_end_matches("/edit").to_string();
        assert_eq!(colleague.post(&format!("{shared}/delete"), &[]).await.status(), 403, "only its authors delete it");
        assert_eq!(author.post(&format!("{shared}/delete"), &[]).await.status(), 303);
        let refused = colleague.post(&format!("{shared}/fork"), &[]).await;
        assert_eq!(refused.status(), 410);
        assert!(refused.text().await.unwrap().contains("deleted by its author"));
        let kept = page(&colleague, &fork).await;
        assert!(kept.contains("Closing arguments") && kept.contains("(deleted)"), "credit stays, marked deleted");
        assert!(!page(&author, "/classroom?q=Closing").await.contains(&format!("href=\"{shared}\"")));
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM lessons WHERE title = 'Closing arguments'").await, 2, "deleted, not erased");
    }
}

on_both_backends! {
    async fn lesson_input_is_checked_and_script_never_reaches_a_page(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let teacher = app.signed_in("teacher@demo.test").await;
        let count = "SELECT COUNT(*) FROM lessons";
        let before = scalar(&db, count).await;

        let body = "Read the scene.\n\n<script>alert('x')</script>\n\n[trap](javascript:alert(1)) <img src=x onerror=alert(2)>";
        let lesson = create(&teacher, &[("body", body)]).await;
        let shown = teacher.get(&lesson).await.text().await.unwrap();
        assert!(shown.contains("Read the scene."));
        assert!(!shown.contains("<script>alert") && !shown.contains("javascript:") && !shown.contains("onerror"), "{shown}");

        // A body over the limit is refused with a message, and what was typed is kept.
        let huge = "word ".repeat(12_000);
        let response = teacher.post("/classroom/lessons", &lesson_form(&[("title", "Too long"), ("body", &huge)])).await;
        assert_eq!(response.status(), 400);
        let form = unescape(&response.text().await.unwrap());
        assert!(form.contains("The lesson is too long: keep it under 50,000 characters"), "{form}");
        assert!(form.contains(r#"value="Too long""#), "the title typed is kept");
        // A body past what any form accepts is refused before it is read.
        let enormous = "x".repeat(2 * 1024 * 1024);
        let response = teacher.post_oversized("/classroom/lessons", &lesson_form(&[("body", &enormous)])).await;
        assert_eq!(response.status(), 413);
        for (field, value, message) in [
            ("subcluster", "hamlet-studies", "Choose tags from the lists"),
            ("occupations", "99-9999.99", "O*NET-SOC codes of the catalog"),
            ("grade_low", "5", "grades from 6 to 12"),
            ("coauthors", "nobody@elsewhere.test", "staff of this district"),
            ("links", "javascript:alert(1)", "starting with https://"),
        ] {
            let response = teacher.post("/classroom/lessons", &lesson_form(&[(field, value)])).await;
            assert_eq!(response.status(), 400, "{field}");
            assert!(unescape(&response.text().await.unwrap()).contains(message), "{field}: {message}");
        }
        assert_eq!(scalar(&db, count).await, before + 1, "nothing refused was saved");

        // Two authors editing at once: the second is shown the conflict, not silently overwritten.
        let id = lesson.trim_start_matches("/classroom/lessons/");
        let first = teacher.post(&lesson, &lesson_form(&[("title", "First save"), ("version", "1")])).await;
        assert_eq!(first.status(), 303);
        let second = teacher.post(&lesson, &lesson_form(&[("title", "Second save"), ("version", "1")])).await;
        assert_eq!(second.status(), 409);
        assert!(unescape(&second.text().await.unwrap()).contains("Someone saved this lesson after you opened it"));
        let title: String = with_pool!(&db, pool => sqlx::query_scalar("SELECT title FROM lessons WHERE id = $1")
            .bind(id.parse::<uuid::Uuid>().unwrap()).fetch_one(pool).await).unwrap();
        assert_eq!(title, "First save");
    }
}

on_both_backends! {
    async fn the_library_searches_features_counts_uses_and_comments(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let teacher = app.signed_in("teacher@demo.test").await;

        let all = page(&teacher, "/classroom").await;
        assert!(all.contains("Featured by the district"));
        let lessons = scalar(&db, "SELECT COUNT(*) FROM lessons WHERE kind = 'lesson'").await;
        assert!(lessons >= 40, "the demo library has {lessons} lessons");
        assert!(scalar(&db, "SELECT COUNT(*) FROM lessons WHERE kind = 'practice'").await >= 5);
        assert!(scalar(&db, "SELECT COUNT(*) FROM lessons WHERE forked_from IS NOT NULL").await >= 3);
        assert!(scalar(&db, "SELECT COUNT(*) FROM lesson_teachings").await >= 5, "some were taught");
        assert!(scalar(&db, "SELECT COUNT(*) FROM exposures").await >= 50);

        let practices = page(&teacher, "/classroom?kind=practice").await;
        assert!(practices.contains("Practice") && !practices.contains("Hamlet on Trial"));
        let by_cluster = page(&teacher, "/classroom?cluster=public-service-safety").await;
        assert!(by_cluster.contains("Hamlet on Trial"));
        let middle = page(&teacher, "/classroom?grade=6&q=hamlet").await;
        assert!(middle.contains("Nothing matches"), "Hamlet is for grades 10 to 12");
        assert_eq!(teacher.get("/classroom?grade=13").await.status(), 400);

        let hamlet = format!("/classroom/lessons/{}", uuid_of(&db, &format!("SELECT id FROM lessons WHERE id = {HAMLET}")).await);
        let uses = format!("SELECT COUNT(*) FROM lesson_uses WHERE lesson_id = {HAMLET}");
        let before = scalar(&db, &uses).await;
        assert_eq!(teacher.post(&format!("{hamlet}/used"), &[]).await.status(), 303);
        assert_eq!(teacher.post(&format!("{hamlet}/used"), &[]).await.status(), 303);
        assert_eq!(scalar(&db, &uses).await, before + 1, "once per person");
        assert_eq!(teacher.post(&format!("{hamlet}/comments"), &[("body", "Worked with sentence frames")]).await.status(), 303);
        assert!(page(&teacher, &hamlet).await.contains("Worked with sentence frames"));
        assert_eq!(teacher.post(&format!("{hamlet}/comments"), &[("body", "  ")]).await.status(), 400);

        // The district administrator features; a teacher cannot.
        assert_eq!(teacher.post(&format!("{hamlet}/feature"), &[("featured", "false")]).await.status(), 403);
        let admin = app.signed_in("district-admin@demo.test").await;
        assert_eq!(admin.post(&format!("{hamlet}/feature"), &[("featured", "false")]).await.status(), 303);
        let featured = scalar(&db, &format!("SELECT COUNT(*) FROM lessons WHERE id = {HAMLET} AND featured_at IS NOT NULL")).await;
        assert_eq!(featured, 0);
    }
}

#[tokio::test]
async fn the_knowledge_base_names_only_what_the_catalog_has() {
    let db = TestDb::loaded(crate::support::Backend::Sqlite).await;
    let handle = db.connect().await;
    let index = pathways::explore::build_index(&handle).await.expect("index");
    let (subclusters, occupations) = pathways::classroom::suggest::KnowledgeBase::get().targets();
    let unknown: Vec<&&str> = subclusters.iter().filter(|s| !index.subcluster_by_id.contains_key(**s)).collect();
    assert!(unknown.is_empty(), "sub-clusters not in the framework: {unknown:?}");
    let unknown: Vec<&&str> = occupations.iter().filter(|o| !index.occupation_by_code.contains_key(**o)).collect();
    assert!(unknown.is_empty(), "occupations not in O*NET: {unknown:?}");
}

#[tokio::test]
async fn the_command_line_suggests_careers_for_a_unit_and_measures_itself() {
    let db = TestDb::loaded(crate::support::Backend::Sqlite).await;
    let output =
        pathways(&db.url).args(["classroom", "suggest", "Algebra I", "exponential growth", "--json"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let found: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let top: Vec<&str> =
        found["subclusters"].as_array().unwrap().iter().take(3).map(|s| s["id"].as_str().unwrap()).collect();
    assert!(top.contains(&"banking-credit"), "{top:?}");
    assert!(found["subclusters"][0]["reasons"][0].as_str().unwrap().contains("exponential growth"));

    let output = pathways(&db.url)
        .args(["classroom", "suggest", "Biología", "células", "--lang", "es", "--json"])
        .output()
        .unwrap();
    let found: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let top: Vec<&str> =
        found["subclusters"].as_array().unwrap().iter().take(3).map(|s| s["id"].as_str().unwrap()).collect();
    assert!(top.contains(&"physical-health") || top.contains(&"biotechnology-research-development"), "{top:?}");
    assert_eq!(found["subclusters"][0]["name"].as_str().map(|n| n.is_empty()), Some(false));

    let output = pathways(&db.url).args(["classroom", "eval", "--json"]).output().unwrap();
    assert!(output.status.success());
    let scores: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let all = scores.as_array().unwrap().iter().find(|s| s["lang"] == "all" && s["system"] == "suggester").unwrap();
    assert!(all["cases"].as_u64().unwrap() >= 80);
    assert!(all["subcluster_hit3"].as_f64().unwrap() >= 0.85, "{all}");
}

on_both_backends! {
    async fn a_teacher_sees_the_class_interests_and_asks_for_a_speaker(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let class_sql = format!(
            "SELECT e.class_id FROM enrollments e JOIN enrollments t ON t.class_id = e.class_id AND t.role = 'teacher'
             WHERE e.user_id = {STUDENT} AND t.user_id = {TEACHER}"
        );
        let class = uuid_of(&db, &class_sql).await;
        // Two students of the class chose Healthcare (one directly, one through a sub-cluster).
        let students: Vec<uuid::Uuid> = with_pool!(&db, pool => sqlx::query_scalar(&format!(
            "SELECT user_id FROM enrollments WHERE class_id = ({class_sql}) AND role = 'student' ORDER BY user_id LIMIT 2"
        )).fetch_all(pool).await).unwrap();
        with_pool!(&db, pool => sqlx::query(&format!("DELETE FROM plan_interests WHERE student_id IN
            (SELECT user_id FROM enrollments WHERE class_id = ({class_sql}))")).execute(pool).await.map(|_| ())).unwrap();
        for (student, kind, reference) in [(students[0], "cluster", "healthcare-human-services"), (students[1], "subcluster", "physical-health")] {
            with_pool!(&db, pool => sqlx::query("INSERT INTO plan_interests (id, student_id, kind, ref, added_by, added_at)
                 VALUES ($1, $2, $3, $4, $2, $5)").bind(uuid::Uuid::new_v4()).bind(student).bind(kind).bind(reference)
                .bind(time::OffsetDateTime::now_utc()).execute(pool).await.map(|_| ())).unwrap();
        }
        let teacher = app.signed_in("teacher@demo.test").await;
        let path = format!("/classes/{class}");
        let shown = page(&teacher, &path).await;
        let table = shown.split("Career interests in this class").nth(2).expect("the table of interests");
        let row = table.split("</tr>").nth(1).expect("its first row").to_string();
        assert!(row.contains("Healthcare & Human Services") && row.contains(">2<"), "{row}");
        assert!(shown.contains("Physical Health"), "the teacher of the class sees each student's interests");
        let roster = scalar(&db, &format!("SELECT COUNT(*) FROM enrollments WHERE class_id = ({class_sql}) AND role = 'student'")).await;
        assert!(shown.contains(&format!("{} students have not chosen an interest yet", roster - 2)));

        let soon = (time::OffsetDateTime::now_utc().date() + time::Duration::days(14)).to_string();
        let later = (time::OffsetDateTime::now_utc().date() + time::Duration::days(30)).to_string();
        let request = [("subcluster", "judicial-systems"), ("window_start", soon.as_str()), ("window_end", later.as_str()), ("note", "Hamlet unit")];
        assert_eq!(teacher.post(&format!("{path}/speaker-requests"), &request).await.status(), 303);
        let shown = page(&teacher, &path).await;
        assert!(shown.contains("Judicial Systems") && shown.contains("Waiting for a partner") && shown.contains("Hamlet unit"));
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM speaker_requests WHERE status = 'open'").await, 1);

        // Another teacher neither asks for this class nor cancels its requests.
        let colleague = other_teacher(&app).await;
        assert_eq!(colleague.post(&format!("{path}/speaker-requests"), &request).await.status(), 403);
        let id = uuid_of(&db, "SELECT id FROM speaker_requests").await;
        assert_eq!(colleague.post(&format!("{path}/speaker-requests/{id}/cancel"), &[]).await.status(), 403);
        assert_eq!(teacher.post(&format!("{path}/speaker-requests/{id}/cancel"), &[]).await.status(), 303);
        assert_eq!(teacher.post(&format!("{path}/speaker-requests/{id}/cancel"), &[]).await.status(), 404, "once");
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM speaker_requests WHERE status = 'cancelled'").await, 1);
    }
}

on_both_backends! {
    async fn a_learning_community_shares_lessons_talks_meets_and_plans_projects(backend: Backend) {
        const OURS: &str = "(SELECT id FROM plcs WHERE name = 'Grade 10 careers')";
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let lead = app.signed_in("teacher@demo.test").await;
        let colleague = other_teacher(&app).await;
        let colleague_email: String = with_pool!(&db, pool => sqlx::query_scalar(
            "SELECT email FROM users WHERE role = 'teacher' AND email IS NOT NULL AND email <> 'teacher@demo.test'
             AND school_id = (SELECT school_id FROM users WHERE email = 'teacher@demo.test')
             AND id NOT IN (SELECT t.user_id FROM enrollments t JOIN enrollments s ON s.class_id = t.class_id
                            WHERE t.role = 'teacher' AND s.user_id = (SELECT id FROM users WHERE email = 'student@demo.test'))
             ORDER BY email LIMIT 1").fetch_one(pool).await).unwrap();

        let created = lead.post("/classroom/plcs", &[("name", "Grade 10 careers"), ("focus", "Hamlet and the law")]).await;
        assert_eq!(created.status(), 303);
        let plc = location(&created).split('#').next().unwrap().to_string();
        assert_eq!(colleague.get(&plc).await.status(), 403, "not a member yet");
        assert_eq!(lead.post(&format!("{plc}/members"), &[("email", "someone@elsewhere.test")]).await.status(), 400);
        assert_eq!(lead.post(&format!("{plc}/members"), &[("email", &colleague_email.to_uppercase())]).await.status(), 303);
        assert!(page(&colleague, &plc).await.contains("Hamlet and the law"), "a member reads it");
        assert_eq!(colleague.post(&format!("{plc}/members"), &[("email", "teacher@demo.test")]).await.status(), 403, "only leads add");

        // A private lesson shared with the group stays its author's.
        let private = create(&lead, &[("title", "My private Hamlet notes"), ("visibility", "private")]).await;
        let shared = create(&lead, &[("title", "Hamlet mock trial for the group")]).await;
        for lesson in [&private, &shared] {
            let id = lesson.trim_start_matches("/classroom/lessons/");
            assert_eq!(lead.post(&format!("{plc}/lessons"), &[("lesson", id)]).await.status(), 303);
        }
        assert_eq!(scalar(&db, &format!("SELECT COUNT(*) FROM plc_lessons WHERE plc_id = {OURS}")).await, 2);
        let seen = page(&colleague, &plc).await;
        assert!(seen.contains("Hamlet mock trial for the group") && !seen.contains("My private Hamlet notes"));
        assert!(page(&lead, &plc).await.contains("My private Hamlet notes"), "its author still sees it");
        assert_eq!(colleague.post(&format!("{plc}/lessons"), &[("lesson", private.trim_start_matches("/classroom/lessons/"))]).await.status(), 400, "nor can a member share what they cannot see");

        // A discussion with a reply, meeting notes, and a project moving across the board.
        assert_eq!(lead.post(&format!("{plc}/posts"), &[("kind", "thread"), ("title", "Who plays the judge?"), ("body", "Ideas welcome")]).await.status(), 303);
        let thread = uuid_of(&db, &format!("SELECT id FROM plc_posts WHERE kind = 'thread' AND plc_id = {OURS}")).await;
        assert_eq!(colleague.post(&format!("{plc}/posts/{thread}/replies"), &[("body", "A student from debate club")]).await.status(), 303);
        let today = time::OffsetDateTime::now_utc().date().to_string();
        let tomorrow = (time::OffsetDateTime::now_utc().date() + time::Duration::days(1)).to_string();
        let meeting = |day| [("kind", "meeting"), ("title", "October meeting"), ("met_on", day), ("body", "Agreed on the rubric")];
        assert_eq!(lead.post(&format!("{plc}/posts"), &meeting(tomorrow.as_str())).await.status(), 400, "meetings happened already");
        assert_eq!(lead.post(&format!("{plc}/posts"), &meeting(today.as_str())).await.status(), 303);
        assert_eq!(colleague.post(&format!("{plc}/cards"), &[("title", "Mock trial with civics"), ("subjects", "English, Civics")]).await.status(), 303);
        let card = uuid_of(&db, &format!("SELECT id FROM plc_cards WHERE plc_id = {OURS}")).await;
        assert_eq!(lead.post(&format!("{plc}/cards/{card}/move"), &[("status", "teaching")]).await.status(), 303);
        assert_eq!(lead.post(&format!("{plc}/cards/{card}/move"), &[("status", "forgotten")]).await.status(), 400);
        let shown = page(&colleague, &plc).await;
        assert!(shown.contains("Who plays the judge?") && shown.contains("A student from debate club"));
        assert!(shown.contains("October meeting") && shown.contains("Agreed on the rubric"));
        let board = shown.split(r#"id="board-teaching""#).nth(1).unwrap().split("</section>").next().unwrap();
        assert!(board.contains("Mock trial with civics"), "the card is in the Teaching column");

        // The district administrator reads it and adds people; others do not see it.
        let admin = app.signed_in("district-admin@demo.test").await;
        assert!(page(&admin, "/classroom/plcs").await.contains("Grade 10 careers"));
        assert_eq!(admin.get(&plc).await.status(), 200);
        assert_eq!(admin.post(&format!("{plc}/posts"), &[("kind", "thread"), ("title", "x"), ("body", "y")]).await.status(), 403, "reading is not posting");
        let counselor = app.signed_in("counselor@demo.test").await;
        assert_eq!(counselor.get(&plc).await.status(), 403);
        assert!(!page(&counselor, "/classroom/plcs").await.contains("Grade 10 careers"));
    }
}
