//! The demo district's library: the lessons and practices of `demo/lessons.txt`, written by
//! its teachers, counselors and administrators, some adapted from others, a few featured,
//! commented on, and taught to classes of their subject, which gave the students enrolled
//! their exposures; two learning communities share lessons, talk, meet and plan projects.
//! The demo teacher has taught nothing yet, for visitors to try it.
//! Deterministic: the same district gives the same library.

use std::collections::HashMap;

use time::{Duration, OffsetDateTime};

use super::model::{ACTIVITY_TYPES, GRADES, VISIBILITIES};
use super::suggest::normalize;
use crate::db::Db;
use crate::db::batch::{BulkInsert, TableRows, Value};
use crate::ids::{
    ClassId, DistrictId, ExposureId, LessonCommentId, LessonId, PlcCardId, PlcId, PlcPostId, SchoolId, TeachingId,
    UserId,
};
use crate::orgs::demo::{DEMO_ACCOUNTS, Rng};
use crate::plans::tags::PRACTICE_VERSION;
use crate::with_pool;

const LESSONS: &str = include_str!("demo/lessons.txt");
const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x2b7c_41d9_0e6a_4f3b_8c15_9a2d_6e4f_1c73);
/// Share of classes (of a subject some lesson teaches) that were taught one.
const TAUGHT_PERCENT: usize = 45;

/// One entry of the demo file.
#[derive(Clone, Debug, Default)]
pub struct DemoLesson {
    pub kind: String,
    pub title: String,
    pub subject: String,
    pub grades: (i64, i64),
    pub activity_type: String,
    pub visibility: String,
    pub high_school: bool,
    pub subclusters: Vec<String>,
    pub occupations: Vec<String>,
    pub practices: Vec<String>,
    pub standards: String,
    pub links: Vec<String>,
    pub forked_from: Option<String>,
    pub summary: String,
    pub body: String,
}

/// Why the demo file cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("demo lessons, entry {entry} ({title:?}): {message}")]
pub struct DemoFileError {
    entry: usize,
    title: String,
    message: String,
}

/// Reads the demo file's entries: `=== lesson` or `=== practice`, header lines, a blank
/// line, the Markdown body.
pub fn parse(text: &str) -> Result<Vec<DemoLesson>, DemoFileError> {
    let mut lessons = Vec::new();
    for (n, block) in text.split("\n=== ").enumerate() {
        let block = block.strip_prefix("=== ").unwrap_or(block);
        let (head, body) = block.split_once("\n\n").unwrap_or((block, ""));
        let mut lines = head.lines();
        let kind = lines.next().unwrap_or_default().trim().to_string();
        let fields: HashMap<&str, &str> =
            lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim(), v.trim())).collect();
        let get = |key: &str| fields.get(key).copied().unwrap_or_default().to_string();
        let list = |key: &str| get(key).split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let grades = get("grades");
        let error = |message: String| DemoFileError { entry: n + 1, title: get("title"), message };
        let (low, high) = grades.split_once('-').ok_or_else(|| error(format!("grades {grades:?} is not LOW-HIGH")))?;
        let grades = (low.parse().unwrap_or(0), high.parse().unwrap_or(0));
        let lesson = DemoLesson {
            title: get("title"),
            subject: get("subject"),
            grades,
            activity_type: get("type"),
            visibility: match get("visibility").as_str() {
                "everyone" => "everyone".into(),
                other => other.to_string(),
            },
            high_school: get("school") == "high",
            subclusters: list("subclusters"),
            occupations: list("occupations"),
            practices: list("practices").iter().map(|code| format!("{PRACTICE_VERSION}/{code}")).collect(),
            standards: get("standards"),
            links: list("links"),
            forked_from: Some(get("forked_from")).filter(|f| !f.is_empty()),
            summary: get("summary"),
            body: body.trim().to_string(),
            kind,
        };
        check(&lesson).map_err(error)?;
        lessons.push(lesson);
    }
    Ok(lessons)
}

