//! The course plan: courses of the district's catalog (its roster courses) placed in grades
//! 6 to 12, each planned, in progress, completed or not passed, checked against the
//! district's graduation rules. A course appears once on a plan; moving it to another grade
//! or changing its status is a versioned edit.

use std::collections::{BTreeMap, HashMap};

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Serialize;
use time::OffsetDateTime;

use super::graduation::{self, Credit, CreditCheck};
use super::pages::{Conflict, Line, Outcome, audit_change, back_to_plan, editing, editor, form_version, student_id};
use super::store::{ChangeEntry, Judged, Saved, Versioned, json, judge, lost_race, record_change};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::db::Db;
use crate::db::batch::Value;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::{CourseId, DistrictId, PlanCourseId, UserId};
use crate::web::{FormFields, PageCtx};
use crate::with_pool;

pub const STATUSES: [&str; 4] = ["planned", "in_progress", "completed", "not_passed"];
pub const GRADES: std::ops::RangeInclusive<i64> = 6..=12;

/// A course of the district's catalog.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Course {
    pub course_id: CourseId,
    pub title: String,
    pub code: Option<String>,
    pub subject: Option<String>,
    /// The graduation area the district set, if it set one.
    #[sqlx(rename = "area")]
    area_set: Option<String>,
    /// Credits in hundredths the district set, if it set them.
    #[sqlx(rename = "credits")]
    credits_set: Option<i64>,
}

impl Course {
    /// The graduation area: the district's, else read from the subject.
    pub fn area(&self) -> &str {
        match &self.area_set {
            Some(area) if graduation::is_area(area) => area,
            _ => graduation::area_of_subject(self.subject.as_deref().unwrap_or(&self.title)),
        }
    }

    /// Credits in hundredths: one credit unless the district set otherwise.
    pub fn credits(&self) -> i64 {
        self.credits_set.unwrap_or(100)
    }

    /// "English 9 (ENG9)".
    pub fn label(&self) -> String {
        match &self.code {
            Some(code) if !code.is_empty() && !self.title.contains(code.as_str()) => format!("{} ({code})", self.title),
            _ => self.title.clone(),
        }
    }

    /// The key two schools' copies of one course share.
    fn same_course(&self) -> (String, String) {
        (self.code.clone().unwrap_or_default().to_lowercase(), self.title.to_lowercase())
    }
}

/// A course on a student's plan.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PlanCourse {
    pub id: PlanCourseId,
    #[sqlx(flatten)]
    pub course: Course,
    pub grade: i64,
    pub status: String,
    pub version: i64,
    /// The sub-clusters the course prepares for.
    #[sqlx(skip)]
    pub subclusters: Vec<String>,
}

/// Where a course sits on the plan, as an editor sets it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CourseInput {
    pub grade: i64,
    pub status: String,
}

impl Versioned for PlanCourse {
    type Input = CourseInput;
    fn version(&self) -> i64 {
        self.version
    }
    fn input(&self) -> CourseInput {
        CourseInput { grade: self.grade, status: self.status.clone() }
    }
}

impl PlanCourse {
    pub fn credit(&self) -> Credit<'_> {
        Credit { area: self.course.area(), credits: self.course.credits(), grade: self.grade, status: &self.status }
    }
}

const COURSE_COLUMNS: &str = "c.id AS course_id, c.title, c.code, c.subject, c.area, c.credits";

/// The courses of the plan, by grade then title, with their sub-clusters.
pub async fn of_student(db: &Db, student: UserId) -> Result<Vec<PlanCourse>, sqlx::Error> {
    let sql = format!(
        "SELECT pc.id, {COURSE_COLUMNS}, pc.grade, pc.status, pc.version
         FROM plan_courses pc JOIN courses c ON c.id = pc.course_id
         WHERE pc.student_id = $1 ORDER BY pc.grade, c.title, pc.id"
    );
    const TAGS: &str = "SELECT cs.course_id, cs.subcluster_id FROM course_subclusters cs
         JOIN plan_courses pc ON pc.course_id = cs.course_id WHERE pc.student_id = $1 ORDER BY cs.subcluster_id";
    let (mut courses, tags): (Vec<PlanCourse>, Vec<(CourseId, String)>) = with_pool!(db, pool => {
        let courses = sqlx::query_as(&sql).bind(student).fetch_all(pool).await?;
        let tags = sqlx::query_as(TAGS).bind(student).fetch_all(pool).await?;
        Ok::<_, sqlx::Error>((courses, tags))
    })?;
    let mut by_course: HashMap<CourseId, Vec<String>> = HashMap::new();
    for (course, subcluster) in tags {
        by_course.entry(course).or_default().push(subcluster);
    }
    for course in &mut courses {
        course.subclusters = by_course.get(&course.course.course_id).cloned().unwrap_or_default();
    }
    Ok(courses)
}

