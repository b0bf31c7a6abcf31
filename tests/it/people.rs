//! Signing in and out, password resets, each role's home page, and the audit trail of
//! student records, over the real server.

use pathways::with_pool;

use crate::support::{TestApp, csrf_of, on_both_backends, scalar};

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("pathways_session="))
        .map(str::to_string)
}

on_both_backends! {
    async fn each_demo_account_signs_in_to_its_own_home_page(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let expectations = [
            ("student@demo.test", "Who viewed my record"),
            ("guardian@demo.test", "Your students"),
            ("teacher@demo.test", "Your classes"),
            ("counselor@demo.test", "Your caseload"),
            ("partner@demo.test", "You represent"),
            ("school-admin@demo.test", "School administrator"),
            ("district-admin@demo.test", "Audit log"),
        ];
        for (email, expected) in expectations {
            let visitor = app.signed_in(email).await;
            let (status, body) = visitor.page("/home").await;
            assert_eq!(status, 200, "{email}");
            assert!(body.contains(expected), "{email}'s home page lacks {expected:?}");
            assert!(body.contains("action=\"/signout\""), "{email} sees a sign-out button");
        }
        let guardian = app.signed_in("guardian@demo.test").await;
        let (_, body) = guardian.page("/home?lang=es").await;
        assert!(body.contains("Tus estudiantes") && body.contains("lang=\"es\""), "the guardian's home in Spanish");
    }
}

