//! An application from apply to placement and beyond, on one page every party shares, each
//! seeing their part: the school's approval checklist, the guardian's consent, the
//! partner's review (only what the student sent), the student's hours and their approvals,
//! and the supervisor's evaluation. A placement starts once the school approved, a guardian
//! consented and the district's vetting of the partner is current.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use time::{OffsetDateTime, PrimitiveDateTime};

use super::hours::{self, Approver, Change, HourEntry, Limits, Target};
use super::model::{self, CHECKLIST, clock, consent_form};
use super::pages::subcluster_names;
use super::store::{self, Application, Consent, Evaluation, Event, Opportunity};
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, Permission};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::{ApplicationId, HourEntryId};
use crate::orgs::model::{Role, User};
use crate::orgs::store::{self as people, StudentRecord};
use crate::plans::resume::Resume;
use crate::plans::tags::{Choice, Choices};
use crate::web::{FormFields, Layout, PageCtx, render};

const MAX_NOTE: usize = 1000;
const MAX_SIGNATURE: usize = 120;
const MAX_COMMENTS: usize = 5000;

fn application_id(text: &str) -> Result<ApplicationId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

/// What the reader of an application may do on it.
#[derive(Clone, Copy, Debug, Default)]
struct Reader {
    is_student: bool,
    consents: bool,
    reviews: bool,
    supervises: bool,
}

impl Reader {
    async fn of(state: &AppState, user: &User, id: ApplicationId) -> Result<Reader, AppError> {
        let may = |permission| policy::check(&state.db, Some(user), permission);
        Ok(Reader {
            is_student: may(Permission::WorkPlacement(id)).await.is_ok() && user.role == Role::Student,
            consents: may(Permission::ConsentTo(id)).await.is_ok() && user.role == Role::Guardian,
            reviews: may(Permission::ReviewApplication(id)).await.is_ok(),
            supervises: may(Permission::SupervisePlacement(id)).await.is_ok(),
        })
    }
}

/// Hours as typed, with why they were refused: the form shows both again.
struct Refused {
    field: &'static str,
    message: String,
    worked_on: String,
    start: String,
    end: String,
    description: String,
}

#[derive(Template)]
#[template(path = "partners/application.html")]
struct ApplicationPage {
    layout: Layout,
    csrf: String,
    application: Application,
    opportunity: Opportunity,
    subcluster: String,
    student: StudentRecord,
    reader: Reader,
    events: Vec<Event>,
    checks: Vec<String>,
    checklist: &'static [&'static str],
    consent: Option<Consent>,
    consent_form: &'static str,
    /// Why the partner may not take students now (expired or missing vetting).
    lapsed: Vec<String>,
    resume: Option<Resume>,
    logs_hours: bool,
    entries: Vec<HourEntry>,
    changes: Vec<Change>,
    approved_minutes: i64,
    pending_minutes: i64,
    limits: Limits,
    refused: Option<Refused>,
    /// Why the school's approval was refused.
    approval_problem: Option<String>,
    evaluations: Vec<Evaluation>,
    practices: Vec<Choice>,
    today: String,
}

impl ApplicationPage {
    fn hours(&self, minutes: impl std::borrow::Borrow<i64>) -> String {
        hours::in_hours(self.layout.lang, *minutes.borrow())
    }

    /// "The district's limits: 8 h a day, 40 h a week."
    fn limits_text(&self) -> String {
        let day = self.hours(self.limits.max_minutes_day);
        let week = self.hours(self.limits.max_minutes_week);
        self.layout.lang.t_args("hours-limits", &[("day", day.into()), ("week", week.into())])
    }

    fn clock(&self, minutes: &i64) -> String {
        clock(*minutes)
    }

