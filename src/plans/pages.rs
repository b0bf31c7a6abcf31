//! The plan page of a student: career interests, goals and the history of changes; the
//! student and their counselors edit it, everyone who may see the student's record reads it.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use time::OffsetDateTime;

use super::activities::{self, Activity, ActivityFields};
use super::completeness::{self, Checklist};
use super::courses::{self, CoursePlan};
use super::diff;
use super::graduation;
use super::notes::{self, Note};
use super::postsecondary::{self, Postsecondary};
use super::reflections::{self, Reflection};
use super::signoffs::{self, SignOff};
use super::steps::{self, Step};
use super::store::{
    self, Change, GOAL_KINDS, GOAL_STATUSES, Goal, GoalInput, Interest, InterestKind, Saved, Versioned,
};
use super::tags::{self, Choice, Choices};
use super::templates;
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, NoteReach, Permission};
use crate::catalog::names::{self, Kind};
use crate::classroom::exposures::{self, ExposureView};
use crate::error::AppError;
use crate::i18n::{Arg, Lang};
use crate::ids::{PlanGoalId, PlanInterestId, UserId};
use crate::orgs::model::User;
use crate::orgs::store::{self as people, StudentRecord};
use crate::partners::plan::PlacementView;
use crate::web::{AppForm, FormFields, Layout, PageCtx, render};

const MAX_TITLE: usize = 200;
const MAX_BENCHMARK: usize = 1000;
const HISTORY_SHOWN: i64 = 20;

/// An interest as the plan shows it.
struct InterestView {
    id: PlanInterestId,
    kind: String,
    name: String,
    href: String,
}

/// A cluster and its sub-clusters, for choosing an interest (or a speaker's field).
pub struct ClusterChoice {
    pub id: String,
    pub name: String,
    pub subclusters: Vec<(String, String)>,
}

/// A next step, with whether this reader may mark it done.
struct StepView {
    step: Step,
    overdue: bool,
    can_complete: bool,
}

/// An activity with its tags named, and the values of its editor.
struct ActivityView {
    activity: Activity,
    clusters: Vec<Choice>,
    practices: Vec<Choice>,
    fields: ActivityFields,
}

struct ReflectionView {
    reflection: Reflection,
    practices: Vec<Choice>,
}

/// A Career Ready Practice and what on the plan gives evidence of it.
struct PracticeProgress {
    name: String,
    evidence: Vec<String>,
}

/// What the student does and reflects on, and the practices it shows.
struct Doing {
    activities: Vec<ActivityView>,
    work_based: Vec<ActivityView>,
    /// Placements through the district's partners.
    placements: Vec<PlacementView>,
    reflections: Vec<ReflectionView>,
    practices: Vec<PracticeProgress>,
    /// "Evidence for 4 of the 12 practices".
    summary: String,
    shown: usize,
}

impl Doing {
    async fn load(
        state: &AppState,
        lang: Lang,
        id: UserId,
        reads_reflections: bool,
        choices: &Choices,
    ) -> Result<Self, AppError> {
        let tags = tags::of_student(&state.db, id).await?;
        let (work_based, activities): (Vec<_>, Vec<_>) = activities::of_student(&state.db, id, &tags)
            .await?
            .into_iter()
            .enumerate()
            .map(|(n, activity)| ActivityView {
                clusters: Choices::named(&choices.clusters, &activity.tags.clusters),
                practices: Choices::named(&choices.practices, &activity.tags.practices),
                fields: ActivityFields::of(&activity, format!("activity-{}-", n + 1)),
                activity,
            })
            .partition(|view| view.activity.is_work_based());
        let reflections: Vec<ReflectionView> = match reads_reflections {
            true => reflections::of_student(&state.db, id, &tags).await?,
            false => Vec::new(),
        }
        .into_iter()
        .map(|reflection| ReflectionView {
            practices: Choices::named(&choices.practices, &reflection.tags.practices),
            reflection,
        })
        .collect();
        let mut practices = choices
            .practices
            .iter()
            .map(|practice| {
                let done = activities.iter().chain(&work_based).filter(|v| v.activity.tags.has_practice(&practice.id));
                let reflected = reflections.iter().filter(|v| v.reflection.tags.has_practice(&practice.id));
                let evidence = done.map(|v| v.activity.title.clone()).chain(reflected.map(|v| {
                    lang.t_args("plan-reflection-of", &[("date", v.reflection.created_at.date().to_string().into())])
                }));
                PracticeProgress { name: practice.name.clone(), evidence: evidence.collect() }
            })
            .collect::<Vec<_>>();
        let (placements, evaluated) = crate::partners::plan::for_plan(&state.db, lang, id).await?;
        for evidence in evaluated {
            let named = choices.practices.iter().position(|p| p.id == evidence.practice_id);
            if let Some(progress) = named.and_then(|n| practices.get_mut(n)) {
                progress.evidence.push(evidence.text);
            }
        }
        let shown = practices.iter().filter(|p| !p.evidence.is_empty()).count();
        let summary = lang.t_args(
            "plan-practices-progress",
            &[("count", Arg::Num(shown as f64)), ("total", Arg::Num(practices.len() as f64))],
        );
        Ok(Doing { activities, work_based, placements, reflections, practices, summary, shown })
    }
}

