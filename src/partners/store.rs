//! SQL of the partner registry, opportunities and applications. Seats are counted on the
//! opportunity row: taking one is a single guarded `UPDATE`, which both databases serialize,
//! so concurrent applications never place more students than an opportunity has room for.

use time::{Date, OffsetDateTime};

use super::model::OpportunityInput;
use crate::db::Db;
use crate::ids::{
    ApplicationEventId, ApplicationId, DistrictId, EvaluationId, OpportunityId, PartnerOrganizationId, UserId,
    VettingId,
};
use crate::with_pool;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Organization {
    pub id: PartnerOrganizationId,
    pub name: String,
    pub kind: String,
    pub naics_sector: Option<String>,
    pub city: String,
    pub website: String,
    pub about: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Opportunity {
    pub id: OpportunityId,
    pub organization_id: PartnerOrganizationId,
    pub organization_name: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub subcluster_id: String,
    /// The O*NET-SOC occupation students would see at work, when the partner named one.
    pub occupation_code: Option<String>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub location: String,
    pub capacity: i64,
    pub seats_held: i64,
    pub paid: bool,
    pub min_grade: i64,
    pub min_age: Option<i64>,
    pub needs_approval: bool,
    pub transportation: String,
    pub status: String,
}

impl Opportunity {
    pub fn seats_left(&self) -> i64 {
        (self.capacity - self.seats_held).max(0)
    }
}

const OPPORTUNITY_COLUMNS: &str = "o.id, o.organization_id, g.name AS organization_name, o.kind, o.title,
    o.description, o.subcluster_id, o.occupation_code, o.starts_on, o.ends_on, o.location, o.capacity, o.seats_held, o.paid,
    o.min_grade, o.min_age, o.needs_approval, o.transportation, o.status";

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Application {
    pub id: ApplicationId,
    pub opportunity_id: OpportunityId,
    pub student_id: UserId,
    pub district_id: DistrictId,
    pub status: String,
    pub holds_seat: bool,
    pub statement: String,
    pub resume: Option<String>,
    pub interview_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    /// The school sponsors the placement (credit, a coordinator, an agreement with the site).
    pub school_sponsored: bool,
}

const APPLICATION_COLUMNS: &str = "a.id, a.opportunity_id, a.student_id, a.district_id, a.status, a.holds_seat,
    a.statement, a.resume, a.interview_at, a.created_at, a.school_sponsored";

/// An application in a list, with who applied to what.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ApplicationRow {
    pub id: ApplicationId,
    pub status: String,
    pub student_name: String,
    pub grade: Option<i64>,
    pub school_name: Option<String>,
    pub opportunity_title: String,
    pub organization_name: String,
    pub created_at: OffsetDateTime,
}

const APPLICATION_ROW: &str = "SELECT a.id, a.status, u.given_name || ' ' || u.family_name AS student_name, u.grade,
    s.name AS school_name, o.title AS opportunity_title, g.name AS organization_name, a.created_at
    FROM applications a JOIN users u ON u.id = a.student_id LEFT JOIN schools s ON s.id = u.school_id
    JOIN opportunities o ON o.id = a.opportunity_id JOIN partner_organizations g ON g.id = o.organization_id";

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Event {
    pub at: OffsetDateTime,
    pub event: String,
    pub detail: String,
    pub actor_name: Option<String>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Consent {
    pub guardian_name: String,
    pub form: String,
    pub signature: String,
    pub emergency_name: String,
    pub emergency_phone: String,
    pub signed_at: OffsetDateTime,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Vetting {
    pub kind: String,
    pub expires_on: Date,
    pub note: String,
    pub recorded_at: OffsetDateTime,
}

/// The organization `user` works for, when they are a partner's staff.
pub async fn organization_of(db: &Db, user: UserId) -> Result<Option<Organization>, sqlx::Error> {
    const SQL: &str = "SELECT o.id, o.name, o.kind, o.naics_sector, o.city, o.website, o.about
         FROM partner_organizations o JOIN partner_staff p ON p.organization_id = o.id WHERE p.user_id = $1";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(user).fetch_optional(pool).await)
}

pub async fn organization(db: &Db, id: PartnerOrganizationId) -> Result<Option<Organization>, sqlx::Error> {
    const SQL: &str =
        "SELECT id, name, kind, naics_sector, city, website, about FROM partner_organizations WHERE id = $1";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(id).fetch_optional(pool).await)
}

/// A partner of a district in the registry's list, with its fields and its vetting state.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PartnerRow {
    pub id: PartnerOrganizationId,
    pub name: String,
    pub kind: String,
    pub city: String,
    pub open_opportunities: i64,
    /// The earliest expiry among the latest record of each kind of vetting.
    pub vetting_expires: Option<Date>,
    pub vetting_kinds: i64,
}

