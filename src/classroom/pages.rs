//! The library's pages: search, suggestions for a unit, a lesson with its career
//! connections, the lesson editor, and the forms that fork, use, comment on, feature,
//! delete and record the teaching of a lesson.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;

use super::markdown;
use super::model::{self, ACTIVITY_TYPES, GRADES, KINDS, Lesson, LessonCard, LessonInput, LessonTags, VISIBILITIES};
use super::store::{self, Ancestor, Comment, LibraryFilter, Origin, TeacherClass, Teaching};
use super::suggest::{self, Suggestions};
use crate::app::AppState;
use crate::audit::{self, Action, Entry};
use crate::auth::SessionCtx;
use crate::auth::policy::{self, LessonViewer, Permission};
use crate::catalog::names::{self, Kind};
use crate::error::{AppError, FieldError};
use crate::i18n::Lang;
use crate::ids::{ClassId, DistrictId, LessonId};
use crate::orgs::model::{Role, User};
use crate::plans::tags::{Choice, Choices};
use crate::web::{FormFields, Layout, PageCtx, Pager, render};

const PER_PAGE: i64 = 20;
/// Lessons shown beside the suggestions for a unit.
const SUGGESTED_LESSONS: i64 = 6;

fn lesson_id(text: &str) -> Result<LessonId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

/// The signed-in staff member, after the policy's check for the library.
async fn librarian<'a>(state: &AppState, session: &'a SessionCtx) -> Result<&'a User, AppError> {
    policy::check(&state.db, session.user(), Permission::UseLibrary).await?;
    session.require_user()
}

/// A lesson `permission` allows, with the person asking (and their form's CSRF token
/// checked when `csrf` is given).
async fn lesson_for<'a>(
    state: &AppState,
    session: &'a SessionCtx,
    id: &str,
    permission: fn(LessonId) -> Permission,
    csrf: Option<&str>,
) -> Result<(&'a User, Lesson), AppError> {
    let id = lesson_id(id)?;
    policy::check(&state.db, session.user(), Permission::UseLibrary).await?;
    let lesson = store::one(&state.db, id).await?.ok_or(AppError::NotFound)?;
    policy::check(&state.db, session.user(), permission(id)).await?;
    if let Some(token) = csrf {
        session.verify_csrf(token)?;
    }
    if lesson.deleted_at.is_some() {
        return Err(AppError::Gone);
    }
    Ok((session.require_user()?, lesson))
}

fn to_lesson(id: LessonId, notice: Option<(&str, u64)>) -> Response {
    let query = notice.map(|(what, n)| format!("?done={what}&n={n}")).unwrap_or_default();
    Redirect::to(&format!("/classroom/lessons/{id}{query}")).into_response()
}

/// Tag names in the reader's language.
struct TagNames {
    clusters: Vec<Choice>,
    subclusters: Vec<Choice>,
    occupations: Vec<Choice>,
    practices: Vec<Choice>,
}

/// A cluster and its sub-clusters, each with whether it is chosen, for the editor.
struct ClusterTags {
    id: String,
    name: String,
    chosen: bool,
    open: bool,
    subclusters: Vec<(Choice, bool)>,
}

/// Everything one can tag a lesson with, named in one language.
struct Vocabulary {
    clusters: Vec<Choice>,
    subclusters: Vec<(String, Choice)>,
    practices: Vec<Choice>,
}

impl Vocabulary {
    async fn load(state: &AppState, lang: Lang) -> Result<Self, AppError> {
        let choices = Choices::load(&state.catalog, lang).await?;
        let subclusters = state
            .catalog
            .subclusters(None)
            .await?
            .into_iter()
            .map(|s| (s.cluster_id, Choice { name: names::name(lang, Kind::Subcluster, &s.id, &s.name), id: s.id }))
            .collect();
        Ok(Vocabulary { clusters: choices.clusters, subclusters, practices: choices.practices })
    }

    async fn names(&self, state: &AppState, tags: &LessonTags) -> Result<TagNames, AppError> {
        let subclusters: Vec<Choice> = self.subclusters.iter().map(|(_, c)| c.clone()).collect();
        let mut occupations = Vec::new();
        for code in &tags.occupations {
            if let Some(o) = state.catalog.occupation(code).await? {
                occupations.push(Choice { id: o.code, name: o.title });
            }
        }
        Ok(TagNames {
            clusters: Choices::named(&self.clusters, &tags.clusters),
            subclusters: Choices::named(&subclusters, &tags.subclusters),
            occupations,
            practices: Choices::named(&self.practices, &tags.practices),
        })
    }

