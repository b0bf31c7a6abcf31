//! Insights for administrators: equity of access as suppressed aggregates on the page, in
//! CSV and over the API, each checked against counts taken straight from the database.

use pathways::auth::tokens::{self, Scope};
use pathways::db::Db;
use pathways::ids::{DistrictId, SchoolId};
use pathways::with_pool;
use serde_json::Value;
use time::OffsetDateTime;

use crate::support::{TestApp, on_both_backends};

async fn district_of(db: &Db, email: &str) -> (DistrictId, Option<SchoolId>) {
    with_pool!(db, pool => {
        sqlx::query_as("SELECT district_id, school_id FROM users WHERE email = $1").bind(email).fetch_one(pool).await
    })
    .expect("user")
}

/// Active students of the district by ethnicity ("unknown" when the roster does not say).
async fn students_by_ethnicity(db: &Db, district: DistrictId) -> Vec<(String, i64)> {
    const SQL: &str = "SELECT COALESCE(a.ethnicity, 'unknown'), COUNT(*) FROM users u
         LEFT JOIN student_attributes a ON a.student_id = u.id
         WHERE u.district_id = $1 AND u.role = 'student' AND u.active GROUP BY 1";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(district).fetch_all(pool).await).expect("groups")
}

fn funnel<'a>(report: &'a Value, dimension: &str) -> &'a Value {
    report["funnels"].as_array().unwrap().iter().find(|f| f["dimension"] == dimension).expect(dimension)
}

/// Every published count of a report: group sizes and stage counts of every funnel.
fn published_counts(report: &Value) -> Vec<i64> {
    let mut counts = Vec::new();
    for funnel in report["funnels"].as_array().unwrap() {
        let rows = funnel["groups"].as_array().unwrap().iter().chain(std::iter::once(&funnel["all"]));
        for row in rows {
            counts.extend(row["students"].as_i64());
            counts.extend(row["stages"].as_array().unwrap().iter().filter_map(|s| s["count"].as_i64()));
        }
    }
    counts
}

