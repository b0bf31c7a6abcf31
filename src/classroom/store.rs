//! SQL of the lesson library: lessons with their tags and co-authors, searches limited to
//! what the reader sees (the policy's condition), forks, comments and uses, and teaching
//! records with the exposures they give every student enrolled in the class.

use std::collections::HashMap;

use time::{Date, OffsetDateTime};

use super::model::{Lesson, LessonCard, LessonInput, LessonTags};
use crate::auth::policy::{LessonViewer, VISIBLE_LESSON};
use crate::db::Db;
use crate::ids::{ClassId, DistrictId, ExposureId, LessonCommentId, LessonId, SchoolId, TeachingId, UserId};
use crate::with_pool;

/// Where a new lesson belongs and who wrote it.
pub struct Origin {
    pub district: DistrictId,
    pub school: Option<SchoolId>,
    pub author: UserId,
    pub forked_from: Option<LessonId>,
}

const LESSON_COLUMNS: &str = "l.id, l.district_id, l.school_id, l.author_id,
    u.given_name || ' ' || u.family_name AS author_name, l.kind, l.title, l.subject, l.grade_low, l.grade_high,
    l.summary, l.body, l.standards, l.links, l.activity_type, l.visibility, l.forked_from, l.featured_at,
    l.deleted_at, l.version, l.updated_at,
    (SELECT COUNT(*) FROM lesson_uses x WHERE x.lesson_id = l.id) AS uses";

const CARD_COLUMNS: &str = "l.id, l.kind, l.title, l.subject, l.grade_low, l.grade_high, l.summary, l.activity_type,
    l.visibility, u.given_name || ' ' || u.family_name AS author_name, l.featured_at, l.forked_from,
    (SELECT COUNT(*) FROM lesson_uses x WHERE x.lesson_id = l.id) AS uses";

/// Writes the tags and co-authors of `$id` in the caller's transaction, replacing old ones.
macro_rules! replace_parts {
    ($tx:expr, $id:expr, $tags:expr, $coauthors:expr) => {{
        sqlx::query("DELETE FROM lesson_tags WHERE lesson_id = $1").bind($id).execute(&mut *$tx).await?;
        for (kind, reference) in $tags.pairs() {
            sqlx::query("INSERT INTO lesson_tags (lesson_id, kind, ref) VALUES ($1, $2, $3)")
                .bind($id)
                .bind(kind)
                .bind(reference)
                .execute(&mut *$tx)
                .await?;
        }
        sqlx::query("DELETE FROM lesson_authors WHERE lesson_id = $1").bind($id).execute(&mut *$tx).await?;
        for coauthor in $coauthors {
            sqlx::query("INSERT INTO lesson_authors (lesson_id, user_id) VALUES ($1, $2)")
                .bind($id)
                .bind(coauthor)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}

/// Adds a lesson with its tags and co-authors, in one transaction.
pub async fn insert(
    db: &Db,
    origin: &Origin,
    input: &LessonInput,
    coauthors: &[UserId],
    now: OffsetDateTime,
) -> Result<LessonId, sqlx::Error> {
    const SQL: &str = "INSERT INTO lessons (id, district_id, school_id, author_id, kind, title, subject, grade_low,
         grade_high, summary, body, standards, links, activity_type, visibility, forked_from, version, created_at,
         updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1, $17, $17)";
    let id = LessonId::random();
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(SQL).bind(id).bind(origin.district).bind(origin.school).bind(origin.author).bind(&input.kind)
            .bind(&input.title).bind(&input.subject).bind(input.grade_low).bind(input.grade_high).bind(&input.summary)
            .bind(&input.body).bind(&input.standards).bind(input.links.join("\n")).bind(&input.activity_type)
            .bind(&input.visibility).bind(origin.forked_from).bind(now)
            .execute(&mut *tx).await?;
        replace_parts!(tx, id, input.tags, coauthors);
        tx.commit().await?;
        Ok(id)
    })
}

