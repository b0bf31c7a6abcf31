//! Application state, start-up (connect, migrate, load the catalog into an empty database)
//! and the server loop. Tests call `prepare` + `serve` with a listener on 127.0.0.1:0.

use std::future::Future;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::catalog::{self, CatalogStore, LoadError};
use crate::config::Config;
use crate::db::{Db, DbError};
use crate::explore::ExploreHandle;
use crate::progress::Progress;

/// Shared by every request handler.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub catalog: CatalogStore,
    pub explore: ExploreHandle,
    pub config: Arc<Config>,
    /// For calls to other services (a district's sign-in provider).
    pub http: reqwest::Client,
    /// Where reports read (the database or its read replica), and the students of recent
    /// reports, for dashboards under load.
    pub reports: Arc<crate::insights::cache::ReportCache>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Catalog(#[from] LoadError),
}

/// Connects to the configured database, applies migrations and, when the catalog is
/// empty, loads it from the reference-data folder.
pub async fn prepare(config: Config, progress: &dyn Progress) -> Result<AppState, StartError> {
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    let catalog = CatalogStore::new(db.clone());
    if catalog::ensure_loaded(&catalog, &config.resolved_data_dir(), progress).await? {
        tracing::info!("catalog loaded into an empty database");
    }
    let stale = time::OffsetDateTime::now_utc() - crate::auth::session::IDLE_LIMIT;
    let removed = crate::auth::store::delete_stale_sessions(&db, stale).await.map_err(DbError::Connect)?;
    if removed > 0 {
        tracing::info!(removed, "stale sessions removed");
    }
    let explore = ExploreHandle::default();
    let (build_db, handle) = (db.clone(), explore.clone());
    tokio::spawn(async move {
        let started = std::time::Instant::now();
        match crate::explore::build_index(&build_db).await {
            Ok(index) => {
                handle.set(index);
                tracing::info!(seconds = started.elapsed().as_secs_f64(), "explore index built");
            }
            Err(error) => tracing::error!(%error, "explore index could not be built"),
        }
    });
    let reports_db = match &config.reports_database_url {
        Some(url) => Db::connect_read_only(url, db.backend()).await?,
        None => db.clone(),
    };
    let reports = Arc::new(crate::insights::cache::ReportCache::new(reports_db));
    Ok(AppState { db, catalog, explore, config: Arc::new(config), http: http_client(), reports })
}

/// The client for outgoing calls: short timeouts, so a slow provider cannot hold requests.
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(5))
        .timeout(std::time::Duration::from_secs(15))
        .user_agent(concat!("pathways/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_default()
}

/// Serves the app on `listener` until `shutdown` completes, then drains open requests.
pub async fn serve(
    state: AppState,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = crate::router::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