    fn cluster_tags(&self, tags: &LessonTags) -> Vec<ClusterTags> {
        self.clusters
            .iter()
            .map(|c| {
                let subclusters: Vec<(Choice, bool)> = self
                    .subclusters
                    .iter()
                    .filter(|(cluster, _)| *cluster == c.id)
                    .map(|(_, s)| (s.clone(), tags.subclusters.contains(&s.id)))
                    .collect();
                // A cluster tagged through its sub-clusters is not a "whole cluster" choice.
                let chosen = tags.clusters.contains(&c.id) && !subclusters.iter().any(|(_, on)| *on);
                ClusterTags {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    chosen,
                    open: chosen || subclusters.iter().any(|(_, on)| *on),
                    subclusters,
                }
            })
            .collect()
    }

    /// Checks that every tag names something of the framework, and adds the clusters of the
    /// chosen sub-clusters (a lesson on Judicial Systems is found under Public Service).
    async fn check(&self, state: &AppState, tags: &mut LessonTags) -> Result<(), AppError> {
        let unknown = |field: &str, id: &str| {
            AppError::bad_request(
                field,
                "error-field-lesson-tag",
                format!("{id:?} is not in the framework; choose tags from the lists"),
            )
        };
        if let Some(id) = tags.clusters.iter().find(|id| !self.clusters.iter().any(|c| &c.id == *id)) {
            return Err(unknown("cluster", id));
        }
        if let Some(id) = tags.practices.iter().find(|id| !self.practices.iter().any(|c| &c.id == *id)) {
            return Err(unknown("practice", id));
        }
        for id in &tags.subclusters {
            let (cluster, _) =
                self.subclusters.iter().find(|(_, s)| &s.id == id).ok_or_else(|| unknown("subcluster", id))?;
            tags.clusters.push(cluster.clone());
        }
        tags.clusters.sort();
        tags.clusters.dedup();
        for code in &tags.occupations {
            if state.catalog.occupation(code).await?.is_none() {
                return Err(AppError::bad_request(
                    "occupations",
                    "error-field-lesson-occupation",
                    format!("{code:?} is not an O*NET-SOC code of the catalog; write codes like 23-1011.00"),
                ));
            }
        }
        Ok(())
    }
}

#[derive(Template)]
#[template(path = "classroom/library.html")]
struct LibraryPage {
    layout: Layout,
    filter: LibraryFilter,
    grade_text: String,
    kind_text: String,
    clusters: Vec<Choice>,
    featured: Vec<LessonCard>,
    lessons: Vec<LessonCard>,
    pager: Pager,
    total: i64,
    searching: bool,
    grades: Vec<i64>,
}