    fn practice_name(&self, id: &str) -> String {
        self.practices.iter().find(|p| p.id == id).map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    fn checked(&self, item: &str) -> bool {
        self.checks.iter().any(|c| c == item)
    }

    fn changes_of(&self, entry: &HourEntryId) -> Vec<&Change> {
        self.changes.iter().filter(|c| c.entry_id == *entry).collect()
    }

    fn is_active(&self) -> bool {
        model::ACTIVE.contains(&self.application.status.as_str()) || self.application.status == "waitlisted"
    }
}

/// The messages naming each lapsed vetting record of the application's partner.
async fn lapsed_vetting(
    state: &AppState,
    lang: Lang,
    application: &Application,
    opportunity: &Opportunity,
) -> Result<Vec<String>, AppError> {
    let today = OffsetDateTime::now_utc().date();
    let lapsed = store::lapsed_vetting(&state.db, application.district_id, opportunity.organization_id, today).await?;
    Ok(lapsed
        .into_iter()
        .map(|(kind, expired)| {
            let what = lang.t(&format!("vetting-{kind}-name"));
            let args = [("partner", opportunity.organization_name.as_str().into()), ("what", what.into())];
            match expired {
                Some(date) => lang
                    .t_args("vetting-expired", &[args[0].clone(), args[1].clone(), ("date", date.to_string().into())]),
                None => lang.t_args("vetting-missing", &args),
            }
        })
        .collect())
}

/// The application `id` the reader may see, with the reader.
async fn readable<'a>(
    state: &AppState,
    session: &'a SessionCtx,
    id: &str,
    permission: fn(ApplicationId) -> Permission,
    csrf: Option<&str>,
) -> Result<(&'a User, Application, Opportunity), AppError> {
    let id = application_id(id)?;
    policy::check(&state.db, session.user(), permission(id)).await?;
    if let Some(token) = csrf {
        session.verify_csrf(token)?;
    }
    let application = store::application(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let opportunity = store::opportunity(&state.db, application.opportunity_id).await?.ok_or(AppError::NotFound)?;
    Ok((session.require_user()?, application, opportunity))
}

async fn application_page(
    state: &AppState,
    ctx: &PageCtx,
    session: &SessionCtx,
    (user, application, opportunity): (&User, Application, Opportunity),
    (refused, approval_problem): (Option<Refused>, Option<String>),
) -> Result<Response, AppError> {
    let reader = Reader::of(state, user, application.id).await?;
    let student = people::student_record(&state.db, application.student_id).await?.ok_or(AppError::NotFound)?;
    if !reader.is_student {
        let resource = format!("/applications/{}", application.id);
        let entry = Entry::by(user, Action::ViewStudent, &resource)
            .student(student.id, Some(application.district_id))
            .from_ip(session.ip());
        audit::record(&state.db, &entry, OffsetDateTime::now_utc()).await?;
    }
    let entries = hours::entries(&state.db, application.id).await?;
    let approved_minutes = entries.iter().filter(|e| e.status == "approved").map(HourEntry::minutes).sum();
    let pending_minutes = entries.iter().filter(|e| e.status != "approved").map(HourEntry::minutes).sum();
    let resume = application.resume.as_deref().and_then(|r| serde_json::from_str(r).ok());
    let evaluations = store::evaluations(&state.db, &[application.id]).await?.into_iter().map(|(_, e)| e).collect();
    let refusal = refused.is_some() || approval_problem.is_some();
    let status = if refusal { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let page = ApplicationPage {
        layout: ctx.layout(opportunity.title.clone(), "opportunities"),
        csrf: session.csrf_token().to_string(),
        subcluster: subcluster_names(state, ctx.lang).await?.remove(&opportunity.subcluster_id).unwrap_or_default(),
        events: store::events(&state.db, application.id).await?,
        checks: store::checks(&state.db, application.id).await?,
        checklist: &CHECKLIST,
        consent: store::consent(&state.db, application.id).await?,
        consent_form: consent_form(&opportunity.kind),
        lapsed: lapsed_vetting(state, ctx.lang, &application, &opportunity).await?,
        logs_hours: model::logs_hours(&opportunity.kind),
        changes: hours::changes(&state.db, application.id).await?,
        limits: hours::limits(&state.db, application.district_id).await?,
        practices: Choices::load(&state.catalog, ctx.lang).await?.practices,
        today: OffsetDateTime::now_utc().date().to_string(),
        student,
        reader,
        resume,
        entries,
        approved_minutes,
        pending_minutes,
        refused,
        approval_problem,
        evaluations,
        application,
        opportunity,
    };
    Ok((status, render(&page)?).into_response())
}

pub async fn show_application(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let found = readable(&state, &session, &id, Permission::ViewApplication, None).await?;
    application_page(&state, &ctx, &session, found, (None, None)).await
}

fn back_to(application: ApplicationId, anchor: &str) -> Response {
    Redirect::to(&format!("/applications/{application}#{anchor}")).into_response()
}

/// Places an approved application once a guardian consented and the partner's vetting is
/// current; the school's approval and the consent may come in either order.
async fn place_when_ready(
    state: &AppState,
    application: &Application,
    opportunity: &Opportunity,
    actor: &User,
) -> Result<(), AppError> {
    let now = OffsetDateTime::now_utc();
    let consented = store::consent(&state.db, application.id).await?.is_some();
    let lapsed =
        store::lapsed_vetting(&state.db, application.district_id, opportunity.organization_id, now.date()).await?;
    if consented && lapsed.is_empty() {
        store::advance(&state.db, application.id, ("approved", "placed"), Some(actor.id), now).await?;
    }
    Ok(())
}

/// The school's checklist: ticks items, and approves once every item is ticked and the
/// partner's vetting is current.
pub async fn review_application(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, application, opportunity) =
        readable(&state, &session, &id, Permission::ReviewApplication, Some(form.get("csrf"))).await?;
    let ticked: Vec<String> = form.all("item");
    let items: Vec<&str> = CHECKLIST.iter().copied().filter(|item| ticked.iter().any(|t| t == item)).collect();
    let now = OffsetDateTime::now_utc();
    let sponsored = form.get("school_sponsored") == "true";
    store::set_checks(&state.db, application.id, (&items, sponsored), user.id, now).await?;
    let application = Application { school_sponsored: sponsored, ..application };
    if form.get("decision") == "approve" {
        if application.status != "applied" {
            return Err(AppError::bad_request(
                "decision",
                "error-field-approve-status",
                "only a new application is approved",
            ));
        }
        if items.len() < CHECKLIST.len() {
            return Err(AppError::bad_request(
                "item",
                "error-field-checklist",
                "tick every item of the checklist before approving",
            ));
        }
        let lapsed = lapsed_vetting(&state, ctx.lang, &application, &opportunity).await?;
        if !lapsed.is_empty() {
            let problem = Some(lapsed.join(" "));
            return application_page(&state, &ctx, &session, (user, application, opportunity), (None, problem)).await;
        }
        store::advance(&state.db, application.id, ("applied", "approved"), Some(user.id), now).await?;
        let application = Application { status: "approved".into(), ..application };
        place_when_ready(&state, &application, &opportunity, user).await?;
    }
    Ok(back_to(application.id, "status-heading"))
}

pub async fn consent_to_placement(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, application, opportunity) =
        readable(&state, &session, &id, Permission::ConsentTo, Some(form.get("csrf"))).await?;
    if !matches!(application.status.as_str(), "applied" | "approved") {
        return Err(AppError::bad_request(
            "status",
            "error-field-consent-status",
            "this placement is not waiting for consent",
        ));
    }
    let signature = form.get("signature").trim();
    let emergency_name = form.get("emergency_name").trim();
    let emergency_phone = form.get("emergency_phone").trim();
    if form.get("agree") != "true" {
        return Err(AppError::bad_request("agree", "error-field-consent-agree", "tick the box to say you agree"));
    }
    if signature.chars().count() < 2 || signature.chars().count() > MAX_SIGNATURE {
        return Err(AppError::bad_request(
            "signature",
            "error-field-signature",
            "type your full name as your signature",
        ));
    }
    let digits = emergency_phone.chars().filter(char::is_ascii_digit).count();
    if emergency_name.is_empty() || emergency_name.chars().count() > MAX_SIGNATURE || !(7..=15).contains(&digits) {
        return Err(AppError::bad_request(
            "emergency_phone",
            "error-field-emergency",
            "give an emergency contact's name and a phone number with its area code",
        ));
    }
    let consent = store::NewConsent {
        guardian: user.id,
        form: consent_form(&opportunity.kind),
        signature,
        emergency_name,
        emergency_phone,
    };
    store::add_consent(&state.db, application.id, &consent, OffsetDateTime::now_utc()).await?;
    if application.status == "approved" {
        place_when_ready(&state, &application, &opportunity, user).await?;
    }
    Ok(back_to(application.id, "consent-heading"))
}

