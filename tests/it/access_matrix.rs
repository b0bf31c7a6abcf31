//! Who may reach what: every route of the router, for every role and for the people who must
//! be kept out (an unrelated student, another school, another district), against an
//! explicit expectation. A route added without an expectation here fails the test.

use std::collections::BTreeSet;

use pathways::db::Db;
use pathways::router::route_list;
use pathways::with_pool;

use crate::support::{TEST_PASSWORD, TestApp, Visitor, on_both_backends, set_password};

/// Who may reach a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    /// Anyone, signed in or not.
    Public,
    /// Anyone signed in.
    SignedIn,
    /// Those who may see the target student's record.
    StudentRecord,
    /// The target student, their guardian, and administrators of their school or district.
    StudentAccessLog,
    /// The target class's teacher and administrators of its school or district.
    ClassRoster,
    /// District administrators (each sees their own district).
    DistrictAdmin,
    /// The administrator of the target's district only (the target is the demo district's).
    OwnDistrictAdmin,
    /// Those who export and anonymize the target student's whole record: the administrator
    /// of the student's district (and the instance's).
    RecordManager,
    /// Those who may change the target student's plan: the student and their counselor.
    PlanEditor,
    /// Those who write notes on the target student's plan: their counselor (meeting notes),
    /// the student and their guardian (comments).
    NoteWriter,
    /// Those who sign off the target student's plan: the student, a guardian, a counselor.
    PlanSigner,
    /// Those who download the target student's whole plan: who may see the record, but teachers.
    PlanExporter,
    /// The target student themself, who writes reflections.
    Reflector,
    /// Counselors (each works their own caseload).
    Counselors,
    /// Only API tokens: every signed-in person is refused.
    ApiToken,
    /// Staff of a district: the lesson library.
    Staff,
    /// Staff who belong to a district: they add to its library.
    DistrictStaff,
    /// Staff who see the target lesson (shared with its district, the demo district).
    LessonReader,
    /// Those readers who belong to a district, where their copy goes.
    LessonAdapter,
    /// The target lesson's author.
    LessonAuthor,
    /// Administrators of the target lesson's district, who feature it.
    LessonFeaturer,
    /// The teachers of the target class.
    ClassTeacher,
    /// Members of the target PLC (its lead, the demo teacher, and the demo counselor) and
    /// its district's administrators.
    PlcReader,
    /// Members of the target PLC.
    PlcMember,
    /// The target PLC's lead and its district's administrators.
    PlcLead,
    /// A partner's staff, who post opportunities for their own organization.
    PartnerStaff,
    /// Those of the districts the target opportunity's partner works with, and the partner.
    OpportunityReader,
    /// The target student and their schoolmates, who may apply to the target opportunity.
    Applicants,
    /// Those who read the target application: the student, their guardian, counselor and
    /// administrators, and the partner it was sent to.
    ApplicationReader,
    /// The school's side of the target application: the student's counselor and administrators.
    ApplicationReviewer,
    /// The school's side and the partner: decline, complete, approve hours.
    ApplicationOverseer,
    /// The target student's guardian, who consents.
    Consenter,
    /// The student of the target application.
    ApplicationStudent,
    /// The partner the target application was sent to.
    Supervisor,
    /// Counselors and administrators of a district, who coordinate placements.
    Coordinators,
    /// School and district administrators of a district: work-based learning reports.
    Administrators,
}

/// The people the matrix signs in as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Actor {
    Anonymous,
    Student,
    UnrelatedStudent,
    Guardian,
    Teacher,
    TeacherOfOtherClasses,
    Counselor,
    CounselorOfOtherGrade,
    Partner,
    SchoolAdmin,
    AdminOfOtherSchool,
    DistrictAdmin,
    AdminOfOtherDistrict,
    InstanceAdmin,
}

const ACTORS: [Actor; 14] = [
    Actor::Anonymous,
    Actor::Student,
    Actor::UnrelatedStudent,
    Actor::Guardian,
    Actor::Teacher,
    Actor::TeacherOfOtherClasses,
    Actor::Counselor,
    Actor::CounselorOfOtherGrade,
    Actor::Partner,
    Actor::SchoolAdmin,
    Actor::AdminOfOtherSchool,
    Actor::DistrictAdmin,
    Actor::AdminOfOtherDistrict,
    Actor::InstanceAdmin,
];

