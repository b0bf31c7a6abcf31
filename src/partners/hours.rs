//! Hours on a placement: a student logs the time worked each day with what they did; the
//! site supervisor approves first, then the school coordinator. The district's limits keep
//! minors' working time lawful: no two entries of a student overlap, no day or week goes
//! past its maximum, and time during the school day is flagged for the coordinator.
//! A correction sends an entry back through both approvals and keeps what it said before.

use time::{Date, Duration, OffsetDateTime, Weekday};

use super::model::{clock, minutes_of_day};
use crate::db::Db;
use crate::i18n::{Arg, Lang};
use crate::ids::{ApplicationId, DistrictId, HourEntryChangeId, HourEntryId, UserId};
use crate::web::{FormFields, iso_date};
use crate::with_pool;

const MAX_DESCRIPTION: usize = 1000;

/// A district's limits on students' working time, and its school day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Limits {
    pub max_minutes_day: i64,
    pub max_minutes_week: i64,
    pub school_starts: i64,
    pub school_ends: i64,
}

impl Default for Limits {
    /// Eight hours a day, forty a week (the federal limits for 16- and 17-year-olds are
    /// none; districts set stricter ones for younger students), school from 8:00 to 15:00.
    fn default() -> Self {
        Limits { max_minutes_day: 8 * 60, max_minutes_week: 40 * 60, school_starts: 8 * 60, school_ends: 15 * 60 }
    }
}

pub async fn limits(db: &Db, district: DistrictId) -> Result<Limits, sqlx::Error> {
    const SQL: &str =
        "SELECT max_minutes_day, max_minutes_week, school_starts, school_ends FROM wbl_settings WHERE district_id = $1";
    let found: Option<Limits> = with_pool!(db, pool => sqlx::query_as(SQL).bind(district).fetch_optional(pool).await)?;
    Ok(found.unwrap_or_default())
}

pub async fn set_limits(db: &Db, district: DistrictId, limits: &Limits) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO wbl_settings (district_id, max_minutes_day, max_minutes_week, school_starts, school_ends)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (district_id) DO UPDATE SET max_minutes_day = excluded.max_minutes_day,
         max_minutes_week = excluded.max_minutes_week, school_starts = excluded.school_starts, school_ends = excluded.school_ends";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(district).bind(limits.max_minutes_day).bind(limits.max_minutes_week)
            .bind(limits.school_starts).bind(limits.school_ends).execute(pool).await.map(|_| ())
    })
}

/// Hours as a student typed them, checked for form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursInput {
    pub worked_on: Date,
    pub start: i64,
    pub end: i64,
    pub description: String,
}

impl HoursInput {
    fn minutes(&self) -> i64 {
        self.end - self.start
    }

    fn summary(&self) -> String {
        format!("{} {}–{}: {}", self.worked_on, clock(self.start), clock(self.end), self.description)
    }
}

/// Why hours were refused, in words that say what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The field could not be read.
    Unreadable(&'static str),
    EndsBeforeStart,
    InFuture,
    OutsidePlacement {
        starts_on: Date,
        ends_on: Date,
    },
    Overlaps {
        start: i64,
        end: i64,
    },
    DayLimit {
        logged: i64,
        limit: i64,
    },
    WeekLimit {
        logged: i64,
        limit: i64,
    },
}

/// Minutes as hours, with a decimal only when needed: "8", "2.5" ("2,5" in Spanish).
pub fn in_hours(lang: Lang, minutes: i64) -> String {
    lang.decimal(minutes as f64 / 60.0, if minutes % 60 == 0 { 0 } else { 1 })
}

impl Problem {
    /// The field the problem is with.
    pub fn field(&self) -> &'static str {
        match self {
            Problem::Unreadable(field) => field,
            Problem::EndsBeforeStart | Problem::Overlaps { .. } => "end",
            _ => "worked_on",
        }
    }

    /// What is wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Unreadable(field) => lang.t(&format!("hours-unreadable-{}", field.replace('_', "-"))),
            Problem::EndsBeforeStart => lang.t("hours-ends-before-start"),
            Problem::InFuture => lang.t("hours-in-future"),
            Problem::OutsidePlacement { starts_on, ends_on } => lang.t_args(
                "hours-outside-placement",
                &[("start", starts_on.to_string().into()), ("end", ends_on.to_string().into())],
            ),
            Problem::Overlaps { start, end } => {
                lang.t_args("hours-overlap", &[("start", clock(*start).into()), ("end", clock(*end).into())])
            }
            Problem::DayLimit { logged, limit } => lang.t_args(
                "hours-day-limit",
                &[("logged", in_hours(lang, *logged).into()), ("limit", in_hours(lang, *limit).into())],
            ),
            Problem::WeekLimit { logged, limit } => lang.t_args(
                "hours-week-limit",
                &[("logged", in_hours(lang, *logged).into()), ("limit", Arg::from(in_hours(lang, *limit)))],
            ),
        }
    }
}

