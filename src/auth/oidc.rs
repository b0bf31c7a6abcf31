//! Single sign-on with a district's OpenID Connect provider (Google, Microsoft, Clever,
//! ClassLink): the authorization code flow with PKCE (S256), `state` and `nonce` kept in
//! the visitor's session, the ID token's signature checked against the provider's published
//! keys, and the person matched to an active user of that district by email or roster id.

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::session::random_token;
use crate::db::Db;
use crate::ids::{DistrictId, IdentityProviderId};
use crate::orgs::model::User;
use crate::orgs::store::{self as people, UserKey};
use crate::with_pool;

/// The path the provider sends the browser back to.
pub const CALLBACK_PATH: &str = "/signin/oidc/callback";
/// Signature algorithms accepted on ID tokens (never `none` or a shared-secret HMAC).
const ACCEPTED_ALGORITHMS: [Algorithm; 6] =
    [Algorithm::RS256, Algorithm::RS384, Algorithm::RS512, Algorithm::PS256, Algorithm::ES256, Algorithm::ES384];
/// Clock difference tolerated between the provider and this server.
const LEEWAY_SECONDS: u64 = 60;

/// How a provider's account is matched to a Pathways user of the district.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchBy {
    /// The verified `email` claim equals the user's email.
    Email,
    /// A claim (by default `sub`) equals the user's roster sourcedId.
    RosterId,
}

impl MatchBy {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchBy::Email => "email",
            MatchBy::RosterId => "roster_id",
        }
    }
}

impl TryFrom<String> for MatchBy {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        match value.as_str() {
            "email" => Ok(MatchBy::Email),
            "roster_id" => Ok(MatchBy::RosterId),
            other => Err(format!("unknown match rule {other:?}")),
        }
    }
}

/// A district's OpenID Connect provider.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct IdentityProvider {
    pub id: IdentityProviderId,
    pub district_id: DistrictId,
    /// Shown on the sign-in button: "Google", "Clever".
    pub label: String,
    pub issuer: String,
    pub client_id: String,
    /// `None` for a public client, which proves itself with PKCE alone.
    pub client_secret: Option<String>,
    #[sqlx(try_from = "String")]
    pub match_by: MatchBy,
    /// The claim holding the roster id when matching by roster id.
    pub roster_claim: String,
}

/// A sign-in button: a provider and the district it belongs to.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SignInOption {
    pub id: IdentityProviderId,
    pub label: String,
    pub district_name: String,
}

const PROVIDER_COLUMNS: &str = "id, district_id, label, issuer, client_id, client_secret, match_by, roster_claim";

pub async fn sign_in_options(db: &Db) -> Result<Vec<SignInOption>, sqlx::Error> {
    const SQL: &str = "SELECT p.id, p.label, d.name AS district_name FROM identity_providers p
         JOIN districts d ON d.id = p.district_id ORDER BY d.name, p.label";
    with_pool!(db, pool => sqlx::query_as(SQL).fetch_all(pool).await)
}

pub async fn provider(db: &Db, id: IdentityProviderId) -> Result<Option<IdentityProvider>, sqlx::Error> {
    let sql = format!("SELECT {PROVIDER_COLUMNS} FROM identity_providers WHERE id = $1");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
}

pub async fn district_providers(db: &Db, district: DistrictId) -> Result<Vec<IdentityProvider>, sqlx::Error> {
    let sql = format!("SELECT {PROVIDER_COLUMNS} FROM identity_providers WHERE district_id = $1 ORDER BY label");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(district).fetch_all(pool).await)
}