fn allowed(rule: Rule, actor: Actor) -> bool {
    use Actor::*;
    match rule {
        Rule::Public => true,
        Rule::SignedIn => actor != Anonymous,
        Rule::StudentRecord => {
            matches!(actor, Student | Guardian | Teacher | Counselor | SchoolAdmin | DistrictAdmin | InstanceAdmin)
        }
        Rule::StudentAccessLog => matches!(actor, Student | Guardian | SchoolAdmin | DistrictAdmin | InstanceAdmin),
        Rule::ClassRoster => matches!(actor, Teacher | SchoolAdmin | DistrictAdmin | InstanceAdmin),
        Rule::DistrictAdmin => matches!(actor, DistrictAdmin | AdminOfOtherDistrict),
        Rule::OwnDistrictAdmin => actor == DistrictAdmin,
        Rule::RecordManager => matches!(actor, DistrictAdmin | InstanceAdmin),
        Rule::PlanEditor => matches!(actor, Student | Counselor | InstanceAdmin),
        Rule::NoteWriter => matches!(actor, Student | Guardian | Counselor | InstanceAdmin),
        Rule::PlanSigner => matches!(actor, Student | Guardian | Counselor),
        Rule::PlanExporter => {
            matches!(actor, Student | Guardian | Counselor | SchoolAdmin | DistrictAdmin | InstanceAdmin)
        }
        Rule::Reflector => matches!(actor, Student | InstanceAdmin),
        Rule::Counselors => matches!(actor, Counselor | CounselorOfOtherGrade | InstanceAdmin),
        Rule::ApiToken => false,
        Rule::Staff => !matches!(actor, Anonymous | Student | UnrelatedStudent | Guardian | Partner),
        Rule::DistrictStaff => allowed(Rule::Staff, actor) && actor != InstanceAdmin,
        Rule::LessonReader => allowed(Rule::Staff, actor) && actor != AdminOfOtherDistrict,
        Rule::LessonAdapter => allowed(Rule::LessonReader, actor) && actor != InstanceAdmin,
        Rule::LessonAuthor | Rule::ClassTeacher => matches!(actor, Teacher | InstanceAdmin),
        Rule::LessonFeaturer => matches!(actor, DistrictAdmin | InstanceAdmin),
        Rule::PlcReader => matches!(actor, Teacher | Counselor | DistrictAdmin | InstanceAdmin),
        Rule::PlcMember => matches!(actor, Teacher | Counselor | InstanceAdmin),
        Rule::PlcLead => matches!(actor, Teacher | DistrictAdmin | InstanceAdmin),
        Rule::PartnerStaff => actor == Partner,
        Rule::OpportunityReader => !matches!(actor, Anonymous | AdminOfOtherDistrict),
        Rule::Applicants => matches!(actor, Student | UnrelatedStudent),
        Rule::ApplicationReader => {
            matches!(actor, Student | Guardian | Counselor | SchoolAdmin | DistrictAdmin | Partner | InstanceAdmin)
        }
        Rule::ApplicationReviewer => matches!(actor, Counselor | SchoolAdmin | DistrictAdmin | InstanceAdmin),
        Rule::ApplicationOverseer => allowed(Rule::ApplicationReviewer, actor) || actor == Partner,
        Rule::Consenter => matches!(actor, Guardian | InstanceAdmin),
        Rule::ApplicationStudent => matches!(actor, Student | InstanceAdmin),
        Rule::Supervisor => matches!(actor, Partner | InstanceAdmin),
        Rule::Administrators => {
            matches!(actor, SchoolAdmin | AdminOfOtherSchool | DistrictAdmin | AdminOfOtherDistrict)
        }
        Rule::Coordinators => {
            matches!(
                actor,
                Counselor
                    | CounselorOfOtherGrade
                    | SchoolAdmin
                    | AdminOfOtherSchool
                    | DistrictAdmin
                    | AdminOfOtherDistrict
            )
        }
    }
}

/// One route's expectation and how to exercise it.
struct Case {
    method: &'static str,
    template: &'static str,
    rule: Rule,
    /// What a form or JSON request sends (`None` for GET).
    body: Option<Body>,
    /// The statuses that show the page to those let in.
    answers: std::ops::Range<u16>,
}

