//! Guest speaker requests: a teacher asks for someone from a sub-cluster to speak to a class
//! within a window of dates. The page offers the district's partners in that field with speaker
//! visits left this year; choosing one matches the request. Until then the teacher may cancel it.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use time::{Date, OffsetDateTime};

use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{ClassId, DistrictId, PartnerOrganizationId, SpeakerRequestId, UserId};
use crate::partners::commitments;
use crate::plans::signoffs::school_year_start;
use crate::web::FormFields;
use crate::with_pool;

const MAX_NOTE: usize = 1000;
/// How far ahead a request may reach: a school year.
const MAX_DAYS_AHEAD: i64 = 366;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SpeakerRequest {
    pub id: SpeakerRequestId,
    pub subcluster_id: String,
    pub window_start: Date,
    pub window_end: Date,
    pub note: String,
    pub status: String,
    pub teacher_id: UserId,
    pub teacher_name: String,
    /// The partner a matched request went to.
    pub partner_name: Option<String>,
}

/// A matched request as the partner's page lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SpeakerVisit {
    pub class_title: String,
    pub teacher_name: String,
    pub subcluster_id: String,
    pub window_start: Date,
    pub window_end: Date,
}

/// A request as typed, checked.
#[derive(Debug, PartialEq, Eq)]
pub struct NewRequest {
    pub subcluster: String,
    pub window_start: Date,
    pub window_end: Date,
    pub note: String,
}

fn date(text: &str, field: &str) -> Result<Date, AppError> {
    Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]")).map_err(|_| {
        AppError::bad_request(field, "error-field-speaker-window", "give the first and last dates as YYYY-MM-DD")
    })
}

/// Reads a request form; `subclusters` are the framework's ids.
pub fn checked(form: &FormFields, subclusters: &[String], today: Date) -> Result<NewRequest, AppError> {
    let subcluster = form.get("subcluster").trim().to_string();
    if !subclusters.contains(&subcluster) {
        return Err(AppError::bad_request(
            "subcluster",
            "error-field-speaker-subcluster",
            "choose the sub-cluster the speaker should come from",
        ));
    }
    let (window_start, window_end) =
        (date(form.get("window_start"), "window_start")?, date(form.get("window_end"), "window_end")?);
    if window_start < today || window_end < window_start || (window_end - today).whole_days() > MAX_DAYS_AHEAD {
        return Err(AppError::bad_request(
            "window_end",
            "error-field-speaker-window",
            "choose dates from today on, the last no earlier than the first, within a year",
        ));
    }
    let note = form.get("note").trim().to_string();
    if note.chars().count() > MAX_NOTE {
        return Err(AppError::bad_request("note", "error-field-speaker-note", "keep the note to 1,000 characters"));
    }
    Ok(NewRequest { subcluster, window_start, window_end, note })
}

pub async fn of_class(db: &Db, class: ClassId) -> Result<Vec<SpeakerRequest>, sqlx::Error> {
    const SQL: &str = "SELECT r.id, r.subcluster_id, r.window_start, r.window_end, r.note, r.status, r.teacher_id,
         u.given_name || ' ' || u.family_name AS teacher_name, o.name AS partner_name
         FROM speaker_requests r JOIN users u ON u.id = r.teacher_id
         LEFT JOIN partner_organizations o ON o.id = r.organization_id
         WHERE r.class_id = $1 ORDER BY r.status = 'cancelled', r.window_start, r.created_at";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(class).fetch_all(pool).await)
}

pub async fn insert(
    db: &Db,
    (district, class, teacher): (DistrictId, ClassId, UserId),
    request: &NewRequest,
    now: OffsetDateTime,
) -> Result<SpeakerRequestId, sqlx::Error> {
    const SQL: &str =
        "INSERT INTO speaker_requests (id, district_id, class_id, teacher_id, subcluster_id, window_start,
         window_end, note, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $9)";
    let id = SpeakerRequestId::random();
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(district).bind(class).bind(teacher).bind(&request.subcluster)
            .bind(request.window_start).bind(request.window_end).bind(&request.note).bind(now)
            .execute(pool).await.map(|_| id)
    })
}

/// Cancels an open request of `class`; false when there is none to cancel.
pub async fn cancel(db: &Db, class: ClassId, id: SpeakerRequestId, now: OffsetDateTime) -> Result<bool, sqlx::Error> {
    const SQL: &str = "UPDATE speaker_requests SET status = 'cancelled', updated_at = $3
         WHERE id = $1 AND class_id = $2 AND status = 'open'";
    with_pool!(db, pool => sqlx::query(SQL).bind(id).bind(class).bind(now).execute(pool).await.map(|r| r.rows_affected() == 1))
}

/// The district's speaker visits from `organization` this school year (as of `today`) and later.
pub async fn visits_of_partner(
    db: &Db,
    district: DistrictId,
    organization: PartnerOrganizationId,
    today: Date,
) -> Result<Vec<SpeakerVisit>, sqlx::Error> {
    const SQL: &str = "SELECT c.title AS class_title, u.given_name || ' ' || u.family_name AS teacher_name,
         r.subcluster_id, r.window_start, r.window_end
         FROM speaker_requests r JOIN classes c ON c.id = r.class_id JOIN users u ON u.id = r.teacher_id
         WHERE r.district_id = $1 AND r.organization_id = $2 AND r.status = 'matched' AND r.window_end >= $3
         ORDER BY r.window_start";
    with_pool!(db, pool => {
        sqlx::query_as(SQL).bind(district).bind(organization).bind(school_year_start(today)).fetch_all(pool).await
    })
}