on_both_backends! {
    async fn administrators_see_equity_of_access_with_small_groups_hidden(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (district, _) = district_of(&db, "district-admin@demo.test").await;
        let admin = app.signed_in("district-admin@demo.test").await;

        let (status, report) = admin.json_of("/api/v1/insights/equity").await;
        assert_eq!(status, 200, "{report}");
        assert_eq!(report["threshold"], 10);
        let ethnicity = funnel(&report, "ethnicity");
        let expected = students_by_ethnicity(&db, district).await;
        let total: i64 = expected.iter().map(|(_, n)| n).sum();
        assert_eq!(ethnicity["all"]["students"], total);
        let mut hidden = 0;
        for (group, n) in &expected {
            let row = ethnicity["groups"].as_array().unwrap().iter().find(|g| g["group"] == group.as_str()).expect(group);
            match row["students"].as_i64() {
                Some(shown) => assert_eq!(shown, *n, "{group}"),
                None => hidden += 1,
            }
            if *n < 10 {
                assert!(row["students"].is_null() && row["stages"].as_array().unwrap().iter().all(|s| s["rate"].is_null()));
            }
        }
        assert!(expected.iter().any(|(_, n)| *n < 10), "the demo district has a small group: {expected:?}");
        assert!(hidden >= 2, "a hidden group takes a second one with it");
        assert!(published_counts(&report).iter().all(|c| *c >= 10));

        // Every stage of all students, counted straight from the tables (active students only).
        let year = pathways::partners::exports::SchoolYear::of(OffsetDateTime::now_utc().date());
        let stage_sql = [
            "EXISTS (SELECT 1 FROM exposures e WHERE e.student_id = u.id AND e.occurred_on >= $2)",
            "EXISTS (SELECT 1 FROM plan_interests i WHERE i.student_id = u.id)",
            "(SELECT COUNT(DISTINCT s.signer_role) FROM plan_signoffs s WHERE s.student_id = u.id AND s.school_year = $3) = 3",
            "EXISTS (SELECT 1 FROM plan_courses pc JOIN courses c ON c.id = pc.course_id
                 WHERE pc.student_id = u.id AND c.cip_code IS NOT NULL AND pc.status <> 'planned' AND pc.status <> 'not_passed')",
            "EXISTS (SELECT 1 FROM applications a JOIN opportunities o ON o.id = a.opportunity_id
                 WHERE a.student_id = u.id AND o.starts_on >= $2 AND o.starts_on <= $4)",
            "EXISTS (SELECT 1 FROM applications a JOIN opportunities o ON o.id = a.opportunity_id
                 WHERE a.student_id = u.id AND o.starts_on >= $2 AND o.starts_on <= $4 AND a.status = 'completed')",
        ];
        for (n, condition) in stage_sql.iter().enumerate() {
            let sql = format!("SELECT COUNT(*) FROM users u WHERE u.district_id = $1 AND u.role = 'student' AND u.active AND {condition}");
            let expected: i64 = with_pool!(&db, pool => {
                sqlx::query_scalar(&sql).bind(district).bind(year.start).bind(&year.label).bind(year.end).fetch_one(pool).await
            }).unwrap();
            let shown = &ethnicity["all"]["stages"][n];
            if expected >= 10 {
                assert_eq!(shown["count"], expected, "stage {n}");
            } else {
                assert!(shown["count"].is_null(), "stage {n}: {expected} is below the threshold");
            }
            if n < 4 {
                assert!(expected >= 10, "the demo district reaches stage {n}: {expected}");
            }
        }
        // The page and the CSV say the same, in both languages.
        let (status, page) = admin.page("/insights/equity?by=sex").await;
        assert_eq!(status, 200);
        assert!(page.contains("Equity of access") && page.contains("<svg role=\"img\""), "{page}");
        let (_, spanish) = admin.page("/insights/equity?by=ethnicity&lang=es").await;
        assert!(spanish.contains("Equidad de acceso") && spanish.contains("Hispano o latino"));
        let csv = admin.get("/insights/equity.csv").await.text().await.unwrap();
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let mut rows = 0;
        for record in reader.records() {
            let record = record.unwrap();
            rows += 1;
            for (i, value) in record.iter().enumerate().skip(3) {
                let is_count = i == 3 || (i - 4) % 4 == 0;
                if is_count && value != "*" {
                    assert!(value.parse::<i64>().unwrap() >= 10, "{record:?}");
                }
            }
        }
        assert!(rows > 20, "every dimension's groups and totals: {rows}");
        let exports = crate::support::scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE resource LIKE '/insights/equity.csv%'").await;
        assert_eq!(exports, 1);

        // The district raises its threshold; it cannot go below five.
        assert_eq!(admin.post("/insights/settings", &[("threshold", "4")]).await.status(), 400);
        assert_eq!(admin.post("/insights/settings", &[("threshold", "20")]).await.status(), 303);
        let (_, stricter) = admin.json_of("/api/v1/insights/equity?grade=9").await;
        assert_eq!(stricter["threshold"], 20);
        assert!(published_counts(&stricter).iter().all(|c| *c >= 20));
        assert_eq!(admin.get("/insights/equity?grade=13").await.status(), 400);
        assert_eq!(admin.get("/insights/equity?by=religion").await.status(), 400);
        db.close().await;
    }
}

