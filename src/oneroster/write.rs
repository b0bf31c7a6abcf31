//! From a checked set to rows, and the rows written in one transaction: upserts keyed by the
//! district's sourcedIds, so importing the same set twice changes nothing. Bulk files are
//! the whole truth (people missing from them are deactivated, never deleted); in delta
//! files `tobedeleted` deactivates a person and removes an enrollment.

use std::cell::RefCell;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use sqlx::Connection;
use time::OffsetDateTime;
use tokio::sync::mpsc::UnboundedReceiver;
use uuid::Uuid;

use super::plan::{Attachments, Existing, Mode, Parsed, grade_of, map_role};
use super::report::Report;
use crate::db::Db;
use crate::db::batch::BulkInsert;
use crate::db::batch::{TableRows, Value};
use crate::ids::DistrictId;
use crate::orgs::model::Role;
use crate::with_pool;

/// Ids already given to the district's sourcedIds, and every email in use.
#[derive(Default)]
pub struct Known {
    pub district: Option<(DistrictId, String)>,
    /// The slug of `district`.
    pub slug: Option<String>,
    /// By kind (`org`, `user`, `course`, `class`), then sourcedId.
    pub ids: HashMap<&'static str, HashMap<String, Uuid>>,
    pub emails: HashMap<String, Uuid>,
}

impl Known {
    pub fn existing(&self) -> Existing {
        let pick = |kind: &str| -> HashSet<String> {
            self.ids.get(kind).map(|m| m.keys().cloned().collect()).unwrap_or_default()
        };
        Existing { orgs: pick("org"), courses: pick("course"), classes: pick("class"), users: pick("user") }
    }

    /// The id already given to `sourced_id` of this kind.
    pub fn knows(&self, kind: &str, sourced_id: &str) -> Option<Uuid> {
        self.ids.get(kind).and_then(|m| m.get(sourced_id)).copied()
    }
}

/// Reads what the database already holds for the district with this sourcedId (or slug).
pub async fn load_known(db: &Db, district_sourced_id: Option<&str>, slug: Option<&str>) -> Result<Known, sqlx::Error> {
    let mut known = Known::default();
    // The set's own district row names it; the slug only stands in when it has none.
    let district: Option<(DistrictId, String, String)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT id, COALESCE(sourced_id, ''), slug FROM districts WHERE sourced_id = $1 OR slug = $2
             ORDER BY CASE WHEN sourced_id = $1 THEN 0 ELSE 1 END LIMIT 1")
            .bind(district_sourced_id).bind(slug).fetch_optional(pool).await
    })?;
    let emails: Vec<(String, Uuid)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT email, id FROM users WHERE email IS NOT NULL").fetch_all(pool).await
    })?;
    known.emails = emails.into_iter().collect();
    let Some((district_id, sourced, slug)) = district else { return Ok(known) };
    known.slug = Some(slug);
    known.ids.entry("org").or_default().insert(sourced.clone(), district_id.uuid());
    for (kind, sql) in [
        ("org", "SELECT sourced_id, id FROM schools WHERE district_id = $1 AND sourced_id IS NOT NULL"),
        ("user", "SELECT sourced_id, id FROM users WHERE district_id = $1 AND sourced_id IS NOT NULL"),
        ("course", "SELECT sourced_id, id FROM courses WHERE district_id = $1 AND sourced_id IS NOT NULL"),
        ("class", "SELECT sourced_id, id FROM classes WHERE district_id = $1 AND sourced_id IS NOT NULL"),
    ] {
        let rows: Vec<(String, Uuid)> =
            with_pool!(db, pool => sqlx::query_as(sql).bind(district_id).fetch_all(pool).await)?;
        known.ids.entry(kind).or_default().extend(rows);
    }
    known.district = Some((district_id, sourced));
    Ok(known)
}