/// Saves a lesson if it is still at `version`; false when someone saved it since.
pub async fn update(
    db: &Db,
    id: LessonId,
    version: i64,
    input: &LessonInput,
    coauthors: &[UserId],
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "UPDATE lessons SET kind = $3, title = $4, subject = $5, grade_low = $6, grade_high = $7,
         summary = $8, body = $9, standards = $10, links = $11, activity_type = $12, visibility = $13,
         version = version + 1, updated_at = $14
         WHERE id = $1 AND version = $2 AND deleted_at IS NULL";
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let updated = sqlx::query(SQL).bind(id).bind(version).bind(&input.kind).bind(&input.title)
            .bind(&input.subject).bind(input.grade_low).bind(input.grade_high).bind(&input.summary).bind(&input.body)
            .bind(&input.standards).bind(input.links.join("\n")).bind(&input.activity_type).bind(&input.visibility)
            .bind(now)
            .execute(&mut *tx).await?.rows_affected() == 1;
        if !updated {
            return Ok(false);
        }
        replace_parts!(tx, id, input.tags, coauthors);
        tx.commit().await?;
        Ok(true)
    })
}

/// A lesson with its tags and co-authors, deleted or not.
pub async fn one(db: &Db, id: LessonId) -> Result<Option<Lesson>, sqlx::Error> {
    let sql = format!("SELECT {LESSON_COLUMNS} FROM lessons l JOIN users u ON u.id = l.author_id WHERE l.id = $1");
    let lesson: Option<Lesson> = with_pool!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)?;
    let Some(mut lesson) = lesson else { return Ok(None) };
    lesson.tags = tags_of(db, &[id]).await?.remove(&id).unwrap_or_default();
    const AUTHORS: &str = "SELECT u.id, u.given_name || ' ' || u.family_name FROM lesson_authors a
         JOIN users u ON u.id = a.user_id WHERE a.lesson_id = $1 ORDER BY u.family_name, u.given_name";
    lesson.coauthors = with_pool!(db, pool => sqlx::query_as(AUTHORS).bind(id).fetch_all(pool).await)?;
    Ok(Some(lesson))
}

/// The tags of `lessons`, by lesson.
pub async fn tags_of(db: &Db, lessons: &[LessonId]) -> Result<HashMap<LessonId, LessonTags>, sqlx::Error> {
    let mut tags: HashMap<LessonId, LessonTags> = HashMap::new();
    if lessons.is_empty() {
        return Ok(tags);
    }
    let placeholders: Vec<String> = (1..=lessons.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT lesson_id, kind, ref FROM lesson_tags WHERE lesson_id IN ({}) ORDER BY ref",
        placeholders.join(", ")
    );
    let rows: Vec<(LessonId, String, String)> = with_pool!(db, pool => {
        let mut query = sqlx::query_as(&sql);
        for lesson in lessons {
            query = query.bind(*lesson);
        }
        query.fetch_all(pool).await
    })?;
    for (lesson, kind, reference) in rows {
        tags.entry(lesson).or_default().push(&kind, reference);
    }
    Ok(tags)
}

/// A lesson this one was adapted from, and whether it is still there.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Ancestor {
    pub id: LessonId,
    pub title: String,
    pub author_name: String,
    pub deleted: bool,
    pub forked_from: Option<LessonId>,
}

/// How far back an attribution chain is followed.
const CHAIN_LIMIT: usize = 20;

/// The lessons `lesson` was adapted from, nearest first: credit stays with every author
/// even when an original is later deleted or made private.
pub async fn attribution(db: &Db, lesson: &Lesson) -> Result<Vec<Ancestor>, sqlx::Error> {
    const SQL: &str = "SELECT l.id, l.title, u.given_name || ' ' || u.family_name AS author_name,
         l.deleted_at IS NOT NULL AS deleted, l.forked_from
         FROM lessons l JOIN users u ON u.id = l.author_id WHERE l.id = $1";
    let mut chain: Vec<Ancestor> = Vec::new();
    let mut next = lesson.forked_from;
    while let Some(id) = next {
        if chain.len() == CHAIN_LIMIT || chain.iter().any(|a| a.id == id) {
            break;
        }
        let ancestor: Option<Ancestor> =
            with_pool!(db, pool => sqlx::query_as(SQL).bind(id).fetch_optional(pool).await)?;
        let Some(ancestor) = ancestor else { break };
        next = ancestor.forked_from;
        chain.push(ancestor);
    }
    Ok(chain)
}

/// What to look for in the library.
#[derive(Clone, Debug, Default)]
pub struct LibraryFilter {
    pub text: String,
    pub kind: Option<String>,
    pub subject: String,
    pub grade: Option<i64>,
    pub cluster: Option<String>,
    pub subclusters: Vec<String>,
    pub featured_only: bool,
}

/// LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped.
fn containing(text: &str) -> String {
    let escaped = text.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// The lessons `viewer` sees that match `filter`: featured first, then the most used,
/// then the newest; at most `limit`, with how many match in all.
pub async fn search(
    db: &Db,
    viewer: &LessonViewer,
    filter: &LibraryFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<LessonCard>, i64), sqlx::Error> {
    let mut conditions = vec![format!("l.deleted_at IS NULL AND {VISIBLE_LESSON}")];
    if filter.kind.is_some() {
        conditions.push("l.kind = $5".into());
    }
    if !filter.text.trim().is_empty() {
        conditions.push(
            "(lower(l.title) LIKE $6 ESCAPE '\\' OR lower(l.summary) LIKE $6 ESCAPE '\\'
              OR lower(l.subject) LIKE $6 ESCAPE '\\' OR lower(l.body) LIKE $6 ESCAPE '\\')"
                .into(),
        );
    }
    if !filter.subject.trim().is_empty() {
        conditions.push("lower(l.subject) LIKE $7 ESCAPE '\\'".into());
    }
    if filter.grade.is_some() {
        conditions.push("l.grade_low <= $8 AND l.grade_high >= $8".into());
    }
    if filter.cluster.is_some() {
        conditions.push(
            "EXISTS (SELECT 1 FROM lesson_tags t WHERE t.lesson_id = l.id AND t.kind = 'cluster' AND t.ref = $9)"
                .into(),
        );
    }
    if filter.featured_only {
        conditions.push("l.featured_at IS NOT NULL".into());
    }
    if !filter.subclusters.is_empty() {
        conditions.push(format!(
            "EXISTS (SELECT 1 FROM lesson_tags t WHERE t.lesson_id = l.id AND t.kind = 'subcluster' AND t.ref IN ({}))",
            (0..filter.subclusters.len()).map(|n| format!("${}", 12 + n)).collect::<Vec<_>>().join(", ")
        ));
    }
    let from = format!("FROM lessons l JOIN users u ON u.id = l.author_id WHERE {}", conditions.join(" AND "));
    let sql = format!(
        "SELECT {CARD_COLUMNS} {from} ORDER BY l.featured_at IS NULL, uses DESC, l.updated_at DESC, l.id LIMIT $10 OFFSET $11"
    );
    let count_sql = format!("SELECT COUNT(*) {from} AND $10 > -1 AND $11 > -1");
    let LessonViewer { user: id, district, school, all } = *viewer;
    let text = containing(filter.text.trim());
    let subject = containing(filter.subject.trim());
    let (cards, total): (Vec<LessonCard>, i64) = with_pool!(db, pool => {
        macro_rules! bound {
            ($sql:expr) => {{
                let mut query = sqlx::query_as($sql).bind(id).bind(district).bind(school).bind(all)
                    .bind(filter.kind.clone().unwrap_or_default()).bind(&text).bind(&subject)
                    .bind(filter.grade.unwrap_or(0)).bind(filter.cluster.clone().unwrap_or_default())
                    .bind(limit).bind(offset);
                for subcluster in &filter.subclusters {
                    query = query.bind(subcluster);
                }
                query
            }};
        }
        let cards: Vec<LessonCard> = bound!(&sql).fetch_all(pool).await?;
        let total: (i64,) = bound!(&count_sql).fetch_one(pool).await?;
        (cards, total.0)
    });
    let mut cards = cards;
    let ids: Vec<LessonId> = cards.iter().map(|c| c.id).collect();
    let mut tags = tags_of(db, &ids).await?;
    for card in &mut cards {
        card.tags = tags.remove(&card.id).unwrap_or_default();
    }
    Ok((cards, total))
}

/// Lessons shared with every district that match `filter` (for the command line, which
/// reads as no one in particular).
pub async fn shared_with_everyone(db: &Db, filter: &LibraryFilter, limit: i64) -> Result<Vec<LessonCard>, sqlx::Error> {
    Ok(search(db, &LessonViewer::anyone(), filter, limit, 0).await?.0)
}

/// Marks a lesson deleted: it leaves the library, but forks keep their credit and the
/// students it reached keep their exposure.
pub async fn delete(db: &Db, id: LessonId, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    const SQL: &str = "UPDATE lessons SET deleted_at = $2, featured_at = NULL WHERE id = $1 AND deleted_at IS NULL";
    with_pool!(db, pool => sqlx::query(SQL).bind(id).bind(now).execute(pool).await.map(|_| ()))
}

