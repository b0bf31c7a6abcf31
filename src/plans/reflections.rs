//! Reflections: the student, in their own words, answers prompts chosen for their grade
//! (middle school explores, grades 9-10 connect, grades 11-12 decide), and tags the Career
//! Ready Practices a reflection gives evidence of. Reflections are a journal: written once,
//! read by those who read shared notes (the student, guardians, counselors, administrators),
//! never by teachers.

use axum::extract::{Path, State};
use axum::response::Response;
use time::OffsetDateTime;

use super::pages::{acting, audit_change, back_to_plan, student_id};
use super::store::{ChangeEntry, record_change};
use super::tags::{Choices, Tags, replace_tags};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::Permission;
use crate::db::Db;
use crate::db::batch::Value;
use crate::error::AppError;
use crate::ids::{PlanReflectionId, UserId};
use crate::web::{FormFields, PageCtx};
use crate::with_pool;

const MAX_BODY: usize = 4000;

/// Prompts by grade band; `free` is offered to everyone.
const PROMPTS: [(&str, std::ops::RangeInclusive<i64>); 10] = [
    ("enjoy", 6..=8),
    ("helped", 6..=8),
    ("explored", 6..=8),
    ("course", 9..=10),
    ("teamwork", 9..=10),
    ("challenge", 9..=12),
    ("work-based", 11..=12),
    ("after-school", 11..=12),
    ("practice", 9..=12),
    ("free", 6..=12),
];

/// The prompts offered to a student in `grade` (every prompt when the grade is unknown).
pub fn prompts_for(grade: Option<i64>) -> Vec<&'static str> {
    PROMPTS
        .iter()
        .filter(|(_, grades)| grade.is_none_or(|g| grades.contains(&g.clamp(6, 12))))
        .map(|(id, _)| *id)
        .collect()
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Reflection {
    pub id: PlanReflectionId,
    pub prompt: String,
    pub body: String,
    pub created_at: OffsetDateTime,
    #[sqlx(skip)]
    pub tags: Tags,
}

pub async fn of_student(
    db: &Db,
    student: UserId,
    tags: &std::collections::HashMap<uuid::Uuid, Tags>,
) -> Result<Vec<Reflection>, sqlx::Error> {
    const SQL: &str = "SELECT id, prompt, body, created_at FROM plan_reflections WHERE student_id = $1
         ORDER BY created_at DESC, id";
    let mut reflections: Vec<Reflection> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(student).fetch_all(pool).await)?;
    for reflection in &mut reflections {
        reflection.tags = tags.get(&reflection.id.uuid()).cloned().unwrap_or_default();
    }
    Ok(reflections)
}

pub async fn add(
    db: &Db,
    student: UserId,
    prompt: &str,
    body: &str,
    tags: &Tags,
    now: OffsetDateTime,
) -> Result<PlanReflectionId, sqlx::Error> {
    const SQL: &str = "INSERT INTO plan_reflections (id, student_id, prompt, body, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $2)";
    let id = PlanReflectionId::random();
    let change = ChangeEntry {
        student,
        actor: student,
        action: "reflection_added",
        subject: prompt.to_string(),
        before: None,
        after: None,
    };
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(SQL).bind(id).bind(student).bind(prompt).bind(body).bind(now).execute(&mut *tx).await?;
        replace_tags!(tx, id.uuid(), student, tags);
        record_change!(tx, &change, now);
        tx.commit().await?;
        Ok(id)
    })
}

pub fn is_prompt(prompt: &str) -> bool {
    PROMPTS.iter().any(|(p, _)| *p == prompt)
}

/// The prompt, the words and the tags of the reflection the form describes.
pub(super) fn checked(form: &FormFields, choices: &Choices) -> Result<(String, String, Tags), AppError> {
    let prompt = form.get("prompt");
    if !is_prompt(prompt) {
        return Err(AppError::bad_request("prompt", "error-field-reflection-prompt", "choose one of the prompts"));
    }
    let body = form.get("body").trim();
    if body.is_empty() || body.chars().count() > MAX_BODY {
        return Err(AppError::bad_request(
            "body",
            "error-field-reflection-body",
            "write your reflection in up to 4,000 characters",
        ));
    }
    let tags = Tags::new(Vec::new(), form.all("practice"));
    if let Some(unknown) = Choices::unknown(&choices.practices, &tags.practices) {
        let message = format!("{unknown:?} is not a Career Ready Practice");
        return Err(AppError::bad_request("practice", "error-field-activity-tags", message));
    }
    Ok((prompt.to_string(), body.to_string(), tags))
}

/// The columns of [`row`].
pub const ROW_COLUMNS: &[&str] = &["id", "student_id", "prompt", "body", "created_at", "created_by"];

/// A reflection as a row for bulk writes (its tags go to `plan_tags`).
pub fn row(id: uuid::Uuid, student: UserId, prompt: &str, body: &str, at: OffsetDateTime) -> Vec<Value> {
    vec![
        Value::uuid(id),
        Value::uuid(student.uuid()),
        Value::text(prompt),
        Value::text(body),
        Value::Time(at),
        Value::uuid(student.uuid()),
    ]
}

pub async fn add_reflection(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let student = acting(&state, &session, Permission::Reflect(id), form.get("csrf")).await?;
    let (prompt, body, tags) = checked(&form, &Choices::load(&state.catalog, ctx.lang).await?)?;
    add(&state.db, id, &prompt, &body, &tags, OffsetDateTime::now_utc()).await?;
    audit_change(&state, &session, &student, id, "plan: added a reflection").await?;
    Ok(back_to_plan(id))
}