/// What the writer is told, in order: the district and what to clear, each table's rows,
/// the enrollments a delta removes, and whether to commit. A writer that is not told to
/// commit writes nothing.
pub enum Step {
    Begin {
        district: Uuid,
        clear_users: bool,
        clear_enrollments: bool,
        expected_rows: u64,
    },
    /// Rows of files read after the write began.
    MoreRows(u64),
    Rows(TableRows, &'static str),
    /// People of the set whose email passes to another person of the set: their emails are
    /// cleared first, so the unique email never sees two owners midway.
    VacateEmails(Vec<Uuid>),
    RemoveEnrollments(Vec<(Uuid, Uuid)>),
    Commit,
}

const UPSERT_DISTRICT: &str = " ON CONFLICT (id) DO UPDATE SET name = excluded.name";
const UPSERT_SCHOOL: &str = " ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, lowest_grade = excluded.lowest_grade, highest_grade = excluded.highest_grade";
const UPSERT_USER: &str = " ON CONFLICT (id) DO UPDATE SET role = excluded.role, given_name = excluded.given_name, family_name = excluded.family_name, email = excluded.email, school_id = excluded.school_id, grade = excluded.grade, active = excluded.active";
const UPSERT_COURSE: &str = " ON CONFLICT (id) DO UPDATE SET school_id = excluded.school_id, title = excluded.title, code = excluded.code, subject = excluded.subject";
const UPSERT_CLASS: &str = " ON CONFLICT (id) DO UPDATE SET school_id = excluded.school_id, course_id = excluded.course_id, title = excluded.title, period = excluded.period";
const UPSERT_ENROLLMENT: &str = " ON CONFLICT (class_id, user_id) DO UPDATE SET role = excluded.role";
const UPSERT_ATTRIBUTES: &str =
    " ON CONFLICT (student_id) DO UPDATE SET sex = excluded.sex, ethnicity = excluded.ethnicity";
const IGNORE: &str = " ON CONFLICT DO NOTHING";

/// The id of each sourcedId: the one already given, or one derived from the district's
/// namespace; remembered by [`Ids::of`], as classes and schools are named by many rows.
struct Ids<'a> {
    known: &'a Known,
    namespace: Uuid,
    given: RefCell<HashMap<&'static str, HashMap<String, Uuid>>>,
}

impl Ids<'_> {
    fn of(&self, kind: &'static str, sourced_id: &str) -> Uuid {
        let mut given = self.given.borrow_mut();
        let of_kind = given.entry(kind).or_default();
        if let Some(id) = of_kind.get(sourced_id) {
            return *id;
        }
        let id = self.id(kind, sourced_id);
        of_kind.insert(sourced_id.to_string(), id);
        id
    }

    /// The id without remembering it: for what is asked once (each person; later rows take
    /// people's ids from [`PlannedPeople`]).
    fn id(&self, kind: &str, sourced_id: &str) -> Uuid {
        self.known
            .knows(kind, sourced_id)
            .unwrap_or_else(|| Uuid::new_v5(&self.namespace, format!("{kind}/{sourced_id}").as_bytes()))
    }
}

fn slugify(name: &str) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() { "district".into() } else { slug }
}

fn upsert_unless(fresh: bool, clause: &'static str) -> &'static str {
    if fresh { "" } else { clause }
}

/// What mapping the people leaves for their enrollments and demographics.
pub struct PlannedPeople<'a> {
    pub district: Uuid,
    ids: Ids<'a>,
    /// The set's people Pathways imports, by sourcedId: their role and id.
    people: HashMap<&'a str, (Role, Uuid)>,
    known: &'a Known,
    fresh_users: bool,
    fresh_classes: bool,
    clear_enrollments: bool,
}

