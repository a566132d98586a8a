//! `carebridge tenants apply`: onboarding from tenants/*.toml, idempotently.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::helpers::{assert_problem, spawn_app};

fn repo_tenants() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tenants")
}

async fn count(app: &crate::helpers::TestApp, sql: &str) -> i64 {
    crate::helpers::sql_i64(app, sql).await
}

#[tokio::test]
async fn applying_the_demo_manifests_twice_changes_nothing_the_second_time() {
    let app = spawn_app().await;
    let first = carebridge::cli::apply_tenants(&app.config, &repo_tenants())
        .await
        .unwrap();
    assert_eq!(first.len(), 2);
    assert!(
        first
            .iter()
            .all(|o| o.changes.contains(&"hospital created".to_string())),
        "{first:?}"
    );
    let events = count(&app, "select count(*) from audit_event").await;
    let users = count(&app, "select count(*) from app_user").await;
    let second = carebridge::cli::apply_tenants(&app.config, &repo_tenants())
        .await
        .unwrap();
    assert!(
        second.iter().all(|o| o.changes.is_empty()),
        "second run changed: {second:?}"
    );
    assert_eq!(
        count(&app, "select count(*) from audit_event").await,
        events
    );
    assert_eq!(count(&app, "select count(*) from app_user").await, users);

    // The demo logins work, and the custom role is enforced.
    let admin = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "admin@kathmandu-valley.demo", "password": "demo-admin-ktm-1"}),
        )
        .await
        .expect(200);
    let admin = admin.body["token"].as_str().unwrap().to_string();
    let hospitals = app.get("/api/v1/hospitals", &admin).await.expect(200);
    assert_eq!(hospitals.body["items"][0]["currency"], "NPR");
    assert_eq!(hospitals.body["items"][0]["payment_provider"], "khalti");
    let doctors = app.get("/api/v1/doctors", &admin).await.expect(200);
    assert_eq!(doctors.body["items"].as_array().unwrap().len(), 2);
    let ph = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": "pharmacy@kathmandu-valley.demo", "password": "demo-pharmacist-ktm"}),
        )
        .await
        .expect(200);
    let ph = ph.body["token"].as_str().unwrap().to_string();
    app.get("/api/v1/doctors", &ph).await.expect(200);
    assert_problem(&app.get("/api/v1/patients", &ph).await, 403);
}

#[tokio::test]
async fn an_edited_manifest_updates_the_hospital() {
    let app = spawn_app().await;
    let dir = std::env::temp_dir().join(format!("cb-tenants-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let original = std::fs::read_to_string(repo_tenants().join("boston-harbor.toml")).unwrap();
    std::fs::write(dir.join("boston-harbor.toml"), &original).unwrap();
    carebridge::cli::apply_tenants(&app.config, &dir)
        .await
        .unwrap();
    let edited = original
        .replace("appointment_fee = 12000", "appointment_fee = 15000")
        .replace(
            "specialization = \"Internal medicine\"",
            "specialization = \"Family medicine\"",
        );
    assert_ne!(edited, original);
    std::fs::write(dir.join("boston-harbor.toml"), &edited).unwrap();
    let out = carebridge::cli::apply_tenants(&app.config, &dir)
        .await
        .unwrap();
    assert_eq!(
        out[0].changes,
        vec![
            "settings updated".to_string(),
            "doctor profile of dr.okafor@boston-harbor.demo saved".to_string()
        ]
    );
    assert_eq!(
        count(
            &app,
            "select appointment_fee from hospital where slug = 'boston-harbor'"
        )
        .await,
        15000
    );
    // A manifest with an unknown field is refused before anything is written.
    std::fs::write(
        dir.join("boston-harbor.toml"),
        format!("{edited}\nsecret_admin_backdoor = true\n"),
    )
    .unwrap();
    assert!(
        carebridge::cli::apply_tenants(&app.config, &dir)
            .await
            .is_err()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
