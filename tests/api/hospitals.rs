use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::helpers::{PASSWORD, admin_conn, assert_problem, spawn_app};

#[tokio::test]
async fn suspension_ends_sessions_blocks_logins_and_reinstatement_lifts_it() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let other = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let path = format!("/api/v1/hospitals/{}", h.id);
    // Only the super admin may suspend.
    assert_problem(
        &app.patch(&path, &h.admin, json!({"suspended": true})).await,
        403,
    );
    let r = app
        .patch(&path, &root, json!({"suspended": true}))
        .await
        .expect(200);
    assert_eq!(r.body["suspended"], true);
    assert_problem(&app.get("/api/v1/auth/me", &h.admin).await, 401);
    assert_problem(&app.get("/api/v1/auth/me", &d.token).await, 401);
    let login = app
        .post(
            "/api/v1/auth/login",
            None,
            json!({"email": format!("admin@{}.test", h.slug), "password": PASSWORD}),
        )
        .await;
    assert_problem(&login, 401);
    assert!(login.text.contains("suspended"));
    // Other hospitals carry on.
    app.get("/api/v1/auth/me", &other.admin).await.expect(200);
    app.patch(&path, &root, json!({"suspended": false}))
        .await
        .expect(200);
    let admin = app.login(&format!("admin@{}.test", h.slug), None).await;
    app.get("/api/v1/auth/me", &admin).await.expect(200);
}

#[tokio::test]
async fn a_hospital_admin_edits_settings_but_staff_cannot() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let path = format!("/api/v1/hospitals/{}", h.id);
    let r = app
        .patch(
            &path,
            &h.admin,
            json!({"appointment_fee": 75000, "ai_assistance": true}),
        )
        .await
        .expect(200);
    assert_eq!(r.body["appointment_fee"], 75000);
    assert_eq!(r.body["ai_assistance"], true);
    assert_problem(
        &app.patch(&path, &d.token, json!({"appointment_fee": 1}))
            .await,
        403,
    );
    assert_problem(
        &app.patch(&path, &h.admin, json!({"currency": "USD"})).await,
        422,
    );
    let got = app.get(&path, &d.token).await.expect(200);
    assert_eq!(got.body["appointment_fee"], 75000);
}

#[tokio::test]
async fn writes_and_reads_of_patient_data_are_audited_before_the_answer() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    app.get(&format!("/api/v1/patients/{}", p.id), &d.token)
        .await
        .expect(200);
    let db = admin_conn(&app.db).await;
    let rows = db
        .query_all_raw(carebridge::db::stmt(
            "select action, actor_role, request_id from audit_event where hospital_id = $1 and patient_id = $2 order by occurred_at",
            [h.id.into(), p.id.into()],
        ))
        .await
        .unwrap();
    let actions: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r.try_get("", "action").unwrap(),
                r.try_get("", "actor_role").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        vec![
            ("patient.create".to_string(), "hospital_admin".to_string()),
            ("care_team.assign".to_string(), "hospital_admin".to_string()),
            ("patient.read".to_string(), "doctor".to_string()),
        ]
    );
    assert!(rows.iter().all(|r| {
        r.try_get::<Option<String>>("", "request_id")
            .unwrap()
            .is_some()
    }));
    let created = db
        .query_one_raw(carebridge::db::stmt(
            "select count(*) as n from audit_event where hospital_id = $1 and action = 'hospital.create' and actor_role = 'super_admin'",
            [h.id.into()],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(created, 1);
}

#[tokio::test]
async fn the_refund_and_payment_windows_are_the_admins_to_set_and_everyones_to_read() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let p = app.patient(&h).await;
    let path = format!("/api/v1/hospitals/{}", h.id);
    let r = app
        .patch(
            &path,
            &h.admin,
            json!({"refund_window_hours": 48, "payment_window_minutes": 60}),
        )
        .await
        .expect(200);
    assert_eq!(r.body["refund_window_hours"], 48);
    assert_eq!(r.body["payment_window_minutes"], 60);
    // Out of range: 422 naming the field, and nothing changes.
    for bad in [
        json!({"refund_window_hours": 721}),
        json!({"payment_window_minutes": 4}),
        json!({"refund_window_hours": 12, "payment_window_minutes": 1441}),
    ] {
        let r = app.patch(&path, &h.admin, bad).await;
        assert_problem(&r, 422);
        assert!(r.text.contains("_window_"), "{}", r.text);
    }
    // A patient reads the rules that apply to them.
    let got = app.get(&path, &p.token).await.expect(200);
    assert_eq!(got.body["refund_window_hours"], 48);
    assert_eq!(got.body["payment_window_minutes"], 60);
}
