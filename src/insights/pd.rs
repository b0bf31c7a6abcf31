//! Professional development: sessions for staff (title, date, hours, the cluster they focus
//! on, a school or the whole district), who attended, each teacher's hours, and the lessons
//! attendees tagged to the framework afterwards — the sign that the session reached a class.

use std::collections::{BTreeMap, HashMap};

use time::{Date, OffsetDateTime};

use crate::db::Db;
use crate::ids::{DistrictId, PdSessionId, SchoolId, UserId};
use crate::partners::exports::SchoolYear;
use crate::with_pool;

/// A session as reports list it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct Session {
    pub id: PdSessionId,
    pub school_id: Option<SchoolId>,
    pub title: String,
    pub held_on: Date,
    pub hours: f64,
    pub cluster_id: Option<String>,
    pub attendees: i64,
    /// Lessons attendees wrote on or after the session's day, tagged with its cluster (any
    /// cluster when it had no focus).
    pub lessons_after: i64,
}

/// What an administrator gives for a new session.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionInput {
    pub title: String,
    pub held_on: Date,
    pub hours: f64,
    pub cluster_id: Option<String>,
    pub school_id: Option<SchoolId>,
}

/// Sessions the report counts: of the school year, at `school` (with the district's own
/// sessions) or anywhere in the district.
pub struct Window {
    pub district: DistrictId,
    pub school: Option<SchoolId>,
    pub year: SchoolYear,
}

/// Lessons (id, author or co-author, written on) with a cluster or sub-cluster tag, and the
/// clusters they are tagged with.
const TAGGED_LESSONS: &str = "SELECT l.id, w.user_id, l.created_at, COALESCE(sc.cluster_id, t.ref)
     FROM lessons l
     JOIN (SELECT id AS lesson_id, author_id AS user_id FROM lessons
           UNION SELECT lesson_id, user_id FROM lesson_authors) w ON w.lesson_id = l.id
     JOIN lesson_tags t ON t.lesson_id = l.id AND t.kind IN ('cluster', 'subcluster')
     LEFT JOIN subclusters sc ON t.kind = 'subcluster' AND sc.id = t.ref
     WHERE l.district_id = $1 AND l.deleted_at IS NULL";

type TaggedLesson = (uuid::Uuid, UserId, OffsetDateTime, String);

/// The sessions of `window`, latest first, with attendance and lessons tagged afterwards.
pub async fn sessions(db: &Db, window: &Window) -> Result<Vec<Session>, sqlx::Error> {
    const SESSIONS: &str = "SELECT s.id, s.school_id, s.title, s.held_on, s.hours, s.cluster_id,
             (SELECT COUNT(*) FROM pd_attendance a WHERE a.session_id = s.id) AS attendees, CAST(0 AS BIGINT) AS lessons_after
         FROM pd_sessions s
         WHERE s.district_id = $1 AND s.held_on BETWEEN $2 AND $3 AND ($4 IS NULL OR s.school_id IS NULL OR s.school_id = $4)
         ORDER BY s.held_on DESC, s.title";
    const ATTENDANCE: &str = "SELECT a.session_id, a.teacher_id FROM pd_attendance a
         JOIN pd_sessions s ON s.id = a.session_id WHERE s.district_id = $1 AND s.held_on BETWEEN $2 AND $3";
    let (start, end) = (window.year.start, window.year.end);
    let (mut sessions, attendance, lessons): (Vec<Session>, Vec<(PdSessionId, UserId)>, Vec<TaggedLesson>) = with_pool!(db, pool => (
        sqlx::query_as(SESSIONS).bind(window.district).bind(start).bind(end).bind(window.school).fetch_all(pool).await?,
        sqlx::query_as(ATTENDANCE).bind(window.district).bind(start).bind(end).fetch_all(pool).await?,
        sqlx::query_as(TAGGED_LESSONS).bind(window.district).fetch_all(pool).await?,
    ));
    let mut by_author: HashMap<UserId, Vec<&TaggedLesson>> = HashMap::new();
    for lesson in &lessons {
        by_author.entry(lesson.1).or_default().push(lesson);
    }
    for session in &mut sessions {
        let mut counted = std::collections::HashSet::new();
        for (_, teacher) in attendance.iter().filter(|(s, _)| *s == session.id) {
            for (lesson, _, written, cluster) in by_author.get(teacher).into_iter().flatten() {
                let in_focus = session.cluster_id.as_ref().is_none_or(|focus| focus == cluster);
                if written.date() >= session.held_on && in_focus {
                    counted.insert(*lesson);
                }
            }
        }
        session.lessons_after = counted.len() as i64;
    }
    Ok(sessions)
}

/// One teacher's professional development in the window.
#[derive(Clone, Debug, PartialEq)]
pub struct TeacherHours {
    pub teacher: UserId,
    pub name: String,
    pub school_id: Option<SchoolId>,
    pub sessions: i64,
    pub hours: f64,
    /// Lessons they tagged to a cluster on or after their first session of the window.
    pub lessons_after: i64,
}

