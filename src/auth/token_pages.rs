//! The district administrator's API tokens page: create a token (its secret shown once),
//! see when each was last used, revoke it.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;

use super::SessionCtx;
use super::pages::CsrfForm;
use super::policy;
use super::tokens::{self, ApiToken, Scope};
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::error::AppError;
use crate::web::{AppForm, Layout, PageCtx, render};

const MAX_NAME: usize = 100;

#[derive(Template)]
#[template(path = "admin/tokens.html")]
struct TokensPage {
    layout: Layout,
    csrf: String,
    tokens: Vec<ApiToken>,
    scopes: &'static [Scope],
    /// The token just created and its secret, shown this once.
    created: Option<(String, String)>,
    problem: Option<&'static str>,
    name: String,
}

async fn tokens_page(
    state: &AppState,
    ctx: &PageCtx,
    session: SessionCtx,
    district: crate::ids::DistrictId,
    outcome: (Option<(String, String)>, Option<&'static str>, String),
) -> Result<Response, AppError> {
    let (created, problem, name) = outcome;
    let status = if problem.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let page = TokensPage {
        layout: ctx.layout(ctx.t("tokens-title"), "home"),
        csrf: session.csrf_token().to_string(),
        tokens: tokens::list(&state.db, district).await?,
        scopes: &Scope::ALL,
        created,
        problem,
        name,
    };
    // The page may show a new secret: no copy of it in any cache.
    let no_store = [(axum::http::header::CACHE_CONTROL, "no-store")];
    Ok(session.attach((status, no_store, render(&page)?).into_response()))
}

pub async fn show_tokens(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    tokens_page(&state, &ctx, session, district, (None, None, String::new())).await
}

/// Creates a token from the form: `name`, and one `scope` field per scope granted.
pub async fn create_token(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    AppForm(fields): AppForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string());
    session.verify_csrf(&field("csrf").unwrap_or_default())?;
    let name = field("name").unwrap_or_default();
    let scopes: Vec<Scope> = fields.iter().filter(|(k, _)| k == "scope").filter_map(|(_, v)| Scope::parse(v)).collect();
    let problem = if name.is_empty() || name.chars().count() > MAX_NAME {
        Some("tokens-name-needed")
    } else if scopes.is_empty() {
        Some("tokens-scope-needed")
    } else {
        None
    };
    if problem.is_some() {
        return tokens_page(&state, &ctx, session, district, (None, problem, name)).await;
    }
    let user = session.require_user()?.clone();
    let now = OffsetDateTime::now_utc();
    // Audited first: a token must never exist without its entry.
    let scope_list = scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    let detail = format!("created API token {name:?} ({scope_list})");
    let entry = Entry::by(&user, Action::Change, "/admin/tokens").from_ip(session.ip()).detail(&detail);
    audit::record(&state.db, &entry, now).await?;
    let (token, secret) = tokens::create(&state.db, district, &name, &scopes, Some(user.id), now).await?;
    tokens_page(&state, &ctx, session, district, (Some((token.name, secret)), None, String::new())).await
}

pub async fn revoke_token(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    AppForm(form): AppForm<CsrfForm>,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    session.verify_csrf(&form.csrf)?;
    let token = match id.parse() {
        Ok(id) => tokens::find(&state.db, id).await?,
        Err(_) => None,
    };
    let token = token.ok_or(AppError::NotFound)?;
    if token.district_id != district {
        return Err(AppError::Denied);
    }
    let now = OffsetDateTime::now_utc();
    tokens::revoke(&state.db, token.id, now).await?;
    let user = session.require_user()?;
    let detail = format!("revoked API token {:?}", token.name);
    audit::record(
        &state.db,
        &Entry::by(user, Action::Change, "/admin/tokens").from_ip(session.ip()).detail(&detail),
        now,
    )
    .await?;
    Ok(Redirect::to("/admin/tokens").into_response())
}
