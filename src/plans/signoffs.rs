//! Yearly sign-offs: each school year the student, a guardian and a counselor confirm the
//! plan, each with a timestamp. Signing again in the same year changes nothing.

use axum::extract::{Path, State};
use axum::response::Response;
use time::{Date, Month, OffsetDateTime};

use super::pages::{CsrfOnly, acting, audit_change, back_to_plan, student_id};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::Permission;
use crate::db::Db;
use crate::error::AppError;
use crate::ids::UserId;
use crate::orgs::model::{Role, User};
use crate::web::AppForm;
use crate::with_pool;

/// A sign-off as the plan shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SignOff {
    pub signer_id: UserId,
    pub signer_role: String,
    pub signer_name: String,
    pub signed_at: OffsetDateTime,
}

/// The school year a day belongs to, as "2026-27": years start on the first of July.
pub fn school_year(day: Date) -> String {
    let start = school_year_start(day).year();
    format!("{start}-{:02}", (start + 1) % 100)
}

/// The first of July that opens the school year of `day`.
pub fn school_year_start(day: Date) -> Date {
    let year = if day.month() >= Month::July { day.year() } else { day.year() - 1 };
    Date::from_calendar_date(year, Month::July, 1).unwrap_or(day)
}

/// The role a sign-off is made in: only students, guardians and counselors sign.
pub fn signer_role(user: &User) -> Option<&'static str> {
    match user.role {
        Role::Student => Some("student"),
        Role::Guardian => Some("guardian"),
        Role::Counselor => Some("counselor"),
        _ => None,
    }
}

pub async fn of_year(db: &Db, student: UserId, year: &str) -> Result<Vec<SignOff>, sqlx::Error> {
    const SQL: &str =
        "SELECT s.signer_id, s.signer_role, u.given_name || ' ' || u.family_name AS signer_name, s.signed_at
         FROM plan_signoffs s JOIN users u ON u.id = s.signer_id
         WHERE s.student_id = $1 AND s.school_year = $2 ORDER BY s.signed_at";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(student).bind(year).fetch_all(pool).await)
}

/// Every sign-off of the plan, oldest first: (school year, signer role, when).
pub async fn all(db: &Db, student: UserId) -> Result<Vec<(String, String, OffsetDateTime)>, sqlx::Error> {
    const SQL: &str = "SELECT school_year, signer_role, signed_at FROM plan_signoffs WHERE student_id = $1
         ORDER BY signed_at, signer_role";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(student).fetch_all(pool).await)
}

/// Records the sign-off; `false` when this signer had signed this year already.
async fn sign(db: &Db, student: UserId, signer: &User, role: &str, now: OffsetDateTime) -> Result<bool, sqlx::Error> {
    const SQL: &str = "INSERT INTO plan_signoffs (student_id, school_year, signer_id, signer_role, signed_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";
    let year = school_year(now.date());
    let done = with_pool!(db, pool => {
        sqlx::query(SQL).bind(student).bind(&year).bind(signer.id).bind(role).bind(now).execute(pool).await.map(|r| r.rows_affected())
    })?;
    Ok(done == 1)
}

pub async fn sign_off(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    AppForm(form): AppForm<CsrfOnly>,
) -> Result<Response, AppError> {
    let id = student_id(&id)?;
    let signer = acting(&state, &session, Permission::SignPlan(id), &form.csrf).await?;
    let role = signer_role(&signer).ok_or(AppError::Denied)?;
    let now = OffsetDateTime::now_utc();
    if sign(&state.db, id, &signer, role, now).await? {
        let what = format!("plan: signed off {} as {role}", school_year(now.date()));
        audit_change(&state, &session, &signer, id, &what).await?;
    }
    Ok(back_to_plan(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn school_years_start_in_july() {
        assert_eq!(school_year(date!(2026 - 06 - 30)), "2025-26");
        assert_eq!(school_year(date!(2026 - 07 - 01)), "2026-27");
        assert_eq!(school_year(date!(2099 - 12 - 01)), "2099-00");
    }
}
