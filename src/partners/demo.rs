//! The demo region's partners: sixty employers, colleges, nonprofits and agencies shared by
//! every demo district, each district's vetting of them (a few expired or about to), their
//! opportunities of every kind, and applications in every state — waitlisted, approved,
//! placed with hours and evaluations, completed, declined, withdrawn.

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::commitments;
use super::contacts::{self, ContactInput};
use super::hours::{self, Approver, HoursInput, Target};
use super::interactions::{self, InteractionInput};
use super::model::OpportunityInput;
use super::store::{self, Applied, NewApplication};
use crate::db::Db;
use crate::ids::{DistrictId, OpportunityId, PartnerOrganizationId, UserId};
use crate::plans::signoffs::school_year;
use crate::with_pool;

/// (name, kind, NAICS sector, sub-cluster, what it offers).
const SECTORS: [(&str, &str, &str, &str, [&str; 2]); 20] = [
    ("Family Health Clinic", "employer", "62", "physical-health", ["job_shadow", "internship"]),
    ("Community College", "college", "61", "teaching-training-facilitation", ["dual_enrollment", "career_fair"]),
    ("Builders Cooperative", "employer", "23", "skilled-trades", ["pre_apprenticeship", "apprenticeship"]),
    ("Software Studio", "employer", "54", "software-solutions", ["internship", "virtual"]),
    ("County Courthouse", "government", "92", "judicial-systems", ["job_shadow", "field_trip"]),
    ("Fire District", "government", "92", "emergency-response", ["job_shadow", "guest_speaker"]),
    ("Credit Union", "employer", "52", "banking-credit", ["internship", "mentoring"]),
    ("Precision Manufacturing", "employer", "31", "production-automation", ["apprenticeship", "field_trip"]),
    ("Family Farms", "employer", "11", "plant-systems", ["job_shadow", "field_trip"]),
    ("Solar Cooperative", "employer", "22", "clean-alternative-energy", ["internship", "field_trip"]),
    ("Youth Services", "nonprofit", "62", "community-social-services", ["mentoring", "internship"]),
    ("Behavioral Health Center", "nonprofit", "62", "behavioral-mental-health", ["job_shadow", "guest_speaker"]),
    ("Logistics Hub", "employer", "48", "planning-logistics", ["internship", "field_trip"]),
    ("Auto Service Center", "employer", "81", "maintenance-repair", ["pre_apprenticeship", "job_shadow"]),
    ("Marketing Agency", "employer", "54", "marketing-advertising", ["internship", "virtual"]),
    ("Early Learning Center", "nonprofit", "62", "early-childhood-development", ["internship", "job_shadow"]),
    ("Data Lab", "employer", "54", "data-science-ai", ["virtual", "mentoring"]),
    ("Water Authority", "government", "22", "water-systems", ["field_trip", "internship"]),
    ("Architecture Group", "employer", "54", "architecture-civil-engineering", ["job_shadow", "career_fair"]),
    ("Small Business Center", "nonprofit", "81", "entrepreneurship-small-business", ["mentoring", "career_fair"]),
];

const PLACES: [&str; 3] = ["Riverside", "Summit", "Lakeview"];

/// Applications the demo makes per district: at least this many, more in large districts.
const APPLICATIONS: usize = 60;
/// Percent of students in grades 10–12 who apply in a large district.
const APPLYING_PERCENT: usize = 12;

fn region() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:pathways:demo:region")
}

