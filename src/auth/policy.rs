//! Who may see or do what: the one place access is decided. Every route that shows or
//! changes anything beyond the public catalog asks `check`; relationships (guardian of,
//! teaches, counsels, same school, same district) come from the people store.
//!
//! | role | student records they may see |
//! |---|---|
//! | student | their own |
//! | guardian | their linked students |
//! | teacher | students enrolled in a class they teach |
//! | counselor | their caseload (assigned, or by school and grade) |
//! | partner | only students who applied to their organization's opportunities, and only what the student shared |
//! | school admin | students of their school |
//! | district admin | students of their district |
//! | instance admin | everyone |
//!
//! A student's whole record (every part, for a family's request to see or erase it) is
//! exported and anonymized by the administrators of the student's district.
//!
//! A student's plan is read by those who may see the record and changed by the student and
//! their counselors (`EditPlan`).
//!
//! The lesson library is for staff. A lesson is seen by its authors and, by its visibility,
//! by the staff of its school, of its district or of every district (`ViewLesson`); only its
//! authors change it; a district administrator features the lessons their district sees.
//! A teacher records teaching only to the classes they teach (`TeachClass`). A professional
//! learning community is read by its members and its district's administrators, written in
//! by its members, and grown by its leads and those administrators.
//!
//! Work-based learning: students browse and apply to the opportunities of partners their
//! district works with; a partner's staff post and manage their own organization's
//! opportunities and see only its applicants (never a demographic field). The school side of
//! an application (approval checklist, coordinator's approval of hours) is the student's
//! counselors and administrators; a guardian consents; the student logs hours; the partner
//! supervises: reviews, approves hours first and evaluates.
//!
//! API tokens act for one district, within their scopes (`check_token`).

use super::tokens::{ApiToken, Scope};
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{
    ApplicationId, ClassId, CourseId, DistrictId, LessonId, OpportunityId, PartnerOrganizationId, PlcId, SchoolId,
    UserId,
};
use crate::orgs::model::{Role, User};
use crate::orgs::store;
use crate::with_pool;

/// What someone asks to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// See a student's record.
    ViewStudent(UserId),
    /// See who viewed a student's record: the student, their guardians, and district staff
    /// who may see the record.
    ViewStudentAccessLog(UserId),
    /// Change a student's plan: the student and their counselors.
    EditPlan(UserId),
    /// Write a meeting note on a student's plan: their counselors.
    WriteNote(UserId),
    /// Comment on a student's plan (a note shared with the family and counselors): the
    /// student and their guardians.
    CommentOnPlan(UserId),
    /// Write a reflection on a plan: the student themself, in their own words.
    Reflect(UserId),
    /// Download a student's whole plan: the student, their guardians, and staff who may see
    /// the record, except teachers (the file holds reflections, which teachers do not read).
    ExportPlan(UserId),
    /// Sign off a student's plan for the school year: the student, their guardians and
    /// their counselors.
    SignPlan(UserId),
    /// Export a student's whole record and anonymize it, on the family's request: the
    /// administrators of the student's district.
    ManageStudentRecord(UserId),
    /// Work one's own caseload (the counselor's workspace): counselors.
    WorkCaseload,
    /// See a class and its roster.
    ViewClass(ClassId),
    /// Administer a district: search its audit log, import its roster.
    AdministerDistrict(DistrictId),
    /// Administer a school.
    AdministerSchool(SchoolId),
    /// Search, read and add to the lesson library: staff.
    UseLibrary,
    /// Read a lesson (or fork, comment on, use it).
    ViewLesson(LessonId),
    /// Change or delete a lesson: its author and co-authors.
    EditLesson(LessonId),
    /// Feature a lesson for the district: its district administrators.
    FeatureLesson(LessonId),
    /// Record that a lesson was taught to a class: the class's teachers.
    TeachClass(ClassId),
    /// Start a professional learning community: staff of a district.
    StartPlc,
    /// Read a PLC: its members, and administrators of its district.
    ViewPlc(PlcId),
    /// Post, share lessons and plan on a PLC's board: its members.
    ContributeToPlc(PlcId),
    /// Add members to a PLC: its leads, and administrators of its district.
    LeadPlc(PlcId),
    /// See the work-based learning pages: students, guardians, staff and partners' staff.
    BrowseOpportunities,
    /// See an opportunity: those of districts that work with its partner, and its partner.
    ViewOpportunity(OpportunityId),
    /// Post an opportunity: a partner's staff.
    PostOpportunity,
    /// Close an opportunity to new applications, or reopen it: its partner's staff.
    ManageOpportunity(OpportunityId),
    /// Apply to an opportunity: a student of a district that works with its partner.
    ApplyTo(OpportunityId),
    /// Read an application: its student and their guardians, the school side, its partner.
    ViewApplication(ApplicationId),
    /// The school's side of an application: the student's counselors and administrators.
    ReviewApplication(ApplicationId),
    /// Consent to a placement: the student's guardians.
    ConsentTo(ApplicationId),
    /// Withdraw, log hours: the student.
    WorkPlacement(ApplicationId),
    /// Review the applicant, approve hours first, evaluate: the partner's staff.
    SupervisePlacement(ApplicationId),
    /// Decline an application or mark its placement complete: the school's side or the partner.
    OverseePlacement(ApplicationId),
    /// See the district's partner registry: staff of a district.
    ViewPartners,
    /// Work the school's queue of applications and placements: counselors and administrators.
    CoordinatePlacements,
    /// Record a partner's vetting: administrators of a district that works with it.
    VetPartner(PartnerOrganizationId),
    /// Keep a partner's contacts and the log of calls and visits: the district's coordinators.
    WorkWithPartner(PartnerOrganizationId),
    /// Download work-based learning records and the state's counts: school and district
    /// administrators (a school's administrator, their school's).
    ReportPlacements,
    /// See the insights (curriculum alignment, gaps, equity of access as suppressed
    /// aggregates, professional development): school administrators for their school,
    /// district administrators for the district.
    ViewInsights,
    /// Confirm courses' CIP programs and sub-clusters, and add programs of study: district
    /// administrators.
    AlignCurriculum,
    /// Confirm one course's CIP program and sub-clusters: district administrators of its district.
    AlignCourse(CourseId),
}

