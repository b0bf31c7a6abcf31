//! The catalog pages as a visitor sees them, in English and Spanish.

use crate::support::{Backend, TestApp, occurrences, on_both_backends};

on_both_backends! {
    async fn clusters_page_shows_14_clusters_in_6_groupings(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (status, html) = app.page("/clusters").await;

        assert_eq!(status, 200);
        assert_eq!(occurrences(&html, "<section class=\"grouping\""), 6);
        assert_eq!(occurrences(&html, "<li class=\"cluster-card\">"), 14);
        assert_eq!(occurrences(&html, "<span class=\"badge\">Cross-cutting</span>"), 3);
        assert_eq!(occurrences(&html, "href=\"/subclusters/"), 72);
        assert_eq!(occurrences(&html, "badge-warn\">Unverified"), 1);
        for grouping in ["Building & Moving", "Caring for Communities", "Connecting & Supporting Success",
                         "Creating & Experiencing", "Cultivating Resources", "Investing in the Future"] {
            assert!(html.contains(grouping), "missing grouping {grouping}");
        }
    }
}

on_both_backends! {
    async fn every_subcluster_page_is_reachable_and_the_unverified_one_says_so(backend: Backend) {
        let app = TestApp::loaded(backend).await;
        let (_, subclusters) = app.json("/api/v1/subclusters").await;
        let subclusters = subclusters.as_array().unwrap();
        assert_eq!(subclusters.len(), 72);

        for sub in subclusters {
            let id = sub["id"].as_str().unwrap();
            let (status, html) = app.page(&format!("/subclusters/{id}")).await;
            assert_eq!(status, 200, "/subclusters/{id}");
            let says_unverified = html.contains("name is not confirmed");
            assert_eq!(says_unverified, id == "unmanned-vehicle-technology", "/subclusters/{id}");
        }
    }
}

on_both_backends! {
    async fn registered_nurses_page_shows_tasks_titles_interests_zone_and_clusters(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (status, html) = app.page("/occupations/29-1141.00").await;

        assert_eq!(status, 200);
        assert!(html.contains("<h1 lang=\"en\">Registered Nurses</h1>"));
        assert!(html.contains("<li>Record patients' medical information and vital signs.</li>"), "tasks");
        assert!(html.contains("Show all 27 tasks"));
        assert!(html.contains("<li>Staff Nurse</li>"), "titles people use");
        assert!(html.contains("<svg role=\"img\" aria-labelledby=\"riasec-chart-title riasec-chart-desc\""), "chart");
        assert!(html.contains("<caption>Interest scores (1 to 7)</caption>"), "table beside the chart");
        assert!(html.contains("Interest code: <strong>SIC</strong>"));
        assert!(html.contains("Job zone 4: Considerable preparation"));
        assert!(html.contains("href=\"/subclusters/physical-health\">Physical Health</a>"));
        assert!(html.contains("href=\"/clusters/healthcare-human-services\">Healthcare & Human Services</a>"));
        assert!(html.contains("US$93,600"), "median wage");
        assert!(html.contains("Bachelor's degree (56 % of workers)"), "typical education");
    }
}

on_both_backends! {
    async fn all_tasks_are_shown_on_request(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (_, some) = app.page("/occupations/29-1141.00").await;
        let (_, all) = app.page("/occupations/29-1141.00?tasks=all").await;

        let count = |html: &str| {
            let start = html.find("<ul class=\"tasks\"").unwrap();
            let end = start + html[start..].find("</ul>").unwrap();
            occurrences(&html[start..end], "<li>")
        };
        assert_eq!((count(&some), count(&all)), (10, 27));
    }
}

on_both_backends! {
    async fn spanish_pages_use_spanish_names_and_remember_the_choice(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let response = app.get("/clusters?lang=es").await;
        let cookie = response.headers().get("set-cookie").map(|v| v.to_str().unwrap().to_string());
        let language = response.headers().get("content-language").unwrap().to_str().unwrap().to_string();
        let html = response.text().await.unwrap();
        let by_header = app.get_in("/clusters/agriculture", "es-MX,es;q=0.9").await.text().await.unwrap();

        assert_eq!(language, "es");
        assert!(cookie.unwrap().starts_with("lang=es;"));
        assert!(html.contains("<html lang=\"es\">"));
        assert!(html.contains("Cuidar de las comunidades"));
        assert!(html.contains(">Salud y servicios humanos</a>"));
        assert!(html.contains("href=\"/clusters?lang=en\""), "language switch back to English");
        assert!(by_header.contains("<h1>Agricultura</h1>"));
        assert!(by_header.contains("Sistemas de agua"));
    }
}