/// Adds the region's partners (once) and `district`'s relationship with them, and makes
/// its own partner (the demo partner account's organization) a vetted employer with two
/// opportunities. Opportunities belong to the framework's sub-clusters: without the catalog
/// loaded there are none.
pub async fn generate(db: &Db, district: DistrictId, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    let subclusters: i64 =
        with_pool!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM subclusters").fetch_one(pool).await)?;
    if subclusters == 0 {
        return Ok(());
    }
    let today = now.date();
    for (n, (place, sector)) in PLACES.iter().flat_map(|p| SECTORS.iter().map(move |s| (p, s))).enumerate() {
        let (name, kind, naics, subcluster, offers) = sector;
        let id = PartnerOrganizationId::derived(&region(), &format!("partner/{n}"));
        let about = format!("{place} {name} works with schools across the region.");
        insert_organization(db, id, (&format!("{place} {name}"), kind, naics, place), &about, &[subcluster]).await?;
        link(db, district, id, now).await?;
        let expires = |days: i64| today + Duration::days(days);
        let lapse = match n % 10 {
            3 => Some(("insurance", expires(-20))),
            7 => Some(("agreement", expires(14))),
            _ => None,
        };
        for vetting in ["background_check", "insurance", "agreement"] {
            let expires_on = match lapse {
                Some((kind, date)) if kind == vetting => date,
                _ => expires(120 + (n as i64 * 13) % 300),
            };
            store::record_vetting(db, (district, id), (vetting, expires_on, ""), None, now).await?;
        }
        for (k, offer) in offers.iter().enumerate() {
            let start = today + Duration::days(((n * 7 + k * 19) % 120) as i64 - 20);
            let length = if matches!(*offer, "internship" | "apprenticeship" | "pre_apprenticeship" | "mentoring") {
                42
            } else {
                0
            };
            let input = OpportunityInput {
                kind: offer.to_string(),
                title: format!("{} — {place} {name}", title_of(offer)),
                description: format!("Spend time with the team at {place} {name} and see the work up close."),
                subcluster: subcluster.to_string(),
                occupation: None,
                starts_on: start,
                ends_on: start + Duration::days(length),
                location: format!("{place} {name}, {place}"),
                capacity: 2 + ((n + k) % 12) as i64,
                paid: *offer == "internship" && n % 2 == 0,
                min_grade: if matches!(*offer, "field_trip" | "career_fair" | "virtual") { 8 } else { 10 },
                min_age: (*offer == "apprenticeship").then_some(16),
                needs_approval: !matches!(*offer, "career_fair" | "virtual"),
                transportation: if *offer == "field_trip" { "school" } else { "student" }.to_string(),
            };
            let opportunity = OpportunityId::derived(&region(), &format!("opportunity/{n}/{k}"));
            insert_opportunity(db, opportunity, id, &input, now).await?;
        }
        relationship(db, (district, id), (n, &format!("{place} {name}"), offers), now).await?;
    }
    let own = own_partner(db, district, now).await?;
    applications(db, district, &own, now).await
}

const CONTACT_NAMES: [&str; 6] =
    ["Jordan Lee", "Maria Gonzalez", "Sam Okafor", "Priya Shah", "Alex Nguyen", "Taylor Brooks"];

/// The district's side of partner `n`: a main contact, this year's commitments (every partner
/// offers a few speaker visits; tours, shadows and interns where it offers them), and a log
/// entry, every fifth with a follow-up already due.
async fn relationship(
    db: &Db,
    (district, id): (DistrictId, PartnerOrganizationId),
    (n, name, offers): (usize, &str, &[&str; 2]),
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let domain: String = name.to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
    let contact = ContactInput {
        name: CONTACT_NAMES[n % CONTACT_NAMES.len()].to_string(),
        title: "Community partnerships".to_string(),
        email: format!("partnerships@{domain}.example.org"),
        phone: format!("555-01{:02}", n % 100),
        role: "primary".to_string(),
    };
    contacts::add(db, (district, id), &contact, now).await?;
    let offers_any = |kinds: &[&str]| offers.iter().any(|o| kinds.contains(o));
    let values = [
        ("speakers", 1 + (n % 3) as i64),
        ("tours", if offers_any(&["field_trip"]) { 2 } else { 0 }),
        ("shadows", if offers_any(&["job_shadow"]) { 4 } else { 0 }),
        ("interns", if offers_any(&["internship", "pre_apprenticeship", "apprenticeship"]) { 3 } else { 0 }),
    ];
    commitments::set(db, (district, id), &school_year(now.date()), &values).await?;
    let entry = InteractionInput {
        kind: "meeting".to_string(),
        happened_on: now.date() - Duration::days(30 + (n % 20) as i64),
        summary: "Planned this year's visits and placements with the partnerships team.".to_string(),
        follow_up_on: (n % 5 == 0).then(|| now.date() - Duration::days(3)),
    };
    interactions::record(db, (district, id), &entry, None, now).await.map(|_| ())
}

