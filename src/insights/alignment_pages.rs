//! The curriculum alignment pages: the coverage matrix of clusters and sub-clusters by
//! school (table, heat map, CSV), the courses with their CIP programs and sub-clusters, the
//! form that confirms one course's alignment, and the district's programs of study.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;

use super::alignment::{self, AlignedCourse, Coverage, SCHOOL_MEASURES};
use super::charts::HeatMap;
use super::filters::{Filters, csv_download};
use super::programs::{self, Program, ProgramInput};
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::catalog::names::{self, Kind};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::{CourseId, DistrictId};
use crate::orgs::model::{Role, User};
use crate::web::{FormFields, Layout, PageCtx, render, sheet};

/// Sub-clusters by id: (cluster id, name in the page's language).
type SubclusterNames = HashMap<String, (String, String)>;

async fn subcluster_names(state: &AppState, lang: Lang) -> Result<SubclusterNames, AppError> {
    let subclusters = state.catalog.subclusters(None).await?;
    Ok(subclusters
        .into_iter()
        .map(|s| {
            let name = names::name(lang, Kind::Subcluster, &s.id, &s.name);
            (s.id, (s.cluster_id, name))
        })
        .collect())
}

pub(super) async fn coverage(state: &AppState, lang: Lang, filters: &Filters) -> Result<Coverage, AppError> {
    let clusters = state.catalog.clusters().await?;
    let subclusters = state.catalog.subclusters(None).await?;
    let name = |cluster: bool, id: &str, english: &str| {
        names::name(lang, if cluster { Kind::Cluster } else { Kind::Subcluster }, id, english)
    };
    let scope = &filters.scope;
    let facts = state.reports.coverage_facts(scope.district).await?;
    Ok(alignment::coverage(&facts, scope.school, filters.schools.clone(), (&clusters, &subclusters), name))
}

/// The measure the heat map shows, from `measure=`.
fn measure(fields: &FormFields) -> Result<usize, AppError> {
    match fields.get("measure") {
        "" => Ok(0),
        key => SCHOOL_MEASURES.iter().position(|m| *m == key).ok_or_else(|| {
            AppError::bad_request("measure", "error-field-measure", "choose courses, lessons or interested")
        }),
    }
}

struct CourseView {
    course: AlignedCourse,
    school: String,
    subclusters: Vec<String>,
}

