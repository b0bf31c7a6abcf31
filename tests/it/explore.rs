//! Explore: matching free text (API, page, CLI), bad input, the Interest Profiler flow, and
//! the quality bar of the matcher on the labeled phrases.

use std::io::Write;
use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::{Backend, TestApp, TestDb, answer_to_oversized, on_both_backends, pathways, unescape};

impl TestApp {
    async fn post_json(&self, path: &str, body: &Value) -> (u16, Value) {
        let response = self.client.post(self.url(path)).json(body).send().await.expect("request");
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }

    async fn match_text(&self, text: &str, lang: &str) -> Value {
        let (status, body) = self.post_json("/api/v1/match", &json!({"text": text, "lang": lang})).await;
        assert_eq!(status, 200, "{body}");
        body
    }
}

fn ids(list: &Value, key: &str) -> Vec<String> {
    list.as_array().unwrap().iter().map(|i| i[key].as_str().unwrap().to_string()).collect()
}

fn rank_of(list: &Value, id: &str) -> usize {
    ids(list, "id").iter().position(|i| i == id).unwrap_or(usize::MAX)
}

on_both_backends! {
    async fn helping_people_leads_to_healthcare_and_human_services_with_reasons(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let result = app.match_text("I like helping people", "en").await;

        let clusters = &result["clusters"];
        assert_eq!(clusters.as_array().unwrap().len(), 14, "all 14 clusters are scored");
        assert_eq!(clusters[0]["id"], "healthcare-human-services");
        let top3 = ids(&result["subclusters"], "id").into_iter().take(3).collect::<Vec<_>>();
        assert!(top3.contains(&"community-social-services".to_string()), "{top3:?}");
        for list in ["clusters", "subclusters", "occupations"] {
            for item in result[list].as_array().unwrap() {
                assert!(!item["reasons"].as_array().unwrap().is_empty(), "{list} item without a reason: {item}");
            }
        }
        let reasons = clusters[0]["reasons"].to_string();
        assert!(reasons.contains("helping people") && reasons.contains("Social"), "{reasons}");
    }
}

#[tokio::test]
async fn spanish_text_is_understood_and_reasons_come_in_spanish() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let result = app.match_text("me gusta arreglar carros", "es").await;

    assert!(rank_of(&result["clusters"], "supply-chain-transportation") < 3, "{}", result["clusters"]);
    assert_eq!(result["subclusters"][0]["id"], "maintenance-repair");
    assert!(ids(&result["occupations"], "code").contains(&"49-3023.00".to_string()), "automotive technicians");
    assert!(result["clusters"][0]["reasons"].to_string().contains("intereses de tipo Realista"));
}

#[tokio::test]
async fn negation_lowers_what_it_names() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let plain = app.match_text("I like science and helping people", "en").await;
    let no_blood = app.match_text("I like science and helping people but I don't like blood", "en").await;

    let score = |result: &Value, id: &str| {
        result["subclusters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .map_or(0.0, |s| s["score"].as_f64().unwrap())
    };
    assert!(score(&no_blood, "physical-health") < score(&plain, "physical-health"));
    assert_eq!(no_blood["disliked"], json!(["blood"]));
}

#[tokio::test]
async fn text_without_signal_gets_prompts_instead_of_guesses() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    for text in ["idk", "nothing", "no sé", "whatever lol", "🤷"] {
        let result = app.match_text(text, "en").await;
        assert_eq!(result["no_signal"], true, "{text}");
        assert!(result["clusters"].as_array().unwrap().is_empty(), "{text}");
    }
    let (_, page) = app.page("/explore?q=idk").await;
    assert!(page.contains("We need a bit more to go on."));
    assert!(page.contains("href=\"/explore/profiler\""));
}