on_both_backends! {
    async fn reports_stay_within_the_school_or_district_of_who_asks(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (district, school) = district_of(&db, "school-admin@demo.test").await;
        let school = school.expect("school");
        let of_school: i64 = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE school_id = $1 AND role = 'student' AND active")
                .bind(school).fetch_one(pool).await
        }).unwrap();
        let school_admin = app.signed_in("school-admin@demo.test").await;
        let (status, report) = school_admin.json_of("/api/v1/insights/equity").await;
        assert_eq!(status, 200);
        assert_eq!(funnel(&report, "sex")["all"]["students"], of_school);
        let other: SchoolId = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT id FROM schools WHERE district_id = $1 AND id <> $2 LIMIT 1")
                .bind(district).bind(school).fetch_one(pool).await
        }).unwrap();
        assert_eq!(school_admin.get(&format!("/insights/equity?school={other}")).await.status(), 400);

        // Northfield's administrator sees Northfield only.
        let northfield_admin: String = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT u.email FROM users u JOIN districts d ON d.id = u.district_id
                 WHERE d.slug = 'northfield' AND u.role = 'district_admin' LIMIT 1").fetch_one(pool).await
        }).unwrap();
        crate::support::set_password(&db, &northfield_admin, crate::support::TEST_PASSWORD).await;
        let northfield = app.signed_in_with(&northfield_admin, crate::support::TEST_PASSWORD).await;
        let (_, theirs) = northfield.json_of("/api/v1/insights/equity").await;
        assert_eq!(funnel(&theirs, "sex")["all"]["students"], 70);
        assert_eq!(northfield.get(&format!("/insights/equity?school={school}")).await.status(), 400);

        // Other roles are refused; a district's system reads with a reports:read token.
        let counselor = app.signed_in("counselor@demo.test").await;
        assert_eq!(counselor.get("/api/v1/insights/equity").await.status(), 403);
        assert_eq!(counselor.get("/insights/equity").await.status(), 403);
        let (_, roster_only) = tokens::create(&db, district, "SIS", &[Scope::RosterRead], None, OffsetDateTime::now_utc()).await.unwrap();
        let (_, reports) = tokens::create(&db, district, "BI", &[Scope::ReportsRead], None, OffsetDateTime::now_utc()).await.unwrap();
        let client = reqwest::Client::new();
        let with = |secret: String| client.get(app.url("/api/v1/insights/equity")).bearer_auth(secret).send();
        assert_eq!(with(roster_only).await.unwrap().status(), 403);
        let response = with(reports).await.unwrap();
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.unwrap();
        assert!(funnel(&body, "school")["groups"].as_array().unwrap().len() >= 4);
        assert_eq!(client.get(app.url("/api/v1/insights/equity")).send().await.unwrap().status(), 401);
        db.close().await;
    }
}

/// The CSV row of `id` in the coverage matrix, as field name → value.
fn coverage_row(csv: &str, id: &str) -> std::collections::HashMap<String, String> {
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let record = reader.records().map(Result::unwrap).find(|r| &r[2] == id).expect(id);
    header.into_iter().zip(record.iter().map(String::from)).collect()
}

