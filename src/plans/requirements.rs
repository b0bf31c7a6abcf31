//! The district administrator's plan requirements: the credits each subject area needs to
//! graduate, the plan template (from a preset, then changed element by element), and how
//! complete the district's plans are, grade by grade.

use std::collections::BTreeMap;

use askama::Template as Askama;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;

use super::completeness;
use super::graduation::{self, AREAS, Rules, TOTAL};
use super::templates::{self, Element, Kind, PRESETS, Template};
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy;
use crate::error::AppError;
use crate::ids::{DistrictId, TemplateElementId};
use crate::orgs::model::User;
use crate::web::{FormFields, Layout, PageCtx, render};

/// A grade's plans: how many students, how many complete, and the mean share met (none
/// when the template asks nothing of the grade).
pub struct GradeSummary {
    pub grade: i64,
    pub required: bool,
    pub students: usize,
    pub complete: usize,
    pub mean_percent: usize,
}

/// How complete the plans of every active student of the district are, by grade.
pub fn summarize(all: &BTreeMap<i64, Vec<usize>>, template: &Template) -> Vec<GradeSummary> {
    all.iter()
        .map(|(grade, percents)| GradeSummary {
            grade: *grade,
            required: template.of_grade(*grade).next().is_some(),
            students: percents.len(),
            complete: percents.iter().filter(|p| **p == 100).count(),
            mean_percent: percents.iter().sum::<usize>() / percents.len().max(1),
        })
        .collect()
}

async fn grade_summaries(
    state: &AppState,
    district: DistrictId,
    template: &Template,
    rules: &Rules,
) -> Result<Vec<GradeSummary>, AppError> {
    const STUDENTS: &str = "SELECT u.id FROM users u WHERE u.role = 'student' AND u.active AND u.district_id = $1";
    let facts = completeness::facts_of(&state.db, STUDENTS, district.uuid()).await?;
    let today = OffsetDateTime::now_utc().date();
    let mut by_grade: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for f in facts.values() {
        if let Some(grade) = f.grade {
            by_grade.entry(grade).or_default().push(completeness::progress(f, template, rules, grade, today).percent());
        }
    }
    Ok(summarize(&by_grade, template))
}