/// The library: lessons and practices the reader sees, searchable by text, subject,
/// grade, cluster and kind; the district's featured ones first.
pub async fn show_library(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let user = librarian(&state, &session).await?;
    let fields = FormFields::from_query(query);
    let vocabulary = Vocabulary::load(&state, ctx.lang).await?;
    let grade_text = fields.get("grade").trim().to_string();
    let grade = match grade_text.as_str() {
        "" => None,
        text => Some(text.parse::<i64>().ok().filter(|g| GRADES.contains(g)).ok_or_else(|| {
            AppError::bad_request("grade", "error-field-lesson-grades", "choose a grade from 6 to 12")
        })?),
    };
    let kind_text = fields.get("kind").trim().to_string();
    let cluster =
        Some(fields.get("cluster").trim().to_string()).filter(|c| vocabulary.clusters.iter().any(|v| &v.id == c));
    let filter = LibraryFilter {
        text: fields.get("q").trim().to_string(),
        kind: KINDS.contains(&kind_text.as_str()).then(|| kind_text.clone()),
        subject: fields.get("subject").trim().to_string(),
        grade,
        cluster,
        subclusters: Vec::new(),
        featured_only: false,
    };
    let page = crate::web::parse_page(Some(fields.get("page")))?;
    let (lessons, total) =
        store::search(&state.db, &LessonViewer::of(user), &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let searching = !filter.text.is_empty()
        || filter.kind.is_some()
        || !filter.subject.is_empty()
        || filter.grade.is_some()
        || filter.cluster.is_some();
    let featured = if searching || page > 1 {
        Vec::new()
    } else {
        store::search(
            &state.db,
            &LessonViewer::of(user),
            &LibraryFilter { featured_only: true, ..LibraryFilter::default() },
            6,
            0,
        )
        .await?
        .0
    };
    let kept = fields_without_page(&fields);
    let pager = Pager::new(page, PER_PAGE, total, "/classroom", &kept);
    let page = LibraryPage {
        layout: ctx.layout(ctx.t("library-title"), "library"),
        filter,
        grade_text,
        kind_text,
        clusters: vocabulary.clusters,
        featured,
        lessons,
        pager,
        total,
        searching,
        grades: GRADES.collect(),
    };
    Ok(session.attach(render(&page)?))
}

fn fields_without_page(fields: &FormFields) -> Vec<(&'static str, String)> {
    ["q", "kind", "subject", "grade", "cluster"].iter().map(|k| (*k, fields.get(k).to_string())).collect()
}

#[derive(Template)]
#[template(path = "classroom/suggest.html")]
struct SuggestPage {
    layout: Layout,
    subject: String,
    topic: String,
    suggestions: Option<Suggestions>,
    lessons: Vec<LessonCard>,
    /// The editor, prefilled with the subject, topic and best tags.
    start_href: String,
}

/// Suggestions for a unit: the careers a subject and topic open, and lessons of the
/// library that teach them.
pub async fn show_suggestions(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let user = librarian(&state, &session).await?;
    let fields = FormFields::from_query(query);
    let subject = fields.get("subject").trim().chars().take(100).collect::<String>();
    let topic = fields.get("topic").trim().chars().take(200).collect::<String>();
    let (suggestions, lessons, start_href) = if subject.is_empty() && topic.is_empty() {
        (None, Vec::new(), String::new())
    } else {
        let index = state.explore.get().await.ok_or(AppError::ExploreNotReady)?;
        let found = suggest::suggest(&index, &subject, &topic, ctx.lang);
        let lessons = suggested_lessons(&state, user, &found).await?;
        let mut pairs = vec![("subject".to_string(), subject.clone()), ("title".to_string(), topic.clone())];
        pairs.extend(found.subcluster_ids(2).into_iter().map(|s| ("subcluster".to_string(), s)));
        pairs.extend(found.occupations.iter().take(2).map(|o| ("occupation".to_string(), o.id.clone())));
        let href = format!("/classroom/lessons/new?{}", serde_urlencoded::to_string(&pairs).unwrap_or_default());
        (Some(found), lessons, href)
    };
    let page = SuggestPage {
        layout: ctx.layout(ctx.t("suggest-title"), "library"),
        subject,
        topic,
        suggestions,
        lessons,
        start_href,
    };
    Ok(session.attach(render(&page)?))
}

/// Lessons the reader sees that name the topic, then those tagged with the best
/// sub-clusters.
async fn suggested_lessons(state: &AppState, user: &User, found: &Suggestions) -> Result<Vec<LessonCard>, AppError> {
    let mut lessons = Vec::new();
    if !found.topic.is_empty() {
        let by_text = LibraryFilter { text: found.topic.clone(), ..LibraryFilter::default() };
        lessons = store::search(&state.db, &LessonViewer::of(user), &by_text, SUGGESTED_LESSONS, 0).await?.0;
    }
    let best = found.subcluster_ids(3);
    if !best.is_empty() {
        let by_tags = LibraryFilter { subclusters: best, ..LibraryFilter::default() };
        for card in store::search(&state.db, &LessonViewer::of(user), &by_tags, SUGGESTED_LESSONS, 0).await?.0 {
            if !lessons.iter().any(|l| l.id == card.id) {
                lessons.push(card);
            }
        }
    }
    lessons.truncate(SUGGESTED_LESSONS as usize);
    Ok(lessons)
}

#[derive(Template)]
#[template(path = "classroom/lesson.html")]
struct LessonPage {
    layout: Layout,
    lesson: Lesson,
    body_html: String,
    tags: TagNames,
    chain: Vec<Ancestor>,
    comments: Vec<Comment>,
    teachings: Vec<Teaching>,
    classes: Vec<TeacherClass>,
    csrf: String,
    can_edit: bool,
    can_feature: bool,
    used: bool,
    today: String,
    notice: Option<String>,
}

pub async fn show_lesson(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let (user, lesson) = lesson_for(&state, &session, &id, Permission::ViewLesson, None).await?;
    let vocabulary = Vocabulary::load(&state, ctx.lang).await?;
    let fields = FormFields::from_query(query);
    let notice = match fields.get("done") {
        "taught" => Some(
            ctx.lang.t_args("lesson-taught-notice", &[("count", fields.get("n").parse::<i64>().unwrap_or(0).into())]),
        ),
        "forked" => Some(ctx.t("lesson-forked-notice")),
        "saved" => Some(ctx.t("lesson-saved-notice")),
        _ => None,
    };
    let can_edit = lesson.is_author(user.id);
    let can_feature = policy::check(&state.db, Some(user), Permission::FeatureLesson(lesson.id)).await.is_ok();
    let classes =
        if user.role == Role::Teacher { store::classes_of_teacher(&state.db, user.id).await? } else { Vec::new() };
    let page = LessonPage {
        layout: ctx.layout(lesson.title.clone(), "library"),
        body_html: markdown::render(&lesson.body),
        tags: vocabulary.names(&state, &lesson.tags).await?,
        chain: store::attribution(&state.db, &lesson).await?,
        comments: store::comments(&state.db, lesson.id).await?,
        teachings: store::teachings(&state.db, lesson.id, user.district_id).await?,
        classes,
        csrf: session.csrf_token().to_string(),
        can_edit,
        can_feature,
        used: store::has_used(&state.db, lesson.id, user.id).await?,
        today: OffsetDateTime::now_utc().date().to_string(),
        notice,
        lesson,
    };
    Ok(session.attach(render(&page)?))
}

#[derive(Template)]
#[template(path = "classroom/lesson_form.html")]
struct LessonFormPage {
    layout: Layout,
    /// Where the form posts.
    action: String,
    csrf: String,
    version: Option<i64>,
    input: LessonInput,
    coauthors: String,
    clusters: Vec<ClusterTags>,
    practices: Vec<(Choice, bool)>,
    errors: Vec<FieldError>,
    conflict: bool,
    grades: Vec<i64>,
}

impl LessonFormPage {
    fn kinds(&self) -> [&'static str; 2] {
        KINDS
    }
    fn activity_types(&self) -> [&'static str; 6] {
        ACTIVITY_TYPES
    }
    fn visibilities(&self) -> [&'static str; 4] {
        VISIBILITIES
    }
}

/// Values of an editor: what was typed (or the lesson's), and where it posts.
struct Editing {
    action: String,
    version: Option<i64>,
    input: LessonInput,
    errors: Vec<FieldError>,
    conflict: bool,
}

async fn lesson_form(
    state: &AppState,
    ctx: &PageCtx,
    session: &SessionCtx,
    editing: Editing,
    status: StatusCode,
) -> Result<Response, AppError> {
    let vocabulary = Vocabulary::load(state, ctx.lang).await?;
    let title_key = if editing.version.is_some() { "lesson-edit-title" } else { "lesson-new-title" };
    let practices =
        vocabulary.practices.iter().map(|p| (p.clone(), editing.input.tags.practices.contains(&p.id))).collect();
    let page = LessonFormPage {
        layout: ctx.layout(ctx.t(title_key), "library"),
        action: editing.action,
        csrf: session.csrf_token().to_string(),
        version: editing.version,
        coauthors: editing.input.coauthors.join(", "),
        clusters: vocabulary.cluster_tags(&editing.input.tags),
        practices,
        errors: editing.errors,
        conflict: editing.conflict,
        grades: GRADES.collect(),
        input: editing.input,
    };
    Ok(session.attach((status, render(&page)?).into_response()))
}

/// A blank lesson, or one started from suggestions (`subject`, `title`, `subcluster`,
/// `occupation`, `kind` in the query).
pub async fn new_lesson_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let user = librarian(&state, &session).await?;
    let fields = FormFields::from_query(query);
    let kind = if fields.get("kind") == "practice" || (user.role != Role::Teacher && fields.get("kind") != "lesson") {
        "practice"
    } else {
        "lesson"
    };
    let mut tags = LessonTags {
        subclusters: fields.all("subcluster"),
        occupations: fields.all("occupation"),
        ..LessonTags::default()
    };
    // Prefilled tags come from a link; keep only those the framework has.
    let vocabulary = Vocabulary::load(&state, ctx.lang).await?;
    tags.subclusters.retain(|id| vocabulary.subclusters.iter().any(|(_, s)| &s.id == id));
    tags.occupations.retain(|code| code.len() <= 10);
    let input = LessonInput {
        kind: kind.into(),
        title: fields.get("title").chars().take(200).collect(),
        subject: fields.get("subject").chars().take(100).collect(),
        grade_low: 9,
        grade_high: 12,
        summary: String::new(),
        body: String::new(),
        standards: String::new(),
        links: Vec::new(),
        activity_type: "project".into(),
        visibility: "district".into(),
        tags,
        coauthors: Vec::new(),
    };
    let editing =
        Editing { action: "/classroom/lessons".into(), version: None, input, errors: Vec::new(), conflict: false };
    lesson_form(&state, &ctx, &session, editing, StatusCode::OK).await
}

