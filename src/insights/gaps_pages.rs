//! The gap analysis pages: sub-clusters in demand against the district's program coverage,
//! student interest against seats (tables, bar charts, CSV), and the page where a district
//! administrator imports regional labor demand or returns to the national projections.

use askama::Template;
use axum::extract::{RawQuery, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::alignment_pages::coverage;
use super::charts::BarChart;
use super::filters::{Filters, csv_download};
use super::gaps::{self, GapRow, InterestRow};
use super::labor::{self, Import, RegionalSource};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy;
use crate::error::AppError;
use crate::i18n::{Arg, Lang};
use crate::ids::DistrictId;
use crate::oneroster::report::{Report, Status};
use crate::oneroster::upload::receive;
use crate::orgs::model::Role;
use crate::web::{FormFields, Layout, PageCtx, render, sheet};

/// Largest regional demand file accepted: every SOC occupation many times over.
pub const MAX_UPLOAD_BYTES: usize = 16 * 1024 * 1024;

/// Sub-clusters the share chart shows: those with the most openings.
const CHART_ROWS: usize = 12;

/// The gap analysis of the filtered schools: every sub-cluster and cluster.
struct Analysis {
    source: Option<RegionalSource>,
    gaps: Vec<GapRow>,
    interest: Vec<InterestRow>,
}

async fn analysis(state: &AppState, lang: Lang, filters: &Filters) -> Result<Analysis, AppError> {
    let district = filters.scope.district;
    let source = labor::regional_source(&state.db, district).await?;
    let linked = labor::linked_demand(state.reports.db(), district, source.is_some()).await?;
    let coverage = coverage(state, lang, filters).await?;
    let demand = gaps::demand_by_subcluster(&linked);
    let gaps = gaps::analyse(&coverage.rows, &demand, labor::total_openings(&linked));
    Ok(Analysis { source, gaps, interest: gaps::interest(&coverage.rows) })
}

fn money(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("${}", lang.int(v.round() as i64)))
}

fn percent(lang: Lang, value: f64) -> String {
    format!("{} %", lang.decimal(value, 1))
}

/// A sub-cluster as the table shows it.
struct GapView {
    row: GapRow,
    openings: String,
    wage: String,
    growth: String,
    share: String,
    top: String,
    coverage: String,
}

impl GapView {
    fn of(lang: Lang, row: GapRow) -> Self {
        let top: Vec<String> = row
            .demand
            .top
            .iter()
            .map(|(title, openings)| format!("{title} ({})", lang.int(openings.round() as i64)))
            .collect();
        Self {
            openings: lang.int(row.demand.annual_openings.round() as i64),
            wage: money(lang, row.demand.median_wage),
            growth: row.demand.growth_percent.map_or_else(|| "—".to_string(), |g| percent(lang, g)),
            share: percent(lang, row.share),
            top: top.join("; "),
            coverage: lang.t(&format!("gaps-coverage-{}", row.coverage.key())),
            row,
        }
    }
}

/// "240 students interested in Healthcare & Human Services, 2 courses, 1 partner".
fn interest_sentence(lang: Lang, row: &InterestRow) -> String {
    let o = &row.offer;
    let args = [
        ("students", Arg::Num(o.interested as f64)),
        ("cluster", Arg::Str(row.name.clone())),
        ("courses", Arg::Num(o.courses as f64)),
        ("partners", Arg::Num(o.partners as f64)),
        ("seats", Arg::Num(o.seats as f64)),
    ];
    lang.t_args("gaps-interest-sentence", &args)
}

struct InterestView {
    row: InterestRow,
    sentence: String,
}

#[derive(Template)]
#[template(path = "insights/gaps.html")]
struct GapsPage {
    layout: Layout,
    filters: Filters,
    query: String,
    source: String,
    may_import: bool,
    gap_count: usize,
    rows: Vec<GapView>,
    share_chart: BarChart,
    share_desc: String,
    interest: Vec<InterestView>,
    interest_chart: BarChart,
    interest_desc: String,
}

