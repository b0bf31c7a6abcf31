//! Work-based learning records for the state and for the district's own analysis: a CSV in a
//! documented generic layout, a CSV in a California CALPADS-style work-based learning (WBLR)
//! layout, and the counts behind the Perkins V work-based learning indicator (5S3). The layouts
//! are described in docs/work-based-learning-exports.md.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use time::{Date, Month, OffsetDateTime};

use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{ApplicationId, DistrictId, SchoolId, UserId};
use crate::orgs::model::{Role, User};
use crate::plans::signoffs::school_year;
use crate::web::{FormFields, Layout, PageCtx, attachment, render, sheet};
use crate::with_pool;

/// Experiences that count as work-based learning for the Perkins indicator: sustained work with
/// an employer (internships, apprenticeships and pre-apprenticeships) or a simulated one.
/// Speakers, fairs, tours and job shadows are career awareness and exploration.
pub const PERKINS_KINDS: [&str; 4] = ["internship", "pre_apprenticeship", "apprenticeship", "virtual"];

/// One student's participation in one opportunity, placed or completed, in a school year.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Record {
    pub id: ApplicationId,
    pub student_id: UserId,
    pub school_code: Option<String>,
    pub school_name: Option<String>,
    pub student_local_id: Option<String>,
    pub family_name: String,
    pub given_name: String,
    pub grade: Option<i64>,
    pub kind: String,
    pub title: String,
    pub partner_name: String,
    pub naics_sector: Option<String>,
    pub subcluster_id: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub status: String,
    pub paid: bool,
    pub school_sponsored: bool,
    pub approved_minutes: i64,
    pub pending_minutes: i64,
    pub consent_signed_at: Option<OffsetDateTime>,
    pub ratings: i64,
    pub rating_sum: i64,
}

impl Record {
    /// The supervisor's ratings averaged, 1–4; `None` when no evaluation rated anything.
    pub fn rating_average(&self) -> Option<f64> {
        (self.ratings > 0).then(|| self.rating_sum as f64 / self.ratings as f64)
    }

    /// The overall level of the evaluation, 1 (does not meet expectations) to 4 (above).
    pub fn overall_level(&self) -> Option<i64> {
        self.rating_average().map(|average| (average.round() as i64).clamp(1, 4))
    }
}

/// A school year as "2026-27", with its first and last day.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SchoolYear {
    pub label: String,
    pub start: Date,
    pub end: Date,
}

impl SchoolYear {
    pub fn of(day: Date) -> Self {
        Self::starting(crate::plans::signoffs::school_year_start(day).year()).unwrap_or_else(|| Self {
            label: school_year(day),
            start: day,
            end: day,
        })
    }

    /// The year starting in July of `year`, within 2000–2100.
    pub fn starting(year: i32) -> Option<Self> {
        if !(2000..=2100).contains(&year) {
            return None;
        }
        let start = Date::from_calendar_date(year, Month::July, 1).ok()?;
        let end = Date::from_calendar_date(year + 1, Month::June, 30).ok()?;
        Some(Self { label: school_year(start), start, end })
    }

    /// Reads "2026-27" (or "2026-2027", or "2026"); a blank value is the year of `today`.
    pub fn parse(text: &str, today: Date) -> Result<Self, AppError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Self::of(today));
        }
        let first = text.split('-').next().unwrap_or_default();
        let year = first.parse::<i32>().ok().filter(|_| first.len() == 4).and_then(Self::starting);
        year.filter(|y| text == first || text == y.label || text == y.calpads_id())
            .ok_or_else(|| AppError::bad_request("year", "error-field-school-year", "give the school year as 2026-27"))
    }

    /// CALPADS writes academic years as "2026-2027".
    pub fn calpads_id(&self) -> String {
        format!("{}-{}", self.start.year(), self.end.year())
    }
}

