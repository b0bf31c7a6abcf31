//! OneRoster CSV import: a small hand-written set, the same set with each quirk real exports
//! have (which must import the same), broken sets (rejected with file:line and nothing
//! written), deltas, a second import that changes nothing, and the demo export read back.

use std::collections::BTreeMap;
use std::path::Path;

use pathways::db::Db;
use pathways::oneroster::{self, Options, Report, Status};
use pathways::progress::Silent;
use pathways::with_pool;
use sha2::{Digest, Sha256};

use crate::support::{Backend, TestDb, demo_export_zip, on_both_backends, pathways, scalar, write_zip};

/// The files of a set, by name.
type Set = BTreeMap<&'static str, String>;

fn base_set() -> Set {
    let mut set = Set::new();
    set.insert("manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.orgs,bulk\nfile.academicSessions,bulk\nfile.courses,bulk\nfile.classes,bulk\nfile.users,bulk\nfile.enrollments,bulk\nfile.demographics,bulk\n".into());
    set.insert("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nd1,active,2026-09-01,Lakeside Unified,district,,\ns1,active,2026-09-01,Lakeside High School,school,,d1\ns2,active,2026-09-01,Lakeside Middle School,school,,d1\n".into());
    set.insert("academicSessions.csv", "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\nt1,active,2026-09-01,Fall 2026,term,2026-08-15,2026-12-20,,2027\n".into());
    set.insert("courses.csv", "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes\nc1,active,2026-09-01,t1,Biology,BIO10,10,s1,Science,\nc2,active,2026-09-01,t1,Math 7,MA7,07,s2,Mathematics,\n".into());
    set.insert("classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\nk1,active,2026-09-01,Biology - 1,10,c1,BIO10-1,scheduled,Room 4,s1,t1,Science,,1\nk2,active,2026-09-01,Math 7 - 2,07,c2,MA7-2,scheduled,,s2,t1,,,2\n".into());
    set.insert("users.csv", "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n\
u1,active,2026-09-01,true,s1,student,ana,,Ana,Reyes,,1001,ana@lakeside.test,,,g1,10,\n\
u2,active,2026-09-01,true,s2,student,ben,,Ben,Okafor,,1002,ben@lakeside.test,,,,07,\n\
g1,active,2026-09-01,true,d1,parent,rosa,,Rosa,Reyes,,,rosa@lakeside.test,,,u1,,\n\
p1,active,2026-09-01,true,s1,teacher,kim,,Kim,Lee,,,kim@lakeside.test,,,,,\n\
p2,active,2026-09-01,true,s2,teacher,omar,,Omar,Haddad,,,omar@lakeside.test,,,,,\n\
a1,active,2026-09-01,true,d1,administrator,dana,,Dana,Wu,,,dana@lakeside.test,,,,,\n\
a2,active,2026-09-01,true,s1,administrator,eli,,Eli,Stone,,,eli@lakeside.test,,,,,\n".into());
    set.insert("enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\ne1,active,2026-09-01,k1,s1,u1,student,false,2026-08-15,\ne2,active,2026-09-01,k1,s1,p1,teacher,true,,\ne3,active,2026-09-01,k2,s2,u2,student,false,,\ne4,active,2026-09-01,k2,s2,p2,teacher,true,,\n".into());
    set.insert("demographics.csv", "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity\nu1,active,2026-09-01,2011-03-04,female,false,false,false,false,false,false,true\n".into());
    set
}