/// What the figures are: the national projections or the district's region.
fn source_text(lang: Lang, source: &Option<RegionalSource>) -> String {
    match source {
        None => lang.t("gaps-source-national"),
        Some(s) => lang.t_args(
            "gaps-source-regional",
            &[
                ("region", Arg::Str(s.region.clone())),
                ("file", Arg::Str(s.file_name.clone())),
                ("occupations", Arg::Num(s.occupations as f64)),
                ("date", Arg::Str(lang.datetime(s.imported_at))),
            ],
        ),
    }
}

/// Each sub-cluster's share of openings beside its share of the district's aligned courses.
fn share_chart(lang: Lang, rows: &[GapView]) -> (BarChart, String) {
    let courses: i64 = rows.iter().map(|r| r.row.offer.courses).sum();
    let chart_rows: Vec<(String, Vec<Option<f64>>)> = rows
        .iter()
        .take(CHART_ROWS)
        .map(|r| {
            let course_share = if courses > 0 { r.row.offer.courses as f64 / courses as f64 * 100.0 } else { 0.0 };
            (r.row.name.clone(), vec![Some(r.row.share), Some(course_share)])
        })
        .collect();
    let desc = chart_rows
        .iter()
        .map(|(name, values)| {
            let [openings, courses] = [values[0], values[1]].map(|v| percent(lang, v.unwrap_or_default()));
            lang.t_args(
                "gaps-share-desc",
                &[("name", Arg::Str(name.clone())), ("openings", Arg::Str(openings)), ("courses", Arg::Str(courses))],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let legend = vec![lang.t("gaps-share-openings"), lang.t("gaps-share-courses")];
    (BarChart::new(&chart_rows, legend, |v| percent(lang, v)), desc)
}

/// Students interested in each cluster beside the seats of its open opportunities.
fn interest_chart(lang: Lang, rows: &[InterestView]) -> (BarChart, String) {
    let chart_rows: Vec<(String, Vec<Option<f64>>)> = rows
        .iter()
        .map(|r| (r.row.name.clone(), vec![Some(r.row.offer.interested as f64), Some(r.row.offer.seats as f64)]))
        .collect();
    let desc = rows.iter().map(|r| r.sentence.clone()).collect::<Vec<_>>().join("; ");
    let legend = vec![lang.t("gaps-interested"), lang.t("gaps-seats")];
    (BarChart::new(&chart_rows, legend, |v| lang.int(v as i64)), desc)
}

pub async fn show_gaps(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (user, _, filters) = Filters::of_request(&state, &session, query).await?;
    let lang = ctx.lang;
    let analysis = analysis(&state, lang, &filters).await?;
    let rows: Vec<GapView> = analysis.gaps.into_iter().map(|row| GapView::of(lang, row)).collect();
    let interest: Vec<InterestView> = analysis
        .interest
        .into_iter()
        .map(|row| InterestView { sentence: interest_sentence(lang, &row), row })
        .collect();
    let (share_chart, share_desc) = share_chart(lang, &rows);
    let (interest_chart, interest_desc) = interest_chart(lang, &interest);
    let page = GapsPage {
        layout: ctx.layout(ctx.t("gaps-title"), "home"),
        query: filters.query(),
        source: source_text(lang, &analysis.source),
        may_import: user.role == Role::DistrictAdmin,
        gap_count: rows.iter().filter(|r| r.row.is_gap()).count(),
        rows,
        share_chart,
        share_desc,
        interest,
        interest_chart,
        interest_desc,
        filters,
    };
    render(&page)
}

/// Every sub-cluster's demand and coverage as CSV.
pub async fn export_gaps(
    State(state): State<AppState>,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (user, _, filters) = Filters::of_request(&state, &session, query).await?;
    let analysis = analysis(&state, Lang::En, &filters).await?;
    let mut csv = sheet::document();
    sheet::line(
        &mut csv,
        [
            "cluster_id",
            "subcluster_id",
            "subcluster",
            "annual_openings",
            "median_wage",
            "growth_percent",
            "share_of_openings_percent",
            "high_demand",
            "courses",
            "programs",
            "lessons",
            "partners",
            "opportunities",
            "seats",
            "students_interested",
            "coverage",
            "gap",
            "largest_occupations",
        ]
        .map(String::from)
        .to_vec(),
    );
    let number = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{:.1}", v));
    for row in &analysis.gaps {
        let o = &row.offer;
        let top: Vec<&str> = row.demand.top.iter().map(|(title, _)| title.as_str()).collect();
        let mut line = vec![row.cluster_id.clone(), row.subcluster_id.clone(), sheet::cell(&row.name)];
        line.extend([
            format!("{:.0}", row.demand.annual_openings),
            number(row.demand.median_wage),
            number(row.demand.growth_percent),
            format!("{:.2}", row.share),
            row.high_demand.to_string(),
        ]);
        line.extend(
            [o.courses, o.programs, o.lessons, o.partners, o.opportunities, o.seats, o.interested]
                .map(|n| n.to_string()),
        );
        line.extend([row.coverage.key().to_string(), row.is_gap().to_string(), sheet::cell(&top.join("; "))]);
        sheet::line(&mut csv, line);
    }
    let file = ("/insights/gaps.csv", "labor demand gaps", "labor-demand-gaps.csv");
    csv_download(&state, &session, (user, &filters), file, csv).await
}

#[derive(Template)]
#[template(path = "insights/labor_demand.html")]
struct LaborPage {
    layout: Layout,
    csrf: String,
    source: String,
    regional: bool,
    report: Option<Report>,
    problem: Option<String>,
}

impl LaborPage {
    /// The prefix of the report's messages.
    const MESSAGES: &str = "labor";
}

async fn labor_page(
    state: &AppState,
    ctx: &PageCtx,
    session: SessionCtx,
    district: DistrictId,
    outcome: (Option<Report>, Option<String>),
    status: StatusCode,
) -> Result<Response, AppError> {
    let source = labor::regional_source(&state.db, district).await?;
    let page = LaborPage {
        layout: ctx.layout(ctx.t("labor-title"), "home"),
        csrf: session.csrf_token().to_string(),
        regional: source.is_some(),
        source: source_text(ctx.lang, &source),
        report: outcome.0,
        problem: outcome.1,
    };
    Ok(session.attach((status, render(&page)?).into_response()))
}

pub async fn show_labor_demand(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    labor_page(&state, &ctx, session, district, (None, None), StatusCode::OK).await
}

/// Imports an uploaded regional file, all or nothing, and shows the report.
pub async fn upload_labor_demand(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    request: Request,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    let upload = receive(request, &state).await?;
    session.verify_csrf(&upload.csrf)?;
    let Some((name, file)) = &upload.file else {
        let problem = ctx.t("labor-choose-file");
        return labor_page(&state, &ctx, session, district, (None, Some(problem)), StatusCode::BAD_REQUEST).await;
    };
    let region = upload.field("region").trim();
    let region = if region.is_empty() { name.as_str() } else { region };
    let import = Import { district, region, file_name: name, actor: session.user(), dry_run: upload.dry_run };
    let report = labor::import(&state.db, file.path(), &import).await?;
    let status = if report.status == Status::Rejected { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    labor_page(&state, &ctx, session, district, (Some(report), None), status).await
}

/// Returns the district to the national projections.
pub async fn use_national_demand(
    State(state): State<AppState>,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    session.verify_csrf(form.get("csrf"))?;
    labor::forget(&state.db, district, session.require_user()?).await?;
    Ok(Redirect::to("/insights/labor-demand").into_response())
}
