//! The district's side of the regional partner registry: the partners it works with, their
//! vetting (background checks, insurance, agreements) with alerts before and after expiry,
//! and the staff work queue of applications and hours waiting on the school.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use time::{Date, Duration, OffsetDateTime};

use super::commitments::{self, Commitment};
use super::contacts::{self, CONTACT_ROLES, Contact};
use super::interactions::{self, INTERACTION_KINDS, Interaction};
use super::model::VETTING_KINDS;
use super::pages::subcluster_names;
use super::store::{self, ApplicationRow, Opportunity, Organization, PartnerRow, Vetting};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::classroom::speakers::{self, SpeakerVisit};
use crate::error::AppError;
use crate::ids::{DistrictId, PartnerOrganizationId};
use crate::orgs::model::{Role, User};
use crate::web::{FormFields, Layout, PageCtx, iso_date, render};

/// Vetting that expires within this many days is flagged ahead of time.
const EXPIRY_WARNING_DAYS: i64 = 30;
const MAX_NOTE: usize = 500;

/// Where a partner's vetting stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VettingState {
    /// Every kind on record and current beyond the warning window.
    Current,
    /// Current, but a record expires soon.
    ExpiringSoon,
    /// A record expired, or a kind was never recorded: no new placements.
    Lapsed,
}

impl VettingState {
    pub fn of(row: &PartnerRow, today: Date) -> Self {
        match row.vetting_expires {
            Some(expires) if row.vetting_kinds == VETTING_KINDS.len() as i64 && expires >= today => {
                if expires - today <= Duration::days(EXPIRY_WARNING_DAYS) {
                    VettingState::ExpiringSoon
                } else {
                    VettingState::Current
                }
            }
            _ => VettingState::Lapsed,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            VettingState::Current => "vetting-state-current",
            VettingState::ExpiringSoon => "vetting-state-soon",
            VettingState::Lapsed => "vetting-state-lapsed",
        }
    }
}

#[derive(Template)]
#[template(path = "partners/partners.html")]
struct PartnersPage {
    layout: Layout,
    partners: Vec<(PartnerRow, VettingState, i64)>,
    alerts: usize,
    follow_ups: i64,
}

pub async fn list_partners(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::ViewPartners).await?;
    let user = session.require_user()?;
    let district = user.district_id.ok_or(AppError::Denied)?;
    let today = OffsetDateTime::now_utc().date();
    let due = interactions::follow_ups_due(&state.db, district, today).await?;
    let partners: Vec<(PartnerRow, VettingState, i64)> = store::partners_of_district(&state.db, district)
        .await?
        .into_iter()
        .map(|row| {
            let vetting = VettingState::of(&row, today);
            let follow_ups = due.iter().find(|(id, _)| *id == row.id).map_or(0, |(_, n)| *n);
            (row, vetting, follow_ups)
        })
        .collect();
    let alerts = partners.iter().filter(|(_, s, _)| *s != VettingState::Current).count();
    let follow_ups = due.iter().map(|(_, n)| n).sum();
    let layout = ctx.layout(ctx.t("partners-title"), "partners");
    let page = PartnersPage { layout, partners, alerts, follow_ups };
    render(&page)
}

#[derive(Template)]
#[template(path = "partners/partner.html")]
struct PartnerPage {
    layout: Layout,
    csrf: String,
    organization: Organization,
    subclusters: Vec<String>,
    names: std::collections::HashMap<String, String>,
    vetting: Vec<Vetting>,
    opportunities: Vec<Opportunity>,
    contacts: Vec<Contact>,
    commitments: Vec<Commitment>,
    speaker_visits: Vec<SpeakerVisit>,
    interactions: Vec<Interaction>,
    school_year: String,
    settable_years: [String; 2],
    may_vet: bool,
    may_work_with: bool,
    kinds: &'static [&'static str],
    contact_roles: &'static [&'static str],
    interaction_kinds: &'static [&'static str],
    today: Date,
}

impl PartnerPage {
    fn subcluster_name(&self, id: &str) -> String {
        self.names.get(id).cloned().unwrap_or_else(|| id.to_string())
    }
}

fn partner_id(text: &str) -> Result<PartnerOrganizationId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

/// The partner a form acts on, once the policy allows `permission` and the form's token holds:
/// the acting user, their district and the partner.
pub(super) async fn acting_on<'a>(
    state: &AppState,
    session: &'a SessionCtx,
    id: &str,
    permission: fn(PartnerOrganizationId) -> Permission,
    form: &FormFields,
) -> Result<(&'a User, DistrictId, PartnerOrganizationId), AppError> {
    let id = partner_id(id)?;
    policy::check(&state.db, session.user(), permission(id)).await?;
    session.verify_csrf(form.get("csrf"))?;
    let user = session.require_user()?;
    Ok((user, user.district_id.ok_or(AppError::Denied)?, id))
}