/// Every staff member who attended a session of `window` (at `school`, when given), most
/// hours first.
pub async fn teacher_hours(db: &Db, window: &Window) -> Result<Vec<TeacherHours>, sqlx::Error> {
    const SQL: &str = "SELECT u.id, u.given_name || ' ' || u.family_name, u.school_id, s.held_on, s.hours
         FROM pd_attendance a JOIN pd_sessions s ON s.id = a.session_id JOIN users u ON u.id = a.teacher_id
         WHERE s.district_id = $1 AND s.held_on BETWEEN $2 AND $3 AND ($4 IS NULL OR u.school_id = $4)";
    let (start, end) = (window.year.start, window.year.end);
    type Attended = (UserId, String, Option<SchoolId>, Date, f64);
    let (rows, lessons): (Vec<Attended>, Vec<TaggedLesson>) = with_pool!(db, pool => (
        sqlx::query_as(SQL).bind(window.district).bind(start).bind(end).bind(window.school).fetch_all(pool).await?,
        sqlx::query_as(TAGGED_LESSONS).bind(window.district).fetch_all(pool).await?,
    ));
    let mut teachers: BTreeMap<UserId, (TeacherHours, Date)> = BTreeMap::new();
    for (teacher, name, school_id, held_on, hours) in rows {
        let entry = teachers.entry(teacher).or_insert_with(|| {
            let blank = TeacherHours { teacher, name, school_id, sessions: 0, hours: 0.0, lessons_after: 0 };
            (blank, held_on)
        });
        entry.0.sessions += 1;
        entry.0.hours += hours;
        entry.1 = entry.1.min(held_on);
    }
    let mut list: Vec<TeacherHours> = teachers
        .into_values()
        .map(|(mut t, first)| {
            let mut written: Vec<uuid::Uuid> = lessons
                .iter()
                .filter(|(_, author, at, _)| *author == t.teacher && at.date() >= first)
                .map(|(id, ..)| *id)
                .collect();
            written.sort();
            written.dedup();
            t.lessons_after = written.len() as i64;
            t
        })
        .collect();
    list.sort_by(|a, b| b.hours.total_cmp(&a.hours).then(a.name.cmp(&b.name)));
    Ok(list)
}

pub async fn session(db: &Db, district: DistrictId, id: PdSessionId) -> Result<Option<Session>, sqlx::Error> {
    const SQL: &str = "SELECT s.id, s.school_id, s.title, s.held_on, s.hours, s.cluster_id,
             (SELECT COUNT(*) FROM pd_attendance a WHERE a.session_id = s.id) AS attendees, CAST(0 AS BIGINT) AS lessons_after
         FROM pd_sessions s WHERE s.id = $1 AND s.district_id = $2";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(id).bind(district).fetch_optional(pool).await)
}

pub async fn create(
    db: &Db,
    district: DistrictId,
    input: &SessionInput,
    by: UserId,
    now: OffsetDateTime,
) -> Result<PdSessionId, sqlx::Error> {
    const SQL: &str = "INSERT INTO pd_sessions (id, district_id, school_id, title, held_on, hours, cluster_id, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    let id = PdSessionId::random();
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(district).bind(input.school_id).bind(&input.title).bind(input.held_on)
            .bind(input.hours).bind(&input.cluster_id).bind(by).bind(now).execute(pool).await.map(|_| ())
    })?;
    Ok(id)
}

/// Staff who may attend a session: teachers and counselors of its school, or of the
/// district for a district session; (id, name, school).
pub async fn eligible_staff(
    db: &Db,
    district: DistrictId,
    school: Option<SchoolId>,
) -> Result<Vec<(UserId, String, Option<SchoolId>)>, sqlx::Error> {
    const SQL: &str = "SELECT id, given_name || ' ' || family_name, school_id FROM users
         WHERE district_id = $1 AND role IN ('teacher', 'counselor') AND active AND ($2 IS NULL OR school_id = $2)
         ORDER BY family_name, given_name, id";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(district).bind(school).fetch_all(pool).await)
}

pub async fn attendees(db: &Db, session: PdSessionId) -> Result<Vec<UserId>, sqlx::Error> {
    with_pool!(db, pool => {
        sqlx::query_scalar("SELECT teacher_id FROM pd_attendance WHERE session_id = $1").bind(session).fetch_all(pool).await
    })
}

/// Replaces the session's attendance with `present`, in one transaction.
pub async fn set_attendance(
    db: &Db,
    session: PdSessionId,
    present: &[UserId],
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM pd_attendance WHERE session_id = $1").bind(session).execute(&mut *tx).await?;
        for teacher in present {
            sqlx::query("INSERT INTO pd_attendance (session_id, teacher_id, recorded_at) VALUES ($1, $2, $3)")
                .bind(session).bind(teacher).bind(now).execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}