#[tokio::test]
async fn typos_are_read_as_the_word_meant() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let result = app.match_text("I want to be a vetrinarian", "en").await;

    assert_eq!(result["corrections"][0]["typed"], "vetrinarian");
    assert_eq!(result["corrections"][0]["read_as"], "veterinarian");
    assert!(
        rank_of(&result["clusters"], "agriculture") < 3
            || rank_of(&result["clusters"], "healthcare-human-services") < 3
    );
}

#[tokio::test]
async fn bad_input_never_breaks_the_matcher() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let (empty, body) = app.post_json("/api/v1/match", &json!({"text": ""})).await;
    assert_eq!((empty, body["errors"][0]["field"].as_str()), (400, Some("text")));
    let (blank, _) = app.post_json("/api/v1/match", &json!({"text": "   \n\t "})).await;
    assert_eq!(blank, 400);
    let (huge, body) = app.post_json("/api/v1/match", &json!({"text": "a".repeat(100 * 1024)})).await;
    assert_eq!(huge, 400);
    assert!(body["errors"][0]["title"].as_str().unwrap().contains("at most 500 characters"));
    let (wrong_lang, _) = app.post_json("/api/v1/match", &json!({"text": "art", "lang": "fr"})).await;
    assert_eq!(wrong_lang, 400);
    let not_json = app
        .client
        .post(app.url("/api/v1/match"))
        .header("content-type", "application/json")
        .body("{text:")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status().as_u16(), 400);
    let no_type = app.client.post(app.url("/api/v1/match")).body("{\"text\":\"art\"}").send().await.unwrap();
    assert_eq!(no_type.status().as_u16(), 400);
    let too_big = answer_to_oversized(|| {
        app.client
            .post(app.url("/api/v1/match"))
            .header("content-type", "application/json")
            .body(vec![b' '; 2 * 1024 * 1024])
    })
    .await;
    assert_eq!(too_big.status().as_u16(), 413);

    for text in [
        "🎨🎮🐶 me encantan los perros 🐶",
        "'; DROP TABLE occupations; --",
        "我喜欢画画和音乐",
        "Я люблю рисовать",
        "أحب الرسم والموسيقى",
        "\u{0000}\u{202e}art\u{200b}",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9 0",
    ] {
        let (status, body) = app.post_json("/api/v1/match", &json!({"text": text})).await;
        assert_eq!(status, 200, "{text:?}: {body}");
    }
    assert_eq!(app.json("/api/v1/stats").await.1["occupations"], 1016, "the database is untouched");
}

#[tokio::test]
async fn the_explore_page_escapes_what_was_typed() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let response = app.get("/explore?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20I%20like%20art").await;
    let status = response.status().as_u16();
    let html = response.text().await.unwrap();

    assert_eq!(status, 200);
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62; I like art"), "shown as text");
}

#[tokio::test]
async fn too_long_text_on_the_page_says_how_long_it_may_be() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let (status, html) = app.page(&format!("/explore?q={}", "x".repeat(600))).await;

    assert_eq!(status, 400);
    assert!(html.contains("Please keep it to 500 characters or fewer."));
    assert!(html.contains("aria-invalid=\"true\""));
}

on_both_backends! {
    async fn explore_page_shows_results_with_reasons_in_both_languages(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (_, english) = app.page("/explore?q=I+play+video+games+a+lot").await;
        let (_, spanish) = app.page("/explore?q=me+gusta+arreglar+carros&lang=es").await;
        let (_, middle) = app.page("/explore?q=I+like+animals&mode=ms").await;

        assert!(english.contains("Here is what fits"));
        assert!(english.contains("class=\"reasons\""));
        assert!(english.contains("/occupations/15-1255.01") || english.contains("Video Game Designers"));
        assert!(spanish.contains("Cadena de suministro y transporte"));
        assert!(spanish.contains("Por qué encaja") || spanish.contains("intereses de tipo"));
        let cards = |html: &str, heading: &str| {
            html.find(heading).map_or(0, |start| {
                let rest = &html[start..];
                let end = rest.find("</ol>").unwrap_or(rest.len());
                rest[..end].matches("<li class=\"result\">").count()
            })
        };
        assert!(cards(&middle, "Career Clusters</h3>") <= 3);
        assert!(!middle.contains("Sub-clusters</h3>"));
        assert!(cards(&middle, "Occupations</h3>") <= 5);
    }
}

