//! The audit trail: who sees which events, and the hash chain catching tampering.

use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::json;

use crate::helpers::{TestApp, admin_conn, assert_problem, spawn_app};

async fn exec(db: &DatabaseConnection, sql: &str) {
    db.execute_unprepared(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

#[tokio::test]
async fn patients_see_who_accessed_their_record_and_nobody_else_does() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, colleague) = (app.doctor(&h).await, app.doctor(&h).await);
    let (p, other) = (app.patient(&h).await, app.patient(&h).await);
    app.assign(&h, p.id, d.id).await;
    app.get(&format!("/api/v1/patients/{}", p.id), &d.token)
        .await
        .expect(200);

    let log = app
        .get(&format!("/api/v1/patients/{}/access-log", p.id), &p.token)
        .await
        .expect(200);
    let items = log.body["items"].as_array().unwrap();
    let read = items
        .iter()
        .find(|e| e["action"] == "patient.read")
        .expect("the doctor's read is listed");
    assert_eq!(read["actor_role"], "doctor");
    assert_eq!(read["actor_name"], "Dr Test");
    assert!(items.iter().any(|e| e["action"] == "patient.create"));
    // The admin and the care-team doctor see it; another patient and a colleague do not.
    app.get(&format!("/api/v1/patients/{}/access-log", p.id), &h.admin)
        .await
        .expect(200);
    app.get(&format!("/api/v1/patients/{}/access-log", p.id), &d.token)
        .await
        .expect(200);
    assert_problem(
        &app.get(
            &format!("/api/v1/patients/{}/access-log", p.id),
            &other.token,
        )
        .await,
        404,
    );
    assert_problem(
        &app.get(
            &format!("/api/v1/patients/{}/access-log", p.id),
            &colleague.token,
        )
        .await,
        404,
    );
    // Another hospital's admin: 404 too.
    let h2 = app.hospital(&root).await;
    assert_problem(
        &app.get(&format!("/api/v1/patients/{}/access-log", p.id), &h2.admin)
            .await,
        404,
    );
}

#[tokio::test]
async fn admins_filter_their_hospitals_trail_and_super_admins_see_only_platform_events() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let other = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    app.get(&format!("/api/v1/patients/{}", p.id), &d.token)
        .await
        .expect(200);

    let q = format!("/api/v1/audit-events?patient={}&action=patient.read", p.id);
    let r = app.get(&q, &h.admin).await.expect(200);
    let items = r.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", r.text);
    assert_eq!(items[0]["actor_role"], "doctor");
    assert!(items[0]["request_id"].is_string());
    let all = app
        .get("/api/v1/audit-events?limit=200", &h.admin)
        .await
        .expect(200);
    assert!(
        all.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["hospital_id"] == h.id.to_string())
    );
    // Paging: one at a time, newest first, no repeats.
    let first = app
        .get("/api/v1/audit-events?limit=1", &h.admin)
        .await
        .expect(200);
    let cursor = first.body["next_cursor"]
        .as_str()
        .expect("more pages")
        .to_string();
    let second = app
        .get(
            &format!("/api/v1/audit-events?limit=1&cursor={cursor}"),
            &h.admin,
        )
        .await
        .expect(200);
    assert_ne!(first.body["items"][0]["id"], second.body["items"][0]["id"]);
    assert!(first.body["items"][0]["id"].as_str() > second.body["items"][0]["id"].as_str());

    assert_problem(&app.get("/api/v1/audit-events", &d.token).await, 403);
    let platform = app
        .get("/api/v1/audit-events?limit=200", &root)
        .await
        .expect(200);
    let events = platform.body["items"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["action"] == "hospital.create" && e["hospital_id"] == other.id.to_string())
    );
    assert!(
        events.iter().all(|e| e["actor_role"] == "super_admin"),
        "super admin saw: {}",
        platform.text
    );
    assert!(events.iter().all(|e| e["patient_id"].is_null()));
}

async fn verify(app: &TestApp) -> Vec<carebridge::audit::verify::ChainReport> {
    let db = admin_conn(&app.db).await;
    carebridge::audit::verify::verify(&db, None).await.unwrap()
}

fn problems(reports: &[carebridge::audit::verify::ChainReport]) -> Vec<String> {
    reports.iter().filter_map(|r| r.problem.clone()).collect()
}

async fn busy_hospital(app: &TestApp) -> uuid::Uuid {
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, d.id).await;
    for _ in 0..3 {
        app.get(&format!("/api/v1/patients/{}", p.id), &d.token)
            .await
            .expect(200);
    }
    app.patch(
        &format!("/api/v1/patients/{}", p.id),
        &h.admin,
        json!({"allergies": "penicillin"}),
    )
    .await
    .expect(200);
    h.id
}

#[tokio::test]
async fn verify_passes_an_intact_chain_and_catches_an_edited_event() {
    let app = spawn_app().await;
    let h = busy_hospital(&app).await;
    let reports = verify(&app).await;
    assert!(problems(&reports).is_empty(), "{reports:?}");
    assert!(reports.iter().map(|r| r.events).sum::<usize>() >= 8);

    let db = admin_conn(&app.db).await;
    exec(
        &db,
        &format!(
            "update audit_event set action = 'patient.list' where hospital_id = '{h}' and seq = 4"
        ),
    )
    .await;
    let found = problems(&verify(&app).await);
    assert_eq!(
        found,
        vec!["event 4 was altered after it was sealed".to_string()]
    );
}

#[tokio::test]
async fn verify_catches_a_deleted_event_and_a_deleted_tail() {
    let app = spawn_app().await;
    let h = busy_hospital(&app).await;
    assert!(problems(&verify(&app).await).is_empty());
    let db = admin_conn(&app.db).await;
    exec(
        &db,
        &format!("delete from audit_event where hospital_id = '{h}' and seq = 3"),
    )
    .await;
    assert_eq!(
        problems(&verify(&app).await),
        vec!["event 3 is missing (found 4 in its place)".to_string()]
    );

    let app = spawn_app().await;
    let h = busy_hospital(&app).await;
    assert!(problems(&verify(&app).await).is_empty());
    let db = admin_conn(&app.db).await;
    exec(&db, &format!("delete from audit_event where hospital_id = '{h}' and seq = (select max(seq) from audit_event where hospital_id = '{h}')")).await;
    let found = problems(&verify(&app).await);
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("events were removed"), "{found:?}");
}

#[tokio::test]
async fn verify_catches_reordered_events_and_the_command_exits_non_zero() {
    let app = spawn_app().await;
    let h = busy_hospital(&app).await;
    assert!(problems(&verify(&app).await).is_empty());
    let db = admin_conn(&app.db).await;
    // Swap the positions of events 2 and 3 (hashes stay with their rows).
    exec(
        &db,
        &format!("update audit_event set seq = -2 where hospital_id = '{h}' and seq = 2"),
    )
    .await;
    exec(
        &db,
        &format!("update audit_event set seq = 2 where hospital_id = '{h}' and seq = 3"),
    )
    .await;
    exec(
        &db,
        &format!("update audit_event set seq = 3 where hospital_id = '{h}' and seq = -2"),
    )
    .await;
    let found = problems(&verify(&app).await);
    assert_eq!(
        found,
        vec!["event 2 does not follow event 1 (reordered or replaced)".to_string()]
    );

    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_carebridge"))
            .args(args)
            .env(
                "DATABASE_ADMIN_URL",
                format!("{}/{}", crate::helpers::ADMIN_SERVER, app.db),
            )
            .output()
            .unwrap()
    };
    let out = run(&["audit", "verify"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("BROKEN: event 2 does not follow event 1")
    );
}