on_both_backends! {
    async fn administrators_align_courses_and_see_what_each_cluster_offers(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (district, _) = district_of(&db, "district-admin@demo.test").await;
        let admin = app.signed_in("district-admin@demo.test").await;

        let (status, page) = admin.page("/insights/alignment?level=subcluster").await;
        assert_eq!(status, 200);
        assert!(page.contains("Curriculum alignment") && page.contains("Software Solutions"), "{page}");
        let csv = admin.get("/insights/alignment.csv").await.text().await.unwrap();
        let software = coverage_row(&csv, "software-solutions");
        let courses: i64 = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM course_subclusters cs JOIN courses c ON c.id = cs.course_id
                 WHERE c.district_id = $1 AND cs.subcluster_id = 'software-solutions'").bind(district).fetch_one(pool).await
        }).unwrap();
        assert!(courses > 0);
        assert_eq!(software["courses"], courses.to_string());
        let interested: i64 = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT COUNT(DISTINCT u.id) FROM users u JOIN plan_interests i ON i.student_id = u.id
                 LEFT JOIN occupations o ON i.kind = 'occupation' AND o.code = i.ref
                 LEFT JOIN subcluster_socs ss ON ss.soc_code = o.soc_code
                 WHERE u.district_id = $1 AND u.active AND u.role = 'student'
                   AND ((i.kind = 'subcluster' AND i.ref = 'physical-health') OR ss.subcluster_id = 'physical-health')")
                .bind(district).fetch_one(pool).await
        }).unwrap();
        assert_eq!(coverage_row(&csv, "physical-health")["students_interested"], interested.to_string());
        let partners = coverage_row(&csv, "physical-health")["partners"].parse::<i64>().unwrap();
        assert!(partners >= 3, "the region's clinics work in physical health: {partners}");

        // Aligning English 10 to a CIP program makes it a career and technical course.
        let english: pathways::ids::CourseId = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT id FROM courses WHERE district_id = $1 AND title = 'English 10' LIMIT 1")
                .bind(district).fetch_one(pool).await
        }).unwrap();
        let cte_before = funnel(&admin.json_of("/api/v1/insights/equity").await.1, "sex")["all"]["stages"][3]["count"].clone();
        let (status, form) = admin.page(&format!("/insights/alignment/courses/{english}")).await;
        assert_eq!(status, 200);
        assert!(form.contains("23.0101"), "English suggests the English language programs: {form}");
        let path = format!("/insights/alignment/courses/{english}");
        let refused = admin.post(&path, &[("cip", "other"), ("cip_other", "23.9999x")]).await;
        assert_eq!(refused.status(), 400);
        let refused = admin.post(&path, &[("cip", "23.0101"), ("subcluster", "astrology")]).await;
        assert_eq!(refused.status(), 400);
        let tagged = |db: Db| async move {
            with_pool!(&db, pool => {
                sqlx::query_as::<_, (Option<String>, i64)>("SELECT c.cip_code, (SELECT COUNT(*) FROM course_subclusters cs WHERE cs.course_id = c.id)
                     FROM courses c WHERE c.id = $1").bind(english).fetch_one(pool).await
            }).unwrap()
        };
        assert_eq!(tagged(db.clone()).await, (None, 0), "nothing changed by refused forms");
        let saved = admin.post(&path, &[("cip", "23.0101"), ("subcluster", "media-production-broadcasting"), ("add", "performing-arts")]).await;
        assert_eq!(saved.status(), 303);
        assert_eq!(tagged(db.clone()).await, (Some("23.0101".to_string()), 2));
        let cte_after = funnel(&admin.json_of("/api/v1/insights/equity").await.1, "sex")["all"]["stages"][3]["count"].clone();
        assert!(cte_after.as_i64().unwrap_or(0) > cte_before.as_i64().unwrap_or(0), "{cte_before} → {cte_after}");
        let changes = crate::support::scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'change' AND resource LIKE '/insights/alignment/courses/%'").await;
        assert_eq!(changes, 1);

        // A program of study of two courses; titles are the district's own.
        let health: Vec<pathways::ids::CourseId> = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT id FROM courses WHERE district_id = $1 AND subject = 'Health Science' ORDER BY title LIMIT 2")
                .bind(district).fetch_all(pool).await
        }).unwrap();
        let (first, second) = (health[0].to_string(), health[1].to_string());
        let program = [("title", "Patient Care Pathway"), ("subcluster", "physical-health"), ("cip", "51.3902"), ("course1", first.as_str()), ("course2", second.as_str())];
        assert_eq!(admin.post("/insights/alignment/programs", &program).await.status(), 303);
        assert_eq!(admin.post("/insights/alignment/programs", &program).await.status(), 400, "the title is taken");
        let (_, page) = admin.page("/insights/alignment").await;
        assert!(page.contains("Patient Care Pathway"));
        assert_eq!(coverage_row(&admin.get("/insights/alignment.csv").await.text().await.unwrap(), "physical-health")["programs"], "1");

        let school_admin = app.signed_in("school-admin@demo.test").await;
        assert_eq!(school_admin.get("/insights/alignment").await.status(), 200);
        assert_eq!(school_admin.post("/insights/alignment/programs", &program).await.status(), 403);
        assert_eq!(school_admin.get(&path).await.status(), 403);
        db.close().await;
    }
}

/// The gap analysis CSV row of sub-cluster `id`, as field name → value.
async fn gap_row(admin: &crate::support::Visitor, id: &str) -> std::collections::HashMap<String, String> {
    let csv = admin.get("/insights/gaps.csv").await.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let record = reader.records().map(Result::unwrap).find(|r| &r[1] == id).expect(id);
    header.into_iter().zip(record.iter().map(String::from)).collect()
}