/// The partners `district` works with, by name.
pub async fn partners_of_district(db: &Db, district: DistrictId) -> Result<Vec<PartnerRow>, sqlx::Error> {
    const SQL: &str = "SELECT o.id, o.name, o.kind, o.city,
         (SELECT COUNT(*) FROM opportunities p WHERE p.organization_id = o.id AND p.status = 'open') AS open_opportunities,
         (SELECT MIN(latest) FROM (SELECT MAX(v.expires_on) AS latest FROM partner_vetting v
             WHERE v.district_id = d.district_id AND v.organization_id = o.id GROUP BY v.kind) k) AS vetting_expires,
         (SELECT COUNT(DISTINCT v.kind) FROM partner_vetting v
             WHERE v.district_id = d.district_id AND v.organization_id = o.id) AS vetting_kinds
         FROM district_partners d JOIN partner_organizations o ON o.id = d.organization_id
         WHERE d.district_id = $1 AND d.active ORDER BY o.name";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(district).fetch_all(pool).await)
}

/// Whether `district` works with `organization`.
pub async fn works_with(
    db: &Db,
    district: DistrictId,
    organization: PartnerOrganizationId,
) -> Result<bool, sqlx::Error> {
    const SQL: &str =
        "SELECT EXISTS (SELECT 1 FROM district_partners WHERE district_id = $1 AND organization_id = $2 AND active)";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(district).bind(organization).fetch_one(pool).await)
}

pub async fn subclusters_of(db: &Db, organization: PartnerOrganizationId) -> Result<Vec<String>, sqlx::Error> {
    const SQL: &str = "SELECT subcluster_id FROM partner_subclusters WHERE organization_id = $1 ORDER BY subcluster_id";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(organization).fetch_all(pool).await)
}

/// Every vetting record `district` keeps of `organization`, latest expiry first.
pub async fn vetting(
    db: &Db,
    district: DistrictId,
    organization: PartnerOrganizationId,
) -> Result<Vec<Vetting>, sqlx::Error> {
    const SQL: &str = "SELECT kind, expires_on, note, recorded_at FROM partner_vetting
         WHERE district_id = $1 AND organization_id = $2 ORDER BY expires_on DESC, recorded_at DESC";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(district).bind(organization).fetch_all(pool).await)
}

pub async fn record_vetting(
    db: &Db,
    (district, organization): (DistrictId, PartnerOrganizationId),
    (kind, expires_on, note): (&str, Date, &str),
    by: Option<UserId>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO partner_vetting (id, district_id, organization_id, kind, expires_on, note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(VettingId::random()).bind(district).bind(organization).bind(kind).bind(expires_on)
            .bind(note).bind(by).bind(now).execute(pool).await.map(|_| ())
    })
}

/// Opens or closes an opportunity to new applications; false when it was so already.
pub async fn set_status(db: &Db, id: OpportunityId, status: &str, now: OffsetDateTime) -> Result<bool, sqlx::Error> {
    const SQL: &str = "UPDATE opportunities SET status = $2, updated_at = $3 WHERE id = $1 AND status <> $2";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(status).bind(now).execute(pool).await.map(|r| r.rows_affected() == 1)
    })
}

/// Adds opportunity `id` (new ones are `OpportunityId::random()`) of `organization`.
pub async fn insert_opportunity(
    db: &Db,
    (id, organization): (OpportunityId, PartnerOrganizationId),
    input: &OpportunityInput,
    by: Option<UserId>,
    now: OffsetDateTime,
) -> Result<OpportunityId, sqlx::Error> {
    const SQL: &str = "INSERT INTO opportunities (id, organization_id, kind, title, description, subcluster_id,
         starts_on, ends_on, location, capacity, seats_held, paid, min_grade, min_age, needs_approval, transportation,
         status, created_by, created_at, updated_at, occupation_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $13, $14, $15, 'open', $16, $17, $17, $18)";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(organization).bind(&input.kind).bind(&input.title).bind(&input.description)
            .bind(&input.subcluster).bind(input.starts_on).bind(input.ends_on).bind(&input.location)
            .bind(input.capacity).bind(input.paid).bind(input.min_grade).bind(input.min_age)
            .bind(input.needs_approval).bind(&input.transportation).bind(by).bind(now).bind(&input.occupation)
            .execute(pool).await.map(|_| id)
    })
}

