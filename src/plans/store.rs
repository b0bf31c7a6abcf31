//! SQL of the plan: career interests, goals (versioned for optimistic concurrency) and the
//! history of every change, each change written in the same transaction as its record.

use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::db::Db;
use crate::db::batch::Value;
use crate::ids::{PlanGoalId, PlanInterestId, UserId};
use crate::with_pool;

/// What a career interest points at in the framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InterestKind {
    Cluster,
    Subcluster,
    /// An O*NET-SOC occupation code.
    Occupation,
}

impl InterestKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InterestKind::Cluster => "cluster",
            InterestKind::Subcluster => "subcluster",
            InterestKind::Occupation => "occupation",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [InterestKind::Cluster, InterestKind::Subcluster, InterestKind::Occupation]
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// A career interest on a student's plan.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Interest {
    pub id: PlanInterestId,
    pub kind: String,
    /// The cluster or sub-cluster id, or the SOC code.
    #[sqlx(rename = "ref")]
    pub code: String,
    pub added_at: OffsetDateTime,
}

pub const GOAL_KINDS: [&str; 3] = ["academic", "career", "personal"];
pub const GOAL_STATUSES: [&str; 3] = ["not_started", "in_progress", "done"];

/// A goal with a measurable benchmark.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Goal {
    #[serde(skip)]
    pub id: PlanGoalId,
    pub kind: String,
    pub title: String,
    pub benchmark: String,
    #[serde(serialize_with = "date_text")]
    pub target_date: Option<Date>,
    pub status: String,
    #[serde(skip)]
    pub version: i64,
}

/// What someone typed for a goal, already checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalInput {
    pub kind: String,
    pub title: String,
    pub benchmark: String,
    #[serde(serialize_with = "date_text")]
    pub target_date: Option<Date>,
    pub status: String,
}

/// Dates in change records as ISO 8601 (`2027-06-15`).
pub(super) fn date_text<S: serde::Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.serialize_str(&date.to_string()),
        None => serializer.serialize_none(),
    }
}

impl Goal {
    /// The target date as the date field shows it ("" when none).
    pub fn target_date_text(&self) -> String {
        self.target_date.map(|d| d.to_string()).unwrap_or_default()
    }
}

/// One change of a plan, as the history shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Change {
    pub at: OffsetDateTime,
    pub actor_name: Option<String>,
    /// `interest_added`, `goal_changed`, `activity_removed`...
    pub action: String,
    /// What changed: the interest as `kind:code`, the goal's or activity's title.
    pub subject: String,
    /// The edited part before and after, as JSON (edits only).
    pub before: Option<String>,
    pub after: Option<String>,
    /// What the edit changed, field by field, as the history shows it.
    #[sqlx(skip)]
    pub diff: Vec<String>,
}

/// The outcome of saving an edited part of the plan.
#[derive(Debug)]
pub enum Saved<T> {
    Saved,
    /// Someone saved it since the editor loaded it: here is what they saved.
    Conflict(T),
    Missing,
}

/// A part of the plan edited with optimistic concurrency: it carries the version it was
/// loaded at, and the input an editor would type to produce it.
pub trait Versioned {
    type Input: PartialEq + Serialize;
    fn version(&self) -> i64;
    fn input(&self) -> Self::Input;
}

impl Versioned for Goal {
    type Input = GoalInput;
    fn version(&self) -> i64 {
        self.version
    }
    fn input(&self) -> GoalInput {
        GoalInput {
            kind: self.kind.clone(),
            title: self.title.clone(),
            benchmark: self.benchmark.clone(),
            target_date: self.target_date,
            status: self.status.clone(),
        }
    }
}

/// Whether an edit of a record at `version` is to be written, given the record as it is now.
pub(super) enum Judged<T> {
    /// Still at that version and changed: write it (here is the current record).
    Write(T),
    /// Nothing to write: the answer for the editor.
    Answer(Saved<T>),
}

pub(super) fn judge<T: Versioned>(current: Option<T>, version: i64, input: &T::Input) -> Judged<T> {
    match current {
        None => Judged::Answer(Saved::Missing),
        Some(current) if current.version() != version => Judged::Answer(Saved::Conflict(current)),
        Some(current) if current.input() == *input => Judged::Answer(Saved::Saved),
        Some(current) => Judged::Write(current),
    }
}

