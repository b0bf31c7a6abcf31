//! The audit log: an append-only record of sign-ins, every staff read of a student's record,
//! every change and every export — who, when, what, which student, from where. The tables'
//! triggers refuse updates and deletes; a district admin searches it, and a student and
//! their guardians see who viewed the student's record.

pub mod pages;

use serde::Serialize;
use time::OffsetDateTime;

use crate::db::Db;
use crate::ids::{DistrictId, UserId};
use crate::orgs::model::User;
use crate::with_pool;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    SignIn,
    SignInFailed,
    SignOut,
    SignOutEverywhere,
    PasswordResetRequested,
    PasswordReset,
    ViewStudent,
    ViewClass,
    Change,
    Export,
    Import,
    Anonymize,
}

impl Action {
    pub const ALL: [Action; 12] = [
        Action::SignIn,
        Action::SignInFailed,
        Action::SignOut,
        Action::SignOutEverywhere,
        Action::PasswordResetRequested,
        Action::PasswordReset,
        Action::ViewStudent,
        Action::ViewClass,
        Action::Change,
        Action::Export,
        Action::Import,
        Action::Anonymize,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::SignIn => "sign_in",
            Action::SignInFailed => "sign_in_failed",
            Action::SignOut => "sign_out",
            Action::SignOutEverywhere => "sign_out_everywhere",
            Action::PasswordResetRequested => "password_reset_requested",
            Action::PasswordReset => "password_reset",
            Action::ViewStudent => "view_student",
            Action::ViewClass => "view_class",
            Action::Change => "change",
            Action::Export => "export",
            Action::Import => "import",
            Action::Anonymize => "anonymize",
        }
    }

    pub fn parse(text: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// One entry to append.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    pub actor: Option<&'a User>,
    pub action: Action,
    /// The district the entry belongs to (the actor's, or the student's).
    pub district: Option<DistrictId>,
    pub student: Option<UserId>,
    /// What was touched, e.g. `/students/…` or `roster import`.
    pub resource: &'a str,
    pub ip: Option<&'a str>,
    pub detail: Option<&'a str>,
}

impl<'a> Entry<'a> {
    /// An entry by `actor` in their district.
    pub fn by(actor: &'a User, action: Action, resource: &'a str) -> Self {
        Self {
            actor: Some(actor),
            action,
            district: actor.district_id,
            student: None,
            resource,
            ip: None,
            detail: None,
        }
    }

    /// An entry no signed-in person made (a failed sign-in, an API token, the command line).
    pub fn without_actor(action: Action, district: Option<DistrictId>, resource: &'a str) -> Self {
        Self { actor: None, action, district, student: None, resource, ip: None, detail: None }
    }

    pub fn student(mut self, student: UserId, district: Option<DistrictId>) -> Self {
        self.student = Some(student);
        if district.is_some() {
            self.district = district;
        }
        self
    }

    pub fn from_ip(mut self, ip: Option<&'a str>) -> Self {
        self.ip = ip;
        self
    }

    pub fn detail(mut self, detail: &'a str) -> Self {
        self.detail = Some(detail);
        self
    }
}

/// Appends `entry` at `now`.
pub async fn record(db: &Db, entry: &Entry<'_>, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    const SQL: &str =
        "INSERT INTO audit_log (id, at, district_id, actor_id, actor_role, action, student_id, resource, ip, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    let actor_id = entry.actor.map(|a| a.id);
    let actor_role = entry.actor.map(|a| a.role.as_str());
    with_pool!(db, pool => sqlx::query(SQL)
        .bind(uuid::Uuid::new_v4())
        .bind(now)
        .bind(entry.district)
        .bind(actor_id)
        .bind(actor_role)
        .bind(entry.action.as_str())
        .bind(entry.student)
        .bind(entry.resource)
        .bind(entry.ip)
        .bind(entry.detail)
        .execute(pool)
        .await
        .map(|_| ()))
}

/// An audit entry as pages show it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Row {
    pub at: OffsetDateTime,
    pub actor_name: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub student_name: Option<String>,
    pub resource: String,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

impl Row {
    pub fn at_iso(&self) -> String {
        self.at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
    }
}

/// What a district admin searches for.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// Part of the actor's or student's name or email.
    pub person: Option<String>,
    pub action: Option<Action>,
    pub since: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
}

const ROW_SELECT: &str = "SELECT l.at, a.given_name || ' ' || a.family_name AS actor_name, l.actor_role, l.action,
        s.given_name || ' ' || s.family_name AS student_name, l.resource, l.ip, l.detail
     FROM audit_log l LEFT JOIN users a ON a.id = l.actor_id LEFT JOIN users s ON s.id = l.student_id";

/// Entries of `district` matching `search`, newest first, at most `limit` from `offset`.
pub async fn search(
    db: &Db,
    district: DistrictId,
    search: &Search,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Row>, i64), sqlx::Error> {
    let person = search.person.as_ref().map(|p| format!("%{}%", p.to_lowercase()));
    let filter = "WHERE l.district_id = $1
           AND ($2 IS NULL OR LOWER(a.given_name || ' ' || a.family_name) LIKE $2 OR LOWER(COALESCE(a.email, '')) LIKE $2
                OR LOWER(s.given_name || ' ' || s.family_name) LIKE $2 OR LOWER(COALESCE(s.email, '')) LIKE $2)
           AND ($3 IS NULL OR l.action = $3)
           AND ($4 IS NULL OR l.at >= $4)
           AND ($5 IS NULL OR l.at < $5)";
    let rows_sql = format!("{ROW_SELECT} {filter} ORDER BY l.at DESC LIMIT $6 OFFSET $7");
    let count_sql = format!(
        "SELECT COUNT(*) FROM audit_log l LEFT JOIN users a ON a.id = l.actor_id LEFT JOIN users s ON s.id = l.student_id {filter}"
    );
    let action = search.action.map(Action::as_str);
    with_pool!(db, pool => {
        let rows = sqlx::query_as(&rows_sql)
            .bind(district).bind(&person).bind(action).bind(search.since).bind(search.until).bind(limit).bind(offset)
            .fetch_all(pool).await?;
        let total = sqlx::query_scalar(&count_sql)
            .bind(district).bind(&person).bind(action).bind(search.since).bind(search.until)
            .fetch_one(pool).await?;
        Ok((rows, total))
    })
}

/// Who viewed `student`'s record (staff reads), newest first.
pub async fn views_of(db: &Db, student: UserId, limit: i64) -> Result<Vec<Row>, sqlx::Error> {
    let sql = format!("{ROW_SELECT} WHERE l.student_id = $1 AND l.action = 'view_student' ORDER BY l.at DESC LIMIT $2");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(student).bind(limit).fetch_all(pool).await)
}