pub async fn opportunity(db: &Db, id: OpportunityId) -> Result<Option<Opportunity>, sqlx::Error> {
    let sql = format!(
        "SELECT {OPPORTUNITY_COLUMNS} FROM opportunities o JOIN partner_organizations g ON g.id = o.organization_id WHERE o.id = $1"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
}

/// Open opportunities students of `district` may apply to (not guest speakers), soonest first.
pub async fn open_for_district(db: &Db, district: DistrictId, today: Date) -> Result<Vec<Opportunity>, sqlx::Error> {
    let sql = format!(
        "SELECT {OPPORTUNITY_COLUMNS} FROM opportunities o JOIN partner_organizations g ON g.id = o.organization_id
         JOIN district_partners d ON d.organization_id = o.organization_id AND d.district_id = $1 AND d.active
         WHERE o.status = 'open' AND o.kind <> 'guest_speaker' AND o.ends_on >= $2 ORDER BY o.starts_on, o.title"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(district).bind(today).fetch_all(pool).await)
}

/// Every opportunity of `organization`, newest first.
pub async fn of_organization(db: &Db, organization: PartnerOrganizationId) -> Result<Vec<Opportunity>, sqlx::Error> {
    let sql = format!(
        "SELECT {OPPORTUNITY_COLUMNS} FROM opportunities o JOIN partner_organizations g ON g.id = o.organization_id
         WHERE o.organization_id = $1 ORDER BY o.starts_on DESC, o.title"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(organization).fetch_all(pool).await)
}

pub async fn application(db: &Db, id: ApplicationId) -> Result<Option<Application>, sqlx::Error> {
    let sql = format!("SELECT {APPLICATION_COLUMNS} FROM applications a WHERE a.id = $1");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
}

pub async fn application_of(
    db: &Db,
    opportunity: OpportunityId,
    student: UserId,
) -> Result<Option<Application>, sqlx::Error> {
    let sql =
        format!("SELECT {APPLICATION_COLUMNS} FROM applications a WHERE a.opportunity_id = $1 AND a.student_id = $2");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(opportunity).bind(student).fetch_optional(pool).await)
}

/// The applications to `opportunity` a partner reviews: those the school approved or that
/// need no approval, and the waitlist; never one the student withdrew before approval.
pub async fn applicants(db: &Db, opportunity: OpportunityId) -> Result<Vec<ApplicationRow>, sqlx::Error> {
    let sql = format!(
        "{APPLICATION_ROW} WHERE a.opportunity_id = $1 AND a.status <> 'withdrawn' ORDER BY a.status = 'waitlisted', a.created_at"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(opportunity).fetch_all(pool).await)
}

pub async fn applications_of_student(db: &Db, student: UserId) -> Result<Vec<ApplicationRow>, sqlx::Error> {
    let sql = format!("{APPLICATION_ROW} WHERE a.student_id = $1 ORDER BY a.created_at DESC");
    with_pool!(db, pool => sqlx::query_as(&sql).bind(student).fetch_all(pool).await)
}

/// Applications of `district`'s students in `statuses`, oldest first (a staff work queue),
/// limited to `school` when given.
pub async fn queue(
    db: &Db,
    district: DistrictId,
    school: Option<crate::ids::SchoolId>,
    status: &str,
) -> Result<Vec<ApplicationRow>, sqlx::Error> {
    let sql = format!(
        "{APPLICATION_ROW} WHERE a.district_id = $1 AND a.status = $2 AND ($3 IS NULL OR u.school_id = $3)
         ORDER BY a.created_at LIMIT 200"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(district).bind(status).bind(school).fetch_all(pool).await)
}

/// What became of an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    /// A seat was free: the application holds it.
    Seat(ApplicationId),
    /// No seat was free: the application waits for one.
    Waitlisted(ApplicationId),
    /// The student had applied already.
    Already,
}

/// A new application, holding a seat when one is free.
pub struct NewApplication<'a> {
    pub opportunity: &'a Opportunity,
    pub student: UserId,
    pub district: DistrictId,
    pub statement: &'a str,
    pub resume: Option<String>,
}

macro_rules! add_event {
    ($tx:expr, $application:expr, $actor:expr, $event:expr, $detail:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO application_events (id, application_id, at, actor_id, event, detail) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(ApplicationEventId::random())
        .bind($application)
        .bind($now)
        .bind($actor)
        .bind($event)
        .bind($detail)
        .execute(&mut *$tx)
        .await?
    };
}

/// Applies: takes a seat if one is free (first statement of the transaction, so the write
/// lock is held from the start), else joins the waitlist.
pub async fn apply(db: &Db, new: &NewApplication<'_>, now: OffsetDateTime) -> Result<Applied, sqlx::Error> {
    const TAKE_SEAT: &str = "UPDATE opportunities SET seats_held = seats_held + 1
         WHERE id = $1 AND status = 'open' AND seats_held < capacity RETURNING id";
    const INSERT: &str = "INSERT INTO applications (id, opportunity_id, student_id, district_id, status, holds_seat,
         statement, resume, interview_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $9) ON CONFLICT (opportunity_id, student_id) DO NOTHING";
    let id = ApplicationId::random();
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let seat: Option<OpportunityId> = sqlx::query_scalar(TAKE_SEAT).bind(new.opportunity.id).fetch_optional(&mut *tx).await?;
        let status = match (seat.is_some(), new.opportunity.needs_approval) {
            (false, _) => "waitlisted",
            (true, true) => "applied",
            (true, false) => "approved",
        };
        let inserted = sqlx::query(INSERT).bind(id).bind(new.opportunity.id).bind(new.student).bind(new.district)
            .bind(status).bind(seat.is_some()).bind(new.statement).bind(&new.resume).bind(now)
            .execute(&mut *tx).await?.rows_affected();
        if inserted == 0 {
            tx.rollback().await?;
            return Ok(Applied::Already);
        }
        add_event!(tx, id, Some(new.student), status, "", now);
        tx.commit().await?;
        Ok(if seat.is_some() { Applied::Seat(id) } else { Applied::Waitlisted(id) })
    })
}

