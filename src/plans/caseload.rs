//! The counselor's workspace: their caseload with where each plan stands (career cluster
//! chosen, last meeting, overdue next steps, this year's sign-off), filters, and a "who
//! needs me next" queue ranked by rules shown beside each student.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use time::{Date, Duration, OffsetDateTime};

use super::completeness;
use super::graduation;
use super::pages::acting;
use super::signoffs::school_year;
use super::steps::{self, StepForm};
use super::templates;
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{DistrictId, SchoolId, UserId};
use crate::orgs::store::IN_CASELOAD;
use crate::web::{AppForm, Layout, PageCtx, attachment, render, sheet};
use crate::with_pool;

/// A meeting longer ago than this (or none) makes a student due for one.
const MEETING_DUE_DAYS: i64 = 90;
/// How many students the queue shows.
const QUEUE_SHOWN: usize = 15;

/// A caseload student and where their plan stands.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Standing {
    pub id: UserId,
    pub given_name: String,
    pub family_name: String,
    pub grade: Option<i64>,
    pub school_id: Option<SchoolId>,
    pub school_name: Option<String>,
    pub has_cluster: bool,
    pub last_meeting: Option<OffsetDateTime>,
    pub overdue_steps: i64,
    /// Signed off this school year by the student, a guardian and a counselor.
    pub signed: bool,
    /// Behind the credits to graduate on time, or a high schooler's plan short of a rule.
    #[sqlx(skip)]
    pub off_track: bool,
    /// Items of the district's checklist for the student's grade: (met, in all).
    #[sqlx(skip)]
    pub checklist: (usize, usize),
}

/// Why a student needs their counselor, most pressing first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    OverdueSteps,
    OffTrack,
    NoCluster,
    NoRecentMeeting,
    PlanIncomplete,
    NotSignedOff,
}

impl Need {
    pub const ALL: [Need; 6] = [
        Need::OverdueSteps,
        Need::OffTrack,
        Need::NoCluster,
        Need::NoRecentMeeting,
        Need::PlanIncomplete,
        Need::NotSignedOff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Need::OverdueSteps => "overdue-steps",
            Need::OffTrack => "off-track",
            Need::PlanIncomplete => "plan-incomplete",
            Need::NoCluster => "no-cluster",
            Need::NoRecentMeeting => "no-recent-meeting",
            Need::NotSignedOff => "not-signed-off",
        }
    }

    /// Points toward the queue's order: overdue steps weigh most, per step.
    fn weight(self) -> i64 {
        match self {
            Need::OverdueSteps | Need::OffTrack => 3,
            Need::NoCluster | Need::NoRecentMeeting => 2,
            Need::PlanIncomplete | Need::NotSignedOff => 1,
        }
    }
}

impl Standing {
    pub fn needs(&self, now: OffsetDateTime) -> Vec<Need> {
        let meeting_due = self.last_meeting.is_none_or(|at| now - at > Duration::days(MEETING_DUE_DAYS));
        [
            (Need::OverdueSteps, self.overdue_steps > 0),
            (Need::OffTrack, self.off_track),
            (Need::NoCluster, !self.has_cluster),
            (Need::NoRecentMeeting, meeting_due),
            (Need::PlanIncomplete, self.checklist.0 < self.checklist.1),
            (Need::NotSignedOff, !self.signed),
        ]
        .into_iter()
        .filter_map(|(need, applies)| applies.then_some(need))
        .collect()
    }

    fn score(&self, now: OffsetDateTime) -> i64 {
        self.needs(now)
            .into_iter()
            .map(|need| if need == Need::OverdueSteps { need.weight() * self.overdue_steps } else { need.weight() })
            .sum()
    }
}

/// Every student of `counselor`'s caseload with their plan's standing, by name.
pub async fn standings(db: &Db, counselor: UserId, today: Date) -> Result<Vec<Standing>, sqlx::Error> {
    let sql = format!(
        "SELECT u.id, u.given_name, u.family_name, u.grade, u.school_id, sc.name AS school_name,
             EXISTS (SELECT 1 FROM plan_interests i WHERE i.student_id = u.id AND i.kind IN ('cluster', 'subcluster')) AS has_cluster,
             (SELECT MAX(n.created_at) FROM plan_notes n WHERE n.student_id = u.id) AS last_meeting,
             (SELECT COUNT(*) FROM plan_steps p WHERE p.student_id = u.id AND p.done_at IS NULL AND p.due_on < $2) AS overdue_steps,
             (SELECT COUNT(DISTINCT s.signer_role) FROM plan_signoffs s WHERE s.student_id = u.id AND s.school_year = $3) = 3 AS signed
         FROM users u LEFT JOIN schools sc ON sc.id = u.school_id
         WHERE u.role = 'student' AND u.active AND {IN_CASELOAD}
         ORDER BY u.family_name, u.given_name"
    );
    let year = school_year(today);
    const DISTRICT: &str = "SELECT district_id FROM users WHERE id = $1";
    let (mut all, district): (Vec<Standing>, Option<DistrictId>) = with_pool!(db, pool => {
        let all = sqlx::query_as(&sql).bind(counselor).bind(today).bind(&year).fetch_all(pool).await?;
        let district = sqlx::query_scalar(DISTRICT).bind(counselor).fetch_optional(pool).await?.flatten();
        Ok::<_, sqlx::Error>((all, district))
    })?;
    let Some(district) = district else { return Ok(all) };
    let rules = graduation::rules(db, district).await?;
    let template = templates::of_district(db, district).await?;
    let students = format!("SELECT u.id FROM users u WHERE u.role = 'student' AND u.active AND {IN_CASELOAD}");
    let facts = completeness::facts_of(db, &students, counselor.uuid()).await?;
    for standing in &mut all {
        let Some(facts) = facts.get(&standing.id) else { continue };
        standing.off_track = facts.credit_check(&rules).off_track(standing.grade);
        if let Some(grade) = standing.grade {
            let progress = completeness::progress(facts, &template, &rules, grade, today);
            standing.checklist = (progress.met, progress.elements.len());
        }
    }
    Ok(all)
}

