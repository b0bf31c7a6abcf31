//! The opportunities pages: a student's list ranked by their plan with the reason for each,
//! a guardian's view of their children's placements, the partner portal (their own
//! organization's opportunities and applicants), staff browsing, an opportunity with its
//! apply form, and the partner's form to post one.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use time::OffsetDateTime;

use super::matching::{self, Interests, Ranked};
use super::model::{self, OPPORTUNITY_KINDS, TRANSPORTATION};
use super::store::{self, ApplicationRow, Applied, NewApplication, Opportunity, Organization};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::catalog::names::{self, Kind};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::OpportunityId;
use crate::orgs::model::{Role, User};
use crate::orgs::store as people;
use crate::plans::pages::{ClusterChoice, cluster_choices};
use crate::plans::resume::Resume;
use crate::web::{FormFields, Layout, PageCtx, Pager, parse_page, render};

const MAX_STATEMENT: usize = 2000;
const PER_PAGE: usize = 24;

pub(super) fn opportunity_id(text: &str) -> Result<OpportunityId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

/// Sub-cluster names in the reader's language, by id.
pub(super) async fn subcluster_names(state: &AppState, lang: Lang) -> Result<HashMap<String, String>, AppError> {
    Ok(state
        .catalog
        .subclusters(None)
        .await?
        .into_iter()
        .map(|s| (s.id.clone(), names::name(lang, Kind::Subcluster, &s.id, &s.name)))
        .collect())
}

/// A guardian's child and their applications.
struct Child {
    name: String,
    applications: Vec<ApplicationRow>,
}

enum ListBody {
    Student { ranked: Vec<Ranked>, applications: Vec<ApplicationRow> },
    Guardian { children: Vec<Child> },
    Partner { organization: Organization, opportunities: Vec<Opportunity> },
    Staff { opportunities: Vec<Opportunity>, reviews: bool },
}

#[derive(Template)]
#[template(path = "partners/opportunities.html")]
struct ListPage {
    layout: Layout,
    body: ListBody,
    subclusters: HashMap<String, String>,
    /// The kind of opportunity the list is narrowed to ("" for every kind).
    kind: String,
    kinds: &'static [&'static str],
    pager: Pager,
}

/// One page of `items`, and the pager to the others.
fn one_page<T>(items: Vec<T>, page: i64, kind: &str) -> (Vec<T>, Pager) {
    let pager = Pager::new(page, PER_PAGE as i64, items.len() as i64, "/opportunities", &[("kind", kind.to_string())])
        .with_anchor("open-heading");
    let skip = usize::try_from(page - 1).unwrap_or(0) * PER_PAGE;
    (items.into_iter().skip(skip).take(PER_PAGE).collect(), pager)
}

impl ListPage {
    fn subcluster(&self, id: &str) -> String {
        self.subclusters.get(id).cloned().unwrap_or_else(|| id.to_string())
    }
}

async fn student_list(
    state: &AppState,
    lang: Lang,
    user: &User,
    open: Vec<Opportunity>,
) -> Result<Vec<Ranked>, AppError> {
    let interests = crate::plans::store::interests(&state.db, user.id).await?;
    let cluster_of: HashMap<String, String> =
        state.catalog.subclusters(None).await?.into_iter().map(|s| (s.id, s.cluster_id)).collect();
    let mut subclusters_of_occupation = HashMap::new();
    let mut chosen = Vec::new();
    for interest in &interests {
        let name = match interest.kind.as_str() {
            "cluster" => {
                state.catalog.cluster(&interest.code).await?.map(|c| names::name(lang, Kind::Cluster, &c.id, &c.name))
            }
            "subcluster" => state
                .catalog
                .subcluster(&interest.code)
                .await?
                .map(|s| names::name(lang, Kind::Subcluster, &s.id, &s.name)),
            _ => {
                let memberships = state.catalog.memberships(&interest.code).await?;
                subclusters_of_occupation
                    .insert(interest.code.clone(), memberships.into_iter().map(|m| m.subcluster_id).collect());
                state.catalog.occupation(&interest.code).await?.map(|o| o.title)
            }
        };
        if let Some(name) = name {
            chosen.push((interest.kind.clone(), interest.code.clone(), name));
        }
    }
    let interests =
        Interests { chosen: &chosen, cluster_of: &cluster_of, subclusters_of_occupation: &subclusters_of_occupation };
    Ok(matching::rank(open, &interests, user.grade, lang))
}