on_both_backends! {
    async fn every_subcluster_has_a_spanish_name(backend: Backend) {
        let app = TestApp::loaded(backend).await;
        let (_, subclusters) = app.json("/api/v1/subclusters").await;
        let (_, clusters) = app.json("/api/v1/clusters").await;
        let (_, groupings) = app.json("/api/v1/groupings").await;

        let lists = [subclusters, clusters, groupings];
        let missing: Vec<&str> = lists
            .iter()
            .flat_map(|list| list.as_array().unwrap().iter())
            .filter(|item| item["name"]["es"].is_null())
            .map(|item| item["id"].as_str().unwrap())
            .collect();

        assert!(missing.is_empty(), "no Spanish name for {missing:?}");
    }
}

on_both_backends! {
    async fn title_search_finds_occupations_by_their_own_and_alternate_titles(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (_, nurse) = app.page("/occupations?q=nurse").await;
        let (_, cnor) = app.page("/occupations?q=CNOR").await;
        let (_, nothing) = app.page("/occupations?q=zzzzqq").await;
        let (_, wildcard) = app.page("/occupations?q=%25").await;

        assert!(nurse.contains(">Registered Nurses</a>"));
        assert!(nurse.contains("occupations found"));
        assert!(cnor.contains(">Registered Nurses</a>"));
        assert!(cnor.contains("also called <span lang=\"en\">Certified Operating Room Nurse (CNOR)</span>"));
        assert!(nothing.contains("No occupations found"));
        assert!(wildcard.contains("No occupations found"), "a % is searched literally, not as a wildcard");
    }
}

on_both_backends! {
    async fn occupation_list_is_paginated_and_filtered(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (_, page2) = app.page("/occupations?page=2").await;
        let (_, last) = app.page("/occupations?page=21").await;
        let (_, health) = app.page("/occupations?cluster=healthcare-human-services&zone=5&interest=I").await;

        assert!(page2.contains("Showing 51–100 of 1,016"));
        assert!(page2.contains("aria-current=\"page\">2</a>"));
        assert!(last.contains("Showing 1,001–1,016 of 1,016"));
        assert!(health.contains(">Anesthesiologists</a>"), "zone 5 investigative health occupations include anesthesiologists");
        assert!(!health.contains(">Registered Nurses</a>"), "zone 5 excludes registered nurses (zone 4)");
        assert!(health.contains("value=\"healthcare-human-services\" selected"));
    }
}

on_both_backends! {
    async fn cluster_page_lists_its_subclusters_and_legacy_sources(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (status, html) = app.page("/clusters/healthcare-human-services").await;

        assert_eq!(status, 200);
        assert_eq!(occurrences(&html, "href=\"/subclusters/"), 6);
        assert!(html.contains("Health Science"), "legacy Health Science merged here");
        assert!(html.contains("Human Services"));
    }
}

on_both_backends! {
    async fn practices_legacy_and_about_pages_show_their_data(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (_, practices) = app.page("/practices").await;
        let (_, legacy) = app.page("/legacy").await;
        let (_, about) = app.page("/about").await;

        assert_eq!(occurrences(&practices, "<span class=\"practice-code\">CRP"), 12);
        assert!(practices.contains("Employability Skills"));
        assert_eq!(occurrences(&legacy, "<section id="), 16);
        assert!(legacy.contains("Science, Technology, Engineering & Mathematics"));
        assert!(about.contains("CC BY 4.0"));
        assert!(about.contains("USDOL/ETA has not approved, endorsed, or tested these modifications."));
        assert!(about.contains("Advance CTE"));
    }
}

#[tokio::test]
async fn a_soc_code_redirects_to_its_onet_occupation() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let response = app.get("/occupations/29-1141").await;

    assert_eq!(response.status().as_u16(), 308);
    assert_eq!(response.headers()["location"], "/occupations/29-1141.00");
}

