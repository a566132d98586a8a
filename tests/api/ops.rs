use std::collections::{BTreeMap, BTreeSet};

use crate::helpers::spawn_app;

/// One sample of the Prometheus text format: name, labels, value.
type Sample = (String, BTreeMap<String, String>, f64);

/// Parses the text exposition format strictly: every sample line is `name{labels} value`, and
/// every sample's family was declared with `# TYPE` before it.
fn parse_prometheus(text: &str) -> Vec<Sample> {
    let mut typed = BTreeSet::new();
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let mut parts = rest.split(' ');
            typed.insert(parts.next().unwrap().to_string());
            let kind = parts.next().unwrap();
            assert!(["counter", "gauge", "histogram"].contains(&kind), "{line}");
            continue;
        }
        if line.starts_with("# HELP ") {
            continue;
        }
        let (series, value) = line.rsplit_once(' ').expect(line);
        let value: f64 = value.parse().unwrap_or_else(|_| panic!("value of {line}"));
        let (name, labels) = match series.split_once('{') {
            Some((n, l)) => (n, l.strip_suffix('}').expect(line)),
            None => (series, ""),
        };
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "metric name {name}"
        );
        let family = ["_bucket", "_sum", "_count"]
            .iter()
            .find_map(|s| name.strip_suffix(s).filter(|f| typed.contains(*f)))
            .unwrap_or(name);
        assert!(typed.contains(family), "{name} has no # TYPE before it");
        let mut map = BTreeMap::new();
        for pair in labels.split("\",").filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once("=\"").expect(line);
            map.insert(k.to_string(), v.trim_end_matches('"').to_string());
        }
        out.push((name.to_string(), map, value));
    }
    out
}

#[tokio::test]
async fn metrics_name_routes_by_pattern_and_report_pools_queues_sockets_and_the_outbox() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    app.get(&format!("/api/v1/hospitals/{}", h.id), &root)
        .await
        .expect(200);
    let text = app
        .client
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let samples = parse_prometheus(&text);
    let one = |name: &str, label: (&str, &str)| {
        samples
            .iter()
            .find(|(n, l, _)| {
                n == name
                    && (label.0.is_empty() || l.get(label.0).map(String::as_str) == Some(label.1))
            })
            .unwrap_or_else(|| panic!("no {name} with {label:?}:\n{text}"))
            .2
    };
    // By route pattern, never by raw path: no id appears in any label of a request metric.
    assert_eq!(
        one(
            "http_request_duration_seconds_count",
            ("route", "/api/v1/hospitals/{id}")
        ),
        1.0
    );
    assert!(
        !text.contains(&h.id.to_string()),
        "a request metric carries an id"
    );
    let inf = samples.iter().find(|(n, l, _)| {
        n == "http_request_duration_seconds_bucket"
            && l["route"] == "/api/v1/hospitals/{id}"
            && l["le"] == "+Inf"
    });
    assert_eq!(inf.unwrap().2, 1.0);
    assert!(one("carebridge_db_connections", ("state", "max")) >= 1.0);
    assert!(one("carebridge_db_connections", ("pool", "system")) >= 0.0);
    assert_eq!(one("carebridge_websockets", ("", "")), 0.0);
    assert!(one("carebridge_outbox_lag_seconds", ("", "")) >= 0.0);
    assert!(
        one("http_requests_in_flight", ("", "")) >= 1.0,
        "the scrape itself"
    );
    assert!(text.contains("# TYPE carebridge_inference_jobs gauge"));
    assert_eq!(one("carebridge_draining", ("", "")), 0.0);

    // The Grafana dashboard asks only for metrics this server exposes.
    let dashboard: serde_json::Value =
        serde_json::from_str(include_str!("../../ops/grafana/carebridge.json")).unwrap();
    let panels = dashboard["panels"].as_array().unwrap();
    assert!(panels.len() >= 8);
    for expr in panels
        .iter()
        .flat_map(|p| p["targets"].as_array().unwrap())
        .map(|t| t["expr"].as_str().unwrap())
    {
        for word in expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            if word.starts_with("http_") || word.starts_with("carebridge_") {
                let family = word.strip_suffix("_bucket").unwrap_or(word);
                assert!(
                    text.contains(&format!("# TYPE {family} ")),
                    "the dashboard asks for {word}, which /metrics does not expose"
                );
            }
        }
    }
}

#[tokio::test]
async fn health_readiness_and_metrics_answer() {
    let app = spawn_app().await;
    let get = |p: &str| app.client.get(format!("{}{p}", app.base)).send();
    assert_eq!(get("/healthz").await.unwrap().status().as_u16(), 200);
    let ready = get("/readyz").await.unwrap();
    assert_eq!(ready.status().as_u16(), 200);
    let root = app.super_admin().await;
    app.get("/api/v1/auth/me", &root).await.expect(200);
    let metrics = get("/metrics").await.unwrap().text().await.unwrap();
    assert!(
        metrics.contains(
            r#"http_requests_total{method="GET",route="/api/v1/auth/me",status="200"} 1"#
        ),
        "metrics lack the /me request:\n{metrics}"
    );
    assert!(metrics.contains("http_request_duration_seconds_bucket"));
    assert!(!metrics.contains(&root), "metrics never carry tokens");
}

#[tokio::test]
async fn the_web_app_is_served_at_the_root_and_at_every_path_the_server_does_not_own() {
    // A build as `npm run build` leaves it: index.html and hashed assets.
    let dir = std::env::temp_dir().join(format!("carebridge-web-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    let index = "<!doctype html><title>carebridge</title><div id=\"app\"></div>";
    std::fs::write(dir.join("index.html"), index).unwrap();
    std::fs::write(dir.join("assets/index-abc123.js"), "export {}").unwrap();
    let web_dir = dir.clone();
    let app = crate::helpers::spawn_app_with(crate::helpers::Options {
        tweak: Box::new(move |c| c.web_dir = web_dir),
        ..Default::default()
    })
    .await;
    let get = |path: &str| app.client.get(format!("{}{path}", app.base)).send();
    for page in [
        "/",
        "/appointments",
        "/doctors/0196f1d2-0000-7000-8000-000000000000",
    ] {
        let r = get(page).await.unwrap();
        assert_eq!(r.status().as_u16(), 200, "{page}");
        assert_eq!(r.headers()["cache-control"], "no-cache");
        assert!(
            r.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'")
        );
        assert_eq!(r.text().await.unwrap(), index, "{page}");
    }
    let js = get("/assets/index-abc123.js").await.unwrap();
    assert_eq!(js.status().as_u16(), 200);
    assert!(
        js.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(
        get("/assets/missing.js").await.unwrap().status().as_u16(),
        404
    );
    // The server's own paths stay its own.
    let api = get("/api/v1/no-such-thing").await.unwrap();
    assert_eq!(api.status().as_u16(), 404);
    assert!(
        api.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json")
    );
    assert_eq!(get("/healthz").await.unwrap().status().as_u16(), 200);
    std::fs::remove_dir_all(&dir).unwrap();

    // Without a build, / says how to make one.
    let bare = crate::helpers::spawn_app_with(crate::helpers::Options {
        tweak: Box::new(|c| c.web_dir = std::path::PathBuf::from("/nonexistent/web/dist")),
        ..Default::default()
    })
    .await;
    let r = bare
        .client
        .get(format!("{}/", bare.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.text().await.unwrap().contains("npm run build"));
}