/// The district's placed and completed records of `year`, of one school when `school` is given.
pub async fn records(
    db: &Db,
    district: DistrictId,
    school: Option<SchoolId>,
    year: &SchoolYear,
) -> Result<Vec<Record>, sqlx::Error> {
    const SQL: &str = "SELECT a.id, a.student_id, s.sourced_id AS school_code, s.name AS school_name,
         u.sourced_id AS student_local_id, u.family_name, u.given_name, u.grade, o.kind, o.title,
         org.name AS partner_name, org.naics_sector, o.subcluster_id, o.starts_on, o.ends_on, a.status, o.paid,
         a.school_sponsored,
         CAST(COALESCE((SELECT SUM(h.end_minute - h.start_minute) FROM hour_entries h WHERE h.application_id = a.id
             AND h.status = 'approved' AND h.worked_on BETWEEN $3 AND $4), 0) AS BIGINT) AS approved_minutes,
         CAST(COALESCE((SELECT SUM(h.end_minute - h.start_minute) FROM hour_entries h WHERE h.application_id = a.id
             AND h.status IN ('submitted', 'supervisor_approved') AND h.worked_on BETWEEN $3 AND $4), 0) AS BIGINT)
             AS pending_minutes,
         (SELECT c.signed_at FROM consents c WHERE c.application_id = a.id) AS consent_signed_at,
         (SELECT COUNT(*) FROM evaluation_ratings r JOIN evaluations e ON e.id = r.evaluation_id
             WHERE e.application_id = a.id) AS ratings,
         CAST(COALESCE((SELECT SUM(r.rating) FROM evaluation_ratings r JOIN evaluations e ON e.id = r.evaluation_id
             WHERE e.application_id = a.id), 0) AS BIGINT) AS rating_sum
         FROM applications a
         JOIN opportunities o ON o.id = a.opportunity_id
         JOIN partner_organizations org ON org.id = o.organization_id
         JOIN users u ON u.id = a.student_id
         LEFT JOIN schools s ON s.id = u.school_id
         WHERE a.district_id = $1 AND ($2 IS NULL OR u.school_id = $2) AND a.status IN ('placed', 'completed')
         AND o.starts_on <= $4 AND o.ends_on >= $3
         ORDER BY s.name, u.family_name, u.given_name, o.starts_on, a.id";
    with_pool!(db, pool => {
        sqlx::query_as(SQL).bind(district).bind(school).bind(year.start).bind(year.end).fetch_all(pool).await
    })
}

fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_string()
}

fn hours(minutes: i64) -> String {
    format!("{}.{:02}", minutes / 60, (minutes % 60) * 100 / 60)
}

pub const GENERIC_COLUMNS: [&str; 28] = [
    "record_id",
    "school_year",
    "school_code",
    "school_name",
    "student_local_id",
    "student_family_name",
    "student_given_name",
    "grade",
    "experience_type",
    "experience_title",
    "partner_name",
    "partner_naics_sector",
    "cluster_id",
    "subcluster_id",
    "subcluster_name",
    "starts_on",
    "ends_on",
    "status",
    "paid",
    "school_sponsored",
    "hours_approved",
    "hours_pending",
    "guardian_consent_on",
    "evaluated",
    "evaluation_average",
    "evaluation_level",
    "perkins_work_based_learning",
    "calpads_type_code",
];

