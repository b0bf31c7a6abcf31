//! A simple resume built from the plan: career interests, work experience (jobs and
//! work-based learning), activities and service, the Career Ready Practices the plan gives
//! evidence of, and goals met. A page made for printing; the student shares it with
//! employers and programs.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::activities::WORK_BASED;
use super::portable::{ActivityPart, PlanFile, read_whole};
use super::tags::Choices;
use crate::app::AppState;
use crate::audit::Action;
use crate::auth::SessionCtx;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::UserId;
use crate::orgs::store::StudentRecord;
use crate::web::{Layout, PageCtx, render};

/// An entry of the resume's experience or activities.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    pub title: String,
    pub kind: String,
    pub organization: String,
    /// "2026-09-01 – 2026-12-01", or the start alone.
    pub dates: String,
    pub hours: Option<i64>,
    pub description: String,
}

impl Entry {
    fn of(part: &ActivityPart) -> Self {
        let dates = match (&part.started_on, &part.ended_on) {
            (Some(start), Some(end)) => format!("{start} – {end}"),
            (Some(start), None) => start.clone(),
            _ => String::new(),
        };
        Entry {
            title: part.title.clone(),
            kind: part.kind.clone(),
            organization: part.organization.clone(),
            dates,
            hours: part.hours,
            description: part.description.clone(),
        }
    }
}

/// What a resume says: also kept, as the student sent it, with an application to a partner.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Resume {
    pub name: String,
    pub school: Option<String>,
    pub grade: Option<i64>,
    pub interests: Vec<String>,
    pub experience: Vec<Entry>,
    pub activities: Vec<Entry>,
    /// The practices with evidence, by name.
    pub practices: Vec<String>,
    pub goals_met: Vec<String>,
}

impl Resume {
    /// The resume of `student` from their whole plan, in `lang`.
    pub async fn of(state: &AppState, lang: Lang, student: &StudentRecord) -> Result<Resume, AppError> {
        let file = super::portable::export(state, lang, student).await?;
        let choices = Choices::load(&state.catalog, lang).await?;
        Ok(Resume::from_plan(student, &file, &choices))
    }

    fn from_plan(student: &StudentRecord, file: &PlanFile, choices: &Choices) -> Resume {
        let (experience, activities): (Vec<&ActivityPart>, Vec<&ActivityPart>) =
            file.activities.iter().partition(|a| a.kind == "job" || WORK_BASED.contains(&a.kind.as_str()));
        let shown = |id: &String| {
            file.activities.iter().any(|a| a.practices.contains(id))
                || file.reflections.iter().any(|r| r.practices.contains(id))
        };
        Resume {
            name: format!("{} {}", student.given_name, student.family_name),
            school: student.school_name.clone(),
            grade: student.grade,
            interests: file.interests.iter().filter_map(|i| i.name.clone()).collect(),
            experience: experience.into_iter().map(Entry::of).collect(),
            activities: activities.into_iter().map(Entry::of).collect(),
            practices: choices.practices.iter().filter(|p| shown(&p.id)).map(|p| p.name.clone()).collect(),
            goals_met: file.goals.iter().filter(|g| g.status == "done").map(|g| g.title.clone()).collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "plans/resume.html")]
struct ResumePage {
    layout: Layout,
    student_id: UserId,
    resume: Resume,
}

pub async fn show_resume(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (student, file) = read_whole(&state, &ctx, &session, &id, Action::ViewStudent, "plan/resume").await?;
    let choices = Choices::load(&state.catalog, ctx.lang).await?;
    let resume = Resume::from_plan(&student, &file, &choices);
    let page = ResumePage {
        layout: ctx.layout(ctx.lang.t_args("resume-title", &[("name", resume.name.as_str().into())]), "home"),
        student_id: student.id,
        resume,
    };
    Ok(session.attach(render(&page)?))
}
