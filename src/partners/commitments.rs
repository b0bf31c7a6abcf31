//! What a partner commits to a district for a school year — guest speakers, workplace tours,
//! job shadows, interns — against what it has delivered so far; and the partners with speaker
//! capacity left in a field, which a teacher's speaker request is matched to.

use axum::extract::{Path, State};
use axum::response::Response;
use time::Date;

use super::exports::SchoolYear;
use super::model::{bad, whole_number};
use super::registry::{acting_on, back_to_partner};
use super::store;
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::Permission;
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{DistrictId, PartnerOrganizationId};
use crate::plans::signoffs::school_year;
use crate::web::FormFields;
use crate::with_pool;

pub const COMMITMENT_KINDS: [&str; 4] = ["speakers", "tours", "shadows", "interns"];
const MAX_COMMITTED: i64 = 10_000;

/// One line of a partner's year: how many it committed to and how many took place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commitment {
    pub kind: &'static str,
    pub committed: i64,
    pub delivered: i64,
}

impl Commitment {
    pub fn left(&self) -> i64 {
        left(self.committed, self.delivered)
    }
}

/// What remains of a commitment: never below nothing, even when more was delivered.
fn left(committed: i64, delivered: i64) -> i64 {
    (committed - delivered).max(0)
}

/// Delivered so far in the school year `start..=end`: speaker requests matched to the partner,
/// field trips the district's students went on, and job shadows and internships (with
/// apprenticeships) its students were placed in.
const DELIVERED: &str = "SELECT CASE WHEN o.kind = 'job_shadow' THEN 'shadows' ELSE 'interns' END AS kind, COUNT(*)
     FROM applications a JOIN opportunities o ON o.id = a.opportunity_id
     WHERE a.district_id = $1 AND o.organization_id = $2 AND a.status IN ('placed', 'completed')
     AND o.kind IN ('job_shadow', 'internship', 'pre_apprenticeship', 'apprenticeship')
     AND o.starts_on BETWEEN $3 AND $4
     GROUP BY CASE WHEN o.kind = 'job_shadow' THEN 'shadows' ELSE 'interns' END
     UNION ALL
     SELECT 'tours', COUNT(DISTINCT o.id) FROM applications a JOIN opportunities o ON o.id = a.opportunity_id
     WHERE a.district_id = $1 AND o.organization_id = $2 AND a.status IN ('placed', 'completed')
     AND o.kind = 'field_trip' AND o.starts_on BETWEEN $3 AND $4
     UNION ALL
     SELECT 'speakers', COUNT(*) FROM speaker_requests r
     WHERE r.district_id = $1 AND r.organization_id = $2 AND r.status = 'matched'
     AND r.window_start BETWEEN $3 AND $4";

/// Numbers by kind, as the queries return them.
type Counts = Vec<(String, i64)>;

/// The partner's commitments for the school year of `day`, every kind listed.
pub async fn of_partner(
    db: &Db,
    district: DistrictId,
    organization: PartnerOrganizationId,
    day: Date,
) -> Result<Vec<Commitment>, sqlx::Error> {
    const COMMITTED: &str = "SELECT kind, committed FROM partner_commitments
         WHERE district_id = $1 AND organization_id = $2 AND school_year = $3";
    let year = SchoolYear::of(day);
    let (committed, delivered): (Counts, Counts) = with_pool!(db, pool => {
        let committed =
            sqlx::query_as(COMMITTED).bind(district).bind(organization).bind(&year.label).fetch_all(pool).await?;
        let delivered = sqlx::query_as(DELIVERED).bind(district).bind(organization).bind(year.start).bind(year.end)
            .fetch_all(pool).await?;
        Ok::<_, sqlx::Error>((committed, delivered))
    })?;
    let count = |rows: &[(String, i64)], kind: &str| rows.iter().filter(|(k, _)| k == kind).map(|(_, n)| n).sum();
    Ok(COMMITMENT_KINDS
        .iter()
        .map(|kind| Commitment { kind, committed: count(&committed, kind), delivered: count(&delivered, kind) })
        .collect())
}

/// Sets the partner's commitments for `year` ("2026-27"), one per kind, all or none.
pub async fn set(
    db: &Db,
    (district, organization): (DistrictId, PartnerOrganizationId),
    year: &str,
    values: &[(&str, i64)],
) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO partner_commitments (district_id, organization_id, school_year, kind, committed)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (district_id, organization_id, school_year, kind) DO UPDATE SET committed = excluded.committed";
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        for (kind, committed) in values {
            sqlx::query(SQL).bind(district).bind(organization).bind(year).bind(*kind).bind(*committed)
                .execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}