#[derive(Askama)]
#[template(path = "admin/plans.html")]
struct RequirementsPage {
    layout: Layout,
    csrf: String,
    /// (area, credits as typed) of each rule, the total last.
    rules: Vec<(&'static str, String)>,
    template: Template,
    /// The template's elements with what each asks, in the reader's language.
    elements: Vec<(Element, String)>,
    presets: [&'static str; 4],
    kinds: Vec<(&'static str, &'static [&'static str])>,
    grades: Vec<GradeSummary>,
}

pub async fn show_requirements(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
) -> Result<Response, AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    let rules = graduation::rules(&state.db, district).await?;
    let template = templates::of_district(&state.db, district).await?;
    let grades = grade_summaries(&state, district, &template, &rules).await?;
    let page = RequirementsPage {
        layout: ctx.layout(ctx.t("requirements-title"), "home"),
        csrf: session.csrf_token().to_string(),
        rules: AREAS.iter().chain([&TOTAL]).map(|area| (*area, graduation::credits_text(rules.of(area)))).collect(),
        elements: template.elements.iter().map(|e| (e.clone(), completeness::describe(e, ctx.lang))).collect(),
        template,
        presets: PRESETS,
        kinds: Kind::ALL.iter().map(|k| (k.as_str(), k.options())).collect(),
        grades,
    };
    Ok(session.attach(render(&page)?))
}

/// The administrator of the district, after the policy and CSRF checks.
async fn administrator(
    state: &AppState,
    session: &SessionCtx,
    form: &FormFields,
) -> Result<(User, DistrictId), AppError> {
    let district = policy::administered_district(&state.db, session.user()).await?;
    session.verify_csrf(form.get("csrf"))?;
    Ok((session.require_user()?.clone(), district))
}

async fn done(state: &AppState, session: &SessionCtx, admin: &User, what: &str) -> Result<Response, AppError> {
    let entry = Entry::by(admin, Action::Change, "/admin/plans").from_ip(session.ip()).detail(what);
    audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?;
    Ok(Redirect::to("/admin/plans").into_response())
}

pub async fn save_credits(
    State(state): State<AppState>,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let (admin, district) = administrator(&state, &session, &form).await?;
    let mut required = BTreeMap::new();
    for area in AREAS.iter().chain([&TOTAL]) {
        let text = form.get(area);
        let credits = graduation::parse_credits(if text.trim().is_empty() { "0" } else { text }).ok_or_else(|| {
            AppError::bad_request(
                *area,
                "error-field-credits",
                format!("{text:?} is not a number of credits (like 4 or 1.5)"),
            )
        })?;
        required.insert(area.to_string(), credits);
    }
    let parts: i64 = AREAS.iter().map(|a| required[*a]).sum();
    if required[TOTAL] < parts {
        return Err(AppError::bad_request(
            TOTAL,
            "error-field-credits-total",
            format!(
                "the total ({}) is less than the areas together ({})",
                graduation::credits_text(required[TOTAL]),
                graduation::credits_text(parts)
            ),
        ));
    }
    graduation::save_rules(&state.db, district, &Rules { required }).await?;
    done(&state, &session, &admin, "plans: changed the graduation credits").await
}

pub async fn choose_preset(
    State(state): State<AppState>,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let (admin, district) = administrator(&state, &session, &form).await?;
    let name = form.get("preset");
    let template = Template::preset(name)
        .ok_or_else(|| AppError::bad_request("preset", "error-field-preset", format!("{name:?} is not a preset")))?;
    templates::save(&state.db, district, &template, admin.id, OffsetDateTime::now_utc()).await?;
    done(&state, &session, &admin, &format!("plans: started the template from {name}")).await
}

/// The element the form describes, or what is wrong with it.
fn checked_element(form: &FormFields) -> Result<Element, AppError> {
    let grade =
        form.get("grade").trim().parse::<i64>().ok().filter(|g| (6..=12).contains(g)).ok_or_else(|| {
            AppError::bad_request("grade", "error-field-element-grade", "choose a grade from 6 to 12")
        })?;
    let kind = Kind::parse(form.get("kind"))
        .ok_or_else(|| AppError::bad_request("kind", "error-field-element-kind", "choose what the plan must hold"))?;
    let count = match kind.once() {
        true => 1,
        false => form.get("count").trim().parse::<i64>().ok().filter(|n| (1..=50).contains(n)).ok_or_else(|| {
            AppError::bad_request("count", "error-field-element-count", "how many: a whole number from 1 to 50")
        })?,
    };
    let options: Vec<String> = form.all(&format!("option-{}", kind.as_str()));
    if let Some(unknown) = options.iter().find(|o| !kind.options().contains(&o.as_str())) {
        return Err(AppError::bad_request(
            "option",
            "error-field-element-option",
            format!("{unknown:?} is not a choice"),
        ));
    }
    Ok(Element { id: None, grade, kind, count, options })
}

pub async fn add_element(
    State(state): State<AppState>,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let (admin, district) = administrator(&state, &session, &form).await?;
    let element = checked_element(&form)?;
    let mut template = templates::of_district(&state.db, district).await?;
    let at = template.elements.iter().rposition(|e| e.grade <= element.grade).map_or(0, |i| i + 1);
    template.elements.insert(at, element);
    template.changed = true;
    templates::save(&state.db, district, &template, admin.id, OffsetDateTime::now_utc()).await?;
    done(&state, &session, &admin, "plans: added a template element").await
}

pub async fn remove_element(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (admin, district) = administrator(&state, &session, &form).await?;
    let id: TemplateElementId = id.parse().map_err(|_| AppError::NotFound)?;
    let mut template = templates::of_district(&state.db, district).await?;
    let before = template.elements.len();
    template.elements.retain(|e| e.id != Some(id));
    // Removing what is already gone (a second click) just shows the page.
    if template.elements.len() == before {
        return Ok(Redirect::to("/admin/plans").into_response());
    }
    template.changed = true;
    templates::save(&state.db, district, &template, admin.id, OffsetDateTime::now_utc()).await?;
    done(&state, &session, &admin, "plans: removed a template element").await
}