async fn one(db: &Db, student: UserId, id: PlanCourseId) -> Result<Option<PlanCourse>, sqlx::Error> {
    let sql = format!(
        "SELECT pc.id, {COURSE_COLUMNS}, pc.grade, pc.status, pc.version
         FROM plan_courses pc JOIN courses c ON c.id = pc.course_id WHERE pc.id = $1 AND pc.student_id = $2"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(id).bind(student).fetch_optional(pool).await)
}

/// The district's catalog: each course once (schools' copies of a course share a code and
/// title), by area then title.
pub async fn catalog(db: &Db, district: DistrictId) -> Result<Vec<Course>, sqlx::Error> {
    let sql = format!("SELECT {COURSE_COLUMNS} FROM courses c WHERE c.district_id = $1 ORDER BY c.title, c.code, c.id");
    let all: Vec<Course> = with_pool!(db, pool => sqlx::query_as(&sql).bind(district).fetch_all(pool).await)?;
    let mut seen = std::collections::HashSet::new();
    let mut courses: Vec<Course> = all.into_iter().filter(|c| seen.insert(c.same_course())).collect();
    courses.sort_by_cached_key(|c| (graduation::AREAS.iter().position(|a| *a == c.area()), c.title.clone()));
    Ok(courses)
}

/// The catalog grouped by area, for a course picker.
pub fn by_area(catalog: Vec<Course>) -> Vec<(&'static str, Vec<Course>)> {
    let mut groups: BTreeMap<usize, Vec<Course>> = BTreeMap::new();
    for course in catalog {
        let position =
            graduation::AREAS.iter().position(|a| *a == course.area()).unwrap_or(graduation::AREAS.len() - 1);
        groups.entry(position).or_default().push(course);
    }
    groups.into_iter().map(|(position, courses)| (graduation::AREAS[position], courses)).collect()
}

/// A course of the district, if `id` is one.
async fn district_course(db: &Db, district: DistrictId, id: CourseId) -> Result<Option<Course>, sqlx::Error> {
    let sql = format!("SELECT {COURSE_COLUMNS} FROM courses c WHERE c.id = $1 AND c.district_id = $2");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(id).bind(district).fetch_optional(pool).await)
}

/// The grade a course already sits in on the plan, if it does.
async fn placed_in(db: &Db, student: UserId, course: CourseId) -> Result<Option<i64>, sqlx::Error> {
    const SQL: &str = "SELECT grade FROM plan_courses WHERE student_id = $1 AND course_id = $2";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(student).bind(course).fetch_optional(pool).await)
}

/// Puts the course on the plan; false when it is there already (a concurrent add).
pub async fn add(
    db: &Db,
    student: UserId,
    course: &Course,
    input: &CourseInput,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "INSERT INTO plan_courses (id, student_id, course_id, grade, status, version, created_at,
         updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, 1, $6, $6, $7) ON CONFLICT (student_id, course_id) DO NOTHING";
    let change = ChangeEntry {
        student,
        actor,
        action: "course_added",
        subject: course.label(),
        before: None,
        after: json(input),
    };
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let added = sqlx::query(SQL).bind(PlanCourseId::random()).bind(student).bind(course.course_id).bind(input.grade)
            .bind(&input.status).bind(now).bind(actor).execute(&mut *tx).await?.rows_affected() > 0;
        if added {
            record_change!(tx, &change, now);
        }
        tx.commit().await?;
        Ok(added)
    })
}

/// Moves the course or changes its status if it is still at `version`.
pub async fn update(
    db: &Db,
    student: UserId,
    id: PlanCourseId,
    version: i64,
    input: &CourseInput,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<Saved<PlanCourse>, sqlx::Error> {
    const SQL: &str = "UPDATE plan_courses SET grade = $4, status = $5, version = version + 1, updated_at = $6,
         updated_by = $7 WHERE id = $1 AND student_id = $2 AND version = $3";
    let current = match judge(one(db, student, id).await?, version, input) {
        Judged::Write(current) => current,
        Judged::Answer(saved) => return Ok(saved),
    };
    let change = ChangeEntry::edit((student, actor), "course_changed", &current.course.label(), &current, input);
    let updated = with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let updated = sqlx::query(SQL).bind(id).bind(student).bind(version).bind(input.grade).bind(&input.status)
            .bind(now).bind(actor).execute(&mut *tx).await?.rows_affected() > 0;
        if updated {
            record_change!(tx, &change, now);
        }
        tx.commit().await?;
        Ok::<bool, sqlx::Error>(updated)
    })?;
    Ok(if updated { Saved::Saved } else { lost_race(one(db, student, id).await?) })
}

