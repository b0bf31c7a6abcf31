//! Organizations and people: districts, schools, users and the relationships between them
//! (guardians, classes and enrollments, counselor caseloads), and the demo district.

pub mod api;
pub mod demo;
pub mod model;
pub mod pages;
pub mod store;

pub use demo::{DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSpec};

use crate::db::Db;

/// Generates and stores the district of `spec` unless a district with its slug exists.
/// Returns whether it was created.
pub async fn create_demo_district(db: &Db, spec: &DemoSpec) -> Result<bool, sqlx::Error> {
    if store::district_by_slug(db, &spec.slug).await?.is_some() {
        return Ok(false);
    }
    let hash = tokio::task::spawn_blocking(|| crate::auth::password::hash(DEMO_PASSWORD))
        .await
        .map_err(|_| sqlx::Error::WorkerCrashed)?;
    let now = time::OffsetDateTime::now_utc();
    let generated = demo::generate(spec, Some(hash), now);
    store::insert_generated(db, &generated).await?;
    if let Some(district) = generated.district_id {
        let demo_student = match spec.demo_accounts {
            true => {
                store::find_in_district(db, district, store::UserKey::Email(DEMO_ACCOUNTS[0].0)).await?.map(|u| u.id)
            }
            false => None,
        };
        crate::plans::demo::generate(db, district, demo_student, now).await?;
        crate::classroom::demo::generate(db, district, now).await?;
        crate::partners::demo::generate(db, district, now).await?;
        crate::insights::demo::generate(db, district, now).await?;
    }
    Ok(true)
}