fn write_set(dir: &Path, set: &Set) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, text) in set {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

async fn import(db: &Db, path: &Path) -> Report {
    oneroster::import(db, path, &Options::default(), &Silent).await.expect("database")
}

async fn import_set(db: &Db, set: &Set) -> Report {
    let dir = tempfile::tempdir().unwrap();
    write_set(dir.path(), set);
    import(db, dir.path()).await
}

/// Every index of the schema, as its definition: a bulk import rebuilds some of them.
async fn index_definitions(db: &Db) -> Vec<String> {
    let sql = match db {
        Db::Sqlite(_) => "SELECT COALESCE(sql, name) FROM sqlite_master WHERE type = 'index' ORDER BY name",
        Db::Postgres(_) => "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname",
    };
    with_pool!(db, pool => sqlx::query_scalar(sql).fetch_all(pool).await).unwrap()
}

/// Every constraint of the schema (on SQLite, where they live in the table definitions,
/// every table's definition).
async fn constraint_definitions(db: &Db) -> Vec<String> {
    let sql = match db {
        Db::Sqlite(_) => "SELECT sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
        Db::Postgres(_) => {
            "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
             WHERE connamespace = current_schema()::regnamespace ORDER BY 1"
        }
    };
    with_pool!(db, pool => sqlx::query_scalar(sql).fetch_all(pool).await).unwrap()
}

/// A digest of the people tables, to show what an import changed (or did not).
async fn digest(db: &Db) -> String {
    let tables = [
        ("districts", "id, slug, name, sourced_id"),
        ("schools", "id, district_id, name, level, lowest_grade, highest_grade, sourced_id"),
        ("users", "id, district_id, role, given_name, family_name, email, school_id, grade, sourced_id, active"),
        ("guardianships", "guardian_id, student_id"),
        ("courses", "id, school_id, title, code, subject, sourced_id"),
        ("classes", "id, school_id, course_id, title, period, sourced_id"),
        ("enrollments", "class_id, user_id, role"),
        ("student_attributes", "student_id, sex, ethnicity, economically_disadvantaged, english_learner, iep_504"),
    ];
    let mut hasher = Sha256::new();
    for (table, columns) in tables {
        let quoted: Vec<String> = columns
            .split(", ")
            .map(|c| match db {
                Db::Sqlite(_) => format!("quote({c})"),
                Db::Postgres(_) => format!("quote_nullable({c}::text)"),
            })
            .collect();
        let sql = format!("SELECT {} FROM {table}", quoted.join(" || '|' || "));
        let mut rows: Vec<String> = with_pool!(db, pool => sqlx::query_scalar(&sql).fetch_all(pool).await).unwrap();
        rows.sort();
        hasher.update(format!("{table}:{}\n{}\n", rows.len(), rows.join("\n")));
    }
    hasher.update(index_definitions(db).await.join("\n"));
    format!("{:x}", hasher.finalize())
}

/// A demo district of `students` exported as a OneRoster set: its database (the first two,
/// kept while the test runs) and the set's folder.
async fn demo_export(backend: Backend, students: usize) -> (TestDb, Db, tempfile::TempDir) {
    let source = TestDb::empty(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let db = source.connect().await;
    pathways::orgs::create_demo_district(&db, &pathways::orgs::DemoSpec::standard(students)).await.unwrap();
    pathways::oneroster::export::export_district(&db, "riverbend", dir.path()).await.unwrap();
    (source, db, dir)
}

fn assert_imported(report: &Report, what: &str) {
    assert_eq!(report.status, Status::Imported, "{what}:\n{}", report.to_text());
}

/// The facts every variant of the base set must produce.
async fn assert_base_people(db: &Db, what: &str) {
    let facts = [
        ("SELECT COUNT(*) FROM users WHERE role = 'student'", 2),
        ("SELECT COUNT(*) FROM users WHERE role = 'teacher'", 2),
        ("SELECT COUNT(*) FROM users WHERE role = 'guardian'", 1),
        ("SELECT COUNT(*) FROM users WHERE role = 'district_admin'", 1),
        ("SELECT COUNT(*) FROM users WHERE role = 'school_admin'", 1),
        ("SELECT COUNT(*) FROM schools", 2),
        ("SELECT COUNT(*) FROM schools WHERE level = 'high' AND name = 'Lakeside High School'", 1),
        ("SELECT COUNT(*) FROM classes", 2),
        ("SELECT COUNT(*) FROM enrollments", 4),
        ("SELECT COUNT(*) FROM guardianships", 1),
        ("SELECT COUNT(*) FROM users WHERE email = 'ana@lakeside.test' AND grade = 10", 1),
    ];
    for (sql, expected) in facts {
        assert_eq!(scalar(db, sql).await, expected, "{what}: {sql}");
    }
}

on_both_backends! {
    async fn a_clean_set_imports_and_a_second_import_changes_nothing(backend: Backend) {
        let test_db = TestDb::empty(backend).await;
        let db = test_db.connect().await;
        let first = import_set(&db, &base_set()).await;
        assert_imported(&first, "base set");
        assert!(first.warnings.is_empty(), "{}", first.to_text());
        assert_eq!(first.counts["users.csv"].imported, 7);
        assert_base_people(&db, "base set").await;
        let after_first = digest(&db).await;

        let second = import_set(&db, &base_set()).await;
        assert_imported(&second, "again");
        assert_eq!(digest(&db).await, after_first, "importing the same set twice changes nothing");
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'import'").await, 2);
    }
}

on_both_backends! {
    async fn people_who_trade_emails_between_imports_keep_their_accounts(backend: Backend) {
        let test_db = TestDb::empty(backend).await;
        let db = test_db.connect().await;
        assert_imported(&import_set(&db, &base_set()).await, "base set");
        // Ana takes Ben's address, Ben takes Kim's, Kim takes Ana's: each email stays unique
        // in the set, but every new owner holds it in the database already.
        let mut traded = base_set();
        let users = traded["users.csv"]
            .replace("ana@lakeside.test", "@ana")
            .replace("ben@lakeside.test", "ana@lakeside.test")
            .replace("kim@lakeside.test", "ben@lakeside.test")
            .replace("@ana", "kim@lakeside.test");
        traded.insert("users.csv", users);
        let report = import_set(&db, &traded).await;
        assert_imported(&report, "emails traded");
        assert!(report.warnings.is_empty(), "{}", report.to_text());
        let owner = |email: &'static str| {
            let db = db.clone();
            async move {
                with_pool!(&db, pool => {
                    sqlx::query_scalar::<_, String>("SELECT sourced_id FROM users WHERE email = $1").bind(email).fetch_one(pool).await
                })
                .unwrap()
            }
        };
        assert_eq!(owner("ana@lakeside.test").await, "u2");
        assert_eq!(owner("ben@lakeside.test").await, "p1");
        assert_eq!(owner("kim@lakeside.test").await, "u1");
    }
}

/// The base set changed in one way a real export might be.
fn quirk(name: &str) -> (Set, Option<&'static str>) {
    let mut set = base_set();
    let edit = |set: &mut Set, file: &'static str, f: &dyn Fn(&str) -> String| {
        let text = set[file].clone();
        set.insert(file, f(&text));
    };
    let warning = match name {
        "bom and crlf" => {
            for text in set.values_mut() {
                *text = format!("\u{feff}{}", text.replace('\n', "\r\n"));
            }
            None
        }
        "header case and order" => {
            edit(&mut set, "enrollments.csv", &|_| {
                "ROLE,USERSOURCEDID,ClassSourcedId,sourcedid\nstudent,u1,k1,e1\nteacher,p1,k1,e2\nstudent,u2,k2,e3\nteacher,p2,k2,e4\n".into()
            });
            None
        }
        "unknown columns" => {
            edit(&mut set, "courses.csv", &|t| t.replacen("subjectCodes\n", "subjectCodes,favoriteColor\n", 1));
            Some("unknown column")
        }
        "known misspellings" => {
            edit(&mut set, "users.csv", &|t| {
                t.replacen("sourcedId,", "sourceId,", 1).replacen("orgSourcedIds", "orgSourceIds", 1).replacen(
                    "givenName",
                    "First Name",
                    1,
                )
            });
            None
        }
        "blank lines" => {
            edit(&mut set, "users.csv", &|t| t.replacen("\nu2,", "\n\n,,,,\nu2,", 1) + "\n\n");
            None
        }
        "typed id lists and quoted commas" => {
            edit(&mut set, "users.csv", &|t| {
                t.replacen(
                    "p1,active,2026-09-01,true,s1,teacher,kim,,",
                    "p1,active,2026-09-01,true,\"s1,s2\",teacher,kim,\"{SIS:77},{LDAP:klee}\",",
                    1,
                )
            });
            None
        }
        "date formats" => {
            edit(&mut set, "enrollments.csv", &|t| {
                t.replacen("2026-08-15", "08/15/2026", 1)
                    .replacen("e2,active,2026-09-01", "e2,active,2026-09-01T08:30:00.000Z", 1)
                    .replacen("e3,active,2026-09-01", "e3,active,9/1/26", 1)
            });
            None
        }
        "capitalized values" => {
            edit(&mut set, "users.csv", &|t| {
                t.replace(",student,", ",Student,").replace(",teacher,", ",TEACHER,").replace(",active,", ",Active,")
            });
            edit(&mut set, "orgs.csv", &|t| t.replace(",school,", ",School,"));
            None
        }
        "missing optional files" => {
            set.remove("demographics.csv");
            set.remove("academicSessions.csv");
            edit(&mut set, "classes.csv", &|t| t.replace(",t1,", ",,"));
            edit(&mut set, "manifest.csv", &|t| {
                t.replace("file.academicSessions,bulk", "file.academicSessions,absent")
                    .replace("file.demographics,bulk", "file.demographics,absent")
            });
            None
        }
        "windows-1252" => {
            edit(&mut set, "users.csv", &|t| t.replacen("Ben,Okafor", "Benjamín,Okafor", 1));
            Some("Windows-1252")
        }
        other => panic!("no quirk {other}"),
    };
    (set, warning)
}

