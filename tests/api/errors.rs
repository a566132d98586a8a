//! Every error is problem+json and says nothing internal.

use reqwest::Method;
use serde_json::json;

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn routing_errors_are_problem_json() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    assert_problem(&app.get("/api/v1/no-such-thing", &root).await, 404);
    assert_problem(
        &app.request(Method::DELETE, "/api/v1/auth/me", Some(&root), None)
            .await,
        405,
    );
    assert_problem(
        &app.request(Method::GET, "/api/v1/auth/me", None, None)
            .await,
        401,
    );
    assert_problem(&app.get("/api/v1/auth/me", "not-a-real-token").await, 401);
    assert_problem(&app.get("/api/v1/hospitals/not-a-uuid", &root).await, 400);
}

#[tokio::test]
async fn malformed_json_unknown_fields_and_oversized_bodies_are_refused() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let url = format!("{}/api/v1/hospitals", app.base);
    let raw = app
        .client
        .post(&url)
        .bearer_auth(&root)
        .header("content-type", "application/json")
        .body("{\"name\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status().as_u16(), 400);
    assert!(
        raw.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json")
    );

    let unknown = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "a@b.test", "password": "x", "admin": true}),
        )
        .await;
    assert_problem(&unknown, 400);

    let big = "x".repeat(2 * 1024 * 1024);
    let r = app
        .client
        .post(&url)
        .bearer_auth(&root)
        .json(&json!({"name": big}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 413);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json")
    );
}

#[tokio::test]
async fn semantic_errors_are_422_and_conflicts_409() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let body = |slug: &str, currency: &str, tz: &str| {
        json!({"name": "X", "slug": slug, "timezone": tz, "currency": currency, "appointment_fee": 100,
               "payment_provider": "khalti", "admin": {"email": format!("a@{slug}.test"), "full_name": "A", "password": "correct horse battery"}})
    };
    assert_problem(
        &app.post(
            "/api/v1/hospitals",
            Some(&root),
            body("usd-khalti", "USD", "Asia/Kathmandu"),
        )
        .await,
        422,
    );
    assert_problem(
        &app.post(
            "/api/v1/hospitals",
            Some(&root),
            body("bad-tz", "NPR", "Mars/Olympus"),
        )
        .await,
        422,
    );
    let dup = app
        .post(
            "/api/v1/hospitals",
            Some(&root),
            body(&h.slug, "NPR", "Asia/Kathmandu"),
        )
        .await;
    assert_problem(&dup, 409);
    // The failed create left no admin account behind.
    let r = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": format!("a@{}.test", h.slug), "password": "correct horse battery"}),
        )
        .await;
    assert_problem(&r, 401);
    let r = app.get("/api/v1/hospitals?limit=500", &root).await;
    assert_problem(&r, 422);
}