/// The generic layout: one row per record; `subclusters` maps ids to (cluster id, name).
pub fn generic_csv(records: &[Record], year: &SchoolYear, subclusters: &HashMap<String, (String, String)>) -> String {
    let mut csv = sheet::document();
    sheet::line(&mut csv, GENERIC_COLUMNS.iter().map(|c| c.to_string()));
    for r in records {
        let (cluster, name) = subclusters.get(&r.subcluster_id).cloned().unwrap_or_default();
        let text = |value: &Option<String>| sheet::cell(value.as_deref().unwrap_or_default());
        sheet::line(
            &mut csv,
            [
                r.id.to_string(),
                year.label.clone(),
                text(&r.school_code),
                text(&r.school_name),
                text(&r.student_local_id),
                sheet::cell(&r.family_name),
                sheet::cell(&r.given_name),
                r.grade.map(|g| g.to_string()).unwrap_or_default(),
                r.kind.clone(),
                sheet::cell(&r.title),
                sheet::cell(&r.partner_name),
                text(&r.naics_sector),
                cluster,
                r.subcluster_id.clone(),
                sheet::cell(&name),
                r.starts_on.to_string(),
                r.ends_on.to_string(),
                r.status.clone(),
                yes_no(r.paid),
                yes_no(r.school_sponsored),
                hours(r.approved_minutes),
                hours(r.pending_minutes),
                r.consent_signed_at.map(|at| at.date().to_string()).unwrap_or_default(),
                yes_no(r.ratings > 0),
                r.rating_average().map(|a| format!("{a:.2}")).unwrap_or_default(),
                r.overall_level().map(|l| l.to_string()).unwrap_or_default(),
                yes_no(PERKINS_KINDS.contains(&r.kind.as_str())),
                calpads_type(&r.kind).unwrap_or_default().to_string(),
            ],
        );
    }
    csv
}

/// The CALPADS work-based learning type of an experience: 10 internship, 20 simulated
/// (virtual) work-based learning, 25 registered pre-apprenticeship. Other kinds are not reported.
pub fn calpads_type(kind: &str) -> Option<&'static str> {
    match kind {
        "internship" => Some("10"),
        "virtual" => Some("20"),
        "pre_apprenticeship" => Some("25"),
        _ => None,
    }
}

pub const CALPADS_COLUMNS: [&str; 19] = [
    "RecordTypeCode",
    "TransactionTypeCode",
    "LocalRecordID",
    "ReportingLEA",
    "SchoolOfAttendance",
    "AcademicYearID",
    "SSID",
    "LocalStudentID",
    "StudentLegalFirstName",
    "StudentLegalLastName",
    "StudentBirthDate",
    "StudentGenderCode",
    "WorkBasedLearningTypeCode",
    "InternshipID",
    "WorkBasedLearningHoursExternal",
    "StateCourseCodeEmbeddedWBL",
    "InternshipEmployerPerformanceEvaluationCode",
    "InternshipLEASponsoredIndicator",
    "InternshipCertifiedSupervisedIndicator",
];

/// The CALPADS-style layout: internships and simulated work-based learning with their hours in
/// the year; pre-apprenticeships only in the year they are completed. Birth date, gender and
/// SSID are left for the student information system to fill: Pathways does not keep them.
pub fn calpads_csv(records: &[Record], reporting_lea: &str, year: &SchoolYear) -> String {
    let mut csv = sheet::document();
    sheet::line(&mut csv, CALPADS_COLUMNS.iter().map(|c| c.to_string()));
    for r in records {
        let Some(code) = calpads_type(&r.kind) else { continue };
        if code == "25" && r.status != "completed" {
            continue;
        }
        let internship = code == "10";
        let only_internship = |value: String| if internship { value } else { String::new() };
        let y_n = |flag: bool| if flag { "Y" } else { "N" }.to_string();
        let evaluation = r.overall_level().map_or("NP".to_string(), |level| level.to_string());
        sheet::line(
            &mut csv,
            [
                "WBLR".to_string(),
                String::new(),
                r.id.to_string(),
                sheet::cell(reporting_lea),
                sheet::cell(r.school_code.as_deref().unwrap_or_default()),
                year.calpads_id(),
                String::new(),
                sheet::cell(r.student_local_id.as_deref().unwrap_or_default()),
                sheet::cell(&r.given_name),
                sheet::cell(&r.family_name),
                String::new(),
                String::new(),
                code.to_string(),
                only_internship(r.id.to_string()),
                if code == "25" { String::new() } else { (r.approved_minutes / 60).to_string() },
                String::new(),
                only_internship(evaluation),
                only_internship(y_n(r.school_sponsored)),
                only_internship(y_n(r.ratings > 0 && r.approved_minutes > 0)),
            ],
        );
    }
    csv
}

