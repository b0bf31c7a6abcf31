//! Work-based learning: seats never over-filled under concurrent applications, the limits on
//! students' hours, placements blocked by lapsed vetting, and what a partner sees.

use pathways::db::Db;
use pathways::ids::{
    ApplicationId, ClassId, CourseId, DistrictId, OpportunityId, PartnerContactId, PartnerOrganizationId, PlanCourseId,
    SpeakerRequestId, UserId,
};
use pathways::partners::hours::{self, HoursInput, Limits, Problem, Target};
use pathways::partners::{commitments, contacts, exports, model, store};
use pathways::with_pool;
use time::{Duration, OffsetDateTime};

use crate::support::{TestApp, on_both_backends, unescape};

/// The demo partner's organization and district.
async fn demo_partner(db: &Db) -> (PartnerOrganizationId, DistrictId) {
    let partner: UserId = with_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'partner@demo.test'").fetch_one(pool).await
    })
    .expect("demo partner");
    let district: DistrictId = with_pool!(db, pool => {
        sqlx::query_scalar("SELECT district_id FROM users WHERE id = $1").bind(partner).fetch_one(pool).await
    })
    .expect("district");
    let organization = store::organization_of(db, partner).await.expect("query").expect("organization");
    (organization.id, district)
}

/// A new opportunity of the demo partner with `capacity` seats, running from `starts_on`
/// for 60 days, open from grade 6.
async fn opportunity(db: &Db, capacity: i64, needs_approval: bool, starts_on: time::Date) -> store::Opportunity {
    let (organization, _) = demo_partner(db).await;
    let input = model::OpportunityInput {
        kind: "internship".into(),
        title: format!("Test internship {}", OpportunityId::random()),
        description: "Work on the wards".into(),
        subcluster: "physical-health".into(),
        occupation: None,
        starts_on,
        ends_on: starts_on + Duration::days(60),
        location: "Main campus".into(),
        capacity,
        paid: true,
        min_grade: 6,
        min_age: None,
        needs_approval,
        transportation: "student".into(),
    };
    let id = OpportunityId::random();
    store::insert_opportunity(db, (id, organization), &input, None, OffsetDateTime::now_utc()).await.expect("insert");
    store::opportunity(db, id).await.expect("query").expect("opportunity")
}

async fn students(db: &Db, district: DistrictId, n: i64) -> Vec<UserId> {
    with_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE role = 'student' AND district_id = $1
             AND id NOT IN (SELECT student_id FROM applications) ORDER BY id LIMIT $2")
            .bind(district).bind(n).fetch_all(pool).await
    })
    .expect("students")
}

async fn count(db: &Db, sql: &str, opportunity: OpportunityId) -> i64 {
    with_pool!(db, pool => sqlx::query_scalar(sql).bind(opportunity).fetch_one(pool).await).expect(sql)
}

on_both_backends! {
    async fn fifty_simultaneous_applications_fill_five_seats_and_waitlist_the_rest(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (_, district) = demo_partner(&db).await;
        let target = opportunity(&db, 5, false, OffsetDateTime::now_utc().date()).await;
        let applicants = students(&db, district, 50).await;
        assert_eq!(applicants.len(), 50);

        let mut tasks = Vec::new();
        for student in applicants {
            let (db, target) = (db.clone(), target.clone());
            tasks.push(tokio::spawn(async move {
                let new = store::NewApplication { opportunity: &target, student, district, statement: "", resume: None };
                store::apply(&db, &new, OffsetDateTime::now_utc()).await
            }));
        }
        let mut seats = 0;
        let mut waitlisted = 0;
        for task in tasks {
            match task.await.expect("task").expect("apply") {
                store::Applied::Seat(_) => seats += 1,
                store::Applied::Waitlisted(_) => waitlisted += 1,
                store::Applied::Already => panic!("each student applied once"),
            }
        }
        assert_eq!((seats, waitlisted), (5, 45));
        let placed = "SELECT COUNT(*) FROM applications WHERE opportunity_id = $1 AND holds_seat AND status = 'approved'";
        assert_eq!(count(&db, placed, target.id).await, 5);
        let waiting = "SELECT COUNT(*) FROM applications WHERE opportunity_id = $1 AND status = 'waitlisted'";
        assert_eq!(count(&db, waiting, target.id).await, 45);
        assert_eq!(store::opportunity(&db, target.id).await.unwrap().unwrap().seats_held, 5);

        // A placed student withdraws: the first on the waitlist takes the seat.
        let first_seat: ApplicationId = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT id FROM applications WHERE opportunity_id = $1 AND holds_seat ORDER BY created_at LIMIT 1")
                .bind(target.id).fetch_one(pool).await
        }).unwrap();
        let application = store::application(&db, first_seat).await.unwrap().unwrap();
        assert!(store::end(&db, &application, "withdrawn", application.student_id, "", OffsetDateTime::now_utc()).await.unwrap());
        assert_eq!(count(&db, placed, target.id).await, 5);
        assert_eq!(count(&db, waiting, target.id).await, 44);
        assert_eq!(store::opportunity(&db, target.id).await.unwrap().unwrap().seats_held, 5);
        db.close().await;
    }
}

