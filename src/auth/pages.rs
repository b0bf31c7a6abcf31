//! Sign-in pages: email and password with throttling, a district's OpenID Connect provider,
//! sign-out (here or everywhere), and password reset through a one-time link kept in the
//! outbox and printed in the log.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

use super::oidc::{self, OidcError, Pending};
use super::password;
use super::session::{SessionCtx, constant_time_eq, random_token, secret_hash};
use super::store::{self, Message};
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::error::AppError;
use crate::orgs;
use crate::orgs::demo::DEMO_ACCOUNTS;
use crate::web::{AppForm, Layout, PageCtx, render};

/// Failed sign-ins allowed per email within `THROTTLE_WINDOW` before sign-in pauses.
pub const MAX_FAILURES: i64 = 5;
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// How long a password-reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(1);

/// Where to go after signing in: a path on this site, never another site. Browsers drop
/// tabs and line breaks from URLs (`/\t/evil.example` becomes `//evil.example`), so any
/// whitespace or control character disqualifies a path too.
fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(|c| c.is_control() || c.is_whitespace()) =>
        {
            path
        }
        _ => "/home",
    }
}

#[derive(Template)]
#[template(path = "auth/signin.html")]
struct SignInPage {
    layout: Layout,
    csrf: String,
    email: String,
    next: String,
    /// Message key of what went wrong, if anything.
    problem: Option<&'static str>,
    /// The problem is with the email and password typed (not with a provider).
    fields_invalid: bool,
    /// Message key of a confirmation (signed out everywhere, password changed).
    notice: Option<&'static str>,
    demo_accounts: Vec<(&'static str, &'static str)>,
    /// Sign-in buttons of the districts' providers.
    providers: Vec<oidc::SignInOption>,
}

#[derive(Deserialize)]
pub struct SignInParams {
    next: Option<String>,
    done: Option<String>,
}

async fn sign_in_page(
    ctx: &PageCtx,
    session: &mut SessionCtx,
    state: &AppState,
    email: String,
    next: Option<&str>,
    problem: Option<&'static str>,
    notice: Option<&'static str>,
) -> Result<SignInPage, AppError> {
    let csrf = session.ensure().await?.csrf_token.clone();
    let demo = orgs::store::user_for_sign_in(&state.db, DEMO_ACCOUNTS[0].0).await?.is_some();
    Ok(SignInPage {
        layout: ctx.layout(ctx.t("signin-title"), "signin"),
        csrf,
        email,
        next: safe_next(next).to_string(),
        problem,
        fields_invalid: problem.is_some_and(|key| !key.starts_with("signin-provider")),
        notice,
        demo_accounts: if demo { DEMO_ACCOUNTS.to_vec() } else { Vec::new() },
        providers: oidc::sign_in_options(&state.db).await?,
    })
}

pub async fn show_sign_in(
    State(state): State<AppState>,
    ctx: PageCtx,
    mut session: SessionCtx,
    Query(params): Query<SignInParams>,
) -> Result<Response, AppError> {
    if session.user().is_some() {
        return Ok(Redirect::to(safe_next(params.next.as_deref())).into_response());
    }
    let notice = match params.done.as_deref() {
        Some("everywhere") => Some("signin-done-everywhere"),
        Some("reset") => Some("signin-done-reset"),
        Some("out") => Some("signin-done-out"),
        _ => None,
    };
    let page = sign_in_page(&ctx, &mut session, &state, String::new(), params.next.as_deref(), None, notice).await?;
    Ok(session.attach(render(&page)?))
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
    next: Option<String>,
}

pub async fn sign_in(
    State(state): State<AppState>,
    ctx: PageCtx,
    mut session: SessionCtx,
    AppForm(form): AppForm<SignInForm>,
) -> Result<Response, AppError> {
    session.verify_csrf(&form.csrf)?;
    let email = form.email.trim().to_lowercase();
    let now = OffsetDateTime::now_utc();
    let refuse = |status: StatusCode, problem: &'static str| (status, problem);
    let outcome = if email.is_empty() || form.password.is_empty() {
        Err(refuse(StatusCode::BAD_REQUEST, "signin-missing"))
    } else if store::sign_in_failures_since(&state.db, &email, now - THROTTLE_WINDOW).await? >= MAX_FAILURES {
        Err(refuse(StatusCode::TOO_MANY_REQUESTS, "signin-throttled"))
    } else {
        let found = orgs::store::user_for_sign_in(&state.db, &email).await?;
        let password = form.password.clone();
        let (user, hash) = match found {
            Some((user, hash)) => (Some(user), hash),
            None => (None, None),
        };
        let matches = tokio::task::spawn_blocking(move || match hash {
            Some(hash) => password::verify(&password, &hash),
            None => {
                password::verify_nothing(&password);
                false
            }
        })
        .await
        .unwrap_or(false);
        match user {
            Some(user) if matches => Ok(user),
            user => {
                store::record_sign_in_failure(&state.db, &email, now).await?;
                let district = user.as_ref().and_then(|u| u.district_id);
                let entry = Entry::without_actor(Action::SignInFailed, district, "/signin")
                    .from_ip(session.ip())
                    .detail(&email);
                audit::record(&state.db, &entry, now).await?;
                Err(refuse(StatusCode::UNAUTHORIZED, "signin-wrong"))
            }
        }
    };
    match outcome {
        Ok(user) => {
            store::clear_sign_in_failures(&state.db, &email).await?;
            audit::record(&state.db, &Entry::by(&user, Action::SignIn, "/signin").from_ip(session.ip()), now).await?;
            session.sign_in(user).await?;
            Ok(session.attach(Redirect::to(safe_next(form.next.as_deref())).into_response()))
        }
        Err((status, problem)) => {
            let page =
                sign_in_page(&ctx, &mut session, &state, form.email, form.next.as_deref(), Some(problem), None).await?;
            Ok(session.attach((status, render(&page)?).into_response()))
        }
    }
}

