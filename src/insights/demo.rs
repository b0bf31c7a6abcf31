//! The demo district's professional development: sessions of this school year and the last,
//! at one school or for the whole district, attended by about a third of the staff — more
//! often by those who write lessons, as in districts where PD and lesson writing go together.

use std::collections::HashSet;

use time::{Duration, OffsetDateTime};

use crate::db::Db;
use crate::db::batch::{BulkInsert, Value};
use crate::ids::{DistrictId, PdSessionId, SchoolId, UserId};
use crate::orgs::demo::Rng;
use crate::partners::exports::SchoolYear;
use crate::with_pool;

/// A session of the demo: its school by index (or the whole district) and the day of the
/// school year it is held on.
struct DemoSession {
    title: &'static str,
    focus: Option<&'static str>,
    hours: f64,
    school: Option<usize>,
    day: i64,
}

const SESSIONS: &[DemoSession] = &[
    DemoSession { title: "Bringing careers into every subject", focus: None, hours: 6.0, school: None, day: 35 },
    DemoSession {
        title: "Healthcare pathways for science teachers",
        focus: Some("healthcare-human-services"),
        hours: 3.0,
        school: Some(0),
        day: 60,
    },
    DemoSession {
        title: "From Hamlet to the courtroom: law careers in English class",
        focus: Some("public-service-safety"),
        hours: 2.0,
        school: Some(1),
        day: 75,
    },
    DemoSession {
        title: "Coding across the curriculum",
        focus: Some("digital-technology"),
        hours: 3.0,
        school: None,
        day: 90,
    },
    DemoSession { title: "Work-based learning for counselors", focus: None, hours: 1.5, school: None, day: 105 },
    DemoSession {
        title: "Advanced manufacturing site visit",
        focus: Some("advanced-manufacturing"),
        hours: 4.0,
        school: Some(0),
        day: 120,
    },
    DemoSession {
        title: "Farm to table: agriculture in middle school",
        focus: Some("agriculture"),
        hours: 2.0,
        school: Some(2),
        day: 140,
    },
    DemoSession { title: "Guest speakers that land", focus: Some("education"), hours: 1.0, school: Some(3), day: 150 },
    DemoSession {
        title: "Money skills and financial careers",
        focus: Some("financial-services"),
        hours: 2.0,
        school: None,
        day: 200,
    },
];

const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6a1d_93c2_5b7e_4d08_a2f4_17c9_0e3b_5d86);

/// How often staff attend a session they could attend; lesson writers more often.
const ATTENDS: f64 = 0.3;
const WRITER_ATTENDS: f64 = 0.75;

pub async fn generate(db: &Db, district: DistrictId, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    const STAFF: &str = "SELECT id, school_id FROM users
         WHERE district_id = $1 AND role IN ('teacher', 'counselor') AND active ORDER BY id";
    const SCHOOLS: &str = "SELECT id FROM schools WHERE district_id = $1 ORDER BY name, id";
    const WRITERS: &str = "SELECT DISTINCT author_id FROM lessons WHERE district_id = $1";
    type Staff = Vec<(UserId, Option<SchoolId>)>;
    let (staff, schools, writers): (Staff, Vec<SchoolId>, Vec<UserId>) = with_pool!(db, pool => (
        sqlx::query_as(STAFF).bind(district).fetch_all(pool).await?,
        sqlx::query_scalar(SCHOOLS).bind(district).fetch_all(pool).await?,
        sqlx::query_scalar(WRITERS).bind(district).fetch_all(pool).await?,
    ));
    let writers: HashSet<UserId> = writers.into_iter().collect();
    let this_year = SchoolYear::of(now.date());
    let years = [SchoolYear::of(this_year.start - Duration::days(1)), this_year];
    let mut rng = Rng::seeded(0x00d0_5e55);
    let (mut sessions, mut attendance) = (Vec::new(), Vec::new());
    for (y, year) in years.iter().enumerate() {
        for (n, demo) in SESSIONS.iter().enumerate() {
            let held_on = year.start + Duration::days(demo.day);
            let school = demo.school.and_then(|i| schools.get(i).copied());
            if held_on >= now.date() || (school.is_none() && schools.is_empty()) {
                continue;
            }
            let id = PdSessionId::derived(&NAMESPACE, &format!("{district}/pd/{y}/{n}"));
            sessions.push(vec![
                Value::uuid(id.uuid()),
                Value::uuid(district.uuid()),
                Value::Uuid(school.map(|s| s.uuid())),
                Value::text(demo.title),
                Value::Date(Some(held_on)),
                Value::Real(Some(demo.hours)),
                Value::opt_text(demo.focus),
                Value::Uuid(None),
                Value::Time(now),
            ]);
            for (teacher, _) in staff.iter().filter(|(_, at)| school.is_none() || *at == school) {
                let p = if writers.contains(teacher) { WRITER_ATTENDS } else { ATTENDS };
                if rng.chance(p) {
                    let recorded = OffsetDateTime::new_utc(held_on, time::Time::MIDNIGHT) + Duration::hours(18);
                    attendance.push(vec![Value::uuid(id.uuid()), Value::uuid(teacher.uuid()), Value::Time(recorded)]);
                }
            }
        }
    }
    const SESSION_COLUMNS: &[&str] =
        &["id", "district_id", "school_id", "title", "held_on", "hours", "cluster_id", "created_by", "created_at"];
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        BulkInsert::insert_rows(&mut *tx, "pd_sessions", SESSION_COLUMNS, &sessions, "", &mut |_| ()).await?;
        BulkInsert::insert_rows(&mut *tx, "pd_attendance", &["session_id", "teacher_id", "recorded_at"], &attendance, "", &mut |_| ()).await?;
        tx.commit().await
    })
}