fn check(lesson: &DemoLesson) -> Result<(), String> {
    if !["lesson", "practice"].contains(&lesson.kind.as_str()) {
        return Err(format!("kind {:?}", lesson.kind));
    }
    if !ACTIVITY_TYPES.contains(&lesson.activity_type.as_str()) || !VISIBILITIES.contains(&lesson.visibility.as_str()) {
        return Err(format!("type {:?} or visibility {:?}", lesson.activity_type, lesson.visibility));
    }
    let (low, high) = lesson.grades;
    if !GRADES.contains(&low) || !GRADES.contains(&high) || low > high {
        return Err(format!("grades {low}-{high}"));
    }
    if lesson.title.is_empty() || lesson.summary.is_empty() || lesson.body.is_empty() {
        return Err("title, summary and body are required".into());
    }
    Ok(())
}

/// The demo course subject a lesson's subject is taught in, if any.
fn course_subject(subject: &str) -> Option<&'static str> {
    const SUBJECTS: [(&str, &str); 22] = [
        ("health science", "Health Science"),
        ("medical", "Health Science"),
        ("english", "English"),
        ("literature", "English"),
        ("lengua", "English"),
        ("math", "Mathematics"),
        ("matematicas", "Mathematics"),
        ("algebra", "Mathematics"),
        ("geometry", "Mathematics"),
        ("statistics", "Mathematics"),
        ("science", "Science"),
        ("biology", "Science"),
        ("biologia", "Science"),
        ("ciencias", "Science"),
        ("chemistry", "Science"),
        ("physics", "Science"),
        ("social studies", "Social Studies"),
        ("estudios sociales", "Social Studies"),
        ("history", "Social Studies"),
        ("civics", "Social Studies"),
        ("culinary", "Culinary Arts"),
        ("agriculture", "Agriculture"),
    ];
    let text = normalize(subject);
    SUBJECTS.iter().find(|(word, _)| text.contains(&format!(" {word}"))).map(|(_, course)| *course)
}

/// Staff of the demo district who write and comment, by school level.
struct Staff {
    teachers: HashMap<bool, Vec<(UserId, SchoolId)>>,
    others: HashMap<bool, Vec<(UserId, SchoolId)>>,
}

impl Staff {
    async fn load(db: &Db, district: DistrictId) -> Result<Self, sqlx::Error> {
        const SQL: &str =
            "SELECT u.id, u.school_id, s.level = 'high', u.role FROM users u JOIN schools s ON s.id = u.school_id
             WHERE u.district_id = $1 AND u.role IN ('teacher', 'counselor', 'school_admin') AND u.active
             AND (u.email IS NULL OR u.email <> $2) ORDER BY u.id";
        let rows: Vec<(UserId, SchoolId, bool, String)> = with_pool!(db, pool => {
            sqlx::query_as(SQL).bind(district).bind(DEMO_ACCOUNTS[2].0).fetch_all(pool).await
        })?;
        let mut staff = Staff { teachers: HashMap::new(), others: HashMap::new() };
        for (id, school, high, role) in rows {
            let group = if role == "teacher" { &mut staff.teachers } else { &mut staff.others };
            group.entry(high).or_default().push((id, school));
        }
        Ok(staff)
    }

    fn pick(&self, practice: bool, high: bool, n: u64) -> Option<(UserId, SchoolId)> {
        let group = if practice { &self.others } else { &self.teachers };
        let list = group.get(&high).or_else(|| group.values().next())?;
        list.get(n as usize % list.len()).copied()
    }
}

/// A class that could be taught a demo lesson.
#[derive(sqlx::FromRow)]
struct DemoClass {
    id: ClassId,
    subject: String,
    title: String,
    high: bool,
    teacher: UserId,
}