const QUIRKS: [&str; 10] = [
    "bom and crlf",
    "header case and order",
    "unknown columns",
    "known misspellings",
    "blank lines",
    "typed id lists and quoted commas",
    "date formats",
    "capitalized values",
    "missing optional files",
    "windows-1252",
];

on_both_backends! {
    async fn messy_sets_import_like_the_clean_one(backend: Backend) {
        for name in QUIRKS {
            let test_db = TestDb::empty(backend).await;
            let db = test_db.connect().await;
            let (set, warning) = quirk(name);
            let dir = tempfile::tempdir().unwrap();
            write_set(dir.path(), &set);
            if name == "windows-1252" {
                let text = set["users.csv"].clone();
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
                std::fs::write(dir.path().join("users.csv"), bytes).unwrap();
            }
            let report = import(&db, dir.path()).await;
            assert_imported(&report, name);
            assert_base_people(&db, name).await;
            match warning {
                Some(text) => assert!(report.warnings.iter().any(|w| w.message.contains(text)), "{name}: {}", report.to_text()),
                None => assert!(report.warnings.is_empty(), "{name} has no warnings: {}", report.to_text()),
            }
            if name == "windows-1252" {
                assert_eq!(scalar(&db, "SELECT COUNT(*) FROM users WHERE given_name = 'Benjamín'").await, 1);
            }
        }
    }
}

