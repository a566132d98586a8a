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
async fn the_sign_in_page_is_served_at_the_root() {
    let app = spawn_app().await;
    let r = app
        .client
        .get(format!("{}/", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = r.text().await.unwrap();
    assert!(html.contains("/api/v1/auth/login") || html.contains("'/auth/login'"));
}