const COMMENTS: [&str; 6] = [
    "Ran this with my juniors last week. The debrief about real jobs was the best part.",
    "I shortened step 3 to fit a 50-minute period and it still worked.",
    "Our ELL students did well with the role cards; I added sentence frames.",
    "We invited a parent who works in the field and the students loved it.",
    "Paired this with a short reflection in the plan: students tagged Career Ready Practices.",
    "Lo usé con mi clase bilingüe y funcionó muy bien.",
];

/// The library's rows for the demo district.
#[derive(Default)]
struct Library {
    lessons: Vec<Vec<Value>>,
    tags: Vec<Vec<Value>>,
    authors: Vec<Vec<Value>>,
    comments: Vec<Vec<Value>>,
    uses: Vec<Vec<Value>>,
    teachings: Vec<Vec<Value>>,
    exposures: Vec<Vec<Value>>,
    featured: Vec<LessonId>,
    plcs: Vec<Vec<Value>>,
    plc_members: Vec<Vec<Value>>,
    plc_lessons: Vec<Vec<Value>>,
    plc_posts: Vec<Vec<Value>>,
    plc_cards: Vec<Vec<Value>>,
}

/// The demo's learning communities: (high school?, name, focus, lessons shared, thread,
/// reply, meeting notes, projects on the board with their column).
type DemoPlc = (
    bool,
    &'static str,
    &'static str,
    &'static [&'static str],
    [&'static str; 3],
    [&'static str; 2],
    &'static [(&'static str, &'static str, &'static str)],
);

const PLCS: [DemoPlc; 2] = [
    (
        true,
        "Grade 10 career connections",
        "English, civics and science teachers connecting units to careers, one unit a quarter.",
        &[
            "Hamlet on Trial: Argument, Evidence and the Law",
            "The Crucible Courtroom: Evidence, Hysteria and Due Process",
        ],
        [
            "Mock trial across English and civics?",
            "Could our Hamlet trial and the civics unit on courts share one mock trial week in March?",
            "Yes: civics can run jury instructions and a courthouse visit.",
        ],
        [
            "Quarter 2 planning",
            "Agreed: one career-connected unit per teacher this quarter; invite a public defender as guest speaker; record teaching so students see it on their plans.",
        ],
        &[
            ("Mock trial week", "English 10, Civics", "planning"),
            ("Water quality lab with the city utility", "Biology, Algebra I", "idea"),
            ("Podcast on local jobs", "English, Media", "teaching"),
        ],
    ),
    (
        false,
        "Middle school career exploration",
        "Advisory and core teachers of grades 6–8 making career exploration part of every unit.",
        &[],
        [
            "Career day format",
            "Stations or panels for the grade 7 career day?",
            "Stations: students move every 15 minutes and talk to more people.",
        ],
        [
            "September meeting",
            "Each advisory teacher picks two clusters to feature; the grade 8 pathway night moves to February.",
        ],
        &[("Grade 7 career day", "Advisory, ELA", "planning")],
    ),
];