/// The input of a lesson form with its tags checked against the framework, and the ids of
/// its co-authors; or the errors to show beside what was typed.
async fn checked_input(
    state: &AppState,
    ctx: &PageCtx,
    (user, district): (&User, DistrictId),
    form: &FormFields,
) -> Result<Result<(LessonInput, Vec<crate::ids::UserId>), Vec<FieldError>>, AppError> {
    let mut input = match model::checked(form) {
        Ok(input) => input,
        Err(AppError::BadRequest(errors)) => return Ok(Err(errors)),
        Err(other) => return Err(other),
    };
    let vocabulary = Vocabulary::load(state, ctx.lang).await?;
    match vocabulary.check(state, &mut input.tags).await {
        Ok(()) => {}
        Err(AppError::BadRequest(errors)) => return Ok(Err(errors)),
        Err(other) => return Err(other),
    }
    let (coauthors, unknown) = store::staff_by_email(&state.db, district, &input.coauthors).await?;
    if let Some(email) = unknown.first() {
        return Ok(Err(vec![FieldError::new(
            "coauthors",
            "error-field-lesson-coauthors",
            format!("{email} is not a staff member of this district; write the email they sign in with"),
        )]));
    }
    Ok(Ok((input, coauthors.into_iter().filter(|id| *id != user.id).collect())))
}

