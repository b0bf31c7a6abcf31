//! Activities on a student's plan: clubs, sports, the arts, volunteering, jobs, and
//! work-based learning (job shadows, internships, apprenticeships), each tagged with the
//! clusters it relates to and the Career Ready Practices it gives evidence of. Edited like
//! goals: versioned, every change in the plan's history.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Serialize;
use time::{Date, OffsetDateTime};

use super::pages::{
    Conflict, Line, Outcome, audit_change, back_to_plan, editing, editor, form_version, optional_date, student_id,
};
use super::store::{ChangeEntry, Judged, Saved, Versioned, date_text, json, judge, lost_race, record_change};
use super::tags::{self, Choices, Tags, replace_tags};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::db::Db;
use crate::db::batch::Value;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::{PlanActivityId, UserId};
use crate::web::{FormFields, PageCtx};
use crate::with_pool;

pub const KINDS: [&str; 9] =
    ["club", "sport", "arts", "volunteer", "job", "job_shadow", "internship", "apprenticeship", "other"];
/// The kinds that are work-based learning, listed apart on the plan.
pub const WORK_BASED: [&str; 3] = ["job_shadow", "internship", "apprenticeship"];

const MAX_TITLE: usize = 200;
const MAX_DESCRIPTION: usize = 2000;
/// More hours than a student spends on anything in six years of school.
const MAX_HOURS: i64 = 10_000;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Activity {
    pub id: PlanActivityId,
    pub kind: String,
    pub title: String,
    pub organization: String,
    pub description: String,
    pub started_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub hours: Option<i64>,
    pub version: i64,
    #[sqlx(skip)]
    pub tags: Tags,
}

impl Activity {
    pub fn is_work_based(&self) -> bool {
        WORK_BASED.contains(&self.kind.as_str())
    }
}

/// The values of an activity's editor: an activity's, or blank for a new one.
pub struct ActivityFields {
    /// Keeps the ids of several editors on one page apart.
    pub prefix: String,
    pub kind: String,
    pub title: String,
    pub organization: String,
    pub description: String,
    pub started_on: String,
    pub ended_on: String,
    pub hours: String,
    pub tags: Tags,
}

impl ActivityFields {
    pub fn of(activity: &Activity, prefix: String) -> Self {
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        ActivityFields {
            prefix,
            kind: activity.kind.clone(),
            title: activity.title.clone(),
            organization: activity.organization.clone(),
            description: activity.description.clone(),
            started_on: date(activity.started_on),
            ended_on: date(activity.ended_on),
            hours: activity.hours.map(|h| h.to_string()).unwrap_or_default(),
            tags: activity.tags.clone(),
        }
    }

    pub fn blank(prefix: &str) -> Self {
        ActivityFields {
            prefix: prefix.to_string(),
            kind: "club".into(),
            title: String::new(),
            organization: String::new(),
            description: String::new(),
            started_on: String::new(),
            ended_on: String::new(),
            hours: String::new(),
            tags: Tags::default(),
        }
    }
}

/// What someone typed for an activity, already checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActivityInput {
    pub kind: String,
    pub title: String,
    pub organization: String,
    pub description: String,
    #[serde(serialize_with = "date_text")]
    pub started_on: Option<Date>,
    #[serde(serialize_with = "date_text")]
    pub ended_on: Option<Date>,
    pub hours: Option<i64>,
    #[serde(flatten)]
    pub tags: Tags,
}

impl Versioned for Activity {
    type Input = ActivityInput;
    fn version(&self) -> i64 {
        self.version
    }
    fn input(&self) -> ActivityInput {
        ActivityInput {
            kind: self.kind.clone(),
            title: self.title.clone(),
            organization: self.organization.clone(),
            description: self.description.clone(),
            started_on: self.started_on,
            ended_on: self.ended_on,
            hours: self.hours,
            tags: self.tags.clone(),
        }
    }
}

