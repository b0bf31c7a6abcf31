//! The Career Clusters catalog: groupings, clusters, sub-clusters, O*NET occupations,
//! crosswalks, Career Ready Practices and the legacy framework; loading it from the
//! reference-data folder, browsing it, and exporting it as CASE.

pub mod api;
pub mod case;
pub mod codes;
pub mod model;
pub mod names;
pub mod pages;
pub mod source;
pub mod store;

use std::path::Path;

pub use store::{CatalogStore, LoadOutcome};

use crate::datafile::DataError;
use crate::progress::Progress;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}\nNothing was written; fix the file and run the load again.")]
    Data(#[from] DataError),
    #[error("writing the catalog failed, nothing was written: {0}")]
    Database(#[from] sqlx::Error),
}

/// Reads and checks every file in `dir`, then writes the catalog in one transaction.
pub async fn load_from_dir(
    store: &CatalogStore,
    dir: &Path,
    force: bool,
    progress: &dyn Progress,
) -> Result<LoadOutcome, LoadError> {
    let source = source::read_catalog(dir, progress)?;
    Ok(store.load(&source, force, progress).await?)
}

/// Loads the catalog if the database has none yet; true when it did.
pub async fn ensure_loaded(store: &CatalogStore, dir: &Path, progress: &dyn Progress) -> Result<bool, LoadError> {
    if store.is_loaded().await? {
        return Ok(false);
    }
    load_from_dir(store, dir, false, progress).await?;
    Ok(true)
}
