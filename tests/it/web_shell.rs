//! What every response shares: security headers, health, assets, start-up on an empty
//! database, and the structure every page needs for assistive technology.

use crate::support::{Backend, TestApp, TestDb, data_dir, occurrences, on_both_backends, test_config};

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

    let policy = headers["content-security-policy"].to_str().unwrap();
    for directive in ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"] {
        assert!(policy.contains(directive), "{directive} in {policy}");
    }
    assert!(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "{policy}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["referrer-policy"], "same-origin");
    assert!(headers["permissions-policy"].to_str().unwrap().contains("camera=()"));
    assert!(!headers.contains_key("strict-transport-security"), "no HSTS over plain HTTP");
    let (_, signin) = app.page("/signin").await;
    assert!(!signin.contains("<script>") && !signin.contains(" style=\""), "no inline script or style");
}

#[tokio::test]
async fn behind_tls_browsers_are_kept_on_https_and_cookies_are_secure() {
    let db = TestDb::loaded(Backend::Sqlite).await;
    let mut config = test_config(&db.url, data_dir());
    config.public_url = Some("https://pathways.test".into());
    let app = TestApp::serve_config(db, config).await;

    let response = app.get("/signin").await;

    assert_eq!(response.headers()["strict-transport-security"], "max-age=31536000; includeSubDomains");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    for flag in ["HttpOnly", "SameSite=Lax", "Secure"] {
        assert!(cookie.contains(flag), "{flag} in {cookie}");
    }
}

#[tokio::test]
async fn a_request_that_outlasts_the_time_limit_is_answered_408() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let db = TestDb::loaded(Backend::Sqlite).await;
    let mut config = test_config(&db.url, data_dir());
    config.request_timeout = std::time::Duration::from_secs(1);
    let app = TestApp::serve_config(db, config).await;

    // A client that announces a form and then stops sending it.
    let address = app.address.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let started = std::time::Instant::now();
    stream
        .write_all(b"POST /signin HTTP/1.1\r\nHost: pathways.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=")
        .await
        .unwrap();
    let mut answer = vec![0u8; 4096];
    let read = tokio::time::timeout(std::time::Duration::from_secs(20), stream.read(&mut answer))
        .await
        .expect("the server answers within the limit, not never")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..read]);

    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.to_lowercase().contains("x-content-type-options: nosniff"), "408 responses carry the headers too");
    assert!(started.elapsed() >= std::time::Duration::from_secs(1));
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