/// Echo of a form that could not be saved, so nothing typed is lost.
fn typed(form: &FormFields) -> LessonInput {
    let number = |field: &str, default: i64| form.get(field).trim().parse().unwrap_or(default);
    LessonInput {
        kind: form.get("kind").into(),
        title: form.get("title").into(),
        subject: form.get("subject").into(),
        grade_low: number("grade_low", 6),
        grade_high: number("grade_high", 12),
        summary: form.get("summary").into(),
        body: form.get("body").into(),
        standards: form.get("standards").into(),
        links: form.get("links").split_whitespace().map(str::to_string).collect(),
        activity_type: form.get("activity_type").into(),
        visibility: form.get("visibility").into(),
        tags: LessonTags {
            clusters: form.all("cluster"),
            subclusters: form.all("subcluster"),
            occupations: model::items(&form.get("occupations").replace(' ', ",")),
            practices: form.all("practice"),
            case_items: form.get("case_items").split_whitespace().map(str::to_string).collect(),
        },
        coauthors: model::items(form.get("coauthors")),
    }
}

pub async fn create_lesson(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    form: FormFields,
) -> Result<Response, AppError> {
    let user = librarian(&state, &session).await?;
    session.verify_csrf(form.get("csrf"))?;
    // A lesson belongs to its author's district: an instance operator has none to add to.
    let district = user.district_id.ok_or(AppError::Denied)?;
    let (input, coauthors) = match checked_input(&state, &ctx, (user, district), &form).await? {
        Ok(checked) => checked,
        Err(errors) => {
            let action = "/classroom/lessons".to_string();
            let editing = Editing { action, version: None, input: typed(&form), errors, conflict: false };
            return lesson_form(&state, &ctx, &session, editing, StatusCode::BAD_REQUEST).await;
        }
    };
    let origin = Origin { district, school: user.school_id, author: user.id, forked_from: None };
    let id = store::insert(&state.db, &origin, &input, &coauthors, OffsetDateTime::now_utc()).await?;
    Ok(to_lesson(id, Some(("saved", 1))))
}

pub async fn edit_lesson_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (_, lesson) = lesson_for(&state, &session, &id, Permission::EditLesson, None).await?;
    let mut input = lesson.input();
    input.coauthors = store::coauthor_emails(&state.db, lesson.id).await?;
    let editing = Editing {
        action: format!("/classroom/lessons/{}", lesson.id),
        version: Some(lesson.version),
        input,
        errors: Vec::new(),
        conflict: false,
    };
    lesson_form(&state, &ctx, &session, editing, StatusCode::OK).await
}