/// A broken variant of the base set and the error it must be rejected with.
fn broken(name: &str) -> (Set, &'static str, Option<u64>, &'static str) {
    let mut set = base_set();
    let mut edit = |file: &'static str, f: &dyn Fn(&str) -> String| {
        let text = set[file].clone();
        set.insert(file, f(&text));
    };
    let expected = match name {
        "duplicate sourcedId" => {
            edit("users.csv", &|t| t.replacen("p2,active", "p1,active", 1));
            ("users.csv", Some(6), "duplicate sourcedId \"p1\", first used on line 5")
        }
        "reference to nothing" => {
            edit("enrollments.csv", &|t| t.replacen("e3,active,2026-09-01,k2", "e3,active,2026-09-01,k9", 1));
            ("enrollments.csv", Some(4), "classSourcedId \"k9\" is not in classes.csv")
        }
        "missing required column" => {
            edit("classes.csv", &|t| t.replacen("courseSourcedId", "courseRef", 1));
            ("classes.csv", Some(1), "required column courseSourcedId is missing")
        }
        "wrong version" => {
            edit("manifest.csv", &|t| t.replacen("oneroster.version,1.1", "oneroster.version,1.0", 1));
            ("manifest.csv", Some(3), "Pathways reads OneRoster 1.1 and 1.2")
        }
        "file listed but missing" => {
            set.remove("enrollments.csv");
            ("manifest.csv", Some(9), "lists enrollments.csv as bulk but the set has no such file")
        }
        other => panic!("no broken set {other}"),
    };
    (set, expected.0, expected.1, expected.2)
}

on_both_backends! {
    async fn broken_sets_are_rejected_with_file_and_line_and_nothing_written(backend: Backend) {
        let test_db = TestDb::empty(backend).await;
        let db = test_db.connect().await;
        assert_imported(&import_set(&db, &base_set()).await, "base set");
        let before = digest(&db).await;
        for name in ["duplicate sourcedId", "reference to nothing", "missing required column", "wrong version", "file listed but missing"] {
            let (mut set, file, line, message) = broken(name);
            // Everything else in the broken set differs too, to show nothing of it is written.
            let renamed = set["users.csv"].replace("Ana,Reyes", "Anabel,Reyes");
            set.insert("users.csv", renamed);
            let report = import_set(&db, &set).await;
            assert_eq!(report.status, Status::Rejected, "{name}");
            assert!(
                report.errors.iter().any(|e| e.file == file && e.line == line && e.message.contains(message)),
                "{name}: expected {file}:{line:?} {message:?} in\n{}",
                report.to_text()
            );
            assert_eq!(digest(&db).await, before, "{name}: nothing was written");
        }
    }
}

on_both_backends! {
    async fn deltas_deactivate_people_and_bulk_sets_deactivate_the_missing(backend: Backend) {
        let test_db = TestDb::empty(backend).await;
        let db = test_db.connect().await;
        assert_imported(&import_set(&db, &base_set()).await, "base");

        let mut delta = Set::new();
        delta.insert("manifest.csv", "propertyName,value\noneroster.version,1.1\nfile.users,delta\nfile.enrollments,delta\n".into());
        delta.insert("users.csv", "sourcedId,status,dateLastModified,orgSourcedIds,role,givenName,familyName,email,grades\nu2,tobedeleted,2026-10-01,s2,student,Ben,Okafor,ben@lakeside.test,07\n".into());
        delta.insert("enrollments.csv", "sourcedId,status,classSourcedId,userSourcedId,role\ne3,tobedeleted,k2,u2,student\n".into());
        let dir = tempfile::tempdir().unwrap();
        write_set(dir.path(), &delta);
        let options = Options { district: Some(String::new()), ..Options::default() };
        let without_district = oneroster::import(&db, dir.path(), &options, &Silent).await.unwrap();
        assert_eq!(without_district.status, Status::Rejected, "an unknown district slug is refused");
        let slug: String = with_pool!(&db, pool => sqlx::query_scalar("SELECT slug FROM districts").fetch_one(pool).await).unwrap();
        let options = Options { district: Some(slug), ..Options::default() };
        let report = oneroster::import(&db, dir.path(), &options, &Silent).await.unwrap();
        assert_imported(&report, "delta");
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM users WHERE sourced_id = 'u2' AND NOT active").await, 1, "deactivated, not deleted");
        let since = "SELECT COUNT(*) FROM users WHERE sourced_id = 'u2' AND inactive_since IS NOT NULL";
        assert_eq!(scalar(&db, since).await, 1, "leaving the roster starts the retention period");
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM enrollments").await, 3);

        let mut bulk = base_set();
        let without_a2 = bulk["users.csv"].lines().filter(|l| !l.starts_with("a2,")).collect::<Vec<_>>().join("\n");
        bulk.insert("users.csv", without_a2 + "\n");
        assert_imported(&import_set(&db, &bulk).await, "bulk without a2");
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM users WHERE sourced_id = 'a2' AND NOT active").await, 1);
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM users WHERE sourced_id = 'u2' AND active").await, 1, "back in the bulk set, active again");
        assert_eq!(scalar(&db, since).await, 0, "coming back stops it");
    }
}

