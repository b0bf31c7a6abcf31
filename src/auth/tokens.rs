//! API tokens with which a district's systems (a SIS's nightly roster push, a data
//! warehouse) call Pathways. A token belongs to one district, carries scopes, is shown once
//! when created and stored only as its SHA-256 hash, and can be revoked at any time.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use time::OffsetDateTime;

use super::session::{random_token, secret_hash};
use crate::app::AppState;
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{ApiTokenId, DistrictId, UserId};
use crate::with_pool;

/// The secret's prefix: lets secret scanners recognize a leaked token.
const PREFIX: &str = "pwt_";

/// What a token may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Read the district's roster: schools, people, classes.
    RosterRead,
    /// Import OneRoster sets into the district.
    RosterImport,
    /// Read the district's reports (suppressed aggregates, never a student's record).
    ReportsRead,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::RosterRead, Scope::RosterImport, Scope::ReportsRead];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::RosterRead => "roster:read",
            Scope::RosterImport => "roster:import",
            Scope::ReportsRead => "reports:read",
        }
    }

    pub fn parse(text: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.as_str() == text.trim())
    }
}

/// A token as lists show it (never the secret).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ApiToken {
    pub id: ApiTokenId,
    pub district_id: DistrictId,
    pub name: String,
    /// The secret's last characters, to tell tokens apart.
    pub hint: String,
    scopes: String,
    pub created_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

impl ApiToken {
    pub fn scopes(&self) -> Vec<Scope> {
        self.scopes.split_whitespace().filter_map(Scope::parse).collect()
    }

    pub fn scope_list(&self) -> String {
        self.scopes.split_whitespace().collect::<Vec<_>>().join(", ")
    }

    pub fn has(&self, scope: Scope) -> bool {
        self.scopes().contains(&scope)
    }
}

const COLUMNS: &str = "id, district_id, name, hint, scopes, created_at, last_used_at, revoked_at";

/// Creates a token; returns it with its secret, which is never shown again.
pub async fn create(
    db: &Db,
    district: DistrictId,
    name: &str,
    scopes: &[Scope],
    created_by: Option<UserId>,
    now: OffsetDateTime,
) -> Result<(ApiToken, String), sqlx::Error> {
    let secret = format!("{PREFIX}{}", random_token());
    let scopes = scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ");
    let token = ApiToken {
        id: ApiTokenId::random(),
        district_id: district,
        name: name.trim().to_string(),
        hint: secret[secret.len() - 4..].to_string(),
        scopes,
        created_at: now,
        last_used_at: None,
        revoked_at: None,
    };
    const SQL: &str = "INSERT INTO api_tokens (id, district_id, name, token_hash, hint, scopes, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    let t = &token;
    with_pool!(db, pool => sqlx::query(SQL).bind(t.id).bind(t.district_id).bind(&t.name).bind(secret_hash(&secret))
        .bind(&t.hint).bind(&t.scopes).bind(created_by).bind(now).execute(pool).await.map(|_| ()))?;
    Ok((token, secret))
}

/// The district's tokens, newest first.
pub async fn list(db: &Db, district: DistrictId) -> Result<Vec<ApiToken>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM api_tokens WHERE district_id = $1 ORDER BY created_at DESC, name");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(district).fetch_all(pool).await)
}

pub async fn find(db: &Db, id: ApiTokenId) -> Result<Option<ApiToken>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM api_tokens WHERE id = $1");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
}

/// Revokes the token (a no-op when it already is); false when there is no such token.
pub async fn revoke(db: &Db, id: ApiTokenId, now: OffsetDateTime) -> Result<bool, sqlx::Error> {
    const SQL: &str = "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1";
    with_pool!(db, pool => sqlx::query(SQL).bind(id).bind(now).execute(pool).await.map(|r| r.rows_affected() > 0))
}

/// The live token with this secret, marked as used `now`.
pub async fn authenticate(db: &Db, secret: &str, now: OffsetDateTime) -> Result<Option<ApiToken>, sqlx::Error> {
    if !secret.starts_with(PREFIX) || secret.len() > 200 {
        return Ok(None);
    }
    let sql = format!(
        "UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING {COLUMNS}"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(secret_hash(secret)).bind(now).fetch_optional(pool).await)
}

/// The token a request presents as `Authorization: Bearer …`, if it is live. Requests
/// without one (or with a revoked or unknown one) get `None`, and the policy refuses them.
pub struct Bearer(pub Option<ApiToken>);

impl FromRequestParts<AppState> for Bearer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let presented = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
            .map(str::trim);
        match presented {
            Some(secret) => Ok(Bearer(authenticate(&state.db, secret, OffsetDateTime::now_utc()).await?)),
            None => Ok(Bearer(None)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_round_trip_and_unknown_ones_are_dropped() {
        for scope in Scope::ALL {
            assert_eq!(Scope::parse(scope.as_str()), Some(scope));
        }
        assert_eq!(Scope::parse("roster:write"), None);
        let token = ApiToken {
            id: ApiTokenId::random(),
            district_id: DistrictId::random(),
            name: "SIS".into(),
            hint: "abcd".into(),
            scopes: "roster:import gradebook:write".into(),
            created_at: OffsetDateTime::UNIX_EPOCH,
            last_used_at: None,
            revoked_at: None,
        };
        assert_eq!(token.scopes(), vec![Scope::RosterImport]);
        assert!(token.has(Scope::RosterImport));
        assert!(!token.has(Scope::RosterRead));
    }
}