/// The students of `grade` in `counselor`'s caseload.
async fn students_in_grade(db: &Db, counselor: UserId, grade: i64) -> Result<Vec<UserId>, sqlx::Error> {
    let sql =
        format!("SELECT u.id FROM users u WHERE u.role = 'student' AND u.active AND u.grade = $2 AND {IN_CASELOAD}");
    with_pool!(db, pool => sqlx::query_scalar(&sql).bind(counselor).bind(grade).fetch_all(pool).await)
}

/// Puts one next step on the plan of every student of a grade in the counselor's caseload.
pub async fn assign_to_grade(
    State(state): State<AppState>,
    session: SessionCtx,
    AppForm(form): AppForm<StepForm>,
) -> Result<Response, AppError> {
    let counselor = acting(&state, &session, Permission::WorkCaseload, &form.csrf).await?;
    let step = form.checked()?;
    let grade = grade_filter(&form.grade)?.ok_or_else(|| grade_problem(&form.grade))?;
    let students = students_in_grade(&state.db, counselor.id, grade).await?;
    if students.is_empty() {
        return Err(AppError::bad_request(
            "grade",
            "error-field-caseload-grade-empty",
            format!("no student of grade {grade} is in your caseload"),
        ));
    }
    let now = OffsetDateTime::now_utc();
    steps::insert(&state.db, &students, &step, counselor.id, now).await?;
    let detail =
        format!("plan: added a step for the {} to {} students of grade {grade}", step.owner.as_str(), students.len());
    let entry = Entry::by(&counselor, Action::Change, "/caseload").from_ip(session.ip()).detail(&detail);
    audit::record(&state.db, &entry, now).await?;
    Ok(Redirect::to(&format!("/caseload?grade={grade}")).into_response())
}

/// The students who need their counselor most: highest score first, then the longest
/// since a meeting.
pub fn queue(standings: &[Standing], now: OffsetDateTime) -> Vec<&Standing> {
    let mut due: Vec<&Standing> = standings.iter().filter(|s| s.score(now) > 0).collect();
    due.sort_by_cached_key(|s| (std::cmp::Reverse(s.score(now)), s.last_meeting));
    due.truncate(QUEUE_SHOWN);
    due
}

#[derive(Deserialize, serde::Serialize, Default)]
pub struct Filters {
    #[serde(default)]
    grade: String,
    #[serde(default)]
    school: String,
    #[serde(default)]
    need: String,
}

/// The filters, checked: a grade 6-12, a school of the caseload, a known need.
struct Checked {
    grade: Option<i64>,
    school: Option<SchoolId>,
    need: Option<Need>,
}

fn grade_problem(text: &str) -> AppError {
    AppError::bad_request("grade", "error-field-caseload-grade", format!("grade {text:?} is not 6 to 12"))
}

/// A grade 6-12, or none when left empty.
fn grade_filter(text: &str) -> Result<Option<i64>, AppError> {
    match text.trim() {
        "" => Ok(None),
        text => text.parse::<i64>().ok().filter(|g| (6..=12).contains(g)).map(Some).ok_or_else(|| grade_problem(text)),
    }
}

fn check(filters: &Filters) -> Result<Checked, AppError> {
    let grade = grade_filter(&filters.grade)?;
    let school = match filters.school.trim() {
        "" => None,
        text => Some(text.parse::<SchoolId>().map_err(|_| {
            AppError::bad_request("school", "error-field-caseload-school", format!("{text:?} is not a school"))
        })?),
    };
    let need = match filters.need.trim() {
        "" => None,
        text => Some(Need::ALL.into_iter().find(|n| n.as_str() == text).ok_or_else(|| {
            AppError::bad_request("need", "error-field-caseload-need", format!("{text:?} is not a need"))
        })?),
    };
    Ok(Checked { grade, school, need })
}