/// The counts behind the Perkins V secondary indicator 5S3: of the grade-12 CTE concentrators
/// (two or more completed career and technical courses — courses aligned to a CIP program —
/// in one sub-cluster), how many took
/// part in work-based learning (placed in or completed an experience of [`PERKINS_KINDS`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct PerkinsCounts {
    pub seniors: i64,
    pub concentrators: i64,
    pub concentrators_with_wbl: i64,
    pub seniors_with_wbl: i64,
}

impl PerkinsCounts {
    /// The indicator as a percentage with one decimal; `None` without concentrators.
    pub fn rate(&self) -> Option<f64> {
        (self.concentrators > 0)
            .then(|| (self.concentrators_with_wbl as f64 * 1000.0 / self.concentrators as f64).round() / 10.0)
    }
}

pub async fn perkins(db: &Db, district: DistrictId, school: Option<SchoolId>) -> Result<PerkinsCounts, sqlx::Error> {
    let kinds = PERKINS_KINDS.map(|k| format!("'{k}'")).join(", ");
    let sql = format!(
        "WITH seniors AS (SELECT id FROM users WHERE district_id = $1 AND role = 'student' AND active AND grade = 12
             AND ($2 IS NULL OR school_id = $2)),
         concentrators AS (SELECT DISTINCT pc.student_id FROM plan_courses pc
             JOIN courses c ON c.id = pc.course_id AND c.cip_code IS NOT NULL
             JOIN course_subclusters cs ON cs.course_id = pc.course_id
             WHERE pc.status = 'completed' AND pc.student_id IN (SELECT id FROM seniors)
             GROUP BY pc.student_id, cs.subcluster_id HAVING COUNT(DISTINCT pc.course_id) >= 2),
         participants AS (SELECT DISTINCT a.student_id FROM applications a
             JOIN opportunities o ON o.id = a.opportunity_id
             WHERE a.status IN ('placed', 'completed') AND o.kind IN ({kinds})
             AND a.student_id IN (SELECT id FROM seniors))
         SELECT (SELECT COUNT(*) FROM seniors) AS seniors,
             (SELECT COUNT(*) FROM concentrators) AS concentrators,
             (SELECT COUNT(*) FROM concentrators WHERE student_id IN (SELECT student_id FROM participants))
                 AS concentrators_with_wbl,
             (SELECT COUNT(*) FROM participants) AS seniors_with_wbl"
    );
    with_pool!(db, pool => sqlx::query_as(&sql).bind(district).bind(school).fetch_one(pool).await)
}

/// Participation in the year by kind of experience: students, records, approved hours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindTotals {
    pub kind: String,
    pub students: usize,
    pub records: usize,
    pub completed: usize,
    pub approved_minutes: i64,
}

pub fn totals_by_kind(records: &[Record]) -> Vec<KindTotals> {
    let mut totals: Vec<KindTotals> = Vec::new();
    for kind in super::model::OPPORTUNITY_KINDS {
        let of_kind: Vec<&Record> = records.iter().filter(|r| r.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let students: std::collections::HashSet<UserId> = of_kind.iter().map(|r| r.student_id).collect();
        totals.push(KindTotals {
            kind: kind.to_string(),
            students: students.len(),
            records: of_kind.len(),
            completed: of_kind.iter().filter(|r| r.status == "completed").count(),
            approved_minutes: of_kind.iter().map(|r| r.approved_minutes).sum(),
        });
    }
    totals
}

/// The school a report covers: a school administrator's own; the whole district for its admins.
fn scope(user: &User) -> Result<(DistrictId, Option<SchoolId>), AppError> {
    let district = user.district_id.ok_or(AppError::Denied)?;
    match user.role {
        Role::DistrictAdmin => Ok((district, None)),
        _ => Ok((district, Some(user.school_id.ok_or(AppError::Denied)?))),
    }
}

#[derive(Template)]
#[template(path = "partners/report.html")]
struct ReportPage {
    layout: Layout,
    year: SchoolYear,
    years: Vec<String>,
    perkins: PerkinsCounts,
    totals: Vec<KindTotals>,
    records: usize,
    school_only: bool,
}

pub async fn show_report(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::ReportPlacements).await?;
    let (district, school) = scope(session.require_user()?)?;
    let today = OffsetDateTime::now_utc().date();
    let year = SchoolYear::parse(FormFields::from_query(query).get("year"), today)?;
    let records = records(&state.db, district, school, &year).await?;
    let current = SchoolYear::of(today).start.year();
    let years = (current - 4..=current).rev().filter_map(SchoolYear::starting).map(|y| y.label).collect();
    let page = ReportPage {
        layout: ctx.layout(ctx.t("wbl-report-title"), "opportunities"),
        perkins: perkins(&state.db, district, school).await?,
        totals: totals_by_kind(&records),
        records: records.len(),
        school_only: school.is_some(),
        years,
        year,
    };
    render(&page)
}