on_both_backends! {
    async fn signing_in_gives_a_new_session_with_safe_cookie_flags(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let visitor = app.visitor().await;
        let before = visitor.get("/signin").await;
        assert_eq!(before.status(), 200);
        let first = app.url("/signin");
        let anonymous = app.client.get(&first).send().await.unwrap();
        let cookie = session_cookie(&anonymous).expect("the sign-in page starts a session");
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
        assert!(!cookie.contains("Secure"), "no Secure flag on plain http: {cookie}");

        let response = visitor.post("/signin", &[("email", "Student@Demo.test "), ("password", "pathways-demo")]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/home");
        let signed_in = session_cookie(&response).expect("a new session id at sign-in");
        assert!(signed_in.contains("HttpOnly"));

        let db = app.db().await;
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in'").await, 1);
    }
}

on_both_backends! {
    async fn forms_without_the_session_token_are_refused(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let mut visitor = app.visitor().await;
        visitor.csrf = "0".repeat(64);
        let response = visitor.post("/signin", &[("email", "student@demo.test"), ("password", "pathways-demo")]).await;
        assert_eq!(response.status(), 403);
        let response = app.client.post(app.url("/signout")).form(&[("csrf", "")]).send().await.unwrap();
        assert_eq!(response.status(), 403);
    }
}

on_both_backends! {
    async fn wrong_passwords_are_counted_and_sign_in_pauses_after_five(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let visitor = app.visitor().await;
        for attempt in 1..=5 {
            let response = visitor.post("/signin", &[("email", "teacher@demo.test"), ("password", "not-the-password")]).await;
            assert_eq!(response.status(), 401, "attempt {attempt}");
            let body = response.text().await.unwrap();
            assert!(body.contains("do not match"), "{body}");
        }
        let response = visitor.post("/signin", &[("email", "teacher@demo.test"), ("password", "pathways-demo")]).await;
        assert_eq!(response.status(), 429, "even the right password waits after five failures");
        assert!(response.text().await.unwrap().contains("Wait 15 minutes"));

        // Another account is not affected, and unknown emails get the same answer as wrong passwords.
        let response = visitor.post("/signin", &[("email", "nobody@demo.test"), ("password", "whatever-it-is")]).await;
        assert_eq!(response.status(), 401);
        let other = app.signed_in("counselor@demo.test").await;
        assert_eq!(other.get("/home").await.status(), 200);

        let db = app.db().await;
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_failed'").await, 6);
    }
}

on_both_backends! {
    async fn signing_out_everywhere_ends_every_session_of_the_user(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let laptop = app.signed_in("counselor@demo.test").await;
        let phone = app.signed_in("counselor@demo.test").await;
        let other_user = app.signed_in("teacher@demo.test").await;

        let response = laptop.post("/signout/everywhere", &[]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/signin?done=everywhere");

        for visitor in [&laptop, &phone] {
            let response = visitor.get("/home").await;
            assert_eq!(response.status(), 303);
            assert_eq!(response.headers()["location"], "/signin?next=%2Fhome");
        }
        assert_eq!(other_user.get("/home").await.status(), 200, "other people stay signed in");
    }
}

on_both_backends! {
    async fn a_password_reset_link_works_once_and_ends_old_sessions(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let old_session = app.signed_in("guardian@demo.test").await;
        let mut visitor = app.visitor().await;
        let response = visitor.post("/password/forgot", &[("email", "guardian@demo.test")]).await;
        assert_eq!(response.status(), 200);
        let unknown = visitor.post("/password/forgot", &[("email", "nobody@demo.test")]).await;
        assert_eq!(unknown.status(), 200, "the same answer for unknown emails");

        let db = app.db().await;
        let messages = pathways::auth::store::outbox_for(&db, "guardian@demo.test").await.unwrap();
        assert_eq!(messages.len(), 1);
        let body = &messages[0].1;
        let start = body.find("/password/reset/").expect("a reset link in the message");
        let path: String = body[start..].chars().take_while(|c| !c.is_whitespace()).collect();
        assert!(pathways::auth::store::outbox_for(&db, "nobody@demo.test").await.unwrap().is_empty());

        let (status, page) = visitor.page(&path).await;
        assert_eq!(status, 200);
        assert!(csrf_of(&page).is_some());
        let weak = visitor.post(&path, &[("password", "password"), ("confirm", "password")]).await;
        assert_eq!(weak.status(), 400);
        assert!(weak.text().await.unwrap().contains("most common"));
        let mismatch = visitor.post(&path, &[("password", "river stones at dawn"), ("confirm", "river stones at dusk")]).await;
        assert_eq!(mismatch.status(), 400);

        let done = visitor.post(&path, &[("password", "river stones at dawn"), ("confirm", "river stones at dawn")]).await;
        assert_eq!(done.status(), 303);
        assert_eq!(done.headers()["location"], "/signin?done=reset");
        assert_eq!(old_session.get("/home").await.status(), 303, "sessions from before the reset are over");

        visitor.refresh_csrf("/signin").await;
        let again = visitor.post(&path, &[("password", "another long phrase"), ("confirm", "another long phrase")]).await;
        assert_eq!(again.status(), 410, "a link works once");
        let fresh = app.visitor().await;
        let old = fresh.post("/signin", &[("email", "guardian@demo.test"), ("password", "pathways-demo")]).await;
        assert_eq!(old.status(), 401);
        app.signed_in_with("guardian@demo.test", "river stones at dawn").await;
    }
}

on_both_backends! {
    async fn staff_reads_of_a_record_are_audited_and_shown_to_the_student_and_guardian(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let student = app.signed_in("student@demo.test").await;
        let (_, home) = student.page("/home").await;
        let start = home.find("href=\"/students/").unwrap() + "href=\"/students/".len();
        let id: String = home[start..].chars().take_while(|c| *c != '"' && *c != '/').collect();
        let record = format!("/students/{id}");

        let (status, _) = student.page(&record).await;
        assert_eq!(status, 200);
        let (_, log) = student.page(&format!("{record}/access-log")).await;
        assert!(log.contains("No staff member has viewed"), "the student's own views are not staff reads");

        let counselor = app.signed_in("counselor@demo.test").await;
        let (status, page) = counselor.page(&record).await;
        assert_eq!(status, 200);
        assert!(page.contains("Classes"));
        let teacher = app.signed_in("teacher@demo.test").await;
        assert_eq!(teacher.page(&record).await.0, 200);

        let db = app.db().await;
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'view_student'").await, 2);
        let counselor_name: String = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT given_name || ' ' || family_name FROM users WHERE email = 'counselor@demo.test'").fetch_one(pool).await
        }).unwrap();

        for visitor in [&student, &app.signed_in("guardian@demo.test").await] {
            let (status, log) = visitor.page(&format!("{record}/access-log")).await;
            assert_eq!(status, 200);
            assert!(log.contains(&counselor_name), "the access log names the counselor");
            assert!(log.contains("Counselor") && log.contains("Teacher"));
        }
        let (status, _) = counselor.page(&format!("{record}/access-log")).await;
        assert_eq!(status, 403, "staff do not read the access log of a student they counsel");
    }
}