/// Ends an application (`withdrawn` or `declined`): its seat, if it held one, goes to the
/// first on the waitlist. False when it had ended already.
pub async fn end(
    db: &Db,
    application: &Application,
    status: &str,
    actor: UserId,
    reason: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const RELEASE: &str = "UPDATE opportunities SET seats_held = seats_held - 1 WHERE id = $1
         AND EXISTS (SELECT 1 FROM applications WHERE id = $2 AND holds_seat)";
    const END: &str = "UPDATE applications SET status = $2, holds_seat = FALSE, updated_at = $3
         WHERE id = $1 AND status IN ('applied', 'waitlisted', 'approved', 'placed')";
    const NEXT: &str =
        "SELECT a.id, o.needs_approval FROM applications a JOIN opportunities o ON o.id = a.opportunity_id
         WHERE a.opportunity_id = $1 AND a.status = 'waitlisted' AND o.status = 'open' AND o.seats_held < o.capacity
         ORDER BY a.created_at, a.id LIMIT 1";
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let released = sqlx::query(RELEASE).bind(application.opportunity_id).bind(application.id)
            .execute(&mut *tx).await?.rows_affected() == 1;
        if sqlx::query(END).bind(application.id).bind(status).bind(now).execute(&mut *tx).await?.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        add_event!(tx, application.id, Some(actor), status, reason, now);
        let next: Option<(ApplicationId, bool)> = if released {
            sqlx::query_as(NEXT).bind(application.opportunity_id).fetch_optional(&mut *tx).await?
        } else {
            None
        };
        if let Some((next, needs_approval)) = next {
            let promoted = if needs_approval { "applied" } else { "approved" };
            sqlx::query("UPDATE applications SET status = $2, holds_seat = TRUE, updated_at = $3 WHERE id = $1")
                .bind(next).bind(promoted).bind(now).execute(&mut *tx).await?;
            sqlx::query("UPDATE opportunities SET seats_held = seats_held + 1 WHERE id = $1")
                .bind(application.opportunity_id).execute(&mut *tx).await?;
            add_event!(tx, next, None::<UserId>, "off_waitlist", "", now);
        }
        tx.commit().await?;
        Ok(true)
    })
}

