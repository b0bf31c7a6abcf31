//! Work-based learning: seats never over-filled under concurrent applications, the limits on
//! students' hours, placements blocked by lapsed vetting, and what a partner sees.

use pathways::db::Db;
use pathways::ids::{ApplicationId, DistrictId, OpportunityId, PartnerOrganizationId, UserId};
use pathways::partners::hours::{self, HoursInput, Limits, Problem, Target};
use pathways::partners::{model, store};
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
