//! Tags on activities and reflections: the clusters an item relates to and the Career Ready
//! Practices it gives evidence of. Ids are the framework's (`HS`, `cctc-2012/CRP4`), so a
//! plan keeps its meaning when it moves to another district.

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use crate::catalog::CatalogStore;
use crate::catalog::names::{self, Kind};
use crate::db::Db;
use crate::db::batch::Value;
use crate::i18n::Lang;
use crate::ids::UserId;
use crate::with_pool;

/// The practices students tag evidence with: the twelve of the Common Career Technical Core,
/// the complete set (the 2024 update is only partly published).
pub const PRACTICE_VERSION: &str = "cctc-2012";

/// The tags of one item, each list sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tags {
    pub clusters: Vec<String>,
    pub practices: Vec<String>,
}

impl Tags {
    pub fn new(mut clusters: Vec<String>, mut practices: Vec<String>) -> Self {
        clusters.sort();
        clusters.dedup();
        practices.sort();
        practices.dedup();
        Tags { clusters, practices }
    }

    pub fn has_cluster(&self, id: &str) -> bool {
        self.clusters.iter().any(|c| c == id)
    }

    pub fn has_practice(&self, id: &str) -> bool {
        self.practices.iter().any(|p| p == id)
    }

    pub fn rows(&self, item: Uuid, student: UserId) -> Vec<Vec<Value>> {
        let tag = |kind: &str, code: &String| {
            vec![Value::uuid(item), Value::uuid(student.uuid()), Value::text(kind), Value::text(code)]
        };
        let clusters = self.clusters.iter().map(|c| tag("cluster", c));
        clusters.chain(self.practices.iter().map(|p| tag("practice", p))).collect()
    }
}

pub const COLUMNS: &[&str] = &["item_id", "student_id", "kind", "ref"];

/// Writes `tags` of `item` in the caller's transaction, replacing the ones it had.
macro_rules! replace_tags {
    ($tx:expr, $item:expr, $student:expr, $tags:expr) => {{
        sqlx::query("DELETE FROM plan_tags WHERE item_id = $1").bind($item).execute(&mut *$tx).await?;
        let rows = $tags.rows($item, $student);
        $crate::db::batch::BulkInsert::insert_rows(
            &mut *$tx,
            "plan_tags",
            $crate::plans::tags::COLUMNS,
            &rows,
            "",
            &mut |_| (),
        )
        .await?;
    }};
}
pub(super) use replace_tags;

/// The tags of every item on `student`'s plan.
pub async fn of_student(db: &Db, student: UserId) -> Result<HashMap<Uuid, Tags>, sqlx::Error> {
    const SQL: &str = "SELECT item_id, kind, ref FROM plan_tags WHERE student_id = $1 ORDER BY ref";
    let rows: Vec<(Uuid, String, String)> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(student).fetch_all(pool).await)?;
    Ok(grouped(rows))
}

/// The tags of one item.
pub async fn of_item(db: &Db, item: Uuid) -> Result<Tags, sqlx::Error> {
    const SQL: &str = "SELECT item_id, kind, ref FROM plan_tags WHERE item_id = $1 ORDER BY ref";
    let rows: Vec<(Uuid, String, String)> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(item).fetch_all(pool).await)?;
    Ok(grouped(rows).remove(&item).unwrap_or_default())
}

/// Tag rows (item, kind, ref), sorted by ref, grouped by item.
fn grouped(rows: Vec<(Uuid, String, String)>) -> HashMap<Uuid, Tags> {
    let mut tags: HashMap<Uuid, Tags> = HashMap::new();
    for (item, kind, code) in rows {
        let entry = tags.entry(item).or_default();
        match kind.as_str() {
            "cluster" => entry.clusters.push(code),
            _ => entry.practices.push(code),
        }
    }
    tags
}

/// A tag to choose, or shown on an item: its id and its name in the reader's language.
#[derive(Clone, Debug)]
pub struct Choice {
    pub id: String,
    pub name: String,
}

/// Everything a student can tag with, named in `lang`.
pub struct Choices {
    pub clusters: Vec<Choice>,
    pub practices: Vec<Choice>,
}

impl Choices {
    pub async fn load(catalog: &CatalogStore, lang: Lang) -> Result<Self, sqlx::Error> {
        let clusters = catalog
            .clusters()
            .await?
            .into_iter()
            .map(|c| Choice { name: names::name(lang, Kind::Cluster, &c.id, &c.name), id: c.id })
            .collect();
        let practices = catalog
            .practices()
            .await?
            .into_iter()
            .filter(|p| p.framework_version == PRACTICE_VERSION)
            .map(|p| Choice {
                name: format!(
                    "{}. {}",
                    p.number.unwrap_or_default(),
                    names::practice(lang, PRACTICE_VERSION, &p.code, &p.statement)
                ),
                id: p.id,
            })
            .collect();
        Ok(Choices { clusters, practices })
    }

    /// The names of `ids` among `choices`, in the order the framework lists them.
    pub fn named(choices: &[Choice], ids: &[String]) -> Vec<Choice> {
        choices.iter().filter(|c| ids.contains(&c.id)).cloned().collect()
    }

    /// The ids in `chosen` that are not tags one can choose.
    pub fn unknown<'a>(choices: &[Choice], chosen: &'a [String]) -> Option<&'a String> {
        chosen.iter().find(|id| !choices.iter().any(|c| &c.id == *id))
    }
}
