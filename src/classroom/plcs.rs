//! Professional learning communities: staff who meet around a focus ("career connections in
//! grade 9 English and history"). A PLC has members (its leads add others), lessons its
//! members share with it (each reader still sees only the lessons the library lets them),
//! discussion threads with replies, meeting notes, and a board of interdisciplinary projects
//! moving from idea through planning and teaching to done.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use time::{Date, OffsetDateTime};

use super::store::{LessonPick, staff_by_email};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::{self, LessonViewer, Permission, VISIBLE_LESSON};
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{DistrictId, LessonId, PlcCardId, PlcId, PlcPostId, UserId};
use crate::orgs::model::{Role, User};
use crate::web::{FormFields, Layout, PageCtx, render};
use crate::with_pool;

pub const CARD_STATUSES: [&str; 4] = ["idea", "planning", "teaching", "done"];
const MAX_NAME: usize = 120;
const MAX_FOCUS: usize = 500;
const MAX_TITLE: usize = 200;
const MAX_BODY: usize = 5000;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Plc {
    pub id: PlcId,
    pub district_id: DistrictId,
    pub name: String,
    pub focus: String,
}

/// A PLC in a list, with its size and the reader's place in it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PlcSummary {
    pub id: PlcId,
    pub name: String,
    pub focus: String,
    pub members: i64,
    pub role: Option<String>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Member {
    pub name: String,
    pub role: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SharedLesson {
    pub id: LessonId,
    pub title: String,
    pub subject: String,
    pub shared_by: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Post {
    pub id: PlcPostId,
    pub kind: String,
    pub parent_id: Option<PlcPostId>,
    pub title: String,
    pub body: String,
    pub met_on: Option<Date>,
    pub author_name: String,
    pub created_at: OffsetDateTime,
}

/// A thread with its replies, oldest first.
pub struct Thread {
    pub post: Post,
    pub replies: Vec<Post>,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Card {
    pub id: PlcCardId,
    pub title: String,
    pub subjects: String,
    pub status: String,
    pub owner_name: String,
}

/// The PLCs `user` belongs to; a district administrator sees every one of the district.
pub async fn of_user(db: &Db, user: &User) -> Result<Vec<PlcSummary>, sqlx::Error> {
    const SQL: &str = "SELECT p.id, p.name, p.focus,
         (SELECT COUNT(*) FROM plc_members c WHERE c.plc_id = p.id) AS members,
         (SELECT m.role FROM plc_members m WHERE m.plc_id = p.id AND m.user_id = $1) AS role
         FROM plcs p WHERE EXISTS (SELECT 1 FROM plc_members m WHERE m.plc_id = p.id AND m.user_id = $1)
            OR ($3 AND p.district_id = $2)
         ORDER BY p.name";
    let admin = user.role == Role::DistrictAdmin;
    with_pool!(db, pool => sqlx::query_as(SQL).bind(user.id).bind(user.district_id).bind(admin).fetch_all(pool).await)
}

pub async fn create(
    db: &Db,
    (district, lead): (DistrictId, UserId),
    (name, focus): (&str, &str),
    now: OffsetDateTime,
) -> Result<PlcId, sqlx::Error> {
    let id = PlcId::random();
    with_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO plcs (id, district_id, name, focus, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id).bind(district).bind(name).bind(focus).bind(lead).bind(now).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO plc_members (plc_id, user_id, role, joined_at) VALUES ($1, $2, 'lead', $3)")
            .bind(id).bind(lead).bind(now).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn one(db: &Db, id: PlcId) -> Result<Option<Plc>, sqlx::Error> {
    const SQL: &str = "SELECT id, district_id, name, focus FROM plcs WHERE id = $1";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(id).fetch_optional(pool).await)
}

pub async fn members(db: &Db, plc: PlcId) -> Result<Vec<Member>, sqlx::Error> {
    const SQL: &str = "SELECT u.given_name || ' ' || u.family_name AS name, m.role FROM plc_members m
         JOIN users u ON u.id = m.user_id WHERE m.plc_id = $1 ORDER BY m.role, u.family_name, u.given_name";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(plc).fetch_all(pool).await)
}

pub async fn add_member(db: &Db, plc: PlcId, user: UserId, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO plc_members (plc_id, user_id, role, joined_at) VALUES ($1, $2, 'member', $3)
         ON CONFLICT (plc_id, user_id) DO NOTHING";
    with_pool!(db, pool => sqlx::query(SQL).bind(plc).bind(user).bind(now).execute(pool).await.map(|_| ()))
}

pub async fn share_lesson(
    db: &Db,
    plc: PlcId,
    lesson: LessonId,
    by: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO plc_lessons (plc_id, lesson_id, shared_by, shared_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (plc_id, lesson_id) DO NOTHING";
    with_pool!(db, pool => sqlx::query(SQL).bind(plc).bind(lesson).bind(by).bind(now).execute(pool).await.map(|_| ()))
}

/// The lessons shared with `plc` that `viewer` may see in the library.
pub async fn shared_lessons(db: &Db, plc: PlcId, viewer: &LessonViewer) -> Result<Vec<SharedLesson>, sqlx::Error> {
    let sql = format!(
        "SELECT l.id, l.title, l.subject, u.given_name || ' ' || u.family_name AS shared_by
         FROM plc_lessons s JOIN lessons l ON l.id = s.lesson_id JOIN users u ON u.id = s.shared_by
         WHERE s.plc_id = $5 AND l.deleted_at IS NULL AND {VISIBLE_LESSON} ORDER BY s.shared_at DESC"
    );
    with_pool!(db, pool => {
        sqlx::query_as(&sql).bind(viewer.user).bind(viewer.district).bind(viewer.school).bind(viewer.all).bind(plc)
            .fetch_all(pool).await
    })
}

/// Threads with their replies (newest thread first) and meeting notes (latest meeting first).
pub async fn posts(db: &Db, plc: PlcId) -> Result<(Vec<Thread>, Vec<Post>), sqlx::Error> {
    const SQL: &str = "SELECT p.id, p.kind, p.parent_id, p.title, p.body, p.met_on,
         u.given_name || ' ' || u.family_name AS author_name, p.created_at
         FROM plc_posts p JOIN users u ON u.id = p.author_id WHERE p.plc_id = $1 ORDER BY p.created_at, p.id";
    let all: Vec<Post> = with_pool!(db, pool => sqlx::query_as(SQL).bind(plc).fetch_all(pool).await)?;
    let (replies, rest): (Vec<Post>, Vec<Post>) = all.into_iter().partition(|p| p.kind == "reply");
    let (mut meetings, threads): (Vec<Post>, Vec<Post>) = rest.into_iter().partition(|p| p.kind == "meeting");
    meetings.sort_by_key(|m| std::cmp::Reverse(m.met_on));
    let mut threads: Vec<Thread> = threads
        .into_iter()
        .map(|post| Thread {
            replies: replies.iter().filter(|r| r.parent_id == Some(post.id)).cloned().collect(),
            post,
        })
        .collect();
    threads.reverse();
    Ok((threads, meetings))
}

/// What a post is: a thread, a reply to one, or the notes of a meeting.
pub enum NewPost {
    Thread { title: String, body: String },
    Reply { thread: PlcPostId, body: String },
    Meeting { title: String, body: String, met_on: Date },
}

pub async fn add_post(
    db: &Db,
    plc: PlcId,
    author: UserId,
    post: &NewPost,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO plc_posts (id, plc_id, author_id, kind, parent_id, title, body, met_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    let (kind, parent, title, body, met_on) = match post {
        NewPost::Thread { title, body } => ("thread", None, title.as_str(), body, None),
        NewPost::Reply { thread, body } => ("reply", Some(*thread), "", body, None),
        NewPost::Meeting { title, body, met_on } => ("meeting", None, title.as_str(), body, Some(*met_on)),
    };
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(PlcPostId::random()).bind(plc).bind(author).bind(kind).bind(parent).bind(title).bind(body)
            .bind(met_on).bind(now).execute(pool).await.map(|_| ())
    })
}

async fn is_thread(db: &Db, plc: PlcId, post: PlcPostId) -> Result<bool, sqlx::Error> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM plc_posts WHERE id = $1 AND plc_id = $2 AND kind = 'thread')";
    with_pool!(db, pool => sqlx::query_scalar(SQL).bind(post).bind(plc).fetch_one(pool).await)
}

pub async fn cards(db: &Db, plc: PlcId) -> Result<Vec<Card>, sqlx::Error> {
    const SQL: &str = "SELECT c.id, c.title, c.subjects, c.status, u.given_name || ' ' || u.family_name AS owner_name
         FROM plc_cards c JOIN users u ON u.id = c.owner_id WHERE c.plc_id = $1 ORDER BY c.updated_at DESC, c.id";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(plc).fetch_all(pool).await)
}

pub async fn add_card(
    db: &Db,
    plc: PlcId,
    owner: UserId,
    (title, subjects): (&str, &str),
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    const SQL: &str = "INSERT INTO plc_cards (id, plc_id, title, subjects, status, owner_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'idea', $5, $6, $6)";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(PlcCardId::random()).bind(plc).bind(title).bind(subjects).bind(owner).bind(now)
            .execute(pool).await.map(|_| ())
    })
}