/// The SQL condition (over `lessons l`) of the lessons someone sees, with `$1` their user
/// id, `$2` their district, `$3` their school and `$4` true for an instance administrator:
/// the library's searches use it, and [`Permission::ViewLesson`] asks the same.
pub const VISIBLE_LESSON: &str = "($4 OR l.author_id = $1
    OR EXISTS (SELECT 1 FROM lesson_authors a WHERE a.lesson_id = l.id AND a.user_id = $1)
    OR l.visibility = 'everyone'
    OR (l.visibility = 'district' AND l.district_id = $2)
    OR (l.visibility = 'school' AND l.district_id = $2 AND l.school_id = $3))";

/// The values of `$1`–`$4` of [`VISIBLE_LESSON`]: who reads the library.
#[derive(Clone, Copy, Debug)]
pub struct LessonViewer {
    pub user: Option<UserId>,
    pub district: Option<DistrictId>,
    pub school: Option<SchoolId>,
    pub all: bool,
}

impl LessonViewer {
    pub fn of(user: &User) -> Self {
        Self {
            user: Some(user.id),
            district: user.district_id,
            school: user.school_id,
            all: user.role == Role::InstanceAdmin,
        }
    }

    /// Someone of no district: sees what is shared with every district.
    pub fn anyone() -> Self {
        Self { user: None, district: None, school: None, all: false }
    }
}

async fn sees_lesson(db: &Db, user: &User, lesson: LessonId) -> Result<bool, sqlx::Error> {
    let sql = format!("SELECT EXISTS (SELECT 1 FROM lessons l WHERE l.id = $5 AND {VISIBLE_LESSON})");
    let v = LessonViewer::of(user);
    with_pool!(db, pool => {
        sqlx::query_scalar(&sql).bind(v.user).bind(v.district).bind(v.school).bind(v.all).bind(lesson).fetch_one(pool).await
    })
}

