//! Every route of the application in one place, with the layers every response passes
//! through: tracing, compression, security headers and language negotiation.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::{MatchedPath, Request, State};
use axum::handler::Handler;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::api_docs;
use crate::app::AppState;
use crate::audit::pages as audit_pages;
use crate::auth::{pages as sign_in, session, token_pages};
use crate::catalog::{api, case, pages};
use crate::classroom::pages as classroom;
use crate::error::AppError;
use crate::explore::{api as explore_api, pages as explore_pages};
use crate::insights::alignment_pages as alignment;
use crate::insights::gaps_pages as gaps;
use crate::insights::pages as insights;
use crate::insights::pd_pages as pd;
use crate::oneroster::upload as roster_upload;
use crate::orgs::{api as people_api, pages as people_pages};
use crate::partners::{self, applications};
use crate::plans::notes as plan_notes;
use crate::plans::pages as plan_pages;
use crate::plans::signoffs as plan_signoffs;
use crate::plans::steps as plan_steps;
use crate::records::pages as records;
use crate::web;

/// Largest request body accepted; larger ones get a 413 in our error format.
const MAX_BODY: usize = 1024 * 1024;

/// Routes as they are registered: the router, and every (method, path) pair for the
/// access-matrix test, which fails when a route has no expectation.
struct Routes {
    prefix: &'static str,
    router: Router<AppState>,
    list: Vec<(Method, String)>,
}

impl Routes {
    fn new(prefix: &'static str) -> Self {
        Self { prefix, router: Router::new(), list: Vec::new() }
    }

    fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::GET, path, get(handler))
    }

    fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::POST, path, post(handler))
    }

    /// A POST route that takes uploads up to `limit` bytes (others stop at `MAX_BODY`).
    fn upload<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H, limit: usize) -> Self {
        self.add(Method::POST, path, post(handler).layer(DefaultBodyLimit::max(limit)))
    }

    fn add(mut self, method: Method, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.list.push((method, format!("{}{path}", self.prefix)));
        self.router = self.router.route(path, handler);
        self
    }

    /// Mounts `other` under its prefix, with JSON 404s for unknown paths below it.
    fn nest(mut self, other: Routes) -> Self {
        self.list.extend(other.list);
        self.router = self.router.nest(other.prefix, other.router.fallback(api_not_found));
        self
    }
}