/// Reads an hours form.
pub fn checked(form: &FormFields) -> Result<HoursInput, Problem> {
    let worked_on = iso_date(form.get("worked_on")).ok_or(Problem::Unreadable("worked_on"))?;
    let start = minutes_of_day(form.get("start")).ok_or(Problem::Unreadable("start"))?;
    let end = minutes_of_day(form.get("end")).ok_or(Problem::Unreadable("end"))?;
    if end <= start {
        return Err(Problem::EndsBeforeStart);
    }
    let description = form.get("description").trim().to_string();
    if description.is_empty() || description.chars().count() > MAX_DESCRIPTION {
        return Err(Problem::Unreadable("description"));
    }
    Ok(HoursInput { worked_on, start, end, description })
}

/// Whether hours on `day` from `start` to `end` fall in the school day.
pub fn during_school(limits: &Limits, day: Date, (start, end): (i64, i64)) -> bool {
    let weekday = !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
    weekday && start < limits.school_ends && end > limits.school_starts
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct HourEntry {
    pub id: HourEntryId,
    pub worked_on: Date,
    pub start_minute: i64,
    pub end_minute: i64,
    pub description: String,
    pub during_school: bool,
    pub status: String,
    pub note: String,
}

impl HourEntry {
    pub fn minutes(&self) -> i64 {
        self.end_minute - self.start_minute
    }

    pub fn span(&self) -> String {
        format!("{}–{}", clock(self.start_minute), clock(self.end_minute))
    }
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Change {
    pub entry_id: HourEntryId,
    pub at: OffsetDateTime,
    pub before: String,
    pub after: String,
}

pub async fn entries(db: &Db, application: ApplicationId) -> Result<Vec<HourEntry>, sqlx::Error> {
    const SQL: &str = "SELECT id, worked_on, start_minute, end_minute, description, during_school, status, note
         FROM hour_entries WHERE application_id = $1 ORDER BY worked_on DESC, start_minute DESC";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(application).fetch_all(pool).await)
}

pub async fn changes(db: &Db, application: ApplicationId) -> Result<Vec<Change>, sqlx::Error> {
    const SQL: &str = "SELECT c.entry_id, c.at, c.before, c.after FROM hour_entry_changes c
         JOIN hour_entries h ON h.id = c.entry_id WHERE h.application_id = $1 ORDER BY c.at";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(application).fetch_all(pool).await)
}

/// Where hours go: the placement, its student and dates, and the entry corrected (if any).
pub struct Target {
    pub application: ApplicationId,
    pub student: UserId,
    pub starts_on: Date,
    pub ends_on: Date,
    pub replacing: Option<HourEntryId>,
}

/// Logs (or corrects) hours after checking them against the placement's dates, the
/// student's other entries and `limits`, all in one transaction; `Ok(Err(_))` says why
/// nothing was written.
pub async fn log(
    db: &Db,
    target: &Target,
    input: &HoursInput,
    limits: &Limits,
    now: OffsetDateTime,
) -> Result<Result<HourEntryId, Problem>, sqlx::Error> {
    if input.worked_on > now.date() {
        return Ok(Err(Problem::InFuture));
    }
    if input.worked_on < target.starts_on || input.worked_on > target.ends_on {
        return Ok(Err(Problem::OutsidePlacement { starts_on: target.starts_on, ends_on: target.ends_on }));
    }
    const LOCK: &str = "UPDATE applications SET updated_at = updated_at WHERE id = $1";
    const SAME_DAY: &str =
        "SELECT id, start_minute, end_minute FROM hour_entries WHERE student_id = $1 AND worked_on = $2";
    const WEEK: &str = "SELECT id, end_minute - start_minute FROM hour_entries
         WHERE student_id = $1 AND worked_on >= $2 AND worked_on <= $3";
    let monday = input.worked_on - Duration::days(i64::from(input.worked_on.weekday().number_days_from_monday()));
    let flagged = during_school(limits, input.worked_on, (input.start, input.end));
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(LOCK).bind(target.application).execute(&mut *tx).await?;
        let day: Vec<(HourEntryId, i64, i64)> =
            sqlx::query_as(SAME_DAY).bind(target.student).bind(input.worked_on).fetch_all(&mut *tx).await?;
        let week: Vec<(HourEntryId, i64)> = sqlx::query_as(WEEK).bind(target.student).bind(monday)
            .bind(monday + Duration::days(6)).fetch_all(&mut *tx).await?;
        let others = |id: &HourEntryId| Some(*id) != target.replacing;
        if let Some((_, start, end)) = day.iter().find(|(id, s, e)| others(id) && *s < input.end && *e > input.start) {
            return Ok(Err(Problem::Overlaps { start: *start, end: *end }));
        }
        let logged_day: i64 = day.iter().filter(|(id, ..)| others(id)).map(|(_, s, e)| e - s).sum();
        if logged_day + input.minutes() > limits.max_minutes_day {
            return Ok(Err(Problem::DayLimit { logged: logged_day, limit: limits.max_minutes_day }));
        }
        let logged_week: i64 = week.iter().filter(|(id, _)| others(id)).map(|(_, m)| m).sum();
        if logged_week + input.minutes() > limits.max_minutes_week {
            return Ok(Err(Problem::WeekLimit { logged: logged_week, limit: limits.max_minutes_week }));
        }
        let id = match target.replacing {
            None => {
                let id = HourEntryId::random();
                sqlx::query("INSERT INTO hour_entries (id, application_id, student_id, worked_on, start_minute, end_minute,
                     description, during_school, status, note, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted', '', $9, $9)")
                    .bind(id).bind(target.application).bind(target.student).bind(input.worked_on).bind(input.start)
                    .bind(input.end).bind(&input.description).bind(flagged).bind(now).execute(&mut *tx).await?;
                id
            }
            Some(id) => {
                let before: Option<(Date, i64, i64, String)> = sqlx::query_as(
                    "SELECT worked_on, start_minute, end_minute, description FROM hour_entries
                     WHERE id = $1 AND application_id = $2 AND status <> 'approved'")
                    .bind(id).bind(target.application).fetch_optional(&mut *tx).await?;
                let Some((worked_on, start, end, description)) = before else {
                    return Ok(Err(Problem::Unreadable("entry")));
                };
                let before = HoursInput { worked_on, start, end, description }.summary();
                sqlx::query("UPDATE hour_entries SET worked_on = $2, start_minute = $3, end_minute = $4, description = $5,
                     during_school = $6, status = 'submitted', note = '', supervisor_id = NULL, supervisor_at = NULL,
                     coordinator_id = NULL, coordinator_at = NULL, updated_at = $7 WHERE id = $1")
                    .bind(id).bind(input.worked_on).bind(input.start).bind(input.end).bind(&input.description)
                    .bind(flagged).bind(now).execute(&mut *tx).await?;
                sqlx::query("INSERT INTO hour_entry_changes (id, entry_id, at, actor_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(HourEntryChangeId::random()).bind(id).bind(now).bind(target.student).bind(before)
                    .bind(input.summary()).execute(&mut *tx).await?;
                id
            }
        };
        tx.commit().await?;
        Ok(Ok(id))
    })
}

/// Who approves hours, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approver {
    /// The site supervisor: a partner's staff member.
    Supervisor,
    /// The school's coordinator: a counselor or administrator of the student.
    Coordinator,
}

/// Approves an entry at `approver`'s step; false when it is not waiting on that step.
pub async fn approve(
    db: &Db,
    (application, entry): (ApplicationId, HourEntryId),
    approver: Approver,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let sql = match approver {
        Approver::Supervisor => {
            "UPDATE hour_entries SET status = 'supervisor_approved', supervisor_id = $3, supervisor_at = $4, updated_at = $4
             WHERE id = $1 AND application_id = $2 AND status = 'submitted'"
        }
        Approver::Coordinator => {
            "UPDATE hour_entries SET status = 'approved', coordinator_id = $3, coordinator_at = $4, updated_at = $4
             WHERE id = $1 AND application_id = $2 AND status = 'supervisor_approved'"
        }
    };
    with_pool!(db, pool => {
        sqlx::query(sql).bind(entry).bind(application).bind(actor).bind(now).execute(pool).await
            .map(|r| r.rows_affected() == 1)
    })
}

/// Returns an entry to the student with a note; false when it was approved or returned already.
pub async fn send_back(
    db: &Db,
    (application, entry): (ApplicationId, HourEntryId),
    note: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "UPDATE hour_entries SET status = 'returned', note = $3, updated_at = $4
         WHERE id = $1 AND application_id = $2 AND status IN ('submitted', 'supervisor_approved')";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(entry).bind(application).bind(note).bind(now).execute(pool).await
            .map(|r| r.rows_affected() == 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn school_time_is_a_weekday_inside_the_school_day() {
        let limits = Limits::default();
        assert!(during_school(&limits, date!(2027 - 01 - 12), (14 * 60, 17 * 60)));
        assert!(!during_school(&limits, date!(2027 - 01 - 12), (15 * 60, 18 * 60)));
        assert!(!during_school(&limits, date!(2027 - 01 - 16), (9 * 60, 12 * 60)), "a Saturday");
    }

    #[test]
    fn hours_need_a_day_a_span_and_what_was_done() {
        let form = |pairs: &[(&str, &str)]| {
            FormFields::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
        };
        let ok = form(&[("worked_on", "2027-01-12"), ("start", "09:00"), ("end", "12:30"), ("description", "Rounds")]);
        assert_eq!(checked(&ok).unwrap().minutes(), 210);
        let backwards =
            form(&[("worked_on", "2027-01-12"), ("start", "12:00"), ("end", "09:00"), ("description", "Rounds")]);
        assert_eq!(checked(&backwards), Err(Problem::EndsBeforeStart));
        let blank = form(&[("worked_on", "2027-01-12"), ("start", "09:00"), ("end", "12:00"), ("description", " ")]);
        assert_eq!(checked(&blank), Err(Problem::Unreadable("description")));
        let no_day = form(&[("worked_on", "Tuesday"), ("start", "09:00"), ("end", "12:00"), ("description", "x")]);
        assert_eq!(checked(&no_day), Err(Problem::Unreadable("worked_on")));
    }
}