pub async fn withdraw_application(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, application, _) =
        readable(&state, &session, &id, Permission::WorkPlacement, Some(form.get("csrf"))).await?;
    if !store::end(&state.db, &application, "withdrawn", user.id, "", OffsetDateTime::now_utc()).await? {
        return Err(AppError::bad_request("status", "error-field-ended", "this application has ended already"));
    }
    Ok(back_to(application.id, "status-heading"))
}

/// Declines an application: the school or the partner, with a reason the student reads.
pub async fn decline_application(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, application, _) =
        readable(&state, &session, &id, Permission::OverseePlacement, Some(form.get("csrf"))).await?;
    let reason = form.get("reason").trim();
    if reason.chars().count() > MAX_NOTE {
        return Err(AppError::bad_request("reason", "error-field-note", "keep the reason to 1,000 characters"));
    }
    if !store::end(&state.db, &application, "declined", user.id, reason, OffsetDateTime::now_utc()).await? {
        return Err(AppError::bad_request("status", "error-field-ended", "this application has ended already"));
    }
    Ok(back_to(application.id, "status-heading"))
}

pub async fn schedule_interview(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, application, _) =
        readable(&state, &session, &id, Permission::SupervisePlacement, Some(form.get("csrf"))).await?;
    let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let at = PrimitiveDateTime::parse(form.get("interview_at").trim(), &format)
        .map_err(|_| AppError::bad_request("interview_at", "error-field-interview", "give a day and time"))?;
    let now = OffsetDateTime::now_utc();
    store::set_interview(&state.db, application.id, at.assume_utc(), user.id, now).await?;
    Ok(back_to(application.id, "review-heading"))
}