fn title_of(kind: &str) -> &'static str {
    match kind {
        "guest_speaker" => "Guest speaker",
        "career_fair" => "Career fair",
        "field_trip" => "Workplace tour",
        "job_shadow" => "Job shadow day",
        "internship" => "Internship",
        "pre_apprenticeship" => "Pre-apprenticeship",
        "apprenticeship" => "Registered apprenticeship",
        "dual_enrollment" => "Dual enrollment course",
        "mentoring" => "Mentoring program",
        _ => "Virtual experience",
    }
}

async fn insert_organization(
    db: &Db,
    id: PartnerOrganizationId,
    (name, kind, naics, city): (&str, &str, &str, &str),
    about: &str,
    subclusters: &[&str],
) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO partner_organizations (id, name, kind, naics_sector, city, website, about)
         VALUES ($1, $2, $3, $4, $5, '', $6) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,
         naics_sector = excluded.naics_sector, city = excluded.city, about = excluded.about";
    const TAG: &str =
        "INSERT INTO partner_subclusters (organization_id, subcluster_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(name).bind(kind).bind(naics).bind(city).bind(about).execute(pool).await?;
        for subcluster in subclusters {
            sqlx::query(TAG).bind(id).bind(*subcluster).execute(pool).await?;
        }
        Ok(())
    })
}

async fn link(
    db: &Db,
    district: DistrictId,
    id: PartnerOrganizationId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    const SQL: &str =
        "INSERT INTO district_partners (district_id, organization_id, since, active) VALUES ($1, $2, $3, TRUE)
         ON CONFLICT (district_id, organization_id) DO NOTHING";
    with_pool!(db, pool => sqlx::query(SQL).bind(district).bind(id).bind(now.date()).execute(pool).await.map(|_| ()))
}

async fn insert_opportunity(
    db: &Db,
    id: OpportunityId,
    organization: PartnerOrganizationId,
    input: &OpportunityInput,
    now: OffsetDateTime,
) -> Result<OpportunityId, sqlx::Error> {
    if store::opportunity(db, id).await?.is_none() {
        store::insert_opportunity(db, (id, organization), input, None, now).await?;
    }
    Ok(id)
}

/// The district's own partner (the demo partner account's): a vetted hospital.
async fn own_partner(db: &Db, district: DistrictId, now: OffsetDateTime) -> Result<Vec<OpportunityId>, sqlx::Error> {
    const SQL: &str =
        "SELECT o.id, o.name FROM partner_organizations o JOIN partner_staff s ON s.organization_id = o.id
         JOIN users u ON u.id = s.user_id WHERE u.district_id = $1 ORDER BY u.email LIMIT 1";
    let found: Option<(PartnerOrganizationId, String)> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(district).fetch_optional(pool).await)?;
    let Some((id, name)) = found else { return Ok(Vec::new()) };
    let city = name.split_whitespace().next().unwrap_or("").to_string();
    let about = "The region's teaching hospital: emergency care, surgery, nursing and community clinics.";
    insert_organization(
        db,
        id,
        (&name, "employer", "62", &city),
        about,
        &["physical-health", "health-data-administration"],
    )
    .await?;
    link(db, district, id, now).await?;
    let today = now.date();
    for kind in ["background_check", "insurance", "agreement"] {
        store::record_vetting(db, (district, id), (kind, today + Duration::days(200), ""), None, now).await?;
    }
    let mut ids = Vec::new();
    for (key, kind, title, start, length) in [
        ("care", "internship", "Patient care internship", -14, 44),
        ("shadow", "job_shadow", "Emergency department job shadow", 10, 0),
    ] {
        let starts_on = today + Duration::days(start);
        let input = OpportunityInput {
            kind: kind.into(),
            title: title.into(),
            description: format!("{title} at {name}: work beside nurses and technicians, learn how a hospital runs."),
            subcluster: "physical-health".into(),
            occupation: Some(if kind == "internship" { "29-2061.00" } else { "29-1141.00" }.into()),
            starts_on,
            ends_on: starts_on + Duration::days(length),
            location: format!("{name}, main campus"),
            capacity: 4,
            paid: kind == "internship",
            min_grade: 10,
            min_age: None,
            needs_approval: true,
            transportation: "student".into(),
        };
        let namespace = Uuid::new_v5(&region(), district.uuid().as_bytes());
        ids.push(insert_opportunity(db, OpportunityId::derived(&namespace, key), id, &input, now).await?);
    }
    Ok(ids)
}