pub async fn set_featured(db: &Db, id: LessonId, featured: bool, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    const SQL: &str = "UPDATE lessons SET featured_at = $2 WHERE id = $1 AND deleted_at IS NULL";
    let at = featured.then_some(now);
    with_pool!(db, pool => sqlx::query(SQL).bind(id).bind(at).execute(pool).await.map(|_| ()))
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Comment {
    pub author_name: String,
    pub body: String,
    pub created_at: OffsetDateTime,
}

pub async fn comments(db: &Db, lesson: LessonId) -> Result<Vec<Comment>, sqlx::Error> {
    const SQL: &str = "SELECT u.given_name || ' ' || u.family_name AS author_name, c.body, c.created_at
         FROM lesson_comments c JOIN users u ON u.id = c.author_id WHERE c.lesson_id = $1 ORDER BY c.created_at, c.id";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(lesson).fetch_all(pool).await)
}

pub async fn add_comment(
    db: &Db,
    lesson: LessonId,
    author: UserId,
    body: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    const SQL: &str =
        "INSERT INTO lesson_comments (id, lesson_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(LessonCommentId::random()).bind(lesson).bind(author).bind(body).bind(now)
            .execute(pool).await.map(|_| ())
    })
}

/// "I used this", once per person.
pub async fn mark_used(db: &Db, lesson: LessonId, user: UserId, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO lesson_uses (lesson_id, user_id, used_at) VALUES ($1, $2, $3)
         ON CONFLICT (lesson_id, user_id) DO NOTHING";
    with_pool!(db, pool => sqlx::query(SQL).bind(lesson).bind(user).bind(now).execute(pool).await.map(|_| ()))
}

pub async fn has_used(db: &Db, lesson: LessonId, user: UserId) -> Result<bool, sqlx::Error> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM lesson_uses WHERE lesson_id = $1 AND user_id = $2)";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(lesson).bind(user).fetch_one(pool).await)
}

/// A class of a teacher, to teach a lesson to.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TeacherClass {
    pub id: ClassId,
    pub title: String,
    pub period: Option<String>,
    pub students: i64,
}

pub async fn classes_of_teacher(db: &Db, teacher: UserId) -> Result<Vec<TeacherClass>, sqlx::Error> {
    const SQL: &str = "SELECT c.id, c.title, c.period,
         (SELECT COUNT(*) FROM enrollments s JOIN users u ON u.id = s.user_id
          WHERE s.class_id = c.id AND s.role = 'student' AND u.active) AS students
         FROM enrollments t JOIN classes c ON c.id = t.class_id
         WHERE t.user_id = $1 AND t.role = 'teacher' ORDER BY c.title";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(teacher).fetch_all(pool).await)
}

/// Records that `lesson` was taught to `class` on `day`: every active student enrolled
/// gets an exposure, the teacher a use, all in one transaction. Returns the students reached.
pub async fn record_teaching(
    db: &Db,
    lesson: LessonId,
    class: ClassId,
    teacher: UserId,
    day: Date,
    now: OffsetDateTime,
) -> Result<u64, sqlx::Error> {
    const TEACHING: &str = "INSERT INTO lesson_teachings (id, lesson_id, class_id, teacher_id, district_id, taught_on,
         created_at) SELECT $1, $2, c.id, $3, c.district_id, $4, $5 FROM classes c WHERE c.id = $6";
    const STUDENTS: &str = "SELECT s.user_id, u.district_id FROM enrollments s JOIN users u ON u.id = s.user_id
         WHERE s.class_id = $1 AND s.role = 'student' AND u.active AND u.district_id IS NOT NULL";
    const EXPOSURE: &str = "INSERT INTO exposures (id, district_id, student_id, teaching_id, occurred_on)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (student_id, teaching_id) DO NOTHING";
    const USE: &str = "INSERT INTO lesson_uses (lesson_id, user_id, used_at) VALUES ($1, $2, $3)
         ON CONFLICT (lesson_id, user_id) DO NOTHING";
    let teaching = TeachingId::random();
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(TEACHING).bind(teaching).bind(lesson).bind(teacher).bind(day).bind(now).bind(class)
            .execute(&mut *tx).await?;
        let students: Vec<(UserId, DistrictId)> = sqlx::query_as(STUDENTS).bind(class).fetch_all(&mut *tx).await?;
        for (student, district) in &students {
            sqlx::query(EXPOSURE).bind(ExposureId::random()).bind(district).bind(student).bind(teaching).bind(day)
                .execute(&mut *tx).await?;
        }
        sqlx::query(USE).bind(lesson).bind(teacher).bind(now).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(students.len() as u64)
    })
}

