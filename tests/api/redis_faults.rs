//! Redis faults: Redis is an accelerator. With it down the API serves, an instance starts,
//! sign-in throttles in the process (still 429 after the configured failures), `/readyz` stays
//! 200 and names Redis as degraded, policy changes reach other instances by polling; when it
//! returns on the same port, everything uses it again. (Pushes across instances pausing and
//! resuming: `realtime::a_redis_outage_pauses_pushes_across_instances_but_not_the_api_and_they_resume`.)

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::helpers::{Options, OwnRedis, PASSWORD, TestApp, free_port, spawn_app_with};

async fn readiness(app: &TestApp) -> (u16, Value) {
    let r = app
        .client
        .get(format!("{}/readyz", app.base))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

async fn login_status(app: &TestApp, email: &str, password: &str) -> u16 {
    app.post(
        "/api/v1/auth/login",
        None,
        json!({"email": email, "password": password}),
    )
    .await
    .status
    .as_u16()
}

#[tokio::test]
async fn with_redis_down_the_api_serves_throttles_in_process_reports_degraded_and_polls_policies() {
    let port = free_port();
    let mut redis = OwnRedis::start(port);
    let app = spawn_app_with(Options {
        tweak: Box::new(move |c| {
            c.redis_url = format!("redis://127.0.0.1:{port}").into();
            c.login_failures_per_account = 3;
        }),
        ..Default::default()
    })
    .await;
    let twin = app.twin().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (status, body) = readiness(&app).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("ready")));

    redis.stop();
    let (status, body) = readiness(&app).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({"status": "degraded", "database": "up", "redis": "down"})
    );
    // An instance starts without Redis, and serves.
    let third = app.twin().await;
    assert_eq!(
        third.get("/api/v1/auth/me", &h.admin).await.status.as_u16(),
        200
    );

    // Sign-in works, and still throttles: three failures, then 429 even for the right password.
    let email = format!("nurse@{}.test", h.slug);
    app.post(
        "/api/v1/roles",
        Some(&h.admin),
        json!({"name": "nurse", "permissions": [{"object": "doctor", "action": "list"}]}),
    )
    .await
    .expect(201);
    app.post(
        "/api/v1/staff",
        Some(&h.admin),
        json!({"email": email, "full_name": "Nurse", "password": PASSWORD, "role": "nurse"}),
    )
    .await
    .expect(201);
    let nurse = app.login(&email, None).await;
    for _ in 0..3 {
        assert_eq!(
            login_status(&app, &email, "not the password at all").await,
            401
        );
    }
    let throttled = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": PASSWORD}),
        )
        .await;
    assert_eq!(throttled.status.as_u16(), 429, "{}", throttled.text);
    assert!(throttled.headers.contains_key("retry-after"));

    // A policy change made on one instance reaches another by its poll.
    let deadline = Instant::now() + Duration::from_secs(6);
    while twin.get("/api/v1/doctors", &nurse).await.status.as_u16() != 200 {
        assert!(Instant::now() < deadline, "the twin never learned the role");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.post(
        "/api/v1/roles",
        Some(&h.admin),
        json!({"name": "nurse", "permissions": [{"object": "doctor", "action": "read"}]}),
    )
    .await
    .expect(201);
    let changed = Instant::now();
    while twin.get("/api/v1/doctors", &nurse).await.status.as_u16() != 403 {
        assert!(
            changed.elapsed() < Duration::from_secs(6),
            "the twin kept the revoked permission with Redis down"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Redis returns on the same port: readiness is whole again.
    let _redis = OwnRedis::start(port);
    let back = Instant::now();
    loop {
        let (status, body) = readiness(&app).await;
        if body["status"] == "ready" {
            assert_eq!(status, 200);
            break;
        }
        assert!(
            back.elapsed() < Duration::from_secs(10),
            "Redis never came back: {body}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    drop(redis);
}