/// Moves an application from `from` to `to`, with an event; false when it was not in `from`.
pub async fn advance(
    db: &Db,
    application: ApplicationId,
    (from, to): (&str, &str),
    actor: Option<UserId>,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "UPDATE applications SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2";
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let moved = sqlx::query(SQL).bind(application).bind(from).bind(to).bind(now).execute(&mut *tx).await?.rows_affected() == 1;
        if moved {
            add_event!(tx, application, actor, to, "", now);
        }
        tx.commit().await?;
        Ok(moved)
    })
}

pub async fn record_event(
    db: &Db,
    application: ApplicationId,
    actor: UserId,
    (event, detail): (&str, &str),
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        add_event!(tx, application, Some(actor), event, detail, now);
        tx.commit().await
    })
}

pub async fn events(db: &Db, application: ApplicationId) -> Result<Vec<Event>, sqlx::Error> {
    const SQL: &str = "SELECT e.at, e.event, e.detail, u.given_name || ' ' || u.family_name AS actor_name
         FROM application_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.application_id = $1 ORDER BY e.at, e.id";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(application).fetch_all(pool).await)
}

pub async fn set_interview(
    db: &Db,
    application: ApplicationId,
    at: OffsetDateTime,
    actor: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE applications SET interview_at = $2, updated_at = $3 WHERE id = $1")
            .bind(application).bind(at).bind(now).execute(&mut *tx).await?;
        add_event!(tx, application, Some(actor), "interview", "", now);
        tx.commit().await
    })
}

/// The checklist items ticked on an application.
pub async fn checks(db: &Db, application: ApplicationId) -> Result<Vec<String>, sqlx::Error> {
    const SQL: &str = "SELECT item FROM application_checks WHERE application_id = $1 ORDER BY item";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(application).fetch_all(pool).await)
}

/// Replaces the ticked checklist items.
/// Records the school's checklist for `application` and whether the school sponsors it.
pub async fn set_checks(
    db: &Db,
    application: ApplicationId,
    (items, sponsored): (&[&str], bool),
    by: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE applications SET school_sponsored = $2 WHERE id = $1").bind(application).bind(sponsored)
            .execute(&mut *tx).await?;
        sqlx::query("DELETE FROM application_checks WHERE application_id = $1").bind(application).execute(&mut *tx).await?;
        for item in items {
            sqlx::query("INSERT INTO application_checks (application_id, item, checked_by, checked_at) VALUES ($1, $2, $3, $4)")
                .bind(application).bind(*item).bind(by).bind(now).execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}

pub async fn consent(db: &Db, application: ApplicationId) -> Result<Option<Consent>, sqlx::Error> {
    const SQL: &str = "SELECT u.given_name || ' ' || u.family_name AS guardian_name, c.form, c.signature,
         c.emergency_name, c.emergency_phone, c.signed_at
         FROM consents c JOIN users u ON u.id = c.guardian_id WHERE c.application_id = $1";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(application).fetch_optional(pool).await)
}

/// A guardian's signed consent, as typed.
pub struct NewConsent<'a> {
    pub guardian: UserId,
    pub form: &'a str,
    pub signature: &'a str,
    pub emergency_name: &'a str,
    pub emergency_phone: &'a str,
}

/// Records consent once; false when a guardian had consented already.
pub async fn add_consent(
    db: &Db,
    application: ApplicationId,
    consent: &NewConsent<'_>,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "INSERT INTO consents (application_id, guardian_id, form, signature, emergency_name, emergency_phone, signed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (application_id) DO NOTHING";
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let added = sqlx::query(SQL).bind(application).bind(consent.guardian).bind(consent.form).bind(consent.signature)
            .bind(consent.emergency_name).bind(consent.emergency_phone).bind(now)
            .execute(&mut *tx).await?.rows_affected() == 1;
        if added {
            add_event!(tx, application, Some(consent.guardian), "consented", "", now);
        }
        tx.commit().await?;
        Ok(added)
    })
}