on_both_backends! {
    async fn the_audit_log_cannot_be_changed_or_erased(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        app.signed_in("district-admin@demo.test").await;
        let db = app.db().await;
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM audit_log").await, 1);
        let update = with_pool!(&db, pool => sqlx::query("UPDATE audit_log SET action = 'nothing'").execute(pool).await.map(|_| ()));
        let delete = with_pool!(&db, pool => sqlx::query("DELETE FROM audit_log").execute(pool).await.map(|_| ()));
        for result in [update, delete] {
            let error = result.expect_err("the audit log refuses changes").to_string();
            assert!(error.contains("append-only"), "{error}");
        }
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in'").await, 1);
    }
}

on_both_backends! {
    async fn the_audit_search_filters_and_reports_bad_input(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let _ = app.signed_in("teacher@demo.test").await;
        let admin = app.signed_in("district-admin@demo.test").await;
        let (status, body) = admin.page("/audit?action=sign_in").await;
        assert_eq!(status, 200);
        assert!(body.contains("2 entries"), "two sign-ins so far");
        let (_, body) = admin.page("/audit?q=teacher%40demo.test").await;
        assert!(body.contains("1 entry"), "search by the actor's email");
        let (_, body) = admin.page("/audit?from=2001-01-01&to=2001-12-31").await;
        assert!(body.contains("0 entries"));
        let (status, body) = admin.page("/audit?from=yesterday").await;
        assert_eq!(status, 400);
        assert!(body.contains("year-month-day"), "{body}");
        let (status, _) = admin.page("/audit?action=delete_everything").await;
        assert_eq!(status, 400);
    }
}

on_both_backends! {
    async fn sign_in_returns_to_the_page_that_asked_for_it(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let visitor = app.visitor().await;
        let response = visitor.get("/account").await;
        assert_eq!(response.headers()["location"], "/signin?next=%2Faccount");
        let (_, page) = visitor.page("/signin?next=%2Faccount").await;
        assert!(page.contains("value=\"/account\""));
        let response = visitor
            .post("/signin", &[("email", "partner@demo.test"), ("password", "pathways-demo"), ("next", "/account")])
            .await;
        assert_eq!(response.headers()["location"], "/account");
        let elsewhere = app.visitor().await;
        let response = elsewhere
            .post("/signin", &[("email", "partner@demo.test"), ("password", "pathways-demo"), ("next", "//evil.example/")])
            .await;
        assert_eq!(response.headers()["location"], "/home");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_caseload_says_how_much_of_it_the_home_page_lists() {
    let db = crate::support::TestDb::loaded(crate::support::Backend::Sqlite).await;
    let handle = db.connect().await;
    pathways::orgs::create_demo_district(&handle, &pathways::orgs::DemoSpec::standard(3000)).await.unwrap();
    handle.close().await;
    let app = TestApp::serve(db, crate::support::data_dir()).await;
    let counselor = app.signed_in("counselor@demo.test").await;
    let (status, body) = counselor.page("/home").await;
    assert_eq!(status, 200);
    assert!(body.contains("214 students · the first 200 by family name are listed here"), "{body}");
    assert_eq!(crate::support::occurrences(&body, "href=\"/students/"), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_https_the_session_cookie_is_secure() {
    let db = crate::support::TestDb::loaded(crate::support::Backend::Sqlite).await;
    let mut config = crate::support::test_config(&db.url, crate::support::data_dir());
    config.public_url = Some("https://pathways.example.org".into());
    let app = TestApp::serve_config(db, config).await;
    let response = app.get("/signin").await;
    let cookie = session_cookie(&response).expect("a session cookie");
    assert!(cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
}