/// A placement under way for a student of the demo district, with its target for hours.
async fn placement(db: &Db) -> Target {
    let (_, district) = demo_partner(db).await;
    let starts_on = OffsetDateTime::now_utc().date() - Duration::days(30);
    let target = opportunity(db, 3, false, starts_on).await;
    let student = students(db, district, 1).await[0];
    let new = store::NewApplication { opportunity: &target, student, district, statement: "", resume: None };
    let store::Applied::Seat(id) = store::apply(db, &new, OffsetDateTime::now_utc()).await.unwrap() else {
        panic!("a seat")
    };
    store::advance(db, id, ("approved", "placed"), None, OffsetDateTime::now_utc()).await.unwrap();
    Target { application: id, student, starts_on: target.starts_on, ends_on: target.ends_on, replacing: None }
}

fn worked(days_ago: i64, (start, end): (&str, &str)) -> HoursInput {
    HoursInput {
        worked_on: OffsetDateTime::now_utc().date() - Duration::days(days_ago),
        start: model::minutes_of_day(start).unwrap(),
        end: model::minutes_of_day(end).unwrap(),
        description: "Stocked supplies".into(),
    }
}

on_both_backends! {
    async fn hours_that_overlap_or_pass_the_limits_are_refused_and_nothing_is_written(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let target = placement(&db).await;
        let limits = Limits { max_minutes_day: 4 * 60, max_minutes_week: 9 * 60, ..Limits::default() };
        let now = OffsetDateTime::now_utc();
        // A Monday two weeks back, so the whole week lies in the past.
        let today = now.date();
        let monday_days_ago = 14 + i64::from(today.weekday().number_days_from_monday());
        let log = |input: HoursInput| {
            let (db, target) = (db.clone(), &target);
            async move { hours::log(&db, target, &input, &limits, now).await.expect("query") }
        };
        assert!(log(worked(monday_days_ago, ("16:00", "18:00"))).await.is_ok());
        assert_eq!(
            log(worked(monday_days_ago, ("17:00", "19:00"))).await,
            Err(Problem::Overlaps { start: 16 * 60, end: 18 * 60 })
        );
        assert_eq!(
            log(worked(monday_days_ago, ("18:00", "21:00"))).await,
            Err(Problem::DayLimit { logged: 120, limit: 240 })
        );
        assert!(log(worked(monday_days_ago - 1, ("15:00", "19:00"))).await.is_ok());
        assert_eq!(
            log(worked(monday_days_ago - 2, ("15:00", "19:00"))).await,
            Err(Problem::WeekLimit { logged: 360, limit: 540 })
        );
        assert_eq!(log(worked(-1, ("09:00", "10:00"))).await, Err(Problem::InFuture));
        assert!(matches!(log(worked(45, ("09:00", "10:00"))).await, Err(Problem::OutsidePlacement { .. })));
        let entries = hours::entries(&db, target.application).await.unwrap();
        assert_eq!(entries.len(), 2, "refused hours leave nothing behind");
        let problem = Problem::DayLimit { logged: 120, limit: 240 };
        assert_eq!(
            problem.message(pathways::i18n::Lang::En),
            "That day would go past the district's limit of 4 h: you logged 2 h already."
        );

        // A correction moves an entry without tripping over itself, and keeps what it said.
        let corrected = Target { replacing: Some(entries[1].id), ..target };
        let moved = hours::log(&db, &corrected, &worked(monday_days_ago, ("15:00", "17:30")), &limits, now).await.unwrap();
        assert!(moved.is_ok());
        assert_eq!(hours::changes(&db, corrected.application).await.unwrap().len(), 1);
        db.close().await;
    }
}