/// Takes the course off the plan; false when it is not on it.
pub async fn remove(
    db: &Db,
    student: UserId,
    id: PlanCourseId,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let Some(current) = one(db, student, id).await? else { return Ok(false) };
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let removed = sqlx::query("DELETE FROM plan_courses WHERE id = $1 AND student_id = $2")
            .bind(id).bind(student).execute(&mut *tx).await?.rows_affected() > 0;
        if removed {
            let change = ChangeEntry { student, actor, action: "course_removed", subject: current.course.label(), before: None, after: None };
            record_change!(tx, &change, now);
        }
        tx.commit().await?;
        Ok(removed)
    })
}

/// The columns of [`row`].
pub const ROW_COLUMNS: &[&str] =
    &["id", "student_id", "course_id", "grade", "status", "version", "created_at", "updated_at", "updated_by"];

/// A course placed on a plan, as a row for bulk writes.
pub fn row(
    id: PlanCourseId,
    student: UserId,
    course: CourseId,
    input: &CourseInput,
    (actor, at): (UserId, OffsetDateTime),
) -> Vec<Value> {
    vec![
        Value::uuid(id.uuid()),
        Value::uuid(student.uuid()),
        Value::uuid(course.uuid()),
        Value::Int(Some(input.grade)),
        Value::text(&input.status),
        Value::Int(Some(1)),
        Value::Time(at),
        Value::Time(at),
        Value::uuid(actor.uuid()),
    ]
}

/// The grade and status the form gives, or what is wrong with them.
pub(super) fn checked(form: &FormFields) -> Result<CourseInput, AppError> {
    let grade = form.get("grade").trim().parse::<i64>().ok().filter(|g| GRADES.contains(g)).ok_or_else(|| {
        AppError::bad_request("grade", "error-field-course-grade", "choose a grade from 6 to 12 for the course")
    })?;
    let status = form.get("status");
    if !STATUSES.contains(&status) {
        return Err(AppError::bad_request("status", "error-field-course-status", "choose where the course stands"));
    }
    Ok(CourseInput { grade, status: status.to_string() })
}

fn unknown_course(text: &str) -> AppError {
    AppError::bad_request(
        "course",
        "error-field-course-unknown",
        format!("{text:?} is not a course of the district's catalog; choose one from the list"),
    )
}

/// The student's district, whose catalog their plan draws on.
async fn district_of(state: &AppState, student: UserId) -> Result<DistrictId, AppError> {
    let record = crate::orgs::store::student_record(&state.db, student).await?.ok_or(AppError::NotFound)?;
    record.district_id.ok_or(AppError::NotFound)
}

pub async fn add_course(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let editor = editor(&state, &session, id, form.get("csrf")).await?;
    let text = form.get("course").trim();
    let course_id: CourseId = text.parse().map_err(|_| unknown_course(text))?;
    let input = checked(&form)?;
    let district = district_of(&state, id).await?;
    let course = district_course(&state.db, district, course_id).await?.ok_or_else(|| unknown_course(text))?;
    if let Some(grade) = placed_in(&state.db, id, course_id).await? {
        return Err(AppError::bad_request(
            "course",
            "error-field-course-placed",
            format!("{} is already in grade {grade} of the plan; move it there instead", course.label()),
        ));
    }
    if add(&state.db, id, &course, &input, editor.id, OffsetDateTime::now_utc()).await? {
        audit_change(&state, &session, &editor, id, "plan: added a course").await?;
    }
    Ok(back_to_plan(id))
}

fn lines(input: &CourseInput, lang: Lang) -> Vec<Line> {
    vec![
        Line::new(lang.t("plan-course-grade"), input.grade.to_string()),
        Line::new(lang.t("plan-course-status"), lang.t(&format!("course-status-{}-name", input.status))),
    ]
}

/// Moves a course or changes its status; on a conflict shows both versions (409).
pub async fn update_course(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(path): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (id, editor, course): (_, _, PlanCourseId) = editing(&state, &session, path, &form).await?;
    let version = form_version(&form)?;
    let input = checked(&form)?;
    let saved = update(&state.db, id, course, version, &input, editor.id, OffsetDateTime::now_utc()).await?;
    let conflict = |saved: PlanCourse| Conflict {
        action: format!("/students/{id}/plan/courses/{course}"),
        version: saved.version,
        saved: lines(&saved.input(), ctx.lang),
        yours: lines(&input, ctx.lang),
        resend: vec![("grade", input.grade.to_string()), ("status", input.status.clone())],
    };
    let outcome = Outcome { editor: &editor, student: id, what: "plan: changed a course" };
    outcome.show(&state, &ctx, session, saved, conflict).await
}