pub async fn list_opportunities(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::BrowseOpportunities).await?;
    let user = session.require_user()?;
    let fields = FormFields::from_query(query);
    let page = parse_page(Some(fields.get("page")))?;
    let kind = Some(fields.get("kind")).filter(|k| OPPORTUNITY_KINDS.contains(k)).unwrap_or_default().to_string();
    let today = OffsetDateTime::now_utc().date();
    let mut open = match user.district_id {
        Some(district) if matches!(user.role, Role::Student) || user.role.is_staff() => {
            store::open_for_district(&state.db, district, today).await?
        }
        _ => Vec::new(),
    };
    open.retain(|o| kind.is_empty() || o.kind == kind);
    let mut pager = Pager::new(1, PER_PAGE as i64, 0, "/opportunities", &[]);
    let body = match user.role {
        Role::Student => {
            let (ranked, shown) = one_page(student_list(&state, ctx.lang, user, open).await?, page, &kind);
            pager = shown;
            ListBody::Student { ranked, applications: store::applications_of_student(&state.db, user.id).await? }
        }
        Role::Guardian => {
            let mut children = Vec::new();
            for child in people::children(&state.db, user.id).await? {
                let applications = store::applications_of_student(&state.db, child.id).await?;
                children.push(Child { name: format!("{} {}", child.given_name, child.family_name), applications });
            }
            ListBody::Guardian { children }
        }
        Role::Partner => {
            let organization = store::organization_of(&state.db, user.id).await?.ok_or(AppError::Denied)?;
            let opportunities = store::of_organization(&state.db, organization.id).await?;
            ListBody::Partner { organization, opportunities }
        }
        _ => {
            let (opportunities, shown) = one_page(open, page, &kind);
            pager = shown;
            ListBody::Staff { opportunities, reviews: user.role != Role::Teacher }
        }
    };
    let page = ListPage {
        layout: ctx.layout(ctx.t("opportunities-title"), "opportunities"),
        body,
        subclusters: subcluster_names(&state, ctx.lang).await?,
        kind,
        kinds: &OPPORTUNITY_KINDS,
        pager,
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "partners/opportunity_form.html")]
struct OpportunityForm {
    layout: Layout,
    csrf: String,
    organization: Organization,
    choices: Vec<ClusterChoice>,
    kinds: &'static [&'static str],
    transportation: &'static [&'static str],
    today: String,
}

pub async fn new_opportunity_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::PostOpportunity).await?;
    let user = session.require_user()?;
    let organization = store::organization_of(&state.db, user.id).await?.ok_or(AppError::Denied)?;
    let page = OpportunityForm {
        layout: ctx.layout(ctx.t("opportunity-new-title"), "opportunities"),
        csrf: session.csrf_token().to_string(),
        organization,
        choices: cluster_choices(&state, ctx.lang).await?,
        kinds: &OPPORTUNITY_KINDS,
        transportation: &TRANSPORTATION,
        today: OffsetDateTime::now_utc().date().to_string(),
    };
    render(&page)
}

pub async fn create_opportunity(
    State(state): State<AppState>,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::PostOpportunity).await?;
    session.verify_csrf(form.get("csrf"))?;
    let user = session.require_user()?;
    let organization = store::organization_of(&state.db, user.id).await?.ok_or(AppError::Denied)?;
    let subclusters: Vec<String> = state.catalog.subclusters(None).await?.into_iter().map(|s| s.id).collect();
    let input = model::checked_opportunity(&form, &subclusters)?;
    if let Some(code) = &input.occupation
        && state.catalog.occupation(code).await?.is_none()
    {
        return Err(AppError::bad_request(
            "occupation",
            "error-field-opportunity-occupation",
            format!("no occupation has the code {code:?}: give an O*NET-SOC code like 29-2052.00, or leave it blank"),
        ));
    }
    let now = OffsetDateTime::now_utc();
    let id =
        store::insert_opportunity(&state.db, (OpportunityId::random(), organization.id), &input, Some(user.id), now)
            .await?;
    Ok(Redirect::to(&format!("/opportunities/{id}")).into_response())
}

/// What the reader of an opportunity may do with it.
enum Standing {
    /// A student: their application, or whether they may apply.
    Student {
        application: Option<store::Application>,
        ineligible: Option<String>,
    },
    /// The partner who offers it: the applicants.
    Partner {
        applicants: Vec<ApplicationRow>,
    },
    Other,
}