on_both_backends! {
    async fn hours_refused_on_the_page_say_why_in_the_readers_language(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let target = placement(&db).await;
        let email = format!("placed-{}@demo.test", target.student);
        with_pool!(&db, pool => sqlx::query("UPDATE users SET email = $2 WHERE id = $1").bind(target.student).bind(&email).execute(pool).await.map(|_| ()))
            .unwrap();
        crate::support::set_password(&db, &email, crate::support::TEST_PASSWORD).await;
        let student = app.signed_in_with(&email, crate::support::TEST_PASSWORD).await;
        let day = (OffsetDateTime::now_utc().date() - Duration::days(3)).to_string();
        let path = format!("/applications/{}/hours", target.application);
        let logged = student.post(&path, &[("worked_on", &day), ("start", "16:00"), ("end", "18:00"), ("description", "Filing")]).await;
        assert_eq!(logged.status(), 303);
        let overlapping = student.post(&format!("{path}?lang=es"), &[("worked_on", &day), ("start", "17:00"), ("end", "19:00"), ("description", "Filing")]).await;
        assert_eq!(overlapping.status(), 400);
        let body = unescape(&overlapping.text().await.unwrap());
        assert!(body.contains("se superponen con horas que ya registraste ese día (16:00–18:00)"), "{body}");
        assert!(body.contains("value=\"17:00\""), "the form keeps what was typed");
        assert_eq!(hours::entries(&db, target.application).await.unwrap().len(), 1);
        db.close().await;
    }
}

on_both_backends! {
    async fn expired_vetting_blocks_the_schools_approval_with_a_clear_message(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (organization, district) = demo_partner(&db).await;
        let target = opportunity(&db, 3, true, OffsetDateTime::now_utc().date() + Duration::days(10)).await;
        let student: UserId = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT id FROM users WHERE email = 'student@demo.test'").fetch_one(pool).await
        }).unwrap();
        let new = store::NewApplication { opportunity: &target, student, district, statement: "", resume: None };
        let store::Applied::Seat(id) = store::apply(&db, &new, OffsetDateTime::now_utc()).await.unwrap() else { panic!("seat") };
        let expired = OffsetDateTime::now_utc().date() - Duration::days(1);
        with_pool!(&db, pool => {
            sqlx::query("DELETE FROM partner_vetting WHERE organization_id = $1 AND kind = 'insurance'")
                .bind(organization).execute(pool).await.map(|_| ())
        }).unwrap();
        store::record_vetting(&db, (district, organization), ("insurance", expired, ""), None, OffsetDateTime::now_utc())
            .await
            .unwrap();

        let counselor = app.signed_in("counselor@demo.test").await;
        let items: Vec<(&str, &str)> = model::CHECKLIST.iter().map(|item| ("item", *item)).chain([("decision", "approve")]).collect();
        let response = counselor.post(&format!("/applications/{id}/checklist"), &items).await;
        assert_eq!(response.status(), 400);
        let body = unescape(&response.text().await.unwrap());
        assert!(body.contains(&format!("Insurance certificate: expired on {expired}")), "{body}");
        assert_eq!(store::application(&db, id).await.unwrap().unwrap().status, "applied");

        store::record_vetting(&db, (district, organization), ("insurance", expired + Duration::days(365), ""), None, OffsetDateTime::now_utc())
            .await
            .unwrap();
        let response = counselor.post(&format!("/applications/{id}/checklist"), &items).await;
        assert_eq!(response.status(), 303);
        assert_eq!(store::application(&db, id).await.unwrap().unwrap().status, "approved");
        db.close().await;
    }
}

