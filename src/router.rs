//! Every route of the application in one place, with the layers every response passes
//! through: tracing, compression, security headers and language negotiation.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::compression::CompressionLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::api_docs;
use crate::app::AppState;
use crate::catalog::{api, case, pages};
use crate::error::AppError;
use crate::explore::{api as explore_api, pages as explore_pages};
use crate::web;

/// Largest request body accepted; larger ones get a 413 in our error format.
const MAX_BODY: usize = 1024 * 1024;

/// The whole application: HTML pages, the JSON API under `/api/v1`, the CASE endpoints.
pub fn app(state: AppState) -> Router {
    let html = Router::new()
        .route("/", get(pages::home))
        .route("/clusters", get(pages::list_clusters))
        .route("/clusters/{id}", get(pages::show_cluster))
        .route("/subclusters/{id}", get(pages::show_subcluster))
        .route("/occupations", get(pages::list_occupations))
        .route("/occupations/{code}", get(pages::show_occupation))
        .route("/practices", get(pages::list_practices))
        .route("/legacy", get(pages::show_legacy))
        .route("/about", get(pages::show_about))
        .route("/explore", get(explore_pages::show_explore))
        .route("/explore/profiler", get(explore_pages::show_profiler))
        .route("/explore/profiler/history", get(explore_pages::show_profiler_history))
        .route("/explore/profiler/results/{id}", get(explore_pages::show_profiler_result))
        .route(
            "/explore/profiler/{screen}",
            get(explore_pages::show_profiler_screen).post(explore_pages::save_profiler_screen),
        )
        .route("/api/docs", get(api_docs::show_api_docs));

    let api = Router::new()
        .route("/groupings", get(api::list_groupings))
        .route("/clusters", get(api::list_clusters))
        .route("/clusters/{id}", get(api::show_cluster))
        .route("/subclusters", get(api::list_subclusters))
        .route("/subclusters/{id}", get(api::show_subcluster))
        .route("/occupations", get(api::list_occupations))
        .route("/occupations/{code}", get(api::show_occupation))
        .route("/practices", get(api::list_practices))
        .route("/stats", get(api::show_stats))
        .route("/case/package", get(case::show_package))
        .route("/match", post(explore_api::create_match))
        .route("/profiler/score", post(explore_api::score_profiler))
        .fallback(api_not_found);

    let case_rest = Router::new()
        .route("/CFDocuments", get(case::case_documents))
        .route("/CFDocuments/{id}", get(case::case_document))
        .route("/CFPackages/{id}", get(case::case_package))
        .route("/CFItems/{id}", get(case::case_item))
        .route("/CFAssociations/{id}", get(case::case_association))
        .route("/CFItemTypes/{id}", get(case::case_item_type))
        .fallback(api_not_found);

    Router::new()
        .merge(html)
        .nest("/api/v1", api)
        .nest("/ims/case/v1p0", case_rest)
        .route("/api/openapi.json", get(api_docs::openapi_json))
        .route("/healthz", get(health))
        .route("/static/app.css", get(web::stylesheet))
        .route("/static/icon.svg", get(web::icon_svg))
        .route("/favicon.ico", get(web::favicon))
        .fallback(web::not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn(web::language))
        .layer(middleware::map_response(security_headers))
        .layer(CompressionLayer::new())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    // The route template, never the query string: it may hold what a student typed.
                    let route =
                        request.extensions().get::<MatchedPath>().map(MatchedPath::as_str).unwrap_or("unmatched");
                    tracing::info_span!("request", method = %request.method(), route)
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

async fn api_not_found() -> AppError {
    AppError::NotFound
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}

/// Ready when the database answers.
async fn health(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::warn!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// Headers every response carries: no third-party content, no framing, no sniffing.
async fn security_headers(mut response: Response) -> Response {
    const HEADERS: [(HeaderName, &str); 5] = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()"),
    ];
    let headers = response.headers_mut();
    for (name, value) in HEADERS {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    }
    response
}
