//! The postsecondary plan: what the student means to do after high school (work, the
//! military, a certificate, a two-year or four-year degree) and why, edited like goals; the
//! next steps toward it are the plan's next steps.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Serialize;
use time::OffsetDateTime;

use super::pages::{Conflict, Line, Outcome, editor, student_id};
use super::store::{ChangeEntry, Judged, Saved, Versioned, judge, lost_race, record_change};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::db::Db;
use crate::db::batch::Value;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::UserId;
use crate::web::{FormFields, PageCtx};
use crate::with_pool;

pub const PATHS: [&str; 6] = ["undecided", "workforce", "military", "certificate", "two_year", "four_year"];
const MAX_DETAILS: usize = 2000;

/// The plan as saved; version 0 until first saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Postsecondary {
    pub path: String,
    pub details: String,
    #[serde(skip)]
    pub version: i64,
}

impl Default for Postsecondary {
    fn default() -> Self {
        Postsecondary { path: "undecided".into(), details: String::new(), version: 0 }
    }
}

impl Versioned for Postsecondary {
    type Input = Postsecondary;
    fn version(&self) -> i64 {
        self.version
    }
    /// The input ignores the version: two saves of the same words are the same input.
    fn input(&self) -> Postsecondary {
        Postsecondary { version: 0, ..self.clone() }
    }
}

/// The columns of [`row`].
pub const ROW_COLUMNS: &[&str] = &["student_id", "path", "details", "version", "updated_at", "updated_by"];

/// A first saved plan as a row for bulk writes.
pub fn row(student: UserId, plan: &Postsecondary, actor: UserId, at: OffsetDateTime) -> Vec<Value> {
    vec![
        Value::uuid(student.uuid()),
        Value::text(&plan.path),
        Value::text(&plan.details),
        Value::Int(Some(1)),
        Value::Time(at),
        Value::uuid(actor.uuid()),
    ]
}

pub async fn of_student(db: &Db, student: UserId) -> Result<Postsecondary, sqlx::Error> {
    const SQL: &str = "SELECT path, details, version FROM plan_postsecondary WHERE student_id = $1";
    let saved: Option<Postsecondary> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(student).fetch_optional(pool).await)?;
    Ok(saved.unwrap_or_default())
}

/// Saves the plan if it is still at `version` (0: never saved).
pub async fn save(
    db: &Db,
    student: UserId,
    version: i64,
    input: &Postsecondary,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<Saved<Postsecondary>, sqlx::Error> {
    const INSERT: &str = "INSERT INTO plan_postsecondary (student_id, path, details, version, updated_at, updated_by)
         VALUES ($1, $2, $3, $6 + 1, $4, $5) ON CONFLICT (student_id) DO NOTHING";
    const UPDATE: &str = "UPDATE plan_postsecondary SET path = $2, details = $3, version = version + 1,
         updated_at = $4, updated_by = $5 WHERE student_id = $1 AND version = $6";
    let current = match judge(Some(of_student(db, student).await?), version, input) {
        Judged::Write(current) => current,
        Judged::Answer(saved) => return Ok(saved),
    };
    let change = ChangeEntry::edit((student, actor), "postsecondary_changed", &input.path, &current, input);
    let sql = if version == 0 { INSERT } else { UPDATE };
    let saved = with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let saved = sqlx::query(sql).bind(student).bind(&input.path).bind(&input.details).bind(now).bind(actor)
            .bind(version).execute(&mut *tx).await?.rows_affected() > 0;
        if saved {
            record_change!(tx, &change, now);
        }
        tx.commit().await?;
        Ok::<bool, sqlx::Error>(saved)
    })?;
    Ok(if saved { Saved::Saved } else { lost_race(Some(of_student(db, student).await?)) })
}

fn lines(plan: &Postsecondary, lang: Lang) -> Vec<Line> {
    vec![
        Line::new(lang.t("plan-postsecondary-path"), lang.t(&format!("postsecondary-path-{}-name", plan.path))),
        Line::new(lang.t("plan-postsecondary-details"), &plan.details),
    ]
}

/// The plan the form describes (at version 0: the version is the form's own field).
pub(super) fn checked(form: &FormFields) -> Result<Postsecondary, AppError> {
    let path = form.get("path");
    if !PATHS.contains(&path) {
        return Err(AppError::bad_request("path", "error-field-postsecondary-path", "choose one of the paths"));
    }
    let details = form.get("details").trim();
    if details.chars().count() > MAX_DETAILS {
        let message = "say what you plan in up to 2,000 characters";
        return Err(AppError::bad_request("details", "error-field-postsecondary-details", message));
    }
    Ok(Postsecondary { path: path.to_string(), details: details.to_string(), version: 0 })
}

pub async fn save_postsecondary(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let editor = editor(&state, &session, id, form.get("csrf")).await?;
    let version = form.get("version").trim().parse::<i64>().map_err(|_| {
        AppError::bad_request("version", "error-field-plan-version", "reload the plan and edit it again")
    })?;
    let input = checked(&form)?;
    let saved = save(&state.db, id, version, &input, editor.id, OffsetDateTime::now_utc()).await?;
    let conflict = |saved: Postsecondary| Conflict {
        action: format!("/students/{id}/plan/postsecondary"),
        version: saved.version,
        saved: lines(&saved, ctx.lang),
        yours: lines(&input, ctx.lang),
        resend: vec![("path", input.path.clone()), ("details", input.details.clone())],
    };
    let outcome = Outcome { editor: &editor, student: id, what: "plan: changed the postsecondary plan" };
    outcome.show(&state, &ctx, session, saved, conflict).await
}