/// Who applies: a weighted draw without replacement (the largest `u^(1/w)` keys), where
/// students who are economically disadvantaged, learning English or on an IEP or 504 plan
/// are less likely to apply, as districts commonly find before they act on it.
fn applicants(candidates: Vec<(UserId, bool, bool, bool)>) -> Vec<UserId> {
    let wanted = APPLICATIONS.max(candidates.len() * APPLYING_PERCENT / 100);
    let mut keyed: Vec<(f64, UserId)> = candidates
        .into_iter()
        .map(|(id, disadvantaged, learner, iep)| {
            let weight = [(disadvantaged, 0.7), (learner, 0.5), (iep, 0.6)]
                .iter()
                .filter(|(has, _)| *has)
                .fold(1.0, |w, (_, factor)| w * factor);
            let draw = (id.uuid().as_u64_pair().1 >> 11) as f64 / (1u64 << 53) as f64;
            (draw.max(f64::MIN_POSITIVE).powf(1.0 / weight), id)
        })
        .collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    keyed.into_iter().take(wanted).map(|(_, id)| id).collect()
}

/// Applications of the district's older students in every state.
async fn applications(
    db: &Db,
    district: DistrictId,
    own: &[OpportunityId],
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    const STUDENTS: &str =
        "SELECT u.id, COALESCE(a.economically_disadvantaged, FALSE), COALESCE(a.english_learner, FALSE),
             COALESCE(a.iep_504, FALSE)
         FROM users u LEFT JOIN student_attributes a ON a.student_id = u.id
         WHERE u.district_id = $1 AND u.role = 'student' AND u.grade >= 10
         AND (u.email IS NULL OR u.email <> 'student@demo.test') ORDER BY u.id";
    const GUARDIAN: &str = "SELECT guardian_id FROM guardianships WHERE student_id = $1 LIMIT 1";
    const SUPERVISOR: &str = "SELECT user_id FROM partner_staff WHERE organization_id = $1 LIMIT 1";
    const COORDINATOR: &str = "SELECT a.id FROM users a JOIN users s ON s.school_id = a.school_id
         WHERE s.id = $1 AND a.role = 'school_admin' LIMIT 1";
    let candidates: Vec<(UserId, bool, bool, bool)> =
        with_pool!(db, pool => sqlx::query_as(STUDENTS).bind(district).fetch_all(pool).await)?;
    let students = applicants(candidates);
    let Some(internship) = own.first() else { return Ok(()) };
    let Some(opportunity) = store::opportunity(db, *internship).await? else { return Ok(()) };
    let regional: Vec<OpportunityId> = (0..SECTORS.len() * PLACES.len())
        .map(|n| OpportunityId::derived(&region(), &format!("opportunity/{n}/0")))
        .collect();
    for (n, student) in students.into_iter().enumerate() {
        let target = if n < 6 {
            opportunity.clone()
        } else {
            match store::opportunity(db, regional[n % regional.len()]).await? {
                Some(o) => o,
                None => continue,
            }
        };
        let new = NewApplication {
            opportunity: &target,
            student,
            district,
            statement: "I want to see what this work is like day to day.",
            resume: None,
        };
        let Applied::Seat(id) = store::apply(db, &new, now).await? else { continue };
        let Some(application) = store::application(db, id).await? else { continue };
        let guardian: Option<UserId> =
            with_pool!(db, pool => sqlx::query_scalar(GUARDIAN).bind(student).fetch_optional(pool).await)?;
        match n % 6 {
            0 => {}
            1 => {
                store::end(db, &application, "withdrawn", student, "", now).await?;
                continue;
            }
            2 => {
                store::end(db, &application, "declined", student, "The placement filled with seniors first.", now)
                    .await?;
                continue;
            }
            _ => {
                if application.status == "applied" {
                    store::advance(db, id, ("applied", "approved"), None, now).await?;
                }
                if n % 2 == 1 {
                    sponsor(db, id).await?;
                }
            }
        }
        let Some(guardian) = guardian else { continue };
        if n % 6 >= 4 {
            let consent = store::NewConsent {
                guardian,
                form: super::model::consent_form(&target.kind),
                signature: "Demo Guardian",
                emergency_name: "Demo Guardian",
                emergency_phone: "555-010-0100",
            };
            store::add_consent(db, id, &consent, now).await?;
            if store::lapsed_vetting(db, district, target.organization_id, now.date()).await?.is_empty() {
                store::advance(db, id, ("approved", "placed"), None, now).await?;
                if n % 6 == 4 && target.starts_on < now.date() {
                    store::advance(db, id, ("placed", "completed"), None, now).await?;
                }
            }
        }
        if n % 6 == 5 && target.id == opportunity.id {
            let supervisor: Option<UserId> = with_pool!(db, pool => {
                sqlx::query_scalar(SUPERVISOR).bind(target.organization_id).fetch_optional(pool).await
            })?;
            let coordinator: Option<UserId> =
                with_pool!(db, pool => sqlx::query_scalar(COORDINATOR).bind(student).fetch_optional(pool).await)?;
            if let (Some(supervisor), Some(coordinator)) = (supervisor, coordinator) {
                let placement = Placement { district, student, application: id, approvers: (supervisor, coordinator) };
                log_demo_hours(db, &placement, &target, now).await?;
                let ratings: Vec<(String, i64)> =
                    (1..=12).filter(|p| p % 3 != 0).map(|p| (format!("cctc-2012/CRP{p}"), 2 + (p % 3))).collect();
                store::add_evaluation(db, id, supervisor, (&ratings, "Reliable, curious and kind with patients."), now)
                    .await?;
            }
        }
    }
    Ok(())
}

