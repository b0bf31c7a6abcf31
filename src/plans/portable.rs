//! Plans that move with the student: the plan as open, versioned JSON (format
//! `pathways-plan`, version 1, documented in docs/plan-format.md) that names the framework's
//! ids, SOC codes and practice ids rather than internal ones, and its import into a student
//! of another district with a report of what mapped.
//!
//! An import checks every item with the same rules as the plan's forms; a file with an item
//! those rules refuse is refused whole, naming the item. What merely does not map (an
//! occupation code this catalog lacks, a prompt it does not offer) is left out or adapted
//! and reported. Everything else is written in one transaction.

use std::collections::HashSet;

use askama::Template;
use axum::Json;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::activities::{self, ActivityInput};
use super::courses;
use super::pages::{GoalForm, StudentRead, audit_change, checked_goal, editor, interest_target, student_id};
use super::postsecondary::{self, Postsecondary};
use super::reflections;
use super::signoffs;
use super::store::{self, ChangeEntry, InterestKind, Versioned, json};
use super::tags::{self, Choices};
use crate::app::AppState;
use crate::audit::Action;
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::db::batch::{BulkInsert, TableRows, Value};
use crate::error::{AppError, FieldError};
use crate::i18n::Lang;
use crate::ids::{PlanGoalId, PlanInterestId, UserId};
use crate::oneroster::upload::{broken_upload, small_text, upload_problem};
use crate::orgs::store::StudentRecord;
use crate::web::{FormFields, Layout, PageCtx, attachment, render};
use crate::with_pool;

pub const FORMAT: &str = "pathways-plan";
pub const FORMAT_VERSION: u32 = 1;
/// The framework the cluster and sub-cluster ids belong to.
pub const FRAMEWORK: &str = "ncc-2024";

/// A whole plan, as exported and imported.
#[derive(Debug, Serialize, Deserialize)]
pub struct PlanFile {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub exported_at: String,
    #[serde(default)]
    pub framework: String,
    #[serde(default)]
    pub student: Option<StudentPart>,
    #[serde(default)]
    pub interests: Vec<InterestPart>,
    #[serde(default)]
    pub goals: Vec<GoalPart>,
    #[serde(default)]
    pub courses: Vec<CoursePart>,
    #[serde(default)]
    pub activities: Vec<ActivityPart>,
    #[serde(default)]
    pub reflections: Vec<ReflectionPart>,
    #[serde(default)]
    pub postsecondary: Option<PostsecondaryPart>,
    #[serde(default)]
    pub signoffs: Vec<SignoffPart>,
}

