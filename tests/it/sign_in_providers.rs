//! Configuring a district's OpenID Connect provider and what visitors see when it fails. The
//! full sign-in through a real provider runs in the browser tests (e2e/tests/sign-in-provider).

use crate::support::{TestApp, on_both_backends, pathways, scalar};

fn pathways_cli(database_url: &str, args: &[&str]) -> (bool, String) {
    let output = pathways(database_url).args(args).output().expect("run pathways");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

const GOOGLE: [&str; 10] = [
    "sign-in",
    "add",
    "--district",
    "riverbend",
    "--label",
    "Google",
    "--client-id",
    "pathways",
    "--issuer",
    // Nothing listens on the discard port: the provider is down.
    "http://127.0.0.1:9",
];

on_both_backends! {
    async fn a_district_adds_lists_and_removes_a_provider(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let url = app.database_url().to_string();

        let (ok, text) = pathways_cli(&url, &[&GOOGLE[..3], &["nowhere"], &GOOGLE[4..]].concat());
        assert!(!ok && text.contains("no district has the slug \"nowhere\""), "{text}");
        let (ok, text) = pathways_cli(&url, &[&GOOGLE[..9], &["http://accounts.example"]].concat());
        assert!(!ok && text.contains("must be an https:// URL"), "{text}");

        let (ok, text) = pathways_cli(&url, &GOOGLE);
        assert!(ok, "{text}");
        assert!(text.contains("/signin/oidc/callback"), "tells what redirect URI to register: {text}");
        let (ok, again) = pathways_cli(&url, &GOOGLE);
        assert!(ok, "{again}");
        assert_eq!(scalar(&app.db().await, "SELECT COUNT(*) FROM identity_providers").await, 1, "same label replaces");
        let (_, listed) = pathways_cli(&url, &["sign-in", "list", "--district", "riverbend"]);
        assert!(listed.contains("Google\thttp://127.0.0.1:9\tclient pathways (public)\tmatch by email"), "{listed}");

        let (_, page) = app.page("/signin").await;
        assert!(page.contains("Sign in with Google · Riverbend Unified School District"), "the sign-in button");

        let (ok, text) = pathways_cli(&url, &["sign-in", "remove", "--district", "riverbend", "--label", "Google"]);
        assert!(ok, "{text}");
        let (_, page) = app.page("/signin").await;
        assert!(!page.contains("Sign in with Google"));
        let (ok, text) = pathways_cli(&url, &["sign-in", "remove", "--district", "riverbend", "--label", "Google"]);
        assert!(!ok && text.contains("has no provider labeled \"Google\""), "{text}");
    }
}

on_both_backends! {
    async fn an_unreachable_provider_or_a_forged_return_signs_no_one_in(backend: Backend) {
        let app = TestApp::with_people(backend).await;
        let (ok, text) = pathways_cli(app.database_url(), &GOOGLE);
        assert!(ok, "{text}");
        let db = app.db().await;
        let id: pathways::ids::IdentityProviderId = pathways::with_pool!(&db, pool => {
            sqlx::query_scalar("SELECT id FROM identity_providers").fetch_one(pool).await
        })
        .expect("the provider");

        let visitor = app.visitor().await;
        let (status, body) = visitor.page(&format!("/signin/with/{id}?next=/account")).await;
        assert_eq!(status, 502);
        assert!(body.contains("did not work this time"), "{body}");
        let (status, _) = visitor.page("/signin/with/not-an-id").await;
        assert_eq!(status, 404);

        let (status, body) = visitor.page("/signin/oidc/callback?code=stolen&state=guessed").await;
        assert_eq!(status, 400);
        assert!(body.contains("expired or was already used"), "{body}");
        let (status, _) = visitor.page("/account").await;
        assert_eq!(status, 303, "still signed out");
    }
}