/// Maps organizations, courses, classes and people to rows and sends them; problems found
/// on the way go to `report`.
pub fn plan_people<'a>(
    parsed: &'a Parsed,
    known: &'a Known,
    report: &mut Report,
    now: OffsetDateTime,
    send: &mut dyn FnMut(Step),
) -> Option<PlannedPeople<'a>> {
    let districts: Vec<_> = parsed.orgs.iter().filter(|o| o.kind == "district").collect();
    let (district_sourced, district_name) = match (districts.as_slice(), &known.district) {
        ([one], _) => (one.sourced_id.clone(), Some(one.name.clone())),
        ([], Some((_, sourced))) => (sourced.clone(), None),
        ([], None) => {
            report.error(
                "orgs.csv",
                None,
                Some("type"),
                "no org has type district; a set describes one district and its schools",
            );
            return None;
        }
        (many, _) => {
            let lines: Vec<String> = many.iter().map(|o| o.line.to_string()).collect();
            report.error(
                "orgs.csv",
                Some(many[1].line),
                Some("type"),
                format!(
                    "{} orgs have type district (lines {}); import one district at a time",
                    many.len(),
                    lines.join(", ")
                ),
            );
            return None;
        }
    };
    let district = known.district.as_ref().map(|(id, _)| id.uuid()).unwrap_or_else(|| {
        Uuid::new_v5(&Uuid::NAMESPACE_URL, format!("urn:pathways:oneroster:{district_sourced}").as_bytes())
    });
    let ids = Ids { known, namespace: district, given: RefCell::default() };
    // Where the district has no rows of a kind yet, or a bulk file removes them first, no
    // row of the set can meet one already written: plain inserts, no upsert.
    let fresh = |kind: &str| known.ids.get(kind).is_none_or(HashMap::is_empty);
    let clear_users = parsed.modes.get("users.csv") == Some(&Mode::Bulk);
    let clear_enrollments = parsed.modes.get("enrollments.csv") == Some(&Mode::Bulk);
    let expected_rows = parsed.orgs.len() + parsed.courses.len() + parsed.classes.len() + parsed.people.len();
    send(Step::Begin { district, clear_users, clear_enrollments, expected_rows: expected_rows as u64 });
    let time = Value::Time(now);
    let d = Value::uuid(district);

    let mut district_rows =
        TableRows { table: "districts", columns: &["id", "slug", "name", "sourced_id", "created_at"], rows: vec![] };
    if let Some(name) = &district_name {
        district_rows.rows.push(vec![
            d.clone(),
            Value::text(format!("{}-{}", slugify(name), &district.simple().to_string()[..6])),
            Value::text(name),
            Value::text(&district_sourced),
            time.clone(),
        ]);
        report.count("orgs.csv").imported += 1;
    }
    send(Step::Rows(district_rows, UPSERT_DISTRICT));

    // Schools, with the grades of their students deciding middle or high.
    let school_ids: HashSet<&str> =
        parsed.orgs.iter().filter(|o| o.kind == "school").map(|o| o.sourced_id.as_str()).collect();
    let is_school = |id: &str| school_ids.contains(id) || (known.knows("org", id).is_some() && id != district_sourced);
    let mut grades: HashMap<&str, (i64, i64)> = HashMap::new();
    for person in &parsed.people {
        if let (Some(grade), Some(school)) = (grade_of(&person.grades), person.orgs.iter().find(|o| is_school(o))) {
            let range = grades.entry(school.as_str()).or_insert((grade, grade));
            *range = (range.0.min(grade), range.1.max(grade));
        }
    }
    let mut schools = TableRows {
        table: "schools",
        columns: &["id", "district_id", "name", "level", "lowest_grade", "highest_grade", "sourced_id"],
        rows: vec![],
    };
    for org in &parsed.orgs {
        match org.kind.as_str() {
            "district" => {}
            "school" => {
                if org.parent.as_deref().is_some_and(|p| p != district_sourced) {
                    report.warn(
                        "parent",
                        "orgs.csv",
                        Some(org.line),
                        Some("parentSourcedId"),
                        "this school's parent is not the district; it was placed in the district anyway",
                    );
                }
                let (low, high) = grades.get(org.sourced_id.as_str()).copied().unwrap_or((6, 12));
                let level = if low >= 9 {
                    "high"
                } else if high <= 8 {
                    "middle"
                } else {
                    "other"
                };
                schools.rows.push(vec![
                    Value::uuid(ids.of("org", &org.sourced_id)),
                    d.clone(),
                    Value::text(&org.name),
                    Value::text(level),
                    Value::Int(Some(low)),
                    Value::Int(Some(high)),
                    Value::text(&org.sourced_id),
                ]);
                report.count("orgs.csv").imported += 1;
            }
            other => {
                report.warn(
                    &format!("org {other}"),
                    "orgs.csv",
                    Some(org.line),
                    Some("type"),
                    format!("orgs of type {other} are not used by Pathways; skipped"),
                );
                report.count("orgs.csv").skipped += 1;
            }
        }
    }
    send(Step::Rows(schools, UPSERT_SCHOOL));

    let school_of = |orgs: &[String]| orgs.iter().find(|o| is_school(o)).map(|o| ids.of("org", o));
    let mut courses = TableRows {
        table: "courses",
        columns: &["id", "district_id", "school_id", "title", "code", "subject", "sourced_id"],
        rows: vec![],
    };
    for course in &parsed.courses {
        courses.rows.push(vec![
            Value::uuid(ids.of("course", &course.sourced_id)),
            d.clone(),
            Value::Uuid(school_of(std::slice::from_ref(&course.org))),
            Value::text(&course.title),
            Value::opt_text(course.code.clone()),
            Value::opt_text(course.subject.clone()),
            Value::text(&course.sourced_id),
        ]);
    }
    report.count("courses.csv").imported += courses.rows.len() as u64;
    send(Step::Rows(courses, upsert_unless(fresh("course"), UPSERT_COURSE)));

    let mut classes = TableRows {
        table: "classes",
        columns: &["id", "district_id", "school_id", "course_id", "title", "period", "sourced_id"],
        rows: vec![],
    };
    for class in &parsed.classes {
        classes.rows.push(vec![
            Value::uuid(ids.of("class", &class.sourced_id)),
            d.clone(),
            Value::uuid(ids.of("org", &class.school)),
            Value::uuid(ids.of("course", &class.course)),
            Value::text(&class.title),
            Value::opt_text(class.period.clone()),
            Value::text(&class.sourced_id),
        ]);
    }
    report.count("classes.csv").imported += classes.rows.len() as u64;
    send(Step::Rows(classes, upsert_unless(fresh("class"), UPSERT_CLASS)));

    // People: roles Pathways serves, students in grades 6-12, each email on one account.
    let mut users = TableRows {
        table: "users",
        columns: &[
            "id",
            "district_id",
            "role",
            "given_name",
            "family_name",
            "email",
            "school_id",
            "grade",
            "sourced_id",
            "active",
            "created_at",
        ],
        rows: vec![],
    };
    let mut imported: HashMap<&str, (Role, Uuid)> = HashMap::with_capacity(parsed.people.len());
    let mut email_lines: HashMap<&str, u64> = HashMap::new();
    let mut vacate = Vec::new();
    let person_ids: Vec<Uuid> = parsed.people.iter().map(|p| ids.id("user", &p.sourced_id)).collect();
    let importing: HashSet<Uuid> = person_ids.iter().copied().collect();
    users.rows.reserve(parsed.people.len());
    for (person, &id) in parsed.people.iter().zip(&person_ids) {
        let Some((raw_role, line)) = &person.role else {
            report.warn(
                "no role",
                "users.csv",
                Some(person.line),
                Some("role"),
                "this user has no role (roles.csv); skipped",
            );
            report.count("users.csv").skipped += 1;
            continue;
        };
        let first_org_is_district = person.orgs.first().is_some_and(|o| *o == district_sourced);
        let Some(role) = map_role(raw_role, first_org_is_district) else {
            let file = if *line == person.line { "users.csv" } else { "roles.csv" };
            report.warn(
                &format!("role {}", raw_role.to_lowercase()),
                file,
                Some(*line),
                Some("role"),
                format!("role {raw_role:?} is not one Pathways serves; skipped"),
            );
            report.count("users.csv").skipped += 1;
            continue;
        };
        let grade = grade_of(&person.grades);
        if role == Role::Student && grade.is_none() {
            report.warn(
                "grade",
                "users.csv",
                Some(person.line),
                Some("grades"),
                format!("grades {:?}: Pathways serves grades 6-12; this student was skipped", person.grades.join(",")),
            );
            report.count("users.csv").skipped += 1;
            continue;
        }
        let mut email = person.email.clone();
        if let Some(address) = person.email.as_deref() {
            if let Some(first) = email_lines.get(address) {
                report.warn(
                    "shared email",
                    "users.csv",
                    Some(person.line),
                    Some("email"),
                    format!("{address} is also the email of line {first}; only that account signs in with it"),
                );
                email = None;
            } else if known.emails.get(address).is_some_and(|owner| *owner != id && !importing.contains(owner)) {
                report.warn(
                    "taken email",
                    "users.csv",
                    Some(person.line),
                    Some("email"),
                    format!(
                        "{address} belongs to another account in Pathways; this account was imported without an email"
                    ),
                );
                email = None;
            } else {
                email_lines.insert(address, person.line);
                if let Some(owner) = known.emails.get(address).filter(|owner| **owner != id) {
                    vacate.push(*owner);
                }
            }
        }
        imported.insert(person.sourced_id.as_str(), (role, id));
        let school = if matches!(role, Role::DistrictAdmin | Role::Guardian) { None } else { school_of(&person.orgs) };
        users.rows.push(vec![
            Value::uuid(id),
            d.clone(),
            Value::text(role.as_str()),
            Value::text(&person.given),
            Value::text(&person.family),
            Value::opt_text(email),
            Value::Uuid(school),
            Value::Int(if role == Role::Student { grade } else { None }),
            Value::text(&person.sourced_id),
            Value::Bool(person.active),
            time.clone(),
        ]);
    }
    report.count("users.csv").imported += users.rows.len() as u64;
    users.sort_by_leading_columns(1);
    send(Step::VacateEmails(vacate));
    send(Step::Rows(users, upsert_unless(fresh("user"), UPSERT_USER)));

    let mut guardianships = TableRows { table: "guardianships", columns: &["guardian_id", "student_id"], rows: vec![] };
    let mut pairs = HashSet::new();
    for person in &parsed.people {
        for agent in &person.agents {
            let pair = match (imported.get(person.sourced_id.as_str()), imported.get(agent.as_str())) {
                (Some((Role::Student, student)), Some((Role::Guardian, guardian))) => (*guardian, *student),
                (Some((Role::Guardian, guardian)), Some((Role::Student, student))) => (*guardian, *student),
                _ => continue,
            };
            if pairs.insert(pair) {
                guardianships.rows.push(vec![Value::uuid(pair.0), Value::uuid(pair.1)]);
            }
        }
    }
    guardianships.sort_by_leading_columns(2);
    send(Step::Rows(guardianships, upsert_unless(fresh("user") || clear_users, IGNORE)));
    Some(PlannedPeople {
        district,
        ids,
        people: imported,
        known,
        fresh_users: fresh("user"),
        fresh_classes: fresh("class"),
        clear_enrollments,
    })
}

