//! Sessions on the HTTP side: the `pathways_session` cookie (HttpOnly, SameSite=Lax, Secure
//! behind TLS), lazy creation when a page first needs to remember something, and the CSRF
//! check of posted forms.

use axum::extract::FromRequestParts;
use axum::http::HeaderValue;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::response::Response;
use time::{Duration, OffsetDateTime};

use super::store;
use crate::app::AppState;
use crate::error::AppError;

const COOKIE_NAME: &str = "pathways_session";
/// A session not used for this long is gone.
pub const IDLE_LIMIT: Duration = Duration::days(30);

/// A visitor's session.
#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub csrf_token: String,
    /// Free-form state of the session (e.g. Interest Profiler answers in progress).
    pub data: serde_json::Value,
}

/// The session of a request, if it has one, and what is needed to start one.
pub struct SessionCtx {
    state: AppState,
    current: Option<Session>,
    created: bool,
}

fn random_token() -> String {
    format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple())
}

fn cookie_value(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(&format!("{COOKIE_NAME}=")).map(str::to_string))
        .filter(|v| v.len() == 64 && v.chars().all(|c| c.is_ascii_hexdigit()))
}

impl FromRequestParts<AppState> for SessionCtx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let mut current = None;
        if let Some(id) = cookie_value(parts) {
            let now = OffsetDateTime::now_utc();
            if let Some(row) = store::touch_session(&state.db, &id, now - IDLE_LIMIT, now).await? {
                let data = serde_json::from_str(&row.data).unwrap_or_else(|_| serde_json::json!({}));
                current = Some(Session { id: row.id, csrf_token: row.csrf_token, data });
            }
        }
        Ok(Self { state: state.clone(), current, created: false })
    }
}

impl SessionCtx {
    pub fn current(&self) -> Option<&Session> {
        self.current.as_ref()
    }

    /// The session, started now if the visitor has none.
    pub async fn ensure(&mut self) -> Result<&Session, AppError> {
        if self.current.is_none() {
            let session = Session { id: random_token(), csrf_token: random_token(), data: serde_json::json!({}) };
            store::create_session(&self.state.db, &session.id, &session.csrf_token, OffsetDateTime::now_utc()).await?;
            self.current = Some(session);
            self.created = true;
        }
        Ok(self.current.as_ref().expect("set above"))
    }

    /// Saves the session's data.
    pub async fn save(&mut self, data: serde_json::Value) -> Result<(), AppError> {
        self.ensure().await?;
        let session = self.current.as_mut().expect("ensured");
        store::save_session_data(&self.state.db, &session.id, &data.to_string()).await?;
        session.data = data;
        Ok(())
    }

    /// The CSRF token for forms of this session ("" without a session).
    pub fn csrf_token(&self) -> &str {
        self.current.as_ref().map_or("", |s| s.csrf_token.as_str())
    }

    /// Accepts a posted form only with this session's CSRF token.
    pub fn verify_csrf(&self, token: &str) -> Result<(), AppError> {
        match &self.current {
            Some(session) if constant_time_eq(session.csrf_token.as_bytes(), token.as_bytes()) => Ok(()),
            _ => Err(AppError::Forbidden),
        }
    }

    /// Adds the session cookie to `response` when the session started with this request.
    pub fn attach(&self, mut response: Response) -> Response {
        if let (true, Some(session)) = (self.created, &self.current) {
            let secure = if self.state.config.resolved_public_url().starts_with("https://") { "; Secure" } else { "" };
            let cookie = format!(
                "{COOKIE_NAME}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
                session.id,
                IDLE_LIMIT.whole_seconds()
            );
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(SET_COOKIE, value);
            }
        }
        response
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_hex() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 64);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn token_comparison_needs_every_byte() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
