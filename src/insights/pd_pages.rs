//! The professional development pages: sessions of the school year with attendance and the
//! lessons attendees tagged afterwards, hours per teacher (tables, a stacked bar chart, CSV),
//! and the forms administrators record sessions and attendance with.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use time::{Date, OffsetDateTime};

use super::charts::StackedChart;
use super::filters::{Filters, csv_download};
use super::pd::{self, Session, SessionInput, TeacherHours, Window};
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::catalog::names::{self, Kind};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::{DistrictId, PdSessionId, SchoolId, UserId};
use crate::orgs::model::{Role, User};
use crate::web::{FormFields, Layout, PageCtx, render, sheet};

/// Longest session length accepted, in hours (a week of training).
const MAX_HOURS: f64 = 40.0;

fn window(filters: &Filters) -> Window {
    Window { district: filters.scope.district, school: filters.scope.school, year: filters.scope.year.clone() }
}

/// Clusters by id, named in `lang`, in the framework's order.
async fn cluster_names(state: &AppState, lang: Lang) -> Result<Vec<(String, String)>, AppError> {
    let clusters = state.catalog.clusters().await?;
    Ok(clusters.into_iter().map(|c| (c.id.clone(), names::name(lang, Kind::Cluster, &c.id, &c.name))).collect())
}

struct SessionView {
    session: Session,
    school: String,
    cluster: String,
    held_on: String,
}

fn session_view(lang: Lang, filters: &Filters, clusters: &[(String, String)], session: Session) -> SessionView {
    SessionView {
        school: session.school_id.map_or_else(|| lang.t("pd-whole-district"), |s| filters.school_name(s)),
        cluster: session.cluster_id.as_ref().map_or_else(
            || lang.t("pd-no-focus"),
            |c| clusters.iter().find(|(id, _)| id == c).map_or(c.clone(), |(_, n)| n.clone()),
        ),
        held_on: lang.day(session.held_on),
        session,
    }
}

struct TeacherView {
    hours: TeacherHours,
    school: String,
}

/// Teacher-hours (hours × attendees) by cluster focus, split into school and district sessions.
fn hours_chart(lang: Lang, sessions: &[SessionView]) -> (StackedChart, String) {
    let mut by_focus: BTreeMap<&str, [f64; 2]> = BTreeMap::new();
    for view in sessions {
        let s = &view.session;
        let split = by_focus.entry(view.cluster.as_str()).or_default();
        split[usize::from(s.school_id.is_none())] += s.hours * s.attendees as f64;
    }
    let mut rows: Vec<(String, Vec<f64>)> =
        by_focus.into_iter().map(|(name, v)| (name.to_string(), v.to_vec())).collect();
    rows.sort_by(|a, b| b.1.iter().sum::<f64>().total_cmp(&a.1.iter().sum::<f64>()));
    let hours = |v: f64| lang.decimal(v, 1);
    let desc = rows
        .iter()
        .map(|(name, v)| format!("{name}: {} + {}", hours(v[0]), hours(v[1])))
        .collect::<Vec<_>>()
        .join("; ");
    let legend = vec![lang.t("pd-school-sessions"), lang.t("pd-district-sessions")];
    (StackedChart::new(&rows, legend, hours), desc)
}

#[derive(Template)]
#[template(path = "insights/pd.html")]
struct PdPage {
    layout: Layout,
    csrf: String,
    filters: Filters,
    query: String,
    sessions: Vec<SessionView>,
    teachers: Vec<TeacherView>,
    total_hours: f64,
    chart: StackedChart,
    chart_desc: String,
    clusters: Vec<(String, String)>,
    may_record: bool,
    today: String,
}

pub async fn show_pd(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (user, _, filters) = Filters::of_request(&state, &session, query).await?;
    let lang = ctx.lang;
    let clusters = cluster_names(&state, lang).await?;
    let window = window(&filters);
    let sessions: Vec<SessionView> = pd::sessions(&state.db, &window)
        .await?
        .into_iter()
        .map(|s| session_view(lang, &filters, &clusters, s))
        .collect();
    let teachers: Vec<TeacherView> = pd::teacher_hours(&state.db, &window)
        .await?
        .into_iter()
        .map(|hours| TeacherView {
            school: hours.school_id.map_or_else(String::new, |s| filters.school_name(s)),
            hours,
        })
        .collect();
    let (chart, chart_desc) = hours_chart(lang, &sessions);
    let page = PdPage {
        layout: ctx.layout(ctx.t("pd-title"), "home"),
        csrf: session.csrf_token().to_string(),
        query: filters.query(),
        total_hours: teachers.iter().map(|t| t.hours.hours).sum(),
        sessions,
        teachers,
        chart,
        chart_desc,
        clusters,
        may_record: matches!(user.role, Role::DistrictAdmin | Role::SchoolAdmin),
        today: OffsetDateTime::now_utc().date().to_string(),
        filters,
    };
    render(&page)
}