/// Marks a placement finished: its partner or the school.
pub async fn complete_placement(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, application, _) =
        readable(&state, &session, &id, Permission::OverseePlacement, Some(form.get("csrf"))).await?;
    let now = OffsetDateTime::now_utc();
    if !store::advance(&state.db, application.id, ("placed", "completed"), Some(user.id), now).await? {
        return Err(AppError::bad_request("status", "error-field-complete", "only a placement under way is completed"));
    }
    Ok(back_to(application.id, "status-heading"))
}

/// Logs hours, or corrects an entry when `entry` is given.
async fn save_hours(
    state: &AppState,
    ctx: &PageCtx,
    session: &SessionCtx,
    (id, entry): (&str, Option<&str>),
    form: &FormFields,
) -> Result<Response, AppError> {
    let (user, application, opportunity) =
        readable(state, session, id, Permission::WorkPlacement, Some(form.get("csrf"))).await?;
    if application.status != "placed" || !model::logs_hours(&opportunity.kind) {
        return Err(AppError::bad_request(
            "status",
            "error-field-hours-status",
            "log hours once the placement has started",
        ));
    }
    let replacing = match entry {
        Some(entry) => Some(entry.parse::<HourEntryId>().map_err(|_| AppError::NotFound)?),
        None => None,
    };
    let limits = hours::limits(&state.db, application.district_id).await?;
    let target = Target {
        application: application.id,
        student: application.student_id,
        starts_on: opportunity.starts_on,
        ends_on: opportunity.ends_on,
        replacing,
    };
    let outcome = match hours::checked(form) {
        Ok(input) => hours::log(&state.db, &target, &input, &limits, OffsetDateTime::now_utc()).await?,
        Err(problem) => Err(problem),
    };
    match outcome {
        Ok(_) => Ok(back_to(application.id, "hours-heading")),
        Err(problem) => {
            let refused = Refused {
                field: problem.field(),
                message: problem.message(ctx.lang),
                worked_on: form.get("worked_on").to_string(),
                start: form.get("start").to_string(),
                end: form.get("end").to_string(),
                description: form.get("description").to_string(),
            };
            application_page(state, ctx, session, (user, application, opportunity), (Some(refused), None)).await
        }
    }
}