/// `user`'s role in a PLC ("lead" or "member"), and the PLC's district.
async fn plc_standing(db: &Db, user: &User, plc: PlcId) -> Result<(Option<String>, Option<DistrictId>), sqlx::Error> {
    const SQL: &str =
        "SELECT (SELECT m.role FROM plc_members m WHERE m.plc_id = p.id AND m.user_id = $2), p.district_id
         FROM plcs p WHERE p.id = $1";
    let found: Option<(Option<String>, DistrictId)> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(plc).bind(user.id).fetch_optional(pool).await)?;
    Ok(found.map_or((None, None), |(role, district)| (role, Some(district))))
}

async fn writes_lesson(db: &Db, user: &User, lesson: LessonId) -> Result<bool, sqlx::Error> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM lessons l WHERE l.id = $1 AND (l.author_id = $2
        OR EXISTS (SELECT 1 FROM lesson_authors a WHERE a.lesson_id = l.id AND a.user_id = $2)))";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(lesson).bind(user.id).fetch_one(pool).await)
}

/// The parties of an application: its student, the student's district and school, and the
/// partner whose opportunity it is.
#[derive(Clone, Copy, Debug, sqlx::FromRow)]
struct Parties {
    student_id: UserId,
    district_id: Option<DistrictId>,
    school_id: Option<SchoolId>,
    organization_id: PartnerOrganizationId,
}

async fn application_parties(db: &Db, application: ApplicationId) -> Result<Option<Parties>, sqlx::Error> {
    const SQL: &str = "SELECT a.student_id, u.district_id, u.school_id, o.organization_id FROM applications a
         JOIN users u ON u.id = a.student_id JOIN opportunities o ON o.id = a.opportunity_id WHERE a.id = $1";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(application).fetch_optional(pool).await)
}

/// The organization a partner's staff member works for.
async fn employer(db: &Db, user: &User) -> Result<Option<PartnerOrganizationId>, sqlx::Error> {
    if user.role != Role::Partner {
        return Ok(None);
    }
    with_pool!(db, pool => {
        sqlx::query_scalar("SELECT organization_id FROM partner_staff WHERE user_id = $1").bind(user.id).fetch_optional(pool).await
    })
}

/// Whether `user`'s district works with `organization`.
async fn district_works_with(db: &Db, user: &User, organization: PartnerOrganizationId) -> Result<bool, sqlx::Error> {
    const SQL: &str =
        "SELECT EXISTS (SELECT 1 FROM district_partners WHERE district_id = $1 AND organization_id = $2 AND active)";
    let Some(district) = user.district_id else { return Ok(false) };
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(district).bind(organization).fetch_one(pool).await)
}

async fn opportunity_partner(
    db: &Db,
    opportunity: OpportunityId,
) -> Result<Option<PartnerOrganizationId>, sqlx::Error> {
    with_pool!(db, pool => {
        sqlx::query_scalar("SELECT organization_id FROM opportunities WHERE id = $1").bind(opportunity).fetch_optional(pool).await
    })
}

/// Whether `user` is on the school's side of `parties`' application.
async fn reviews(db: &Db, user: &User, parties: &Parties) -> Result<bool, sqlx::Error> {
    let same_district = parties.district_id.is_some() && parties.district_id == user.district_id;
    Ok(match user.role {
        Role::Counselor => same_district && store::counsels(db, user.id, parties.student_id).await?,
        Role::SchoolAdmin => same_district && parties.school_id.is_some() && parties.school_id == user.school_id,
        Role::DistrictAdmin => same_district,
        _ => false,
    })
}

async fn application_allows(
    db: &Db,
    user: &User,
    permission: Permission,
    application: ApplicationId,
) -> Result<bool, sqlx::Error> {
    let Some(parties) = application_parties(db, application).await? else { return Ok(false) };
    let supervises = || async { Ok::<_, sqlx::Error>(employer(db, user).await? == Some(parties.organization_id)) };
    Ok(match permission {
        Permission::ViewApplication(_) => match user.role {
            Role::Student => user.id == parties.student_id,
            Role::Guardian => store::is_guardian_of(db, user.id, parties.student_id).await?,
            Role::Partner => supervises().await?,
            _ => reviews(db, user, &parties).await?,
        },
        Permission::ReviewApplication(_) => reviews(db, user, &parties).await?,
        Permission::ConsentTo(_) => {
            user.role == Role::Guardian && store::is_guardian_of(db, user.id, parties.student_id).await?
        }
        Permission::WorkPlacement(_) => user.role == Role::Student && user.id == parties.student_id,
        Permission::SupervisePlacement(_) => supervises().await?,
        Permission::OverseePlacement(_) => reviews(db, user, &parties).await? || supervises().await?,
        _ => false,
    })
}