/// The vetting kinds whose latest record `district` keeps of `organization` has expired
/// by `today`, or that it has no record of: each blocks new placements.
pub async fn lapsed_vetting(
    db: &Db,
    district: DistrictId,
    organization: PartnerOrganizationId,
    today: Date,
) -> Result<Vec<(String, Option<Date>)>, sqlx::Error> {
    const SQL: &str = "SELECT kind, MAX(expires_on) FROM partner_vetting
         WHERE district_id = $1 AND organization_id = $2 GROUP BY kind";
    let latest: Vec<(String, Date)> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(district).bind(organization).fetch_all(pool).await)?;
    Ok(super::model::VETTING_KINDS
        .iter()
        .filter_map(|kind| match latest.iter().find(|(k, _)| k == kind) {
            Some((_, expires)) if *expires >= today => None,
            Some((_, expires)) => Some((kind.to_string(), Some(*expires))),
            None => Some((kind.to_string(), None)),
        })
        .collect())
}

/// An evaluation with its ratings by practice id.
#[derive(Clone, Debug)]
pub struct Evaluation {
    pub evaluator_name: String,
    pub comments: String,
    pub created_at: OffsetDateTime,
    pub ratings: Vec<(String, i64)>,
}

pub async fn add_evaluation(
    db: &Db,
    application: ApplicationId,
    evaluator: UserId,
    (ratings, comments): (&[(String, i64)], &str),
    now: OffsetDateTime,
) -> Result<EvaluationId, sqlx::Error> {
    let id = EvaluationId::random();
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO evaluations (id, application_id, evaluator_id, comments, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id).bind(application).bind(evaluator).bind(comments).bind(now).execute(&mut *tx).await?;
        for (practice, rating) in ratings {
            sqlx::query("INSERT INTO evaluation_ratings (evaluation_id, practice_id, rating) VALUES ($1, $2, $3)")
                .bind(id).bind(practice).bind(rating).execute(&mut *tx).await?;
        }
        add_event!(tx, application, Some(evaluator), "evaluated", "", now);
        tx.commit().await?;
        Ok(id)
    })
}

/// The evaluations of `applications`, oldest first, each with the application it is of.
pub async fn evaluations(
    db: &Db,
    applications: &[ApplicationId],
) -> Result<Vec<(ApplicationId, Evaluation)>, sqlx::Error> {
    const EVALUATIONS: &str =
        "SELECT e.id, e.application_id, u.given_name || ' ' || u.family_name, e.comments, e.created_at
         FROM evaluations e JOIN users u ON u.id = e.evaluator_id WHERE e.application_id = $1 ORDER BY e.created_at";
    const RATINGS: &str =
        "SELECT practice_id, rating FROM evaluation_ratings WHERE evaluation_id = $1 ORDER BY practice_id";
    let mut found = Vec::new();
    for application in applications {
        let rows: Vec<(EvaluationId, ApplicationId, String, String, OffsetDateTime)> =
            with_pool!(db, pool => sqlx::query_as(EVALUATIONS).bind(application).fetch_all(pool).await)?;
        for (id, application, evaluator_name, comments, created_at) in rows {
            let ratings = with_pool!(db, pool => sqlx::query_as(RATINGS).bind(id).fetch_all(pool).await)?;
            found.push((application, Evaluation { evaluator_name, comments, created_at, ratings }));
        }
    }
    Ok(found)
}

/// A student's placements for their plan: what, where, the status and approved minutes.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PlacementRow {
    pub id: ApplicationId,
    pub kind: String,
    pub title: String,
    pub organization_name: String,
    pub status: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub approved_minutes: i64,
}

pub async fn placements_of_student(db: &Db, student: UserId) -> Result<Vec<PlacementRow>, sqlx::Error> {
    const SQL: &str = "SELECT a.id, o.kind, o.title, g.name AS organization_name, a.status, o.starts_on, o.ends_on,
         COALESCE((SELECT CAST(SUM(h.end_minute - h.start_minute) AS BIGINT) FROM hour_entries h
                   WHERE h.application_id = a.id AND h.status = 'approved'), 0) AS approved_minutes
         FROM applications a JOIN opportunities o ON o.id = a.opportunity_id
         JOIN partner_organizations g ON g.id = o.organization_id
         WHERE a.student_id = $1 AND a.status IN ('placed', 'completed') ORDER BY o.starts_on DESC";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(student).fetch_all(pool).await)
}
