//! Next steps on a student's plan: "visit the community college fair", "sign the work
//! permit", each owned by the student, their guardians, their counselors or their teachers,
//! with an optional due date. Those who edit the plan add steps; a step is marked done by
//! them or by its owners; every owner finds their open steps on their home page.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use time::{Date, OffsetDateTime};

use super::pages::{CsrfOnly, acting, audit_change, back_to_plan, editor, optional_date, student_id};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::db::Db;
use crate::db::batch::{BulkInsert, Value};
use crate::error::AppError;
use crate::ids::{PlanStepId, UserId};
use crate::orgs::model::{Role, User};
use crate::orgs::store::IN_CASELOAD;
use crate::web::AppForm;
use crate::with_pool;

const MAX_TITLE: usize = 200;

/// Who may own a step.
pub const OWNERS: [Role; 4] = [Role::Student, Role::Guardian, Role::Counselor, Role::Teacher];

/// A step as the plan shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Step {
    pub id: PlanStepId,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub owner_role: Role,
    pub due_on: Option<Date>,
    pub done_at: Option<OffsetDateTime>,
}

impl Step {
    pub fn overdue(&self, today: Date) -> bool {
        self.done_at.is_none() && self.due_on.is_some_and(|due| due < today)
    }
}

/// An open step on someone's home page, with whose plan it is on.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OwnStep {
    pub student_id: UserId,
    pub student_name: String,
    pub title: String,
    pub due_on: Option<Date>,
}

const STEP_COLUMNS: &str = "id, title, owner_role, due_on, done_at";

/// The steps of `student`'s plan: open ones first (soonest due first), then done ones.
pub async fn of_student(db: &Db, student: UserId) -> Result<Vec<Step>, sqlx::Error> {
    let sql = format!(
        "SELECT {STEP_COLUMNS} FROM plan_steps WHERE student_id = $1
         ORDER BY done_at IS NOT NULL, done_at DESC, due_on IS NULL, due_on, created_at"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(student).fetch_all(pool).await)
}

/// How many open steps a home page lists.
const HOME_STEPS: i64 = 50;

/// The open steps `user` owns: on their own plan (students), their children's plans
/// (guardians), their caseload's (counselors) or their students' (teachers).
pub async fn owned_by(db: &Db, user: &User) -> Result<Vec<OwnStep>, sqlx::Error> {
    let students: String = match user.role {
        Role::Student => "SELECT $1".into(),
        Role::Guardian => "SELECT student_id FROM guardianships WHERE guardian_id = $1".into(),
        Role::Counselor => format!("SELECT u.id FROM users u WHERE u.role = 'student' AND {IN_CASELOAD}"),
        Role::Teacher => {
            "SELECT s.user_id FROM enrollments t JOIN enrollments s ON s.class_id = t.class_id AND s.role = 'student'
             WHERE t.user_id = $1 AND t.role = 'teacher'"
                .into()
        }
        _ => return Ok(Vec::new()),
    };
    let sql = format!(
        "SELECT p.student_id, u.given_name || ' ' || u.family_name AS student_name, p.title, p.due_on
         FROM plan_steps p JOIN users u ON u.id = p.student_id
         WHERE p.owner_role = $2 AND p.done_at IS NULL AND u.active AND p.student_id IN ({students})
         ORDER BY p.due_on IS NULL, p.due_on, p.created_at LIMIT $3"
    );
    with_pool!(db, pool => {
        sqlx::query_as(&sql).bind(user.id).bind(user.role.as_str()).bind(HOME_STEPS).fetch_all(pool).await
    })
}

#[derive(Deserialize)]
pub struct StepForm {
    #[serde(default)]
    pub(super) csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due_on: String,
    /// For a whole grade of a caseload at once.
    #[serde(default)]
    pub(super) grade: String,
}

/// A step as typed, checked.
pub struct NewStep {
    pub title: String,
    pub owner: Role,
    pub due_on: Option<Date>,
}

impl StepForm {
    pub(super) fn checked(&self) -> Result<NewStep, AppError> {
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            return Err(AppError::bad_request(
                "title",
                "error-field-step-title",
                "name the step in up to 200 characters",
            ));
        }
        let owner = self.owner.parse::<Role>().ok().filter(|r| OWNERS.contains(r)).ok_or_else(|| {
            AppError::bad_request(
                "owner",
                "error-field-step-owner",
                "choose the student, a guardian, a counselor or a teacher",
            )
        })?;
        let due_on = optional_date(&self.due_on, "due_on", "error-field-step-date")?;
        Ok(NewStep { title: title.to_string(), owner, due_on })
    }
}

/// Puts `step` on the plan of each of `students`, in one transaction.
pub async fn insert(
    db: &Db,
    students: &[UserId],
    step: &NewStep,
    creator: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    const COLUMNS: &[&str] = &["id", "student_id", "title", "owner_role", "due_on", "created_by", "created_at"];
    let rows: Vec<Vec<Value>> = students
        .iter()
        .map(|student| {
            vec![
                Value::uuid(PlanStepId::random().uuid()),
                Value::uuid(student.uuid()),
                Value::text(&step.title),
                Value::text(step.owner.as_str()),
                Value::Date(step.due_on),
                Value::uuid(creator.uuid()),
                Value::Time(now),
            ]
        })
        .collect();
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        BulkInsert::insert_rows(&mut *tx, "plan_steps", COLUMNS, &rows, "", &mut |_| ()).await?;
        tx.commit().await
    })
}

pub async fn add_step(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    AppForm(form): AppForm<StepForm>,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let editor = editor(&state, &session, id, &form.csrf).await?;
    let step = form.checked()?;
    insert(&state.db, &[id], &step, editor.id, OffsetDateTime::now_utc()).await?;
    audit_change(&state, &session, &editor, id, &format!("plan: added a step for the {}", step.owner.as_str())).await?;
    Ok(back_to_plan(id))
}

/// Marks a step done (once; marking it again changes nothing).
pub async fn complete_step(
    State(state): State<AppState>,
    session: SessionCtx,
    Path((id, step)): Path<(String, String)>,
    AppForm(form): AppForm<CsrfOnly>,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let user = acting(&state, &session, Permission::ViewStudent(id), &form.csrf).await?;
    let step: PlanStepId = step.parse().map_err(|_| AppError::NotFound)?;
    let owner: Option<Role> = with_pool!(&state.db, pool => {
        sqlx::query_scalar::<_, String>("SELECT owner_role FROM plan_steps WHERE id = $1 AND student_id = $2")
            .bind(step).bind(id).fetch_optional(pool).await
    })?
    .and_then(|role| role.parse().ok());
    let owner = owner.ok_or(AppError::NotFound)?;
    if !policy::step_completion(&state.db, &user, id).await?.allows(owner) {
        return Err(AppError::Denied);
    }
    const SQL: &str =
        "UPDATE plan_steps SET done_at = $1, done_by = $2 WHERE id = $3 AND student_id = $4 AND done_at IS NULL";
    let changed = with_pool!(&state.db, pool => {
        sqlx::query(SQL).bind(OffsetDateTime::now_utc()).bind(user.id).bind(step).bind(id).execute(pool).await.map(|r| r.rows_affected())
    })?;
    if changed == 1 {
        audit_change(&state, &session, &user, id, "plan: marked a step done").await?;
    }
    Ok(back_to_plan(id))
}