// ---------------------------------------------------------------- Interest Profiler

/// A browser-like client that keeps cookies.
fn cookie_client() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

fn csrf_of(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("csrf field") + "name=\"csrf\" value=\"".len();
    html[start..start + 64].to_string()
}

/// Answers one screen: `social` items strongly liked, the rest disliked.
fn screen_form(screen: usize, csrf: &str) -> Vec<(String, String)> {
    let mut form = vec![("csrf".to_string(), csrf.to_string())];
    for item in (screen - 1) * 12 + 1..=screen * 12 {
        // Items come in pairs per area: R R I I A A S S E E C C, five times over.
        let area = ((item - 1) / 2) % 6;
        let answer = if area == 3 {
            4
        } else if area == 1 {
            3
        } else {
            1
        };
        form.push((format!("item-{item}"), answer.to_string()));
    }
    form
}

on_both_backends! {
    async fn the_interest_profiler_scores_and_keeps_history(backend: Backend) {
        let app = TestApp::loaded(backend).await;
        let client = cookie_client();

        let first = client.get(app.url("/explore/profiler/1")).send().await.unwrap();
        assert!(first.headers()["set-cookie"].to_str().unwrap().contains("HttpOnly; SameSite=Lax"));
        let csrf = csrf_of(&first.text().await.unwrap());

        let mut partial = screen_form(1, &csrf);
        partial.retain(|(k, _)| k != "item-3" && k != "item-7");
        let missing = client.post(app.url("/explore/profiler/1")).form(&partial).send().await.unwrap();
        assert_eq!(missing.status().as_u16(), 400);
        let html = unescape(&missing.text().await.unwrap());
        assert!(html.contains("href=\"#item-3-legend\"") && html.contains("href=\"#item-7-legend\""));

        let mut location = String::new();
        for screen in 1..=5 {
            let response = client.post(app.url(&format!("/explore/profiler/{screen}"))).form(&screen_form(screen, &csrf)).send().await.unwrap();
            assert_eq!(response.status().as_u16(), 303, "screen {screen}");
            location = response.headers()["location"].to_str().unwrap().to_string();
        }
        assert!(location.starts_with("/explore/profiler/results/"), "{location}");

        let result = unescape(&client.get(app.url(&location)).send().await.unwrap().text().await.unwrap());
        assert!(result.contains("<strong class=\"code\">SIR</strong>"), "social, then investigative");
        assert!(result.contains("<td>40 / 40</td>"));
        let zone_two = client.get(app.url(&format!("{location}?zone=2"))).send().await.unwrap();
        assert_eq!(zone_two.status().as_u16(), 200);
        let history = client.get(app.url("/explore/profiler/history")).send().await.unwrap().text().await.unwrap();
        assert!(history.contains(&location));

        let stranger = cookie_client().get(app.url(&location)).send().await.unwrap();
        assert_eq!(stranger.status().as_u16(), 404, "another visitor cannot see this result");
    }
}

#[tokio::test]
async fn a_profiler_form_without_its_token_is_refused() {
    let app = TestApp::loaded(Backend::Sqlite).await;
    let client = cookie_client();
    let _ = client.get(app.url("/explore/profiler/1")).send().await.unwrap();

    let forged =
        client.post(app.url("/explore/profiler/1")).form(&screen_form(1, &"0".repeat(64))).send().await.unwrap();
    let no_session =
        app.client.post(app.url("/explore/profiler/1")).form(&screen_form(1, &"0".repeat(64))).send().await.unwrap();

    assert_eq!(forged.status().as_u16(), 403);
    assert_eq!(no_session.status().as_u16(), 403);
    assert!(forged.text().await.unwrap().contains("This form has expired"));
}