/// One line of a version in the conflict view: a field's label and value.
pub(super) struct Line {
    pub label: String,
    pub value: String,
}

impl Line {
    pub fn new(label: String, value: impl Into<String>) -> Self {
        Line { label, value: value.into() }
    }
}

/// An edit someone tried to save over a newer version: both versions, and the form that
/// saves this editor's anyway.
pub(super) struct Conflict {
    /// Where the form posts.
    pub action: String,
    /// The version saved meanwhile, which this editor's save would now replace.
    pub version: i64,
    pub saved: Vec<Line>,
    pub yours: Vec<Line>,
    /// The fields that send this editor's version again.
    pub resend: Vec<(&'static str, String)>,
}

/// The editor of a versioned save, to answer them once it is done.
pub(super) struct Outcome<'a> {
    pub editor: &'a User,
    pub student: UserId,
    /// The audit log's words for the change.
    pub what: &'static str,
}

impl Outcome<'_> {
    /// Back to the plan when saved; the plan with both versions (409) on a conflict.
    pub async fn show<T>(
        self,
        state: &AppState,
        ctx: &PageCtx,
        session: SessionCtx,
        saved: Saved<T>,
        conflict: impl FnOnce(T) -> Conflict,
    ) -> Result<Response, AppError> {
        match saved {
            Saved::Saved => {
                audit_change(state, &session, self.editor, self.student, self.what).await?;
                Ok(back_to_plan(self.student))
            }
            Saved::Conflict(saved) => {
                let student = people::student_record(&state.db, self.student).await?.ok_or(AppError::NotFound)?;
                plan_page(state, ctx, session, student, Some(conflict(saved))).await
            }
            Saved::Missing => Err(AppError::NotFound),
        }
    }
}

