use crate::helpers::spawn_app;

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
