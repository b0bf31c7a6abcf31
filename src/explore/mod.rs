//! Explore: from what a student likes, in their own words, to clusters, sub-clusters and
//! occupations with the reasons why; and the O*NET Interest Profiler.

pub mod api;
pub mod bench;
pub mod bm25;
pub mod eval;
pub mod index;
pub mod lexicon;
pub mod matcher;
pub mod pages;
pub mod profiler;
pub mod spelling;
pub mod store;
pub mod text;

pub use index::{ExploreIndex, IndexError};
pub use matcher::{Match, Query};

use crate::db::Db;

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("reading the catalog for Explore failed: {0}")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// Reads the catalog and builds the in-memory index.
pub async fn build_index(db: &Db) -> Result<ExploreIndex, BuildError> {
    let corpus = store::load_corpus(db).await?;
    Ok(ExploreIndex::build(&corpus)?)
}

/// The index, built in the background at start-up so the server answers at once; Explore
/// requests wait for it.
#[derive(Clone, Default)]
pub struct ExploreHandle {
    index: std::sync::Arc<tokio::sync::OnceCell<std::sync::Arc<ExploreIndex>>>,
    ready: std::sync::Arc<tokio::sync::Notify>,
}

impl ExploreHandle {
    /// A handle whose index is already built.
    pub fn ready(index: ExploreIndex) -> Self {
        let handle = Self::default();
        handle.set(index);
        handle
    }

    pub fn set(&self, index: ExploreIndex) {
        let _ = self.index.set(std::sync::Arc::new(index));
        self.ready.notify_waiters();
    }

    /// The index, waiting for the build to finish if it is still running.
    pub async fn get(&self) -> Option<std::sync::Arc<ExploreIndex>> {
        loop {
            let notified = self.ready.notified();
            if let Some(index) = self.index.get() {
                return Some(index.clone());
            }
            if tokio::time::timeout(std::time::Duration::from_secs(60), notified).await.is_err() {
                return self.index.get().cloned();
            }
        }
    }
}