/// The columns of [`row`].
pub const ROW_COLUMNS: &[&str] = &[
    "id",
    "student_id",
    "kind",
    "title",
    "organization",
    "description",
    "started_on",
    "ended_on",
    "hours",
    "version",
    "created_at",
    "updated_at",
    "updated_by",
];

/// A new activity as a row for bulk writes (its tags go to `plan_tags`).
pub fn row(id: uuid::Uuid, student: UserId, input: &ActivityInput, actor: UserId, at: OffsetDateTime) -> Vec<Value> {
    vec![
        Value::uuid(id),
        Value::uuid(student.uuid()),
        Value::text(&input.kind),
        Value::text(&input.title),
        Value::text(&input.organization),
        Value::text(&input.description),
        Value::Date(input.started_on),
        Value::Date(input.ended_on),
        Value::Int(input.hours),
        Value::Int(Some(1)),
        Value::Time(at),
        Value::Time(at),
        Value::uuid(actor.uuid()),
    ]
}

const COLUMNS: &str = "id, kind, title, organization, description, started_on, ended_on, hours, version";

/// The activities of `student`'s plan, oldest first, with their tags (taken from `tags`).
pub async fn of_student(
    db: &Db,
    student: UserId,
    tags: &std::collections::HashMap<uuid::Uuid, Tags>,
) -> Result<Vec<Activity>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM plan_activities WHERE student_id = $1 ORDER BY created_at, id");
    let mut activities: Vec<Activity> =
        with_pool!(db, pool => sqlx::query_as(&sql).bind(student).fetch_all(pool).await)?;
    for activity in &mut activities {
        activity.tags = tags.get(&activity.id.uuid()).cloned().unwrap_or_default();
    }
    Ok(activities)
}

pub async fn one(db: &Db, student: UserId, id: PlanActivityId) -> Result<Option<Activity>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM plan_activities WHERE id = $1 AND student_id = $2");
    let activity: Option<Activity> =
        with_pool!(db, pool => sqlx::query_as(&sql).bind(id).bind(student).fetch_optional(pool).await)?;
    let Some(mut activity) = activity else { return Ok(None) };
    activity.tags = tags::of_item(db, id.uuid()).await?;
    Ok(Some(activity))
}

pub async fn add(
    db: &Db,
    student: UserId,
    input: &ActivityInput,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<PlanActivityId, sqlx::Error> {
    const SQL: &str = "INSERT INTO plan_activities (id, student_id, kind, title, organization, description,
         started_on, ended_on, hours, version, created_at, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10, $11)";
    let id = PlanActivityId::random();
    let change = ChangeEntry {
        student,
        actor,
        action: "activity_added",
        subject: input.title.clone(),
        before: None,
        after: json(input),
    };
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(SQL).bind(id).bind(student).bind(&input.kind).bind(&input.title).bind(&input.organization)
            .bind(&input.description).bind(input.started_on).bind(input.ended_on).bind(input.hours).bind(now).bind(actor)
            .execute(&mut *tx).await?;
        replace_tags!(tx, id.uuid(), student, input.tags);
        record_change!(tx, &change, now);
        tx.commit().await?;
        Ok(id)
    })
}

/// Saves the activity if it is still at `version` (nobody saved it since it was loaded).
pub async fn update(
    db: &Db,
    student: UserId,
    id: PlanActivityId,
    version: i64,
    input: &ActivityInput,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<Saved<Activity>, sqlx::Error> {
    const SQL: &str = "UPDATE plan_activities SET kind = $4, title = $5, organization = $6, description = $7,
         started_on = $8, ended_on = $9, hours = $10, version = version + 1, updated_at = $11, updated_by = $12
         WHERE id = $1 AND student_id = $2 AND version = $3";
    let current = match judge(one(db, student, id).await?, version, input) {
        Judged::Write(current) => current,
        Judged::Answer(saved) => return Ok(saved),
    };
    let change = ChangeEntry::edit((student, actor), "activity_changed", &input.title, &current, input);
    let updated = with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let updated = sqlx::query(SQL).bind(id).bind(student).bind(version).bind(&input.kind).bind(&input.title)
            .bind(&input.organization).bind(&input.description).bind(input.started_on).bind(input.ended_on)
            .bind(input.hours).bind(now).bind(actor)
            .execute(&mut *tx).await?.rows_affected() > 0;
        if updated {
            replace_tags!(tx, id.uuid(), student, input.tags);
            record_change!(tx, &change, now);
        }
        tx.commit().await?;
        Ok::<bool, sqlx::Error>(updated)
    })?;
    Ok(if updated { Saved::Saved } else { lost_race(one(db, student, id).await?) })
}