on_both_backends! {
    async fn a_partner_sees_only_its_applicants_and_no_demographics(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (_, district) = demo_partner(&db).await;
        let own = opportunity(&db, 3, true, OffsetDateTime::now_utc().date() + Duration::days(10)).await;
        let student = students(&db, district, 1).await[0];
        with_pool!(&db, pool => {
            sqlx::query("UPDATE student_attributes SET ethnicity = 'Native Hawaiian or Other Pacific Islander' WHERE student_id = $1")
                .bind(student).execute(pool).await.map(|_| ())
        }).unwrap();
        let new = store::NewApplication { opportunity: &own, student, district, statement: "Hello", resume: None };
        let store::Applied::Seat(mine) = store::apply(&db, &new, OffsetDateTime::now_utc()).await.unwrap() else { panic!("seat") };
        let other: OpportunityId = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT o.id FROM opportunities o JOIN partner_staff s ON s.organization_id <> o.organization_id
                 JOIN users u ON u.id = s.user_id WHERE u.email = 'partner@demo.test' ORDER BY o.id LIMIT 1").fetch_one(pool).await
        }).unwrap();
        let others = store::opportunity(&db, other).await.unwrap().unwrap();
        let another = students(&db, district, 1).await[0];
        let new = store::NewApplication { opportunity: &others, student: another, district, statement: "", resume: None };
        let theirs = match store::apply(&db, &new, OffsetDateTime::now_utc()).await.unwrap() {
            store::Applied::Seat(id) | store::Applied::Waitlisted(id) => id,
            store::Applied::Already => panic!("new"),
        };

        let partner = app.signed_in("partner@demo.test").await;
        let (status, body) = partner.page(&format!("/applications/{mine}")).await;
        assert_eq!(status, 200);
        assert!(body.contains("Hello"));
        for demographic in ["Native Hawaiian", "ethnicity", "Ethnicity", "economically", "IEP", "English learner"] {
            assert!(!body.contains(demographic), "the partner sees {demographic}");
        }
        let (status, _) = partner.page(&format!("/applications/{theirs}")).await;
        assert_eq!(status, 403, "another partner's applicant");
        let (status, _) = partner.page(&format!("/students/{another}")).await;
        assert_eq!(status, 403);
        let (_, list) = partner.page(&format!("/opportunities/{}", own.id)).await;
        let name: String = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT given_name || ' ' || family_name FROM users WHERE id = $1").bind(another).fetch_one(pool).await
        }).unwrap();
        assert!(!unescape(&list).contains(&name));
        db.close().await;
    }
}

/// A user's id by email.
async fn user_id(db: &Db, email: &str) -> UserId {
    with_pool!(db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(pool).await)
        .expect(email)
}

on_both_backends! {
    async fn speaker_requests_go_only_to_partners_with_visits_left_in_the_field(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (_, district) = demo_partner(&db).await;
        let today = OffsetDateTime::now_utc().date();
        let window = (today + Duration::days(7), today + Duration::days(21));
        let before = commitments::speaker_candidates(&db, district, "judicial-systems", window.0, today).await.unwrap();
        let courthouse = before.iter().find(|c| c.same_subcluster).expect("a courthouse with speaker visits").clone();
        assert!(before.iter().all(|c| c.left() > 0));
        let year = pathways::plans::signoffs::school_year(window.0);
        let one_visit = [("speakers", 1), ("tours", 0), ("shadows", 0), ("interns", 0)];
        commitments::set(&db, (district, courthouse.organization_id), &year, &one_visit).await.unwrap();

        let class: ClassId = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT e.class_id FROM enrollments e JOIN users u ON u.id = e.user_id
                 WHERE u.email = 'teacher@demo.test' AND e.role = 'teacher' ORDER BY e.class_id LIMIT 1").fetch_one(pool).await
        }).unwrap();
        let teacher = app.signed_in("teacher@demo.test").await;
        let (from, to) = (window.0.to_string(), window.1.to_string());
        for note in ["Mock trial unit", "Second period too"] {
            let fields = [("subcluster", "judicial-systems"), ("window_start", from.as_str()), ("window_end", to.as_str()), ("note", note)];
            assert_eq!(teacher.post(&format!("/classes/{class}/speaker-requests"), &fields).await.status(), 303);
        }
        let (_, page) = teacher.page(&format!("/classes/{class}")).await;
        let page = unescape(&page);
        assert!(page.contains(&courthouse.name), "the class page offers the courthouse");
        let requests: Vec<SpeakerRequestId> = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT id FROM speaker_requests WHERE class_id = $1 ORDER BY created_at").bind(class).fetch_all(pool).await
        }).unwrap();
        let partner = courthouse.organization_id.to_string();
        let matched = teacher.post(&format!("/classes/{class}/speaker-requests/{}/match", requests[0]), &[("organization", &partner)]).await;
        assert_eq!(matched.status(), 303);

        // The courthouse's one visit is taken: the second request cannot go to it.
        let after = commitments::speaker_candidates(&db, district, "judicial-systems", window.0, today).await.unwrap();
        assert!(after.iter().all(|c| c.organization_id != courthouse.organization_id));
        let refused = teacher.post(&format!("/classes/{class}/speaker-requests/{}/match", requests[1]), &[("organization", &partner)]).await;
        assert_eq!(refused.status(), 400);
        assert!(unescape(&refused.text().await.unwrap()).contains("no speaker visits left in this field"));
        let open: i64 = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM speaker_requests WHERE class_id = $1 AND status = 'open'").bind(class).fetch_one(pool).await
        }).unwrap();
        assert_eq!(open, 1);

        // The partner's page counts the visit as delivered and names the class.
        let admin = app.signed_in("district-admin@demo.test").await;
        let (status, page) = admin.page(&format!("/partners/{partner}")).await;
        assert_eq!(status, 200);
        let lines = commitments::of_partner(&db, district, courthouse.organization_id, window.0).await.unwrap();
        assert_eq!((lines[0].kind, lines[0].committed, lines[0].delivered), ("speakers", 1, 1));
        let title: String = with_pool!(&db, pool => sqlx::query_scalar("SELECT title FROM classes WHERE id = $1").bind(class).fetch_one(pool).await).unwrap();
        assert!(unescape(&page).contains(&title));
        db.close().await;
    }
}