/// The answer after a write that found the row no longer at the version: someone saved it
/// between the read and the write, and `now` is what they saved.
pub(super) fn lost_race<T>(now: Option<T>) -> Saved<T> {
    now.map_or(Saved::Missing, Saved::Conflict)
}

const GOAL_COLUMNS: &str = "id, kind, title, benchmark, target_date, status, version";
pub(super) const RECORD_CHANGE: &str =
    "INSERT INTO plan_changes (id, student_id, at, actor_id, section, action, subject, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// A change to record beside the change itself.
pub(super) struct ChangeEntry<'a> {
    pub student: UserId,
    pub actor: UserId,
    /// `interest_added`, `goal_changed`, `activity_removed`...: the section of the plan,
    /// then what happened to it.
    pub action: &'a str,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl<'a> ChangeEntry<'a> {
    /// The change of an edit from `current` to `input`.
    pub fn edit<T: Versioned>(
        (student, actor): (UserId, UserId),
        action: &'a str,
        subject: &str,
        current: &T,
        input: &T::Input,
    ) -> Self {
        let before = json(&current.input());
        ChangeEntry { student, actor, action, subject: subject.to_string(), before, after: json(input) }
    }
}

macro_rules! record_change {
    ($tx:expr, $change:expr, $now:expr) => {{
        let c = $change;
        sqlx::query($crate::plans::store::RECORD_CHANGE)
            .bind(uuid::Uuid::new_v4())
            .bind(c.student)
            .bind($now)
            .bind(c.actor)
            .bind(c.action.split('_').next().unwrap_or_default())
            .bind(c.action)
            .bind(&c.subject)
            .bind(&c.before)
            .bind(&c.after)
            .execute(&mut *$tx)
            .await?;
    }};
}
pub(super) use record_change;

/// The columns of [`ChangeEntry::row`].
pub const CHANGE_COLUMNS: &[&str] =
    &["id", "student_id", "at", "actor_id", "section", "action", "subject", "before", "after"];

impl ChangeEntry<'_> {
    /// The change as a row for bulk writes.
    pub fn row(&self, at: OffsetDateTime) -> Vec<Value> {
        vec![
            Value::uuid(uuid::Uuid::new_v4()),
            Value::uuid(self.student.uuid()),
            Value::Time(at),
            Value::uuid(self.actor.uuid()),
            Value::text(self.action.split('_').next().unwrap_or_default()),
            Value::text(self.action),
            Value::text(&self.subject),
            Value::Text(self.before.clone()),
            Value::Text(self.after.clone()),
        ]
    }
}

/// The columns of [`goal_row`].
pub const GOAL_ROW_COLUMNS: &[&str] = &[
    "id",
    "student_id",
    "kind",
    "title",
    "benchmark",
    "target_date",
    "status",
    "version",
    "created_at",
    "updated_at",
    "updated_by",
];

/// A new goal as a row for bulk writes.
pub fn goal_row(id: PlanGoalId, student: UserId, goal: &GoalInput, actor: UserId, at: OffsetDateTime) -> Vec<Value> {
    vec![
        Value::uuid(id.uuid()),
        Value::uuid(student.uuid()),
        Value::text(&goal.kind),
        Value::text(&goal.title),
        Value::text(&goal.benchmark),
        Value::Date(goal.target_date),
        Value::text(&goal.status),
        Value::Int(Some(1)),
        Value::Time(at),
        Value::Time(at),
        Value::uuid(actor.uuid()),
    ]
}

pub(super) fn json(value: &impl Serialize) -> Option<String> {
    serde_json::to_string(value).ok()
}

pub async fn interests(db: &Db, student: UserId) -> Result<Vec<Interest>, sqlx::Error> {
    const SQL: &str = "SELECT id, kind, ref, added_at FROM plan_interests WHERE student_id = $1 ORDER BY added_at, id";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(student).fetch_all(pool).await)
}

/// Adds the interest unless the plan has it; true when added.
pub async fn add_interest(
    db: &Db,
    student: UserId,
    kind: InterestKind,
    code: &str,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "INSERT INTO plan_interests (id, student_id, kind, ref, added_by, added_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (student_id, kind, ref) DO NOTHING";
    let change = ChangeEntry {
        student,
        actor,
        action: "interest_added",
        subject: format!("{}:{code}", kind.as_str()),
        before: None,
        after: Some(code.to_string()),
    };
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let added = sqlx::query(SQL).bind(PlanInterestId::random()).bind(student).bind(kind.as_str()).bind(code)
            .bind(actor).bind(now).execute(&mut *tx).await?.rows_affected() > 0;
        if added {
            record_change!(tx, &change, now);
        }
        tx.commit().await?;
        Ok(added)
    })
}