/// Saves an edited lesson; when someone saved it since it was opened, shows the editor
/// again (409) with what this author typed, to merge by hand.
pub async fn update_lesson(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, lesson) = lesson_for(&state, &session, &id, Permission::EditLesson, Some(form.get("csrf"))).await?;
    let version = form.get("version").trim().parse::<i64>().map_err(|_| {
        AppError::bad_request("version", "error-field-lesson-version", "reload the lesson and make the change again")
    })?;
    let action = format!("/classroom/lessons/{}", lesson.id);
    let (input, coauthors) = match checked_input(&state, &ctx, (user, lesson.district_id), &form).await? {
        Ok(checked) => checked,
        Err(errors) => {
            let editing = Editing { action, version: Some(version), input: typed(&form), errors, conflict: false };
            return lesson_form(&state, &ctx, &session, editing, StatusCode::BAD_REQUEST).await;
        }
    };
    if !store::update(&state.db, lesson.id, version, &input, &coauthors, OffsetDateTime::now_utc()).await? {
        let editing = Editing { action, version: Some(lesson.version), input, errors: Vec::new(), conflict: true };
        return lesson_form(&state, &ctx, &session, editing, StatusCode::CONFLICT).await;
    }
    Ok(to_lesson(lesson.id, Some(("saved", 1))))
}

/// Makes a private copy of a lesson for the reader to adapt, crediting the original.
pub async fn fork_lesson(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, lesson) = lesson_for(&state, &session, &id, Permission::ViewLesson, Some(form.get("csrf"))).await?;
    let mut input = lesson.input();
    input.visibility = "private".into();
    let origin = Origin {
        district: user.district_id.ok_or(AppError::Denied)?,
        school: user.school_id,
        author: user.id,
        forked_from: Some(lesson.id),
    };
    let fork = store::insert(&state.db, &origin, &input, &[], OffsetDateTime::now_utc()).await?;
    Ok(Redirect::to(&format!("/classroom/lessons/{fork}/edit")).into_response())
}

pub async fn delete_lesson(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (_, lesson) = lesson_for(&state, &session, &id, Permission::EditLesson, Some(form.get("csrf"))).await?;
    store::delete(&state.db, lesson.id, OffsetDateTime::now_utc()).await?;
    Ok(Redirect::to("/classroom?done=deleted").into_response())
}

pub async fn add_lesson_comment(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, lesson) = lesson_for(&state, &session, &id, Permission::ViewLesson, Some(form.get("csrf"))).await?;
    let body = form.get("body").trim();
    if body.is_empty() || body.chars().count() > model::MAX_COMMENT {
        return Err(AppError::bad_request(
            "body",
            "error-field-lesson-comment",
            "write a comment of up to 2,000 characters",
        ));
    }
    store::add_comment(&state.db, lesson.id, user.id, body, OffsetDateTime::now_utc()).await?;
    Ok(to_lesson(lesson.id, None))
}

pub async fn mark_lesson_used(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, lesson) = lesson_for(&state, &session, &id, Permission::ViewLesson, Some(form.get("csrf"))).await?;
    store::mark_used(&state.db, lesson.id, user.id, OffsetDateTime::now_utc()).await?;
    Ok(to_lesson(lesson.id, None))
}

pub async fn feature_lesson(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (_, lesson) = lesson_for(&state, &session, &id, Permission::FeatureLesson, Some(form.get("csrf"))).await?;
    let featured = form.get("featured") == "true";
    store::set_featured(&state.db, lesson.id, featured, OffsetDateTime::now_utc()).await?;
    Ok(to_lesson(lesson.id, None))
}

/// Records that the lesson was taught to one of the teacher's classes: each enrolled
/// student gets an exposure to the careers it opens, shown on their plan.
pub async fn teach_lesson(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (user, lesson) = lesson_for(&state, &session, &id, Permission::ViewLesson, Some(form.get("csrf"))).await?;
    let class: ClassId = form.get("class").trim().parse().map_err(|_| {
        AppError::bad_request("class", "error-field-teach-class", "choose one of the classes you teach")
    })?;
    policy::check(&state.db, Some(user), Permission::TeachClass(class)).await?;
    let today = OffsetDateTime::now_utc();
    let day = model::taught_on(form.get("taught_on"), today.date())?;
    let reached = store::record_teaching(&state.db, lesson.id, class, user.id, day, today).await?;
    let resource = format!("/classes/{class}");
    let detail = format!("lesson taught; {reached} students given an exposure");
    let entry = Entry::by(user, Action::Change, &resource).from_ip(session.ip()).detail(&detail);
    audit::record(&state.db, &entry, today).await?;
    Ok(to_lesson(lesson.id, Some(("taught", reached))))
}
