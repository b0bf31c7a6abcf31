//! Stylesheet and icon compiled into the binary, so no page depends on another host.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;

const CACHE: &str = "public, max-age=3600";

pub async fn stylesheet() -> impl IntoResponse {
    ([(CONTENT_TYPE, "text/css; charset=utf-8"), (CACHE_CONTROL, CACHE)], include_str!("../../static/app.css"))
}

pub async fn icon_svg() -> impl IntoResponse {
    ([(CONTENT_TYPE, "image/svg+xml"), (CACHE_CONTROL, CACHE)], include_str!("../../static/icon.svg"))
}

/// Browsers ask for /favicon.ico regardless; answer with the SVG icon.
pub async fn favicon() -> impl IntoResponse {
    icon_svg().await
}
