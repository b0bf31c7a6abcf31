//! Work-based learning as a student's plan shows it: placements with their approved hours,
//! and supervisors' ratings of 3 or 4 as evidence of the Career Ready Practices.

use super::store;
use crate::db::Db;
use crate::i18n::{Arg, Lang};
use crate::ids::{ApplicationId, UserId};

/// A rating from which a practice counts as shown.
const EVIDENT_RATING: i64 = 3;

pub struct PlacementView {
    pub id: ApplicationId,
    pub title: String,
    pub organization: String,
    pub kind: String,
    pub status: String,
    pub dates: String,
    /// Approved hours, formatted.
    pub hours: String,
}

/// Evidence of a practice: its id and the words naming it on the plan.
pub struct Evidence {
    pub practice_id: String,
    pub text: String,
}

pub async fn for_plan(
    db: &Db,
    lang: Lang,
    student: UserId,
) -> Result<(Vec<PlacementView>, Vec<Evidence>), sqlx::Error> {
    let placements = store::placements_of_student(db, student).await?;
    if placements.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let ids: Vec<ApplicationId> = placements.iter().map(|p| p.id).collect();
    let evaluations = store::evaluations(db, &ids).await?;
    let mut evidence = Vec::new();
    for (application, evaluation) in &evaluations {
        let Some(placement) = placements.iter().find(|p| p.id == *application) else { continue };
        for (practice, rating) in evaluation.ratings.iter().filter(|(_, r)| *r >= EVIDENT_RATING) {
            let text = lang.t_args(
                "plan-evaluation-evidence",
                &[
                    ("rating", Arg::Num(*rating as f64)),
                    ("organization", placement.organization_name.as_str().into()),
                    ("title", placement.title.as_str().into()),
                ],
            );
            evidence.push(Evidence { practice_id: practice.clone(), text });
        }
    }
    let views = placements
        .into_iter()
        .map(|p| PlacementView {
            id: p.id,
            dates: format!("{} – {}", p.starts_on, p.ends_on),
            hours: super::hours::in_hours(lang, p.approved_minutes),
            title: p.title,
            organization: p.organization_name,
            kind: p.kind,
            status: p.status,
        })
        .collect();
    Ok((views, evidence))
}