/// Maps enrollments and demographics of the people planned to rows and sends them.
pub fn plan_attachments(
    attachments: &Attachments,
    people: &PlannedPeople,
    report: &mut Report,
    send: &mut dyn FnMut(Step),
) {
    let PlannedPeople { ids, people: imported, known, .. } = people;
    send(Step::MoreRows((attachments.enrollments.len() + attachments.demographics.len()) as u64));
    let mut enrollments = TableRows { table: "enrollments", columns: &["class_id", "user_id", "role"], rows: vec![] };
    let mut removed_enrollments = Vec::new();
    let user_id = |s: &str| imported.get(s).map(|(_, id)| *id).or_else(|| known.knows("user", s));
    for enrollment in &attachments.enrollments {
        if !matches!(enrollment.role.as_str(), "student" | "teacher") {
            report.warn(
                &format!("enrollment {}", enrollment.role),
                "enrollments.csv",
                Some(enrollment.line),
                Some("role"),
                format!("enrollments with role {:?} are not used by Pathways; skipped", enrollment.role),
            );
            report.count("enrollments.csv").skipped += 1;
            continue;
        }
        let Some(user) = user_id(&enrollment.user) else {
            report.count("enrollments.csv").skipped += 1;
            continue;
        };
        let class = ids.of("class", &enrollment.class);
        if enrollment.active {
            enrollments.rows.push(vec![Value::uuid(class), Value::uuid(user), Value::text(&enrollment.role)]);
        } else {
            removed_enrollments.push((class, user));
        }
    }
    report.count("enrollments.csv").imported += (enrollments.rows.len() + removed_enrollments.len()) as u64;
    enrollments.sort_by_leading_columns(2);
    enrollments.rows.dedup_by(|a, b| a[..2] == b[..2]);
    let fresh_enrollments = people.fresh_classes || people.clear_enrollments;
    send(Step::Rows(enrollments, upsert_unless(fresh_enrollments, UPSERT_ENROLLMENT)));

    let mut attributes =
        TableRows { table: "student_attributes", columns: &["student_id", "sex", "ethnicity"], rows: vec![] };
    for (sourced_id, demographic) in &attachments.demographics {
        if let Some((Role::Student, student)) = imported.get(sourced_id.as_str()) {
            attributes.rows.push(vec![
                Value::uuid(*student),
                Value::opt_text(demographic.sex.clone()),
                Value::opt_text(demographic.ethnicity.clone()),
            ]);
        } else {
            report.count("demographics.csv").skipped += 1;
        }
    }
    report.count("demographics.csv").imported += attributes.rows.len() as u64;
    send(Step::Rows(attributes, upsert_unless(people.fresh_users, UPSERT_ATTRIBUTES)));
    report.counts.retain(|_, c| c.read + c.imported + c.skipped > 0);

    send(Step::RemoveEnrollments(removed_enrollments));
}

