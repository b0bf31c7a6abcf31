//! How long a district keeps the records of students who left its roster: when a roster
//! import deactivates a student, `users.inactive_since` starts the clock, and once the
//! district's period has passed the record is anonymized (by `pathways retention apply`,
//! run daily from cron, or by an administrator from the retention page). Without a setting
//! nothing is anonymized on its own.

use time::{Date, Month, OffsetDateTime};

use crate::db::Db;
use crate::ids::{DistrictId, UserId};
use crate::orgs::model::User;
use crate::with_pool;

/// The longest period a district may set, in months (twenty years).
pub const MAX_MONTHS: i64 = 240;

/// The district's period in months, if it set one.
pub async fn months(db: &Db, district: DistrictId) -> Result<Option<i64>, sqlx::Error> {
    const SQL: &str = "SELECT anonymize_after_months FROM retention_settings WHERE district_id = $1";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(district).fetch_optional(pool).await)
}

/// Sets the district's period, or removes it (`None`: keep records until asked).
pub async fn set_months(db: &Db, district: DistrictId, months: Option<i64>) -> Result<(), sqlx::Error> {
    const UPSERT: &str = "INSERT INTO retention_settings (district_id, anonymize_after_months) VALUES ($1, $2)
        ON CONFLICT (district_id) DO UPDATE SET anonymize_after_months = excluded.anonymize_after_months";
    const DELETE: &str = "DELETE FROM retention_settings WHERE district_id = $1";
    with_pool!(db, pool => match months {
        Some(months) => sqlx::query(UPSERT).bind(district).bind(months).execute(pool).await.map(|_| ()),
        None => sqlx::query(DELETE).bind(district).execute(pool).await.map(|_| ()),
    })?;
    Ok(())
}

/// The moment `months` calendar months before `now` (the last day of a shorter month when
/// the day does not exist there).
pub fn months_before(now: OffsetDateTime, months: i64) -> OffsetDateTime {
    let index = i64::from(now.year()) * 12 + i64::from(u8::from(now.month())) - 1 - months;
    let (year, month) =
        (index.div_euclid(12) as i32, Month::try_from(index.rem_euclid(12) as u8 + 1).unwrap_or(Month::January));
    let day = now.day().min(month.length(year));
    match Date::from_calendar_date(year, month, day) {
        Ok(date) => now.replace_date(date),
        Err(_) => OffsetDateTime::UNIX_EPOCH,
    }
}

/// Students of the district who left the roster and are not anonymized yet, and of them
/// those past a period of `months` at `now` (none without a period).
pub async fn due(
    db: &Db,
    district: DistrictId,
    months: Option<i64>,
    now: OffsetDateTime,
) -> Result<(i64, Vec<UserId>), sqlx::Error> {
    const LEFT: &str = "SELECT COUNT(*) FROM users
        WHERE district_id = $1 AND role = 'student' AND NOT active AND anonymized_at IS NULL";
    const DUE: &str = "SELECT id FROM users WHERE district_id = $1 AND role = 'student' AND NOT active
        AND anonymized_at IS NULL AND inactive_since IS NOT NULL AND inactive_since < $2 ORDER BY inactive_since";
    let left: i64 = with_pool!(db, pool => sqlx::query_scalar(LEFT).bind(district).fetch_one(pool).await)?;
    let due = match months.map(|m| months_before(now, m)) {
        Some(cutoff) => {
            with_pool!(db, pool => sqlx::query_scalar(DUE).bind(district).bind(cutoff).fetch_all(pool).await)?
        }
        None => Vec::new(),
    };
    Ok((left, due))
}

/// Anonymizes the district's students past its period of `months`, each with an audit entry
/// naming who asked (`actor`, or nobody: the scheduled run). Returns how many.
pub async fn apply(
    db: &Db,
    district: DistrictId,
    months: i64,
    actor: Option<&User>,
    now: OffsetDateTime,
) -> Result<usize, sqlx::Error> {
    let (_, due) = due(db, district, Some(months), now).await?;
    let detail = format!("retention period of {months} months since the student left the roster");
    let mut done = 0;
    for student in due {
        if super::anonymize(db, student, now).await? {
            super::record_anonymized(db, actor, district, student, &detail, now).await?;
            done += 1;
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn months_are_counted_on_the_calendar() {
        assert_eq!(months_before(datetime!(2026-12-04 05:00 UTC), 12), datetime!(2025-12-04 05:00 UTC));
        assert_eq!(months_before(datetime!(2026-03-31 00:00 UTC), 1), datetime!(2026-02-28 00:00 UTC));
        assert_eq!(months_before(datetime!(2026-01-15 00:00 UTC), 1), datetime!(2025-12-15 00:00 UTC));
        assert_eq!(months_before(datetime!(2026-01-15 00:00 UTC), 240), datetime!(2006-01-15 00:00 UTC));
    }
}