on_both_backends! {
    async fn zip_sets_import_and_unsafe_entries_are_refused(backend: Backend) {
        let test_db = TestDb::empty(backend).await;
        let db = test_db.connect().await;
        let dir = tempfile::tempdir().unwrap();
        let set = base_set();
        let entries: Vec<(String, Vec<u8>)> = set.iter().map(|(n, t)| (format!("export/{n}"), t.clone().into_bytes())).collect();
        let borrowed: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();

        let mut evil = borrowed.clone();
        evil.push(("../evil.csv", b"x"));
        write_zip(&dir.path().join("evil.zip"), &evil);
        let report = import(&db, &dir.path().join("evil.zip")).await;
        assert_eq!(report.status, Status::Rejected);
        assert!(report.errors[0].message.contains("points outside the set"), "{}", report.to_text());
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM users").await, 0);

        write_zip(&dir.path().join("set.zip"), &borrowed);
        assert_imported(&import(&db, &dir.path().join("set.zip")).await, "zip");
        assert_base_people(&db, "zip").await;
    }
}

/// The base set as OneRoster 1.2: roles (one of them secondary) in roles.csv, not users.csv.
fn base_set_1_2() -> Set {
    let mut set = base_set();
    set.insert(
        "manifest.csv",
        set["manifest.csv"].replace("oneroster.version,1.1", "oneroster.version,1.2")
            + "file.roles,bulk\nfile.userProfiles,bulk\n",
    );
    let users: Vec<String> = set["users.csv"]
        .lines()
        .map(|l| {
            let mut fields: Vec<&str> = l.split(',').collect();
            fields.remove(5);
            fields.remove(4);
            fields.join(",")
        })
        .collect();
    set.insert("users.csv", users.join("\n") + "\n");
    let mut roles = String::from(
        "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId,userProfileSourcedId,beginDate,endDate\n",
    );
    for (n, (user, role, org)) in [
        ("u1", "student", "s1"),
        ("u2", "student", "s2"),
        ("g1", "parent", "d1"),
        ("p1", "teacher", "s1"),
        ("p2", "teacher", "s2"),
        ("a1", "districtAdministrator", "d1"),
        ("a2", "principal", "s1"),
    ]
    .iter()
    .enumerate()
    {
        roles.push_str(&format!("r{n},active,2026-09-01,{user},primary,{role},{org},,,\n"));
    }
    roles.push_str("r9,active,2026-09-01,p1,secondary,aide,s2,,,\n");
    set.insert("roles.csv", roles);
    set.insert("userProfiles.csv", "sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId,applicationId,description,credentialType,username,password\nup1,active,2026-09-01,u1,lms,acme,,,,ana,\n".into());
    set
}

on_both_backends! {
    async fn oneroster_1_2_roles_come_from_roles_csv(backend: Backend) {
        let test_db = TestDb::empty(backend).await;
        let db = test_db.connect().await;
        let report = import_set(&db, &base_set_1_2()).await;
        assert_imported(&report, "1.2");
        assert_base_people(&db, "1.2").await;
        assert_eq!(report.counts["roles.csv"].read, 8);
        assert_eq!(report.counts["roles.csv"].imported, 8);
    }
}

