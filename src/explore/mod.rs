//! Explore: from what a student likes, in their own words, to clusters, sub-clusters and
//! occupations with the reasons why; and the O*NET Interest Profiler.

pub mod bench;
pub mod bm25;
pub mod eval;
pub mod index;
pub mod lexicon;
pub mod matcher;
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