/// The sessions (`table=sessions`) or hours per teacher (the default) as CSV.
pub async fn export_pd(
    State(state): State<AppState>,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (user, fields, filters) = Filters::of_request(&state, &session, query).await?;
    let window = window(&filters);
    let mut csv = sheet::document();
    let (name, detail) = match fields.get("table") {
        "sessions" => {
            let clusters = cluster_names(&state, Lang::En).await?;
            sheet::line(
                &mut csv,
                ["held_on", "title", "school", "cluster_focus", "hours", "attendees", "lessons_tagged_after"]
                    .map(String::from)
                    .to_vec(),
            );
            for s in pd::sessions(&state.db, &window).await? {
                let view = session_view(Lang::En, &filters, &clusters, s);
                let s = &view.session;
                sheet::line(
                    &mut csv,
                    vec![
                        s.held_on.to_string(),
                        sheet::cell(&s.title),
                        sheet::cell(&view.school),
                        sheet::cell(&view.cluster),
                        s.hours.to_string(),
                        s.attendees.to_string(),
                        s.lessons_after.to_string(),
                    ],
                );
            }
            ("professional-development-sessions.csv", "professional development sessions")
        }
        "" | "teachers" => {
            sheet::line(
                &mut csv,
                ["teacher", "school", "sessions", "hours", "lessons_tagged_after"].map(String::from).to_vec(),
            );
            for t in pd::teacher_hours(&state.db, &window).await? {
                let school = t.school_id.map_or_else(String::new, |s| filters.school_name(s));
                sheet::line(
                    &mut csv,
                    vec![
                        sheet::cell(&t.name),
                        sheet::cell(&school),
                        t.sessions.to_string(),
                        t.hours.to_string(),
                        t.lessons_after.to_string(),
                    ],
                );
            }
            ("professional-development-hours.csv", "professional development hours per teacher")
        }
        _ => return Err(AppError::bad_request("table", "error-field-table", "choose sessions or teachers")),
    };
    let filename = format!("{}-{name}", filters.scope.year.label);
    csv_download(&state, &session, (user, &filters), ("/insights/pd.csv", detail, filename.as_str()), csv).await
}

/// May `user` record sessions and attendance at `school` (or, `None`, for the district)?
async fn check_recording(
    state: &AppState,
    user: Option<&User>,
    school: Option<SchoolId>,
) -> Result<DistrictId, AppError> {
    let user = user.ok_or(AppError::SignInRequired)?;
    let district = user.district_id.ok_or(AppError::Denied)?;
    let permission = school.map_or(Permission::AdministerDistrict(district), Permission::AdministerSchool);
    policy::check(&state.db, Some(user), permission).await?;
    Ok(district)
}

/// Reads and checks a new session's fields.
async fn session_input(state: &AppState, form: &FormFields, district: DistrictId) -> Result<SessionInput, AppError> {
    let title = form.get("title").trim().to_string();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(AppError::bad_request(
            "title",
            "error-field-title",
            "give the session a title of up to 200 characters",
        ));
    }
    let held_on = Date::parse(form.get("held_on").trim(), &time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| AppError::bad_request("held_on", "error-field-date", "write the date as 2026-09-01"))?;
    let hours = form.get("hours").trim().replace(',', ".").parse::<f64>().ok().filter(|h| *h > 0.0 && *h <= MAX_HOURS);
    let hours = hours.ok_or_else(|| {
        AppError::bad_request(
            "hours",
            "error-field-pd-hours",
            format!("give the hours as a number above 0 and up to {MAX_HOURS}"),
        )
    })?;
    let cluster_id = Some(form.get("cluster").trim().to_string()).filter(|c| !c.is_empty());
    if let Some(cluster) = &cluster_id
        && !state.catalog.clusters().await?.iter().any(|c| &c.id == cluster)
    {
        return Err(AppError::bad_request("cluster", "error-field-cluster", "choose one of the listed clusters"));
    }
    let school_id = match form.get("school").trim() {
        "" => None,
        text => {
            let schools = super::store::schools(&state.db, district).await?;
            Some(schools.into_iter().map(|(id, _)| id).find(|id| id.to_string() == text).ok_or_else(|| {
                AppError::bad_request("school", "error-field-school", "choose one of the listed schools")
            })?)
        }
    };
    Ok(SessionInput { title, held_on, hours, cluster_id, school_id })
}