/// The year's records as CSV: `layout=generic` (the default) or `layout=calpads`.
pub async fn export_records(
    State(state): State<AppState>,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::ReportPlacements).await?;
    let user = session.require_user()?;
    let (district, school) = scope(user)?;
    let fields = FormFields::from_query(query);
    let now = OffsetDateTime::now_utc();
    let year = SchoolYear::parse(fields.get("year"), now.date())?;
    let layout = match fields.get("layout") {
        "" | "generic" => "generic",
        "calpads" => "calpads",
        other => {
            return Err(AppError::bad_request(
                "layout",
                "error-field-export-layout",
                format!("the layout is generic or calpads, not {other:?}"),
            ));
        }
    };
    let records = records(&state.db, district, school, &year).await?;
    let csv = match layout {
        "calpads" => calpads_csv(&records, &district_code(&state.db, district).await?, &year),
        _ => {
            let subclusters = state.catalog.subclusters(None).await?;
            let names = subclusters.into_iter().map(|s| (s.id, (s.cluster_id, s.name))).collect();
            generic_csv(&records, &year, &names)
        }
    };
    let resource = format!("/work-based-learning/export.csv?layout={layout}&year={}", year.label);
    let detail = format!("{} work-based learning records", records.len());
    let entry = Entry::by(user, Action::Export, &resource).from_ip(session.ip()).detail(&detail);
    audit::record(&state.db, &Entry { district: Some(district), ..entry }, now).await?;
    let filename = format!("work-based-learning-{layout}-{}.csv", year.label);
    Ok(session.attach((attachment("text/csv; charset=utf-8", &filename), csv).into_response()))
}

