//! The plan as a printable PDF, in the reader's language: the same content as the JSON
//! export ([`PlanFile`]), laid out for a meeting or a folder.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::portable::{PlanFile, read_whole};
use super::tags::{Choice, Choices};
use crate::app::AppState;
use crate::audit::Action;
use crate::auth::SessionCtx;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::pdf::Document;
use crate::web::{PageCtx, attachment};

fn named(choices: &[Choice], ids: &[String]) -> String {
    Choices::named(choices, ids).into_iter().map(|c| c.name).collect::<Vec<_>>().join("; ")
}

/// "Kind · organization · 2026-09-01 – 2026-12-01 · 40 hours", leaving out what is not known.
fn joined(parts: &[Option<String>]) -> String {
    parts.iter().flatten().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(" · ")
}

/// The PDF of `file`, in `lang`.
pub fn document(file: &PlanFile, lang: Lang, choices: &Choices) -> Vec<u8> {
    let t = |key: &str| lang.t(key);
    let t_of = |prefix: &str, id: &str, suffix: &str| lang.t(&format!("{prefix}-{id}-{suffix}"));
    let name = file.student.as_ref().map(|s| format!("{} {}", s.given_name, s.family_name)).unwrap_or_default();
    let title = lang.t_args("plan-title", &[("name", name.as_str().into())]);
    let mut doc = Document::new(&title, lang.code());
    doc.title(&title);
    if let Some(student) = &file.student {
        let grade = student.grade.map(|g| lang.t_args("grade-n", &[("grade", (g as f64).into())]));
        doc.detail(&joined(&[student.school.clone(), grade]));
    }
    doc.detail(&lang.t_args("plan-pdf-as-of", &[("date", file.exported_at.get(..10).unwrap_or_default().into())]));

    doc.heading(&t("plan-interests"));
    if file.interests.is_empty() {
        doc.paragraph(&t("plan-interests-none-other"));
    }
    for interest in &file.interests {
        let kind = t_of("plan-kind", &interest.kind, "name");
        doc.bullet(&format!("{kind}: {}", interest.name.clone().unwrap_or_else(|| interest.code.clone())));
    }

    doc.heading(&t("plan-goals"));
    if file.goals.is_empty() {
        doc.paragraph(&t("plan-goals-none"));
    }
    for goal in &file.goals {
        doc.subheading(&goal.title);
        let by = goal.target_date.as_ref().map(|d| format!("{} {d}", t("plan-goal-by")));
        doc.detail(&joined(&[
            Some(t_of("goal-kind", &goal.kind, "name")),
            Some(t_of("goal-status", &goal.status, "name")),
            by,
        ]));
        doc.paragraph(&goal.benchmark);
    }

    doc.heading(&t("plan-courses"));
    if file.courses.is_empty() {
        doc.paragraph(&t("plan-courses-none"));
    }
    for grade in crate::plans::courses::GRADES {
        let courses: Vec<_> = file.courses.iter().filter(|c| c.grade == grade).collect();
        if courses.is_empty() {
            continue;
        }
        doc.subheading(&lang.t_args("grade-n", &[("grade", (grade as f64).into())]));
        for course in courses {
            let credits = course.credits.map(|c| {
                let text = crate::plans::graduation::credits_in(lang, (c * 100.0).round() as i64);
                lang.t_args("plan-course-credits-n", &[("credits", text.into())])
            });
            let area = course.area.as_ref().map(|a| t_of("area", a, "name"));
            let status = Some(t_of("course-status", &course.status, "name"));
            doc.bullet(&format!("{} — {}", course.title, joined(&[area, credits, status])));
        }
    }

    doc.heading(&t("plan-activities"));
    if file.activities.is_empty() {
        doc.paragraph(&t("plan-activities-none"));
    }
    for activity in &file.activities {
        doc.subheading(&activity.title);
        let dates = activity.started_on.as_ref().map(|s| match &activity.ended_on {
            Some(end) => format!("{s} – {end}"),
            None => s.clone(),
        });
        let hours = activity.hours.map(|h| {
            lang.t_args("plan-activity-hours-n", &[("count", (h as f64).into()), ("shown", lang.int(h).into())])
        });
        let kind = Some(t_of("activity-kind", &activity.kind, "name"));
        doc.detail(&joined(&[kind, Some(activity.organization.clone()), dates, hours]));
        if !activity.description.is_empty() {
            doc.paragraph(&activity.description);
        }
        let tags = joined(&[
            Some(named(&choices.clusters, &activity.clusters)),
            Some(named(&choices.practices, &activity.practices)),
        ]);
        if !tags.is_empty() {
            doc.detail(&tags);
        }
    }

    doc.heading(&t("plan-practices"));
    for practice in &choices.practices {
        let evidence = file.activities.iter().filter(|a| a.practices.contains(&practice.id)).map(|a| a.title.clone());
        let reflected = file.reflections.iter().filter(|r| r.practices.contains(&practice.id)).count();
        let mut items: Vec<String> = evidence.collect();
        if reflected > 0 {
            items.push(t("plan-reflections"));
        }
        let shown = if items.is_empty() { t("plan-practice-no-evidence") } else { items.join("; ") };
        doc.bullet(&format!("{} — {shown}", practice.name));
    }

    if !file.reflections.is_empty() {
        doc.heading(&t("plan-reflections"));
        for reflection in &file.reflections {
            doc.subheading(&t_of("reflection-prompt", &reflection.prompt, "text"));
            if let Some(at) = &reflection.written_at {
                doc.detail(at.get(..10).unwrap_or_default());
            }
            doc.paragraph(&reflection.body);
        }
    }

    doc.heading(&t("plan-postsecondary"));
    let path = file.postsecondary.as_ref().map_or("undecided", |p| p.path.as_str());
    doc.subheading(&t_of("postsecondary-path", path, "name"));
    if let Some(plan) = file.postsecondary.as_ref().filter(|p| !p.details.is_empty()) {
        doc.paragraph(&plan.details);
    }

    doc.heading(&t("plan-signoffs-short"));
    if file.signoffs.is_empty() {
        doc.paragraph(&t("plan-signoffs-none-ever"));
    }
    for signoff in &file.signoffs {
        let role = t_of("plan-signer", &signoff.role, "name");
        doc.bullet(&format!("{} · {role} · {}", signoff.school_year, signoff.signed_at.get(..10).unwrap_or_default()));
    }
    doc.finish()
}

/// The plan as a PDF download.
pub async fn print_plan(
    State(state): State<AppState>,
    ctx: PageCtx,
    session: SessionCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (student, file) = read_whole(&state, &ctx, &session, &id, Action::Export, "plan/export.pdf").await?;
    let choices = Choices::load(&state.catalog, ctx.lang).await?;
    let bytes = document(&file, ctx.lang, &choices);
    let headers = attachment("application/pdf", &student.file_name("plan", "pdf"));
    Ok(session.attach((headers, bytes).into_response()))
}