/// Writes the demo library of `district`, in one transaction.
pub async fn generate(db: &Db, district: DistrictId, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    let entries = parse(LESSONS).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let staff = Staff::load(db, district).await?;
    let clusters: HashMap<String, String> = with_pool!(db, pool => {
        sqlx::query_as::<_, (String, String)>("SELECT id, cluster_id FROM subclusters").fetch_all(pool).await
    })?
    .into_iter()
    .collect();
    let mut library = Library::default();
    let mut ids: HashMap<String, LessonId> = HashMap::new();
    let mut rng = Rng::seeded(0x5eed_1e55);
    let mut taught: Vec<(LessonId, &DemoLesson)> = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        let Some((author, school)) = staff.pick(entry.kind == "practice", entry.high_school, n as u64 * 7 + 3) else {
            return Ok(());
        };
        let id = LessonId::derived(&NAMESPACE, &format!("{district}/{}", entry.title));
        let written = now - Duration::days(200 - n as i64 * 3);
        let forked_from = entry.forked_from.as_ref().and_then(|t| ids.get(t));
        library.add_lesson(id, entry, (district, school, author), forked_from, written, n);
        library.tag(id, entry, &clusters);
        ids.insert(entry.title.clone(), id);
        if entry.activity_type == "interdisciplinary_project"
            && let Some((coauthor, _)) = staff.pick(false, entry.high_school, n as u64 * 11 + 5)
            && coauthor != author
        {
            library.authors.push(vec![Value::uuid(id.uuid()), Value::uuid(coauthor.uuid())]);
        }
        if n.is_multiple_of(4) {
            for k in 0..(1 + n % 3) {
                let Some((commenter, _)) = staff.pick(false, entry.high_school, (n + k) as u64 * 13 + 1) else {
                    continue;
                };
                let comment = LessonCommentId::derived(&NAMESPACE, &format!("{id}/comment/{k}"));
                library.comments.push(vec![
                    Value::uuid(comment.uuid()),
                    Value::uuid(id.uuid()),
                    Value::uuid(commenter.uuid()),
                    Value::text(COMMENTS[(n + k) % COMMENTS.len()]),
                    Value::Time(written + Duration::days(5 + k as i64)),
                ]);
            }
        }
        if entry.kind == "lesson" && entry.visibility != "private" {
            taught.push((id, entry));
        }
    }
    library.teach(db, district, &taught, &mut rng, now).await?;
    library.add_plcs(db, district, &staff, &ids, now).await?;
    library.save(db).await
}

impl Library {
    fn add_lesson(
        &mut self,
        id: LessonId,
        entry: &DemoLesson,
        (district, school, author): (DistrictId, SchoolId, UserId),
        forked_from: Option<&LessonId>,
        written: OffsetDateTime,
        n: usize,
    ) {
        // The first lessons of the file and its first practice are the district's picks.
        if (n < 3 || (entry.kind == "practice" && n.is_multiple_of(5))) && entry.visibility != "private" {
            self.featured.push(id);
        }
        self.lessons.push(vec![
            Value::uuid(id.uuid()),
            Value::uuid(district.uuid()),
            Value::uuid(school.uuid()),
            Value::uuid(author.uuid()),
            Value::text(&entry.kind),
            Value::text(&entry.title),
            Value::text(&entry.subject),
            Value::Int(Some(entry.grades.0)),
            Value::Int(Some(entry.grades.1)),
            Value::text(&entry.summary),
            Value::text(&entry.body),
            Value::text(&entry.standards),
            Value::text(entry.links.join("\n")),
            Value::text(&entry.activity_type),
            Value::text(&entry.visibility),
            Value::Uuid(forked_from.map(|f| f.uuid())),
            Value::Int(Some(1)),
            Value::Time(written),
            Value::Time(written),
        ]);
    }

    /// The framework tags of a demo lesson, with the clusters of its sub-clusters.
    fn tag(&mut self, id: LessonId, entry: &DemoLesson, cluster_of: &HashMap<String, String>) {
        let clusters: std::collections::BTreeSet<&String> =
            entry.subclusters.iter().filter_map(|s| cluster_of.get(s)).collect();
        let tag = |kind: &str, reference: &str| vec![Value::uuid(id.uuid()), Value::text(kind), Value::text(reference)];
        self.tags.extend(clusters.iter().map(|c| tag("cluster", c)));
        self.tags.extend(entry.subclusters.iter().map(|s| tag("subcluster", s)));
        self.tags.extend(entry.occupations.iter().map(|o| tag("occupation", o)));
        self.tags.extend(entry.practices.iter().map(|p| tag("practice", p)));
    }

