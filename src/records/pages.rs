//! The pages of a student's record as a whole, for district administrators answering a
//! family's request: what is held (part by part), downloads as JSON and PDF, anonymizing it;
//! and the district's retention period.

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::Value;
use time::OffsetDateTime;

use super::retention;
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::{DistrictId, UserId};
use crate::orgs::store::{self as people, StudentRecord};
use crate::pdf::Document;
use crate::web::{FormFields, Layout, PageCtx, attachment, render};
use crate::with_pool;

#[derive(Template)]
#[template(path = "people/records.html")]
struct RecordsPage {
    layout: Layout,
    student: StudentRecord,
    /// The student's name as the administrator types it to confirm.
    name: String,
    /// Each part's title and how many rows it holds.
    parts: Vec<(String, i64)>,
    anonymized_at: Option<OffsetDateTime>,
    /// Private counselor notes, left out of the export.
    withheld: i64,
    csrf: String,
    problem: Option<String>,
}

/// The student whose whole record an administrator may manage, after the policy check.
async fn managed(state: &AppState, session: &SessionCtx, id: &str) -> Result<StudentRecord, AppError> {
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    policy::check(&state.db, session.user(), Permission::ManageStudentRecord(id)).await?;
    people::student_record(&state.db, id).await?.ok_or(AppError::NotFound)
}

/// The student whose whole record an administrator reads (`action` on `path`), after the
/// policy check and with its audit entry.
async fn read(
    state: &AppState,
    session: &SessionCtx,
    id: &str,
    action: Action,
    path: &str,
) -> Result<StudentRecord, AppError> {
    let student = managed(state, session, id).await?;
    let user = session.require_user()?;
    let resource = format!("/students/{}/{path}", student.id);
    let entry = Entry::by(user, action, &resource).student(student.id, student.district_id).from_ip(session.ip());
    audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?;
    Ok(student)
}

async fn anonymized_at(state: &AppState, student: UserId) -> Result<Option<OffsetDateTime>, sqlx::Error> {
    const SQL: &str = "SELECT anonymized_at FROM users WHERE id = $1";
    let found: Option<Option<OffsetDateTime>> =
        with_pool!(&state.db, pool => sqlx::query_scalar(SQL).bind(student).fetch_optional(pool).await)?;
    Ok(found.flatten())
}

fn part_title(lang: Lang, table: &str) -> String {
    lang.t(&format!("records-part-{table}"))
}

async fn records_page(
    state: &AppState,
    ctx: &PageCtx,
    session: &SessionCtx,
    student: StudentRecord,
    problem: Option<String>,
) -> Result<Response, AppError> {
    let parts = super::counts(&state.db, student.id)
        .await?
        .into_iter()
        .map(|(table, count)| (part_title(ctx.lang, table), count))
        .collect();
    let title =
        ctx.lang.t_args("records-title", &[("name", format!("{} {}", student.given_name, student.family_name).into())]);
    let page = RecordsPage {
        layout: ctx.layout(title, "home"),
        anonymized_at: anonymized_at(state, student.id).await?,
        name: format!("{} {}", student.given_name, student.family_name),
        withheld: super::withheld_notes(&state.db, student.id).await?,
        student,
        parts,
        csrf: session.csrf_token().to_string(),
        problem,
    };
    render_refused(&page, page.problem.is_some())
}