/// Removes the interest from the plan; false when the plan has no such interest.
pub async fn remove_interest(
    db: &Db,
    student: UserId,
    id: PlanInterestId,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "DELETE FROM plan_interests WHERE id = $1 AND student_id = $2 RETURNING kind, ref";
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let removed: Option<(String, String)> = sqlx::query_as(SQL).bind(id).bind(student).fetch_optional(&mut *tx).await?;
        if let Some((kind, code)) = &removed {
            let change = ChangeEntry { student, actor, action: "interest_removed", subject: format!("{kind}:{code}"), before: None, after: None };
            record_change!(tx, &change, now);
        }
        tx.commit().await?;
        Ok(removed.is_some())
    })
}

pub async fn goals(db: &Db, student: UserId) -> Result<Vec<Goal>, sqlx::Error> {
    let sql = format!("SELECT {GOAL_COLUMNS} FROM plan_goals WHERE student_id = $1 ORDER BY created_at, id");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(student).fetch_all(pool).await)
}

pub async fn goal(db: &Db, student: UserId, id: PlanGoalId) -> Result<Option<Goal>, sqlx::Error> {
    let sql = format!("SELECT {GOAL_COLUMNS} FROM plan_goals WHERE id = $1 AND student_id = $2");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(id).bind(student).fetch_optional(pool).await)
}

pub async fn add_goal(
    db: &Db,
    student: UserId,
    input: &GoalInput,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<PlanGoalId, sqlx::Error> {
    const SQL: &str = "INSERT INTO plan_goals
         (id, student_id, kind, title, benchmark, target_date, status, version, created_at, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8, $9)";
    let id = PlanGoalId::random();
    let change = ChangeEntry {
        student,
        actor,
        action: "goal_added",
        subject: input.title.clone(),
        before: None,
        after: json(input),
    };
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(SQL).bind(id).bind(student).bind(&input.kind).bind(&input.title).bind(&input.benchmark)
            .bind(input.target_date).bind(&input.status).bind(now).bind(actor).execute(&mut *tx).await?;
        record_change!(tx, &change, now);
        tx.commit().await?;
        Ok(id)
    })
}

/// Saves the goal if it is still at `version` (nobody saved it since it was loaded).
pub async fn update_goal(
    db: &Db,
    student: UserId,
    id: PlanGoalId,
    version: i64,
    input: &GoalInput,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<Saved<Goal>, sqlx::Error> {
    const SQL: &str = "UPDATE plan_goals SET kind = $4, title = $5, benchmark = $6, target_date = $7, status = $8,
         version = version + 1, updated_at = $9, updated_by = $10
         WHERE id = $1 AND student_id = $2 AND version = $3";
    let current = match judge(goal(db, student, id).await?, version, input) {
        Judged::Write(current) => current,
        Judged::Answer(saved) => return Ok(saved),
    };
    let change = ChangeEntry::edit((student, actor), "goal_changed", &input.title, &current, input);
    let updated = with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let updated = sqlx::query(SQL).bind(id).bind(student).bind(version).bind(&input.kind).bind(&input.title)
            .bind(&input.benchmark).bind(input.target_date).bind(&input.status).bind(now).bind(actor)
            .execute(&mut *tx).await?.rows_affected() > 0;
        if updated {
            record_change!(tx, &change, now);
        }
        tx.commit().await?;
        Ok::<bool, sqlx::Error>(updated)
    })?;
    Ok(if updated { Saved::Saved } else { lost_race(goal(db, student, id).await?) })
}

/// The latest changes of the plan, newest first, with who made them.
pub async fn changes(db: &Db, student: UserId, limit: i64) -> Result<Vec<Change>, sqlx::Error> {
    const SQL: &str = "SELECT c.at, u.given_name || ' ' || u.family_name AS actor_name, c.action, c.subject,
         c.before, c.after FROM plan_changes c LEFT JOIN users u ON u.id = c.actor_id
         WHERE c.student_id = $1 ORDER BY c.at DESC, c.id LIMIT $2";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(student).bind(limit).fetch_all(pool).await)
}
