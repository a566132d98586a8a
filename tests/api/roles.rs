use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::json;

use crate::helpers::{PASSWORD, assert_problem, spawn_app};

#[tokio::test]
async fn a_custom_role_can_do_what_it_was_granted_and_nothing_else() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let saved = app
        .post(
            "/api/v1/roles",
            Some(&h.admin),
            json!({"name": "pharmacist", "permissions": [{"object": "doctor", "action": "list"}]}),
        )
        .await
        .expect(201);
    assert_eq!(
        saved.body["permissions"],
        json!([{"object": "doctor", "action": "list"}])
    );
    let email = format!("ph@{}.test", h.slug);
    app.post(
        "/api/v1/staff",
        Some(&h.admin),
        json!({"email": email, "full_name": "Pharma", "password": PASSWORD, "role": "pharmacist"}),
    )
    .await
    .expect(201);
    let ph = app.login(&email, None).await;
    app.get("/api/v1/doctors", &ph).await.expect(200);
    assert_problem(&app.get("/api/v1/patients", &ph).await, 403);
    assert_problem(
        &app.post(
            "/api/v1/roles",
            Some(&ph),
            json!({"name": "x_role", "permissions": [{"object": "doctor", "action": "list"}]}),
        )
        .await,
        403,
    );
    // No escalation past what an admin may do, no redefining base roles, no unknown roles.
    let r = app
        .post(
            "/api/v1/roles",
            Some(&h.admin),
            json!({"name": "boss", "permissions": [{"object": "hospital", "action": "suspend"}]}),
        )
        .await;
    assert_problem(&r, 422);
    let r = app
        .post(
            "/api/v1/roles",
            Some(&h.admin),
            json!({"name": "doctor", "permissions": [{"object": "doctor", "action": "list"}]}),
        )
        .await;
    assert_problem(&r, 409);
    let r = app
        .post(
            "/api/v1/staff",
            Some(&h.admin),
            json!({"email": "z@z.test", "full_name": "Z", "password": PASSWORD, "role": "wizard"}),
        )
        .await;
    assert_problem(&r, 422);
    // A held role cannot be deleted.
    assert_problem(
        &app.request(
            Method::DELETE,
            "/api/v1/roles/pharmacist",
            Some(&h.admin),
            None,
        )
        .await,
        409,
    );
    // Another hospital neither sees nor grants it.
    let other = app.hospital(&root).await;
    let list = app.get("/api/v1/roles", &other.admin).await.expect(200);
    assert_eq!(list.body, json!([]));
    let r = app.post("/api/v1/staff", Some(&other.admin), json!({"email": "y@y.test", "full_name": "Y", "password": PASSWORD, "role": "pharmacist"})).await;
    assert_problem(&r, 422);
}

#[tokio::test]
async fn a_role_change_reaches_another_server_instance_within_a_second() {
    let app = spawn_app().await;
    let twin = app.twin().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    app.post(
        "/api/v1/roles",
        Some(&h.admin),
        json!({"name": "nurse", "permissions": [{"object": "doctor", "action": "list"}]}),
    )
    .await
    .expect(201);
    let email = format!("nurse@{}.test", h.slug);
    app.post(
        "/api/v1/staff",
        Some(&h.admin),
        json!({"email": email, "full_name": "Nurse", "password": PASSWORD, "role": "nurse"}),
    )
    .await
    .expect(201);
    let nurse = app.login(&email, None).await;
    // Wait until the twin has the role (its first load may predate it), then change it.
    let deadline = Instant::now() + Duration::from_secs(1);
    while twin.get("/api/v1/doctors", &nurse).await.status.as_u16() != 200 {
        assert!(
            Instant::now() < deadline,
            "the twin never learned the new role"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    app.post(
        "/api/v1/roles",
        Some(&h.admin),
        json!({"name": "nurse", "permissions": [{"object": "doctor", "action": "read"}]}),
    )
    .await
    .expect(201);
    let changed = Instant::now();
    loop {
        if twin.get("/api/v1/doctors", &nurse).await.status.as_u16() == 403 {
            break;
        }
        assert!(
            changed.elapsed() < Duration::from_secs(1),
            "the twin still allows the revoked permission"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