#[derive(Template)]
#[template(path = "insights/alignment.html")]
struct AlignmentPage {
    layout: Layout,
    csrf: String,
    filters: Filters,
    query: String,
    subclusters_shown: bool,
    measure: &'static str,
    measure_name: String,
    measures: Vec<(&'static str, String)>,
    coverage: Coverage,
    heat_map: HeatMap,
    heat_desc: String,
    courses: Vec<CourseView>,
    unaligned: usize,
    programs: Vec<(Program, String)>,
    subclusters: Vec<(String, String)>,
    may_align: bool,
}

pub async fn show_alignment(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (user, fields, filters) = Filters::of_request(&state, &session, query).await?;
    let measure = measure(&fields)?;
    let lang = ctx.lang;
    let coverage = coverage(&state, lang, &filters).await?;
    let clusters: Vec<_> = coverage.rows.iter().filter(|r| r.is_cluster).collect();
    let heat_rows: Vec<(String, Vec<Option<f64>>)> = clusters
        .iter()
        .map(|r| (r.name.clone(), r.by_school.iter().map(|counts| Some(counts[measure] as f64)).collect()))
        .collect();
    let max = heat_rows.iter().flat_map(|(_, v)| v.iter().flatten()).copied().fold(0.0, f64::max);
    let school_names: Vec<String> = coverage.schools.iter().map(|(_, name)| short_school(name)).collect();
    let heat_desc = heat_rows
        .iter()
        .map(|(name, values)| {
            let cells: Vec<String> = school_names
                .iter()
                .zip(values)
                .map(|(school, v)| format!("{school} {}", lang.int(v.unwrap_or_default() as i64)))
                .collect();
            format!("{name}: {}", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let names = subcluster_names(&state, lang).await?;
    let tags = alignment::course_subclusters(&state.db, filters.scope.district).await?;
    let courses: Vec<CourseView> = alignment::courses(&state.db, filters.scope.district, filters.scope.school)
        .await?
        .into_iter()
        .map(|course| CourseView {
            school: course.school_id.map_or_else(|| lang.t("alignment-district-wide"), |s| filters.school_name(s)),
            subclusters: tags
                .get(&course.id)
                .map(|ids| ids.iter().map(|id| names.get(id).map_or(id.clone(), |(_, n)| n.clone())).collect())
                .unwrap_or_default(),
            course,
        })
        .collect();
    let programs = programs::list(&state.db, filters.scope.district)
        .await?
        .into_iter()
        .map(|p| {
            let name = names.get(&p.subcluster_id).map_or(p.subcluster_id.clone(), |(_, n)| n.clone());
            (p, name)
        })
        .collect();
    let mut subclusters: Vec<(String, String)> = names.iter().map(|(id, (_, n))| (id.clone(), n.clone())).collect();
    subclusters.sort_by(|a, b| a.1.cmp(&b.1));
    let page = AlignmentPage {
        layout: ctx.layout(ctx.t("alignment-title"), "home"),
        csrf: session.csrf_token().to_string(),
        query: filters.query(),
        subclusters_shown: fields.get("level") == "subcluster",
        measure: SCHOOL_MEASURES[measure],
        measure_name: lang.t(&format!("alignment-measure-{}", SCHOOL_MEASURES[measure])),
        measures: SCHOOL_MEASURES.iter().map(|m| (*m, lang.t(&format!("alignment-measure-{m}")))).collect(),
        heat_map: HeatMap::new(&school_names, &heat_rows, max, |v| lang.int(v as i64)),
        heat_desc,
        unaligned: courses.iter().filter(|c| c.course.cip_code.is_none()).count(),
        courses,
        programs,
        subclusters,
        may_align: user.role == Role::DistrictAdmin,
        coverage,
        filters,
    };
    render(&page)
}

/// A school's name short enough for a chart's column heading.
fn short_school(name: &str) -> String {
    let kept: Vec<&str> = name.split_whitespace().take(2).collect();
    kept.join(" ")
}

/// The coverage matrix as CSV: every cluster and sub-cluster, with each school's columns.
pub async fn export_alignment(
    State(state): State<AppState>,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (user, _, filters) = Filters::of_request(&state, &session, query).await?;
    let coverage = coverage(&state, Lang::En, &filters).await?;
    let mut header: Vec<String> =
        ["level", "cluster_id", "id", "name", "courses", "programs", "lessons", "partners", "opportunities", "seats"]
            .map(String::from)
            .to_vec();
    header.push("students_interested".into());
    for (_, school) in &coverage.schools {
        header.extend(SCHOOL_MEASURES.map(|m| sheet::cell(&format!("{school}: {m}"))));
    }
    let mut csv = sheet::document();
    sheet::line(&mut csv, header);
    for row in &coverage.rows {
        let o = &row.offer;
        let mut line = vec![
            if row.is_cluster { "cluster" } else { "subcluster" }.to_string(),
            row.cluster_id.clone(),
            row.id.clone(),
            sheet::cell(&row.name),
        ];
        line.extend(
            [o.courses, o.programs, o.lessons, o.partners, o.opportunities, o.seats, o.interested]
                .map(|n| n.to_string()),
        );
        line.extend(row.by_school.iter().flatten().map(i64::to_string));
        sheet::line(&mut csv, line);
    }
    let file = ("/insights/alignment.csv", "curriculum coverage", "curriculum-alignment.csv");
    csv_download(&state, &session, (user, &filters), file, csv).await
}

/// The district an administrator aligns curriculum for: district administrators only, and
/// for one course, administrators of its district.
async fn aligning_district(
    state: &AppState,
    user: Option<&User>,
    course: Option<CourseId>,
) -> Result<DistrictId, AppError> {
    let user = user.ok_or(AppError::SignInRequired)?;
    let permission = course.map_or(Permission::AlignCurriculum, Permission::AlignCourse);
    policy::check(&state.db, Some(user), permission).await?;
    user.district_id.ok_or(AppError::Denied)
}

#[derive(Template)]
#[template(path = "insights/course_alignment.html")]
struct CourseAlignmentPage {
    layout: Layout,
    csrf: String,
    course: AlignedCourse,
    cips: Vec<(String, String)>,
    /// (id, name, confirmed, suggested by the crosswalk)
    subclusters: Vec<(String, String, bool, bool)>,
    others: Vec<(String, String)>,
}

pub async fn show_course_alignment(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: CourseId = id.parse().map_err(|_| AppError::NotFound)?;
    let district = aligning_district(&state, session.user(), Some(id)).await?;
    let course = alignment::course(&state.db, district, id).await?.ok_or(AppError::NotFound)?;
    let mut cips = alignment::suggest_cips(&state.db, &course, 6).await?;
    if let (Some(code), Some(title)) = (&course.cip_code, &course.cip_title) {
        cips.retain(|(c, _)| c != code);
        cips.insert(0, (code.clone(), title.clone()));
    }
    let confirmed = alignment::subclusters_of_course(&state.db, id).await?;
    let suggested = match &course.cip_code {
        Some(cip) => alignment::subclusters_of_cip(&state.db, cip).await?,
        None => Vec::new(),
    };
    let names = subcluster_names(&state, ctx.lang).await?;
    let name = |id: &str| names.get(id).map_or(id.to_string(), |(_, n)| n.clone());
    let mut listed: Vec<String> = confirmed.clone();
    listed.extend(suggested.iter().filter(|s| !confirmed.contains(s)).cloned());
    let subclusters =
        listed.iter().map(|s| (s.clone(), name(s), confirmed.contains(s), suggested.contains(s))).collect();
    let mut others: Vec<(String, String)> =
        names.iter().filter(|(id, _)| !listed.contains(id)).map(|(id, (_, n))| (id.clone(), n.clone())).collect();
    others.sort_by(|a, b| a.1.cmp(&b.1));
    let page = CourseAlignmentPage {
        layout: ctx.layout(ctx.t("course-alignment-title"), "home"),
        csrf: session.csrf_token().to_string(),
        course,
        cips,
        subclusters,
        others,
    };
    render(&page)
}

/// Confirms a course's CIP program and sub-clusters: `cip` (a suggestion, `other` for
/// `cip_other`, or empty for none) and every checked `subcluster`, plus `add` when chosen.
pub async fn align_course(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let id: CourseId = id.parse().map_err(|_| AppError::NotFound)?;
    let district = aligning_district(&state, session.user(), Some(id)).await?;
    session.verify_csrf(form.get("csrf"))?;
    alignment::course(&state.db, district, id).await?.ok_or(AppError::NotFound)?;
    let cip = match form.get("cip").trim() {
        "" => None,
        "other" => Some(form.get("cip_other").trim().to_string()).filter(|c| !c.is_empty()),
        code => Some(code.to_string()),
    };
    if let Some(code) = &cip
        && alignment::cip_title(&state.db, code).await?.is_none()
    {
        return Err(AppError::bad_request(
            "cip_other",
            "error-field-cip",
            format!("{code:?} is not a CIP 2020 program; write the code as 11.0701"),
        ));
    }
    let names = subcluster_names(&state, Lang::En).await?;
    let mut subclusters: Vec<String> = form.all("subcluster");
    subclusters.extend(Some(form.get("add").to_string()).filter(|a| !a.is_empty()));
    subclusters.sort();
    subclusters.dedup();
    if let Some(unknown) = subclusters.iter().find(|s| !names.contains_key(*s)) {
        return Err(AppError::bad_request(
            "subcluster",
            "error-field-subcluster",
            format!("{unknown:?} is not a sub-cluster of the framework"),
        ));
    }
    let user = session.require_user()?;
    let now = OffsetDateTime::now_utc();
    alignment::align_course(&state.db, id, (cip.as_deref(), &subclusters), user.id, now).await?;
    state.reports.forget(district);
    let resource = format!("/insights/alignment/courses/{id}");
    let detail = format!("CIP {}; sub-clusters {}", cip.as_deref().unwrap_or("none"), subclusters.join(" "));
    let entry = Entry::by(user, Action::Change, &resource).from_ip(session.ip()).detail(&detail);
    audit::record(&state.db, &Entry { district: Some(district), ..entry }, now).await?;
    Ok(Redirect::to("/insights/alignment?aligned=1#courses").into_response())
}

/// Adds a program of study: a title, its sub-cluster, an optional CIP program and one to six
/// courses (`course1` … `course6`, in order).
pub async fn create_program(
    State(state): State<AppState>,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let district = aligning_district(&state, session.user(), None).await?;
    session.verify_csrf(form.get("csrf"))?;
    let title = form.get("title").trim().to_string();
    if title.is_empty() || title.chars().count() > 120 {
        return Err(AppError::bad_request(
            "title",
            "error-field-program-title",
            "give the program a title of up to 120 characters",
        ));
    }
    if programs::title_taken(&state.db, district, &title).await? {
        return Err(AppError::bad_request(
            "title",
            "error-field-program-taken",
            "the district has a program with this title",
        ));
    }
    let subcluster = form.get("subcluster").to_string();
    if !subcluster_names(&state, Lang::En).await?.contains_key(&subcluster) {
        return Err(AppError::bad_request(
            "subcluster",
            "error-field-subcluster",
            "choose a sub-cluster of the framework",
        ));
    }
    let cip = Some(form.get("cip").trim().to_string()).filter(|c| !c.is_empty());
    if let Some(code) = &cip
        && alignment::cip_title(&state.db, code).await?.is_none()
    {
        return Err(AppError::bad_request("cip", "error-field-cip", format!("{code:?} is not a CIP 2020 program")));
    }
    let mut courses: Vec<CourseId> = Vec::new();
    for n in 1..=6 {
        let text = form.get(&format!("course{n}")).trim();
        if text.is_empty() {
            continue;
        }
        let course: CourseId = text.parse().map_err(|_| {
            AppError::bad_request("course1", "error-field-program-course", "choose courses of the district")
        })?;
        if alignment::course(&state.db, district, course).await?.is_none() {
            return Err(AppError::bad_request(
                "course1",
                "error-field-program-course",
                "choose courses of the district",
            ));
        }
        if !courses.contains(&course) {
            courses.push(course);
        }
    }
    if courses.is_empty() {
        return Err(AppError::bad_request("course1", "error-field-program-course", "choose at least one course"));
    }
    let user = session.require_user()?;
    let now = OffsetDateTime::now_utc();
    let input = ProgramInput { title, subcluster_id: subcluster, cip_code: cip, courses };
    let id = programs::create(&state.db, district, &input, user.id, now).await?;
    state.reports.forget(district);
    let resource = format!("/insights/alignment/programs/{id}");
    let entry = Entry::by(user, Action::Change, &resource).from_ip(session.ip()).detail(&input.title);
    audit::record(&state.db, &Entry { district: Some(district), ..entry }, now).await?;
    Ok(Redirect::to("/insights/alignment?program=1#programs").into_response())
}