/// Who the plan is of, for people to read; an import does not change the student's record.
#[derive(Debug, Serialize, Deserialize)]
pub struct StudentPart {
    pub given_name: String,
    pub family_name: String,
    pub grade: Option<i64>,
    pub school: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct InterestPart {
    /// `cluster`, `subcluster` or `occupation`.
    pub kind: String,
    /// The cluster or sub-cluster id, or the O*NET-SOC code.
    pub code: String,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct GoalPart {
    pub kind: String,
    pub title: String,
    pub benchmark: String,
    #[serde(default)]
    pub target_date: Option<String>,
    pub status: String,
}

/// A course of the course plan. Districts name courses their own way: an import finds the
/// course in the new district's catalog by code, else by title.
#[derive(Debug, Serialize, Deserialize)]
pub struct CoursePart {
    #[serde(default)]
    pub code: Option<String>,
    pub title: String,
    /// The graduation subject area it counted toward (`english`, `math`, `cte`...).
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub credits: Option<f64>,
    pub grade: i64,
    /// `planned`, `in_progress`, `completed` or `not_passed`.
    pub status: String,
    /// Sub-cluster ids of the framework the course prepares for.
    #[serde(default)]
    pub subclusters: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ActivityPart {
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub started_on: Option<String>,
    #[serde(default)]
    pub ended_on: Option<String>,
    #[serde(default)]
    pub hours: Option<i64>,
    #[serde(default)]
    pub clusters: Vec<String>,
    #[serde(default)]
    pub practices: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ReflectionPart {
    pub prompt: String,
    /// The prompt's words when exported, for readers of the file.
    #[serde(default)]
    pub prompt_text: Option<String>,
    pub body: String,
    #[serde(default)]
    pub written_at: Option<String>,
    #[serde(default)]
    pub practices: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PostsecondaryPart {
    pub path: String,
    #[serde(default)]
    pub details: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct SignoffPart {
    pub school_year: String,
    pub role: String,
    pub signed_at: String,
}

fn date_text(date: Option<time::Date>) -> Option<String> {
    date.map(|d| d.to_string())
}

fn timestamp(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// The plan of `student` as a file; names are in `lang`.
pub async fn export(state: &AppState, lang: Lang, student: &StudentRecord) -> Result<PlanFile, AppError> {
    let db = &state.db;
    let id = student.id;
    let mut interests = Vec::new();
    for interest in store::interests(db, id).await? {
        let name = interest_target(state, lang, &interest.kind, &interest.code).await?.map(|(name, _)| name);
        interests.push(InterestPart { kind: interest.kind, code: interest.code, name });
    }
    let goals = store::goals(db, id).await?.into_iter().map(|g| GoalPart {
        target_date: date_text(g.target_date),
        kind: g.kind,
        title: g.title,
        benchmark: g.benchmark,
        status: g.status,
    });
    let courses = courses::of_student(db, id).await?.into_iter().map(|c| CoursePart {
        code: c.course.code.clone(),
        title: c.course.title.clone(),
        area: Some(c.course.area().to_string()),
        credits: Some(c.course.credits() as f64 / 100.0),
        grade: c.grade,
        status: c.status,
        subclusters: c.subclusters,
    });
    let tags = tags::of_student(db, id).await?;
    let activities = activities::of_student(db, id, &tags).await?.into_iter().map(|a| ActivityPart {
        started_on: date_text(a.started_on),
        ended_on: date_text(a.ended_on),
        hours: a.hours,
        clusters: a.tags.clusters,
        practices: a.tags.practices,
        kind: a.kind,
        title: a.title,
        organization: a.organization,
        description: a.description,
    });
    let reflections = reflections::of_student(db, id, &tags).await?.into_iter().rev().map(|r| ReflectionPart {
        prompt_text: Some(lang.t(&format!("reflection-prompt-{}-text", r.prompt))),
        written_at: Some(timestamp(r.created_at)),
        practices: r.tags.practices,
        prompt: r.prompt,
        body: r.body,
    });
    let postsecondary = postsecondary::of_student(db, id).await?;
    let signoffs = signoffs::all(db, id).await?.into_iter().map(|(school_year, role, at)| SignoffPart {
        school_year,
        role,
        signed_at: timestamp(at),
    });
    Ok(PlanFile {
        format: FORMAT.into(),
        version: FORMAT_VERSION,
        exported_at: timestamp(OffsetDateTime::now_utc()),
        framework: FRAMEWORK.into(),
        student: Some(StudentPart {
            given_name: student.given_name.clone(),
            family_name: student.family_name.clone(),
            grade: student.grade,
            school: student.school_name.clone(),
        }),
        interests,
        goals: goals.collect(),
        courses: courses.collect(),
        activities: activities.collect(),
        reflections: reflections.collect(),
        postsecondary: (postsecondary.version > 0)
            .then_some(PostsecondaryPart { path: postsecondary.path, details: postsecondary.details }),
        signoffs: signoffs.collect(),
    })
}

/// One line of an import's report: a message key and its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl ReportLine {
    fn new(key: &'static str, args: &[(&'static str, &str)]) -> Self {
        ReportLine { key, args: args.iter().map(|(k, v)| (*k, v.to_string())).collect() }
    }

    fn count(key: &'static str, n: usize) -> Self {
        ReportLine { key, args: vec![("count", n.to_string())] }
    }

    pub fn text(&self, lang: Lang) -> String {
        let args: Vec<(&str, crate::i18n::Arg)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, v.parse::<f64>().map_or_else(|_| v.as_str().into(), crate::i18n::Arg::Num)))
            .collect();
        lang.t_args(self.key, &args)
    }
}

/// What an import wrote, and what it left out or adapted.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub imported: Vec<ReportLine>,
    pub not_mapped: Vec<ReportLine>,
}

/// The refusal of a file, naming the item at fault (`goals[2].title`).
fn at_item(path: String, error: AppError) -> AppError {
    match error {
        AppError::BadRequest(fields) => AppError::BadRequest(
            fields.into_iter().map(|f| FieldError::new(format!("{path}.{}", f.field), f.key, f.message)).collect(),
        ),
        other => other,
    }
}

fn fields(pairs: &[(&str, &str)], lists: &[(&str, &[String])]) -> FormFields {
    let mut all: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    for (name, values) in lists {
        all.extend(values.iter().map(|v| (name.to_string(), v.clone())));
    }
    FormFields::from_pairs(all)
}

/// The rows an import writes, and its report.
struct Planned {
    interests: TableRows,
    goals: TableRows,
    courses: TableRows,
    activities: TableRows,
    reflections: TableRows,
    tags: TableRows,
    postsecondary: TableRows,
    changes: TableRows,
    report: ImportReport,
}

impl Planned {
    fn new() -> Self {
        let table = |table, columns| TableRows { table, columns, rows: Vec::new() };
        Planned {
            interests: table("plan_interests", &["id", "student_id", "kind", "ref", "added_by", "added_at"]),
            goals: table("plan_goals", store::GOAL_ROW_COLUMNS),
            courses: table("plan_courses", courses::ROW_COLUMNS),
            activities: table("plan_activities", activities::ROW_COLUMNS),
            reflections: table("plan_reflections", reflections::ROW_COLUMNS),
            tags: table("plan_tags", tags::COLUMNS),
            postsecondary: table("plan_postsecondary", postsecondary::ROW_COLUMNS),
            changes: table("plan_changes", store::CHANGE_COLUMNS),
            report: ImportReport::default(),
        }
    }