#[derive(Deserialize)]
pub struct ProviderParams {
    next: Option<String>,
}

/// Sends the browser to the district's provider, remembering the sign-in in the session.
pub async fn start_provider_sign_in(
    State(state): State<AppState>,
    ctx: PageCtx,
    mut session: SessionCtx,
    Path(id): Path<String>,
    Query(params): Query<ProviderParams>,
) -> Result<Response, AppError> {
    let found = match id.parse() {
        Ok(id) => oidc::provider(&state.db, id).await?,
        Err(_) => None,
    };
    let provider = found.ok_or(AppError::NotFound)?;
    let next = safe_next(params.next.as_deref()).to_string();
    let started = match oidc::discover(&state.http, &provider.issuer).await {
        Ok(discovery) => oidc::begin(&provider, &discovery, &callback_url(&state), &next),
        Err(error) => Err(error),
    };
    match started {
        Ok((pending, url)) => {
            let mut data = session.ensure().await?.data.clone();
            data["oidc"] = serde_json::to_value(&pending).unwrap_or_default();
            session.save(data).await?;
            Ok(session.attach(Redirect::to(&url).into_response()))
        }
        Err(error) => {
            tracing::warn!(provider = %provider.label, %error, "sign-in provider unavailable");
            provider_problem(&ctx, &mut session, &state, StatusCode::BAD_GATEWAY, "signin-provider-failed").await
        }
    }
}

fn callback_url(state: &AppState) -> String {
    format!("{}{}", state.config.resolved_public_url(), oidc::CALLBACK_PATH)
}

async fn provider_problem(
    ctx: &PageCtx,
    session: &mut SessionCtx,
    state: &AppState,
    status: StatusCode,
    problem: &'static str,
) -> Result<Response, AppError> {
    let page = sign_in_page(ctx, session, state, String::new(), None, Some(problem), None).await?;
    Ok(session.attach((status, render(&page)?).into_response()))
}

