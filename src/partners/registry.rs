//! The district's side of the regional partner registry: the partners it works with, their
//! vetting (background checks, insurance, agreements) with alerts before and after expiry,
//! and the staff work queue of applications and hours waiting on the school.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use time::{Date, Duration, OffsetDateTime};

use super::model::VETTING_KINDS;
use super::pages::subcluster_names;
use super::store::{self, ApplicationRow, Opportunity, Organization, PartnerRow, Vetting};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::error::AppError;
use crate::ids::PartnerOrganizationId;
use crate::orgs::model::Role;
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
    partners: Vec<(PartnerRow, VettingState)>,
    alerts: usize,
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
    let partners: Vec<(PartnerRow, VettingState)> = store::partners_of_district(&state.db, district)
        .await?
        .into_iter()
        .map(|row| {
            let vetting = VettingState::of(&row, today);
            (row, vetting)
        })
        .collect();
    let alerts = partners.iter().filter(|(_, s)| *s != VettingState::Current).count();
    let page = PartnersPage { layout: ctx.layout(ctx.t("partners-title"), "partners"), partners, alerts };
    render(&page)
}

#[derive(Template)]
#[template(path = "partners/partner.html")]
struct PartnerPage {
    layout: Layout,
    csrf: String,
    organization: Organization,
    subclusters: Vec<String>,
    vetting: Vec<Vetting>,
    opportunities: Vec<Opportunity>,
    may_vet: bool,
    kinds: &'static [&'static str],
    today: Date,
}

fn partner_id(text: &str) -> Result<PartnerOrganizationId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
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
    let page = PartnerPage {
        layout: ctx.layout(organization.name.clone(), "partners"),
        csrf: session.csrf_token().to_string(),
        subclusters,
        vetting: store::vetting(&state.db, district, id).await?,
        opportunities: store::of_organization(&state.db, id).await?,
        may_vet: policy::check(&state.db, Some(user), Permission::VetPartner(id)).await.is_ok(),
        kinds: &VETTING_KINDS,
        today: OffsetDateTime::now_utc().date(),
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
    let id = partner_id(&id)?;
    policy::check(&state.db, session.user(), Permission::VetPartner(id)).await?;
    session.verify_csrf(form.get("csrf"))?;
    let user = session.require_user()?;
    let district = user.district_id.ok_or(AppError::Denied)?;
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
    Ok(Redirect::to(&format!("/partners/{id}#vetting-heading")).into_response())
}

#[derive(Template)]
#[template(path = "partners/queue.html")]
struct QueuePage {
    layout: Layout,
    to_approve: Vec<ApplicationRow>,
    to_consent: Vec<ApplicationRow>,
    placed: Vec<ApplicationRow>,
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
    let page = QueuePage { layout: ctx.layout(ctx.t("queue-title"), "opportunities"), to_approve, to_consent, placed };
    render(&page)
}