on_both_backends! {
    async fn roles_naming_no_user_or_org_are_rejected_by_line_and_nothing_written(backend: Backend) {
        let test_db = TestDb::empty(backend).await;
        let db = test_db.connect().await;
        let mut set = base_set_1_2();
        let roles = set["roles.csv"].clone()
            + "r10,active,2026-09-01,u7,primary,student,s1,,,\n"
            + "r11,active,2026-09-01,p2,secondary,teacher,s9,,,\n"
            + "r12,active,2026-09-01,,primary,student,s1,,,\n";
        set.insert("roles.csv", roles);
        let report = import_set(&db, &set).await;
        assert_eq!(report.status, Status::Rejected, "{}", report.to_text());
        let found = |line: u64, column: &str, message: &str| {
            report.errors.iter().any(|e| e.file == "roles.csv" && e.line == Some(line) && e.column.as_deref() == Some(column) && e.message.contains(message))
        };
        assert!(found(10, "userSourcedId", "userSourcedId \"u7\" is not in users.csv"), "{}", report.to_text());
        assert!(found(11, "orgSourcedId", "orgSourcedId \"s9\" is not in orgs.csv"), "{}", report.to_text());
        assert!(found(12, "userSourcedId", "userSourcedId is empty; it must name a row of users.csv"), "{}", report.to_text());
        assert_eq!(report.errors.len(), 3, "one error per broken row: {}", report.to_text());
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM users").await, 0, "nothing was written");
    }
}

on_both_backends! {
    async fn the_command_exits_2_on_rejection_writes_a_json_report_and_dry_runs(backend: Backend) {
        let test_db = TestDb::empty(backend).await;
        let dir = tempfile::tempdir().unwrap();
        let (set, _, _, _) = broken("reference to nothing");
        write_set(&dir.path().join("broken"), &set);
        write_set(&dir.path().join("clean"), &base_set());
        let report_path = dir.path().join("report.json");

        let rejected = pathways(&test_db.url)
            .args(["import", "oneroster"]).arg(dir.path().join("broken")).arg("--report").arg(&report_path)
            .output().unwrap();
        assert_eq!(rejected.status.code(), Some(2));
        let stdout = String::from_utf8_lossy(&rejected.stdout);
        assert!(stdout.contains("REJECTED") && stdout.contains("enrollments.csv:4 [classSourcedId]"), "{stdout}");
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report_path).unwrap()).unwrap();
        assert_eq!(json["status"], "rejected");
        assert_eq!(json["errors"][0]["file"], "enrollments.csv");
        assert_eq!(json["errors"][0]["line"], 4);
        assert_eq!(json["errors"][0]["column"], "classSourcedId");
        assert!(json["counts"]["users.csv"]["read"].is_number() && json["warnings"].is_array());

        let dry = pathways(&test_db.url).args(["import", "oneroster", "--dry-run"]).arg(dir.path().join("clean")).output().unwrap();
        assert_eq!(dry.status.code(), Some(0), "{}", String::from_utf8_lossy(&dry.stdout));
        assert!(String::from_utf8_lossy(&dry.stdout).contains("dry run: nothing was written"));
        let db = test_db.connect().await;
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM users").await, 0);

        let done = pathways(&test_db.url).args(["import", "oneroster"]).arg(dir.path().join("clean")).output().unwrap();
        assert_eq!(done.status.code(), Some(0));
        assert_base_people(&db, "command").await;
    }
}

on_both_backends! {
    async fn the_demo_export_reads_back_as_the_same_district(backend: Backend) {
        let (_source, db, dir) = demo_export(backend, 210).await;
        let target = TestDb::empty(backend).await;

        let imported = target.connect().await;
        let report = import(&imported, dir.path()).await;
        assert_imported(&report, "demo export");
        for sql in [
            "SELECT COUNT(*) FROM users WHERE role = 'student' AND grade BETWEEN 6 AND 12",
            "SELECT COUNT(*) FROM users WHERE role = 'guardian'",
            "SELECT COUNT(*) FROM users WHERE role = 'teacher'",
            "SELECT COUNT(*) FROM users WHERE role = 'counselor'",
            "SELECT COUNT(*) FROM guardianships",
            "SELECT COUNT(*) FROM enrollments",
            "SELECT COUNT(*) FROM classes",
            "SELECT COUNT(*) FROM schools WHERE level = 'middle'",
            "SELECT COUNT(*) FROM student_attributes WHERE ethnicity IS NOT NULL",
        ] {
            assert_eq!(scalar(&imported, sql).await, scalar(&db, sql).await, "{sql}");
        }
        assert_eq!(scalar(&imported, "SELECT COUNT(*) FROM users WHERE email = 'student@demo.test'").await, 1);
    }
}

