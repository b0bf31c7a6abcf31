//! OneRoster sets sent over HTTP: the district administrator's upload page and the API
//! endpoint a SIS pushes to with a `roster:import` token. Both stream the zip to a
//! temporary file, import it exactly as `pathways import oneroster` does (all or nothing,
//! only into the uploader's own district) and answer with the same report.

use std::io::Write;

use askama::Template;
use axum::Json;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{Options, Report, Status};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy;
use crate::auth::tokens::{Bearer, Scope};
use crate::error::AppError;
use crate::ids::DistrictId;
use crate::orgs::model::User;
use crate::progress::Silent;
use crate::web::{Layout, PageCtx, render};

/// Largest upload accepted: a zipped set of a very large district fits many times over.
pub const MAX_UPLOAD_BYTES: usize = 512 * 1024 * 1024;

/// An uploaded file, kept in a temporary file that is removed when this is dropped, and the
/// form's other fields.
pub(crate) struct Upload {
    pub file: Option<(String, tempfile::NamedTempFile)>,
    pub csrf: String,
    pub dry_run: bool,
    /// The form's other short fields, by name.
    pub fields: Vec<(String, String)>,
}

impl Upload {
    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(n, _)| n == name).map_or("", |(_, value)| value.as_str())
    }
}

/// Short fields of an upload form beyond the file, CSRF token and dry-run box.
const MAX_FIELDS: usize = 8;

pub(crate) fn upload_problem(message: impl Into<String>) -> AppError {
    AppError::bad_request("file", "error-field-upload", message)
}

/// An upload that could not be read to its end: too large (413) or cut off.
pub(crate) fn broken_upload(error: axum::extract::multipart::MultipartError) -> AppError {
    match error.status() {
        StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
        _ => upload_problem(format!("the upload was cut off or malformed: {}", error.body_text())),
    }
}

/// Reads the form: `file` streamed to disk, `dry_run`, `csrf`, and a few short fields.
pub(crate) async fn receive(request: Request, state: &AppState) -> Result<Upload, AppError> {
    let mut form = Multipart::from_request(request, state)
        .await
        .map_err(|_| upload_problem("send the form as multipart/form-data with the file in the field \"file\""))?;
    let mut upload = Upload { file: None, csrf: String::new(), dry_run: false, fields: Vec::new() };
    while let Some(mut field) = form.next_field().await.map_err(broken_upload)? {
        match field.name().unwrap_or_default() {
            "file" => {
                let name = field.file_name().map(str::to_string).filter(|n| !n.trim().is_empty());
                let Some(name) = name else { continue };
                let mut temp = tempfile::NamedTempFile::new().map_err(|e| upload_problem(e.to_string()))?;
                while let Some(chunk) = field.chunk().await.map_err(broken_upload)? {
                    temp.write_all(&chunk).map_err(|e| upload_problem(format!("could not store the upload: {e}")))?;
                }
                upload.file = Some((name, temp));
            }
            "csrf" => upload.csrf = small_text(&mut field).await?,
            "dry_run" => upload.dry_run = matches!(small_text(&mut field).await?.trim(), "on" | "true" | "1"),
            name if upload.fields.len() < MAX_FIELDS => {
                let name = name.to_string();
                upload.fields.push((name, small_text(&mut field).await?));
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// A short text field of the form; a long one is refused rather than held in memory.
pub(crate) async fn small_text(field: &mut axum::extract::multipart::Field<'_>) -> Result<String, AppError> {
    const LIMIT: usize = 256;
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(broken_upload)? {
        bytes.extend_from_slice(&chunk);
        if bytes.len() > LIMIT {
            return Err(upload_problem(format!("the field {:?} is too long", field.name().unwrap_or_default())));
        }
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Imports the uploaded set into `district` on a blocking thread (reading and checking a
/// large set is CPU work), with `actor` in the audit log.
async fn import_upload(
    state: &AppState,
    name: String,
    file: tempfile::NamedTempFile,
    district: DistrictId,
    dry_run: bool,
    actor: Option<User>,
) -> Result<Report, AppError> {
    let slug = crate::orgs::store::district_slug(&state.db, district).await?;
    let options = Options { dry_run, district: slug, only_district: Some(district), actor, name: Some(name) };
    let db = state.db.clone();
    let runtime = tokio::runtime::Handle::current();
    let report = tokio::task::spawn_blocking(move || {
        let report = runtime.block_on(super::import(&db, file.path(), &options, &Silent));
        drop(file);
        report
    })
    .await
    .map_err(|_| AppError::Database(sqlx::Error::WorkerCrashed))??;
    Ok(report)
}

/// 422 when the set was rejected (nothing written), else 200.
fn answer_status(report: &Report) -> StatusCode {
    if report.status == Status::Rejected { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK }
}

#[derive(Template)]
#[template(path = "admin/roster.html")]
struct RosterPage {
    layout: Layout,
    csrf: String,
    report: Option<Report>,
    problem: Option<String>,
}

impl RosterPage {
    /// The prefix of the report's messages.
    const MESSAGES: &str = "roster";
}

/// The upload form of a district administrator.
pub async fn show_roster_upload(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
) -> Result<Response, AppError> {
    policy::administered_district(&state.db, session.user()).await?;
    roster_page(&ctx, session, None, None, StatusCode::OK)
}

fn roster_page(
    ctx: &PageCtx,
    session: SessionCtx,
    report: Option<Report>,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = RosterPage {
        layout: ctx.layout(ctx.t("roster-title"), "home"),
        csrf: session.csrf_token().to_string(),
        report,
        problem,
    };
    Ok(session.attach((status, render(&page)?).into_response()))
}

/// Imports an uploaded set into the administrator's district and shows the report.
pub async fn upload_roster(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    request: Request,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    let upload = receive(request, &state).await?;
    session.verify_csrf(&upload.csrf)?;
    let Some((name, file)) = upload.file else {
        let problem = ctx.t("roster-choose-file");
        return roster_page(&ctx, session, None, Some(problem), StatusCode::BAD_REQUEST);
    };
    let actor = session.user().cloned();
    let report = import_upload(&state, name, file, district, upload.dry_run, actor).await?;
    let status = answer_status(&report);
    roster_page(&ctx, session, Some(report), None, status)
}

/// Imports a OneRoster 1.1 or 1.2 set into the token's district: all or nothing, the same report as the upload page.
#[utoipa::path(post, path = "/api/v1/district/oneroster", tag = "district",
    security(("token" = ["roster:import"])),
    request_body(content_type = "multipart/form-data", description = "`file`: the OneRoster 1.1 or 1.2 CSV set as a zip; `dry_run`: `true` to check without writing"),
    responses(
        (status = 200, description = "Imported, or valid with `dry_run` (the report)"),
        (status = 400, description = "The request has no zip in its `file` field, or a field is not understood", body = crate::error::ErrorBody),
        (status = 422, description = "Rejected: nothing was written (the report says file, line, column and what to do)"),
        (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody)))]
pub async fn api_import_roster(
    State(state): State<AppState>,
    Bearer(token): Bearer,
    request: Request,
) -> Result<Response, AppError> {
    let district = policy::check_token(token.as_ref(), Scope::RosterImport)?;
    let upload = receive(request, &state).await?;
    let (name, file) = upload.file.ok_or_else(|| upload_problem("the field \"file\" with the zip is missing"))?;
    let report = import_upload(&state, name, file, district, upload.dry_run, None).await?;
    let status = answer_status(&report);
    Ok((status, Json(report)).into_response())
}