/// A state labor-market file as spreadsheets save it: Windows-1252, CRLF, a group total, a
/// suppressed wage, quoted thousands, an O*NET-SOC code, a blank line and an extra column.
fn regional_file() -> Vec<u8> {
    let text = "OCC_CODE,OCC_TITLE,Annual Openings,A_MEDIAN,Percent Change,Notes\r\n\
        29-0000,Healthcare practitioners,\"12,000\",\"$80,000\",5%,group\r\n\
        29-1141,Registered Nurses,\"1,250\",\"$86,070\",5.2%,\r\n\
        \r\n\
        31-1131.00,\"Nursing Assistants, Orderlies\",900,*,3.1%,\r\n\
        292061,Enfermería práctica,400,\"$59,730\",(1.5),\r\n\
        15-1252,Software Developers,\"2,100\",\">=$239,200\",17.9%,\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

on_both_backends! {
    async fn gaps_compare_demand_with_coverage_nationally_or_with_regional_figures(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let admin = app.signed_in("district-admin@demo.test").await;
        let (status, page) = admin.page("/insights/gaps").await;
        assert_eq!(status, 200);
        assert!(page.contains("Gaps against labor demand") && page.contains("national BLS"), "{page}");
        assert!(page.contains("students interested in"), "{page}");

        // National demand: the BLS openings of the sub-cluster's occupations, counted from the tables.
        let national: f64 = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT SUM(b.annual_openings_thousands) * 1000.0 FROM subcluster_socs ss
                 JOIN bls_projections b ON b.soc_code = ss.soc_code
                 WHERE ss.subcluster_id = 'physical-health' AND b.occupation_type = 'Line item'").fetch_one(pool).await
        }).unwrap();
        let row = gap_row(&admin, "physical-health").await;
        assert_eq!(row["annual_openings"], format!("{national:.0}"));
        assert!(national > 100_000.0, "{national}");
        let alignment = admin.get("/insights/alignment.csv").await.text().await.unwrap();
        assert_eq!(row["courses"], coverage_row(&alignment, "physical-health")["courses"]);

        // A messy regional file is read; what it means is imported.
        let upload = admin
            .post_multipart("/insights/labor-demand", &[("region", "Riverbend County 2024-2034")], Some(("county.csv", &regional_file())))
            .await;
        assert_eq!(upload.status(), 200);
        let report = crate::support::unescape(&upload.text().await.unwrap());
        assert!(report.contains("Imported"), "{report}");
        assert!(report.contains("29-0000 is a group total"), "{report}");
        assert!(report.contains("read as Windows-1252"), "{report}");
        let row = gap_row(&admin, "physical-health").await;
        assert_eq!(row["annual_openings"], "2550");
        let wage = (1250.0 * 86_070.0 + 400.0 * 59_730.0) / 1650.0;
        assert_eq!(row["median_wage"], format!("{wage:.1}"));
        assert!(row["largest_occupations"].starts_with("Registered Nurses; Nursing Assistants, Orderlies; Enfermería práctica"), "{row:?}");
        assert_eq!(gap_row(&admin, "software-solutions").await["annual_openings"], "2100");
        assert_eq!(gap_row(&admin, "plant-systems").await["annual_openings"], "0");
        let (_, page) = admin.page("/insights/gaps").await;
        assert!(crate::support::unescape(&page).contains("Riverbend County 2024-2034"));

        // Broken files are refused whole, each problem at its line; a dry run writes nothing.
        let stored = || async { crate::support::scalar(&db, "SELECT COUNT(*) FROM labor_demand").await };
        assert_eq!(stored().await, 4);
        let broken = b"soc_code,annual_openings\n29-1141,100\n29-1141,200\n31-1131,lots\nRN,5\n";
        let refused = admin.post_multipart("/insights/labor-demand", &[], Some(("broken.csv", broken))).await;
        assert_eq!(refused.status(), 422);
        let report = crate::support::unescape(&refused.text().await.unwrap());
        assert!(report.contains("29-1141 is also on line 2"), "{report}");
        assert!(report.contains("\"lots\" is not a number"), "{report}");
        assert!(report.contains("\"RN\" is not a SOC code"), "{report}");
        let no_openings = admin.post_multipart("/insights/labor-demand", &[], Some(("x.csv", b"soc,wage\n29-1141,5\n"))).await;
        assert_eq!(no_openings.status(), 422);
        assert!(no_openings.text().await.unwrap().contains("needs an annual_openings column"));
        let dry = admin.post_multipart("/insights/labor-demand", &[("dry_run", "on")], Some(("x.csv", b"soc_code,annual_openings\n11-1011,10\n"))).await;
        assert_eq!(dry.status(), 200);
        assert!(dry.text().await.unwrap().contains("would be imported"));
        assert_eq!(stored().await, 4, "refused files and dry runs change nothing");
        assert_eq!(admin.post_multipart("/insights/labor-demand", &[], None).await.status(), 400);

        // The command line reads the same files: exit 2 and a JSON report when refused.
        let dir = tempfile::tempdir().unwrap();
        let (bad, good, json) = (dir.path().join("bad.csv"), dir.path().join("good.csv"), dir.path().join("report.json"));
        std::fs::write(&bad, broken).unwrap();
        std::fs::write(&good, "\u{feff}SOC Code,Occupation,Annual Openings,Median Hourly Wage\n29-1141,Registered Nurses,300,$40.00\n").unwrap();
        let url = app.database_url().to_string();
        let refused = crate::support::pathways(&url).args(["import", "labor-demand", "--district", "riverbend", "--report"]).arg(&json).arg(&bad).output().unwrap();
        assert_eq!(refused.status.code(), Some(2));
        let report: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        assert_eq!(report["status"], "rejected");
        assert!(report["errors"].as_array().unwrap().iter().any(|e| e["line"] == 3 && e["column"] == "soc_code"), "{report}");
        let done = crate::support::pathways(&url).args(["import", "labor-demand", "--district", "riverbend", "--region", "Metro"]).arg(&good).output().unwrap();
        assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
        let row = gap_row(&admin, "physical-health").await;
        assert_eq!((row["annual_openings"].as_str(), row["median_wage"].as_str()), ("300", "83200.0"));

        // Back to the national projections.
        assert_eq!(admin.post("/insights/labor-demand/national", &[]).await.status(), 303);
        assert_eq!(stored().await, 0);
        assert_eq!(gap_row(&admin, "physical-health").await["annual_openings"], format!("{national:.0}"));
        let imports = crate::support::scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE resource = 'labor demand'").await;
        assert_eq!(imports, 3, "two imports and the return to national figures");

        let school_admin = app.signed_in("school-admin@demo.test").await;
        assert_eq!(school_admin.get("/insights/gaps").await.status(), 200);
        assert_eq!(school_admin.get("/insights/labor-demand").await.status(), 403);
        db.close().await;
    }
}