#[tokio::test]
async fn bad_addresses_get_a_page_that_says_what_to_fix() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let (missing, missing_html) = app.page("/occupations/99-9999.00").await;
    let (bad_code, bad_code_html) = app.page("/occupations/nurse").await;
    let (bad_page, bad_page_html) = app.page("/occupations?page=abc").await;
    let (bad_zone, _) = app.page("/occupations?zone=9").await;
    let (unknown_cluster, _) = app.page("/occupations?cluster=astronauts").await;
    let spanish = app.get_in("/no-such-page", "es").await;

    assert_eq!(missing, 404);
    assert!(missing_html.contains("Page not found"));
    assert_eq!(bad_code, 400);
    assert!(bad_code_html.contains("<strong>code</strong>"));
    assert_eq!(bad_page, 400);
    assert!(bad_page_html.contains("<strong>page</strong>: The page number must be a whole number of 1 or more."));
    assert_eq!((bad_zone, unknown_cluster), (400, 400));
    assert_eq!(spanish.status().as_u16(), 404);
    assert!(spanish.text().await.unwrap().contains("Página no encontrada"));
}

on_both_backends! {
    async fn subcluster_counts_agree_between_card_intro_and_table(backend: Backend) {
        let app = TestApp::loaded(backend).await;
        let (_, api) = app.json("/api/v1/subclusters/physical-health").await;
        let count = api["occupation_count"].as_i64().unwrap();

        let (_, html) = app.page("/subclusters/physical-health").await;
        let (_, cluster) = app.page("/clusters/healthcare-human-services").await;

        let table = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
        assert_eq!(occurrences(table, "<tr>") as i64, count);
        assert!(html.contains(&format!("{count} occupations with an O*NET profile")));
        assert!(cluster.contains(&format!("{count} occupations · ")), "the cluster card shows the same count");
    }
}

on_both_backends! {
    async fn occupation_page_lists_programs_and_flags_specialty_figures(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (_, nurse) = app.page("/occupations/29-1141.00").await;
        let (_, teacher) = app.page("/occupations/25-2031.00").await;
        let (_, all) = app.page("/occupations/25-2031.00?programs=all").await;
        let (_, acute) = app.page("/occupations/29-1141.01").await;

        assert!(nurse.contains("Registered Nursing/Registered Nurse <span class=\"muted\">(51.3801)</span>"));
        let shown = |html: &str| occurrences(&html[html.find("id=\"programs-title\"").unwrap()..html.find("id=\"outlook-title\"").unwrap()], "<li>");
        assert_eq!(shown(&teacher), 24, "a long list starts short");
        assert!(teacher.contains("Show all"));
        assert!(shown(&all) > 24 && !all.contains("programs=all#programs-title"));
        assert!(!nurse.contains("BLS does not report this specialty separately"));
        assert!(acute.contains("These figures are for all Registered nurses; BLS does not report this specialty separately."));
    }
}

#[tokio::test]
async fn title_search_ranks_whole_words_before_parts_of_words() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let (_, nurse) = app.json("/api/v1/occupations?q=nurse&per_page=5").await;
    let (_, nurses) = app.json("/api/v1/occupations?q=nurses&per_page=50").await;

    let titles: Vec<&str> = nurse["items"].as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Registered Nurses"), "{titles:?}");
    assert!(titles.iter().all(|t| !t.contains("Nursery")), "{titles:?}");
    assert_eq!(nurses["total"], nurse["total"], "a plural finds what its singular finds");
}

#[tokio::test]
async fn a_page_past_the_end_says_so() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let (status, html) = app.page("/occupations?page=999").await;

    assert_eq!(status, 200);
    assert!(html.contains("There is nothing on this page; the list has 21 pages."));
    assert!(!html.contains("No occupation matches"));
}

#[tokio::test]
async fn spanish_pages_translate_practices_skills_and_dates() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let (_, practices) = app.page("/practices?lang=es").await;
    let (_, about) = app.page("/about?lang=es").await;

    assert!(practices.contains("Demostrar creatividad e innovación."));
    assert!(practices.contains("<span class=\"muted\" lang=\"en\">Demonstrate creativity and innovation.</span>"));
    assert!(practices.contains("Pensamiento crítico"));
    assert!(about.contains(" de 20"), "a written-out Spanish date");
}
