//! The audit-log search page for district administrators.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;
use time::{Date, OffsetDateTime, Time};

use super::{Action, Row, Search};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy;
use crate::error::AppError;
use crate::web::{Layout, PageCtx, Pager, parse_page, render};

const PER_PAGE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct AuditParams {
    q: Option<String>,
    action: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "people/audit.html")]
struct AuditPage {
    layout: Layout,
    rows: Vec<Row>,
    pager: Pager,
    pager_label: String,
    q: String,
    action: String,
    from: String,
    to: String,
    actions: [Action; 12],
}

/// Reads a `YYYY-MM-DD` date field; empty means no bound.
fn parse_day(field: &str, value: Option<&str>) -> Result<Option<Date>, AppError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => Date::parse(v, &format).map(Some).map_err(|_| {
            AppError::bad_request(
                field,
                "error-field-date",
                format!("{field} must be a date like 2026-09-01, not {v:?}"),
            )
        }),
    }
}

pub async fn show_audit_log(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Query(params): Query<AuditParams>,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    let page = parse_page(params.page.as_deref())?;
    let action = match params.action.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        None => None,
        Some(a) => Some(Action::parse(a).ok_or_else(|| {
            AppError::bad_request("action", "error-field-action", format!("{a:?} is not an action of the audit log"))
        })?),
    };
    let from = parse_day("from", params.from.as_deref())?;
    let to = parse_day("to", params.to.as_deref())?;
    let search = Search {
        person: params.q.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(str::to_string),
        action,
        since: from.map(|d| OffsetDateTime::new_utc(d, Time::MIDNIGHT)),
        until: to.and_then(|d| d.next_day()).map(|d| OffsetDateTime::new_utc(d, Time::MIDNIGHT)),
    };
    let (rows, total) = super::search(&state.db, district, &search, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let kept = [
        ("q", text(&params.q)),
        ("action", text(&params.action)),
        ("from", text(&params.from)),
        ("to", text(&params.to)),
    ];
    let pager = Pager::new(page, PER_PAGE, total, "/audit", &kept).with_anchor("results");
    render(&AuditPage {
        layout: ctx.layout(ctx.t("audit-title"), "home"),
        rows,
        pager,
        pager_label: ctx.t("audit-pages"),
        q: text(&params.q),
        action: text(&params.action),
        from: text(&params.from),
        to: text(&params.to),
        actions: Action::ALL,
    })
}
