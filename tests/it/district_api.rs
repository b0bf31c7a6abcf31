//! District API tokens: created by a district administrator (secret shown once, stored
//! hashed), scoped, usable only for their own district, revocable; and the operations they
//! open: reading the roster and pushing a OneRoster set.

use crate::support::{
    TEST_PASSWORD, TestApp, Visitor, demo_export_zip, multipart_body, on_both_backends, scalar, set_password,
};

/// Creates a token on the tokens page; returns its secret as the page shows it once.
async fn create_token(admin: &Visitor, name: &str, scopes: &[&str]) -> String {
    let mut fields = vec![("name", name)];
    fields.extend(scopes.iter().map(|scope| ("scope", *scope)));
    let response = admin.post("/admin/tokens", &fields).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store", "the secret stays out of caches");
    let page = response.text().await.unwrap();
    let start = page.find("pwt_").expect("the new secret is shown");
    page[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
}

async fn get_with(app: &TestApp, path: &str, token: &str) -> (u16, serde_json::Value) {
    let response = app.client.get(app.url(path)).bearer_auth(token).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_default())
}

async fn push_roster(app: &TestApp, token: &str, zip: &[u8], dry_run: bool) -> (u16, serde_json::Value) {
    let dry_run = if dry_run { "true" } else { "false" };
    let (content_type, body) = multipart_body(&[("dry_run", dry_run)], Some(("roster.zip", zip)));
    let response = app
        .client
        .post(app.url("/api/v1/district/oneroster"))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_default())
}