/// Matches an open request of `class` to `organization`; false when it is no longer open.
pub async fn assign(
    db: &Db,
    (class, id): (ClassId, SpeakerRequestId),
    organization: PartnerOrganizationId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "UPDATE speaker_requests SET status = 'matched', organization_id = $3, updated_at = $4
         WHERE id = $1 AND class_id = $2 AND status = 'open'";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(class).bind(organization).bind(now).execute(pool).await
            .map(|r| r.rows_affected() == 1)
    })
}

async fn class_district(db: &Db, class: ClassId) -> Result<DistrictId, sqlx::Error> {
    with_pool!(db, pool => {
        sqlx::query_scalar("SELECT district_id FROM classes WHERE id = $1").bind(class).fetch_one(pool).await
    })
}

fn class_id(text: &str) -> Result<ClassId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

fn back_to_class(class: ClassId) -> Response {
    Redirect::to(&format!("/classes/{class}#speakers-heading")).into_response()
}

pub async fn request_speaker(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let class = class_id(&id)?;
    policy::check(&state.db, session.user(), Permission::TeachClass(class)).await?;
    session.verify_csrf(form.get("csrf"))?;
    let user = session.require_user()?;
    let subclusters: Vec<String> = state.catalog.subclusters(None).await?.into_iter().map(|s| s.id).collect();
    let now = OffsetDateTime::now_utc();
    let request = checked(&form, &subclusters, now.date())?;
    let district = class_district(&state.db, class).await?;
    insert(&state.db, (district, class, user.id), &request, now).await?;
    Ok(back_to_class(class))
}

/// The class and request a teacher's form acts on, once the policy and the form's token hold.
async fn teachers_request(
    state: &AppState,
    session: &SessionCtx,
    (class, request): (&str, &str),
    form: &FormFields,
) -> Result<(ClassId, SpeakerRequestId), AppError> {
    let class = class_id(class)?;
    policy::check(&state.db, session.user(), Permission::TeachClass(class)).await?;
    session.verify_csrf(form.get("csrf"))?;
    Ok((class, request.parse().map_err(|_| AppError::NotFound)?))
}

pub async fn cancel_speaker_request(
    State(state): State<AppState>,
    session: SessionCtx,
    Path((id, request)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (class, request) = teachers_request(&state, &session, (&id, &request), &form).await?;
    if !cancel(&state.db, class, request, OffsetDateTime::now_utc()).await? {
        return Err(AppError::NotFound);
    }
    Ok(back_to_class(class))
}

pub async fn match_speaker(
    State(state): State<AppState>,
    session: SessionCtx,
    Path((id, request)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (class, request) = teachers_request(&state, &session, (&id, &request), &form).await?;
    let open = of_class(&state.db, class).await?.into_iter().find(|r| r.id == request && r.status == "open");
    let request = open.ok_or(AppError::NotFound)?;
    let district = class_district(&state.db, class).await?;
    let now = OffsetDateTime::now_utc();
    let candidates =
        commitments::speaker_candidates(&state.db, district, &request.subcluster_id, request.window_start, now.date())
            .await?;
    let chosen = form.get("organization").trim().parse::<PartnerOrganizationId>().ok();
    let Some(partner) = chosen.filter(|id| candidates.iter().any(|c| c.organization_id == *id)) else {
        return Err(AppError::bad_request(
            "organization",
            "error-field-speaker-partner",
            "choose one of the partners offered: the others have no speaker visits left in this field this year",
        ));
    };
    if !assign(&state.db, (class, request.id), partner, now).await? {
        return Err(AppError::NotFound);
    }
    Ok(back_to_class(class))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormFields {
        FormFields::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn requests_need_a_sub_cluster_and_a_window_ahead() {
        let today = time::macros::date!(2026 - 12 - 02);
        let known = vec!["judicial-systems".to_string()];
        let ok =
            form(&[("subcluster", "judicial-systems"), ("window_start", "2027-01-10"), ("window_end", "2027-01-20")]);
        assert_eq!(checked(&ok, &known, today).unwrap().window_end, time::macros::date!(2027 - 01 - 20));
        for bad in [
            [("subcluster", "lawyering"), ("window_start", "2027-01-10"), ("window_end", "2027-01-20")],
            [("subcluster", "judicial-systems"), ("window_start", "2026-11-10"), ("window_end", "2027-01-20")],
            [("subcluster", "judicial-systems"), ("window_start", "2027-01-10"), ("window_end", "2027-01-01")],
            [("subcluster", "judicial-systems"), ("window_start", "2027-01-10"), ("window_end", "2028-06-01")],
            [("subcluster", "judicial-systems"), ("window_start", "soon"), ("window_end", "2027-01-20")],
        ] {
            assert!(checked(&form(&bad), &known, today).is_err(), "{bad:?}");
        }
    }
}