on_both_backends! {
    async fn contacts_and_the_interaction_log_belong_to_one_district(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (_, district) = demo_partner(&db).await;
        let partner: PartnerOrganizationId = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT organization_id FROM district_partners WHERE district_id = $1
                 AND organization_id IN (SELECT organization_id FROM district_partners WHERE district_id <> $1)
                 ORDER BY organization_id LIMIT 1").bind(district).fetch_one(pool).await
        }).unwrap();
        let contacts_of = |district: DistrictId| {
            let db = db.clone();
            async move { contacts::of_partner(&db, district, partner).await.unwrap().len() }
        };
        let before = contacts_of(district).await;
        let counselor = app.signed_in("counselor@demo.test").await;
        let path = format!("/partners/{partner}/contacts");
        let bad = counselor.post(&path, &[("name", "Rosa Diaz"), ("role", "supervisor"), ("email", "rosa at clinic")]).await;
        assert_eq!(bad.status(), 400);
        assert!(unescape(&bad.text().await.unwrap()).contains("name@example.org"));
        assert_eq!(contacts_of(district).await, before, "a refused contact leaves nothing behind");
        let fields = [("name", "Rosa Diaz"), ("title", "Nurse manager"), ("role", "supervisor"), ("email", "rosa@clinic.example.org")];
        assert_eq!(counselor.post(&path, &fields).await.status(), 303);
        assert_eq!(contacts_of(district).await, before + 1);

        let today = OffsetDateTime::now_utc().date().to_string();
        let entry = [("kind", "call"), ("happened_on", today.as_str()), ("summary", "Asked about spring interns"), ("follow_up_on", today.as_str())];
        assert_eq!(counselor.post(&format!("/partners/{partner}/interactions"), &entry).await.status(), 303);
        let (_, list) = counselor.page("/partners").await;
        assert!(list.contains("follow-up"), "the partners list flags the follow-up due");
        let (_, page) = counselor.page(&format!("/partners/{partner}")).await;
        let page = unescape(&page);
        assert!(page.contains("Rosa Diaz") && page.contains("Asked about spring interns"));

        // Northfield works with the same partner and sees none of it.
        let northfield_admin: String = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT u.email FROM users u JOIN districts d ON d.id = u.district_id
                 WHERE d.slug = 'northfield' AND u.role = 'district_admin' AND u.email IS NOT NULL LIMIT 1").fetch_one(pool).await
        }).unwrap();
        crate::support::set_password(&db, &northfield_admin, crate::support::TEST_PASSWORD).await;
        let other = app.signed_in_with(&northfield_admin, crate::support::TEST_PASSWORD).await;
        let (status, page) = other.page(&format!("/partners/{partner}")).await;
        assert_eq!(status, 200);
        let page = unescape(&page);
        assert!(!page.contains("Rosa Diaz") && !page.contains("Asked about spring interns"));

        let rosa: PartnerContactId = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT id FROM partner_contacts WHERE name = 'Rosa Diaz'").fetch_one(pool).await
        }).unwrap();
        let theirs = other.post(&format!("/partners/{partner}/contacts/{rosa}/remove"), &[]).await;
        assert_eq!(theirs.status(), 404, "another district cannot remove it");
        assert_eq!(counselor.post(&format!("/partners/{partner}/contacts/{rosa}/remove"), &[]).await.status(), 303);
        assert_eq!(contacts_of(district).await, before);
        db.close().await;
    }
}