/// Moves a card of `plc` to `status`; false when the PLC has no such card.
pub async fn move_card(
    db: &Db,
    plc: PlcId,
    card: PlcCardId,
    status: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "UPDATE plc_cards SET status = $3, updated_at = $4 WHERE id = $1 AND plc_id = $2";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(card).bind(plc).bind(status).bind(now).execute(pool).await.map(|r| r.rows_affected() == 1)
    })
}

/// A required text field of at most `max` characters.
fn text(form: &FormFields, field: &str, max: usize, required: bool, key: &'static str) -> Result<String, AppError> {
    let value = form.get(field).trim().replace("\r\n", "\n");
    let length = value.chars().count();
    if (required && value.is_empty()) || length > max {
        return Err(AppError::bad_request(field, key, format!("write {field} in up to {max} characters")));
    }
    Ok(value)
}

fn plc_id(text: &str) -> Result<PlcId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

fn to_plc(id: PlcId, anchor: &str) -> Response {
    Redirect::to(&format!("/classroom/plcs/{id}#{anchor}")).into_response()
}

/// The PLC of a path after the policy's check of `permission` and the form's CSRF token.
async fn acting_on<'a>(
    state: &AppState,
    session: &'a SessionCtx,
    id: &str,
    permission: fn(PlcId) -> Permission,
    form: &FormFields,
) -> Result<(&'a User, PlcId), AppError> {
    let id = plc_id(id)?;
    policy::check(&state.db, session.user(), permission(id)).await?;
    session.verify_csrf(form.get("csrf"))?;
    Ok((session.require_user()?, id))
}