on_both_backends! {
    async fn tokens_read_only_their_district_within_their_scopes_until_revoked(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let admin = app.signed_in("district-admin@demo.test").await;

        let response = admin.post("/admin/tokens", &[("name", "No scopes")]).await;
        assert_eq!(response.status(), 400);
        assert!(response.text().await.unwrap().contains("Choose at least one scope"));

        let reader = create_token(&admin, "Warehouse", &["roster:read"]).await;
        assert_eq!(reader.len(), 4 + 64);
        let stored = scalar(&db, &format!("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '{}'", &reader)).await;
        assert_eq!(stored, 0, "the secret itself is never stored");
        let (_, list) = admin.page("/admin/tokens").await;
        assert!(list.contains("Warehouse") && !list.contains(&reader), "the list never shows the secret again");

        let (status, people) = get_with(&app, "/api/v1/district/people?role=student", &reader).await;
        assert_eq!(status, 200, "{people}");
        let students = scalar(&db, "SELECT COUNT(*) FROM users u JOIN districts d ON d.id = u.district_id
             WHERE d.slug = 'riverbend' AND u.role = 'student'").await;
        assert_eq!(people["total"], students);
        assert!(people["items"].as_array().unwrap().iter().all(|p| p["role"] == "student"));
        let northfield = scalar(&db, "SELECT COUNT(*) FROM users u JOIN districts d ON d.id = u.district_id WHERE d.slug = 'northfield'").await;
        let (_, everyone) = get_with(&app, "/api/v1/district/people?page=1", &reader).await;
        let district_size = scalar(&db, "SELECT COUNT(*) FROM users u JOIN districts d ON d.id = u.district_id WHERE d.slug = 'riverbend'").await;
        assert!(northfield > 0);
        assert_eq!(everyone["total"], district_size, "only the token's own district");
        let (status, _) = get_with(&app, "/api/v1/district/people?role=wizard", &reader).await;
        assert_eq!(status, 400);
        let reads = "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND resource = '/api/v1/district/people'";
        assert_eq!(scalar(&db, reads).await, 2, "every roster read is audited");

        let (status, _) = push_roster(&app, &reader, b"PK", true).await;
        assert_eq!(status, 403, "reading is not importing");
        let (status, _) = get_with(&app, "/api/v1/district/people", "pwt_not-a-real-token").await;
        assert_eq!(status, 401);
        let response = app.client.get(app.url("/api/v1/district/people")).send().await.unwrap();
        assert_eq!(response.status(), 401);

        set_password(&db, "district-admin@northfield.test", TEST_PASSWORD).await;
        let other = app.signed_in_with("district-admin@northfield.test", TEST_PASSWORD).await;
        let id = pathways::with_pool!(&db, pool => {
            sqlx::query_scalar::<_, pathways::ids::ApiTokenId>("SELECT id FROM api_tokens WHERE name = 'Warehouse'").fetch_one(pool).await
        })
        .unwrap();
        let response = other.post(&format!("/admin/tokens/{id}/revoke"), &[]).await;
        assert_eq!(response.status(), 403, "another district's admin cannot revoke it");
        let (status, _) = get_with(&app, "/api/v1/district/people", &reader).await;
        assert_eq!(status, 200);

        let response = admin.post(&format!("/admin/tokens/{id}/revoke"), &[]).await;
        assert_eq!(response.status(), 303);
        let (status, _) = get_with(&app, "/api/v1/district/people", &reader).await;
        assert_eq!(status, 401, "a revoked token opens nothing");
        let (_, list) = admin.page("/admin/tokens").await;
        assert!(list.contains("Revoked"));
        assert_eq!(scalar(&db, "SELECT COUNT(*) FROM audit_log WHERE action = 'change' AND resource = '/admin/tokens'").await, 2);
    }
}

on_both_backends! {
    async fn a_roster_import_token_pushes_a_set_and_gets_the_report(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let db = app.db().await;
        let admin = app.signed_in("district-admin@demo.test").await;
        let importer = create_token(&admin, "SIS nightly roster", &["roster:import"]).await;
        let bytes = demo_export_zip(&db).await;
        let dir = tempfile::tempdir().unwrap();
        let zip_path = dir.path().join("roster.zip");
        std::fs::write(&zip_path, &bytes).unwrap();
        let named_elsewhere = crate::support::pathways(app.database_url())
            .args(["import", "oneroster", "--district", "northfield"])
            .arg(&zip_path)
            .output()
            .unwrap();
        assert_eq!(named_elsewhere.status.code(), Some(2), "a set is never imported into another district");
        assert!(String::from_utf8_lossy(&named_elsewhere.stdout).contains("is the district \"riverbend\", not \"northfield\""));

        let (status, report) = push_roster(&app, &importer, &bytes, true).await;
        assert_eq!(status, 200, "{report}");
        assert_eq!(report["status"], "valid");
        let (status, report) = push_roster(&app, &importer, &bytes, false).await;
        assert_eq!(status, 200, "{report}");
        assert_eq!(report["status"], "imported");
        assert!(report["counts"]["users.csv"]["read"].as_u64().unwrap() > 100);
        let (status, report) = push_roster(&app, &importer, b"not a zip", false).await;
        assert_eq!(status, 422);
        assert_eq!(report["status"], "rejected");
        assert!(report["errors"][0]["file"].as_str().unwrap().contains("roster.zip"), "{report}");
        let (status, _) = get_with(&app, "/api/v1/district/people", &importer).await;
        assert_eq!(status, 403, "importing is not reading");
    }
}

on_both_backends! {
    async fn a_token_created_on_the_command_line_opens_its_scopes_only(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let create = |scopes: &[&str]| {
            let mut command = crate::support::pathways(app.database_url());
            command.args(["api-token", "create", "--district", "riverbend", "--name", "SIS sync"]);
            for scope in scopes {
                command.args(["--scope", scope]);
            }
            command.output().unwrap()
        };
        let made = create(&["roster:read"]);
        assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
        let secret = String::from_utf8(made.stdout).unwrap().trim().to_string();
        assert!(secret.starts_with("pwt_"), "stdout holds only the secret: {secret}");

        assert_eq!(get_with(&app, "/api/v1/district/people", &secret).await.0, 200);
        assert_eq!(get_with(&app, "/api/v1/insights/equity", &secret).await.0, 403, "reports:read was not given");

        let wrong = create(&["roster:everything"]);
        assert!(!wrong.status.success());
        assert!(String::from_utf8_lossy(&wrong.stderr).contains("unknown scope \"roster:everything\""));
    }
}