/// Adds the provider, or replaces the district's provider with the same label.
pub async fn save_provider(db: &Db, provider: &IdentityProvider, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO identity_providers
         (id, district_id, label, issuer, client_id, client_secret, match_by, roster_claim, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (district_id, label) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id,
             client_secret = excluded.client_secret, match_by = excluded.match_by, roster_claim = excluded.roster_claim";
    let p = provider;
    with_pool!(db, pool => sqlx::query(SQL).bind(p.id).bind(p.district_id).bind(&p.label).bind(&p.issuer)
        .bind(&p.client_id).bind(&p.client_secret).bind(p.match_by.as_str()).bind(&p.roster_claim).bind(now)
        .execute(pool).await.map(|_| ()))
}

/// Removes the district's provider with this label; false when there was none.
pub async fn remove_provider(db: &Db, district: DistrictId, label: &str) -> Result<bool, sqlx::Error> {
    const SQL: &str = "DELETE FROM identity_providers WHERE district_id = $1 AND label = $2";
    with_pool!(db, pool => sqlx::query(SQL).bind(district).bind(label).execute(pool).await.map(|r| r.rows_affected() > 0))
}

/// Why a sign-in through a provider did not complete.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("the provider could not be reached: {0}")]
    Unreachable(String),
    #[error("the provider answered unexpectedly: {0}")]
    Protocol(String),
    #[error("the provider refused: {0}")]
    Refused(String),
    #[error("the ID token is not valid: {0}")]
    InvalidToken(String),
}

impl From<reqwest::Error> for OidcError {
    fn from(error: reqwest::Error) -> Self {
        if error.is_decode() {
            OidcError::Protocol(error.to_string())
        } else {
            OidcError::Unreachable(error.to_string())
        }
    }
}

/// The parts of the provider's discovery document the flow uses.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    #[serde(default)]
    pub userinfo_endpoint: Option<String>,
    #[serde(default)]
    pub code_challenge_methods_supported: Vec<String>,
}

/// Reads `{issuer}/.well-known/openid-configuration`.
pub async fn discover(http: &reqwest::Client, issuer: &str) -> Result<Discovery, OidcError> {
    let url = format!("{}/.well-known/openid-configuration", issuer.trim_end_matches('/'));
    let response = http.get(&url).send().await?;
    if !response.status().is_success() {
        return Err(OidcError::Protocol(format!("{url} answered {}", response.status())));
    }
    let discovery: Discovery = response.json().await?;
    if discovery.issuer.trim_end_matches('/') != issuer.trim_end_matches('/') {
        return Err(OidcError::Protocol(format!("{url} names the issuer {:?}", discovery.issuer)));
    }
    let methods = &discovery.code_challenge_methods_supported;
    if !methods.is_empty() && !methods.iter().any(|m| m == "S256") {
        return Err(OidcError::Protocol("the provider does not support PKCE with S256".into()));
    }
    Ok(discovery)
}

/// A sign-in in progress, kept in the visitor's session between leaving for the provider
/// and coming back.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Pending {
    pub provider: IdentityProviderId,
    pub state: String,
    pub nonce: String,
    pub verifier: String,
    pub next: String,
    /// The provider's endpoints as discovered when the sign-in started.
    pub discovery: Discovery,
}