#[derive(Template)]
#[template(path = "classroom/plcs.html")]
struct PlcsPage {
    layout: Layout,
    plcs: Vec<PlcSummary>,
    csrf: String,
}

pub async fn list_plcs(State(state): State<AppState>, ctx: PageCtx, session: SessionCtx) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::StartPlc).await?;
    let user = session.require_user()?;
    let page = PlcsPage {
        layout: ctx.layout(ctx.t("plcs-title"), "library"),
        plcs: of_user(&state.db, user).await?,
        csrf: session.csrf_token().to_string(),
    };
    Ok(session.attach(render(&page)?))
}

pub async fn create_plc(
    State(state): State<AppState>,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    policy::check(&state.db, session.user(), Permission::StartPlc).await?;
    session.verify_csrf(form.get("csrf"))?;
    let user = session.require_user()?;
    let name = text(&form, "name", MAX_NAME, true, "error-field-plc-name")?;
    let focus = text(&form, "focus", MAX_FOCUS, false, "error-field-plc-focus")?;
    let district = user.district_id.ok_or(AppError::Denied)?;
    let id = create(&state.db, (district, user.id), (&name, &focus), OffsetDateTime::now_utc()).await?;
    Ok(to_plc(id, "members-heading"))
}

#[derive(Template)]
#[template(path = "classroom/plc.html")]
struct PlcPage {
    layout: Layout,
    plc: Plc,
    members: Vec<Member>,
    lessons: Vec<SharedLesson>,
    threads: Vec<Thread>,
    meetings: Vec<Post>,
    cards: Vec<Card>,
    /// Lessons the reader wrote or used, to share.
    picks: Vec<LessonPick>,
    can_contribute: bool,
    can_lead: bool,
    csrf: String,
    today: String,
}

impl PlcPage {
    fn statuses(&self) -> [&'static str; 4] {
        CARD_STATUSES
    }

    fn cards_in(&self, status: &str) -> Vec<&Card> {
        self.cards.iter().filter(|c| c.status == status).collect()
    }
}