/// Where a student or class belongs, for the checks that depend on it.
#[derive(Clone, Copy, Debug, sqlx::FromRow)]
struct Placement {
    district_id: Option<DistrictId>,
    school_id: Option<SchoolId>,
}

async fn student_placement(db: &Db, student: UserId) -> Result<Option<Placement>, sqlx::Error> {
    const SQL: &str = "SELECT district_id, school_id FROM users WHERE id = $1 AND role = 'student'";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(student).fetch_optional(pool).await)
}

async fn class_placement(db: &Db, class: ClassId) -> Result<Option<Placement>, sqlx::Error> {
    const SQL: &str = "SELECT district_id, school_id FROM classes WHERE id = $1";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(class).fetch_optional(pool).await)
}

async fn teaches_class(db: &Db, teacher: UserId, class: ClassId) -> Result<bool, sqlx::Error> {
    const SQL: &str =
        "SELECT EXISTS (SELECT 1 FROM enrollments WHERE class_id = $1 AND user_id = $2 AND role = 'teacher')";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(class).bind(teacher).fetch_one(pool).await)
}

/// Decides `permission` for `user` (`None`: not signed in). `Ok` means allowed.
pub async fn check(db: &Db, user: Option<&User>, permission: Permission) -> Result<(), AppError> {
    let user = user.ok_or(AppError::SignInRequired)?;
    if allows(db, user, permission).await? { Ok(()) } else { Err(AppError::Denied) }
}

/// Whether `user` may do `permission`, for pages that offer a link only to those who may follow it.
pub async fn may(db: &Db, user: &User, permission: Permission) -> Result<bool, sqlx::Error> {
    allows(db, user, permission).await
}

/// The district `user` administers, or why not: the pages of a district's administration
/// (audit log, roster upload, API tokens) act on the administrator's own district only.
pub async fn administered_district(db: &Db, user: Option<&User>) -> Result<DistrictId, AppError> {
    let user = user.ok_or(AppError::SignInRequired)?;
    let district = user.district_id.ok_or(AppError::Denied)?;
    check(db, Some(user), Permission::AdministerDistrict(district)).await?;
    Ok(district)
}

/// Which meeting notes on a student's plan someone reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteReach {
    None,
    /// Notes shared with the student and guardians.
    Shared,
    /// Every note, private ones too: the student's counselors.
    All,
}

/// Which notes on `student`'s plan `user` reads: counselors of the student read all of
/// them; the student, their guardians and administrators who see the record read the
/// shared ones; teachers none.
pub async fn note_reach(db: &Db, user: &User, student: UserId) -> Result<NoteReach, sqlx::Error> {
    if user.role == Role::InstanceAdmin || allows(db, user, Permission::WriteNote(student)).await? {
        return Ok(NoteReach::All);
    }
    let reads_shared = matches!(user.role, Role::Student | Role::Guardian | Role::SchoolAdmin | Role::DistrictAdmin);
    Ok(if reads_shared && allows(db, user, Permission::ViewStudent(student)).await? {
        NoteReach::Shared
    } else {
        NoteReach::None
    })
}

/// Which next steps of a student's plan someone may mark done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepCompletion {
    /// Every step: those who edit the plan.
    Every,
    /// Steps owned by this role: a guardian or a teacher who sees the student's record.
    OwnedBy(Role),
    None,
}

impl StepCompletion {
    pub fn allows(self, owner: Role) -> bool {
        match self {
            StepCompletion::Every => true,
            StepCompletion::OwnedBy(role) => role == owner,
            StepCompletion::None => false,
        }
    }
}