on_both_backends! {
    async fn placements_export_in_both_layouts_and_count_for_perkins(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (_, district) = demo_partner(&db).await;
        let target = placement(&db).await;
        let now = OffsetDateTime::now_utc();
        let perkins_before = exports::perkins(&db, district, None).await.unwrap();
        let was_senior: bool = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT grade = 12 FROM users WHERE id = $1").bind(target.student).fetch_one(pool).await
        }).unwrap();
        with_pool!(&db, pool => {
            sqlx::query("UPDATE users SET grade = 12 WHERE id = $1").bind(target.student).execute(pool).await.map(|_| ())
        }).unwrap();

        // Two completed career and technical courses (aligned to a CIP program) in one
        // sub-cluster make the student a CTE concentrator.
        for title in ["Health Science I", "Health Science II"] {
            let course = CourseId::random();
            with_pool!(&db, pool => {
                async {
                    sqlx::query("INSERT INTO courses (id, district_id, title, cip_code) VALUES ($1, $2, $3, '51.3902')")
                        .bind(course).bind(district).bind(title).execute(pool).await?;
                    sqlx::query("INSERT INTO course_subclusters (course_id, subcluster_id) VALUES ($1, 'physical-health')")
                        .bind(course).execute(pool).await?;
                    sqlx::query("INSERT INTO plan_courses (id, student_id, course_id, grade, status, version, created_at, updated_at)
                         VALUES ($1, $2, $3, 11, 'completed', 1, $4, $4)")
                        .bind(PlanCourseId::random()).bind(target.student).bind(course).bind(now).execute(pool).await
                        .map(|_| ())
                }.await
            }).unwrap();
        }
        let supervisor = user_id(&db, "partner@demo.test").await;
        let coordinator = user_id(&db, "district-admin@demo.test").await;
        let input = HoursInput { worked_on: now.date(), start: 6 * 60, end: 9 * 60, description: "Rounds".into() };
        let entry = hours::log(&db, &target, &input, &Limits::default(), now).await.unwrap().unwrap();
        hours::approve(&db, (target.application, entry), hours::Approver::Supervisor, supervisor, now).await.unwrap();
        hours::approve(&db, (target.application, entry), hours::Approver::Coordinator, coordinator, now).await.unwrap();
        let ratings: Vec<(String, i64)> = (1..=12).map(|p| (format!("cctc-2012/CRP{p}"), 4)).collect();
        store::add_evaluation(&db, target.application, supervisor, (&ratings, "Excellent"), now).await.unwrap();
        store::set_checks(&db, target.application, (&model::CHECKLIST, true), coordinator, now).await.unwrap();

        let perkins = exports::perkins(&db, district, None).await.unwrap();
        assert_eq!(perkins.concentrators, perkins_before.concentrators + 1);
        assert_eq!(perkins.concentrators_with_wbl, perkins_before.concentrators_with_wbl + 1);
        let newly = i64::from(!was_senior);
        assert_eq!(perkins.seniors, perkins_before.seniors + newly);
        assert_eq!(perkins.seniors_with_wbl, perkins_before.seniors_with_wbl + newly);

        let family: String = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT family_name FROM users WHERE id = $1").bind(target.student).fetch_one(pool).await
        }).unwrap();
        let id = target.application.to_string();
        let admin = app.signed_in("district-admin@demo.test").await;
        let generic = admin.get("/work-based-learning/export.csv?layout=generic").await;
        assert_eq!(generic.status(), 200);
        assert!(generic.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let generic = generic.text().await.unwrap();
        let row = generic.lines().find(|l| l.starts_with(&id)).expect("the placement's row");
        assert!(row.contains(&family) && row.contains(",internship,") && row.contains(",yes,3.00,0.00,"), "{row}");
        assert!(row.contains(",yes,4.00,4,yes,10"), "{row}");

        let calpads = admin.get("/work-based-learning/export.csv?layout=calpads").await.text().await.unwrap();
        let row = calpads.lines().find(|l| l.contains(&id)).expect("the internship in the CALPADS-style file");
        assert!(row.starts_with("WBLR,,"), "{row}");
        let fields: Vec<&str> = row.split(',').collect();
        assert_eq!(&fields[12..], ["10", id.as_str(), "3", "", "4", "Y", "Y"]);
        let exported: i64 = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND resource LIKE '/work-based-learning/export.csv%'")
                .fetch_one(pool).await
        }).unwrap();
        assert_eq!(exported, 2, "each download is in the audit log");

        let (status, report) = admin.page("/work-based-learning/report").await;
        assert_eq!(status, 200);
        assert!(report.contains("5S3"));
        assert_eq!(admin.get("/work-based-learning/export.csv?layout=pdf").await.status(), 400);
        assert_eq!(admin.get("/work-based-learning/export.csv?year=next").await.status(), 400);

        // A school's administrator gets their school's records only.
        let school_admin = app.signed_in("school-admin@demo.test").await;
        let same_school: bool = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT a.school_id = s.school_id FROM users a, users s WHERE a.email = 'school-admin@demo.test' AND s.id = $1")
                .bind(target.student).fetch_one(pool).await
        }).unwrap();
        let theirs = school_admin.get("/work-based-learning/export.csv").await.text().await.unwrap();
        assert_eq!(theirs.contains(&id), same_school);
        let counselor = app.signed_in("counselor@demo.test").await;
        assert_eq!(counselor.get("/work-based-learning/export.csv").await.status(), 403);
        db.close().await;
    }
}