/// Writes the steps in one transaction as they arrive: all of them when told to commit,
/// else nothing. `Ok(true)` when committed.
pub async fn store(
    db: &Db,
    mut steps: UnboundedReceiver<Step>,
    progress: &dyn crate::progress::Progress,
) -> Result<bool, sqlx::Error> {
    let Some(Step::Begin { district, clear_users, clear_enrollments, expected_rows }) = steps.recv().await else {
        return Ok(false);
    };
    progress.begin("writing roster", expected_rows);
    let settings = BackendSettings::of(db);
    let committed = with_pool!(db, pool => {
        let mut conn = pool.acquire().await?;
        for pragma in settings.before {
            sqlx::query(pragma).execute(&mut *conn).await?;
        }
        let written: Result<bool, sqlx::Error> = async {
            let mut tx = conn.begin().await?;
            if clear_users {
                // Partners are not in OneRoster sets: a roster never deactivates them.
                sqlx::query("UPDATE users SET active = FALSE WHERE district_id = $1 AND sourced_id IS NOT NULL AND active AND role <> 'partner'")
                    .bind(district).execute(&mut *tx).await?;
                sqlx::query("DELETE FROM guardianships WHERE student_id IN (SELECT id FROM users WHERE district_id = $1 AND sourced_id IS NOT NULL)")
                    .bind(district).execute(&mut *tx).await?;
            }
            if clear_enrollments {
                sqlx::query("DELETE FROM enrollments WHERE class_id IN (SELECT id FROM classes WHERE district_id = $1)")
                    .bind(district).execute(&mut *tx).await?;
            }
            while let Some(step) = steps.recv().await {
                match step {
                    Step::Rows(TableRows { table, columns, rows }, suffix) => {
                        let started = std::time::Instant::now();
                        let mut deferred: Vec<(String, String)> = Vec::new();
                        if rows.len() >= BULK_ROWS {
                            // Asked outside the transaction: empty before this import, not emptied by it.
                            let held: Option<i32> = sqlx::query_scalar(&format!("SELECT 1 FROM {table} LIMIT 1")).fetch_optional(pool).await?;
                            if held.is_none() {
                                // Plain inserts of rows checked for duplicates before: the unique
                                // indexes are built after too. An upsert needs its unique index.
                                deferred = sqlx::query_as(settings.deferrable).bind(table).bind(suffix.is_empty()).fetch_all(&mut *tx).await?;
                            }
                        }
                        for (drop, _) in &deferred {
                            sqlx::query(drop).execute(&mut *tx).await?;
                        }
                        BulkInsert::insert_rows(&mut *tx, table, columns, &rows, suffix, &mut |n| progress.advance(n as u64)).await?;
                        for (_, create) in &deferred {
                            sqlx::query(create).execute(&mut *tx).await?;
                        }
                        tracing::debug!(table, rows = rows.len(), rebuilt = deferred.len(), seconds = started.elapsed().as_secs_f64(), "roster rows written");
                        // Freeing a large table's rows takes tens of milliseconds the next write need not wait for.
                        tokio::task::spawn_blocking(move || drop(rows));
                    }
                    Step::VacateEmails(ids) => {
                        for chunk in ids.chunks(500) {
                            let mut query = sqlx::QueryBuilder::new("UPDATE users SET email = NULL WHERE id IN (");
                            let mut list = query.separated(", ");
                            for id in chunk {
                                list.push_bind(*id);
                            }
                            query.push(")").build().execute(&mut *tx).await?;
                        }
                    }
                    Step::RemoveEnrollments(pairs) => {
                        for (class, user) in &pairs {
                            sqlx::query("DELETE FROM enrollments WHERE class_id = $1 AND user_id = $2").bind(class).bind(user).execute(&mut *tx).await?;
                        }
                    }
                    Step::Commit => {
                        let started = std::time::Instant::now();
                        let now = time::OffsetDateTime::now_utc();
                        sqlx::query(LEFT_THE_ROSTER).bind(district).bind(now).execute(&mut *tx).await?;
                        sqlx::query(BACK_ON_THE_ROSTER).bind(district).execute(&mut *tx).await?;
                        tx.commit().await?;
                        tracing::debug!(seconds = started.elapsed().as_secs_f64(), "roster committed");
                        return Ok(true);
                    }
                    Step::MoreRows(rows) => progress.extend(rows),
                    Step::Begin { .. } => {}
                }
            }
            Ok(false)
        }
        .await;
        for pragma in settings.after {
            sqlx::query(pragma).execute(&mut *conn).await?;
        }
        written
    })?;
    progress.finish();
    Ok(committed)
}