/// Which next steps of `student`'s plan `user` may mark done: every one when they edit the
/// plan, else the steps their own role owns when they see the student's record.
pub async fn step_completion(db: &Db, user: &User, student: UserId) -> Result<StepCompletion, sqlx::Error> {
    Ok(if allows(db, user, Permission::EditPlan(student)).await? {
        StepCompletion::Every
    } else if allows(db, user, Permission::ViewStudent(student)).await? {
        StepCompletion::OwnedBy(user.role)
    } else {
        StepCompletion::None
    })
}

/// Decides whether an API token may act with `scope`; `Ok` names the only district it may
/// act on. No token (or a revoked or unknown one) is "sign in first" (401).
pub fn check_token(token: Option<&ApiToken>, scope: Scope) -> Result<DistrictId, AppError> {
    let token = token.ok_or(AppError::SignInRequired)?;
    if token.has(scope) { Ok(token.district_id) } else { Err(AppError::Denied) }
}

async fn allows(db: &Db, user: &User, permission: Permission) -> Result<bool, sqlx::Error> {
    if user.role == Role::InstanceAdmin {
        return Ok(true);
    }
    let same_district = |p: &Placement| p.district_id.is_some() && p.district_id == user.district_id;
    let same_school = |p: &Placement| same_district(p) && p.school_id.is_some() && p.school_id == user.school_id;
    Ok(match permission {
        Permission::ViewStudent(student) => {
            let Some(placement) = student_placement(db, student).await? else { return Ok(false) };
            match user.role {
                Role::Student => user.id == student,
                Role::Guardian => store::is_guardian_of(db, user.id, student).await?,
                Role::Teacher => same_district(&placement) && store::teaches(db, user.id, student).await?,
                Role::Counselor => same_district(&placement) && store::counsels(db, user.id, student).await?,
                Role::SchoolAdmin => same_school(&placement),
                Role::DistrictAdmin => same_district(&placement),
                Role::Partner => false,
                Role::InstanceAdmin => true,
            }
        }
        Permission::ViewStudentAccessLog(student) => match user.role {
            Role::Student | Role::Guardian => Box::pin(allows(db, user, Permission::ViewStudent(student))).await?,
            Role::SchoolAdmin | Role::DistrictAdmin => {
                Box::pin(allows(db, user, Permission::ViewStudent(student))).await?
            }
            _ => false,
        },
        Permission::EditPlan(student) => match user.role {
            Role::Student => user.id == student,
            Role::Counselor => {
                let Some(placement) = student_placement(db, student).await? else { return Ok(false) };
                same_district(&placement) && store::counsels(db, user.id, student).await?
            }
            _ => false,
        },
        Permission::WriteNote(student) => {
            user.role == Role::Counselor && Box::pin(allows(db, user, Permission::EditPlan(student))).await?
        }
        Permission::CommentOnPlan(student) => match user.role {
            Role::Student => user.id == student,
            Role::Guardian => store::is_guardian_of(db, user.id, student).await?,
            _ => false,
        },
        Permission::ExportPlan(student) => {
            user.role != Role::Teacher && Box::pin(allows(db, user, Permission::ViewStudent(student))).await?
        }
        Permission::Reflect(student) => user.role == Role::Student && user.id == student,
        Permission::SignPlan(student) => match user.role {
            Role::Student | Role::Counselor => Box::pin(allows(db, user, Permission::EditPlan(student))).await?,
            Role::Guardian => store::is_guardian_of(db, user.id, student).await?,
            _ => false,
        },
        Permission::ManageStudentRecord(student) => {
            let Some(placement) = student_placement(db, student).await? else { return Ok(false) };
            user.role == Role::DistrictAdmin && same_district(&placement)
        }
        Permission::WorkCaseload => user.role == Role::Counselor,
        Permission::ViewClass(class) => {
            let Some(placement) = class_placement(db, class).await? else { return Ok(false) };
            match user.role {
                Role::Teacher => teaches_class(db, user.id, class).await?,
                Role::SchoolAdmin => same_school(&placement),
                Role::DistrictAdmin => same_district(&placement),
                _ => false,
            }
        }
        Permission::AdministerDistrict(district) => {
            user.role == Role::DistrictAdmin && user.district_id == Some(district)
        }
        Permission::AdministerSchool(school) => match user.role {
            Role::SchoolAdmin => user.school_id == Some(school),
            Role::DistrictAdmin => {
                let district: Option<DistrictId> = with_pool!(db, pool => {
                    sqlx::query_scalar("SELECT district_id FROM schools WHERE id = $1").bind(school).fetch_optional(pool).await
                })?;
                district.is_some() && district == user.district_id
            }
            _ => false,
        },
        Permission::UseLibrary => user.role.is_staff(),
        Permission::ViewLesson(lesson) => user.role.is_staff() && sees_lesson(db, user, lesson).await?,
        Permission::EditLesson(lesson) => user.role.is_staff() && writes_lesson(db, user, lesson).await?,
        Permission::FeatureLesson(lesson) => {
            let district: Option<DistrictId> = with_pool!(db, pool => {
                sqlx::query_scalar("SELECT district_id FROM lessons WHERE id = $1").bind(lesson).fetch_optional(pool).await
            })?;
            user.role == Role::DistrictAdmin
                && district.is_some()
                && district == user.district_id
                && sees_lesson(db, user, lesson).await?
        }
        Permission::TeachClass(class) => user.role == Role::Teacher && teaches_class(db, user.id, class).await?,
        Permission::StartPlc => user.role.is_staff() && user.district_id.is_some(),
        Permission::ViewPlc(plc) | Permission::ContributeToPlc(plc) | Permission::LeadPlc(plc) => {
            let (role, district) = plc_standing(db, user, plc).await?;
            let administers = user.role == Role::DistrictAdmin && district.is_some() && district == user.district_id;
            match permission {
                Permission::ViewPlc(_) => role.is_some() || administers,
                Permission::ContributeToPlc(_) => role.is_some(),
                _ => role.as_deref() == Some("lead") || administers,
            }
        }
        Permission::BrowseOpportunities => match user.role {
            Role::Partner => employer(db, user).await?.is_some(),
            _ => user.district_id.is_some(),
        },
        Permission::ViewOpportunity(opportunity) => {
            let Some(partner) = opportunity_partner(db, opportunity).await? else { return Ok(false) };
            match user.role {
                Role::Partner => employer(db, user).await? == Some(partner),
                _ => district_works_with(db, user, partner).await?,
            }
        }
        Permission::PostOpportunity => employer(db, user).await?.is_some(),
        Permission::ManageOpportunity(opportunity) => {
            let partner = opportunity_partner(db, opportunity).await?;
            partner.is_some() && employer(db, user).await? == partner
        }
        Permission::ApplyTo(opportunity) => {
            let Some(partner) = opportunity_partner(db, opportunity).await? else { return Ok(false) };
            user.role == Role::Student && district_works_with(db, user, partner).await?
        }
        Permission::ViewApplication(application)
        | Permission::ReviewApplication(application)
        | Permission::ConsentTo(application)
        | Permission::WorkPlacement(application)
        | Permission::SupervisePlacement(application)
        | Permission::OverseePlacement(application) => application_allows(db, user, permission, application).await?,
        Permission::ViewPartners => user.role.is_staff() && user.district_id.is_some(),
        Permission::CoordinatePlacements => {
            matches!(user.role, Role::Counselor | Role::SchoolAdmin | Role::DistrictAdmin) && user.district_id.is_some()
        }
        Permission::VetPartner(organization) => {
            user.role == Role::DistrictAdmin && district_works_with(db, user, organization).await?
        }
        Permission::AlignCurriculum => user.role == Role::DistrictAdmin && user.district_id.is_some(),
        Permission::AlignCourse(course) => {
            const SQL: &str = "SELECT district_id FROM courses WHERE id = $1";
            let district: Option<DistrictId> =
                with_pool!(db, pool => sqlx::query_scalar(SQL).bind(course).fetch_optional(pool).await)?;
            user.role == Role::DistrictAdmin && district.is_some() && district == user.district_id
        }
        Permission::ReportPlacements | Permission::ViewInsights => {
            matches!(user.role, Role::SchoolAdmin | Role::DistrictAdmin) && user.district_id.is_some()
        }
        Permission::WorkWithPartner(organization) => {
            matches!(user.role, Role::Counselor | Role::SchoolAdmin | Role::DistrictAdmin)
                && district_works_with(db, user, organization).await?
        }
    })
}
