//! Meeting notes on a student's plan: counselors write them after a meeting, either private
//! to the student's counselors or shared with the student and guardians; the student and
//! guardians comment, and their comments are shared. The policy
//! decides who reads which ([`policy::note_reach`]); notes stay out of the plan's history,
//! which everyone who sees the plan reads.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use time::OffsetDateTime;

use super::pages::{acting, audit_change, back_to_plan, student_id};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::{self, NoteReach, Permission};
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{PlanNoteId, UserId};
use crate::web::AppForm;
use crate::with_pool;

/// The longest note, in characters: a page of meeting notes.
const MAX_NOTE: usize = 4000;

/// A note as the plan shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Note {
    pub body: String,
    pub shared: bool,
    pub created_at: OffsetDateTime,
    pub author_name: Option<String>,
}

pub async fn add(
    db: &Db,
    student: UserId,
    author: UserId,
    body: &str,
    shared: bool,
    now: OffsetDateTime,
) -> Result<PlanNoteId, sqlx::Error> {
    let id = PlanNoteId::random();
    with_pool!(db, pool => {
        sqlx::query("INSERT INTO plan_notes (id, student_id, author_id, body, shared, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id).bind(student).bind(author).bind(body).bind(shared).bind(now)
            .execute(pool).await.map(|_| ())
    })?;
    Ok(id)
}

/// The notes on `student`'s plan that `reach` allows, newest first.
pub async fn readable(db: &Db, student: UserId, reach: NoteReach) -> Result<Vec<Note>, sqlx::Error> {
    let filter = match reach {
        NoteReach::None => return Ok(Vec::new()),
        NoteReach::Shared => " AND n.shared",
        NoteReach::All => "",
    };
    let sql = format!(
        "SELECT n.body, n.shared, n.created_at, u.given_name || ' ' || u.family_name AS author_name
         FROM plan_notes n LEFT JOIN users u ON u.id = n.author_id
         WHERE n.student_id = $1{filter} ORDER BY n.created_at DESC"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(student).fetch_all(pool).await)
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
    /// Present when the note is shared with the student and guardians.
    shared: Option<String>,
}

pub async fn add_note(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    AppForm(form): AppForm<NoteForm>,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    // Counselors write meeting notes, private or shared; the student and guardians comment,
    // and a comment is always shared.
    let counselor = policy::check(&state.db, session.user(), Permission::WriteNote(id)).await.is_ok();
    let permission = if counselor { Permission::WriteNote(id) } else { Permission::CommentOnPlan(id) };
    let author = acting(&state, &session, permission, &form.csrf).await?;
    let body = form.body.trim();
    if body.is_empty() || body.chars().count() > MAX_NOTE {
        return Err(AppError::bad_request(
            "body",
            "error-field-note-body",
            "write the note, in up to 4,000 characters",
        ));
    }
    let shared = form.shared.is_some() || !counselor;
    add(&state.db, id, author.id, body, shared, OffsetDateTime::now_utc()).await?;
    let what = if shared { "plan: added a shared note" } else { "plan: added a private note" };
    audit_change(&state, &session, &author, id, what).await?;
    Ok(back_to_plan(id))
}