/// Students this import deactivated start the district's retention period now; students
/// it brought back stop it.
const LEFT_THE_ROSTER: &str = "UPDATE users SET inactive_since = $2
    WHERE district_id = $1 AND role = 'student' AND NOT active AND inactive_since IS NULL AND anonymized_at IS NULL";
const BACK_ON_THE_ROSTER: &str =
    "UPDATE users SET inactive_since = NULL WHERE district_id = $1 AND active AND inactive_since IS NOT NULL";

/// An empty table written with at least this many rows gets its indexes (and on PostgreSQL
/// its foreign keys) built once after the rows instead of updated row by row: the first load
/// of a large district. Every reference and every duplicate was checked before the write, so
/// foreign keys come back `NOT VALID` (checked for every later row) and are validated by the
/// next migration check, which lets reads and writes go on. A unique index that a foreign key
/// of another table leans on stays. A table that holds rows keeps its indexes, as dropping one
/// would lock out every server reading the table until the commit.
const BULK_ROWS: usize = 10_000;

/// What the write does differently per backend.
struct BackendSettings {
    /// Statements before the write and after it (on the same connection).
    before: &'static [&'static str],
    after: &'static [&'static str],
    /// Lists what a bulk load of table `$1` drops and builds again after, as pairs of
    /// (drop statement, create statement); unique indexes too when `$2`.
    deferrable: &'static str,
}