    /// Records teachings of the demo lessons to classes of their subject and grades, by
    /// those classes' teachers, in the last two months.
    async fn teach(
        &mut self,
        db: &Db,
        district: DistrictId,
        lessons: &[(LessonId, &DemoLesson)],
        rng: &mut Rng,
        now: OffsetDateTime,
    ) -> Result<(), sqlx::Error> {
        const CLASSES: &str = "SELECT c.id, co.subject, co.title, s.level = 'high' AS high,
             (SELECT t.user_id FROM enrollments t WHERE t.class_id = c.id AND t.role = 'teacher'
              ORDER BY t.user_id LIMIT 1) AS teacher
             FROM classes c JOIN courses co ON co.id = c.course_id JOIN schools s ON s.id = c.school_id
             WHERE c.district_id = $1
             AND EXISTS (SELECT 1 FROM enrollments t WHERE t.class_id = c.id AND t.role = 'teacher')
             AND NOT EXISTS (SELECT 1 FROM enrollments d JOIN users du ON du.id = d.user_id
                             WHERE d.class_id = c.id AND d.role = 'teacher' AND du.email = $2)
             ORDER BY c.id";
        const ROSTERS: &str = "SELECT e.class_id, e.user_id FROM enrollments e JOIN classes c ON c.id = e.class_id
             WHERE c.district_id = $1 AND e.role = 'student' ORDER BY e.class_id, e.user_id";
        let (classes, rosters): (Vec<DemoClass>, Vec<(ClassId, UserId)>) = with_pool!(db, pool => (
            sqlx::query_as(CLASSES).bind(district).bind(DEMO_ACCOUNTS[2].0).fetch_all(pool).await?,
            sqlx::query_as(ROSTERS).bind(district).fetch_all(pool).await?,
        ));
        let mut roster: HashMap<ClassId, Vec<UserId>> = HashMap::new();
        for (class, student) in rosters {
            roster.entry(class).or_default().push(student);
        }
        for class in &classes {
            let grade: i64 = class.title.rsplit(' ').next().and_then(|g| g.parse().ok()).unwrap_or(0);
            let fits: Vec<&(LessonId, &DemoLesson)> = lessons
                .iter()
                .filter(|(_, l)| l.high_school == class.high && (l.grades.0..=l.grades.1).contains(&grade))
                .filter(|(_, l)| course_subject(&l.subject) == Some(class.subject.as_str()))
                .collect();
            if fits.is_empty() || rng.below(100) >= TAUGHT_PERCENT {
                continue;
            }
            let (lesson, _) = fits[rng.below(fits.len())];
            let day = (now - Duration::days(3 + rng.below(60) as i64)).date();
            let teaching = TeachingId::derived(&NAMESPACE, &format!("{}/{lesson}", class.id));
            self.teachings.push(vec![
                Value::uuid(teaching.uuid()),
                Value::uuid(lesson.uuid()),
                Value::uuid(class.id.uuid()),
                Value::uuid(class.teacher.uuid()),
                Value::uuid(district.uuid()),
                Value::Date(Some(day)),
                Value::Time(now),
            ]);
            for student in roster.get(&class.id).into_iter().flatten() {
                let exposure = ExposureId::derived(&NAMESPACE, &format!("{teaching}/{student}"));
                self.exposures.push(vec![
                    Value::uuid(exposure.uuid()),
                    Value::uuid(district.uuid()),
                    Value::uuid(student.uuid()),
                    Value::uuid(teaching.uuid()),
                    Value::Date(Some(day)),
                ]);
            }
            let use_row = vec![Value::uuid(lesson.uuid()), Value::uuid(class.teacher.uuid()), Value::Time(now)];
            if !self.uses.contains(&use_row) {
                self.uses.push(use_row);
            }
        }
        Ok(())
    }

