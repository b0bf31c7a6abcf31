//! SQL for sessions, sign-in failures, password resets and the outbox.

use time::OffsetDateTime;

use crate::db::Db;
use crate::ids::UserId;
use crate::with_pool;

/// A session row.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub id: String,
    pub csrf_token: String,
    pub data: String,
    pub user_id: Option<UserId>,
}

pub async fn create_session(
    db: &Db,
    id: &str,
    csrf_token: &str,
    user: Option<UserId>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO sessions (id, csrf_token, created_at, last_seen_at, data, user_id) VALUES ($1, $2, $3, $3, '{}', $4)";
    with_pool!(db, pool => sqlx::query(SQL).bind(id).bind(csrf_token).bind(now).bind(user).execute(pool).await.map(|_| ()))
}

/// How stale a session's "last seen" may get before a request records it again: recording
/// every request would make every page a write.
const SEEN_EVERY: time::Duration = time::Duration::minutes(5);

/// The session with this id if it was seen after `fresh_since`; marks it seen `now` unless
/// it was marked in the last few minutes.
pub async fn touch_session(
    db: &Db,
    id: &str,
    fresh_since: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<Option<SessionRow>, sqlx::Error> {
    const READ: &str =
        "SELECT id, csrf_token, data, user_id, last_seen_at FROM sessions WHERE id = $1 AND last_seen_at > $2";
    const MARK: &str = "UPDATE sessions SET last_seen_at = $2 WHERE id = $1";
    let found: Option<(String, String, String, Option<UserId>, OffsetDateTime)> =
        with_pool!(db, pool => sqlx::query_as(READ).bind(id).bind(fresh_since).fetch_optional(pool).await)?;
    let Some((id, csrf_token, data, user_id, seen)) = found else { return Ok(None) };
    if seen < now - SEEN_EVERY {
        with_pool!(db, pool => sqlx::query(MARK).bind(&id).bind(now).execute(pool).await.map(|_| ()))?;
    }
    Ok(Some(SessionRow { id, csrf_token, data, user_id }))
}

pub async fn save_session_data(db: &Db, id: &str, data: &str) -> Result<(), sqlx::Error> {
    const SQL: &str = "UPDATE sessions SET data = $2 WHERE id = $1";
    with_pool!(db, pool => sqlx::query(SQL).bind(id).bind(data).execute(pool).await.map(|_| ()))
}

/// Replaces session `old` by a new one for `user` (a new id defeats session fixation); what
/// the visitor did before signing in (profiler results, data) moves along.
pub async fn rotate_session(
    db: &Db,
    old: Option<&str>,
    new_id: &str,
    csrf_token: &str,
    user: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO sessions (id, csrf_token, created_at, last_seen_at, data, user_id) VALUES ($1, $2, $3, $3, '{}', $4)")
            .bind(new_id).bind(csrf_token).bind(now).bind(user).execute(&mut *tx).await?;
        if let Some(old) = old {
            sqlx::query("UPDATE sessions SET data = (SELECT data FROM sessions WHERE id = $1) WHERE id = $2")
                .bind(old).bind(new_id).execute(&mut *tx).await?;
            sqlx::query("UPDATE profiler_results SET session_id = $2 WHERE session_id = $1")
                .bind(old).bind(new_id).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM sessions WHERE id = $1").bind(old).execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}

pub async fn delete_session(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE profiler_results SET session_id = NULL WHERE session_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM sessions WHERE id = $1").bind(id).execute(&mut *tx).await?;
        tx.commit().await
    })
}

/// Signs a user out everywhere: every session of theirs is gone.
pub async fn delete_user_sessions(db: &Db, user: UserId) -> Result<u64, sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE profiler_results SET session_id = NULL WHERE session_id IN (SELECT id FROM sessions WHERE user_id = $1)")
            .bind(user).execute(&mut *tx).await?;
        let removed = sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user).execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        Ok(removed)
    })
}

/// Removes sessions not seen since `before`; returns how many.
pub async fn delete_stale_sessions(db: &Db, before: OffsetDateTime) -> Result<u64, sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE profiler_results SET session_id = NULL WHERE session_id IN (SELECT id FROM sessions WHERE last_seen_at < $1)")
            .bind(before).execute(&mut *tx).await?;
        let removed = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1").bind(before).execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        Ok(removed)
    })
}

// ---------------------------------------------------------------- throttling

pub async fn record_sign_in_failure(db: &Db, email: &str, at: OffsetDateTime) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => sqlx::query("INSERT INTO sign_in_failures (email, at) VALUES ($1, $2)").bind(email).bind(at).execute(pool).await.map(|_| ()))
}

pub async fn sign_in_failures_since(db: &Db, email: &str, since: OffsetDateTime) -> Result<i64, sqlx::Error> {
    const SQL: &str = "SELECT COUNT(*) FROM sign_in_failures WHERE email = $1 AND at > $2";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(email).bind(since).fetch_one(pool).await)
}

pub async fn clear_sign_in_failures(db: &Db, email: &str) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => sqlx::query("DELETE FROM sign_in_failures WHERE email = $1").bind(email).execute(pool).await.map(|_| ()))
}

// ---------------------------------------------------------------- password resets

/// A message for the outbox.
pub struct Message<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

pub async fn create_password_reset(
    db: &Db,
    token_hash: &str,
    user: UserId,
    expires_at: OffsetDateTime,
    message: &Message<'_>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)")
            .bind(token_hash).bind(user).bind(expires_at).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO outbox (id, to_email, subject, body, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(uuid::Uuid::new_v4()).bind(message.to).bind(message.subject).bind(message.body).bind(now)
            .execute(&mut *tx).await?;
        tx.commit().await
    })
}

/// The user of an unused, unexpired reset token.
pub async fn password_reset_user(
    db: &Db,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<UserId>, sqlx::Error> {
    const SQL: &str =
        "SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(token_hash).bind(now).fetch_optional(pool).await)
}

/// Uses a reset token: stores the new hash, spends the token and ends every session.
pub async fn complete_password_reset(
    db: &Db,
    token_hash: &str,
    user: UserId,
    password_hash: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let spent = sqlx::query("UPDATE password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2")
            .bind(token_hash).bind(now).execute(&mut *tx).await?.rows_affected();
        if spent != 1 {
            return Ok(false);
        }
        sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1").bind(user).bind(password_hash).execute(&mut *tx).await?;
        sqlx::query("UPDATE profiler_results SET session_id = NULL WHERE session_id IN (SELECT id FROM sessions WHERE user_id = $1)")
            .bind(user).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    })
}

/// Messages waiting in the outbox for `to_email`, newest first (there is no mail server).
pub async fn outbox_for(db: &Db, to_email: &str) -> Result<Vec<(String, String)>, sqlx::Error> {
    const SQL: &str = "SELECT subject, body FROM outbox WHERE to_email = $1 ORDER BY created_at DESC";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(to_email).fetch_all(pool).await)
}