impl BackendSettings {
    /// On SQLite foreign keys are off for the write (they were checked before) and a page
    /// cache of 128 MiB holds a 50,000-student district (its pages reach the WAL once, at the
    /// commit); readers keep their snapshot while indexes are rebuilt.
    /// On PostgreSQL a bulk load locks the table until the commit (a first load is seconds).
    fn of(db: &Db) -> Self {
        match db {
            Db::Sqlite(_) => BackendSettings {
                before: &["PRAGMA foreign_keys = OFF", "PRAGMA cache_size = -131072", "PRAGMA temp_store = MEMORY"],
                after: &["PRAGMA foreign_keys = ON", crate::db::SQLITE_CACHE_SIZE, "PRAGMA temp_store = DEFAULT"],
                deferrable: "SELECT 'DROP INDEX ' || name, sql FROM sqlite_master
                             WHERE type = 'index' AND tbl_name = $1 AND sql IS NOT NULL AND ($2 OR sql NOT LIKE 'CREATE UNIQUE%')",
            },
            Db::Postgres(_) => BackendSettings {
                before: &[],
                after: &[],
                deferrable: "SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', $1, c.conname),
                                    format('ALTER TABLE %I ADD CONSTRAINT %I %s%s', $1, c.conname, pg_get_constraintdef(c.oid),
                                           CASE WHEN c.contype = 'f' THEN ' NOT VALID' ELSE '' END)
                             FROM pg_constraint c WHERE c.conrelid = $1::regclass
                             AND (c.contype = 'f' OR ($2 AND c.contype IN ('p', 'u')
                                  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)))
                             UNION ALL
                             SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                             FROM pg_index i WHERE i.indrelid = $1::regclass AND ($2 OR NOT i.indisunique)
                             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
            },
        }
    }
}