/// Removes the activity and its tags; false when the plan has no such activity.
pub async fn remove(
    db: &Db,
    student: UserId,
    id: PlanActivityId,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "DELETE FROM plan_activities WHERE id = $1 AND student_id = $2 RETURNING title";
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let removed: Option<(String,)> = sqlx::query_as(SQL).bind(id).bind(student).fetch_optional(&mut *tx).await?;
        if let Some((title,)) = &removed {
            sqlx::query("DELETE FROM plan_tags WHERE item_id = $1").bind(id).execute(&mut *tx).await?;
            let change = ChangeEntry { student, actor, action: "activity_removed", subject: title.clone(), before: None, after: None };
            record_change!(tx, &change, now);
        }
        tx.commit().await?;
        Ok(removed.is_some())
    })
}

fn bad(field: &str, key: &'static str, message: &str) -> AppError {
    AppError::bad_request(field, key, message)
}

/// The text of `field`, trimmed, if it is at most `max` characters (and present when required).
fn text_field(
    form: &FormFields,
    field: &str,
    max: usize,
    required: bool,
    key: &'static str,
) -> Result<String, AppError> {
    let text = form.get(field).trim();
    if (required && text.is_empty()) || text.chars().count() > max {
        let need = if required { "is required and " } else { "" };
        return Err(bad(field, key, &format!("{field} {need}takes at most {max} characters")));
    }
    Ok(text.to_string())
}

/// The activity the form describes, or what is wrong with it.
pub(super) fn checked(form: &FormFields, choices: &Choices) -> Result<ActivityInput, AppError> {
    let kind = form.get("kind");
    if !KINDS.contains(&kind) {
        return Err(bad("kind", "error-field-activity-kind", "choose what kind of activity this is"));
    }
    let title = text_field(form, "title", MAX_TITLE, true, "error-field-activity-title")?;
    let organization = text_field(form, "organization", MAX_TITLE, false, "error-field-activity-organization")?;
    let description = text_field(form, "description", MAX_DESCRIPTION, false, "error-field-activity-description")?;
    let started_on = optional_date(form.get("started_on"), "started_on", "error-field-activity-dates")?;
    let ended_on = optional_date(form.get("ended_on"), "ended_on", "error-field-activity-dates")?;
    if let (Some(start), Some(end)) = (started_on, ended_on)
        && end < start
    {
        return Err(bad("ended_on", "error-field-activity-dates", "the activity cannot end before it starts"));
    }
    let hours = match form.get("hours").trim() {
        "" => None,
        text => Some(text.parse::<i64>().ok().filter(|h| (0..=MAX_HOURS).contains(h)).ok_or_else(|| {
            bad("hours", "error-field-activity-hours", "hours must be a whole number from 0 to 10,000")
        })?),
    };
    let tags = Tags::new(form.all("cluster"), form.all("practice"));
    if let Some(unknown) = Choices::unknown(&choices.clusters, &tags.clusters) {
        return Err(bad("cluster", "error-field-activity-tags", &format!("{unknown:?} is not a cluster")));
    }
    if let Some(unknown) = Choices::unknown(&choices.practices, &tags.practices) {
        return Err(bad(
            "practice",
            "error-field-activity-tags",
            &format!("{unknown:?} is not a Career Ready Practice"),
        ));
    }
    Ok(ActivityInput { kind: kind.to_string(), title, organization, description, started_on, ended_on, hours, tags })
}

