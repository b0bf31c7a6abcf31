//! The JSON API, its OpenAPI document and the CASE package.

use std::collections::HashSet;

use crate::support::{Backend, TestApp, on_both_backends};

on_both_backends! {
    async fn api_lists_groupings_clusters_and_subclusters(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (_, groupings) = app.json("/api/v1/groupings").await;
        let (_, clusters) = app.json("/api/v1/clusters").await;
        let (_, cluster) = app.json("/api/v1/clusters/digital-technology").await;
        let (_, dt_subs) = app.json("/api/v1/subclusters?cluster=digital-technology").await;
        let (_, sub) = app.json("/api/v1/subclusters/physical-health").await;

        assert_eq!(groupings.as_array().unwrap().len(), 6);
        assert_eq!(clusters.as_array().unwrap().len(), 14);
        assert_eq!(cluster["name"]["es"], "Tecnología digital");
        assert_eq!(cluster["cross_cutting"], true);
        assert_eq!(cluster["subclusters"].as_array().unwrap().len(), 6);
        assert_eq!(dt_subs.as_array().unwrap().iter().filter(|s| s["verified"] == false).count(), 1);
        assert!(sub["occupations"].as_array().unwrap().iter().any(|o| o["code"] == "29-1141.00"));
        assert_eq!(sub["programs"].as_array().unwrap().len() as i64, sub["cip_count"].as_i64().unwrap());
    }
}

on_both_backends! {
    async fn api_filters_and_paginates_occupations(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (_, first) = app.json("/api/v1/occupations?per_page=10").await;
        let (_, second) = app.json("/api/v1/occupations?per_page=10&page=2").await;
        let (_, nurses) = app.json("/api/v1/occupations?q=registered%20nurse").await;
        let (_, social_zone_five) = app.json("/api/v1/occupations?interest=S&zone=5&subcluster=behavioral-mental-health").await;

        assert_eq!(first["total"], 1016);
        assert_eq!(first["items"].as_array().unwrap().len(), 10);
        let codes = |v: &serde_json::Value| v["items"].as_array().unwrap().iter().map(|i| i["code"].as_str().unwrap().to_string()).collect::<HashSet<_>>();
        assert!(codes(&first).is_disjoint(&codes(&second)));
        assert!(codes(&nurses).contains("29-1141.00"));
        assert_eq!(nurses["items"][0]["code"], "29-1141.00", "title matches rank first");
        for item in social_zone_five["items"].as_array().unwrap() {
            assert_eq!(item["job_zone"], 5);
            assert!(item["riasec_code"].as_str().unwrap().starts_with('S'));
        }
        assert!(social_zone_five["total"].as_i64().unwrap() > 0);
    }
}

on_both_backends! {
    async fn api_occupation_detail_has_everything_the_page_shows(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (status, nurse) = app.json("/api/v1/occupations/29-1141.00").await;

        assert_eq!(status, 200);
        assert_eq!(nurse["riasec_code"], "SIC");
        assert_eq!(nurse["job_zone"], 4);
        assert_eq!(nurse["tasks"].as_array().unwrap().len(), 27);
        assert_eq!(nurse["interests"]["social"], 5.62);
        assert_eq!(nurse["outlook"]["median_annual_wage"], 93600);
        assert_eq!(nurse["subclusters"][0]["subcluster"], "physical-health");
    }
}

#[tokio::test]
async fn api_errors_name_the_parameter_in_json() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let (zone_status, zone) = app.json("/api/v1/occupations?zone=6").await;
    let (size_status, size) = app.json("/api/v1/occupations?per_page=1000").await;
    let (code_status, code) = app.json("/api/v1/occupations/nurse").await;
    let (missing_status, missing) = app.json("/api/v1/clusters/astronauts").await;
    let (route_status, route) = app.json("/api/v1/no-such-thing").await;

    assert_eq!((zone_status, zone["errors"][0]["field"].as_str()), (400, Some("zone")));
    assert_eq!((size_status, size["errors"][0]["field"].as_str()), (400, Some("per_page")));
    assert_eq!((code_status, code["errors"][0]["code"].as_str()), (400, Some("invalid_parameter")));
    assert_eq!((missing_status, missing["errors"][0]["code"].as_str()), (404, Some("not_found")));
    assert_eq!((route_status, route["errors"][0]["status"].as_str()), (404, Some("404")));
}

