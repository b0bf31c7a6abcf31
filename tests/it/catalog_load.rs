//! Loading the reference data: counts, idempotence, in-place updates, and bad files that
//! must leave the database exactly as it was.

use std::path::Path;

use pathways::catalog::source::ALL_TABLES;
use pathways::catalog::{self, CatalogStore, LoadError, LoadOutcome};
use pathways::db::Db;
use pathways::progress::Silent;
use pathways::with_pool;
use sha2::{Digest, Sha256};

use crate::support::{Backend, TestDb, data_dir, on_both_backends};

/// A hash of every row of every catalog table, to prove "nothing changed".
async fn catalog_digest(db: &Db) -> String {
    let mut hasher = Sha256::new();
    for spec in ALL_TABLES.iter() {
        let line = spec
            .columns
            .iter()
            .map(|c| format!("COALESCE(CAST({c} AS TEXT), '~')"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let sql = format!("SELECT {line} FROM {} ORDER BY {}", spec.name, spec.key().join(", "));
        let rows: Vec<String> =
            with_pool!(db, pool => sqlx::query_scalar(&sql).fetch_all(pool).await).expect("digest query");
        hasher.update(spec.name.as_bytes());
        for row in rows {
            hasher.update(row.as_bytes());
            hasher.update(b"\n");
        }
    }
    format!("{:x}", hasher.finalize())
}

/// Copies the reference data into a temp folder a test may damage.
fn copy_of_data() -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("temp dir");
    for file in catalog::source::FILES {
        let target = copy.path().join(file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(data_dir().join(file), &target).unwrap();
    }
    copy
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} does not contain {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn line_of(path: &Path, needle: &str) -> u64 {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().position(|l| l.contains(needle)).expect("needle present") as u64 + 1
}

on_both_backends! {
    async fn loading_the_reference_data_counts_everything(backend: Backend) {
        let test_db = TestDb::empty(backend).await;
        let db = test_db.connect().await;
        let store = CatalogStore::new(db.clone());

        let outcome = catalog::load_from_dir(&store, &data_dir(), false, &Silent).await.expect("load");
        let stats = store.stats().await.unwrap();

        assert!(matches!(outcome, LoadOutcome::Loaded { rows } if rows > 100_000), "{outcome:?}");
        assert_eq!((stats.groupings, stats.clusters, stats.cross_cutting_clusters), (6, 14, 3));
        assert_eq!((stats.subclusters, stats.unverified_subclusters), (72, 1));
        assert_eq!(stats.occupations, 1016);
        assert_eq!(stats.soc_links, 1203);
        assert_eq!((stats.cip_links, stats.naics_links, stats.cip_soc_links), (4725, 112, 5903));
        assert_eq!((stats.legacy_clusters, stats.legacy_pathways), (16, 79));
        assert_eq!((stats.career_ready_practices, stats.practices_all_versions, stats.employability_skills), (12, 15, 38));
        assert_eq!((stats.alternate_titles, stats.reported_titles, stats.tasks), (56560, 7796, 18796));
        assert_eq!((stats.related_occupations, stats.bls_projections, stats.job_zones), (18460, 1113, 5));
        assert_eq!((stats.occupations_with_interests, stats.occupations_with_job_zone), (923, 923));
        assert_eq!((stats.interest_profiler_items, stats.riasec_keywords, stats.basic_interests), (60, 75, 41));
        assert_eq!((stats.illustrative_activities, stats.illustrative_occupations), (188, 186));
    }
}

on_both_backends! {
    async fn a_second_load_changes_nothing(backend: Backend) {
        let test_db = TestDb::loaded(backend).await;
        let db = test_db.connect().await;
        let store = CatalogStore::new(db.clone());
        let before = catalog_digest(&db).await;
        let meta_before = store.meta().await.unwrap();

        let again = catalog::load_from_dir(&store, &data_dir(), false, &Silent).await.expect("second load");
        let forced = catalog::load_from_dir(&store, &data_dir(), true, &Silent).await.expect("forced load");

        assert_eq!(again, LoadOutcome::Unchanged);
        assert!(matches!(forced, LoadOutcome::Loaded { .. }));
        assert_eq!(catalog_digest(&db).await, before, "rewriting the same data must leave every row as it was");
        assert_eq!(store.meta().await.unwrap().fingerprint, meta_before.fingerprint);
    }
}

on_both_backends! {
    async fn changed_data_updates_rows_in_place(backend: Backend) {
        let test_db = TestDb::loaded(backend).await;
        let db = test_db.connect().await;
        let store = CatalogStore::new(db.clone());
        let data = copy_of_data();
        replace_in(&data.path().join("onet/occupations.csv"), "29-1141.00,Registered Nurses,", "29-1141.00,Registered Nurses (RN),");

        let outcome = catalog::load_from_dir(&store, data.path(), false, &Silent).await.expect("load");

        assert!(matches!(outcome, LoadOutcome::Loaded { .. }));
        let nurse = store.occupation("29-1141.00").await.unwrap().expect("still there");
        assert_eq!(nurse.title, "Registered Nurses (RN)");
        assert_eq!(store.stats().await.unwrap().occupations, 1016);
    }
}

/// Loads `data` into a loaded database and returns the error, checking nothing changed.
async fn failing_load(backend: Backend, data: &Path) -> pathways::datafile::DataError {
    let test_db = TestDb::loaded(backend).await;
    let db = test_db.connect().await;
    let store = CatalogStore::new(db.clone());
    let before = catalog_digest(&db).await;

    let error = catalog::load_from_dir(&store, data, true, &Silent).await.expect_err("load must fail");

    assert_eq!(catalog_digest(&db).await, before, "a failed load must leave the database as it was");
    match error {
        LoadError::Data(error) => error,
        other => panic!("expected a data error, got {other}"),
    }
}

on_both_backends! {
    async fn a_malformed_code_names_file_line_and_field_and_writes_nothing(backend: Backend) {
        let data = copy_of_data();
        let file = data.path().join("onet/occupations.csv");
        replace_in(&file, "29-1141.00,Registered Nurses", "29-1141,Registered Nurses");
        let line = line_of(&file, "29-1141,Registered Nurses");

        let error = failing_load(backend, data.path()).await;

        assert_eq!(error.file, "onet/occupations.csv");
        assert_eq!(error.line, Some(line));
        assert_eq!(error.field.as_deref(), Some("onetsoc_code"));
        assert!(error.message.contains("expected an O*NET-SOC code like 29-1141.00"), "{error}");
    }
}

on_both_backends! {
    async fn a_missing_file_is_named_and_nothing_is_written(backend: Backend) {
        let data = copy_of_data();
        std::fs::remove_file(data.path().join("career-clusters/subcluster_soc.csv")).unwrap();

        let error = failing_load(backend, data.path()).await;

        assert_eq!(error.file, "career-clusters/subcluster_soc.csv");
        assert!(error.message.contains("file not found"), "{error}");
    }
}

#[tokio::test]
async fn a_reference_to_an_unknown_subcluster_is_reported_with_its_line() {
    let data = copy_of_data();
    let file = data.path().join("career-clusters/subcluster_soc.csv");
    replace_in(
        &file,
        "leadership-operations,Leadership & Operations,11-1011",
        "leadership-operationz,Leadership & Operations,11-1011",
    );

    let error = failing_load(Backend::Sqlite, data.path()).await;

    assert_eq!(
        (error.file.as_str(), error.line, error.field.as_deref()),
        ("career-clusters/subcluster_soc.csv", Some(2), Some("subcluster_id"))
    );
    assert!(error.message.contains("unknown sub-cluster \"leadership-operationz\""), "{error}");
}

#[tokio::test]
async fn a_row_with_an_extra_field_is_reported_with_its_line() {
    let data = copy_of_data();
    let file = data.path().join("onet/job_zones.csv");
    replace_in(&file, "11-1011.00,5", "11-1011.00,5,extra");

    let error = failing_load(Backend::Sqlite, data.path()).await;

    assert_eq!((error.file.as_str(), error.line), ("onet/job_zones.csv", Some(2)));
    assert!(error.message.contains("3 fields but the header has 2"), "{error}");
}

#[tokio::test]
async fn a_duplicate_occupation_is_reported_with_both_lines() {
    let data = copy_of_data();
    let file = data.path().join("onet/occupations.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let first = text.lines().nth(1).unwrap().to_string();
    std::fs::write(&file, format!("{text}{first}\n")).unwrap();
    let last_line = text.lines().count() as u64 + 1;

    let error = failing_load(Backend::Sqlite, data.path()).await;

    assert_eq!(error.line, Some(last_line));
    assert_eq!(error.message, "duplicate of line 2; each value may appear only once");
}

#[tokio::test]
async fn a_windows_1252_file_with_a_byte_order_mark_loads() {
    let test_db = TestDb::empty(Backend::Sqlite).await;
    let db = test_db.connect().await;
    let store = CatalogStore::new(db);
    let data = copy_of_data();
    let file = data.path().join("onet/occupations.csv");
    let text = std::fs::read_to_string(&file).unwrap().replace("Registered Nurses,", "Registered Nurses – Café,");
    let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(&encoded);
    std::fs::write(&file, bytes).unwrap();

    catalog::load_from_dir(&store, data.path(), false, &Silent).await.expect("load");

    let nurse = store.occupation("29-1141.00").await.unwrap().unwrap();
    assert_eq!(nurse.title, "Registered Nurses – Café");
}

on_both_backends! {
    async fn a_catalog_load_killed_at_any_moment_leaves_the_catalog_whole(backend: Backend) {
        let test_db = TestDb::loaded(backend).await;
        let db = test_db.connect().await;
        let before = catalog_digest(&db).await;
        let load = || {
            crate::support::pathways(&test_db.url)
                .args(["catalog", "load", "--force"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        };
        let started = std::time::Instant::now();
        assert!(load().wait().unwrap().success());
        let full = started.elapsed();

        // Twenty kills spread over the whole load, from its first moment to its last.
        let mut killed = 0;
        for round in 0..20u32 {
            let mut child = load();
            std::thread::sleep(full * round / 20);
            let finished = child.try_wait().unwrap().is_some();
            child.kill().unwrap();
            child.wait().unwrap();
            killed += u32::from(!finished);
            if let Db::Sqlite(pool) = &db {
                let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(pool).await.unwrap();
                assert_eq!(check, "ok", "round {round}");
            }
            assert_eq!(catalog_digest(&db).await, before, "killed at round {round}: the catalog is whole");
        }
        println!("{killed} of 20 loads killed midway ({full:?} for a whole load)");
        assert!(killed >= 10, "only {killed} loads were killed before they finished");
    }
}