pub async fn show_plc(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = plc_id(&id)?;
    policy::check(&state.db, session.user(), Permission::ViewPlc(id)).await?;
    let user = session.require_user()?;
    let plc = one(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let can_contribute = policy::check(&state.db, Some(user), Permission::ContributeToPlc(id)).await.is_ok();
    let (threads, meetings) = posts(&state.db, id).await?;
    let page = PlcPage {
        layout: ctx.layout(plc.name.clone(), "library"),
        members: members(&state.db, id).await?,
        lessons: shared_lessons(&state.db, id, &LessonViewer::of(user)).await?,
        threads,
        meetings,
        cards: cards(&state.db, id).await?,
        picks: if can_contribute { super::store::lessons_to_share(&state.db, user.id).await? } else { Vec::new() },
        can_contribute,
        can_lead: policy::check(&state.db, Some(user), Permission::LeadPlc(id)).await.is_ok(),
        csrf: session.csrf_token().to_string(),
        today: OffsetDateTime::now_utc().date().to_string(),
        plc,
    };
    Ok(session.attach(render(&page)?))
}

pub async fn add_plc_member(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (_, id) = acting_on(&state, &session, &id, Permission::LeadPlc, &form).await?;
    let plc = one(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let email = form.get("email").trim().to_lowercase();
    let (found, _) = staff_by_email(&state.db, plc.district_id, std::slice::from_ref(&email)).await?;
    let Some(member) = found.first() else {
        return Err(AppError::bad_request(
            "email",
            "error-field-plc-member",
            "write the email a staff member of this district signs in with",
        ));
    };
    add_member(&state.db, id, *member, OffsetDateTime::now_utc()).await?;
    Ok(to_plc(id, "members-heading"))
}

pub async fn share_plc_lesson(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, id) = acting_on(&state, &session, &id, Permission::ContributeToPlc, &form).await?;
    // A lesson's address or its id: the id is the last part of the address.
    let typed = form.get("lesson").trim().trim_end_matches('/');
    let bad =
        || AppError::bad_request("lesson", "error-field-plc-lesson", "choose a lesson of the library you can see");
    let lesson: LessonId = typed.rsplit('/').next().and_then(|id| id.parse().ok()).ok_or_else(bad)?;
    if policy::check(&state.db, Some(user), Permission::ViewLesson(lesson)).await.is_err() {
        return Err(bad());
    }
    share_lesson(&state.db, id, lesson, user.id, OffsetDateTime::now_utc()).await?;
    Ok(to_plc(id, "lessons-heading"))
}

pub async fn add_plc_post(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, id) = acting_on(&state, &session, &id, Permission::ContributeToPlc, &form).await?;
    let title = text(&form, "title", MAX_TITLE, true, "error-field-plc-title")?;
    let body = text(&form, "body", MAX_BODY, true, "error-field-plc-body")?;
    let (post, anchor) = match form.get("kind") {
        "meeting" => {
            let met_on =
                Date::parse(form.get("met_on").trim(), time::macros::format_description!("[year]-[month]-[day]"))
                    .ok()
                    .filter(|d| *d <= OffsetDateTime::now_utc().date())
                    .ok_or_else(|| {
                        AppError::bad_request(
                            "met_on",
                            "error-field-plc-met-on",
                            "give the day you met, today or before",
                        )
                    })?;
            (NewPost::Meeting { title, body, met_on }, "meetings-heading")
        }
        _ => (NewPost::Thread { title, body }, "discussions-heading"),
    };
    add_post(&state.db, id, user.id, &post, OffsetDateTime::now_utc()).await?;
    Ok(to_plc(id, anchor))
}

pub async fn reply_to_plc_post(
    State(state): State<AppState>,
    session: SessionCtx,
    Path((id, post)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, id) = acting_on(&state, &session, &id, Permission::ContributeToPlc, &form).await?;
    let thread: PlcPostId = post.parse().map_err(|_| AppError::NotFound)?;
    if !is_thread(&state.db, id, thread).await? {
        return Err(AppError::NotFound);
    }
    let body = text(&form, "body", MAX_BODY, true, "error-field-plc-body")?;
    add_post(&state.db, id, user.id, &NewPost::Reply { thread, body }, OffsetDateTime::now_utc()).await?;
    Ok(to_plc(id, "discussions-heading"))
}

pub async fn add_plc_card(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, id) = acting_on(&state, &session, &id, Permission::ContributeToPlc, &form).await?;
    let title = text(&form, "title", MAX_TITLE, true, "error-field-plc-title")?;
    let subjects = text(&form, "subjects", MAX_TITLE, false, "error-field-plc-subjects")?;
    add_card(&state.db, id, user.id, (&title, &subjects), OffsetDateTime::now_utc()).await?;
    Ok(to_plc(id, "board-heading"))
}

pub async fn move_plc_card(
    State(state): State<AppState>,
    session: SessionCtx,
    Path((id, card)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (_, id) = acting_on(&state, &session, &id, Permission::ContributeToPlc, &form).await?;
    let card: PlcCardId = card.parse().map_err(|_| AppError::NotFound)?;
    let status = form.get("status");
    if !CARD_STATUSES.contains(&status) {
        return Err(AppError::bad_request(
            "status",
            "error-field-plc-status",
            "choose idea, planning, teaching or done",
        ));
    }
    if !move_card(&state.db, id, card, status, OffsetDateTime::now_utc()).await? {
        return Err(AppError::NotFound);
    }
    Ok(to_plc(id, "board-heading"))
}