#[tokio::test]
async fn openapi_document_matches_its_snapshot() {
    let app = TestApp::loaded(Backend::Sqlite).await;

    let (status, document) = app.json("/api/openapi.json").await;

    assert_eq!(status, 200);
    assert_eq!(document["openapi"], "3.1.0");
    insta::assert_json_snapshot!("openapi", document);
}

#[tokio::test]
async fn every_documented_get_path_answers() {
    let app = TestApp::loaded(Backend::Sqlite).await;
    let (_, document) = app.json("/api/openapi.json").await;
    let examples = [("{id}", "agriculture"), ("{code}", "29-1141.00")];

    let paths = document["paths"].as_object().unwrap();
    for path in paths.keys().filter(|p| paths[*p].get("get").is_some()) {
        let mut url = path.clone();
        if url.starts_with("/api/v1/subclusters/") {
            url = url.replace("{id}", "animal-systems");
        }
        for (placeholder, value) in examples {
            url = url.replace(placeholder, value);
        }
        let (status, _) = app.json(&url).await;
        // Operations that need an API token refuse a request without one.
        let expected = if paths[path]["get"].get("security").is_some() { 401 } else { 200 };
        assert_eq!(status, expected, "{path} as {url}");
    }
}

on_both_backends! {
    async fn case_package_has_a_document_items_and_child_links(backend: Backend) {
        let app = TestApp::loaded(backend).await;

        let (status, package) = app.json("/api/v1/case/package").await;
        let (_, again) = app.json("/api/v1/case/package").await;

        assert_eq!(status, 200);
        let items = package["CFItems"].as_array().unwrap();
        let associations = package["CFAssociations"].as_array().unwrap();
        let count = |kind: &str| items.iter().filter(|i| i["CFItemType"] == kind).count();
        assert_eq!((count("Cluster Grouping"), count("Career Cluster"), count("Sub-Cluster"), count("Career Ready Practice")), (6, 14, 72, 15));
        assert_eq!(associations.len(), items.len());
        assert!(associations.iter().all(|a| a["associationType"] == "isChildOf"));
        let document = package["CFDocument"]["identifier"].as_str().unwrap();
        let known: HashSet<&str> = items.iter().map(|i| i["identifier"].as_str().unwrap()).chain([document]).collect();
        for association in associations {
            assert!(known.contains(association["destinationNodeURI"]["identifier"].as_str().unwrap()));
            assert!(known.contains(association["originNodeURI"]["identifier"].as_str().unwrap()));
        }
        assert_eq!(package["CFItems"], again["CFItems"], "identifiers are stable");
        let uvt = items.iter().find(|i| i["fullStatement"] == "Unmanned Vehicle Technology").unwrap();
        assert!(uvt["notes"].as_str().unwrap().starts_with("Unverified"));
    }
}

#[tokio::test]
async fn case_uris_resolve_on_this_server() {
    let app = TestApp::loaded(Backend::Sqlite).await;
    let (_, package) = app.json("/api/v1/case/package").await;
    let local = |uri: &str| uri.strip_prefix("http://pathways.test").expect("public URL prefix").to_string();

    let item = &package["CFItems"][3];
    let association = &package["CFAssociations"][3];
    let (item_status, fetched_item) = app.json(&local(item["uri"].as_str().unwrap())).await;
    let (assoc_status, fetched_assoc) = app.json(&local(association["uri"].as_str().unwrap())).await;
    let (doc_status, documents) = app.json("/ims/case/v1p0/CFDocuments").await;
    let (pkg_status, _) = app.json(&local(package["CFDocument"]["CFPackageURI"]["uri"].as_str().unwrap())).await;
    let (type_status, item_type) = app.json(&local(item["CFItemTypeURI"]["uri"].as_str().unwrap())).await;

    assert_eq!((item_status, assoc_status, doc_status, pkg_status, type_status), (200, 200, 200, 200, 200));
    assert_eq!(item_type["title"], item["CFItemType"]);
    assert_eq!(&fetched_item, item);
    assert_eq!(&fetched_assoc, association);
    assert_eq!(documents["CFDocuments"][0]["identifier"], package["CFDocument"]["identifier"]);
}