    /// The demo's learning communities, with the demo teacher in the high school's.
    async fn add_plcs(
        &mut self,
        db: &Db,
        district: DistrictId,
        staff: &Staff,
        lessons: &HashMap<String, LessonId>,
        now: OffsetDateTime,
    ) -> Result<(), sqlx::Error> {
        let demo_teacher: Option<UserId> = with_pool!(db, pool => {
            sqlx::query_scalar("SELECT id FROM users WHERE district_id = $1 AND email = $2")
                .bind(district).bind(DEMO_ACCOUNTS[2].0).fetch_optional(pool).await
        })?;
        for (n, (high, name, focus, shared, thread, meeting, cards)) in PLCS.iter().enumerate() {
            let id = PlcId::derived(&NAMESPACE, &format!("{district}/plc/{n}"));
            let Some(teachers) = staff.teachers.get(high) else { continue };
            let mut members: Vec<UserId> = teachers.iter().take(4).map(|(t, _)| *t).collect();
            members.extend(staff.others.get(high).into_iter().flatten().take(1).map(|(c, _)| *c));
            if *high {
                members.extend(demo_teacher);
            }
            let Some(&lead) = members.first() else { continue };
            let started = now - Duration::days(60);
            self.plcs.push(vec![
                Value::uuid(id.uuid()),
                Value::uuid(district.uuid()),
                Value::text(*name),
                Value::text(*focus),
                Value::uuid(lead.uuid()),
                Value::Time(started),
            ]);
            for (k, member) in members.iter().enumerate() {
                let role = if k == 0 { "lead" } else { "member" };
                self.plc_members.push(vec![
                    Value::uuid(id.uuid()),
                    Value::uuid(member.uuid()),
                    Value::text(role),
                    Value::Time(started),
                ]);
            }
            for title in shared.iter() {
                if let Some(lesson) = lessons.get(*title) {
                    self.plc_lessons.push(vec![
                        Value::uuid(id.uuid()),
                        Value::uuid(lesson.uuid()),
                        Value::uuid(lead.uuid()),
                        Value::Time(started),
                    ]);
                }
            }
            let replier = members.get(1).copied().unwrap_or(lead);
            let thread_id = PlcPostId::derived(&NAMESPACE, &format!("{id}/thread"));
            let post = |post: PlcPostId,
                        author: UserId,
                        kind: &str,
                        parent: Option<PlcPostId>,
                        (title, body): (&str, &str),
                        met_on: Option<time::Date>,
                        at: OffsetDateTime| {
                vec![
                    Value::uuid(post.uuid()),
                    Value::uuid(id.uuid()),
                    Value::uuid(author.uuid()),
                    Value::text(kind),
                    Value::Uuid(parent.map(|p| p.uuid())),
                    Value::text(title),
                    Value::text(body),
                    Value::Date(met_on),
                    Value::Time(at),
                ]
            };
            self.plc_posts.push(post(
                thread_id,
                lead,
                "thread",
                None,
                (thread[0], thread[1]),
                None,
                started + Duration::days(3),
            ));
            let reply = PlcPostId::derived(&NAMESPACE, &format!("{id}/reply"));
            self.plc_posts.push(post(
                reply,
                replier,
                "reply",
                Some(thread_id),
                ("", thread[2]),
                None,
                started + Duration::days(4),
            ));
            let notes = PlcPostId::derived(&NAMESPACE, &format!("{id}/meeting"));
            let met = started + Duration::days(10);
            self.plc_posts.push(post(notes, lead, "meeting", None, (meeting[0], meeting[1]), Some(met.date()), met));
            for (k, (title, subjects, status)) in cards.iter().enumerate() {
                let card = PlcCardId::derived(&NAMESPACE, &format!("{id}/card/{k}"));
                let owner = members[k % members.len()];
                self.plc_cards.push(vec![
                    Value::uuid(card.uuid()),
                    Value::uuid(id.uuid()),
                    Value::text(*title),
                    Value::text(*subjects),
                    Value::text(*status),
                    Value::uuid(owner.uuid()),
                    Value::Time(started + Duration::days(12)),
                    Value::Time(started + Duration::days(20)),
                ]);
            }
        }
        Ok(())
    }