on_both_backends! {
    async fn a_first_load_builds_indexes_and_constraints_after_the_rows_as_the_migrations_made_them(backend: Backend) {
        let (_source, db, dir) = demo_export(backend, 6000).await;
        let target = TestDb::empty(backend).await;
        let imported = target.connect().await;
        let (indexes, constraints) = (index_definitions(&imported).await, constraint_definitions(&imported).await);

        assert_imported(&import(&imported, dir.path()).await, "demo export");
        assert!(scalar(&imported, "SELECT COUNT(*) FROM users").await > 10_000, "a bulk load");
        assert_eq!(scalar(&imported, "SELECT COUNT(*) FROM enrollments").await, scalar(&db, "SELECT COUNT(*) FROM enrollments").await);
        assert_eq!(index_definitions(&imported).await, indexes, "indexes built again after the rows");
        if let Db::Sqlite(pool) = &imported {
            let page_size: i64 = sqlx::query_scalar("PRAGMA page_size").fetch_one(pool).await.unwrap();
            assert_eq!(page_size, i64::from(pathways::db::SQLITE_PAGE_SIZE), "a new database's page size");
            // The import's connection went back to the pool with the pool's page cache.
            let mut held = Vec::new();
            for _ in 0..pool.options().get_max_connections() {
                let mut conn = pool.acquire().await.unwrap();
                let cache: i64 = sqlx::query_scalar("PRAGMA cache_size").fetch_one(&mut *conn).await.unwrap();
                assert_eq!(cache, -32768, "page cache of a pooled connection");
                held.push(conn);
            }
        }
        imported.migrate().await.unwrap();
        assert_eq!(constraint_definitions(&imported).await, constraints, "constraints built again and validated");
    }
}

on_both_backends! {
    async fn an_import_killed_midway_leaves_the_database_as_it_was(backend: Backend) {
        use std::io::{BufRead, BufReader};
        let (_source, _db, dir) = demo_export(backend, 6000).await;

        let target = TestDb::empty(backend).await;
        let imported = target.connect().await;
        assert_imported(&import_set(&imported, &base_set()).await, "base");
        let before = digest(&imported).await;
        let mut killed = 0;
        for delay_ms in [0u64, 5, 15, 30, 60, 100] {
            let mut child = pathways(&target.url)
                .args(["import", "oneroster"]).arg(dir.path())
                .stderr(std::process::Stdio::piped()).stdout(std::process::Stdio::null())
                .spawn().unwrap();
            let stderr = BufReader::new(child.stderr.take().unwrap());
            for line in stderr.lines() {
                if line.unwrap().starts_with("writing roster (") {
                    break;
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(delay_ms));
            let finished = child.try_wait().unwrap().is_some();
            child.kill().unwrap();
            child.wait().unwrap();
            if finished {
                continue;
            }
            killed += 1;
            if let Db::Sqlite(pool) = &imported {
                let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(pool).await.unwrap();
                assert_eq!(check, "ok");
            }
            assert_eq!(digest(&imported).await, before, "killed after {delay_ms} ms: nothing of the import remains");
        }
        assert!(killed >= 3, "the import was killed midway only {killed} times");

        let indexes = index_definitions(&imported).await;
        let status = pathways(&target.url).args(["import", "oneroster"]).arg(dir.path()).output().unwrap().status;
        assert!(status.success());
        assert!(scalar(&imported, "SELECT COUNT(*) FROM enrollments").await > 10_000, "a bulk load");
        assert_eq!(index_definitions(&imported).await, indexes, "indexes rebuilt after the bulk load");
    }
}

on_both_backends! {
    async fn program_flags_import_by_sourced_id_or_email_all_or_nothing(backend: Backend) {
        let test_db = TestDb::empty(backend).await;
        let db = test_db.connect().await;
        assert_imported(&import_set(&db, &base_set()).await, "base");
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("flags.csv");
        std::fs::write(&good, "\u{feff}Student ID,Email,FRL,ELL,IEP\r\nu1,,Y,n,\r\n,ben@lakeside.test,0,1,yes\r\n").unwrap();
        let report = oneroster::attributes::import(&db, &good, None, false).await.unwrap();
        assert_imported(&report, "flags");
        let flags = "SELECT COUNT(*) FROM student_attributes a JOIN users u ON u.id = a.student_id WHERE";
        assert_eq!(scalar(&db, &format!("{flags} u.sourced_id = 'u1' AND a.economically_disadvantaged AND NOT a.english_learner AND a.iep_504 IS NULL AND a.sex = 'female'")).await, 1, "flags set, demographics kept");
        assert_eq!(scalar(&db, &format!("{flags} u.sourced_id = 'u2' AND NOT a.economically_disadvantaged AND a.english_learner AND a.iep_504")).await, 1);
        let before = digest(&db).await;

        let bad = dir.path().join("bad.csv");
        std::fs::write(&bad, "sourcedId,economicallyDisadvantaged,englishLearner,iep504\nu1,no,no,no\nu9,yes,no,no\nu2,maybe,no,no\n").unwrap();
        let report = oneroster::attributes::import(&db, &bad, None, false).await.unwrap();
        assert_eq!(report.status, Status::Rejected);
        assert!(report.errors.iter().any(|e| e.line == Some(3) && e.message.contains("\"u9\"")), "{}", report.to_text());
        assert!(report.errors.iter().any(|e| e.line == Some(4) && e.column.as_deref() == Some("economicallyDisadvantaged")), "{}", report.to_text());
        assert_eq!(digest(&db).await, before, "nothing written");

        let output = pathways(&test_db.url).args(["import", "student-attributes", "--district", "nowhere"]).arg(&good).output().unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&output.stdout).contains("no district has the slug \"nowhere\""));
    }
}

