//! The students of recent reports, kept in memory for a minute: a dashboard that many
//! administrators open at once reads the district's students and their stages once, not on
//! every request. An entry past its minute is still served while one refresh runs beside it;
//! changes made here (a course aligned) drop the district's entries at once. The facts the
//! coverage matrix and the gap analysis count from are kept the same way, for a minute.
//! Reports read from their own pool: the primary, or a read replica when one is configured.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use time::OffsetDateTime;

use super::alignment::{self, Facts};
use super::equity::Student;
use super::store::{self, Scope};
use crate::db::Db;
use crate::ids::DistrictId;

/// How long an entry is fresh.
const FRESH: Duration = Duration::from_secs(60);
/// Entries kept at most; the least recently computed goes first.
const ENTRIES: usize = 32;

/// Students of one report as computed at a moment.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub students: Arc<Vec<Student>>,
    pub as_of: OffsetDateTime,
}

struct Entry {
    snapshot: Snapshot,
    computed: Instant,
    refreshing: bool,
}

pub struct ReportCache {
    /// Where reports read: the primary database or a read replica of it.
    db: Db,
    entries: Mutex<HashMap<Scope, Entry>>,
    /// Each district's coverage facts and when they were read.
    coverage: Mutex<HashMap<DistrictId, (Instant, Arc<Facts>)>>,
    /// One computation at a time: requests that find nothing wait for it, then read it.
    computing: tokio::sync::Mutex<()>,
}

impl ReportCache {
    pub fn new(db: Db) -> Self {
        Self { db, entries: Mutex::default(), coverage: Mutex::default(), computing: tokio::sync::Mutex::default() }
    }

    /// The pool reports read from; pages that write never use it.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The students of `scope`: from memory when fresh; stale ones are served while a
    /// refresh runs in the background; missing ones are computed once for every waiter.
    pub async fn students(self: &Arc<Self>, scope: &Scope) -> Result<Snapshot, sqlx::Error> {
        if let Some(snapshot) = self.lookup(scope) {
            return Ok(snapshot);
        }
        let _turn = self.computing.lock().await;
        if let Some(snapshot) = self.lookup(scope) {
            return Ok(snapshot);
        }
        self.compute(scope).await
    }

    /// A cached snapshot, starting a refresh when it is stale.
    fn lookup(self: &Arc<Self>, scope: &Scope) -> Option<Snapshot> {
        let mut entries = self.entries.lock().expect("report cache");
        let entry = entries.get_mut(scope)?;
        if entry.computed.elapsed() >= FRESH && !entry.refreshing {
            entry.refreshing = true;
            let (cache, scope) = (Arc::clone(self), scope.clone());
            tokio::spawn(async move {
                let _turn = cache.computing.lock().await;
                if let Err(error) = cache.compute(&scope).await {
                    tracing::warn!(%error, "refreshing a report failed");
                    if let Some(entry) = cache.entries.lock().expect("report cache").get_mut(&scope) {
                        entry.refreshing = false;
                    }
                }
            });
        }
        Some(entry.snapshot.clone())
    }

    async fn compute(&self, scope: &Scope) -> Result<Snapshot, sqlx::Error> {
        let as_of = OffsetDateTime::now_utc();
        let students = Arc::new(store::students(&self.db, scope).await?);
        let snapshot = Snapshot { students, as_of };
        let mut entries = self.entries.lock().expect("report cache");
        if entries.len() >= ENTRIES && !entries.contains_key(scope) {
            let oldest = entries.iter().min_by_key(|(_, e)| e.computed).map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                entries.remove(&oldest);
            }
        }
        let entry = Entry { snapshot: snapshot.clone(), computed: Instant::now(), refreshing: false };
        entries.insert(scope.clone(), entry);
        Ok(snapshot)
    }

    /// The district's coverage facts, read at most once a minute (by one request at a time).
    pub async fn coverage_facts(&self, district: DistrictId) -> Result<Arc<Facts>, sqlx::Error> {
        let fresh = || {
            let cached = self.coverage.lock().expect("report cache");
            cached.get(&district).filter(|(at, _)| at.elapsed() < FRESH).map(|(_, facts)| Arc::clone(facts))
        };
        if let Some(facts) = fresh() {
            return Ok(facts);
        }
        let _turn = self.computing.lock().await;
        if let Some(facts) = fresh() {
            return Ok(facts);
        }
        let facts = Arc::new(alignment::facts(&self.db, district, OffsetDateTime::now_utc().date()).await?);
        self.coverage.lock().expect("report cache").insert(district, (Instant::now(), Arc::clone(&facts)));
        Ok(facts)
    }

    /// Drops the district's entries: something its reports count has changed.
    pub fn forget(&self, district: DistrictId) {
        self.entries.lock().expect("report cache").retain(|scope, _| scope.district != district);
        self.coverage.lock().expect("report cache").remove(&district);
    }
}
