//! The insights pages: the index with the district's suppression threshold, and equity of
//! access (funnel of all students, a breakdown by group with a heat map, CSV and JSON).

use askama::Template;
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::charts::{FunnelChart, HeatMap};
use super::equity::{DISPARITY_FLAG, Dimension, Funnel, FunnelRow, Stage, Student};
use super::filters::{Filters, Viewer, csv_download};
use super::store;
use super::suppression::MIN_THRESHOLD;
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::auth::tokens::{Bearer, Scope};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::orgs::model::Role;
use crate::web::{FormFields, Layout, PageCtx, render, sheet};

#[derive(Template)]
#[template(path = "insights/index.html")]
struct IndexPage {
    layout: Layout,
    csrf: String,
    threshold: i64,
    minimum: i64,
    district_admin: bool,
    saved: bool,
}

pub async fn show_insights(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::ViewInsights).await?;
    let user = session.require_user()?;
    let district = user.district_id.ok_or(AppError::Denied)?;
    let page = IndexPage {
        layout: ctx.layout(ctx.t("insights-title"), "home"),
        csrf: session.csrf_token().to_string(),
        threshold: store::threshold(&state.db, district).await?,
        minimum: MIN_THRESHOLD,
        district_admin: user.role == Role::DistrictAdmin,
        saved: FormFields::from_query(query).get("saved") == "1",
    };
    render(&page)
}

/// Sets the district's small-cell threshold: a whole number, never below the minimum.
pub async fn save_insights_settings(
    State(state): State<AppState>,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    session.verify_csrf(form.get("csrf"))?;
    let threshold = form.get("threshold").trim().parse::<i64>().ok().filter(|t| (MIN_THRESHOLD..=1000).contains(t));
    let threshold = threshold.ok_or_else(|| {
        AppError::bad_request(
            "threshold",
            "error-field-threshold",
            format!("give a whole number of students from {MIN_THRESHOLD} to 1000"),
        )
    })?;
    store::set_threshold(&state.db, district, threshold).await?;
    Ok(Redirect::to("/insights?saved=1").into_response())
}

/// A cell of the group table as the page shows it.
struct CellView {
    count: Option<i64>,
    rate: Option<f64>,
    gap: Option<f64>,
    ratio: Option<f64>,
    flagged: bool,
}

impl CellView {
    /// A gap above all students is written with its plus sign.
    fn above(&self) -> bool {
        self.gap.is_some_and(|g| g > 0.0)
    }
}

struct RowView {
    label: String,
    students: Option<i64>,
    cells: Vec<CellView>,
}

impl RowView {
    fn of(row: &FunnelRow, label: String) -> Self {
        let cells = row
            .stages
            .iter()
            .map(|s| CellView {
                count: s.count,
                rate: s.rate,
                gap: s.gap,
                ratio: s.ratio,
                flagged: s.ratio.is_some_and(|r| r < DISPARITY_FLAG),
            })
            .collect();
        Self { label, students: row.students, cells }
    }
}