on_both_backends! {
    async fn a_district_admin_uploads_the_roster_and_reads_the_same_report(backend: Backend) {
        let app = crate::support::TestApp::with_people(backend).await;
        let db = app.db().await;
        let zip = demo_export_zip(&db).await;
        let before = digest(&db).await;
        let admin = app.signed_in("district-admin@demo.test").await;

        let response = admin.post_multipart("/admin/roster", &[("dry_run", "on")], Some(("riverbend.zip", &zip))).await;
        assert_eq!(response.status(), 200);
        let page = response.text().await.unwrap();
        assert!(page.contains("The set is valid and would be imported"), "{page}");
        assert!(page.contains("<code>users.csv</code>"), "counts per file");
        assert_eq!(digest(&db).await, before, "a dry run writes nothing");

        let response = admin.post_multipart("/admin/roster", &[], Some(("riverbend.zip", &zip))).await;
        assert_eq!(response.status(), 200);
        assert!(response.text().await.unwrap().contains("Imported."));
        assert_eq!(digest(&db).await, before, "the district's own roster again changes nothing");
        let by_admin = "SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.actor_id
             WHERE a.action = 'import' AND u.email = 'district-admin@demo.test'";
        assert_eq!(scalar(&db, by_admin).await, 1, "the import is in the audit log under the admin");

        let (status, page) = admin.page("/admin/roster").await;
        assert_eq!(status, 200);
        assert!(page.contains("enctype=\"multipart/form-data\""));
        let response = admin.post_multipart("/admin/roster", &[], Some(("notes.txt", b"not a zip"))).await;
        assert_eq!(response.status(), 422);
        let page = response.text().await.unwrap();
        assert!(page.contains("notes.txt") && !page.contains("/tmp"), "names the upload, not where the server keeps it: {page}");
        let response = admin.post_multipart("/admin/roster", &[], None).await;
        assert_eq!(response.status(), 400);
        assert!(response.text().await.unwrap().contains("Choose the zip file"));

        crate::support::set_password(&db, "district-admin@northfield.test", crate::support::TEST_PASSWORD).await;
        let other = app.signed_in_with("district-admin@northfield.test", crate::support::TEST_PASSWORD).await;
        let response = other.post_multipart("/admin/roster", &[], Some(("riverbend.zip", &zip))).await;
        assert_eq!(response.status(), 422);
        assert!(response.text().await.unwrap().contains("this set is not your district"));
        assert_eq!(digest(&db).await, before, "another district's set is refused whole");

        let mut forged = app.signed_in("district-admin@demo.test").await;
        forged.csrf = "0".repeat(64);
        let response = forged.post_multipart("/admin/roster", &[], Some(("riverbend.zip", &zip))).await;
        assert_eq!(response.status(), 403, "the upload form needs its CSRF token");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_that_fills_the_disk_fails_cleanly_and_writes_nothing() {
    let source = TestDb::empty(Backend::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    let db = source.connect().await;
    pathways::orgs::create_demo_district(&db, &pathways::orgs::DemoSpec::standard(3000)).await.unwrap();
    pathways::oneroster::export::export_district(&db, "riverbend", dir.path()).await.unwrap();

    let target = TestDb::empty(Backend::Sqlite).await;
    let imported = target.connect().await;
    assert_imported(&import_set(&imported, &base_set()).await, "base");
    let before = digest(&imported).await;
    let file = target.url.trim_start_matches("sqlite://").to_string();
    // Files may grow 1 MiB past the database's size; writes beyond fail as on a full disk
    // (the shell ignores the signal a process gets at the limit, so the write itself fails).
    let limit_kib = std::fs::metadata(&file).unwrap().len() / 1024 + 1024;
    let pathways_bin = pathways(&target.url).get_program().to_owned();
    let output = pathways(&target.url)
        .get_envs()
        .fold(std::process::Command::new("bash"), |mut command, (key, value)| {
            if let Some(value) = value {
                command.env(key, value);
            }
            command
        })
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {limit_kib}; exec \"$0\" import oneroster \"$1\""))
        .arg(&pathways_bin)
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stderr}");
    assert!(!output.status.success(), "the import cannot fit: {stderr}");
    assert!(stderr.contains("Nothing of this import was written") && !stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("could not be written") || stderr.contains("disk is full"), "{stderr}");

    if let Db::Sqlite(pool) = &imported {
        let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(pool).await.unwrap();
        assert_eq!(check, "ok");
    }
    assert_eq!(digest(&imported).await, before, "nothing of the import remains");
    let again = pathways(&target.url).args(["import", "oneroster"]).arg(dir.path()).output().unwrap();
    assert!(again.status.success(), "with room again the same set imports");
}
