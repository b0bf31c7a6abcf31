//! The district's log of its dealings with a partner — calls, emails, meetings, site visits,
//! events — with an optional date to follow up by, so relationships survive staff turnover.

use axum::extract::{Path, State};
use axum::response::Response;
use time::{Date, OffsetDateTime};

use super::model::{bad, bounded_text};
use super::registry::{acting_on, back_to_partner};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::Permission;
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{DistrictId, PartnerInteractionId, PartnerOrganizationId, UserId};
use crate::web::{FormFields, iso_date};
use crate::with_pool;

pub const INTERACTION_KINDS: [&str; 6] = ["call", "email", "meeting", "visit", "event", "other"];
/// How many entries the partner page shows, newest first.
const SHOWN: i64 = 50;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Interaction {
    pub id: PartnerInteractionId,
    pub kind: String,
    pub happened_on: Date,
    pub summary: String,
    pub follow_up_on: Option<Date>,
    pub recorded_by_name: Option<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct InteractionInput {
    pub kind: String,
    pub happened_on: Date,
    pub summary: String,
    pub follow_up_on: Option<Date>,
}

/// Reads a log entry: something that happened by `today`, and a follow-up no earlier than it.
pub fn checked(form: &FormFields, today: Date) -> Result<InteractionInput, AppError> {
    let kind = form.get("kind").trim().to_string();
    if !INTERACTION_KINDS.contains(&kind.as_str()) {
        return Err(bad("kind", "error-field-interaction-kind", "choose a call, an email, a meeting, a visit…"));
    }
    let happened_on = iso_date(form.get("happened_on")).filter(|d| *d <= today).ok_or_else(|| {
        bad("happened_on", "error-field-interaction-date", "give the day it happened, today or earlier, as YYYY-MM-DD")
    })?;
    let follow_up_on = match form.get("follow_up_on").trim() {
        "" => None,
        text => Some(iso_date(text).filter(|d| *d >= happened_on).ok_or_else(|| {
            bad("follow_up_on", "error-field-follow-up", "give a follow-up day on or after the day it happened")
        })?),
    };
    Ok(InteractionInput { kind, happened_on, summary: bounded_text(form, "summary", 2000, true)?, follow_up_on })
}

pub async fn of_partner(
    db: &Db,
    district: DistrictId,
    organization: PartnerOrganizationId,
) -> Result<Vec<Interaction>, sqlx::Error> {
    const SQL: &str = "SELECT i.id, i.kind, i.happened_on, i.summary, i.follow_up_on,
         u.given_name || ' ' || u.family_name AS recorded_by_name
         FROM partner_interactions i LEFT JOIN users u ON u.id = i.recorded_by
         WHERE i.district_id = $1 AND i.organization_id = $2
         ORDER BY i.happened_on DESC, i.recorded_at DESC LIMIT $3";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(district).bind(organization).bind(SHOWN).fetch_all(pool).await)
}

pub async fn record(
    db: &Db,
    (district, organization): (DistrictId, PartnerOrganizationId),
    input: &InteractionInput,
    by: Option<UserId>,
    now: OffsetDateTime,
) -> Result<PartnerInteractionId, sqlx::Error> {
    const SQL: &str = "INSERT INTO partner_interactions (id, district_id, organization_id, kind, happened_on,
         summary, follow_up_on, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    let id = PartnerInteractionId::random();
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(district).bind(organization).bind(&input.kind).bind(input.happened_on)
            .bind(&input.summary).bind(input.follow_up_on).bind(by).bind(now).execute(pool).await.map(|_| id)
    })
}

/// Follow-ups due by `today` across the district's partners, by partner.
pub async fn follow_ups_due(
    db: &Db,
    district: DistrictId,
    today: Date,
) -> Result<Vec<(PartnerOrganizationId, i64)>, sqlx::Error> {
    const SQL: &str = "SELECT organization_id, COUNT(*) FROM partner_interactions
         WHERE district_id = $1 AND follow_up_on IS NOT NULL AND follow_up_on <= $2
         AND NOT EXISTS (SELECT 1 FROM partner_interactions later
             WHERE later.district_id = partner_interactions.district_id
             AND later.organization_id = partner_interactions.organization_id
             AND later.happened_on >= partner_interactions.follow_up_on)
         GROUP BY organization_id";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(district).bind(today).fetch_all(pool).await)
}

pub async fn log_interaction(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, district, organization) = acting_on(&state, &session, &id, Permission::WorkWithPartner, &form).await?;
    let now = OffsetDateTime::now_utc();
    let input = checked(&form, now.date())?;
    record(&state.db, (district, organization), &input, Some(user.id), now).await?;
    Ok(back_to_partner(organization, "interactions-heading"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn form(pairs: &[(&str, &str)]) -> FormFields {
        FormFields::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn entries_are_in_the_past_and_follow_ups_after_them() {
        let today = date!(2026 - 12 - 02);
        let ok = form(&[("kind", "call"), ("happened_on", "2026-12-01"), ("summary", "Agreed on two tours")]);
        assert_eq!(checked(&ok, today).unwrap().follow_up_on, None);
        let with_follow_up = form(&[
            ("kind", "meeting"),
            ("happened_on", "2026-12-02"),
            ("summary", "Spring interns"),
            ("follow_up_on", "2027-01-15"),
        ]);
        assert_eq!(checked(&with_follow_up, today).unwrap().follow_up_on, Some(date!(2027 - 01 - 15)));
        for bad in [
            [("kind", "fax"), ("happened_on", "2026-12-01"), ("summary", "x"), ("follow_up_on", "")],
            [("kind", "call"), ("happened_on", "2026-12-03"), ("summary", "x"), ("follow_up_on", "")],
            [("kind", "call"), ("happened_on", "yesterday"), ("summary", "x"), ("follow_up_on", "")],
            [("kind", "call"), ("happened_on", "2026-12-01"), ("summary", " "), ("follow_up_on", "")],
            [("kind", "call"), ("happened_on", "2026-12-01"), ("summary", "x"), ("follow_up_on", "2026-11-01")],
        ] {
            assert!(checked(&form(&bad), today).is_err(), "{bad:?}");
        }
    }
}
