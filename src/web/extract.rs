//! Request-body extractors whose rejections use our error format, so a malformed JSON body
//! or form gets a message naming what is wrong instead of a bare status.

use axum::extract::rejection::{FormRejection, JsonRejection};
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// JSON body.
pub struct AppJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for AppJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(json_error(rejection)),
        }
    }
}

fn json_error(rejection: JsonRejection) -> AppError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::TooLarge;
    }
    let message = match &rejection {
        JsonRejection::MissingJsonContentType(_) => {
            "send the body as JSON with the header Content-Type: application/json".to_string()
        }
        JsonRejection::JsonSyntaxError(_) => format!("the body is not valid JSON: {}", rejection.body_text()),
        JsonRejection::JsonDataError(_) => {
            format!("the JSON does not have the expected fields: {}", rejection.body_text())
        }
        _ => rejection.body_text(),
    };
    AppError::bad_request("body", "error-field-body", message)
}

/// URL-encoded form body.
pub struct AppForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for AppForm<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(request, state).await {
            Ok(axum::Form(value)) => Ok(Self(value)),
            Err(rejection) => Err(form_error(rejection)),
        }
    }
}

fn form_error(rejection: FormRejection) -> AppError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::TooLarge;
    }
    AppError::bad_request("form", "error-field-form", rejection.body_text())
}

/// URL-encoded form body kept as its fields in order, for forms that send a field more than
/// once (a group of checkboxes).
pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        FormFields(pairs)
    }

    /// The fields of a URL's query string; one that does not parse reads as empty.
    pub fn from_query(query: Option<String>) -> Self {
        FormFields(query.and_then(|q| serde_urlencoded::from_str(&q).ok()).unwrap_or_default())
    }

    /// The first value of `name`, or "" when the form lacks it.
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value)
    }

    /// Every value of `name`, in the order sent.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(key, _)| key == name).map(|(_, value)| value.clone()).collect()
    }
}

impl<S: Send + Sync> FromRequest<S> for FormFields {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let AppForm(fields) = AppForm::<Vec<(String, String)>>::from_request(request, state).await?;
        Ok(Self(fields))
    }
}