    async fn save(self, db: &Db) -> Result<(), sqlx::Error> {
        let featured = self.featured;
        let tables = [
            TableRows { table: "lessons", columns: LESSON_COLUMNS, rows: self.lessons },
            TableRows { table: "lesson_tags", columns: &["lesson_id", "kind", "ref"], rows: self.tags },
            TableRows { table: "lesson_authors", columns: &["lesson_id", "user_id"], rows: self.authors },
            TableRows {
                table: "lesson_comments",
                columns: &["id", "lesson_id", "author_id", "body", "created_at"],
                rows: self.comments,
            },
            TableRows { table: "lesson_uses", columns: &["lesson_id", "user_id", "used_at"], rows: self.uses },
            TableRows {
                table: "lesson_teachings",
                columns: &["id", "lesson_id", "class_id", "teacher_id", "district_id", "taught_on", "created_at"],
                rows: self.teachings,
            },
            TableRows {
                table: "exposures",
                columns: &["id", "district_id", "student_id", "teaching_id", "occurred_on"],
                rows: self.exposures,
            },
            TableRows {
                table: "plcs",
                columns: &["id", "district_id", "name", "focus", "created_by", "created_at"],
                rows: self.plcs,
            },
            TableRows {
                table: "plc_members",
                columns: &["plc_id", "user_id", "role", "joined_at"],
                rows: self.plc_members,
            },
            TableRows {
                table: "plc_lessons",
                columns: &["plc_id", "lesson_id", "shared_by", "shared_at"],
                rows: self.plc_lessons,
            },
            TableRows {
                table: "plc_posts",
                columns: &["id", "plc_id", "author_id", "kind", "parent_id", "title", "body", "met_on", "created_at"],
                rows: self.plc_posts,
            },
            TableRows {
                table: "plc_cards",
                columns: &["id", "plc_id", "title", "subjects", "status", "owner_id", "created_at", "updated_at"],
                rows: self.plc_cards,
            },
        ];
        with_pool!(db, pool => {
            let mut tx = pool.begin().await?;
            for TableRows { table, columns, rows } in &tables {
                BulkInsert::insert_rows(&mut *tx, table, columns, rows, "", &mut |_| ()).await?;
            }
            for lesson in &featured {
                sqlx::query("UPDATE lessons SET featured_at = updated_at WHERE id = $1").bind(lesson).execute(&mut *tx).await?;
            }
            tx.commit().await
        })
    }
}

const LESSON_COLUMNS: &[&str] = &[
    "id",
    "district_id",
    "school_id",
    "author_id",
    "kind",
    "title",
    "subject",
    "grade_low",
    "grade_high",
    "summary",
    "body",
    "standards",
    "links",
    "activity_type",
    "visibility",
    "forked_from",
    "version",
    "created_at",
    "updated_at",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_file_reads_whole() {
        let lessons = parse(LESSONS).unwrap();
        let practices = lessons.iter().filter(|l| l.kind == "practice").count();
        assert!(lessons.len() - practices >= 40, "{} lessons", lessons.len() - practices);
        assert!(practices >= 5, "{practices} practices");
        assert!(
            lessons.iter().any(|l| l.title.starts_with("Hamlet") && l.subclusters.contains(&"judicial-systems".into()))
        );
        let titles: Vec<&str> = lessons.iter().map(|l| l.title.as_str()).collect();
        for fork in lessons.iter().filter_map(|l| l.forked_from.as_deref()) {
            assert!(titles.contains(&fork), "{fork}");
        }
    }

    #[test]
    fn lesson_subjects_find_their_demo_courses() {
        assert_eq!(course_subject("English"), Some("English"));
        assert_eq!(course_subject("Algebra I"), Some("Mathematics"));
        assert_eq!(course_subject("Biología"), Some("Science"));
        assert_eq!(course_subject("Health Science"), Some("Health Science"));
        assert_eq!(course_subject("Counseling"), None);
    }
}