#[derive(Template)]
#[template(path = "partners/opportunity.html")]
struct OpportunityPage {
    layout: Layout,
    csrf: String,
    opportunity: Opportunity,
    subcluster: String,
    /// The occupation's code and title, when the partner named one.
    occupation: Option<(String, String)>,
    standing: Standing,
}

pub async fn show_opportunity(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = opportunity_id(&id)?;
    policy::check(&state.db, session.user(), Permission::ViewOpportunity(id)).await?;
    let user = session.require_user()?;
    let opportunity = store::opportunity(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let standing = match user.role {
        Role::Student => Standing::Student {
            application: store::application_of(&state.db, id, user.id).await?,
            ineligible: why_not_apply(&opportunity, user, ctx.lang),
        },
        Role::Partner | Role::InstanceAdmin => {
            Standing::Partner { applicants: store::applicants(&state.db, id).await? }
        }
        _ => Standing::Other,
    };
    let subcluster = subcluster_names(&state, ctx.lang).await?.remove(&opportunity.subcluster_id).unwrap_or_default();
    let occupation = match &opportunity.occupation_code {
        Some(code) => state.catalog.occupation(code).await?.map(|o| (o.code, o.title)),
        None => None,
    };
    let page = OpportunityPage {
        occupation,
        layout: ctx.layout(opportunity.title.clone(), "opportunities"),
        csrf: session.csrf_token().to_string(),
        subcluster,
        opportunity,
        standing,
    };
    render(&page)
}

/// Closes an opportunity to new applications (those made stay as they are), or reopens it.
pub async fn set_opportunity_status(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let id = opportunity_id(&id)?;
    policy::check(&state.db, session.user(), Permission::ManageOpportunity(id)).await?;
    session.verify_csrf(form.get("csrf"))?;
    let status = form.get("status");
    if !["open", "closed"].contains(&status) {
        return Err(AppError::bad_request("status", "error-field-opportunity-status", "choose open or closed"));
    }
    store::set_status(&state.db, id, status, OffsetDateTime::now_utc()).await?;
    Ok(Redirect::to(&format!("/opportunities/{id}#applicants-heading")).into_response())
}

/// Why `student` may not apply to `opportunity` now, in `lang`; `None` when they may.
fn why_not_apply(opportunity: &Opportunity, student: &User, lang: Lang) -> Option<String> {
    let today = OffsetDateTime::now_utc().date();
    if opportunity.status != "open" || opportunity.ends_on < today {
        Some(lang.t("apply-closed"))
    } else if student.grade.is_some_and(|g| g < opportunity.min_grade) {
        Some(matching::from_grade(lang, opportunity.min_grade))
    } else if opportunity.kind == "guest_speaker" {
        Some(lang.t("apply-speaker"))
    } else {
        None
    }
}

pub async fn apply_to_opportunity(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let id = opportunity_id(&id)?;
    policy::check(&state.db, session.user(), Permission::ApplyTo(id)).await?;
    session.verify_csrf(form.get("csrf"))?;
    let user = session.require_user()?;
    let opportunity = store::opportunity(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if why_not_apply(&opportunity, user, ctx.lang).is_some() {
        return Err(AppError::bad_request("opportunity", "error-field-apply", "this opportunity is not open to you"));
    }
    let statement = form.get("statement").trim();
    if statement.chars().count() > MAX_STATEMENT {
        return Err(AppError::bad_request("statement", "error-field-statement", "keep it to 2,000 characters"));
    }
    let resume = match form.get("share_resume") {
        "true" => {
            let student = people::student_record(&state.db, user.id).await?.ok_or(AppError::NotFound)?;
            let resume = Resume::of(&state, ctx.lang, &student).await?;
            Some(serde_json::to_string(&resume).unwrap_or_default())
        }
        _ => None,
    };
    let district = user.district_id.ok_or(AppError::Denied)?;
    let new = NewApplication { opportunity: &opportunity, student: user.id, district, statement, resume };
    let application = match store::apply(&state.db, &new, OffsetDateTime::now_utc()).await? {
        Applied::Seat(application) | Applied::Waitlisted(application) => application,
        Applied::Already => store::application_of(&state.db, id, user.id).await?.ok_or(AppError::NotFound)?.id,
    };
    Ok(Redirect::to(&format!("/applications/{application}")).into_response())
}
