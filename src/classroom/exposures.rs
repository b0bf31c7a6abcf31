//! Exposures as a student's plan shows them: "You explored Judicial Systems in English 10".

use time::Date;

use super::store;
use crate::catalog::CatalogStore;
use crate::catalog::names::{self, Kind};
use crate::db::Db;
use crate::i18n::Lang;
use crate::ids::UserId;

/// One lesson a student met in class.
pub struct ExposureView {
    /// "You explored Judicial Systems in English 10" (or "Explored …" for other readers).
    pub text: String,
    pub lesson_title: String,
    pub occurred_on: Date,
}

/// The exposures of `student`, newest first, worded for the student themself or another.
pub async fn for_plan(
    db: &Db,
    catalog: &CatalogStore,
    lang: Lang,
    student: UserId,
    is_self: bool,
) -> Result<Vec<ExposureView>, sqlx::Error> {
    let exposures = store::exposures_of_student(db, student).await?;
    if exposures.is_empty() {
        return Ok(Vec::new());
    }
    let subclusters = catalog.subclusters(None).await?;
    let clusters = catalog.clusters().await?;
    let key = if is_self { "plan-exposure-self" } else { "plan-exposure-other" };
    Ok(exposures
        .into_iter()
        .map(|e| {
            let named: Vec<String> = subclusters
                .iter()
                .filter(|s| e.tags.subclusters.contains(&s.id))
                .map(|s| names::name(lang, Kind::Subcluster, &s.id, &s.name))
                .collect();
            let careers: Vec<String> = if named.is_empty() {
                clusters
                    .iter()
                    .filter(|c| e.tags.clusters.contains(&c.id))
                    .map(|c| names::name(lang, Kind::Cluster, &c.id, &c.name))
                    .collect()
            } else {
                named
            };
            let careers = if careers.is_empty() { e.lesson_title.clone() } else { lang.list(&careers) };
            let text = lang.t_args(key, &[("careers", careers.into()), ("course", e.course_title.as_str().into())]);
            ExposureView { text, lesson_title: e.lesson_title, occurred_on: e.occurred_on }
        })
        .collect())
}