/// The district's code for the state (its roster id), or its short name when it has none.
async fn district_code(db: &Db, district: DistrictId) -> Result<String, sqlx::Error> {
    const SQL: &str = "SELECT COALESCE(sourced_id, slug) FROM districts WHERE id = $1";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(district).fetch_one(pool).await)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn record(kind: &str, status: &str, minutes: i64, ratings: (i64, i64)) -> Record {
        Record {
            id: ApplicationId::random(),
            student_id: UserId::derived(&uuid::Uuid::nil(), "student"),
            school_code: Some("HS1".into()),
            school_name: Some("Lincoln High".into()),
            student_local_id: Some("S-1".into()),
            family_name: "=Ortiz".into(),
            given_name: "Ana, María".into(),
            grade: Some(12),
            kind: kind.into(),
            title: "Patient care".into(),
            partner_name: "Riverside Health".into(),
            naics_sector: Some("62".into()),
            subcluster_id: "physical-health".into(),
            starts_on: date!(2026 - 09 - 01),
            ends_on: date!(2026 - 12 - 15),
            status: status.into(),
            paid: false,
            school_sponsored: true,
            approved_minutes: minutes,
            pending_minutes: 30,
            consent_signed_at: None,
            ratings: ratings.0,
            rating_sum: ratings.1,
        }
    }

    #[test]
    fn school_years_read_as_people_write_them() {
        let today = date!(2026 - 12 - 02);
        assert_eq!(SchoolYear::parse("", today).unwrap().label, "2026-27");
        assert_eq!(SchoolYear::parse("2025-26", today).unwrap().start, date!(2025 - 07 - 01));
        assert_eq!(SchoolYear::parse("2025-2026", today).unwrap().end, date!(2026 - 06 - 30));
        assert_eq!(SchoolYear::parse("2025", today).unwrap().calpads_id(), "2025-2026");
        let year = SchoolYear::of(date!(2027 - 02 - 28));
        assert_eq!((year.start, year.end), (date!(2026 - 07 - 01), date!(2027 - 06 - 30)));
        for bad in ["2025-27", "25-26", "next", "1990-91", "2025-26-27"] {
            assert!(SchoolYear::parse(bad, today).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_generic_layout_quotes_defuses_and_totals() {
        let year = SchoolYear::of(date!(2026 - 12 - 02));
        let names = HashMap::from([("physical-health".to_string(), ("health".to_string(), "Physical Health".into()))]);
        let csv = generic_csv(&[record("internship", "completed", 754, (12, 40))], &year, &names);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].split(',').count(), GENERIC_COLUMNS.len());
        let row = lines[1];
        assert!(row.contains(",'=Ortiz,\"Ana, María\",12,internship,"), "{row}");
        assert!(row.contains(",health,physical-health,Physical Health,2026-09-01,2026-12-15,completed,no,yes,12.56,0.50,,yes,3.33,3,yes,10"), "{row}");
    }

    #[test]
    fn the_calpads_layout_reports_only_its_types() {
        let year = SchoolYear::of(date!(2026 - 12 - 02));
        let records = [
            record("internship", "completed", 6000, (12, 46)),
            record("internship", "placed", 125, (0, 0)),
            record("pre_apprenticeship", "placed", 600, (0, 0)),
            record("pre_apprenticeship", "completed", 600, (0, 0)),
            record("job_shadow", "completed", 300, (0, 0)),
            record("virtual", "completed", 90, (0, 0)),
        ];
        let csv = calpads_csv(&records, "1964733", &year);
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
        let column = |name: &str| CALPADS_COLUMNS.iter().position(|c| *c == name).unwrap();
        let types: Vec<&str> = rows.iter().map(|r| r[column("WorkBasedLearningTypeCode")].as_str()).collect();
        assert_eq!(types, ["10", "10", "25", "20"]);
        let first = &rows[0];
        assert_eq!(first[column("AcademicYearID")], "2026-2027");
        assert_eq!(first[column("WorkBasedLearningHoursExternal")], "100");
        assert_eq!(first[column("InternshipEmployerPerformanceEvaluationCode")], "4");
        assert_eq!(first[column("InternshipLEASponsoredIndicator")], "Y");
        assert_eq!(first[column("InternshipCertifiedSupervisedIndicator")], "Y");
        assert_eq!(rows[1][column("InternshipEmployerPerformanceEvaluationCode")], "NP");
        assert_eq!(rows[1][column("InternshipCertifiedSupervisedIndicator")], "N");
        assert_eq!(rows[2][column("WorkBasedLearningHoursExternal")], "");
        assert_eq!(rows[3][column("InternshipID")], "");
    }

    #[test]
    fn totals_count_students_once_per_kind() {
        let totals = totals_by_kind(&[
            record("internship", "completed", 60, (0, 0)),
            record("internship", "placed", 30, (0, 0)),
            record("job_shadow", "completed", 0, (0, 0)),
        ]);
        assert_eq!(totals[0].kind, "job_shadow");
        assert_eq!(
            (totals[1].students, totals[1].records, totals[1].completed, totals[1].approved_minutes),
            (1, 2, 1, 90)
        );
        // A namesake is another student all the same.
        let namesake = Record {
            student_id: UserId::derived(&uuid::Uuid::nil(), "namesake"),
            ..record("internship", "placed", 0, (0, 0))
        };
        let totals = totals_by_kind(&[record("internship", "placed", 0, (0, 0)), namesake]);
        assert_eq!(totals[0].students, 2);
    }
}