#[derive(Template)]
#[template(path = "insights/equity.html")]
struct EquityPage {
    layout: Layout,
    filters: Filters,
    query: String,
    dimension: Dimension,
    dimension_name: String,
    dimensions: Vec<(&'static str, String)>,
    stages: Vec<String>,
    definitions: Vec<(String, String)>,
    threshold: i64,
    as_of: String,
    all: RowView,
    groups: Vec<RowView>,
    funnel_chart: FunnelChart,
    funnel_desc: String,
    heat_map: HeatMap,
    heat_desc: String,
}

/// The label of a group of `dimension` keyed `key` (see [`super::equity::Group::key`]).
fn group_label(lang: Lang, filters: &Filters, dimension: Dimension, key: &str) -> String {
    match (dimension, key) {
        (_, "unknown") => lang.t("group-unknown"),
        (Dimension::Grade, grade) => lang.t_args("group-grade", &[("grade", grade.to_string().into())]),
        (Dimension::School, school) => school
            .parse::<uuid::Uuid>()
            .map(|id| filters.school_name(crate::ids::SchoolId::from(id)))
            .unwrap_or_else(|_| school.to_string()),
        (_, "yes" | "no") => lang.t(&format!("group-{key}")),
        (dimension, value) => lang.t(&format!("group-{}-{value}", dimension.key())),
    }
}

fn stage_names(lang: Lang) -> Vec<String> {
    Stage::ALL.iter().map(|s| lang.t(&format!("stage-{}", s.key()))).collect()
}

fn percent(lang: Lang, rate: f64) -> String {
    format!("{} %", lang.decimal(rate, 1))
}

pub async fn show_equity(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (_, fields, filters) = Filters::of_request(&state, &session, query).await?;
    let dimension = match fields.get("by") {
        "" => Dimension::Ethnicity,
        key => Dimension::parse(key).ok_or_else(|| {
            AppError::bad_request("by", "error-field-dimension", "choose one of the listed student groups")
        })?,
    };
    let threshold = store::threshold(&state.db, filters.scope.district).await?;
    let snapshot = state.reports.students(&filters.scope).await?;
    let funnel = Funnel::of(&snapshot.students, dimension, threshold);
    let lang = ctx.lang;
    let stages = stage_names(lang);
    let all = RowView::of(&funnel.all, lang.t("group-all"));
    let groups: Vec<RowView> =
        funnel.groups.iter().map(|g| RowView::of(g, group_label(lang, &filters, dimension, &g.group))).collect();
    let funnel_rows: Vec<(String, Option<f64>, String)> = stages
        .iter()
        .zip(&all.cells)
        .map(|(name, cell)| {
            let text = match (cell.count, cell.rate) {
                (Some(count), Some(rate)) => format!("{} · {}", lang.int(count), percent(lang, rate)),
                _ => "*".to_string(),
            };
            (name.clone(), cell.count.map(|c| c as f64), text)
        })
        .collect();
    let funnel_desc =
        funnel_rows.iter().map(|(name, _, text)| format!("{name}: {text}")).collect::<Vec<_>>().join("; ");
    let heat_rows: Vec<(String, Vec<Option<f64>>)> =
        groups.iter().map(|g| (g.label.clone(), g.cells.iter().map(|c| c.rate).collect())).collect();
    let heat_desc = heat_rows
        .iter()
        .map(|(label, rates)| {
            let rates: Vec<String> = stages
                .iter()
                .zip(rates)
                .map(|(stage, rate)| format!("{stage} {}", rate.map_or("*".to_string(), |r| percent(lang, r))))
                .collect();
            format!("{label}: {}", rates.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let page = EquityPage {
        layout: ctx.layout(ctx.t("equity-title"), "home"),
        query: filters.query(),
        dimension_name: lang.t(&format!("dimension-{}", dimension.key())),
        dimensions: Dimension::ALL
            .iter()
            .filter(|d| !(filters.school_only && **d == Dimension::School))
            .map(|d| (d.key(), lang.t(&format!("dimension-{}", d.key()))))
            .collect(),
        funnel_chart: FunnelChart::new(&funnel_rows),
        heat_map: HeatMap::new(&short_stage_names(lang), &heat_rows, 100.0, |r| lang.decimal(r, 0)),
        funnel_desc,
        heat_desc,
        definitions: stages
            .iter()
            .zip(Stage::ALL)
            .map(|(name, stage)| (name.clone(), lang.t(&format!("stage-{}-definition", stage.key()))))
            .collect(),
        as_of: lang.datetime(snapshot.as_of),
        filters,
        dimension,
        stages,
        threshold,
        all,
        groups,
    };
    render(&page)
}

fn short_stage_names(lang: Lang) -> Vec<String> {
    Stage::ALL.iter().map(|s| lang.t(&format!("stage-{}-short", s.key()))).collect()
}

/// Every group table as CSV: one row per group, suppressed values written "*".
pub async fn export_equity(
    State(state): State<AppState>,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (user, _, filters) = Filters::of_request(&state, &session, query).await?;
    let threshold = store::threshold(&state.db, filters.scope.district).await?;
    let snapshot = state.reports.students(&filters.scope).await?;
    let csv = equity_csv(&snapshot.students, &filters, threshold);
    let filename = format!("equity-of-access-{}.csv", filters.scope.year.label);
    let file = ("/insights/equity.csv", "equity of access by group", filename.as_str());
    csv_download(&state, &session, (user, &filters), file, csv).await
}

fn equity_csv(students: &[Student], filters: &Filters, threshold: i64) -> String {
    let mut header = vec!["dimension".to_string(), "group".into(), "group_name".into(), "students".into()];
    for stage in Stage::ALL {
        for measure in ["count", "rate", "gap", "ratio"] {
            header.push(format!("{}_{measure}", stage.key()));
        }
    }
    let mut csv = sheet::document();
    sheet::line(&mut csv, header);
    let number = |value: Option<f64>| value.map_or_else(|| "*".to_string(), |v| v.to_string());
    for dimension in Dimension::ALL {
        let funnel = Funnel::of(students, dimension, threshold);
        for row in funnel.groups.iter().chain(std::iter::once(&funnel.all)) {
            let name =
                if row.group == "all" { "All students".to_string() } else { csv_name(filters, dimension, &row.group) };
            let mut line = vec![dimension.key().to_string(), row.group.clone(), sheet::cell(&name)];
            line.push(number(row.students.map(|n| n as f64)));
            for cell in &row.stages {
                line.extend([
                    number(cell.count.map(|c| c as f64)),
                    number(cell.rate),
                    number(cell.gap),
                    number(cell.ratio),
                ]);
            }
            sheet::line(&mut csv, line);
        }
    }
    csv
}

fn csv_name(filters: &Filters, dimension: Dimension, key: &str) -> String {
    group_label(Lang::En, filters, dimension, key)
}

/// The equity report over the API.
#[derive(Serialize, ToSchema)]
pub struct EquityResponse {
    pub school_year: String,
    /// When the figures were counted (RFC 3339); they are kept for up to a minute.
    #[schema(format = DateTime)]
    pub as_of: String,
    /// Groups smaller than this are not shown, nor are counts below it.
    pub threshold: i64,
    pub funnels: Vec<Funnel>,
}

/// Equity of access by student group, suppressed as on the page: for a signed-in
/// administrator, or a district's system with a `reports:read` token.
#[utoipa::path(get, path = "/api/v1/insights/equity", tag = "insights",
    params(("school" = Option<String>, Query, description = "A school's id (district reports only)"),
        ("grade" = Option<i64>, Query, description = "Grade 6–12"),
        ("year" = Option<String>, Query, description = "School year, as 2026-27")),
    security(("token" = ["reports:read"]), ("session" = [])),
    responses((status = 200, body = EquityResponse), (status = 400, body = crate::error::ErrorBody),
        (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody)))]
pub async fn api_equity(
    State(state): State<AppState>,
    session: SessionCtx,
    Bearer(token): Bearer,
    RawQuery(query): RawQuery,
) -> Result<Json<EquityResponse>, AppError> {
    let now = OffsetDateTime::now_utc();
    let fields = FormFields::from_query(query);
    let (viewer, actor) = match (token.as_ref(), session.user()) {
        (Some(_), _) | (None, None) => {
            let district = policy::check_token(token.as_ref(), Scope::ReportsRead)?;
            (Viewer { district, school: None }, None)
        }
        (None, Some(user)) => {
            policy::check(&state.db, Some(user), Permission::ViewInsights).await?;
            (Viewer::of(user)?, Some(user))
        }
    };
    let filters = Filters::read(&state.db, viewer, &fields, now.date()).await?;
    let threshold = store::threshold(&state.db, filters.scope.district).await?;
    let snapshot = state.reports.students(&filters.scope).await?;
    let funnels = Dimension::ALL.iter().map(|d| Funnel::of(&snapshot.students, *d, threshold)).collect();
    let resource = format!("/api/v1/insights/equity?{}", filters.query());
    let entry = match actor {
        Some(user) => Entry::by(user, Action::Export, &resource).from_ip(session.ip()),
        None => Entry::without_actor(Action::Export, Some(filters.scope.district), &resource),
    };
    audit::record(&state.db, &Entry { district: Some(filters.scope.district), ..entry }, now).await?;
    Ok(Json(EquityResponse {
        school_year: filters.scope.year.label,
        as_of: rfc3339(snapshot.as_of),
        threshold,
        funnels,
    }))
}

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}