/// Records a session: `title`, `held_on`, `hours`, `cluster` (optional) and `school` (empty
/// for the whole district; a school administrator's sessions are their school's).
pub async fn create_pd_session(
    State(state): State<AppState>,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let user = session.require_user()?;
    let district = user.district_id.ok_or(AppError::Denied)?;
    policy::check(&state.db, Some(user), Permission::ViewInsights).await?;
    session.verify_csrf(form.get("csrf"))?;
    let mut input = session_input(&state, &form, district).await?;
    if user.role == Role::SchoolAdmin {
        input.school_id = user.school_id;
    }
    check_recording(&state, Some(user), input.school_id).await?;
    let now = OffsetDateTime::now_utc();
    let id = pd::create(&state.db, district, &input, user.id, now).await?;
    let resource = format!("/insights/pd/sessions/{id}");
    let entry = Entry::by(user, Action::Change, &resource).from_ip(session.ip()).detail(&input.title);
    audit::record(&state.db, &Entry { district: Some(district), ..entry }, now).await?;
    Ok(Redirect::to(&resource).into_response())
}

#[derive(Template)]
#[template(path = "insights/pd_session.html")]
struct SessionPage {
    layout: Layout,
    csrf: String,
    view: SessionView,
    /// (id, name, school, attended)
    staff: Vec<(UserId, String, String, bool)>,
    may_record: bool,
    saved: bool,
}

/// A session of the viewer's district (and, for a school administrator, of their school or
/// the whole district).
async fn visible_session(
    state: &AppState,
    session: &SessionCtx,
    id: &str,
    query: Option<String>,
) -> Result<(Filters, FormFields, Session), AppError> {
    let id: PdSessionId = id.parse().map_err(|_| AppError::NotFound)?;
    let (_, fields, filters) = Filters::of_request(state, session, query).await?;
    let found = pd::session(&state.db, filters.scope.district, id).await?.ok_or(AppError::NotFound)?;
    if filters.school_only && found.school_id.is_some() && found.school_id != filters.scope.school {
        return Err(AppError::NotFound);
    }
    Ok((filters, fields, found))
}

pub async fn show_pd_session(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (filters, fields, found) = visible_session(&state, &session, &id, query).await?;
    let may_record = check_recording(&state, session.user(), found.school_id).await.is_ok();
    let present = pd::attendees(&state.db, found.id).await?;
    let staff = pd::eligible_staff(&state.db, filters.scope.district, found.school_id)
        .await?
        .into_iter()
        .map(|(id, name, school)| {
            let school = school.map_or_else(String::new, |s| filters.school_name(s));
            (id, name, school, present.contains(&id))
        })
        .filter(|(.., attended)| may_record || *attended)
        .collect();
    let clusters = cluster_names(&state, ctx.lang).await?;
    let view = session_view(ctx.lang, &filters, &clusters, found);
    let page = SessionPage {
        layout: ctx.layout(view.session.title.clone(), "home"),
        csrf: session.csrf_token().to_string(),
        view,
        staff,
        may_record,
        saved: fields.get("saved") == "1",
    };
    render(&page)
}

/// Replaces the session's attendance with every checked `teacher`.
pub async fn save_pd_attendance(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (filters, _, found) = visible_session(&state, &session, &id, None).await?;
    check_recording(&state, session.user(), found.school_id).await?;
    session.verify_csrf(form.get("csrf"))?;
    let staff = pd::eligible_staff(&state.db, filters.scope.district, found.school_id).await?;
    let mut present = Vec::new();
    for text in form.all("teacher") {
        let teacher =
            staff.iter().map(|(id, ..)| *id).find(|id| id.to_string() == text).ok_or_else(|| {
                AppError::bad_request("teacher", "error-field-pd-teacher", "choose staff from the list")
            })?;
        if !present.contains(&teacher) {
            present.push(teacher);
        }
    }
    let now = OffsetDateTime::now_utc();
    pd::set_attendance(&state.db, found.id, &present, now).await?;
    let user = session.require_user()?;
    let resource = format!("/insights/pd/sessions/{}", found.id);
    let detail = format!("{} attended", present.len());
    let entry = Entry::by(user, Action::Change, &resource).from_ip(session.ip()).detail(&detail);
    audit::record(&state.db, &Entry { district: Some(filters.scope.district), ..entry }, now).await?;
    Ok(Redirect::to(&format!("{resource}?saved=1")).into_response())
}