#[derive(Deserialize)]
pub struct CallbackParams {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Takes the pending provider sign-in out of the session: it can be finished once.
async fn take_pending(session: &mut SessionCtx) -> Result<Option<Pending>, AppError> {
    let Some(mut data) = session.current().map(|s| s.data.clone()) else { return Ok(None) };
    let Some(pending) = data.as_object_mut().and_then(|map| map.remove("oidc")) else { return Ok(None) };
    session.save(data).await?;
    Ok(serde_json::from_value(pending).ok())
}

/// Where the provider sends the browser back: checks the answer, then signs in the user of
/// the district the provider's account names.
pub async fn finish_provider_sign_in(
    State(state): State<AppState>,
    ctx: PageCtx,
    mut session: SessionCtx,
    Query(params): Query<CallbackParams>,
) -> Result<Response, AppError> {
    let returned_state = params.state.as_deref().unwrap_or_default();
    let pending =
        take_pending(&mut session).await?.filter(|p| constant_time_eq(p.state.as_bytes(), returned_state.as_bytes()));
    let provider = match &pending {
        Some(pending) => oidc::provider(&state.db, pending.provider).await?,
        None => None,
    };
    let (Some(pending), Some(provider)) = (pending, provider) else {
        return provider_problem(&ctx, &mut session, &state, StatusCode::BAD_REQUEST, "signin-provider-expired").await;
    };
    let verified = async {
        if let Some(error) = &params.error {
            // Only the error code, checked and short: the query string is the visitor's to write.
            let code: String = error.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(40).collect();
            return Err(OidcError::Refused(code));
        }
        let code = params.code.as_deref().ok_or_else(|| OidcError::Protocol("no authorization code".into()))?;
        let discovery = &pending.discovery;
        let redirect_uri = callback_url(&state);
        let tokens =
            oidc::exchange_code(&state.http, &provider, discovery, code, &pending.verifier, &redirect_uri).await?;
        let mut claims =
            oidc::verify_id_token(&state.http, &provider, discovery, &tokens.id_token, &pending.nonce).await?;
        if let (None, Some(access_token)) = (oidc::identity_of(&provider, &claims), &tokens.access_token) {
            oidc::add_userinfo(&state.http, discovery, access_token, &mut claims).await?;
        }
        Ok(claims)
    }
    .await;
    let claims = match verified {
        Ok(claims) => claims,
        Err(error) => {
            tracing::warn!(provider = %provider.label, %error, "sign-in through a provider failed");
            record_provider_failure(&state, &provider, session.ip(), &error.to_string()).await?;
            return provider_problem(&ctx, &mut session, &state, StatusCode::BAD_GATEWAY, "signin-provider-failed")
                .await;
        }
    };
    let Some(user) = oidc::matching_user(&state.db, &provider, &claims).await? else {
        let identity = oidc::identity_of(&provider, &claims).unwrap_or_else(|| "no identity".into());
        record_provider_failure(&state, &provider, session.ip(), &format!("no account for {identity}")).await?;
        return provider_problem(&ctx, &mut session, &state, StatusCode::FORBIDDEN, "signin-provider-no-account").await;
    };
    let now = OffsetDateTime::now_utc();
    let detail = format!("through {}", provider.label);
    let entry = Entry::by(&user, Action::SignIn, oidc::CALLBACK_PATH).from_ip(session.ip()).detail(&detail);
    audit::record(&state.db, &entry, now).await?;
    session.sign_in(user).await?;
    Ok(session.attach(Redirect::to(safe_next(Some(&pending.next))).into_response()))
}

async fn record_provider_failure(
    state: &AppState,
    provider: &oidc::IdentityProvider,
    ip: Option<&str>,
    what: &str,
) -> Result<(), AppError> {
    let detail = format!("{}: {what}", provider.label);
    let entry = Entry::without_actor(Action::SignInFailed, Some(provider.district_id), oidc::CALLBACK_PATH)
        .from_ip(ip)
        .detail(&detail);
    Ok(audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub csrf: String,
}

pub async fn sign_out(
    State(state): State<AppState>,
    mut session: SessionCtx,
    AppForm(form): AppForm<CsrfForm>,
) -> Result<Response, AppError> {
    session.verify_csrf(&form.csrf)?;
    if let Some(user) = session.user().cloned() {
        let entry = Entry::by(&user, Action::SignOut, "/signout").from_ip(session.ip());
        audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?;
    }
    session.sign_out().await?;
    Ok(session.attach(Redirect::to("/signin?done=out").into_response()))
}

/// Ends every session of the signed-in user, on every device.
pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    mut session: SessionCtx,
    AppForm(form): AppForm<CsrfForm>,
) -> Result<Response, AppError> {
    session.verify_csrf(&form.csrf)?;
    let user = session.require_user()?.clone();
    let removed = store::delete_user_sessions(&state.db, user.id).await?;
    let detail = format!("{removed} sessions ended");
    let entry =
        Entry::by(&user, Action::SignOutEverywhere, "/signout/everywhere").from_ip(session.ip()).detail(&detail);
    audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?;
    session.sign_out().await?;
    Ok(session.attach(Redirect::to("/signin?done=everywhere").into_response()))
}

// ---------------------------------------------------------------- password reset

#[derive(Template)]
#[template(path = "auth/forgot.html")]
struct ForgotPage {
    layout: Layout,
    csrf: String,
    sent: bool,
}

pub async fn show_forgot_password(ctx: PageCtx, mut session: SessionCtx) -> Result<Response, AppError> {
    let csrf = session.ensure().await?.csrf_token.clone();
    let page = ForgotPage { layout: ctx.layout(ctx.t("forgot-title"), "signin"), csrf, sent: false };
    Ok(session.attach(render(&page)?))
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    csrf: String,
}

/// Sends a reset link when the account exists; the answer is the same either way, so the
/// form does not reveal who has an account.
pub async fn forgot_password(
    State(state): State<AppState>,
    ctx: PageCtx,
    mut session: SessionCtx,
    AppForm(form): AppForm<ForgotForm>,
) -> Result<Response, AppError> {
    session.verify_csrf(&form.csrf)?;
    let email = form.email.trim().to_lowercase();
    let now = OffsetDateTime::now_utc();
    if let Some((user, _)) = orgs::store::user_for_sign_in(&state.db, &email).await? {
        let token = random_token();
        let link = format!("{}/password/reset/{token}", state.config.resolved_public_url());
        let body = format!(
            "Someone asked to reset the Pathways password of {email}. To choose a new password, open this link within an hour:\n\n{link}\n\nIf it was not you, ignore this message; your password stays the same."
        );
        let message = Message { to: &email, subject: "Reset your Pathways password", body: &body };
        store::create_password_reset(
            &state.db,
            &secret_hash(&token),
            user.id,
            now + RESET_LINK_LIFETIME,
            &message,
            now,
        )
        .await?;
        tracing::info!(to = %email, %link, "password reset link (outbox)");
        audit::record(
            &state.db,
            &Entry::by(&user, Action::PasswordResetRequested, "/password/forgot").from_ip(session.ip()),
            now,
        )
        .await?;
    }
    let csrf = session.ensure().await?.csrf_token.clone();
    let page = ForgotPage { layout: ctx.layout(ctx.t("forgot-title"), "signin"), csrf, sent: true };
    Ok(session.attach(render(&page)?))
}

#[derive(Template)]
#[template(path = "auth/reset.html")]
struct ResetPage {
    layout: Layout,
    csrf: String,
    token: String,
    valid: bool,
    problem: Option<&'static str>,
}

async fn reset_page(
    ctx: &PageCtx,
    session: &mut SessionCtx,
    token: String,
    valid: bool,
    problem: Option<&'static str>,
) -> Result<ResetPage, AppError> {
    let csrf = session.ensure().await?.csrf_token.clone();
    Ok(ResetPage { layout: ctx.layout(ctx.t("reset-title"), "signin"), csrf, token, valid, problem })
}

fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.chars().all(|c| c.is_ascii_hexdigit())
}

