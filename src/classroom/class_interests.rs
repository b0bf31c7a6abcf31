//! What a class is curious about: how many of its students chose each cluster (directly or
//! through a sub-cluster) as a career interest on their plan, for the teacher choosing
//! lessons; and each student's interests where the policy lets the reader see the student.

use std::collections::{BTreeSet, HashMap};

use crate::auth::policy::{self, Permission};
use crate::catalog::CatalogStore;
use crate::catalog::names::{self, Kind};
use crate::db::Db;
use crate::i18n::Lang;
use crate::ids::{ClassId, UserId};
use crate::orgs::model::User;
use crate::with_pool;

/// One cluster and how many students of the class chose it.
pub struct ClusterCount {
    pub id: String,
    pub name: String,
    pub students: usize,
}

pub struct ClassInterests {
    /// Most chosen first; clusters nobody chose are left out.
    pub clusters: Vec<ClusterCount>,
    /// Students who chose no cluster or sub-cluster yet.
    pub undecided: usize,
    /// Each student's interests, named, for the students the reader may see.
    pub per_student: HashMap<UserId, Vec<String>>,
}

/// The interests of the students enrolled in `class`, read by `reader`.
pub async fn of_class(
    db: &Db,
    catalog: &CatalogStore,
    lang: Lang,
    class: ClassId,
    (reader, roster): (&User, &[UserId]),
) -> Result<ClassInterests, sqlx::Error> {
    const SQL: &str = "SELECT i.student_id, i.kind, i.ref FROM plan_interests i
         JOIN enrollments e ON e.user_id = i.student_id AND e.class_id = $1 AND e.role = 'student'
         WHERE i.kind IN ('cluster', 'subcluster') ORDER BY i.added_at";
    let rows: Vec<(UserId, String, String)> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(class).fetch_all(pool).await)?;
    let subclusters = catalog.subclusters(None).await?;
    let clusters = catalog.clusters().await?;
    let mut chosen: HashMap<UserId, BTreeSet<String>> = HashMap::new();
    let mut named: HashMap<UserId, Vec<String>> = HashMap::new();
    for (student, kind, reference) in rows.into_iter().filter(|(s, _, _)| roster.contains(s)) {
        let (cluster, name) = if kind == "cluster" {
            let Some(c) = clusters.iter().find(|c| c.id == reference) else { continue };
            (c.id.clone(), names::name(lang, Kind::Cluster, &c.id, &c.name))
        } else {
            let Some(s) = subclusters.iter().find(|s| s.id == reference) else { continue };
            (s.cluster_id.clone(), names::name(lang, Kind::Subcluster, &s.id, &s.name))
        };
        chosen.entry(student).or_default().insert(cluster);
        named.entry(student).or_default().push(name);
    }
    let mut counts: Vec<ClusterCount> = clusters
        .iter()
        .map(|c| ClusterCount {
            students: chosen.values().filter(|set| set.contains(&c.id)).count(),
            name: names::name(lang, Kind::Cluster, &c.id, &c.name),
            id: c.id.clone(),
        })
        .filter(|c| c.students > 0)
        .collect();
    counts.sort_by(|a, b| b.students.cmp(&a.students).then_with(|| a.name.cmp(&b.name)));
    let mut per_student = HashMap::new();
    for (student, names) in named {
        if policy::check(db, Some(reader), Permission::ViewStudent(student)).await.is_ok() {
            per_student.insert(student, names);
        }
    }
    Ok(ClassInterests { clusters: counts, undecided: roster.len().saturating_sub(chosen.len()), per_student })
}