pub(super) fn back_to_partner(id: PartnerOrganizationId, heading: &str) -> Response {
    Redirect::to(&format!("/partners/{id}#{heading}")).into_response()
}

pub async fn show_partner(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = partner_id(&id)?;
    policy::check(&state.db, session.user(), Permission::ViewPartners).await?;
    let user = session.require_user()?;
    let district = user.district_id.ok_or(AppError::Denied)?;
    if !store::works_with(&state.db, district, id).await? {
        return Err(AppError::NotFound);
    }
    let organization = store::organization(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let names = subcluster_names(&state, ctx.lang).await?;
    let subclusters =
        store::subclusters_of(&state.db, id).await?.iter().filter_map(|s| names.get(s).cloned()).collect();
    let today = OffsetDateTime::now_utc().date();
    let page = PartnerPage {
        layout: ctx.layout(organization.name.clone(), "partners"),
        csrf: session.csrf_token().to_string(),
        subclusters,
        names,
        vetting: store::vetting(&state.db, district, id).await?,
        opportunities: store::of_organization(&state.db, id).await?,
        contacts: contacts::of_partner(&state.db, district, id).await?,
        commitments: commitments::of_partner(&state.db, district, id, today).await?,
        speaker_visits: speakers::visits_of_partner(&state.db, district, id, today).await?,
        interactions: interactions::of_partner(&state.db, district, id).await?,
        school_year: crate::plans::signoffs::school_year(today),
        settable_years: commitments::settable_years(today),
        may_vet: policy::check(&state.db, Some(user), Permission::VetPartner(id)).await.is_ok(),
        may_work_with: policy::check(&state.db, Some(user), Permission::WorkWithPartner(id)).await.is_ok(),
        kinds: &VETTING_KINDS,
        contact_roles: &CONTACT_ROLES,
        interaction_kinds: &INTERACTION_KINDS,
        today,
        organization,
    };
    render(&page)
}

pub async fn record_vetting(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, district, id) = acting_on(&state, &session, &id, Permission::VetPartner, &form).await?;
    let kind = form.get("kind").trim();
    if !VETTING_KINDS.contains(&kind) {
        return Err(AppError::bad_request("kind", "error-field-vetting-kind", "choose what was checked"));
    }
    let expires_on = iso_date(form.get("expires_on")).ok_or_else(|| {
        AppError::bad_request("expires_on", "error-field-vetting-date", "give the expiry date as YYYY-MM-DD")
    })?;
    let note = form.get("note").trim();
    if note.chars().count() > MAX_NOTE {
        return Err(AppError::bad_request("note", "error-field-note", "keep the note to 500 characters"));
    }
    let now = OffsetDateTime::now_utc();
    store::record_vetting(&state.db, (district, id), (kind, expires_on, note), Some(user.id), now).await?;
    Ok(back_to_partner(id, "vetting-heading"))
}

#[derive(Template)]
#[template(path = "partners/queue.html")]
struct QueuePage {
    layout: Layout,
    to_approve: Vec<ApplicationRow>,
    to_consent: Vec<ApplicationRow>,
    placed: Vec<ApplicationRow>,
    reports: bool,
    sets_limits: bool,
}

/// The school's work queue: applications to approve, approved ones waiting on a guardian,
/// and placements under way (whose hours the school approves).
pub async fn show_queue(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::CoordinatePlacements).await?;
    let user = session.require_user()?;
    let district = user.district_id.ok_or(AppError::Denied)?;
    let school = if user.role == Role::DistrictAdmin { None } else { user.school_id };
    let mut lists = Vec::new();
    for status in ["applied", "approved", "placed"] {
        let mut mine = Vec::new();
        for row in store::queue(&state.db, district, school, status).await? {
            if policy::check(&state.db, Some(user), Permission::ReviewApplication(row.id)).await.is_ok() {
                mine.push(row);
            }
        }
        lists.push(mine);
    }
    let [to_approve, to_consent, placed] = <[_; 3]>::try_from(lists).map_err(|_| AppError::NotFound)?;
    let reports = policy::check(&state.db, Some(user), Permission::ReportPlacements).await.is_ok();
    let layout = ctx.layout(ctx.t("queue-title"), "opportunities");
    let sets_limits = user.role == Role::DistrictAdmin;
    let page = QueuePage { layout, to_approve, to_consent, placed, reports, sets_limits };
    render(&page)
}
