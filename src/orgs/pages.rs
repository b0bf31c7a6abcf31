//! Pages about people: each role's home page, the account page, a student's record (every
//! staff read is audited), who viewed it, and a class roster.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use time::OffsetDateTime;

use super::model::{Role, User};
use super::store::{self, ClassDetail, ClassRow, PersonRow, SchoolSummary, StudentClassRow, StudentRecord, StudentRow};
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::classroom::class_interests::{self, ClassInterests};
use crate::classroom::speakers::{self, SpeakerRequest};
use crate::error::AppError;
use crate::ids::{ClassId, SpeakerRequestId, UserId};
use crate::partners::commitments::{SpeakerMatch, speaker_candidates};
use crate::plans::pages::{ClusterChoice, cluster_choices};
use crate::plans::steps::{self, OwnStep};
use crate::web::{Layout, PageCtx, render};

/// How many caseload students the counselor's home page lists.
const CASELOAD_SHOWN: i64 = 200;

/// What the home page shows, by role.
enum HomeBody {
    Student { school: Option<String>, grade: Option<i64> },
    Guardian { children: Vec<StudentRow> },
    Teacher { classes: Vec<ClassRow> },
    Counselor { students: Vec<StudentRow>, total: i64 },
    Partner { organization: Option<String> },
    Admin { district: Option<String>, schools: Vec<SchoolSummary>, audit: bool },
}

#[derive(Template)]
#[template(path = "people/home.html")]
struct HomePage {
    layout: Layout,
    user: User,
    /// Open next steps this person owns, on their own or others' plans.
    steps: Vec<OwnStep>,
    body: HomeBody,
}

async fn home_body(state: &AppState, user: &User) -> Result<HomeBody, AppError> {
    let db = &state.db;
    Ok(match user.role {
        Role::Student => {
            let school = match user.school_id {
                Some(id) => store::school_name(db, id).await?,
                None => None,
            };
            HomeBody::Student { school, grade: user.grade }
        }
        Role::Guardian => HomeBody::Guardian { children: store::children(db, user.id).await? },
        Role::Teacher => HomeBody::Teacher { classes: store::classes_taught(db, user.id).await? },
        Role::Counselor => HomeBody::Counselor {
            students: store::caseload(db, user.id, CASELOAD_SHOWN).await?,
            total: store::caseload_size(db, user.id).await?,
        },
        Role::Partner => HomeBody::Partner { organization: store::partner_organization(db, user.id).await? },
        Role::SchoolAdmin | Role::DistrictAdmin | Role::InstanceAdmin => {
            let (district, schools) = match user.district_id {
                Some(district) => {
                    let school = if user.role == Role::SchoolAdmin { user.school_id } else { None };
                    (store::district_name(db, district).await?, store::school_summaries(db, district, school).await?)
                }
                None => (None, Vec::new()),
            };
            HomeBody::Admin { district, schools, audit: user.role == Role::DistrictAdmin }
        }
    })
}

pub async fn show_home(State(state): State<AppState>, ctx: PageCtx, session: SessionCtx) -> Result<Response, AppError> {
    let user = session.require_user()?.clone();
    let body = home_body(&state, &user).await?;
    let steps = steps::owned_by(&state.db, &user).await?;
    let title = ctx.lang.t_args("welcome-title", &[("name", user.given_name.clone().into())]);
    render(&HomePage { layout: ctx.layout(title, "home"), user, steps, body })
}

#[derive(Template)]
#[template(path = "people/account.html")]
struct AccountPage {
    layout: Layout,
    user: User,
    csrf: String,
}

pub async fn show_account(ctx: PageCtx, session: SessionCtx) -> Result<Response, AppError> {
    let user = session.require_user()?.clone();
    let csrf = session.csrf_token().to_string();
    render(&AccountPage { layout: ctx.layout(ctx.t("account-title"), "home"), user, csrf })
}

#[derive(Template)]
#[template(path = "people/student.html")]
struct StudentPage {
    layout: Layout,
    student: StudentRecord,
    guardians: Vec<PersonRow>,
    counselors: Vec<PersonRow>,
    classes: Vec<StudentClassRow>,
    is_self: bool,
    /// The viewer exports and anonymizes the whole record (the district's administrators).
    manages_record: bool,
}