/// The PKCE challenge of `verifier`: BASE64URL(SHA-256(verifier)), no padding.
pub fn code_challenge(verifier: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// Starts a sign-in: fresh state, nonce and PKCE verifier, and where to send the browser.
pub fn begin(
    provider: &IdentityProvider,
    discovery: &Discovery,
    redirect_uri: &str,
    next: &str,
) -> Result<(Pending, String), OidcError> {
    let pending = Pending {
        provider: provider.id,
        state: random_token(),
        nonce: random_token(),
        verifier: random_token(),
        next: next.to_string(),
        discovery: discovery.clone(),
    };
    let challenge = code_challenge(&pending.verifier);
    let params = [
        ("response_type", "code"),
        ("client_id", provider.client_id.as_str()),
        ("redirect_uri", redirect_uri),
        ("scope", "openid email profile"),
        ("state", pending.state.as_str()),
        ("nonce", pending.nonce.as_str()),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let url = reqwest::Url::parse_with_params(&discovery.authorization_endpoint, &params)
        .map_err(|e| OidcError::Protocol(format!("authorization endpoint: {e}")))?;
    Ok((pending, url.into()))
}

/// What the token endpoint hands over.
#[derive(Deserialize)]
pub struct Tokens {
    pub id_token: String,
    pub access_token: Option<String>,
}

#[derive(Deserialize)]
struct TokenResponse {
    id_token: Option<String>,
    access_token: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

/// Trades the authorization code (and the PKCE verifier) for an ID token and an access token.
pub async fn exchange_code(
    http: &reqwest::Client,
    provider: &IdentityProvider,
    discovery: &Discovery,
    code: &str,
    verifier: &str,
    redirect_uri: &str,
) -> Result<Tokens, OidcError> {
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect_uri),
        ("code_verifier", verifier),
    ];
    let mut request = http.post(&discovery.token_endpoint);
    match &provider.client_secret {
        Some(secret) => request = request.basic_auth(&provider.client_id, Some(secret)),
        None => form.push(("client_id", provider.client_id.as_str())),
    }
    let response = request.form(&form).send().await?;
    let status = response.status();
    let body: TokenResponse = response.json().await?;
    match (body.id_token, body.error) {
        (Some(id_token), None) if status.is_success() => Ok(Tokens { id_token, access_token: body.access_token }),
        (_, Some(error)) => Err(OidcError::Refused(format!("{error}: {}", body.error_description.unwrap_or_default()))),
        _ => Err(OidcError::Protocol(format!("the token endpoint answered {status} without an ID token"))),
    }
}

/// Checks the ID token's signature (with the provider's published keys), issuer, audience,
/// expiry and nonce; returns its claims.
pub async fn verify_id_token(
    http: &reqwest::Client,
    provider: &IdentityProvider,
    discovery: &Discovery,
    id_token: &str,
    nonce: &str,
) -> Result<Map<String, Value>, OidcError> {
    let invalid = |e: jsonwebtoken::errors::Error| OidcError::InvalidToken(e.to_string());
    let header = jsonwebtoken::decode_header(id_token).map_err(invalid)?;
    if !ACCEPTED_ALGORITHMS.contains(&header.alg) {
        return Err(OidcError::InvalidToken(format!("signed with {:?}, which is not accepted", header.alg)));
    }
    let keys: JwkSet = http.get(&discovery.jwks_uri).send().await?.json().await?;
    let jwk = match &header.kid {
        Some(kid) => keys.find(kid),
        None if keys.keys.len() == 1 => keys.keys.first(),
        None => None,
    }
    .ok_or_else(|| OidcError::InvalidToken("signed with a key the provider does not publish".into()))?;
    let key = DecodingKey::from_jwk(jwk).map_err(invalid)?;
    let mut validation = Validation::new(header.alg);
    validation.set_issuer(&[provider.issuer.trim_end_matches('/'), provider.issuer.as_str()]);
    validation.set_audience(&[provider.client_id.as_str()]);
    validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    validation.leeway = LEEWAY_SECONDS;
    let claims = jsonwebtoken::decode::<Map<String, Value>>(id_token, &key, &validation).map_err(invalid)?.claims;
    match claims.get("nonce").and_then(Value::as_str) {
        Some(found) if found == nonce => Ok(claims),
        _ => Err(OidcError::InvalidToken("the nonce does not match this sign-in".into())),
    }
}

/// Adds the claims of the provider's userinfo endpoint that the ID token left out (providers
/// may keep `email` there). The answer must be about the same subject.
pub async fn add_userinfo(
    http: &reqwest::Client,
    discovery: &Discovery,
    access_token: &str,
    claims: &mut Map<String, Value>,
) -> Result<(), OidcError> {
    let Some(endpoint) = &discovery.userinfo_endpoint else { return Ok(()) };
    let response = http.get(endpoint).bearer_auth(access_token).send().await?;
    if !response.status().is_success() {
        return Err(OidcError::Protocol(format!("the userinfo endpoint answered {}", response.status())));
    }
    let info: Map<String, Value> = response.json().await?;
    if info.get("sub") != claims.get("sub") {
        return Err(OidcError::InvalidToken("the userinfo answer is about another subject".into()));
    }
    for (name, value) in info {
        claims.entry(name).or_insert(value);
    }
    Ok(())
}

/// What the claims say about who signed in, for messages and the audit log.
pub fn identity_of(provider: &IdentityProvider, claims: &Map<String, Value>) -> Option<String> {
    let claim = match provider.match_by {
        MatchBy::Email => "email",
        MatchBy::RosterId => provider.roster_claim.as_str(),
    };
    match claims.get(claim)? {
        Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_string()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// Whether the provider vouches for the email: `true`, or the string "true" some send.
fn email_verified(claims: &Map<String, Value>) -> bool {
    match claims.get("email_verified") {
        Some(Value::Bool(verified)) => *verified,
        Some(Value::String(text)) => text.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// The active user of the provider's district the claims name, if any. Matching by email
/// needs an email the provider says it verified (`email_verified` true): providers that do
/// not verify emails (or do not say) are matched by roster id instead.
pub async fn matching_user(
    db: &Db,
    provider: &IdentityProvider,
    claims: &Map<String, Value>,
) -> Result<Option<User>, sqlx::Error> {
    let Some(identity) = identity_of(provider, claims) else { return Ok(None) };
    let key = match provider.match_by {
        MatchBy::Email if !email_verified(claims) => return Ok(None),
        MatchBy::Email => UserKey::Email(&identity),
        MatchBy::RosterId => UserKey::SourcedId(&identity),
    };
    people::find_in_district(db, provider.district_id, key).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provider(match_by: MatchBy) -> IdentityProvider {
        IdentityProvider {
            id: IdentityProviderId::random(),
            district_id: DistrictId::random(),
            label: "Google".into(),
            issuer: "https://accounts.example".into(),
            client_id: "pathways".into(),
            client_secret: None,
            match_by,
            roster_claim: "sub".into(),
        }
    }

    #[test]
    fn challenge_follows_rfc_7636() {
        // The example of RFC 7636, appendix B.
        assert_eq!(
            code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn authorization_url_carries_pkce_state_and_nonce() {
        let discovery = Discovery {
            issuer: "https://accounts.example".into(),
            authorization_endpoint: "https://accounts.example/auth?hd=district.example".into(),
            token_endpoint: "https://accounts.example/token".into(),
            jwks_uri: "https://accounts.example/jwks".into(),
            userinfo_endpoint: None,
            code_challenge_methods_supported: vec!["S256".into()],
        };
        let (pending, url) =
            begin(&provider(MatchBy::Email), &discovery, "https://pathways.example/signin/oidc/callback", "/home")
                .expect("valid endpoint");
        let url = reqwest::Url::parse(&url).expect("a URL");
        let query: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
        assert_eq!(query["hd"], "district.example", "the endpoint's own parameters stay");
        assert_eq!(query["code_challenge"], code_challenge(&pending.verifier));
        assert_eq!(query["code_challenge_method"], "S256");
        assert_eq!(query["state"], pending.state);
        assert_eq!(query["nonce"], pending.nonce);
        assert_eq!(query["redirect_uri"], "https://pathways.example/signin/oidc/callback");
        assert!(pending.verifier.len() >= 43, "RFC 7636 asks for at least 43 characters");
    }

    #[test]
    fn identity_comes_from_the_configured_claim() {
        let claims: Map<String, Value> =
            serde_json::from_str(r#"{"sub": "u-17", "email": " Ana@Example.org ", "employee_id": 4411}"#).unwrap();
        assert_eq!(identity_of(&provider(MatchBy::Email), &claims).as_deref(), Some("Ana@Example.org"));
        assert_eq!(identity_of(&provider(MatchBy::RosterId), &claims).as_deref(), Some("u-17"));
        let by_employee_id = IdentityProvider { roster_claim: "employee_id".into(), ..provider(MatchBy::RosterId) };
        assert_eq!(identity_of(&by_employee_id, &claims).as_deref(), Some("4411"));
        let without_email: Map<String, Value> = serde_json::from_str(r#"{"sub": "u-17"}"#).unwrap();
        assert_eq!(identity_of(&provider(MatchBy::Email), &without_email), None);
    }

    #[test]
    fn only_an_email_the_provider_verified_is_trusted() {
        let verified = |json: &str| email_verified(&serde_json::from_str(json).unwrap());
        assert!(verified(r#"{"email_verified": true}"#));
        assert!(verified(r#"{"email_verified": "true"}"#));
        assert!(!verified(r#"{"email_verified": false}"#));
        assert!(!verified(r#"{"email_verified": "false"}"#));
        assert!(!verified(r#"{"email": "a@b.c"}"#), "a provider that does not say is not trusted");
    }
}
