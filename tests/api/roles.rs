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

#[tokio::test]
async fn a_custom_roles_grants_reach_the_rows_and_nothing_more() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    app.assign(&h, p.id, d.id).await;
    let staff = |role: &'static str, perms: serde_json::Value| {
        let (app, admin, slug) = (&app, h.admin.clone(), h.slug.clone());
        async move {
            app.post(
                "/api/v1/roles",
                Some(&admin),
                json!({"name": role, "permissions": perms}),
            )
            .await
            .expect(201);
            let email = format!("{role}@{slug}.test");
            app.post(
                "/api/v1/staff",
                Some(&admin),
                json!({"email": email, "full_name": role, "password": PASSWORD, "role": role}),
            )
            .await
            .expect(201);
            app.login(&email, None).await
        }
    };
    let nurse = staff(
        "nurse",
        json!([{"object": "patient", "action": "list"}, {"object": "patient", "action": "read"}]),
    )
    .await;
    // The nurse reads the hospital's patient profiles, names included, as granted.
    let profile = app
        .get(&format!("/api/v1/patients/{}", p.id), &nurse)
        .await
        .expect(200);
    assert_eq!(profile.body["full_name"], "Pat Test");
    let list = app.get("/api/v1/patients", &nurse).await.expect(200);
    assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
    // Never a note (not granted), never another hospital's patient.
    app.post(
        &format!("/api/v1/patients/{}/notes", p.id),
        Some(&d.token),
        json!({"body": "Private.", "private": true}),
    )
    .await
    .expect(201);
    assert_problem(
        &app.get(&format!("/api/v1/patients/{}/notes", p.id), &nurse)
            .await,
        403,
    );
    let other = app.hospital(&root).await;
    let stranger = app.patient(&other).await;
    assert_problem(
        &app.get(&format!("/api/v1/patients/{}", stranger.id), &nurse)
            .await,
        404,
    );
    // RLS itself: in the nurse's context no note and no prescription is visible, while a
    // pharmacist granted prescription:read sees the hospital's prescriptions.
    app.post(
        "/api/v1/prescriptions",
        Some(&d.token),
        json!({"patient_id": p.id, "items": [crate::records::item()]}),
    )
    .await
    .expect(201);
    let pharmacist = staff(
        "chemist",
        json!([{"object": "prescription", "action": "list"}, {"object": "prescription", "action": "read"}]),
    )
    .await;
    let list = app
        .get("/api/v1/prescriptions", &pharmacist)
        .await
        .expect(200);
    assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
    let db = app.runtime_conn().await;
    let user_of = |token: String| async move {
        app.get("/api/v1/auth/me", &token).await.body["user_id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let nurse_user = user_of(nurse.clone()).await;
    let seen = |table: &'static str| {
        let (db, hospital, user) = (&db, h.id, nurse_user.clone());
        async move {
            let txn = sea_orm::TransactionTrait::begin(db).await.unwrap();
            sea_orm::ConnectionTrait::execute_unprepared(
                &txn,
                &format!(
                    "select set_config('app.hospital_id', '{hospital}', true), \
                     set_config('app.user_id', '{user}', true), set_config('app.role', 'nurse', true)"
                ),
            )
            .await
            .unwrap();
            let n = sea_orm::ConnectionTrait::query_one_raw(
                &txn,
                carebridge::db::stmt(&format!("select count(*) from {table}"), []),
            )
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<i64>(0)
            .unwrap();
            txn.rollback().await.unwrap();
            n
        }
    };
    assert_eq!(seen("patient").await, 1);
    assert_eq!(seen("clinical_note").await, 0);
    assert_eq!(seen("prescription").await, 0);
}

#[tokio::test]
async fn me_names_what_the_callers_role_may_do() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    let permissions = |body: &serde_json::Value| -> Vec<String> {
        body["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let doctor = permissions(&app.get("/api/v1/auth/me", &d.token).await.expect(200).body);
    assert!(
        doctor.contains(&"appointment:approve".to_string()),
        "{doctor:?}"
    );
    assert!(!doctor.contains(&"member:list".to_string()));
    let patient = permissions(&app.get("/api/v1/auth/me", &p.token).await.expect(200).body);
    assert!(
        patient.contains(&"care_team:list".to_string()),
        "{patient:?}"
    );
    assert!(!patient.contains(&"prescription:dispense".to_string()));
    // A custom role: exactly what it was granted.
    app.post(
        "/api/v1/roles",
        Some(&h.admin),
        json!({"name": "dispenser", "permissions": [
            {"object": "prescription", "action": "list"},
            {"object": "prescription", "action": "dispense"}]}),
    )
    .await
    .expect(201);
    let email = format!("disp@{}.test", h.slug);
    app.post(
        "/api/v1/staff",
        Some(&h.admin),
        json!({"email": email, "full_name": "Dee Spenser", "role": "dispenser", "password": PASSWORD}),
    )
    .await
    .expect(201);
    let token = app.login(&email, Some(&h.slug)).await;
    let custom = permissions(&app.get("/api/v1/auth/me", &token).await.expect(200).body);
    assert_eq!(custom, ["prescription:dispense", "prescription:list"]);
}
