//! The district roster over the JSON API, for a district's own systems holding a
//! `roster:read` token. Every read is in the audit log.

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

use super::model::Role;
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::policy;
use crate::auth::tokens::{Bearer, Scope};
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{DistrictId, UserId};
use crate::web::parse_page;
use crate::with_pool;

const PER_PAGE: i64 = 200;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    /// Only this role: student, guardian, teacher, counselor, school_admin, district_admin.
    role: Option<String>,
    /// Page number, from 1 (200 people per page, by family name).
    page: Option<String>,
}

/// A person of the district as the roster knows them.
#[derive(Serialize, ToSchema, sqlx::FromRow)]
pub struct Person {
    #[schema(value_type = String, format = "uuid")]
    pub id: UserId,
    /// The roster's sourcedId.
    pub sourced_id: Option<String>,
    pub role: String,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    /// Grade 6–12 for students.
    pub grade: Option<i64>,
    /// The school's roster sourcedId.
    pub school_sourced_id: Option<String>,
    /// False once the roster marked them `tobedeleted`.
    pub active: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PeopleResponse {
    pub items: Vec<Person>,
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
}

async fn people(
    db: &Db,
    district: DistrictId,
    role: Option<&str>,
    offset: i64,
) -> Result<(Vec<Person>, i64), sqlx::Error> {
    const FILTER: &str = "u.district_id = $1 AND ($2 IS NULL OR u.role = $2)";
    let list = format!(
        "SELECT u.id, u.sourced_id, u.role, u.given_name, u.family_name, u.email, u.grade, s.sourced_id AS school_sourced_id, u.active
         FROM users u LEFT JOIN schools s ON s.id = u.school_id WHERE {FILTER}
         ORDER BY u.family_name, u.given_name, u.id LIMIT $3 OFFSET $4"
    );
    let count = format!("SELECT COUNT(*) FROM users u WHERE {FILTER}");
    with_pool!(db, pool => {
        let items = sqlx::query_as(&list).bind(district).bind(role).bind(PER_PAGE).bind(offset).fetch_all(pool).await?;
        let total: i64 = sqlx::query_scalar(&count).bind(district).bind(role).fetch_one(pool).await?;
        Ok((items, total))
    })
}

/// The people of the token's district.
#[utoipa::path(get, path = "/api/v1/district/people", tag = "district", params(PeopleQuery),
    security(("token" = ["roster:read"])),
    responses((status = 200, body = PeopleResponse), (status = 400, body = crate::error::ErrorBody),
        (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody)))]
pub async fn list_people(
    State(state): State<AppState>,
    Bearer(token): Bearer,
    Query(query): Query<PeopleQuery>,
) -> Result<Json<PeopleResponse>, AppError> {
    let district = policy::check_token(token.as_ref(), Scope::RosterRead)?;
    let role = match query.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        None => None,
        Some(text) => Some(
            text.parse::<Role>()
                .map_err(|_| AppError::bad_request("role", "error-field-role", format!("{text:?} is not a role")))?,
        ),
    };
    let page = parse_page(query.page.as_deref())?;
    let (items, total) = people(&state.db, district, role.map(Role::as_str), (page - 1) * PER_PAGE).await?;
    let name = token.as_ref().map(|t| t.name.as_str()).unwrap_or_default();
    let detail = format!("API token {name:?} read {} people (page {page})", items.len());
    let entry = Entry::without_actor(Action::Export, Some(district), "/api/v1/district/people").detail(&detail);
    audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?;
    Ok(Json(PeopleResponse { items, page, per_page: PER_PAGE, total }))
}
