//! The `pathways` binary as an operator runs it.

use std::process::Command;

use crate::support::{Backend, TestDb, on_both_backends, pathways};

on_both_backends! {
    async fn catalog_stats_json_reports_the_framework_counts(backend: Backend) {
        let db = TestDb::loaded(backend).await;

        let output = pathways(&db.url).args(["catalog", "stats", "--json"]).output().unwrap();

        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        for (name, expected) in [("groupings", 6), ("clusters", 14), ("subclusters", 72), ("occupations", 1016), ("soc_links", 1203)] {
            assert_eq!(stats[name], expected, "{name}");
        }
    }
}

on_both_backends! {
    async fn catalog_load_twice_reports_nothing_changed(backend: Backend) {
        let db = TestDb::empty(backend).await;

        let first = pathways(&db.url).args(["catalog", "load"]).output().unwrap();
        let second = pathways(&db.url).args(["catalog", "load"]).output().unwrap();

        assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
        assert!(String::from_utf8_lossy(&first.stdout).contains("catalog loaded"));
        assert!(String::from_utf8_lossy(&second.stdout).contains("nothing changed"));
    }
}

#[tokio::test]
async fn a_bad_data_folder_fails_with_a_message_naming_the_file() {
    let db = TestDb::empty(Backend::Sqlite).await;
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(empty.path().join("career-clusters")).unwrap();

    let output = pathways(&db.url).args(["catalog", "load"]).env("PATHWAYS_DATA_DIR", empty.path()).output().unwrap();

    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("career-clusters/framework.json: file not found"), "{stderr}");
    assert!(stderr.contains("Nothing was written"), "{stderr}");
}

#[tokio::test]
async fn case_export_writes_the_same_package_as_the_api() {
    let db = TestDb::loaded(Backend::Sqlite).await;

    let output = pathways(&db.url).args(["catalog", "export", "--format", "case"]).output().unwrap();

    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let package: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(package["CFItems"].as_array().unwrap().len(), 107);
    assert_eq!(package["CFDocument"]["creator"], "Advance CTE");
}

#[tokio::test]
async fn flags_win_over_environment_variables() {
    let from_env = TestDb::empty(Backend::Sqlite).await;
    let from_flag = TestDb::empty(Backend::Sqlite).await;

    let env_only = pathways(&from_env.url).arg("migrate").output().unwrap();
    let both = pathways(&from_env.url).args(["migrate", "--database-url", &from_flag.url]).output().unwrap();

    assert_eq!(String::from_utf8_lossy(&env_only.stdout).trim(), format!("migrations applied to {}", from_env.url));
    assert_eq!(String::from_utf8_lossy(&both.stdout).trim(), format!("migrations applied to {}", from_flag.url));
}

#[test]
fn every_command_has_help_with_an_example() {
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["demo", "--help"],
        vec!["migrate", "--help"],
        vec!["catalog", "load", "--help"],
        vec!["catalog", "check", "--help"],
        vec!["catalog", "stats", "--help"],
        vec!["catalog", "export", "--help"],
        vec!["explore", "match", "--help"],
        vec!["explore", "eval", "--help"],
        vec!["explore", "bench", "--help"],
        vec!["import", "oneroster", "--help"],
        vec!["import", "student-attributes", "--help"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_pathways")).args(&args).output().unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{args:?}");
        assert!(text.contains("Example"), "{args:?} --help has no example:\n{text}");
    }
}

/// Runs `pathways demo` until it says it is running; returns what it printed.
fn run_demo_until_ready(database_url: &str, students: &str) -> String {
    use std::io::{BufRead, BufReader};
    let mut child = pathways(database_url)
        .args(["demo", "--students", students, "--bind", "127.0.0.1:0"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut printed = String::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if line.contains("is running at") {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    printed
}

on_both_backends! {
    async fn demo_generates_the_district_once_and_prints_the_accounts(backend: Backend) {
        let db = TestDb::loaded(backend).await;

        let first = run_demo_until_ready(&db.url, "350");
        let second = run_demo_until_ready(&db.url, "350");

        assert!(first.contains("Generated the demo district with 350 students"), "{first}");
        assert!(!second.contains("Generated"), "the second start keeps the district: {second}");
        for account in ["student@demo.test", "guardian@demo.test", "teacher@demo.test", "counselor@demo.test",
                        "partner@demo.test", "school-admin@demo.test", "district-admin@demo.test"] {
            assert!(second.contains(account), "{account} is printed");
        }
        assert!(second.contains("pathways-demo"));
        let handle = db.connect().await;
        let counts: (i64, i64, i64, i64, i64) = pathways::with_pool!(&handle, pool => sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM schools), (SELECT COUNT(*) FROM users WHERE role = 'student'),
                    (SELECT MIN(grade) FROM users), (SELECT MAX(grade) FROM users),
                    (SELECT COUNT(DISTINCT level) FROM schools)").fetch_one(pool).await).unwrap();
        assert_eq!(counts, (4, 350, 6, 12, 2), "two high and two middle schools, 350 students in grades 6-12");
    }
}

#[test]
fn demo_refuses_a_district_without_students() {
    let output = Command::new(env!("CARGO_BIN_EXE_pathways")).args(["demo", "--students", "0"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--students"));
}