enum Body {
    Form(&'static [(&'static str, &'static str)]),
    Json(&'static str),
    /// A multipart form without a file.
    Multipart,
}

const PAGE: std::ops::Range<u16> = 200..400;

const fn get(template: &'static str, rule: Rule) -> Case {
    Case { method: "GET", template, rule, body: None, answers: PAGE }
}

const fn form(template: &'static str, rule: Rule, fields: &'static [(&'static str, &'static str)]) -> Case {
    Case { method: "POST", template, rule, body: Some(Body::Form(fields)), answers: PAGE }
}

const fn json(template: &'static str, body: &'static str) -> Case {
    Case { method: "POST", template, rule: Rule::Public, body: Some(Body::Json(body)), answers: PAGE }
}

/// A form whose target does not exist: those let in are told so (404).
const fn form_to_nothing(template: &'static str, rule: Rule, fields: &'static [(&'static str, &'static str)]) -> Case {
    Case { method: "POST", template, rule, body: Some(Body::Form(fields)), answers: 404..405 }
}

/// A page that does not exist: those let in are told so (404).
const fn get_nothing(template: &'static str, rule: Rule) -> Case {
    Case { method: "GET", template, rule, body: None, answers: 404..405 }
}

/// A form with input the route rejects: those let in are told what is wrong (400).
const fn form_rejected(template: &'static str, rule: Rule, fields: &'static [(&'static str, &'static str)]) -> Case {
    Case { method: "POST", template, rule, body: Some(Body::Form(fields)), answers: 400..401 }
}

const COURSE: &[(&str, &str)] = &[("grade", "10"), ("status", "planned"), ("version", "1")];

const ACTIVITY: &[(&str, &str)] = &[
    ("kind", "volunteer"),
    ("title", "Volunteer at the science museum"),
    ("cluster", "education"),
    ("practice", "cctc-2012/CRP1"),
    ("version", "1"),
];

const GOAL: &[(&str, &str)] = &[
    ("kind", "career"),
    ("title", "Shadow a nurse"),
    ("benchmark", "One day of job shadowing by March"),
    ("target_date", ""),
    ("status", "not_started"),
    ("version", "1"),
];

const LESSON: &[(&str, &str)] = &[
    ("kind", "lesson"),
    ("title", "Hamlet on trial"),
    ("subject", "English"),
    ("grade_low", "10"),
    ("grade_high", "12"),
    ("summary", "Argue from evidence"),
    ("body", "## Steps"),
    ("activity_type", "discussion"),
    ("visibility", "district"),
    ("subcluster", "judicial-systems"),
    ("version", "1"),
];

const OPPORTUNITY: &[(&str, &str)] = &[
    ("kind", "job_shadow"),
    ("title", "Matrix shadow day"),
    ("description", "A day in the clinic"),
    ("subcluster", "physical-health"),
    ("starts_on", "2030-01-10"),
    ("ends_on", "2030-01-10"),
    ("location", "Main campus"),
    ("capacity", "3"),
    ("min_grade", "9"),
    ("transportation", "student"),
];

/// A reason longer than a decline allows: those let in are told so (400).
const LONG_REASON: &str = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

/// An upload form sent without its file: those let in are asked for the file (400).
const fn upload_without_file(template: &'static str, rule: Rule) -> Case {
    Case { method: "POST", template, rule, body: Some(Body::Multipart), answers: 400..401 }
}

/// Every route and who may reach it. Routes that end the session come last.
const CASES: &[Case] = &[
    get("/", Rule::Public),
    get("/clusters", Rule::Public),
    get("/clusters/{id}", Rule::Public),
    get("/subclusters/{id}", Rule::Public),
    get("/occupations", Rule::Public),
    get("/occupations/{code}", Rule::Public),
    get("/practices", Rule::Public),
    get("/legacy", Rule::Public),
    get("/about", Rule::Public),
    get("/explore", Rule::Public),
    get("/explore/profiler", Rule::Public),
    get("/explore/profiler/history", Rule::Public),
    get("/explore/profiler/results/{id}", Rule::Public),
    get("/explore/profiler/{screen}", Rule::Public),
    form("/explore/profiler/{screen}", Rule::Public, &[]),
    get("/signin", Rule::Public),
    form("/signin", Rule::Public, &[("email", ""), ("password", "")]),
    get("/signin/with/{provider}", Rule::Public),
    get("/signin/oidc/callback", Rule::Public),
    get("/password/forgot", Rule::Public),
    form("/password/forgot", Rule::Public, &[("email", "nobody@example.test")]),
    get("/password/reset/{token}", Rule::Public),
    form(
        "/password/reset/{token}",
        Rule::Public,
        &[("password", "a long new password"), ("confirm", "a long new password")],
    ),
    get("/home", Rule::SignedIn),
    get("/account", Rule::SignedIn),
    get("/caseload", Rule::Counselors),
    get("/caseload.csv", Rule::Counselors),
    // Counselors without grade-10 students are told so (400); the demo counselor gets the step (303).
    Case {
        method: "POST",
        template: "/caseload/steps",
        rule: Rule::Counselors,
        body: Some(Body::Form(&[("title", "Career fair permission slip"), ("owner", "guardian"), ("grade", "10")])),
        answers: 303..401,
    },
    get("/students/{id}", Rule::StudentRecord),
    get("/students/{id}/access-log", Rule::StudentAccessLog),
    get("/students/{id}/records", Rule::RecordManager),
    get("/students/{id}/records.json", Rule::RecordManager),
    get("/students/{id}/records.pdf", Rule::RecordManager),
    // Let in, the wrong name is refused (400) and nothing is anonymized.
    form_rejected("/students/{id}/records/anonymize", Rule::RecordManager, &[("confirm", "Somebody Else")]),
    get("/students/{id}/plan", Rule::StudentRecord),
    form("/students/{id}/plan/interests", Rule::PlanEditor, &[("choice", "cluster:healthcare-human-services")]),
    form("/students/{id}/plan/interests/{interest}/remove", Rule::PlanEditor, &[]),
    form("/students/{id}/plan/goals", Rule::PlanEditor, GOAL),
    form_to_nothing("/students/{id}/plan/goals/{goal}", Rule::PlanEditor, GOAL),
    form("/students/{id}/plan/activities", Rule::PlanEditor, ACTIVITY),
    form_to_nothing("/students/{id}/plan/activities/{activity}", Rule::PlanEditor, ACTIVITY),
    form("/students/{id}/plan/activities/{activity}/remove", Rule::PlanEditor, &[]),
    // No course of the district has the nil id: editors are told to pick one from the list.
    form_rejected(
        "/students/{id}/plan/courses",
        Rule::PlanEditor,
        &[("course", "00000000-0000-0000-0000-000000000000"), ("grade", "9"), ("status", "planned")],
    ),
    form_to_nothing("/students/{id}/plan/courses/{course}", Rule::PlanEditor, COURSE),
    form("/students/{id}/plan/courses/{course}/remove", Rule::PlanEditor, &[]),
    form("/students/{id}/plan/reflections", Rule::Reflector, &[("prompt", "free"), ("body", "I liked the museum")]),
    // The first editor saves the unsaved plan (303); later ones are shown the conflict (409).
    Case {
        method: "POST",
        template: "/students/{id}/plan/postsecondary",
        rule: Rule::PlanEditor,
        body: Some(Body::Form(&[("path", "two_year"), ("details", ""), ("version", "0")])),
        answers: 303..410,
    },
    get("/students/{id}/plan/export.json", Rule::PlanExporter),
    get("/students/{id}/plan/export.pdf", Rule::PlanExporter),
    get("/students/{id}/plan/resume", Rule::PlanExporter),
    upload_without_file("/students/{id}/plan/import", Rule::PlanEditor),
    form("/students/{id}/plan/notes", Rule::NoteWriter, &[("body", "Met about summer programs")]),
    form("/students/{id}/plan/signoff", Rule::PlanSigner, &[]),
    form("/students/{id}/plan/steps", Rule::PlanEditor, &[("title", "Visit the college fair"), ("owner", "student")]),
    form_to_nothing("/students/{id}/plan/steps/{step}/done", Rule::StudentRecord, &[]),
    get("/classes/{id}", Rule::ClassRoster),
    // The class's teacher gets past the policy and is told the window is in the past (400).
    form_rejected(
        "/classes/{id}/speaker-requests",
        Rule::ClassTeacher,
        &[("subcluster", "judicial-systems"), ("window_start", "2020-01-01"), ("window_end", "2020-01-02")],
    ),
    form_to_nothing("/classes/{id}/speaker-requests/{request}/cancel", Rule::ClassTeacher, &[]),
    form_to_nothing("/classes/{id}/speaker-requests/{request}/match", Rule::ClassTeacher, &[]),
    get("/classroom", Rule::Staff),
    get("/classroom/suggest", Rule::Staff),
    get("/classroom/lessons/new", Rule::Staff),
    form("/classroom/lessons", Rule::DistrictStaff, LESSON),
    get("/classroom/lessons/{id}", Rule::LessonReader),
    // The author saves version 1 (303); a later editor is shown the conflict (409).
    Case {
        method: "POST",
        template: "/classroom/lessons/{id}",
        rule: Rule::LessonAuthor,
        body: Some(Body::Form(LESSON)),
        answers: 303..410,
    },
    get("/classroom/lessons/{id}/edit", Rule::LessonAuthor),
    form("/classroom/lessons/{id}/fork", Rule::LessonAdapter, &[]),
    form_to_nothing("/classroom/lessons/{id}/delete", Rule::Staff, &[]),
    form("/classroom/lessons/{id}/comments", Rule::LessonReader, &[("body", "Used it with my tenth graders")]),
    form("/classroom/lessons/{id}/used", Rule::LessonReader, &[]),
    form("/classroom/lessons/{id}/feature", Rule::LessonFeaturer, &[("featured", "true")]),
    // The class's teacher gets past the policy and is told the date is wrong (400).
    form_rejected("/classroom/lessons/{id}/teach", Rule::ClassTeacher, &[("class", "{class}"), ("taught_on", "soon")]),
    get("/classroom/plcs", Rule::Staff),
    form("/classroom/plcs", Rule::DistrictStaff, &[("name", "Grade 9 career connections"), ("focus", "")]),
    get("/classroom/plcs/{id}", Rule::PlcReader),
    form_rejected("/classroom/plcs/{id}/members", Rule::PlcLead, &[("email", "nobody@example.test")]),
    form_rejected("/classroom/plcs/{id}/lessons", Rule::PlcMember, &[("lesson", "not-a-lesson")]),
    form("/classroom/plcs/{id}/posts", Rule::PlcMember, &[("kind", "thread"), ("title", "Hamlet"), ("body", "Ideas?")]),
    form_to_nothing("/classroom/plcs/{id}/posts/{post}/replies", Rule::PlcMember, &[("body", "Yes")]),
    form("/classroom/plcs/{id}/cards", Rule::PlcMember, &[("title", "Mock trial"), ("subjects", "English, Civics")]),
    form_to_nothing("/classroom/plcs/{id}/cards/{card}/move", Rule::PlcMember, &[("status", "planning")]),
    get("/opportunities", Rule::SignedIn),
    get("/opportunities/new", Rule::PartnerStaff),
    form("/opportunities", Rule::PartnerStaff, OPPORTUNITY),
    get("/opportunities/{id}", Rule::OpportunityReader),
    form("/opportunities/{id}/apply", Rule::Applicants, &[("statement", "Matrix")]),
    form_rejected("/opportunities/{id}/status", Rule::Supervisor, &[("status", "paused")]),
    get("/applications/{id}", Rule::ApplicationReader),
    form_rejected("/applications/{id}/checklist", Rule::ApplicationReviewer, &[("decision", "approve")]),
    form_rejected("/applications/{id}/consent", Rule::Consenter, &[("signature", "Guardian")]),
    form_rejected("/applications/{id}/decline", Rule::ApplicationOverseer, &[("reason", LONG_REASON)]),
    form_rejected("/applications/{id}/interview", Rule::Supervisor, &[("interview_at", "soon")]),
    form_rejected("/applications/{id}/complete", Rule::ApplicationOverseer, &[]),
    form_rejected("/applications/{id}/hours", Rule::ApplicationStudent, &[("worked_on", "2030-01-10")]),
    form_rejected("/applications/{id}/hours/{entry}", Rule::ApplicationStudent, &[("worked_on", "2030-01-10")]),
    form_to_nothing("/applications/{id}/hours/{entry}/approve", Rule::ApplicationOverseer, &[]),
    form_rejected("/applications/{id}/hours/{entry}/return", Rule::ApplicationOverseer, &[("note", "")]),
    form_rejected("/applications/{id}/evaluations", Rule::Supervisor, &[]),
    // The student withdraws (303); after that, the application has ended (400).
    Case {
        method: "POST",
        template: "/applications/{id}/withdraw",
        rule: Rule::ApplicationStudent,
        body: Some(Body::Form(&[])),
        answers: 303..401,
    },
    get("/work-based-learning", Rule::Coordinators),
    get("/work-based-learning/report", Rule::Administrators),
    get("/work-based-learning/limits", Rule::DistrictAdmin),
    form_rejected("/work-based-learning/limits", Rule::DistrictAdmin, &[("hours_day", "30")]),
    get("/work-based-learning/export.csv", Rule::Administrators),
    get("/insights", Rule::Administrators),
    form_rejected("/insights/settings", Rule::DistrictAdmin, &[("threshold", "3")]),
    get("/insights/equity", Rule::Administrators),
    get("/insights/equity.csv", Rule::Administrators),
    get("/insights/alignment", Rule::Administrators),
    get("/insights/alignment.csv", Rule::Administrators),
    get("/insights/alignment/courses/{id}", Rule::OwnDistrictAdmin),
    form_rejected("/insights/alignment/courses/{id}", Rule::OwnDistrictAdmin, &[("cip", "99.9999")]),
    form_rejected("/insights/alignment/programs", Rule::DistrictAdmin, &[("title", "")]),
    get("/insights/gaps", Rule::Administrators),
    get("/insights/gaps.csv", Rule::Administrators),
    get("/insights/labor-demand", Rule::DistrictAdmin),
    upload_without_file("/insights/labor-demand", Rule::DistrictAdmin),
    form("/insights/labor-demand/national", Rule::DistrictAdmin, &[]),
    get("/insights/pd", Rule::Administrators),
    get("/insights/pd.csv", Rule::Administrators),
    form_rejected("/insights/pd/sessions", Rule::Administrators, &[("title", "")]),
    get_nothing("/insights/pd/sessions/{id}", Rule::Administrators),
    form_to_nothing("/insights/pd/sessions/{id}/attendance", Rule::Administrators, &[]),
    get("/partners", Rule::DistrictStaff),
    get("/partners/{id}", Rule::DistrictStaff),
    form_rejected("/partners/{id}/vetting", Rule::DistrictAdmin, &[("kind", "horoscope")]),
    form_rejected("/partners/{id}/commitments", Rule::DistrictAdmin, &[("school_year", "1999-00")]),
    form_rejected("/partners/{id}/contacts", Rule::Coordinators, &[("name", "Ana"), ("role", "boss")]),
    form_to_nothing("/partners/{id}/contacts/{contact}/remove", Rule::Coordinators, &[]),
    form_rejected("/partners/{id}/interactions", Rule::Coordinators, &[("kind", "fax")]),
    get("/audit", Rule::DistrictAdmin),
    get("/admin/roster", Rule::DistrictAdmin),
    upload_without_file("/admin/roster", Rule::DistrictAdmin),
    get("/admin/plans", Rule::DistrictAdmin),
    form("/admin/plans/credits", Rule::DistrictAdmin, &[("english", "4"), ("math", "3"), ("total", "22")]),
    form("/admin/plans/template", Rule::DistrictAdmin, &[("preset", "co-icap")]),
    form("/admin/plans/elements", Rule::DistrictAdmin, &[("grade", "9"), ("kind", "interests"), ("count", "2")]),
    form("/admin/plans/elements/{id}/remove", Rule::DistrictAdmin, &[]),
    get("/admin/retention", Rule::DistrictAdmin),
    form_rejected("/admin/retention", Rule::DistrictAdmin, &[("months", "0")]),
    form("/admin/retention/apply", Rule::DistrictAdmin, &[]),
    get("/admin/tokens", Rule::DistrictAdmin),
    form("/admin/tokens", Rule::DistrictAdmin, &[("name", "Matrix"), ("scope", "roster:read")]),
    form("/admin/tokens/{id}/revoke", Rule::OwnDistrictAdmin, &[]),
    get("/api/docs", Rule::Public),
    get("/api/openapi.json", Rule::Public),
    get("/healthz", Rule::Public),
    get("/static/app.css", Rule::Public),
    get("/static/icon.svg", Rule::Public),
    get("/favicon.ico", Rule::Public),
    get("/api/v1/groupings", Rule::Public),
    get("/api/v1/clusters", Rule::Public),
    get("/api/v1/clusters/{id}", Rule::Public),
    get("/api/v1/subclusters", Rule::Public),
    get("/api/v1/subclusters/{id}", Rule::Public),
    get("/api/v1/occupations", Rule::Public),
    get("/api/v1/occupations/{code}", Rule::Public),
    get("/api/v1/practices", Rule::Public),
    get("/api/v1/stats", Rule::Public),
    get("/api/v1/case/package", Rule::Public),
    json("/api/v1/match", r#"{"text": "I like helping people"}"#),
    get("/api/v1/district/people", Rule::ApiToken),
    get("/api/v1/insights/equity", Rule::Administrators),
    upload_without_file("/api/v1/district/oneroster", Rule::ApiToken),
    json("/api/v1/profiler/score", r#"{"answers": "1111111111111111111111111111111111111111111111111111111111111"}"#),
    get("/ims/case/v1p0/CFDocuments", Rule::Public),
    get("/ims/case/v1p0/CFDocuments/{id}", Rule::Public),
    get("/ims/case/v1p0/CFPackages/{id}", Rule::Public),
    get("/ims/case/v1p0/CFItems/{id}", Rule::Public),
    get("/ims/case/v1p0/CFAssociations/{id}", Rule::Public),
    get("/ims/case/v1p0/CFItemTypes/{id}", Rule::Public),
    form("/signout/everywhere", Rule::SignedIn, &[]),
    form("/signout", Rule::Public, &[]),
];

/// A meeting note private to the target student's counselors, and one shared with the
/// student and guardians: each may appear only in what its readers get.
const PRIVATE_NOTE: &str = "Private note: family situation discussed";
const SHARED_NOTE: &str = "Shared note: apply to the summer nursing camp";

/// A reflection of the target student: read where shared notes are, never by teachers.
const REFLECTION: &str = "Reflection: I want to work with animals";

fn reads_note(actor: Actor, shared: bool) -> bool {
    use Actor::*;
    match actor {
        Counselor | InstanceAdmin => true,
        Student | Guardian | SchoolAdmin | DistrictAdmin => shared,
        _ => false,
    }
}

/// The target student and class, and everyone's email.
struct World {
    student_id: String,
    student_name: String,
    class_id: String,
    /// An API token of the demo district.
    token_id: String,
    /// A lesson of the demo teacher, shared with the demo district.
    lesson_id: String,
    /// A PLC led by the demo teacher, with the demo counselor as a member.
    plc_id: String,
    /// An opportunity of the demo partner, open to the demo district.
    opportunity_id: String,
    /// The demo student's application to it.
    application_id: String,
    /// A partner of the region, which both demo districts work with.
    partner_id: String,
    /// A course of the demo district.
    course_id: String,
    emails: Vec<(Actor, String)>,
}

async fn one(db: &Db, sql: &str) -> String {
    let value: Option<String> = with_pool!(db, pool => sqlx::query_scalar(sql).fetch_optional(pool).await).expect(sql);
    value.unwrap_or_else(|| panic!("nothing found by {sql}"))
}

async fn arrange(app: &TestApp) -> World {
    let db = app.db().await;
    let (student, name): (pathways::ids::UserId, String) = with_pool!(&db, pool => {
        sqlx::query_as("SELECT id, given_name || ' ' || family_name FROM users WHERE email = 'student@demo.test'").fetch_one(pool).await
    })
    .expect("demo student");
    let class: pathways::ids::ClassId = with_pool!(&db, pool => {
        sqlx::query_scalar("SELECT e.class_id FROM enrollments e JOIN enrollments t ON t.class_id = e.class_id AND t.role = 'teacher'
             JOIN users u ON u.id = t.user_id WHERE e.user_id = $1 AND u.email = 'teacher@demo.test'")
            .bind(student).fetch_one(pool).await
    })
    .expect("the demo teacher's class");
    let email_where = |condition: &str| {
        format!("SELECT email FROM users WHERE email IS NOT NULL AND {condition} ORDER BY email LIMIT 1")
    };
    let mut emails = vec![
        (Actor::Student, "student@demo.test".to_string()),
        (Actor::Guardian, "guardian@demo.test".to_string()),
        (Actor::Teacher, "teacher@demo.test".to_string()),
        (Actor::Counselor, "counselor@demo.test".to_string()),
        (Actor::Partner, "partner@demo.test".to_string()),
        (Actor::SchoolAdmin, "school-admin@demo.test".to_string()),
        (Actor::DistrictAdmin, "district-admin@demo.test".to_string()),
        (Actor::AdminOfOtherSchool, "school-admin-1@riverbend.test".to_string()),
        (Actor::AdminOfOtherDistrict, "district-admin@northfield.test".to_string()),
    ];
    let unrelated_student: pathways::ids::UserId = with_pool!(&db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE role = 'student' AND id <> $1 AND school_id = (SELECT school_id FROM users WHERE id = $1) ORDER BY id LIMIT 1")
            .bind(student).fetch_one(pool).await
    })
    .expect("another student");
    let unrelated_email = "unrelated-student@riverbend.test".to_string();
    with_pool!(&db, pool => sqlx::query("UPDATE users SET email = $2 WHERE id = $1").bind(unrelated_student).bind(&unrelated_email).execute(pool).await.map(|_| ()))
        .expect("give the other student an email");
    emails.push((Actor::UnrelatedStudent, unrelated_email));
    let other_teacher = one(&db, &email_where(
        "role = 'teacher' AND school_id = (SELECT school_id FROM users WHERE email = 'student@demo.test')
         AND id NOT IN (SELECT t.user_id FROM enrollments t JOIN enrollments s ON s.class_id = t.class_id
                        WHERE t.role = 'teacher' AND s.user_id = (SELECT id FROM users WHERE email = 'student@demo.test'))",
    ))
    .await;
    emails.push((Actor::TeacherOfOtherClasses, other_teacher));
    let other_counselor = one(
        &db,
        &email_where(
            "role = 'counselor' AND email <> 'counselor@demo.test'
         AND school_id = (SELECT school_id FROM users WHERE email = 'student@demo.test')",
        ),
    )
    .await;
    emails.push((Actor::CounselorOfOtherGrade, other_counselor));
    with_pool!(&db, pool => {
        sqlx::query("INSERT INTO users (id, district_id, role, given_name, family_name, email, active, created_at)
             VALUES ($1, NULL, 'instance_admin', 'Ines', 'Operator', 'operator@instance.test', TRUE, $2)")
            .bind(pathways::ids::UserId::random()).bind(time::OffsetDateTime::now_utc()).execute(pool).await.map(|_| ())
    })
    .expect("instance admin");
    emails.push((Actor::InstanceAdmin, "operator@instance.test".to_string()));
    for (_, email) in &emails {
        set_password(&db, email, TEST_PASSWORD).await;
    }
    let counselor: pathways::ids::UserId = with_pool!(&db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'counselor@demo.test'").fetch_one(pool).await
    })
    .expect("the demo counselor");
    for (body, shared) in [(PRIVATE_NOTE, false), (SHARED_NOTE, true)] {
        pathways::plans::notes::add(&db, student, counselor, body, shared, time::OffsetDateTime::now_utc())
            .await
            .expect("note");
    }
    let no_tags = pathways::plans::tags::Tags::default();
    pathways::plans::reflections::add(&db, student, "free", REFLECTION, &no_tags, time::OffsetDateTime::now_utc())
        .await
        .expect("reflection");
    let district =
        pathways::orgs::store::district_by_slug(&db, "riverbend").await.expect("query").expect("demo district").0;
    let (token, _) = pathways::auth::tokens::create(
        &db,
        district,
        "SIS",
        &[pathways::auth::tokens::Scope::RosterRead],
        None,
        time::OffsetDateTime::now_utc(),
    )
    .await
    .expect("token");
    let teacher = pathways::orgs::store::find_in_district(
        &db,
        district,
        pathways::orgs::store::UserKey::Email("teacher@demo.test"),
    )
    .await
    .expect("query")
    .expect("demo teacher");
    let form =
        pathways::web::FormFields::from_pairs(LESSON.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect());
    let input = pathways::classroom::model::checked(&form).expect("lesson");
    let origin = pathways::classroom::store::Origin {
        district,
        school: teacher.school_id,
        author: teacher.id,
        forked_from: None,
    };
    let lesson = pathways::classroom::store::insert(&db, &origin, &input, &[], time::OffsetDateTime::now_utc())
        .await
        .expect("lesson");
    let counselor_id = counselor;
    let plc = pathways::classroom::plcs::create(
        &db,
        (district, teacher.id),
        ("Grade 10 careers", "Hamlet and the law"),
        time::OffsetDateTime::now_utc(),
    )
    .await
    .expect("PLC");
    pathways::classroom::plcs::add_member(&db, plc, counselor_id, time::OffsetDateTime::now_utc())
        .await
        .expect("member");
    let (opportunity, application) = arrange_application(&db, student).await;
    let partner: pathways::ids::PartnerOrganizationId = with_pool!(&db, pool => {
        sqlx::query_scalar("SELECT organization_id FROM district_partners GROUP BY organization_id HAVING COUNT(*) = 2
             ORDER BY organization_id LIMIT 1").fetch_one(pool).await
    })
    .expect("a partner of both districts");
    let course: pathways::ids::CourseId = with_pool!(&db, pool => {
        sqlx::query_scalar("SELECT id FROM courses WHERE district_id = $1 ORDER BY title, id LIMIT 1")
            .bind(district).fetch_one(pool).await
    })
    .expect("a course of the demo district");
    db.close().await;
    World {
        course_id: course.to_string(),
        opportunity_id: opportunity.to_string(),
        application_id: application.to_string(),
        partner_id: partner.to_string(),
        lesson_id: lesson.to_string(),
        plc_id: plc.to_string(),
        student_id: student.to_string(),
        student_name: name,
        class_id: class.to_string(),
        token_id: token.id.to_string(),
        emails,
    }
}

/// An opportunity of the demo partner open from grade 6, and the demo student's application.
async fn arrange_application(
    db: &Db,
    student: pathways::ids::UserId,
) -> (pathways::ids::OpportunityId, pathways::ids::ApplicationId) {
    use pathways::partners::{model, store};
    let partner: pathways::ids::UserId = with_pool!(db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'partner@demo.test'").fetch_one(pool).await
    })
    .expect("the demo partner");
    let organization =
        store::organization_of(db, partner).await.expect("query").expect("the demo partner's organization");
    let form = pathways::web::FormFields::from_pairs(
        OPPORTUNITY.iter().map(|(k, v)| (k.to_string(), if *k == "min_grade" { "6" } else { v }.to_string())).collect(),
    );
    let input = model::checked_opportunity(&form, &["physical-health".to_string()]).expect("opportunity");
    let now = time::OffsetDateTime::now_utc();
    let id = pathways::ids::OpportunityId::random();
    store::insert_opportunity(db, (id, organization.id), &input, None, now).await.expect("opportunity");
    let opportunity = store::opportunity(db, id).await.expect("query").expect("opportunity");
    let district: pathways::ids::DistrictId = with_pool!(db, pool => {
        sqlx::query_scalar("SELECT district_id FROM users WHERE id = $1").bind(student).fetch_one(pool).await
    })
    .expect("district");
    let new = store::NewApplication {
        opportunity: &opportunity,
        student,
        district,
        statement: "I like helping people",
        resume: None,
    };
    let store::Applied::Seat(application) = store::apply(db, &new, now).await.expect("apply") else {
        panic!("the demo student's application got no seat")
    };
    (id, application)
}

fn concrete(template: &str, world: &World) -> String {
    let token = "ab".repeat(32);
    let target = if template.starts_with("/students/") {
        world.student_id.as_str()
    } else if template.starts_with("/classes/") {
        world.class_id.as_str()
    } else if template.starts_with("/classroom/plcs/") {
        world.plc_id.as_str()
    } else if template.starts_with("/classroom/lessons/") && !template.ends_with("/delete") {
        world.lesson_id.as_str()
    } else if template.starts_with("/opportunities/") {
        world.opportunity_id.as_str()
    } else if template.starts_with("/applications/") {
        world.application_id.as_str()
    } else if template.starts_with("/partners/") {
        world.partner_id.as_str()
    } else if template.starts_with("/insights/alignment/courses/") {
        world.course_id.as_str()
    } else if template.starts_with("/admin/tokens/") {
        world.token_id.as_str()
    } else if template.starts_with("/clusters/") || template.starts_with("/api/v1/clusters/") {
        "healthcare-human-services"
    } else if template.contains("subclusters/") {
        "physical-health"
    } else if template.contains("occupations/") {
        "29-1141.00"
    } else if template.contains("profiler/{screen}") {
        "1"
    } else if template.contains("{token}") {
        token.as_str()
    } else {
        "00000000-0000-0000-0000-000000000000"
    };
    template
        .replace("{id}", target)
        .replace("{code}", target)
        .replace("{screen}", target)
        .replace("{token}", target)
        .replace("{provider}", target)
        .replace("{interest}", "00000000-0000-0000-0000-000000000000")
        .replace("{goal}", "00000000-0000-0000-0000-000000000000")
        .replace("{step}", "00000000-0000-0000-0000-000000000000")
        .replace("{activity}", "00000000-0000-0000-0000-000000000000")
        .replace("{course}", "00000000-0000-0000-0000-000000000000")
        .replace("{request}", "00000000-0000-0000-0000-000000000000")
        .replace("{post}", "00000000-0000-0000-0000-000000000000")
        .replace("{card}", "00000000-0000-0000-0000-000000000000")
        .replace("{entry}", "00000000-0000-0000-0000-000000000000")
        .replace("{contact}", "00000000-0000-0000-0000-000000000000")
}

async fn visitor_for(app: &TestApp, world: &World, actor: Actor) -> Visitor {
    match world.emails.iter().find(|(a, _)| *a == actor) {
        Some((_, email)) => app.signed_in_with(email, TEST_PASSWORD).await,
        None => app.visitor().await,
    }
}

/// What a response says about access: was the visitor let in?
fn let_in(status: u16, location: &str) -> bool {
    let sent_to_sign_in = status == 303 && location.starts_with("/signin?next=");
    !(status == 401 || status == 403 || sent_to_sign_in)
}

#[test]
fn every_route_has_an_expectation() {
    let routes: BTreeSet<(String, String)> =
        route_list().into_iter().map(|(method, path)| (method.to_string(), path)).collect();
    let cases: BTreeSet<(String, String)> =
        CASES.iter().map(|c| (c.method.to_string(), c.template.to_string())).collect();
    let missing: Vec<_> = routes.difference(&cases).collect();
    let stale: Vec<_> = cases.difference(&routes).collect();
    assert!(missing.is_empty(), "routes without an access expectation in access_matrix.rs: {missing:?}");
    assert!(stale.is_empty(), "expectations for routes that no longer exist: {stale:?}");
}

on_both_backends! {
    async fn every_role_reaches_exactly_what_it_may(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let world = arrange(&app).await;
        let mut leaks = Vec::new();
        let mut lockouts = Vec::new();
        let mut checked = 0;
        for actor in ACTORS {
            let mut visitor = visitor_for(&app, &world, actor).await;
            for case in CASES {
                let path = concrete(case.template, &world);
                let response = match &case.body {
                    None => visitor.get(&path).await,
                    Some(Body::Form(fields)) => {
                        let fields: Vec<(&str, &str)> = fields
                            .iter()
                            .map(|(k, v)| (*k, if *v == "{class}" { world.class_id.as_str() } else { *v }))
                            .collect();
                        visitor.post(&path, &fields).await
                    }
                    Some(Body::Json(body)) => visitor.post_json(&path, &serde_json::from_str(body).unwrap()).await,
                    Some(Body::Multipart) => visitor.post_multipart(&path, &[], None).await,
                };
                let status = response.status().as_u16();
                let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
                let body = response.text().await.unwrap_or_default();
                let expected = allowed(case.rule, actor);
                let got = let_in(status, &location);
                checked += 1;
                if got && !expected {
                    leaks.push(format!("{actor:?} {} {path} -> {status}", case.method));
                } else if !got && expected {
                    lockouts.push(format!("{actor:?} {} {path} -> {status} {location}", case.method));
                } else if expected && (status >= 500 || (case.rule != Rule::Public && !case.answers.contains(&status))) {
                    lockouts.push(format!("{actor:?} {} {path} -> {status}, not the page", case.method));
                }
                for (note, shared) in [(PRIVATE_NOTE, false), (SHARED_NOTE, true), (REFLECTION, true)] {
                    let shown = body.contains(note);
                    if shown && !reads_note(actor, shared) {
                        leaks.push(format!("{actor:?} {} {path}: shows the note {note:?}", case.method));
                    }
                    if !shown && reads_note(actor, shared) && case.template == "/students/{id}/plan" {
                        lockouts.push(format!("{actor:?} {path}: the plan lacks the note {note:?}"));
                    }
                }
                // The student's own name is in their page header; anyone else's refusal must not name them.
                if !expected && actor != Actor::Student && body.contains(&world.student_name) {
                    leaks.push(format!("{actor:?} {} {path}: the refusal names the student", case.method));
                }
                if matches!(case.template, "/signout" | "/signout/everywhere") {
                    visitor = visitor_for(&app, &world, actor).await;
                }
            }
        }
        assert_eq!(checked, ACTORS.len() * CASES.len());
        assert!(leaks.is_empty(), "{} leaks:\n{}", leaks.len(), leaks.join("\n"));
        assert!(lockouts.is_empty(), "{} wrongly refused:\n{}", lockouts.len(), lockouts.join("\n"));
    }
}

on_both_backends! {
    async fn a_district_admin_sees_only_their_own_district_in_the_audit_log(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let world = arrange(&app).await;
        let counselor = app.signed_in_with("counselor@demo.test", TEST_PASSWORD).await;
        let (status, _) = counselor.page(&format!("/students/{}", world.student_id)).await;
        assert_eq!(status, 200);

        let own = app.signed_in_with("district-admin@demo.test", TEST_PASSWORD).await;
        let (status, body) = own.page("/audit?action=view_student").await;
        assert_eq!(status, 200);
        assert!(body.contains(&world.student_name), "the district's admin sees the view of its student");

        let other = app.signed_in_with("district-admin@northfield.test", TEST_PASSWORD).await;
        let (status, body) = other.page("/audit").await;
        assert_eq!(status, 200);
        assert!(!body.contains(&world.student_name), "another district's admin must not see it");
        assert!(!body.contains("counselor@demo.test"));
    }
}