pub async fn log_hours(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    save_hours(&state, &ctx, &session, (&id, None), &form).await
}

pub async fn correct_hours(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path((id, entry)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    save_hours(&state, &ctx, &session, (&id, Some(&entry)), &form).await
}

/// The approver of hours the reader is: the partner's supervisor first, the school next.
async fn approver_of(state: &AppState, session: &SessionCtx, id: ApplicationId) -> Result<Approver, AppError> {
    let user = session.user().ok_or(AppError::SignInRequired)?;
    if user.role == Role::Partner {
        policy::check(&state.db, Some(user), Permission::SupervisePlacement(id)).await?;
        return Ok(Approver::Supervisor);
    }
    policy::check(&state.db, Some(user), Permission::ReviewApplication(id)).await?;
    Ok(Approver::Coordinator)
}

pub async fn approve_hours(
    State(state): State<AppState>,
    session: SessionCtx,
    Path((id, entry)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let id = application_id(&id)?;
    let approver = approver_of(&state, &session, id).await?;
    session.verify_csrf(form.get("csrf"))?;
    let user = session.require_user()?;
    let entry: HourEntryId = entry.parse().map_err(|_| AppError::NotFound)?;
    if !hours::approve(&state.db, (id, entry), approver, user.id, OffsetDateTime::now_utc()).await? {
        return Err(AppError::NotFound);
    }
    Ok(back_to(id, "hours-heading"))
}

pub async fn return_hours(
    State(state): State<AppState>,
    session: SessionCtx,
    Path((id, entry)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let id = application_id(&id)?;
    approver_of(&state, &session, id).await?;
    session.verify_csrf(form.get("csrf"))?;
    let entry: HourEntryId = entry.parse().map_err(|_| AppError::NotFound)?;
    let note = form.get("note").trim();
    if note.is_empty() || note.chars().count() > MAX_NOTE {
        return Err(AppError::bad_request(
            "note",
            "error-field-return-note",
            "say what to correct, in 1,000 characters or fewer",
        ));
    }
    if !hours::send_back(&state.db, (id, entry), note, OffsetDateTime::now_utc()).await? {
        return Err(AppError::NotFound);
    }
    Ok(back_to(id, "hours-heading"))
}

/// A supervisor's evaluation: each Career Ready Practice observed rated 1–4, with comments.
pub async fn evaluate_placement(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, application, _) =
        readable(&state, &session, &id, Permission::SupervisePlacement, Some(form.get("csrf"))).await?;
    if !matches!(application.status.as_str(), "placed" | "completed") {
        return Err(AppError::bad_request("status", "error-field-evaluate-status", "evaluate a student once placed"));
    }
    let practices = Choices::load(&state.catalog, ctx.lang).await?.practices;
    let mut ratings = Vec::new();
    for practice in &practices {
        match form.get(&format!("rating-{}", practice.id)).trim() {
            "" => {}
            text => match text.parse::<i64>() {
                Ok(rating) if (1..=4).contains(&rating) => ratings.push((practice.id.clone(), rating)),
                _ => {
                    return Err(AppError::bad_request(
                        "rating",
                        "error-field-rating",
                        "rate from 1 to 4, or leave blank",
                    ));
                }
            },
        }
    }
    let comments = form.get("comments").trim();
    if ratings.is_empty() || comments.chars().count() > MAX_COMMENTS {
        return Err(AppError::bad_request(
            "rating",
            "error-field-evaluation",
            "rate at least one practice you observed, and keep comments to 5,000 characters",
        ));
    }
    store::add_evaluation(&state.db, application.id, user.id, (&ratings, comments), OffsetDateTime::now_utc()).await?;
    Ok(back_to(application.id, "evaluations-heading"))
}