#[derive(Template)]
#[template(path = "plans/plan.html")]
struct PlanPage {
    layout: Layout,
    student_id: UserId,
    student: StudentRecord,
    csrf: String,
    can_edit: bool,
    is_self: bool,
    interests: Vec<InterestView>,
    goals: Vec<Goal>,
    choices: Vec<ClusterChoice>,
    changes: Vec<Change>,
    /// The meeting notes this reader may read, and whether they may write one.
    notes: Vec<Note>,
    can_write_note: bool,
    /// The student or a guardian, who comment (always shared).
    can_comment: bool,
    /// Next steps, and who may own one.
    steps: Vec<StepView>,
    step_owners: Vec<&'static str>,
    /// This school year's sign-offs, and whether the reader may (still) sign.
    school_year: String,
    signoffs: Vec<SignOff>,
    can_sign: bool,
    conflict: Option<Conflict>,
    /// Activities, work-based learning, reflections and the practices they show.
    doing: Doing,
    tag_choices: Choices,
    new_activity: ActivityFields,
    activity_kinds: [&'static str; 9],
    /// The student, who writes reflections, and the prompts for their grade.
    can_reflect: bool,
    prompts: Vec<&'static str>,
    reads_reflections: bool,
    /// Whether the reader may download the whole plan.
    can_export: bool,
    postsecondary: Postsecondary,
    postsecondary_paths: [&'static str; 6],
    /// Courses by grade with the credit check, and the checklist of the district's template.
    course_plan: CoursePlan,
    course_statuses: [&'static str; 4],
    course_grades: Vec<i64>,
    /// The grade a new course goes in unless the editor picks another: the next one.
    new_course_grade: i64,
    checklist: Checklist,
    /// Careers the student met in class, from lessons their teachers recorded.
    exposures: Vec<ExposureView>,
    goal_kinds: [&'static str; 3],
    goal_statuses: [&'static str; 3],
}

pub(super) fn student_id(text: &str) -> Result<UserId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

/// The name (in `lang`) and page of what an interest points at, if the catalog has it.
pub(super) async fn interest_target(
    state: &AppState,
    lang: Lang,
    kind: &str,
    code: &str,
) -> Result<Option<(String, String)>, AppError> {
    Ok(match InterestKind::parse(kind) {
        Some(InterestKind::Cluster) => state
            .catalog
            .cluster(code)
            .await?
            .map(|c| (names::name(lang, Kind::Cluster, &c.id, &c.name), format!("/clusters/{}", c.id))),
        Some(InterestKind::Subcluster) => state
            .catalog
            .subcluster(code)
            .await?
            .map(|s| (names::name(lang, Kind::Subcluster, &s.id, &s.name), format!("/subclusters/{}", s.id))),
        Some(InterestKind::Occupation) => {
            state.catalog.occupation(code).await?.map(|o| (o.title, format!("/occupations/{}", o.code)))
        }
        None => None,
    })
}

async fn interest_views(state: &AppState, lang: Lang, interests: &[Interest]) -> Result<Vec<InterestView>, AppError> {
    let mut views = Vec::new();
    for interest in interests.iter().cloned() {
        if let Some((name, href)) = interest_target(state, lang, &interest.kind, &interest.code).await? {
            views.push(InterestView { id: interest.id, kind: interest.kind, name, href });
        }
    }
    Ok(views)
}

/// The plan's history, with interests named as the page names them and each edit's
/// changed fields.
async fn history(state: &AppState, lang: Lang, student: UserId, choices: &Choices) -> Result<Vec<Change>, AppError> {
    let mut changes = store::changes(&state.db, student, HISTORY_SHOWN).await?;
    for change in &mut changes {
        if let (Some(before), Some(after)) = (&change.before, &change.after) {
            change.diff = diff::lines(&change.action, before, after, lang, choices);
        }
        match change.action.as_str() {
            "reflection_added" => change.subject = lang.t(&format!("reflection-prompt-{}-text", change.subject)),
            "postsecondary_changed" => change.subject = lang.t(&format!("postsecondary-path-{}-name", change.subject)),
            _ => {}
        }
        if let Some((kind, code)) =
            change.action.starts_with("interest_").then(|| change.subject.split_once(':')).flatten()
            && let Some((name, _)) = interest_target(state, lang, kind, code).await?
        {
            change.subject = name;
        }
    }
    Ok(changes)
}

/// Every cluster with its sub-clusters, named in `lang`.
pub async fn cluster_choices(state: &AppState, lang: Lang) -> Result<Vec<ClusterChoice>, AppError> {
    let subclusters = state.catalog.subclusters(None).await?;
    let choices = state.catalog.clusters().await?.into_iter().map(|c| ClusterChoice {
        subclusters: subclusters
            .iter()
            .filter(|s| s.cluster_id == c.id)
            .map(|s| (s.id.clone(), names::name(lang, Kind::Subcluster, &s.id, &s.name)))
            .collect(),
        name: names::name(lang, Kind::Cluster, &c.id, &c.name),
        id: c.id,
    });
    Ok(choices.collect())
}

pub(super) async fn plan_page(
    state: &AppState,
    ctx: &PageCtx,
    session: SessionCtx,
    student: StudentRecord,
    conflict: Option<Conflict>,
) -> Result<Response, AppError> {
    let user = session.require_user()?;
    let id = student.id;
    let can_edit = policy::check(&state.db, Some(user), Permission::EditPlan(id)).await.is_ok();
    let reach = policy::note_reach(&state.db, user, id).await?;
    // Those who read every note are the student's counselors: the ones who write notes.
    let can_write_note = reach == NoteReach::All;
    let can_comment = policy::check(&state.db, Some(user), Permission::CommentOnPlan(id)).await.is_ok();
    let notes = notes::readable(&state.db, id, reach).await?;
    let today = OffsetDateTime::now_utc().date();
    let completion = policy::step_completion(&state.db, user, id).await?;
    let steps = steps::of_student(&state.db, id)
        .await?
        .into_iter()
        .map(|step| StepView { overdue: step.overdue(today), can_complete: completion.allows(step.owner_role), step })
        .collect();
    let school_year = signoffs::school_year(today);
    let signoffs = signoffs::of_year(&state.db, id, &school_year).await?;
    let signer = signoffs::signer_role(user).is_some()
        && policy::check(&state.db, Some(user), Permission::SignPlan(id)).await.is_ok();
    let signed = signoffs.iter().any(|s| s.signer_id == user.id);
    let can_reflect = policy::check(&state.db, Some(user), Permission::Reflect(id)).await.is_ok();
    // Reflections are read where shared notes are: not by teachers.
    let reads_reflections = reach != NoteReach::None;
    let tag_choices = Choices::load(&state.catalog, ctx.lang).await?;
    let doing = Doing::load(state, ctx.lang, id, reads_reflections, &tag_choices).await?;
    let name = format!("{} {}", student.given_name, student.family_name);
    let title = ctx.lang.t_args("plan-title", &[("name", name.as_str().into())]);
    let interests = store::interests(&state.db, id).await?;
    let district = student.district_id.ok_or(AppError::NotFound)?;
    let rules = graduation::rules(&state.db, district).await?;
    let codes: Vec<String> = interests.iter().map(|i| i.code.clone()).collect();
    let course_plan = CoursePlan::load(state, ctx.lang, &student, &codes, (&rules, can_edit)).await?;
    let template = templates::of_district(&state.db, district).await?;
    let facts = completeness::facts_of_student(&state.db, id).await?;
    let checklist = Checklist::new(&facts, &template, &rules, today, ctx.lang);
    let page = PlanPage {
        layout: ctx.layout(title, "home"),
        student_id: id,
        csrf: session.csrf_token().to_string(),
        can_edit,
        is_self: user.id == id,
        interests: interest_views(state, ctx.lang, &interests).await?,
        goals: store::goals(&state.db, id).await?,
        choices: if can_edit { cluster_choices(state, ctx.lang).await? } else { Vec::new() },
        changes: history(state, ctx.lang, id, &tag_choices).await?,
        notes,
        can_write_note,
        can_comment,
        can_sign: signer && !signed,
        steps,
        step_owners: steps::OWNERS.iter().map(|r| r.as_str()).collect(),
        school_year,
        signoffs,
        doing,
        tag_choices,
        new_activity: ActivityFields::blank("new-activity-"),
        activity_kinds: activities::KINDS,
        can_reflect,
        prompts: reflections::prompts_for(student.grade),
        reads_reflections,
        can_export: policy::check(&state.db, Some(user), Permission::ExportPlan(id)).await.is_ok(),
        postsecondary: postsecondary::of_student(&state.db, id).await?,
        postsecondary_paths: postsecondary::PATHS,
        course_plan,
        course_statuses: courses::STATUSES,
        course_grades: courses::GRADES.collect(),
        new_course_grade: student.grade.map_or(9, |g| (g + 1).min(12)),
        checklist,
        exposures: exposures::for_plan(&state.db, &state.catalog, ctx.lang, id, user.id == id).await?,
        goal_kinds: GOAL_KINDS,
        goal_statuses: GOAL_STATUSES,
        student,
        conflict,
    };
    let status = if page.conflict.is_some() { StatusCode::CONFLICT } else { StatusCode::OK };
    Ok(session.attach((status, render(&page)?).into_response()))
}

pub async fn show_plan(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let read = StudentRead { permission: Permission::ViewStudent(id), action: Action::ViewStudent, resource: "plan" };
    let student = read.student(&state, &session, id).await?;
    plan_page(&state, &ctx, session, student, None).await
}

/// A read of a student's record that the policy must allow, audited for staff (and for
/// anyone when it is an export of the whole record).
pub(super) struct StudentRead {
    pub permission: Permission,
    pub action: Action,
    /// The path under the student's plan page, or "plan" for the page itself.
    pub resource: &'static str,
}

impl StudentRead {
    pub async fn student(&self, state: &AppState, session: &SessionCtx, id: UserId) -> Result<StudentRecord, AppError> {
        policy::check(&state.db, session.user(), self.permission).await?;
        let user = session.require_user()?;
        let student = people::student_record(&state.db, id).await?.ok_or(AppError::NotFound)?;
        if user.role.is_staff() || self.action == Action::Export {
            let resource = format!("/students/{id}/{}", self.resource);
            let entry = Entry::by(user, self.action, &resource).student(id, student.district_id).from_ip(session.ip());
            audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?;
        }
        Ok(student)
    }
}

/// Who sends a form that needs `permission`, after the policy and CSRF checks.
pub(super) async fn acting(
    state: &AppState,
    session: &SessionCtx,
    permission: Permission,
    csrf: &str,
) -> Result<User, AppError> {
    policy::check(&state.db, session.user(), permission).await?;
    session.verify_csrf(csrf)?;
    Ok(session.require_user()?.clone())
}

/// The editor of `id`'s plan, after the policy and CSRF checks.
pub(super) async fn editor(state: &AppState, session: &SessionCtx, id: UserId, csrf: &str) -> Result<User, AppError> {
    acting(state, session, Permission::EditPlan(id), csrf).await
}

/// The student, their editor and the item of their plan a form acts on (a path of the
/// student's id and the item's), after the policy and CSRF checks.
pub(super) async fn editing<T: std::str::FromStr>(
    state: &AppState,
    session: &SessionCtx,
    (id, item): (String, String),
    form: &FormFields,
) -> Result<(UserId, User, T), AppError> {
    let id = student_id(&id)?;
    let editor = editor(state, session, id, form.get("csrf")).await?;
    let item = item.parse().map_err(|_| AppError::NotFound)?;
    Ok((id, editor, item))
}

pub(super) async fn audit_change(
    state: &AppState,
    session: &SessionCtx,
    editor: &User,
    id: UserId,
    what: &str,
) -> Result<(), AppError> {
    let resource = format!("/students/{id}/plan");
    // Editors are the student or a counselor of the same district (the policy checked it),
    // so the entry keeps the editor's district.
    let entry = Entry::by(editor, Action::Change, &resource).student(id, None).from_ip(session.ip()).detail(what);
    Ok(audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?)
}

/// The version of the record the editor loaded, sent back with their edit.
pub(super) fn form_version(form: &FormFields) -> Result<i64, AppError> {
    form.get("version").trim().parse::<i64>().map_err(|_| {
        AppError::bad_request("version", "error-field-plan-version", "reload the plan and make the change again")
    })
}

pub(super) fn back_to_plan(id: UserId) -> Response {
    Redirect::to(&format!("/students/{id}/plan")).into_response()
}

#[derive(Deserialize)]
pub struct InterestForm {
    #[serde(default)]
    csrf: String,
    /// `cluster:ID`, `subcluster:ID` or `occupation:CODE`.
    #[serde(default)]
    choice: String,
}

pub async fn add_interest(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    AppForm(form): AppForm<InterestForm>,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let editor = editor(&state, &session, id, &form.csrf).await?;
    let unknown = || {
        AppError::bad_request(
            "choice",
            "error-field-plan-interest",
            format!("{:?} is not in the framework", form.choice),
        )
    };
    let (kind, code) = form.choice.split_once(':').ok_or_else(unknown)?;
    let kind = InterestKind::parse(kind).ok_or_else(unknown)?;
    let exists = match kind {
        InterestKind::Cluster => state.catalog.cluster(code).await?.is_some(),
        InterestKind::Subcluster => state.catalog.subcluster(code).await?.is_some(),
        InterestKind::Occupation => state.catalog.occupation(code).await?.is_some(),
    };
    if !exists {
        return Err(unknown());
    }
    if store::add_interest(&state.db, id, kind, code, editor.id, OffsetDateTime::now_utc()).await? {
        audit_change(&state, &session, &editor, id, &format!("plan: added {} {code}", kind.as_str())).await?;
    }
    Ok(back_to_plan(id))
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    pub(super) csrf: String,
}

pub async fn remove_interest(
    State(state): State<AppState>,
    session: SessionCtx,
    Path((id, interest)): Path<(String, String)>,
    AppForm(form): AppForm<CsrfOnly>,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let editor = editor(&state, &session, id, &form.csrf).await?;
    let interest: PlanInterestId = interest.parse().map_err(|_| AppError::NotFound)?;
    // Removing what is already gone (a second click) just shows the plan.
    if store::remove_interest(&state.db, id, interest, editor.id, OffsetDateTime::now_utc()).await? {
        audit_change(&state, &session, &editor, id, "plan: removed an interest").await?;
    }
    Ok(back_to_plan(id))
}

#[derive(Deserialize)]
pub struct GoalForm {
    #[serde(default)]
    pub(super) csrf: String,
    #[serde(default)]
    pub(super) kind: String,
    #[serde(default)]
    pub(super) title: String,
    #[serde(default)]
    pub(super) benchmark: String,
    #[serde(default)]
    pub(super) target_date: String,
    #[serde(default)]
    pub(super) status: String,
    /// The version the editor loaded (edits only).
    pub(super) version: Option<String>,
}

/// The goal the form describes, or what is wrong with it.
/// A date typed in a form (YYYY-MM-DD, years 2000-2100), or none when left empty.
pub(super) fn optional_date(text: &str, field: &str, key: &'static str) -> Result<Option<time::Date>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    crate::web::iso_date(text)
        .map(Some)
        .ok_or_else(|| AppError::bad_request(field, key, format!("{text:?} is not a date (YYYY-MM-DD)")))
}

pub(super) fn checked_goal(form: &GoalForm) -> Result<GoalInput, AppError> {
    let title = form.title.trim();
    let benchmark = form.benchmark.trim();
    if !GOAL_KINDS.contains(&form.kind.as_str()) {
        return Err(AppError::bad_request("kind", "error-field-goal-kind", "choose academic, career or personal"));
    }
    if !GOAL_STATUSES.contains(&form.status.as_str()) {
        return Err(AppError::bad_request("status", "error-field-goal-status", "choose a status"));
    }
    if title.is_empty() || title.chars().count() > MAX_TITLE {
        return Err(AppError::bad_request(
            "title",
            "error-field-goal-title",
            "the goal needs a title of up to 200 characters",
        ));
    }
    if benchmark.is_empty() || benchmark.chars().count() > MAX_BENCHMARK {
        return Err(AppError::bad_request(
            "benchmark",
            "error-field-goal-benchmark",
            "say how you will know the goal is met, in up to 1,000 characters",
        ));
    }
    let target_date = optional_date(&form.target_date, "target_date", "error-field-goal-date")?;
    Ok(GoalInput {
        kind: form.kind.clone(),
        title: title.to_string(),
        benchmark: benchmark.to_string(),
        target_date,
        status: form.status.clone(),
    })
}

pub async fn add_goal(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    AppForm(form): AppForm<GoalForm>,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let editor = editor(&state, &session, id, &form.csrf).await?;
    let input = checked_goal(&form)?;
    store::add_goal(&state.db, id, &input, editor.id, OffsetDateTime::now_utc()).await?;
    audit_change(&state, &session, &editor, id, "plan: added a goal").await?;
    Ok(back_to_plan(id))
}

/// Saves an edited goal; when someone saved it since it was loaded, shows both versions
/// (409) and keeps what this editor typed.
pub async fn update_goal(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path((id, goal)): Path<(String, String)>,
    AppForm(form): AppForm<GoalForm>,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let editor = editor(&state, &session, id, &form.csrf).await?;
    let goal: PlanGoalId = goal.parse().map_err(|_| AppError::NotFound)?;
    let version = form.version.as_deref().and_then(|v| v.trim().parse::<i64>().ok()).ok_or_else(|| {
        AppError::bad_request("version", "error-field-goal-version", "reload the plan and edit the goal again")
    })?;
    let input = checked_goal(&form)?;
    let saved = store::update_goal(&state.db, id, goal, version, &input, editor.id, OffsetDateTime::now_utc()).await?;
    let conflict = |saved: Goal| Conflict {
        action: format!("/students/{id}/plan/goals/{goal}"),
        version: saved.version,
        saved: goal_lines(&saved.input(), ctx.lang),
        yours: goal_lines(&input, ctx.lang),
        resend: vec![
            ("kind", input.kind.clone()),
            ("title", input.title.clone()),
            ("benchmark", input.benchmark.clone()),
            ("status", input.status.clone()),
            ("target_date", input.target_date.map(|d| d.to_string()).unwrap_or_default()),
        ],
    };
    let outcome = Outcome { editor: &editor, student: id, what: "plan: changed a goal" };
    outcome.show(&state, &ctx, session, saved, conflict).await
}

fn goal_lines(goal: &GoalInput, lang: Lang) -> Vec<Line> {
    vec![
        Line::new(lang.t("plan-goal-title"), &goal.title),
        Line::new(lang.t("plan-goal-kind"), lang.t(&format!("goal-kind-{}-name", goal.kind))),
        Line::new(lang.t("plan-goal-status"), lang.t(&format!("goal-status-{}-name", goal.status))),
        Line::new(lang.t("plan-goal-date"), goal.target_date.map(|d| d.to_string()).unwrap_or_default()),
        Line::new(lang.t("plan-goal-benchmark"), &goal.benchmark),
    ]
}
