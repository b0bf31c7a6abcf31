//! SQL for sessions.

use time::OffsetDateTime;

use crate::db::Db;
use crate::with_pool;

/// A session row.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub id: String,
    pub csrf_token: String,
    pub data: String,
}

pub async fn create_session(db: &Db, id: &str, csrf_token: &str, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    const SQL: &str =
        "INSERT INTO sessions (id, csrf_token, created_at, last_seen_at, data) VALUES ($1, $2, $3, $3, '{}')";
    with_pool!(db, pool => sqlx::query(SQL).bind(id).bind(csrf_token).bind(now).execute(pool).await.map(|_| ()))
}

/// The session with this id if it was seen after `fresh_since`; marks it seen `now`.
pub async fn touch_session(
    db: &Db,
    id: &str,
    fresh_since: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<Option<SessionRow>, sqlx::Error> {
    const SQL: &str = "UPDATE sessions SET last_seen_at = $3 WHERE id = $1 AND last_seen_at > $2
         RETURNING id, csrf_token, data";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(id).bind(fresh_since).bind(now).fetch_optional(pool).await)
}

pub async fn save_session_data(db: &Db, id: &str, data: &str) -> Result<(), sqlx::Error> {
    const SQL: &str = "UPDATE sessions SET data = $2 WHERE id = $1";
    with_pool!(db, pool => sqlx::query(SQL).bind(id).bind(data).execute(pool).await.map(|_| ()))
}

/// Removes sessions not seen since `before`; returns how many.
pub async fn delete_stale_sessions(db: &Db, before: OffsetDateTime) -> Result<u64, sqlx::Error> {
    const SQL: &str = "DELETE FROM sessions WHERE last_seen_at < $1";
    with_pool!(db, pool => sqlx::query(SQL).bind(before).execute(pool).await.map(|r| r.rows_affected()))
}