impl Checked {
    /// The standings these filters let through.
    fn select<'a>(&self, all: &'a [Standing], now: OffsetDateTime) -> impl Iterator<Item = &'a Standing> {
        let (grade, school, need) = (self.grade, self.school, self.need);
        all.iter()
            .filter(move |s| grade.is_none_or(|g| s.grade == Some(g)))
            .filter(move |s| school.is_none_or(|id| s.school_id == Some(id)))
            .filter(move |s| need.is_none_or(|need| s.needs(now).contains(&need)))
    }
}

/// The caseload (with the page's filters) as CSV, for a spreadsheet or a mail merge.
pub async fn export_caseload(
    State(state): State<AppState>,
    session: SessionCtx,
    Query(filters): Query<Filters>,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::WorkCaseload).await?;
    let user = session.require_user()?;
    let filters = check(&filters)?;
    let now = OffsetDateTime::now_utc();
    let all = standings(&state.db, user.id, now.date()).await?;
    let year = school_year(now.date());
    let mut csv = sheet::document();
    let header = [
        "family_name",
        "given_name",
        "grade",
        "school",
        "cluster_chosen",
        "last_meeting",
        "overdue_steps",
        "off_track",
        "checklist_met",
        "checklist_items",
    ];
    let signed = format!("signed_off_{year}");
    sheet::line(&mut csv, header.iter().copied().chain([signed.as_str(), "needs", "points"]).map(String::from));
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    for s in filters.select(&all, now) {
        let needs: Vec<&str> = s.needs(now).into_iter().map(Need::as_str).collect();
        sheet::line(
            &mut csv,
            [
                sheet::cell(&s.family_name),
                sheet::cell(&s.given_name),
                s.grade.map(|g| g.to_string()).unwrap_or_default(),
                sheet::cell(s.school_name.as_deref().unwrap_or_default()),
                yes_no(s.has_cluster),
                s.last_meeting.map(|at| at.date().to_string()).unwrap_or_default(),
                s.overdue_steps.to_string(),
                yes_no(s.off_track),
                s.checklist.0.to_string(),
                s.checklist.1.to_string(),
                yes_no(s.signed),
                needs.join(";"),
                s.score(now).to_string(),
            ],
        );
    }
    let entry = Entry::by(user, Action::Export, "/caseload.csv").from_ip(session.ip());
    audit::record(&state.db, &entry, now).await?;
    let headers = attachment("text/csv; charset=utf-8", &format!("caseload-{}.csv", now.date()));
    Ok(session.attach((headers, csv).into_response()))
}

/// A student in a list, with the reasons they need their counselor.
struct Row {
    standing: Standing,
    needs: Vec<&'static str>,
}

#[derive(Template)]
#[template(path = "plans/caseload.html")]
struct CaseloadPage {
    layout: Layout,
    /// The CSV download of the filtered list.
    export_href: String,
    queue: Vec<Row>,
    rows: Vec<Row>,
    total: usize,
    /// Filter choices, each with whether it is selected.
    grades: Vec<(i64, bool)>,
    /// The grades of the caseload, for assigning a step to one.
    caseload_grades: Vec<i64>,
    schools: Vec<(SchoolId, String, bool)>,
    needs: Vec<(&'static str, bool)>,
    school_year: String,
    meeting_due_days: i64,
    csrf: String,
    step_owners: Vec<&'static str>,
}

pub async fn show_caseload(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Query(query): Query<Filters>,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::WorkCaseload).await?;
    let user = session.require_user()?;
    let filters = check(&query)?;
    let now = OffsetDateTime::now_utc();
    let all = standings(&state.db, user.id, now.date()).await?;
    let row = |s: &Standing| Row { needs: s.needs(now).into_iter().map(Need::as_str).collect(), standing: s.clone() };
    let mut schools: Vec<(SchoolId, String)> =
        all.iter().filter_map(|s| Some((s.school_id?, s.school_name.clone()?))).collect();
    schools.sort_by(|a, b| a.1.cmp(&b.1));
    schools.dedup();
    let mut caseload_grades: Vec<i64> = all.iter().filter_map(|s| s.grade).collect();
    caseload_grades.sort_unstable();
    caseload_grades.dedup();
    let rows = filters.select(&all, now).map(row).collect();
    let export_href = format!("/caseload.csv?{}", serde_urlencoded::to_string(&query).unwrap_or_default());
    let page = CaseloadPage {
        export_href,
        layout: ctx.layout(ctx.t("caseload-title"), "home"),
        queue: queue(&all, now).into_iter().map(row).collect(),
        rows,
        total: all.len(),
        grades: (6..=12).map(|g| (g, filters.grade == Some(g))).collect(),
        caseload_grades,
        schools: schools.into_iter().map(|(id, name)| (id, name, filters.school == Some(id))).collect(),
        needs: Need::ALL.iter().map(|n| (n.as_str(), filters.need == Some(*n))).collect(),
        school_year: school_year(now.date()),
        meeting_due_days: MEETING_DUE_DAYS,
        csrf: session.csrf_token().to_string(),
        step_owners: steps::OWNERS.iter().map(|r| r.as_str()).collect(),
    };
    render(&page)
}