/// Marks a demo placement as one the school sponsors.
async fn sponsor(db: &Db, application: crate::ids::ApplicationId) -> Result<(), sqlx::Error> {
    const SQL: &str = "UPDATE applications SET school_sponsored = TRUE WHERE id = $1";
    with_pool!(db, pool => sqlx::query(SQL).bind(application).execute(pool).await.map(|_| ()))
}

/// A placement whose hours the demo logs, and who approves them.
struct Placement {
    district: DistrictId,
    student: UserId,
    application: crate::ids::ApplicationId,
    /// The site supervisor and the school's coordinator.
    approvers: (UserId, UserId),
}

/// A week of afternoons on a placement under way, most approved by supervisor and school.
async fn log_demo_hours(
    db: &Db,
    placement: &Placement,
    opportunity: &store::Opportunity,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let limits = hours::limits(db, placement.district).await?;
    let application = placement.application;
    let (supervisor, coordinator) = placement.approvers;
    let target = Target {
        application,
        student: placement.student,
        starts_on: opportunity.starts_on,
        ends_on: opportunity.ends_on,
        replacing: None,
    };
    for day in 1..=5 {
        let worked_on = opportunity.starts_on + Duration::days(day);
        if worked_on > now.date() {
            break;
        }
        let input = HoursInput {
            worked_on,
            start: 15 * 60 + 30,
            end: 18 * 60 + 30,
            description: "Patient transport and vitals with the nursing team".into(),
        };
        if let Ok(entry) = hours::log(db, &target, &input, &limits, now).await?
            && day < 5
        {
            hours::approve(db, (application, entry), Approver::Supervisor, supervisor, now).await?;
            if day < 4 {
                hours::approve(db, (application, entry), Approver::Coordinator, coordinator, now).await?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partners::model::OPPORTUNITY_KINDS;

    #[test]
    fn the_region_offers_every_kind_of_opportunity() {
        for kind in OPPORTUNITY_KINDS {
            assert!(SECTORS.iter().any(|s| s.4.contains(&kind)), "{kind}");
        }
        assert_eq!(SECTORS.len() * PLACES.len(), 60);
    }
}
