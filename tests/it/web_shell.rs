//! What every response shares: security headers, health, assets, start-up on an empty
//! database, and the structure every page needs for assistive technology.

use crate::support::{Backend, TestApp, TestDb, data_dir, occurrences, on_both_backends};

const PAGES: [&str; 15] = [
    "/",
    "/explore",
    "/explore?q=I+like+helping+people",
    "/explore/profiler",
    "/explore/profiler/history",
    "/clusters",
    "/clusters/digital-technology",
    "/subclusters/unmanned-vehicle-technology",
    "/subclusters/physical-health",
    "/occupations",
    "/occupations/29-1141.00",
    "/practices",
    "/legacy",
    "/about",
    "/api/docs",
];

#[tokio::test]
async fn every_page_has_landmarks_one_heading_and_a_language_switch() {
    let app = TestApp::loaded(Backend::Sqlite).await;
    for lang in ["en", "es"] {
        for path in PAGES {
            let separator = if path.contains('?') { '&' } else { '?' };
            let (status, html) = app.page(&format!("{path}{separator}lang={lang}")).await;
            assert_eq!(status, 200, "{path} in {lang}");
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{path} in {lang}: html lang");
            assert_eq!(occurrences(&html, "<h1"), 1, "{path} in {lang}: one h1");
            assert!(html.contains("<a class=\"skip-link\" href=\"#main\">"), "{path}: skip link");
            assert!(html.contains("<main id=\"main\""), "{path}: main landmark");
            assert!(html.contains("class=\"lang-switch\""), "{path}: language switch");
            assert!(
                !html.contains("src=\"http") && !html.contains("stylesheet\" href=\"http"),
                "{path}: no third-party resources"
            );
        }
    }
}

#[tokio::test]
async fn responses_carry_security_headers() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let response = app.get("/").await;
    let headers = response.headers();

    assert!(headers["content-security-policy"].to_str().unwrap().contains("default-src 'self'"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["referrer-policy"], "same-origin");
}

#[tokio::test]
async fn health_and_static_assets_are_served_by_the_binary() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let health = app.get("/healthz").await;
    let css = app.get("/static/app.css").await;
    let icon = app.get("/favicon.ico").await;

    assert_eq!(health.status().as_u16(), 200);
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    assert!(css.text().await.unwrap().contains(":focus-visible"));
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
}

#[tokio::test]
async fn a_wrong_method_is_refused_politely() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let response = app.client.post(app.url("/clusters")).send().await.unwrap();

    assert_eq!(response.status().as_u16(), 405);
    assert!(response.text().await.unwrap().contains("Not allowed"));
}

on_both_backends! {
    async fn start_up_loads_the_catalog_into_an_empty_database(backend: Backend) {
        let app = TestApp::serve(TestDb::empty(backend).await, data_dir()).await;

        let (status, stats) = app.json("/api/v1/stats").await;

        assert_eq!(status, 200);
        assert_eq!((stats["clusters"].as_i64(), stats["occupations"].as_i64()), (Some(14), Some(1016)));
    }
}