pub async fn remove_course(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(path): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (id, editor, course): (_, _, PlanCourseId) = editing(&state, &session, path, &form).await?;
    // Removing what is already gone (a second click) just shows the plan.
    if remove(&state.db, id, course, editor.id, OffsetDateTime::now_utc()).await? {
        audit_change(&state, &session, &editor, id, "plan: removed a course").await?;
    }
    Ok(back_to_plan(id))
}

/// The credit check of a plan's courses for a student now in `grade`.
pub fn check(rules: &graduation::Rules, courses: &[PlanCourse], grade: Option<i64>) -> CreditCheck {
    let credits: Vec<Credit> = courses.iter().map(PlanCourse::credit).collect();
    CreditCheck::new(rules, &credits, grade)
}

/// A course as the plan shows it.
pub struct CourseView {
    pub course: PlanCourse,
    /// The sub-clusters it prepares for, named, and whether one is among the student's interests.
    pub connections: Vec<String>,
    pub in_interests: bool,
}

/// One grade of the course plan.
pub struct GradeCourses {
    pub grade: i64,
    pub courses: Vec<CourseView>,
    /// "6 credits": what the grade's courses carry (high school grades only).
    pub credits: String,
}

/// The course plan section: courses by grade, the credit check and what it warns of.
pub struct CoursePlan {
    pub grades: Vec<GradeCourses>,
    pub check: CreditCheck,
    pub warnings: Vec<String>,
    /// The catalog by area, for editors.
    pub catalog: Vec<(&'static str, Vec<Course>)>,
    pub rule: String,
}

impl CoursePlan {
    /// The plan of a student now in `grade` whose interests point at `interests` (cluster
    /// and sub-cluster ids).
    pub async fn load(
        state: &AppState,
        lang: Lang,
        student: &crate::orgs::store::StudentRecord,
        interests: &[String],
        (rules, can_edit): (&graduation::Rules, bool),
    ) -> Result<Self, AppError> {
        let district = student.district_id.ok_or(AppError::NotFound)?;
        let courses = of_student(&state.db, student.id).await?;
        let check = check(rules, &courses, student.grade);
        let subclusters = state.catalog.subclusters(None).await?;
        let view = |course: PlanCourse| {
            let named = subclusters.iter().filter(|s| course.subclusters.contains(&s.id));
            let in_interests = named.clone().any(|s| interests.contains(&s.id) || interests.contains(&s.cluster_id));
            CourseView {
                connections: named
                    .map(|s| crate::catalog::names::name(lang, crate::catalog::names::Kind::Subcluster, &s.id, &s.name))
                    .collect(),
                in_interests,
                course,
            }
        };
        let first = student.grade.unwrap_or(graduation::FIRST_CREDIT_GRADE).min(graduation::FIRST_CREDIT_GRADE);
        let mut grades: Vec<GradeCourses> = Vec::new();
        let mut courses = courses.into_iter().peekable();
        for grade in GRADES {
            let these: Vec<CourseView> =
                std::iter::from_fn(|| courses.next_if(|c| c.grade == grade)).map(view).collect();
            if these.is_empty() && grade < first {
                continue;
            }
            let credits: i64 = these
                .iter()
                .filter(|c| grade >= graduation::FIRST_CREDIT_GRADE && c.course.status != "not_passed")
                .map(|c| c.course.course.credits())
                .sum();
            let shown = graduation::credits_in(lang, credits);
            let credits = lang.t_args(
                "plan-courses-grade-credits",
                &[("count", (credits as f64 / 100.0).into()), ("credits", shown.into())],
            );
            grades.push(GradeCourses { grade, courses: these, credits });
        }
        let warnings = warnings(&check, student.grade, lang);
        let catalog = if can_edit { by_area(catalog(&state.db, district).await?) } else { Vec::new() };
        let rule = lang.t_args("plan-courses-rule", &[("total", graduation::credits_in(lang, rules.total()).into())]);
        Ok(CoursePlan { grades, check, warnings, catalog, rule })
    }
}

/// What the credit check warns of, in the reader's language.
pub fn warnings(check: &CreditCheck, grade: Option<i64>, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(behind) = &check.behind {
        out.push(lang.t_args(
            "plan-courses-behind",
            &[
                ("earned", graduation::credits_in(lang, behind.earned).into()),
                ("expected", graduation::credits_in(lang, behind.expected).into()),
                ("grade", behind.grade.into()),
            ],
        ));
    }
    if grade.is_some_and(|g| g >= 8) {
        for area in check.short() {
            out.push(lang.t_args(
                "plan-courses-short",
                &[
                    ("area", lang.t(&format!("area-{}-name", area.area)).into()),
                    ("planned", graduation::credits_in(lang, area.planned).into()),
                    ("required", graduation::credits_in(lang, area.required).into()),
                    ("missing", graduation::credits_in(lang, area.missing()).into()),
                ],
            ));
        }
    }
    out
}
