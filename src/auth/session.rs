//! Sessions on the HTTP side: the `pathways_session` cookie (HttpOnly, SameSite=Lax, Secure
//! behind TLS), loaded once per request by the `load` middleware with the signed-in user;
//! lazy creation when a page first needs to remember something; a new session id at
//! sign-in; and the CSRF check of posted forms.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::HeaderValue;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use time::{Duration, OffsetDateTime};

use super::store;
use crate::app::AppState;
use crate::error::AppError;
use crate::orgs::model::User;

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

/// What the `load` middleware found for a request: its session, signed-in user and the
/// address it came from.
#[derive(Clone, Debug, Default)]
pub struct RequestSession {
    pub session: Option<Session>,
    pub user: Option<User>,
    pub ip: Option<String>,
}

impl RequestSession {
    /// The signed-in person as the page header shows them.
    pub fn account(&self) -> Option<Account> {
        let (user, session) = (self.user.as_ref()?, self.session.as_ref()?);
        Some(Account {
            user_id: user.id,
            name: user.full_name(),
            role: user.role,
            csrf_token: session.csrf_token.clone(),
        })
    }
}

/// The signed-in person in the page header, with the token of its sign-out form.
#[derive(Clone, Debug)]
pub struct Account {
    pub user_id: crate::ids::UserId,
    pub name: String,
    pub role: crate::orgs::model::Role,
    pub csrf_token: String,
}

impl Account {
    /// Students get "add to my plan" buttons on career pages.
    pub fn is_student(&self) -> bool {
        self.role == crate::orgs::model::Role::Student
    }
}

/// A fresh secret: 64 hex digits (256 random bits), for session ids, CSRF tokens, reset
/// links, API tokens and the state of a sign-in through a provider.
pub fn random_token() -> String {
    format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple())
}

fn cookie_value(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(&format!("{COOKIE_NAME}=")).map(str::to_string))
        .filter(|v| v.len() == 64 && v.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Middleware: loads the request's session and user once, for every extractor after it.
pub async fn load(State(state): State<AppState>, mut request: Request, next: Next) -> Result<Response, AppError> {
    let ip = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip().to_string());
    let mut found = RequestSession { ip, ..RequestSession::default() };
    if let Some(id) = cookie_value(request.headers()) {
        let now = OffsetDateTime::now_utc();
        if let Some(row) = store::touch_session(&state.db, &id, now - IDLE_LIMIT, now).await? {
            let data = serde_json::from_str(&row.data).unwrap_or_else(|_| serde_json::json!({}));
            if let Some(user_id) = row.user_id {
                found.user = crate::orgs::store::user(&state.db, user_id).await?;
            }
            found.session = Some(Session { id: row.id, csrf_token: row.csrf_token, data });
        }
    }
    let account = found.account();
    request.extensions_mut().insert(found);
    let mut response = next.run(request).await;
    if let Some(account) = account {
        response.extensions_mut().insert(account);
    }
    Ok(response)
}

/// The session of a request and what is needed to start, change or end one.
pub struct SessionCtx {
    state: AppState,
    current: Option<Session>,
    user: Option<User>,
    ip: Option<String>,
    /// The cookie to send back: a new session id, or `Some(None)` to clear it.
    cookie: Option<Option<String>>,
}

impl FromRequestParts<AppState> for SessionCtx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let found = parts.extensions.get::<RequestSession>().cloned().unwrap_or_default();
        Ok(Self { state: state.clone(), current: found.session, user: found.user, ip: found.ip, cookie: None })
    }
}

impl SessionCtx {
    pub fn current(&self) -> Option<&Session> {
        self.current.as_ref()
    }

    /// The signed-in user, if any.
    pub fn user(&self) -> Option<&User> {
        self.user.as_ref()
    }

    /// The address the request came from, for the audit log.
    pub fn ip(&self) -> Option<&str> {
        self.ip.as_deref()
    }

    /// The signed-in user, or "sign in first".
    pub fn require_user(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or(AppError::SignInRequired)
    }

    /// The session, started now if the visitor has none.
    pub async fn ensure(&mut self) -> Result<&Session, AppError> {
        if self.current.is_none() {
            let session = Session { id: random_token(), csrf_token: random_token(), data: serde_json::json!({}) };
            store::create_session(&self.state.db, &session.id, &session.csrf_token, None, OffsetDateTime::now_utc())
                .await?;
            self.cookie = Some(Some(session.id.clone()));
            self.current = Some(session);
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

    /// Starts a signed-in session for `user` under a new id.
    pub async fn sign_in(&mut self, user: User) -> Result<(), AppError> {
        let (id, csrf) = (random_token(), random_token());
        let old = self.current.as_ref().map(|s| s.id.as_str());
        store::rotate_session(&self.state.db, old, &id, &csrf, user.id, OffsetDateTime::now_utc()).await?;
        let data = self.current.as_ref().map(|s| s.data.clone()).unwrap_or_else(|| serde_json::json!({}));
        self.current = Some(Session { id: id.clone(), csrf_token: csrf, data });
        self.user = Some(user);
        self.cookie = Some(Some(id));
        Ok(())
    }

    /// Ends this session.
    pub async fn sign_out(&mut self) -> Result<(), AppError> {
        if let Some(session) = self.current.take() {
            store::delete_session(&self.state.db, &session.id).await?;
        }
        self.user = None;
        self.cookie = Some(None);
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

    /// Adds the session cookie to `response` when the session started, changed or ended.
    pub fn attach(&self, mut response: Response) -> Response {
        let Some(cookie) = &self.cookie else { return response };
        let secure = if self.state.config.behind_tls() { "; Secure" } else { "" };
        let value = match cookie {
            Some(id) => format!(
                "{COOKIE_NAME}={id}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
                IDLE_LIMIT.whole_seconds()
            ),
            None => format!("{COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
        };
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(SET_COOKIE, value);
        }
        response
    }
}

/// How secrets are kept in the database: their SHA-256, in hex. They are long and random,
/// so no salt or slow hash is needed.
pub fn secret_hash(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(secret.as_bytes()))
}

/// Compares secrets without revealing, through timing, how much of them matched.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
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
    fn secrets_are_kept_as_their_sha256() {
        assert_eq!(secret_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_ne!(secret_hash("pwt_x"), secret_hash("pwt_y"));
    }

    #[test]
    fn token_comparison_needs_every_byte() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