fn routes() -> Routes {
    let api = Routes::new("/api/v1")
        .get("/groupings", api::list_groupings)
        .get("/clusters", api::list_clusters)
        .get("/clusters/{id}", api::show_cluster)
        .get("/subclusters", api::list_subclusters)
        .get("/subclusters/{id}", api::show_subcluster)
        .get("/occupations", api::list_occupations)
        .get("/occupations/{code}", api::show_occupation)
        .get("/practices", api::list_practices)
        .get("/stats", api::show_stats)
        .get("/case/package", case::show_package)
        .post("/match", explore_api::create_match)
        .post("/profiler/score", explore_api::score_profiler)
        .get("/district/people", people_api::list_people)
        .upload("/district/oneroster", roster_upload::api_import_roster, roster_upload::MAX_UPLOAD_BYTES)
        .get("/insights/equity", insights::api_equity);

    let case_rest = Routes::new("/ims/case/v1p0")
        .get("/CFDocuments", case::case_documents)
        .get("/CFDocuments/{id}", case::case_document)
        .get("/CFPackages/{id}", case::case_package)
        .get("/CFItems/{id}", case::case_item)
        .get("/CFAssociations/{id}", case::case_association)
        .get("/CFItemTypes/{id}", case::case_item_type);

    Routes::new("")
        .get("/", pages::home)
        .get("/clusters", pages::list_clusters)
        .get("/clusters/{id}", pages::show_cluster)
        .get("/subclusters/{id}", pages::show_subcluster)
        .get("/occupations", pages::list_occupations)
        .get("/occupations/{code}", pages::show_occupation)
        .get("/practices", pages::list_practices)
        .get("/legacy", pages::show_legacy)
        .get("/about", pages::show_about)
        .get("/explore", explore_pages::show_explore)
        .get("/explore/profiler", explore_pages::show_profiler)
        .get("/explore/profiler/history", explore_pages::show_profiler_history)
        .get("/explore/profiler/results/{id}", explore_pages::show_profiler_result)
        .get("/explore/profiler/{screen}", explore_pages::show_profiler_screen)
        .post("/explore/profiler/{screen}", explore_pages::save_profiler_screen)
        .get("/signin", sign_in::show_sign_in)
        .post("/signin", sign_in::sign_in)
        .get("/signin/with/{provider}", sign_in::start_provider_sign_in)
        .get("/signin/oidc/callback", sign_in::finish_provider_sign_in)
        .post("/signout", sign_in::sign_out)
        .post("/signout/everywhere", sign_in::sign_out_everywhere)
        .get("/password/forgot", sign_in::show_forgot_password)
        .post("/password/forgot", sign_in::forgot_password)
        .get("/password/reset/{token}", sign_in::show_reset_password)
        .post("/password/reset/{token}", sign_in::reset_password)
        .get("/home", people_pages::show_home)
        .get("/caseload", crate::plans::caseload::show_caseload)
        .get("/caseload.csv", crate::plans::caseload::export_caseload)
        .post("/caseload/steps", crate::plans::caseload::assign_to_grade)
        .get("/account", people_pages::show_account)
        .get("/students/{id}", people_pages::show_student)
        .get("/students/{id}/access-log", people_pages::show_student_access_log)
        .get("/students/{id}/records", records::show_records)
        .get("/students/{id}/records.json", records::export_records_json)
        .get("/students/{id}/records.pdf", records::export_records_pdf)
        .post("/students/{id}/records/anonymize", records::anonymize_records)
        .get("/students/{id}/plan", plan_pages::show_plan)
        .post("/students/{id}/plan/interests", plan_pages::add_interest)
        .post("/students/{id}/plan/interests/{interest}/remove", plan_pages::remove_interest)
        .post("/students/{id}/plan/goals", plan_pages::add_goal)
        .post("/students/{id}/plan/goals/{goal}", plan_pages::update_goal)
        .post("/students/{id}/plan/activities", crate::plans::activities::add_activity)
        .post("/students/{id}/plan/activities/{activity}", crate::plans::activities::update_activity)
        .post("/students/{id}/plan/activities/{activity}/remove", crate::plans::activities::remove_activity)
        .post("/students/{id}/plan/courses", crate::plans::courses::add_course)
        .post("/students/{id}/plan/courses/{course}", crate::plans::courses::update_course)
        .post("/students/{id}/plan/courses/{course}/remove", crate::plans::courses::remove_course)
        .post("/students/{id}/plan/reflections", crate::plans::reflections::add_reflection)
        .post("/students/{id}/plan/postsecondary", crate::plans::postsecondary::save_postsecondary)
        .get("/students/{id}/plan/export.json", crate::plans::portable::export_plan)
        .get("/students/{id}/plan/export.pdf", crate::plans::print::print_plan)
        .get("/students/{id}/plan/resume", crate::plans::resume::show_resume)
        .upload(
            "/students/{id}/plan/import",
            crate::plans::portable::import_plan,
            crate::plans::portable::MAX_FILE_BYTES,
        )
        .post("/students/{id}/plan/notes", plan_notes::add_note)
        .post("/students/{id}/plan/signoff", plan_signoffs::sign_off)
        .post("/students/{id}/plan/steps", plan_steps::add_step)
        .post("/students/{id}/plan/steps/{step}/done", plan_steps::complete_step)
        .get("/classes/{id}", people_pages::show_class)
        .post("/classes/{id}/speaker-requests", crate::classroom::speakers::request_speaker)
        .post("/classes/{id}/speaker-requests/{request}/cancel", crate::classroom::speakers::cancel_speaker_request)
        .post("/classes/{id}/speaker-requests/{request}/match", crate::classroom::speakers::match_speaker)
        .get("/classroom", classroom::show_library)
        .get("/classroom/suggest", classroom::show_suggestions)
        .get("/classroom/lessons/new", classroom::new_lesson_form)
        .post("/classroom/lessons", classroom::create_lesson)
        .get("/classroom/lessons/{id}", classroom::show_lesson)
        .post("/classroom/lessons/{id}", classroom::update_lesson)
        .get("/classroom/lessons/{id}/edit", classroom::edit_lesson_form)
        .post("/classroom/lessons/{id}/fork", classroom::fork_lesson)
        .post("/classroom/lessons/{id}/delete", classroom::delete_lesson)
        .post("/classroom/lessons/{id}/comments", classroom::add_lesson_comment)
        .post("/classroom/lessons/{id}/used", classroom::mark_lesson_used)
        .post("/classroom/lessons/{id}/feature", classroom::feature_lesson)
        .post("/classroom/lessons/{id}/teach", classroom::teach_lesson)
        .get("/classroom/plcs", crate::classroom::plcs::list_plcs)
        .post("/classroom/plcs", crate::classroom::plcs::create_plc)
        .get("/classroom/plcs/{id}", crate::classroom::plcs::show_plc)
        .post("/classroom/plcs/{id}/members", crate::classroom::plcs::add_plc_member)
        .post("/classroom/plcs/{id}/lessons", crate::classroom::plcs::share_plc_lesson)
        .post("/classroom/plcs/{id}/posts", crate::classroom::plcs::add_plc_post)
        .post("/classroom/plcs/{id}/posts/{post}/replies", crate::classroom::plcs::reply_to_plc_post)
        .post("/classroom/plcs/{id}/cards", crate::classroom::plcs::add_plc_card)
        .post("/classroom/plcs/{id}/cards/{card}/move", crate::classroom::plcs::move_plc_card)
        .get("/opportunities", partners::pages::list_opportunities)
        .get("/opportunities/new", partners::pages::new_opportunity_form)
        .post("/opportunities", partners::pages::create_opportunity)
        .get("/opportunities/{id}", partners::pages::show_opportunity)
        .post("/opportunities/{id}/apply", partners::pages::apply_to_opportunity)
        .post("/opportunities/{id}/status", partners::pages::set_opportunity_status)
        .get("/applications/{id}", applications::show_application)
        .post("/applications/{id}/checklist", applications::review_application)
        .post("/applications/{id}/consent", applications::consent_to_placement)
        .post("/applications/{id}/withdraw", applications::withdraw_application)
        .post("/applications/{id}/decline", applications::decline_application)
        .post("/applications/{id}/interview", applications::schedule_interview)
        .post("/applications/{id}/complete", applications::complete_placement)
        .post("/applications/{id}/hours", applications::log_hours)
        .post("/applications/{id}/hours/{entry}", applications::correct_hours)
        .post("/applications/{id}/hours/{entry}/approve", applications::approve_hours)
        .post("/applications/{id}/hours/{entry}/return", applications::return_hours)
        .post("/applications/{id}/evaluations", applications::evaluate_placement)
        .get("/work-based-learning", partners::registry::show_queue)
        .get("/work-based-learning/report", partners::exports::show_report)
        .get("/work-based-learning/limits", partners::limits::show_limits)
        .post("/work-based-learning/limits", partners::limits::save_limits)
        .get("/work-based-learning/export.csv", partners::exports::export_records)
        .get("/partners", partners::registry::list_partners)
        .get("/partners/{id}", partners::registry::show_partner)
        .post("/partners/{id}/vetting", partners::registry::record_vetting)
        .post("/partners/{id}/commitments", partners::commitments::set_commitments)
        .post("/partners/{id}/contacts", partners::contacts::add_contact)
        .post("/partners/{id}/contacts/{contact}/remove", partners::contacts::remove_contact)
        .post("/partners/{id}/interactions", partners::interactions::log_interaction)
        .get("/insights", insights::show_insights)
        .post("/insights/settings", insights::save_insights_settings)
        .get("/insights/equity", insights::show_equity)
        .get("/insights/equity.csv", insights::export_equity)
        .get("/insights/alignment", alignment::show_alignment)
        .get("/insights/alignment.csv", alignment::export_alignment)
        .get("/insights/alignment/courses/{id}", alignment::show_course_alignment)
        .post("/insights/alignment/courses/{id}", alignment::align_course)
        .post("/insights/alignment/programs", alignment::create_program)
        .get("/insights/gaps", gaps::show_gaps)
        .get("/insights/gaps.csv", gaps::export_gaps)
        .get("/insights/labor-demand", gaps::show_labor_demand)
        .upload("/insights/labor-demand", gaps::upload_labor_demand, gaps::MAX_UPLOAD_BYTES)
        .post("/insights/labor-demand/national", gaps::use_national_demand)
        .get("/insights/pd", pd::show_pd)
        .get("/insights/pd.csv", pd::export_pd)
        .post("/insights/pd/sessions", pd::create_pd_session)
        .get("/insights/pd/sessions/{id}", pd::show_pd_session)
        .post("/insights/pd/sessions/{id}/attendance", pd::save_pd_attendance)
        .get("/audit", audit_pages::show_audit_log)
        .get("/admin/roster", roster_upload::show_roster_upload)
        .upload("/admin/roster", roster_upload::upload_roster, roster_upload::MAX_UPLOAD_BYTES)
        .get("/admin/plans", crate::plans::requirements::show_requirements)
        .post("/admin/plans/credits", crate::plans::requirements::save_credits)
        .post("/admin/plans/template", crate::plans::requirements::choose_preset)
        .post("/admin/plans/elements", crate::plans::requirements::add_element)
        .post("/admin/plans/elements/{id}/remove", crate::plans::requirements::remove_element)
        .get("/admin/retention", records::show_retention)
        .post("/admin/retention", records::save_retention)
        .post("/admin/retention/apply", records::apply_retention)
        .get("/admin/tokens", token_pages::show_tokens)
        .post("/admin/tokens", token_pages::create_token)
        .post("/admin/tokens/{id}/revoke", token_pages::revoke_token)
        .get("/api/docs", api_docs::show_api_docs)
        .get("/api/openapi.json", api_docs::openapi_json)
        .get("/healthz", health)
        .get("/static/app.css", web::stylesheet)
        .get("/static/icon.svg", web::icon_svg)
        .get("/favicon.ico", web::favicon)
        .nest(api)
        .nest(case_rest)
}

/// Every (method, path template) the application answers.
pub fn route_list() -> Vec<(Method, String)> {
    routes().list
}

/// The whole application: HTML pages, the JSON API under `/api/v1`, the CASE endpoints.
pub fn app(state: AppState) -> Router {
    let timeout = state.config.request_timeout;
    routes()
        .router
        .fallback(web::not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(state.clone(), session::load))
        .layer(middleware::from_fn(web::language))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(middleware::map_response_with_state(state.clone(), security_headers))
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
async fn security_headers(State(state): State<AppState>, mut response: Response) -> Response {
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
    // Browsers heed HSTS only over TLS; behind a TLS proxy, keep them on https for a year.
    if state.config.behind_tls() {
        headers
            .insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    response
}