pub async fn show_reset_password(
    State(state): State<AppState>,
    ctx: PageCtx,
    mut session: SessionCtx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let valid = well_formed(&token)
        && store::password_reset_user(&state.db, &secret_hash(&token), OffsetDateTime::now_utc()).await?.is_some();
    let page = reset_page(&ctx, &mut session, token, valid, None).await?;
    let status = if valid { StatusCode::OK } else { StatusCode::GONE };
    Ok(session.attach((status, render(&page)?).into_response()))
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    csrf: String,
}

pub async fn reset_password(
    State(state): State<AppState>,
    ctx: PageCtx,
    mut session: SessionCtx,
    Path(token): Path<String>,
    AppForm(form): AppForm<ResetForm>,
) -> Result<Response, AppError> {
    session.verify_csrf(&form.csrf)?;
    let now = OffsetDateTime::now_utc();
    let user_id = match well_formed(&token) {
        true => store::password_reset_user(&state.db, &secret_hash(&token), now).await?,
        false => None,
    };
    let Some(user) = (match user_id {
        Some(id) => orgs::store::user(&state.db, id).await?,
        None => None,
    }) else {
        let page = reset_page(&ctx, &mut session, token, false, None).await?;
        return Ok(session.attach((StatusCode::GONE, render(&page)?).into_response()));
    };
    let problem = match password::check_new(&form.password, user.email.as_deref()) {
        Err(weakness) => Some(weakness.message_key()),
        Ok(()) if form.password != form.confirm => Some("password-mismatch"),
        Ok(()) => None,
    };
    if problem.is_some() {
        let page = reset_page(&ctx, &mut session, token, true, problem).await?;
        return Ok(session.attach((StatusCode::BAD_REQUEST, render(&page)?).into_response()));
    }
    let new_password = form.password.clone();
    let hash = tokio::task::spawn_blocking(move || password::hash(&new_password))
        .await
        .map_err(|_| AppError::Database(sqlx::Error::WorkerCrashed))?;
    if !store::complete_password_reset(&state.db, &secret_hash(&token), user.id, &hash, now).await? {
        let page = reset_page(&ctx, &mut session, token, false, None).await?;
        return Ok(session.attach((StatusCode::GONE, render(&page)?).into_response()));
    }
    store::clear_sign_in_failures(&state.db, user.email.as_deref().unwrap_or_default()).await?;
    audit::record(&state.db, &Entry::by(&user, Action::PasswordReset, "/password/reset").from_ip(session.ip()), now)
        .await?;
    session.sign_out().await?;
    Ok(session.attach(Redirect::to("/signin?done=reset").into_response()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/students/1")), "/students/1");
        assert_eq!(safe_next(Some("//evil.example/")), "/home");
        assert_eq!(safe_next(Some("https://evil.example/")), "/home");
        assert_eq!(safe_next(Some("/\\evil.example")), "/home");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/home");
        assert_eq!(safe_next(Some("/\n/evil.example")), "/home");
        assert_eq!(safe_next(Some("/ /evil.example")), "/home");
        assert_eq!(safe_next(None), "/home");
    }
}