/// Rows of a CSV download as field name → value.
fn csv_rows(csv: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader.records().map(|r| header.iter().cloned().zip(r.unwrap().iter().map(String::from)).collect()).collect()
}

on_both_backends! {
    async fn professional_development_counts_hours_and_the_lessons_that_followed(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let (district, _) = district_of(&db, "district-admin@demo.test").await;
        let admin = app.signed_in("district-admin@demo.test").await;
        let (status, page) = admin.page("/insights/pd").await;
        assert_eq!(status, 200);
        assert!(page.contains("Bringing careers into every subject"), "{page}");

        // Lessons tagged afterwards, counted straight from the tables for every session of the year.
        let year = pathways::partners::exports::SchoolYear::of(OffsetDateTime::now_utc().date());
        let expected: Vec<(String, i64, i64)> = with_pool!(&db, pool => {
            sqlx::query_as("SELECT s.title,
                    (SELECT COUNT(*) FROM pd_attendance a WHERE a.session_id = s.id),
                    (SELECT COUNT(DISTINCT l.id) FROM lessons l JOIN lesson_tags t ON t.lesson_id = l.id
                        LEFT JOIN subclusters sc ON t.kind = 'subcluster' AND sc.id = t.ref
                     WHERE l.deleted_at IS NULL AND l.created_at >= s.held_on AND t.kind IN ('cluster', 'subcluster')
                       AND (s.cluster_id IS NULL OR s.cluster_id = COALESCE(sc.cluster_id, t.ref))
                       AND EXISTS (SELECT 1 FROM pd_attendance a WHERE a.session_id = s.id AND (a.teacher_id = l.author_id
                           OR EXISTS (SELECT 1 FROM lesson_authors la WHERE la.lesson_id = l.id AND la.user_id = a.teacher_id))))
                 FROM pd_sessions s WHERE s.district_id = $1 AND s.held_on BETWEEN $2 AND $3")
                .bind(district).bind(year.start).bind(year.end).fetch_all(pool).await
        }).unwrap();
        let sessions = csv_rows(&admin.get("/insights/pd.csv?table=sessions").await.text().await.unwrap());
        assert_eq!(sessions.len(), expected.len());
        assert!(expected.iter().any(|(_, _, lessons)| *lessons > 0), "some session was followed by lessons: {expected:?}");
        for (title, attendees, lessons) in &expected {
            let row = sessions.iter().find(|r| &r["title"] == title).expect(title);
            assert_eq!((row["attendees"].parse::<i64>().unwrap(), row["lessons_tagged_after"].parse::<i64>().unwrap()), (*attendees, *lessons), "{title}");
        }
        let hours: f64 = with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT SUM(s.hours) FROM pd_attendance a JOIN pd_sessions s ON s.id = a.session_id
                 WHERE s.district_id = $1 AND s.held_on BETWEEN $2 AND $3").bind(district).bind(year.start).bind(year.end).fetch_one(pool).await
        }).unwrap();
        let teachers = csv_rows(&admin.get("/insights/pd.csv").await.text().await.unwrap());
        let listed: f64 = teachers.iter().map(|t| t["hours"].parse::<f64>().unwrap()).sum();
        assert!((listed - hours).abs() < 1e-6, "{listed} vs {hours}");

        // A school administrator records a session of their school and who attended.
        let school_admin = app.signed_in("school-admin@demo.test").await;
        let (_, school) = district_of(&db, "school-admin@demo.test").await;
        let today = OffsetDateTime::now_utc().date().to_string();
        let form = [("title", "Nursing careers in biology"), ("held_on", today.as_str()), ("hours", "2.5"), ("cluster", "healthcare-human-services"), ("school", "")];
        let no_hours = [("title", "Nursing careers in biology"), ("held_on", today.as_str()), ("hours", "0")];
        assert_eq!(school_admin.post("/insights/pd/sessions", &no_hours).await.status(), 400);
        let created = school_admin.post("/insights/pd/sessions", &form).await;
        assert_eq!(created.status(), 303);
        let path = created.headers()["location"].to_str().unwrap().to_string();
        let (at, _): (Option<SchoolId>, String) = with_pool!(&db, pool => {
            sqlx::query_as("SELECT school_id, title FROM pd_sessions WHERE title = 'Nursing careers in biology'").fetch_one(pool).await
        }).unwrap();
        assert_eq!(at, school, "a school administrator's sessions are their school's");
        let staff: Vec<(pathways::ids::UserId, Option<SchoolId>)> = with_pool!(&db, pool => {
            sqlx::query_as("SELECT id, school_id FROM users WHERE district_id = $1 AND role = 'teacher' ORDER BY id").bind(district).fetch_all(pool).await
        }).unwrap();
        let ours = staff.iter().find(|(_, s)| *s == school).unwrap().0.to_string();
        let theirs = staff.iter().find(|(_, s)| *s != school).unwrap().0.to_string();
        let attendance = format!("{path}/attendance");
        assert_eq!(school_admin.post(&attendance, &[("teacher", theirs.as_str())]).await.status(), 400);
        assert_eq!(school_admin.post(&attendance, &[("teacher", ours.as_str())]).await.status(), 303);
        let (status, page) = school_admin.page(&path).await;
        assert_eq!(status, 200);
        assert!(page.contains("checked"), "{page}");
        let teachers = csv_rows(&admin.get("/insights/pd.csv").await.text().await.unwrap());
        let total: f64 = teachers.iter().map(|t| t["hours"].parse::<f64>().unwrap()).sum();
        assert!((total - hours - 2.5).abs() < 1e-6);
        let changes = crate::support::scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE resource LIKE '/insights/pd/sessions/%'").await;
        assert_eq!(changes, 2);

        let teacher = app.signed_in("teacher@demo.test").await;
        assert_eq!(teacher.get("/insights/pd").await.status(), 403);
        assert_eq!(teacher.post("/insights/pd/sessions", &form).await.status(), 403);
        db.close().await;
    }
}