/// A partner a speaker request can go to, with the speaker visits it has left this year.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SpeakerMatch {
    pub organization_id: PartnerOrganizationId,
    pub name: String,
    pub city: String,
    pub committed: i64,
    pub delivered: i64,
    /// Tagged with the requested sub-cluster itself, not only its cluster.
    pub same_subcluster: bool,
}

impl SpeakerMatch {
    pub fn left(&self) -> i64 {
        left(self.committed, self.delivered)
    }
}

/// The district's partners in the field of `subcluster` (the sub-cluster first, then the rest
/// of its cluster) with speaker visits left in the school year of `day` and vetting current on
/// `today`; the most capacity first.
pub async fn speaker_candidates(
    db: &Db,
    district: DistrictId,
    subcluster: &str,
    day: Date,
    today: Date,
) -> Result<Vec<SpeakerMatch>, sqlx::Error> {
    const SQL: &str = "SELECT o.id AS organization_id, o.name, o.city, c.committed,
         (SELECT COUNT(*) FROM speaker_requests r WHERE r.district_id = $1 AND r.organization_id = o.id
             AND r.status = 'matched' AND r.window_start BETWEEN $3 AND $4) AS delivered,
         EXISTS (SELECT 1 FROM partner_subclusters s WHERE s.organization_id = o.id AND s.subcluster_id = $5)
             AS same_subcluster
         FROM partner_commitments c
         JOIN partner_organizations o ON o.id = c.organization_id
         JOIN district_partners dp ON dp.district_id = c.district_id AND dp.organization_id = o.id AND dp.active
         WHERE c.district_id = $1 AND c.school_year = $2 AND c.kind = 'speakers' AND c.committed > 0
         AND EXISTS (SELECT 1 FROM partner_subclusters s JOIN subclusters sc ON sc.id = s.subcluster_id
             WHERE s.organization_id = o.id AND sc.cluster_id = (SELECT cluster_id FROM subclusters WHERE id = $5))";
    let year = SchoolYear::of(day);
    let found: Vec<SpeakerMatch> = with_pool!(db, pool => {
        sqlx::query_as(SQL).bind(district).bind(&year.label).bind(year.start).bind(year.end).bind(subcluster)
            .fetch_all(pool).await
    })?;
    let mut candidates = Vec::new();
    for candidate in found.into_iter().filter(|c| c.left() > 0) {
        if store::lapsed_vetting(db, district, candidate.organization_id, today).await?.is_empty() {
            candidates.push(candidate);
        }
    }
    candidates.sort_by(|a, b| {
        (b.same_subcluster, b.left()).cmp(&(a.same_subcluster, a.left())).then_with(|| a.name.cmp(&b.name))
    });
    Ok(candidates)
}

/// The school years a district admin may set commitments for: this one and the next.
pub fn settable_years(today: Date) -> [String; 2] {
    let next = today.replace_year(today.year() + 1).unwrap_or(today);
    [school_year(today), school_year(next)]
}

pub async fn set_commitments(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (_, district, organization) = acting_on(&state, &session, &id, Permission::VetPartner, &form).await?;
    let year = form.get("school_year").trim();
    if !settable_years(time::OffsetDateTime::now_utc().date()).iter().any(|y| y == year) {
        return Err(bad("school_year", "error-field-commitment-year", "choose this school year or the next"));
    }
    let mut values = Vec::new();
    for kind in COMMITMENT_KINDS {
        let committed = match form.get(kind).trim() {
            "" => 0,
            _ => whole_number(&form, kind, 0..=MAX_COMMITTED)?,
        };
        values.push((kind, committed));
    }
    set(&state.db, (district, organization), year, &values).await?;
    Ok(back_to_partner(organization, "commitments-heading"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn commitments_are_set_for_this_school_year_or_the_next() {
        assert_eq!(settable_years(date!(2026 - 12 - 02)), ["2026-27".to_string(), "2027-28".to_string()]);
        assert_eq!(settable_years(date!(2027 - 05 - 02)), ["2026-27".to_string(), "2027-28".to_string()]);
        let line = Commitment { kind: "speakers", committed: 2, delivered: 3 };
        assert_eq!(line.left(), 0);
    }
}