on_both_backends! {
    async fn a_district_sets_its_hour_limits_and_a_partner_closes_an_opportunity(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (_, district) = demo_partner(&db).await;
        let admin = app.signed_in("district-admin@demo.test").await;
        let bad = [("hours_day", "6"), ("hours_week", "4"), ("school_starts", "08:00"), ("school_ends", "15:00")];
        assert_eq!(admin.post("/work-based-learning/limits", &bad).await.status(), 400);
        assert_eq!(hours::limits(&db, district).await.unwrap(), Limits::default(), "a refused form changes nothing");
        let good = [("hours_day", "4"), ("hours_week", "18"), ("school_starts", "07:45"), ("school_ends", "14:30")];
        assert_eq!(admin.post("/work-based-learning/limits", &good).await.status(), 303);
        let limits = hours::limits(&db, district).await.unwrap();
        assert_eq!((limits.max_minutes_day, limits.max_minutes_week, limits.school_starts), (240, 1080, 465));
        let (_, page) = admin.page("/work-based-learning/limits?saved=1").await;
        assert!(page.contains("value=\"18\"") && page.contains("Saved."));

        let target = opportunity(&db, 3, false, OffsetDateTime::now_utc().date() + Duration::days(5)).await;
        let partner = app.signed_in("partner@demo.test").await;
        let path = format!("/opportunities/{}/status", target.id);
        assert_eq!(partner.post(&path, &[("status", "closed")]).await.status(), 303);
        assert_eq!(store::opportunity(&db, target.id).await.unwrap().unwrap().status, "closed");
        let student = app.signed_in("student@demo.test").await;
        let (_, page) = student.page(&format!("/opportunities/{}", target.id)).await;
        assert!(page.contains("Closed to new applications"));
        let refused = student.post(&format!("/opportunities/{}/apply", target.id), &[("statement", "Hi")]).await;
        assert_eq!(refused.status(), 400, "a closed opportunity takes no applications");
        assert_eq!(partner.post(&path, &[("status", "open")]).await.status(), 303);
        assert_eq!(store::opportunity(&db, target.id).await.unwrap().unwrap().status, "open");

        // A named occupation must be one the catalog knows; it then shows on the opportunity.
        let posting = |occupation: &'static str| {
            [
                ("kind", "job_shadow"), ("title", "Pharmacy shadow day"), ("description", "A day at the counter"),
                ("subcluster", "physical-health"), ("occupation", occupation), ("starts_on", "2030-01-10"),
                ("ends_on", "2030-01-10"), ("location", "Main street"), ("capacity", "3"), ("min_grade", "9"),
                ("transportation", "student"),
            ]
        };
        let unknown = partner.post("/opportunities", &posting("99-9999.00")).await;
        assert_eq!(unknown.status(), 400);
        assert!(unescape(&unknown.text().await.unwrap()).contains("O*NET-SOC code like 29-2052.00"));
        let posted = partner.post("/opportunities", &posting("29-2052.00")).await;
        assert_eq!(posted.status(), 303);
        let location = posted.headers()["location"].to_str().unwrap().to_string();
        let (_, page) = partner.page(&location).await;
        assert!(page.contains("href=\"/occupations/29-2052.00\""), "the opportunity links its occupation");
        db.close().await;
    }
}