#[tokio::test]
async fn the_profiler_api_scores_answers_and_checks_them() {
    let app = TestApp::loaded(Backend::Sqlite).await;
    let mut answers = vec![0u8; 60];
    for (i, answer) in answers.iter_mut().enumerate() {
        if (i / 2) % 6 == 0 {
            *answer = 4;
        }
    }

    let (status, body) = app.post_json("/api/v1/profiler/score", &json!({"answers": answers, "job_zone": 2})).await;
    let (short, _) = app.post_json("/api/v1/profiler/score", &json!({"answers": vec![1; 59]})).await;
    let (out_of_range, range_body) = app.post_json("/api/v1/profiler/score", &json!({"answers": vec![5; 60]})).await;
    let (bad_zone, _) = app.post_json("/api/v1/profiler/score", &json!({"answers": vec![1; 60], "job_zone": 9})).await;
    let (negative, _) = app.post_json("/api/v1/profiler/score", &json!({"answers": vec![-1; 60]})).await;

    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scores"], json!([40, 0, 0, 0, 0, 0]));
    assert!(body["code"].as_str().unwrap().starts_with('R'));
    assert!(body["occupations"].as_array().unwrap().iter().all(|o| o["job_zone"].as_i64().unwrap() <= 2));
    assert_eq!(body["clusters"].as_array().unwrap().len(), 14);
    assert_eq!((short, out_of_range, bad_zone, negative), (400, 400, 400, 400));
    assert!(range_body["errors"][0]["title"].as_str().unwrap().contains("answers go from 0"));
}

// ---------------------------------------------------------------- command line and quality

#[tokio::test]
async fn explore_match_prints_json_for_one_phrase_or_a_batch() {
    let db = TestDb::loaded(Backend::Sqlite).await;

    let one = pathways(&db.url).args(["explore", "match", "I like helping people", "--json"]).output().unwrap();
    let mut child = pathways(&db.url)
        .args(["explore", "match", "--batch", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("me gusta arreglar carros\n\nI play video games a lot\n".as_bytes()).unwrap();
    let batch = child.wait_with_output().unwrap();

    assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
    let result: Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(result["query"], "I like helping people");
    assert_eq!(result["clusters"][0]["id"], "healthcare-human-services");
    assert!(result["occupations"][0]["code"].as_str().unwrap().contains('.'));
    let lines: Vec<Value> =
        String::from_utf8(batch.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "blank lines are skipped");
    assert_eq!(lines[0]["query"], "me gusta arreglar carros");
}

#[tokio::test]
async fn the_matcher_meets_its_quality_bar_on_the_labeled_phrases() {
    let db = TestDb::loaded(Backend::Sqlite).await;

    let output = pathways(&db.url).args(["explore", "eval", "--labeled-only", "--json"]).output().unwrap();

    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let scores: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    for lang in ["en", "es"] {
        let of = |system: &str| scores.iter().find(|s| s["lang"] == lang && s["system"] == system).unwrap().clone();
        let (matcher, baseline) = (of("matcher"), of("baseline"));
        let hit3 = matcher["cluster_hit3"].as_f64().unwrap();
        assert!(matcher["cases"].as_u64().unwrap() >= 100, "{lang}: at least 100 labeled phrases");
        assert!(hit3 >= 0.90, "{lang}: cluster hit@3 {hit3}");
        assert!(hit3 >= baseline["cluster_hit3"].as_f64().unwrap() + 0.15, "{lang}: 15 points above the baseline");
        assert_eq!(matcher["items_without_reason"], 0, "{lang}");
    }
}

#[tokio::test]
async fn the_middle_school_view_uses_plain_words() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let (_, middle) = app.page("/explore?q=I+like+fixing+cars&mode=ms").await;
    let (_, high) = app.page("/explore?q=I+like+fixing+cars").await;

    assert!(middle.contains("hands-on interests"), "plain area names for grades 6-8");
    assert!(high.contains("Realistic interests"));
}