/// A student's record. Whoever is not the student or their guardian leaves an audit entry.
pub async fn show_student(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    policy::check(&state.db, session.user(), Permission::ViewStudent(id)).await?;
    let user = session.require_user()?;
    let student = store::student_record(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if user.role.is_staff() {
        let resource = format!("/students/{id}");
        let entry =
            Entry::by(user, Action::ViewStudent, &resource).student(id, student.district_id).from_ip(session.ip());
        audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?;
    }
    let page = StudentPage {
        layout: ctx.layout(format!("{} {}", student.given_name, student.family_name), "home"),
        guardians: store::guardians_of(&state.db, id).await?,
        counselors: store::counselors_of(&state.db, id).await?,
        classes: store::classes_of_student(&state.db, id).await?,
        is_self: user.id == id,
        manages_record: policy::may(&state.db, user, Permission::ManageStudentRecord(id)).await?,
        student,
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "people/access_log.html")]
struct AccessLogPage {
    layout: Layout,
    student: StudentRecord,
    views: Vec<audit::Row>,
}

/// Who viewed a student's record: for the student, their guardians and administrators.
pub async fn show_student_access_log(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: UserId = id.parse().map_err(|_| AppError::NotFound)?;
    policy::check(&state.db, session.user(), Permission::ViewStudentAccessLog(id)).await?;
    let student = store::student_record(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let views = audit::views_of(&state.db, id, 500).await?;
    let title = ctx.lang.t_args("access-log-title", &[("name", student.given_name.clone().into())]);
    render(&AccessLogPage { layout: ctx.layout(title, "home"), student, views })
}

#[derive(Template)]
#[template(path = "people/class.html")]
struct ClassPage {
    layout: Layout,
    class: ClassDetail,
    teachers: Vec<PersonRow>,
    roster: Vec<StudentRow>,
    interests: ClassInterests,
    speaker_requests: Vec<SpeakerRequest>,
    /// For each open request, the partners with speaker visits left in its field.
    speaker_matches: Vec<(SpeakerRequestId, Vec<SpeakerMatch>)>,
    /// The class's teachers, who request speakers for it, and the fields to choose from.
    can_request: bool,
    choices: Vec<ClusterChoice>,
    csrf: String,
    today: String,
}

impl ClassPage {
    fn matches_for(&self, request: &SpeakerRequestId) -> &[SpeakerMatch] {
        self.speaker_matches.iter().find(|(id, _)| id == request).map_or(&[], |(_, matches)| matches.as_slice())
    }

    fn subcluster_name(&self, id: &str) -> String {
        self.choices
            .iter()
            .flat_map(|c| &c.subclusters)
            .find(|(s, _)| s == id)
            .map_or(id.to_string(), |(_, n)| n.clone())
    }
}

/// A class and its roster; the read is audited as it lists students.
pub async fn show_class(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: ClassId = id.parse().map_err(|_| AppError::NotFound)?;
    policy::check(&state.db, session.user(), Permission::ViewClass(id)).await?;
    let user = session.require_user()?;
    let class = store::class_detail(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let roster = store::class_roster(&state.db, id).await?;
    let resource = format!("/classes/{id}");
    let detail = format!("{} students listed", roster.len());
    let entry = Entry::by(user, Action::ViewClass, &resource).from_ip(session.ip()).detail(&detail);
    audit::record(&state.db, &Entry { district: Some(class.district_id), ..entry }, OffsetDateTime::now_utc()).await?;
    let teachers = store::class_teachers(&state.db, id).await?;
    let students: Vec<UserId> = roster.iter().map(|s| s.id).collect();
    let interests = class_interests::of_class(&state.db, &state.catalog, ctx.lang, id, (user, &students)).await?;
    let can_request = policy::check(&state.db, Some(user), Permission::TeachClass(id)).await.is_ok();
    let speaker_requests = speakers::of_class(&state.db, id).await?;
    let mut speaker_matches = Vec::new();
    let today = OffsetDateTime::now_utc().date();
    for request in speaker_requests.iter().filter(|r| can_request && r.status == "open") {
        let found =
            speaker_candidates(&state.db, class.district_id, &request.subcluster_id, request.window_start, today)
                .await?;
        speaker_matches.push((request.id, found));
    }
    let page = ClassPage {
        layout: ctx.layout(class.title.clone(), "home"),
        class,
        teachers,
        roster,
        interests,
        speaker_requests,
        speaker_matches,
        can_request,
        choices: cluster_choices(&state, ctx.lang).await?,
        csrf: session.csrf_token().to_string(),
        today: OffsetDateTime::now_utc().date().to_string(),
    };
    render(&page)
}
