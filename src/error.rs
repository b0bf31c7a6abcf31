//! One error type for every handler. API routes answer `{"errors": [...]}`; HTML routes get
//! the same status with a page in the visitor's language (rendered by `web::language`).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A problem with one input field, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// The query parameter, path segment or form field at fault.
    pub field: String,
    /// Message key in the locale files, for pages shown in another language.
    #[serde(skip)]
    pub key: &'static str,
    /// What is wrong and what to do, in English.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, key: &'static str, message: impl Into<String>) -> Self {
        Self { field: field.into(), key, message: message.into() }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("this form has expired; reload the page and try again")]
    Forbidden,
    #[error("sign in to see this page")]
    SignInRequired,
    #[error("you do not have access to this")]
    Denied,
    #[error("too many attempts; wait a few minutes and try again")]
    TooManyAttempts,
    #[error("the request is too large")]
    TooLarge,
    #[error("this was deleted")]
    Gone,
    #[error("invalid input")]
    BadRequest(Vec<FieldError>),
    #[error("the catalog has not been loaded yet")]
    CatalogNotLoaded,
    #[error("Explore is still starting")]
    ExploreNotReady,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("template error: {0}")]
    Template(#[from] askama::Error),
}

/// What the HTML error page needs to know; attached to error responses.
#[derive(Clone, Debug)]
pub struct ErrorPage {
    pub status: StatusCode,
    pub fields: Vec<FieldError>,
    /// The page was refused by the access policy (not an expired form).
    pub denied: bool,
    /// The machine-readable code of the error, as in the JSON body.
    pub code: &'static str,
}

/// One entry of the JSON error body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorItem {
    /// HTTP status code as a string, as in JSON:API.
    pub status: String,
    /// Stable machine-readable code, e.g. `not_found`, `invalid_parameter`.
    pub code: String,
    /// What happened, in English.
    pub title: String,
    /// The parameter at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// The JSON error body of every API error.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub errors: Vec<ErrorItem>,
}

impl AppError {
    pub fn bad_request(field: impl Into<String>, key: &'static str, message: impl Into<String>) -> Self {
        AppError::BadRequest(vec![FieldError::new(field, key, message)])
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Forbidden | AppError::Denied => StatusCode::FORBIDDEN,
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Gone => StatusCode::GONE,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::CatalogNotLoaded | AppError::ExploreNotReady => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(error) if database_unreachable(error) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(_) | AppError::Template(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::Forbidden => "forbidden",
            AppError::Denied => "denied",
            AppError::SignInRequired => "sign_in_required",
            AppError::TooManyAttempts => "too_many_attempts",
            AppError::TooLarge => "too_large",
            AppError::Gone => "gone",
            AppError::BadRequest(_) => "invalid_parameter",
            AppError::CatalogNotLoaded => "catalog_not_loaded",
            AppError::ExploreNotReady => "explore_not_ready",
            AppError::Database(error) if database_unreachable(error) => DATABASE_UNAVAILABLE,
            AppError::Database(_) | AppError::Template(_) => "internal_error",
        }
    }

    fn body(&self) -> ErrorBody {
        let status = self.status().as_u16().to_string();
        let item = |title: String, field: Option<String>| ErrorItem {
            status: status.clone(),
            code: self.code().to_string(),
            title,
            field,
        };
        let errors = match self {
            AppError::BadRequest(fields) => {
                fields.iter().map(|f| item(f.message.clone(), Some(f.field.clone()))).collect()
            }
            AppError::Database(error) if database_unreachable(error) => {
                vec![item("Pathways cannot reach its database right now. Please try again in a minute.".into(), None)]
            }
            AppError::Database(_) | AppError::Template(_) => {
                vec![item("Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.".into(), None)]
            }
            AppError::CatalogNotLoaded => {
                vec![item("The career catalog has not been loaded yet. Run `pathways catalog load`.".into(), None)]
            }
            AppError::ExploreNotReady => {
                vec![item("Explore is still starting up. Please try again in a minute.".into(), None)]
            }
            other => vec![item(capitalize(&other.to_string()), None)],
        };
        ErrorBody { errors }
    }
}

/// The code of errors where the database could not be reached.
pub const DATABASE_UNAVAILABLE: &str = "database_unavailable";

/// Whether the database could not be reached (stopped, restarting, out of connections,
/// busy): unlike a failing query, the same request may succeed in a moment.
pub fn database_unreachable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_) => true,
        sqlx::Error::Database(error) => error.code().is_some_and(|code| {
            // PostgreSQL: connection exceptions (08…) and operator interventions such as a
            // shutdown (57P…); SQLite: busy and locked.
            code.starts_with("08") || code.starts_with("57P") || matches!(code.as_ref(), "5" | "6" | "261" | "517")
        }),
        _ => false,
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let fields = match &self {
            AppError::BadRequest(fields) => fields.clone(),
            _ => Vec::new(),
        };
        let denied = matches!(self, AppError::Denied);
        let code = self.code();
        let mut response = (status, Json(self.body())).into_response();
        if code == DATABASE_UNAVAILABLE {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("30"));
        }
        response.extensions_mut().insert(ErrorPage { status, fields, denied, code });
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_do_not_leak_details() {
        let error = AppError::Database(sqlx::Error::Protocol("secret table name".into()));
        let body = serde_json::to_string(&error.body()).unwrap();
        assert!(!body.contains("secret"), "{body}");
        assert_eq!(error.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn field_errors_name_the_field() {
        let error = AppError::bad_request("page", "error-page-number", "page must be a whole number of 1 or more");
        let body = serde_json::to_value(error.body()).unwrap();
        assert_eq!(body["errors"][0]["field"], "page");
        assert_eq!(body["errors"][0]["status"], "400");
    }
}