    fn not_mapped(&mut self, key: &'static str, item: String, what: &str) {
        self.report.not_mapped.push(ReportLine::new(key, &[("item", &item), ("what", what)]));
    }
}

/// Known tags among `ids`; the others are reported as not mapped.
fn known_tags(planned: &mut Planned, item: &str, choices: &[tags::Choice], ids: &[String]) -> Vec<String> {
    let (known, unknown): (Vec<String>, Vec<String>) =
        ids.iter().cloned().partition(|id| choices.iter().any(|c| &c.id == id));
    for id in unknown {
        planned.not_mapped("plan-import-tag-dropped", item.to_string(), &id);
    }
    known
}

/// The interest `part` names, if this catalog has it: an occupation code without its O*NET
/// suffix maps to the `.00` occupation.
async fn mapped_interest(state: &AppState, part: &InterestPart) -> Result<Option<(InterestKind, String)>, AppError> {
    let Some(kind) = InterestKind::parse(&part.kind) else { return Ok(None) };
    let code = part.code.trim();
    Ok(match kind {
        InterestKind::Cluster => state.catalog.cluster(code).await?.map(|c| (kind, c.id)),
        InterestKind::Subcluster => state.catalog.subcluster(code).await?.map(|s| (kind, s.id)),
        InterestKind::Occupation => {
            let mut found = state.catalog.occupation(code).await?;
            if found.is_none() && !code.contains('.') {
                found = state.catalog.occupation(&format!("{code}.00")).await?;
            }
            found.map(|o| (kind, o.code))
        }
    })
}

/// Plans the file's courses: each checked like the plan's form, found in the student's
/// district's catalog by code or title; a course the catalog lacks is reported, not written.
async fn plan_courses(
    state: &AppState,
    student: UserId,
    file: &PlanFile,
    planned: &mut Planned,
    (actor, now): (UserId, OffsetDateTime),
) -> Result<(), AppError> {
    if file.courses.is_empty() {
        return Ok(());
    }
    let record = crate::orgs::store::student_record(&state.db, student).await?.ok_or(AppError::NotFound)?;
    let catalog = courses::catalog(&state.db, record.district_id.ok_or(AppError::NotFound)?).await?;
    let on_plan: HashSet<crate::ids::CourseId> =
        courses::of_student(&state.db, student).await?.into_iter().map(|c| c.course.course_id).collect();
    let mut added = HashSet::new();
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    for (n, part) in file.courses.iter().enumerate() {
        let item = format!("courses[{n}]");
        let form = fields(&[("grade", &part.grade.to_string()), ("status", &part.status)], &[]);
        let input = courses::checked(&form).map_err(|e| at_item(item.clone(), e))?;
        let code = part.code.as_deref().unwrap_or_default();
        let same_code =
            |c: &&courses::Course| !code.trim().is_empty() && c.code.as_deref().is_some_and(|mine| same(mine, code));
        let same_title = |c: &&courses::Course| same(&c.title, &part.title);
        // Code and title, else the title, else the code: codes are reused more than titles.
        let found = catalog.iter().find(|c| same_code(c) && same_title(c));
        let Some(course) = found.or_else(|| catalog.iter().find(same_title)).or_else(|| catalog.iter().find(same_code))
        else {
            let named = match &part.code {
                Some(code) if !code.is_empty() => format!("{} ({code})", part.title),
                _ => part.title.clone(),
            };
            planned.not_mapped("plan-import-course-unknown", item, &named);
            continue;
        };
        if on_plan.contains(&course.course_id) || !added.insert(course.course_id) {
            continue;
        }
        planned.courses.rows.push(courses::row(
            crate::ids::PlanCourseId::random(),
            student,
            course.course_id,
            &input,
            (actor, now),
        ));
        let change = ChangeEntry {
            student,
            actor,
            action: "course_added",
            subject: course.label(),
            before: None,
            after: json(&input),
        };
        planned.changes.rows.push(change.row(now));
    }
    Ok(())
}

/// Plans the import of `file` into `student`'s plan, or refuses it.
async fn plan(
    state: &AppState,
    lang: Lang,
    student: UserId,
    file: &PlanFile,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<Planned, AppError> {
    if file.format != FORMAT {
        let message = format!("the file is {:?}, not a {FORMAT} file", file.format);
        return Err(AppError::bad_request("format", "error-field-plan-file-format", message));
    }
    if file.version != FORMAT_VERSION {
        let message = format!("the file is version {}; this Pathways reads version {FORMAT_VERSION}", file.version);
        return Err(AppError::bad_request("version", "error-field-plan-file-version", message));
    }
    let choices = Choices::load(&state.catalog, lang).await?;
    let mut planned = Planned::new();
    // Items keep the file's order: each is stamped a microsecond after the one before.
    let nth = |n: usize| now + time::Duration::microseconds(n as i64);
    let change = |action: &'static str, subject: String, after: Option<String>| {
        ChangeEntry { student, actor, action, subject, before: None, after }.row(now)
    };

    let on_plan: HashSet<(String, String)> =
        store::interests(&state.db, student).await?.into_iter().map(|i| (i.kind, i.code)).collect();
    let mut added = HashSet::new();
    for (n, part) in file.interests.iter().enumerate() {
        let Some((kind, code)) = mapped_interest(state, part).await? else {
            planned.not_mapped(
                "plan-import-interest-unknown",
                format!("interests[{n}]"),
                &format!("{} {}", part.kind, part.code),
            );
            continue;
        };
        let key = (kind.as_str().to_string(), code.clone());
        if on_plan.contains(&key) || !added.insert(key) {
            continue;
        }
        let id = PlanInterestId::random();
        planned.interests.rows.push(vec![
            Value::uuid(id.uuid()),
            Value::uuid(student.uuid()),
            Value::text(kind.as_str()),
            Value::text(&code),
            Value::uuid(actor.uuid()),
            Value::Time(nth(n)),
        ]);
        planned.changes.rows.push(change("interest_added", format!("{}:{code}", kind.as_str()), Some(code.clone())));
    }

    for (n, part) in file.goals.iter().enumerate() {
        let form = GoalForm {
            csrf: String::new(),
            kind: part.kind.clone(),
            title: part.title.clone(),
            benchmark: part.benchmark.clone(),
            target_date: part.target_date.clone().unwrap_or_default(),
            status: part.status.clone(),
            version: None,
        };
        let goal = checked_goal(&form).map_err(|e| at_item(format!("goals[{n}]"), e))?;
        planned.goals.rows.push(store::goal_row(PlanGoalId::random(), student, &goal, actor, nth(n)));
        planned.changes.rows.push(change("goal_added", goal.title.clone(), json(&goal)));
    }

    plan_courses(state, student, file, &mut planned, (actor, now)).await?;

    for (n, part) in file.activities.iter().enumerate() {
        let item = format!("activities[{n}]");
        let clusters = known_tags(&mut planned, &item, &choices.clusters, &part.clusters);
        let practices = known_tags(&mut planned, &item, &choices.practices, &part.practices);
        let hours = part.hours.map(|h| h.to_string()).unwrap_or_default();
        let form = fields(
            &[
                ("kind", &part.kind),
                ("title", &part.title),
                ("organization", &part.organization),
                ("description", &part.description),
                ("started_on", part.started_on.as_deref().unwrap_or_default()),
                ("ended_on", part.ended_on.as_deref().unwrap_or_default()),
                ("hours", &hours),
            ],
            &[("cluster", &clusters), ("practice", &practices)],
        );
        let input: ActivityInput = activities::checked(&form, &choices).map_err(|e| at_item(item, e))?;
        let id = uuid::Uuid::new_v4();
        planned.activities.rows.push(activities::row(id, student, &input, actor, nth(n)));
        planned.tags.rows.extend(input.tags.rows(id, student));
        planned.changes.rows.push(change("activity_added", input.title.clone(), json(&input)));
    }

    for (n, part) in file.reflections.iter().enumerate() {
        let item = format!("reflections[{n}]");
        let practices = known_tags(&mut planned, &item, &choices.practices, &part.practices);
        let prompt = if reflections::is_prompt(&part.prompt) {
            part.prompt.as_str()
        } else {
            planned.not_mapped("plan-import-prompt-unknown", item.clone(), &part.prompt);
            "free"
        };
        let form = fields(&[("prompt", prompt), ("body", &part.body)], &[("practice", &practices)]);
        let (prompt, body, tags) = reflections::checked(&form, &choices).map_err(|e| at_item(item.clone(), e))?;
        let written = part.written_at.as_deref().and_then(|at| OffsetDateTime::parse(at, &Rfc3339).ok());
        let id = uuid::Uuid::new_v4();
        planned.reflections.rows.push(reflections::row(id, student, &prompt, &body, written.unwrap_or(nth(n))));
        planned.tags.rows.extend(tags.rows(id, student));
        planned.changes.rows.push(change("reflection_added", prompt, None));
    }

    if let Some(part) = &file.postsecondary {
        let form = fields(&[("path", &part.path), ("details", &part.details)], &[]);
        let input = postsecondary::checked(&form).map_err(|e| at_item("postsecondary".into(), e))?;
        if postsecondary::of_student(&state.db, student).await?.version > 0 {
            planned.report.not_mapped.push(ReportLine::new("plan-import-postsecondary-kept", &[]));
        } else {
            planned.postsecondary.rows.push(postsecondary::row(student, &input, actor, now));
            let saved = Postsecondary::default();
            let entry =
                ChangeEntry::edit((student, actor), "postsecondary_changed", &input.path, &saved, &input.input());
            planned.changes.rows.push(entry.row(now));
        }
    }
    if !file.signoffs.is_empty() {
        planned.report.not_mapped.push(ReportLine::count("plan-import-signoffs-left", file.signoffs.len()));
    }
    let report = &mut planned.report.imported;
    report.push(ReportLine::count("plan-import-interests", planned.interests.rows.len()));
    report.push(ReportLine::count("plan-import-goals", planned.goals.rows.len()));
    report.push(ReportLine::count("plan-import-courses", planned.courses.rows.len()));
    report.push(ReportLine::count("plan-import-activities", planned.activities.rows.len()));
    report.push(ReportLine::count("plan-import-reflections", planned.reflections.rows.len()));
    report.push(ReportLine::count("plan-import-postsecondary", planned.postsecondary.rows.len()));
    Ok(planned)
}

/// Imports `file` into `student`'s plan: all of it that maps, in one transaction, or nothing.
pub async fn import(
    state: &AppState,
    lang: Lang,
    student: UserId,
    file: &PlanFile,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<ImportReport, AppError> {
    let planned = plan(state, lang, student, file, actor, now).await?;
    let tables = [
        (&planned.interests, "ON CONFLICT (student_id, kind, ref) DO NOTHING"),
        (&planned.goals, ""),
        (&planned.courses, "ON CONFLICT (student_id, course_id) DO NOTHING"),
        (&planned.activities, ""),
        (&planned.reflections, ""),
        (&planned.tags, ""),
        (&planned.postsecondary, "ON CONFLICT (student_id) DO NOTHING"),
        (&planned.changes, ""),
    ];
    with_pool!(&state.db, pool => {
        let mut tx = pool.begin().await?;
        for (TableRows { table, columns, rows }, suffix) in tables {
            BulkInsert::insert_rows(&mut *tx, table, columns, rows, suffix, &mut |_| ()).await?;
        }
        tx.commit().await
    })?;
    Ok(planned.report)
}

/// The whole plan of student `id`, for those the policy lets export it; the read is audited
/// as `action` on `resource` (a path under the student's).
pub(super) async fn read_whole(
    state: &AppState,
    ctx: &PageCtx,
    session: &SessionCtx,
    id: &str,
    action: Action,
    resource: &'static str,
) -> Result<(StudentRecord, PlanFile), AppError> {
    let id = student_id(id)?;
    let read = StudentRead { permission: Permission::ExportPlan(id), action, resource };
    let student = read.student(state, session, id).await?;
    let file = export(state, ctx.lang, &student).await?;
    Ok((student, file))
}

/// The plan as a JSON download.
pub async fn export_plan(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (student, file) = read_whole(&state, &ctx, &session, &id, Action::Export, "plan/export.json").await?;
    let headers = attachment("application/json", &student.file_name("plan", "json"));
    Ok(session.attach((headers, Json(file)).into_response()))
}

/// The largest plan file accepted: years of reflections fit many times over.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Reads the upload form: the plan file and the CSRF token.
async fn receive(request: Request, state: &AppState) -> Result<(Vec<u8>, String), AppError> {
    let mut form = Multipart::from_request(request, state)
        .await
        .map_err(|_| upload_problem("send the plan as multipart/form-data with the file in the field \"file\""))?;
    let (mut bytes, mut csrf) = (Vec::new(), String::new());
    while let Some(mut field) = form.next_field().await.map_err(broken_upload)? {
        match field.name().unwrap_or_default() {
            "file" => {
                while let Some(chunk) = field.chunk().await.map_err(broken_upload)? {
                    bytes.extend_from_slice(&chunk);
                }
            }
            "csrf" => csrf = small_text(&mut field).await?,
            _ => {}
        }
    }
    Ok((bytes, csrf))
}

/// The plan file in `bytes`, or what is wrong with it.
pub fn parse(bytes: &[u8]) -> Result<PlanFile, AppError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(upload_problem("choose a plan file (.json) exported from Pathways"));
    }
    serde_json::from_slice(text).map_err(|e| {
        let message = format!("the file is not a plan file: {e} (line {}, column {})", e.line(), e.column());
        AppError::bad_request("file", "error-field-plan-file", message)
    })
}

#[derive(Template)]
#[template(path = "plans/import_report.html")]
struct ReportPage {
    layout: Layout,
    student_id: UserId,
    imported: Vec<String>,
    not_mapped: Vec<String>,
}

/// Imports an uploaded plan file into the student's plan and shows the report.
pub async fn import_plan(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    policy::check(&state.db, session.user(), Permission::EditPlan(id)).await?;
    let (bytes, csrf) = receive(request, &state).await?;
    let editor = editor(&state, &session, id, &csrf).await?;
    let file = parse(&bytes)?;
    let report = import(&state, ctx.lang, id, &file, editor.id, OffsetDateTime::now_utc()).await?;
    audit_change(&state, &session, &editor, id, "plan: imported a plan file").await?;
    let page = ReportPage {
        layout: ctx.layout(ctx.lang.t("plan-import-title"), "home"),
        student_id: id,
        imported: report.imported.iter().map(|line| line.text(ctx.lang)).collect(),
        not_mapped: report.not_mapped.iter().map(|line| line.text(ctx.lang)).collect(),
    };
    Ok(session.attach(render(&page)?))
}