/// A teaching of a lesson, as its page lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Teaching {
    pub class_title: String,
    pub teacher_name: String,
    pub taught_on: Date,
    pub students: i64,
}

/// The teachings of `lesson` in `district` (other districts' classes stay theirs).
pub async fn teachings(db: &Db, lesson: LessonId, district: Option<DistrictId>) -> Result<Vec<Teaching>, sqlx::Error> {
    const SQL: &str =
        "SELECT c.title AS class_title, u.given_name || ' ' || u.family_name AS teacher_name, t.taught_on,
         (SELECT COUNT(*) FROM exposures e WHERE e.teaching_id = t.id) AS students
         FROM lesson_teachings t JOIN classes c ON c.id = t.class_id JOIN users u ON u.id = t.teacher_id
         WHERE t.lesson_id = $1 AND t.district_id = $2 ORDER BY t.taught_on DESC, t.created_at DESC";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(lesson).bind(district).fetch_all(pool).await)
}

/// A lesson a student met in class, for their plan.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Exposure {
    pub occurred_on: Date,
    pub lesson_id: LessonId,
    pub lesson_title: String,
    pub course_title: String,
    #[sqlx(skip)]
    pub tags: LessonTags,
}

/// The exposures of `student`, newest first.
pub async fn exposures_of_student(db: &Db, student: UserId) -> Result<Vec<Exposure>, sqlx::Error> {
    const SQL: &str = "SELECT e.occurred_on, l.id AS lesson_id, l.title AS lesson_title, co.title AS course_title
         FROM exposures e JOIN lesson_teachings t ON t.id = e.teaching_id JOIN lessons l ON l.id = t.lesson_id
         JOIN classes c ON c.id = t.class_id JOIN courses co ON co.id = c.course_id
         WHERE e.student_id = $1 ORDER BY e.occurred_on DESC, t.created_at DESC";
    let mut exposures: Vec<Exposure> = with_pool!(db, pool => sqlx::query_as(SQL).bind(student).fetch_all(pool).await)?;
    let ids: Vec<LessonId> = exposures.iter().map(|e| e.lesson_id).collect();
    let tags = tags_of(db, &ids).await?;
    for exposure in &mut exposures {
        exposure.tags = tags.get(&exposure.lesson_id).cloned().unwrap_or_default();
    }
    Ok(exposures)
}

/// Staff of `district` with these emails, and the emails that name nobody there.
pub async fn staff_by_email(
    db: &Db,
    district: DistrictId,
    emails: &[String],
) -> Result<(Vec<UserId>, Vec<String>), sqlx::Error> {
    const SQL: &str = "SELECT id FROM users WHERE district_id = $1 AND lower(email) = $2 AND active
         AND role IN ('teacher', 'counselor', 'school_admin', 'district_admin')";
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for email in emails {
        let id: Option<UserId> =
            with_pool!(db, pool => sqlx::query_scalar(SQL).bind(district).bind(email).fetch_optional(pool).await)?;
        match id {
            Some(id) => found.push(id),
            None => unknown.push(email.clone()),
        }
    }
    Ok((found, unknown))
}

/// The emails of a lesson's co-authors, for its editor.
pub async fn coauthor_emails(db: &Db, lesson: LessonId) -> Result<Vec<String>, sqlx::Error> {
    const SQL: &str = "SELECT u.email FROM lesson_authors a JOIN users u ON u.id = a.user_id
         WHERE a.lesson_id = $1 AND u.email IS NOT NULL ORDER BY u.email";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(lesson).fetch_all(pool).await)
}

/// A lesson to pick from a list.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LessonPick {
    pub id: LessonId,
    pub title: String,
}

/// The lessons `user` wrote or used, newest first: what they would share with a group.
pub async fn lessons_to_share(db: &Db, user: UserId) -> Result<Vec<LessonPick>, sqlx::Error> {
    const SQL: &str = "SELECT l.id, l.title FROM lessons l WHERE l.deleted_at IS NULL
         AND (l.author_id = $1 OR EXISTS (SELECT 1 FROM lesson_uses x WHERE x.lesson_id = l.id AND x.user_id = $1))
         ORDER BY l.updated_at DESC LIMIT 50";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(user).fetch_all(pool).await)
}