/// The page, answered 400 when it shows why a form was refused.
fn render_refused(page: &impl Template, refused: bool) -> Result<Response, AppError> {
    let status = if refused { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    Ok((status, render(page)?).into_response())
}

/// What is held about the student, with the downloads and the anonymize form.
pub async fn show_records(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let student = read(&state, &session, &id, Action::ViewStudent, "records").await?;
    records_page(&state, &ctx, &session, student, None).await
}

/// Everything held about the student, as JSON.
pub async fn export_records_json(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let student = read(&state, &session, &id, Action::Export, "records.json").await?;
    let record = super::collect(&state.db, student.id, OffsetDateTime::now_utc()).await?;
    let headers = attachment("application/json", &student.file_name("record", "json"));
    Ok(session.attach((headers, Json(record)).into_response()))
}

/// Everything held about the student, as a PDF to hand to the family.
pub async fn export_records_pdf(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let student = read(&state, &session, &id, Action::Export, "records.pdf").await?;
    let now = OffsetDateTime::now_utc();
    let record = super::collect(&state.db, student.id, now).await?;
    let bytes = document(&student, &record, ctx.lang, now);
    let headers = attachment("application/pdf", &student.file_name("record", "pdf"));
    Ok(session.attach((headers, bytes).into_response()))
}

/// A field's value as a person reads it; ids are left out.
fn shown(key: &str, value: &Value) -> Option<String> {
    if key == "id" || key.ends_with("_id") {
        return None;
    }
    match value {
        Value::Null => None,
        Value::String(text) if text.is_empty() => None,
        Value::String(text) => Some(text.clone()),
        Value::Bool(yes) => Some(if *yes { "yes" } else { "no" }.to_string()),
        other => Some(other.to_string()),
    }
}

/// The record as a PDF: each part a section, each row a line of its fields.
fn document(student: &StudentRecord, record: &Value, lang: Lang, now: OffsetDateTime) -> Vec<u8> {
    let name = format!("{} {}", student.given_name, student.family_name);
    let title = lang.t_args("records-title", &[("name", name.into())]);
    let mut doc = Document::new(&title, lang.code());
    doc.title(&title);
    doc.detail(&lang.t_args("records-pdf-made", &[("at", lang.datetime(now).into())]));
    doc.paragraph(&lang.t("records-pdf-intro"));
    let withheld = record["withheld"]["private_counselor_notes"].as_i64().unwrap_or(0);
    if withheld > 0 {
        doc.paragraph(&lang.t_args("records-withheld", &[("count", withheld.into())]));
    }
    for part in super::PARTS {
        doc.heading(&part_title(lang, part.table));
        let rows = record["parts"][part.table].as_array().cloned().unwrap_or_default();
        if rows.is_empty() {
            doc.detail(&lang.t("records-none"));
        }
        for row in rows.iter().filter_map(Value::as_object) {
            let fields: Vec<String> =
                row.iter().filter_map(|(key, value)| shown(key, value).map(|v| format!("{key}: {v}"))).collect();
            doc.bullet(&fields.join(" · "));
        }
    }
    doc.finish()
}

/// Anonymizes the student's record once the administrator typed the student's name.
pub async fn anonymize_records(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let student = managed(&state, &session, &id).await?;
    session.verify_csrf(form.get("csrf"))?;
    let name = format!("{} {}", student.given_name, student.family_name);
    let typed = form.get("confirm").split_whitespace().collect::<Vec<_>>().join(" ");
    if !typed.eq_ignore_ascii_case(&name) {
        let problem = ctx.lang.t_args("records-confirm-mismatch", &[("name", name.into())]);
        return records_page(&state, &ctx, &session, student, Some(problem)).await;
    }
    let user = session.require_user()?.clone();
    let district = student.district_id.ok_or(AppError::Denied)?;
    let now = OffsetDateTime::now_utc();
    let reason = form.get("reason").trim().chars().take(500).collect::<String>();
    let detail = if reason.is_empty() { "on request".to_string() } else { format!("on request: {reason}") };
    if super::anonymize(&state.db, student.id, now).await? {
        super::record_anonymized(&state.db, Some(&user), district, student.id, &detail, now).await?;
    }
    Ok(session.attach(Redirect::to(&format!("/students/{}/records", student.id)).into_response()))
}

#[derive(Template)]
#[template(path = "admin/retention.html")]
struct RetentionPage {
    layout: Layout,
    months: Option<i64>,
    typed: String,
    left: i64,
    due: usize,
    csrf: String,
    problem: Option<String>,
    done: Option<usize>,
}

async fn retention_page(
    state: &AppState,
    ctx: &PageCtx,
    session: &SessionCtx,
    district: DistrictId,
    typed: Option<String>,
    problem: Option<String>,
    done: Option<usize>,
) -> Result<Response, AppError> {
    let months = retention::months(&state.db, district).await?;
    let (left, due) = retention::due(&state.db, district, months, OffsetDateTime::now_utc()).await?;
    let page = RetentionPage {
        layout: ctx.layout(ctx.t("retention-title"), "home"),
        typed: typed.unwrap_or_else(|| months.map(|m| m.to_string()).unwrap_or_default()),
        months,
        left,
        due: due.len(),
        csrf: session.csrf_token().to_string(),
        done,
        problem,
    };
    render_refused(&page, page.problem.is_some())
}

/// The district's retention period and the students past it.
pub async fn show_retention(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    retention_page(&state, &ctx, &session, district, None, None, None).await
}

/// The district whose administrator sent `form`, after the policy and CSRF checks.
async fn administering(state: &AppState, session: &SessionCtx, form: &FormFields) -> Result<DistrictId, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    session.verify_csrf(form.get("csrf"))?;
    Ok(district)
}

/// Sets the retention period: a number of months, or blank to keep records until asked.
pub async fn save_retention(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let district = administering(&state, &session, &form).await?;
    let typed = form.get("months").trim().to_string();
    let months = match typed.as_str() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(m) if (1..=retention::MAX_MONTHS).contains(&m) => Some(m),
            _ => {
                let problem = ctx.lang.t_args("retention-months-invalid", &[("max", retention::MAX_MONTHS.into())]);
                return retention_page(&state, &ctx, &session, district, Some(typed), Some(problem), None).await;
            }
        },
    };
    let user = session.require_user()?.clone();
    let detail = match months {
        Some(m) => format!("retention period set to {m} months after a student leaves the roster"),
        None => "retention period removed: records kept until an administrator anonymizes them".to_string(),
    };
    let entry = Entry::by(&user, Action::Change, "/admin/retention").from_ip(session.ip()).detail(&detail);
    audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?;
    retention::set_months(&state.db, district, months).await?;
    Ok(session.attach(Redirect::to("/admin/retention").into_response()))
}

/// Anonymizes now the students past the district's retention period.
pub async fn apply_retention(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let district = administering(&state, &session, &form).await?;
    let user = session.require_user()?.clone();
    let done = match retention::months(&state.db, district).await? {
        Some(months) => retention::apply(&state.db, district, months, Some(&user), OffsetDateTime::now_utc()).await?,
        None => 0,
    };
    retention_page(&state, &ctx, &session, district, None, None, Some(done)).await
}