/// The activity as lines for the conflict view.
fn lines(input: &ActivityInput, lang: Lang, choices: &Choices) -> Vec<Line> {
    let names = |list: &[tags::Choice], ids: &[String]| {
        Choices::named(list, ids).into_iter().map(|c| c.name).collect::<Vec<_>>().join("; ")
    };
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        Line::new(lang.t("plan-activity-title"), &input.title),
        Line::new(lang.t("plan-activity-kind"), lang.t(&format!("activity-kind-{}-name", input.kind))),
        Line::new(lang.t("plan-activity-organization"), &input.organization),
        Line::new(lang.t("plan-activity-started"), date(input.started_on)),
        Line::new(lang.t("plan-activity-ended"), date(input.ended_on)),
        Line::new(lang.t("plan-activity-hours"), input.hours.map(|h| h.to_string()).unwrap_or_default()),
        Line::new(lang.t("plan-activity-description"), &input.description),
        Line::new(lang.t("plan-tag-clusters"), names(&choices.clusters, &input.tags.clusters)),
        Line::new(lang.t("plan-tag-practices"), names(&choices.practices, &input.tags.practices)),
    ]
}

/// The form fields that send `input` again.
fn fields(input: &ActivityInput) -> Vec<(&'static str, String)> {
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut fields = vec![
        ("kind", input.kind.clone()),
        ("title", input.title.clone()),
        ("organization", input.organization.clone()),
        ("description", input.description.clone()),
        ("started_on", date(input.started_on)),
        ("ended_on", date(input.ended_on)),
        ("hours", input.hours.map(|h| h.to_string()).unwrap_or_default()),
    ];
    fields.extend(input.tags.clusters.iter().map(|c| ("cluster", c.clone())));
    fields.extend(input.tags.practices.iter().map(|p| ("practice", p.clone())));
    fields
}

pub async fn add_activity(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let editor = editor(&state, &session, id, form.get("csrf")).await?;
    let input = checked(&form, &Choices::load(&state.catalog, ctx.lang).await?)?;
    add(&state.db, id, &input, editor.id, OffsetDateTime::now_utc()).await?;
    audit_change(&state, &session, &editor, id, "plan: added an activity").await?;
    Ok(back_to_plan(id))
}

/// Saves an edited activity; when someone saved it since it was loaded, shows both versions
/// (409) and keeps what this editor typed.
pub async fn update_activity(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(path): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (id, editor, activity): (_, _, PlanActivityId) = editing(&state, &session, path, &form).await?;
    let version = form_version(&form)?;
    let choices = Choices::load(&state.catalog, ctx.lang).await?;
    let input = checked(&form, &choices)?;
    let saved = update(&state.db, id, activity, version, &input, editor.id, OffsetDateTime::now_utc()).await?;
    let conflict = |saved: Activity| Conflict {
        action: format!("/students/{id}/plan/activities/{activity}"),
        version: saved.version,
        saved: lines(&saved.input(), ctx.lang, &choices),
        yours: lines(&input, ctx.lang, &choices),
        resend: fields(&input),
    };
    let outcome = Outcome { editor: &editor, student: id, what: "plan: changed an activity" };
    outcome.show(&state, &ctx, session, saved, conflict).await
}

pub async fn remove_activity(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(path): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (id, editor, activity): (_, _, PlanActivityId) = editing(&state, &session, path, &form).await?;
    // Removing what is already gone (a second click) just shows the plan.
    if remove(&state.db, id, activity, editor.id, OffsetDateTime::now_utc()).await? {
        audit_change(&state, &session, &editor, id, "plan: removed an activity").await?;
    }
    Ok(back_to_plan(id))
}
