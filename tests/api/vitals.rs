//! Vitals scored with NEWS2, the care team's alerts, ratings and analytics, end to end.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, spawn_app};

fn set(rr: u32, spo2: u32, sbp: u32, hr: u32, acvpu: &str, temp: f64) -> Value {
    json!({"respiratory_rate": rr, "spo2": spo2, "spo2_scale": 1, "on_oxygen": false,
           "systolic_bp": sbp, "heart_rate": hr, "consciousness": acvpu, "temperature_c": temp})
}

#[tokio::test]
async fn a_high_score_alerts_only_the_care_team_and_other_tenants_get_404() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let team = app.doctor(&h).await;
    let outsider = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.assign(&h, p.id, team.id).await;
    let path = format!("/api/v1/patients/{}/vitals", p.id);

    // Normal: score 0, no alert.
    let v = app
        .post(&path, Some(&p.token), set(16, 97, 120, 70, "A", 37.0))
        .await
        .expect(201);
    assert_eq!(v.body["news2"]["score"], 0);
    assert_eq!(v.body["news2"]["risk"], "low");
    // New confusion alone: a single red parameter.
    let v = app
        .post(&path, Some(&team.token), set(16, 97, 120, 70, "C", 37.0))
        .await
        .expect(201);
    assert_eq!(v.body["news2"]["risk"], "low_medium");
    // RR 22 (2) + SpO2 93 (2) + pulse 115 (2) + 38.5 °C (1) = 7: high, and rising (0, 3, 7).
    let v = app
        .post(&path, Some(&p.token), set(22, 93, 120, 115, "A", 38.5))
        .await
        .expect(201);
    assert_eq!(v.body["news2"]["score"], 7);
    assert_eq!(v.body["news2"]["risk"], "high");
    assert_eq!(v.body["news2"]["rising"], true);

    // Impossible values: 422.
    let r = app
        .post(&path, Some(&p.token), set(16, 97, 120, 300, "A", 37.0))
        .await;
    assert_problem(&r, 422);

    // The care team's doctor sees two open alerts, newest first; another doctor sees none.
    let a = app.get("/api/v1/alerts", &team.token).await.expect(200);
    let items = a.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{}", a.text);
    assert_eq!(items[0]["news2_risk"], "high");
    assert_eq!(items[1]["news2_risk"], "low_medium");
    let none = app.get("/api/v1/alerts", &outsider.token).await.expect(200);
    assert_eq!(none.body["items"].as_array().unwrap().len(), 0);
    let alert = items[0]["id"].as_str().unwrap().to_string();
    let ack = format!("/api/v1/alerts/{alert}/acknowledge");
    assert_problem(&app.post(&ack, Some(&outsider.token), json!({})).await, 404);

    // Notified in-app; the high one emailed (the outbox holds it, without the patient's name).
    let n = app
        .get("/api/v1/notifications", &team.token)
        .await
        .expect(200);
    assert!(n.text.contains("NEWS2 high risk"), "{}", n.text);
    let outbox = app.get("/api/v1/outbox", &h.admin).await.expect(200);
    assert!(outbox.text.contains("high-risk alert"), "{}", outbox.text);

    // Acknowledged once; again is 409; then it leaves the open list.
    app.post(&ack, Some(&team.token), json!({}))
        .await
        .expect(200);
    assert_problem(&app.post(&ack, Some(&team.token), json!({})).await, 409);
    let a = app.get("/api/v1/alerts", &team.token).await.expect(200);
    assert_eq!(a.body["items"].as_array().unwrap().len(), 1);

    // Newest first, readable by the patient; another doctor gets 404.
    let l = app.get(&path, &p.token).await.expect(200);
    assert_eq!(l.body["items"][0]["news2"]["score"], 7);
    assert_problem(&app.get(&path, &outsider.token).await, 404);

    // Another hospital: its staff and patients get 404 for our patient and our alert.
    let other = app.hospital(&root).await;
    let od = app.doctor(&other).await;
    let op = app.patient(&other).await;
    assert_problem(&app.get(&path, &od.token).await, 404);
    assert_problem(
        &app.post(&path, Some(&op.token), set(16, 97, 120, 70, "A", 37.0))
            .await,
        404,
    );
    assert_problem(&app.post(&ack, Some(&od.token), json!({})).await, 404);
    let theirs = app
        .get("/api/v1/alerts?all=true", &od.token)
        .await
        .expect(200);
    assert_eq!(theirs.body["items"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn a_completed_visit_is_rated_once_and_analytics_count_what_was_made() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let p = app.patient(&h).await;
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &h.admin,
        json!({"approval_required": false, "payment_required": false}),
    )
    .await
    .expect(200);
    let id = app.confirmed_appointment(&d, &p, &h).await;
    let rate = format!("/api/v1/appointments/{id}/rating");
    // Not completed yet: 422.
    assert_problem(
        &app.post(&rate, Some(&p.token), json!({"stars": 4})).await,
        422,
    );
    app.move_appointment_to_now(id).await;
    for step in ["start", "complete"] {
        app.post(
            &format!("/api/v1/appointments/{id}/{step}"),
            Some(&d.token),
            json!({}),
        )
        .await
        .expect(200);
    }
    assert_problem(
        &app.post(&rate, Some(&p.token), json!({"stars": 6})).await,
        422,
    );
    app.post(
        &rate,
        Some(&p.token),
        json!({"stars": 4, "comment": "kind and clear"}),
    )
    .await
    .expect(201);
    assert_problem(
        &app.post(&rate, Some(&p.token), json!({"stars": 5})).await,
        409,
    );
    // Another hospital's patient: 404.
    let other = app.hospital(&root).await;
    let op = app.patient(&other).await;
    assert_problem(
        &app.post(&rate, Some(&op.token), json!({"stars": 1})).await,
        404,
    );
    assert_problem(&app.get(&rate, &op.token).await, 404);

    let r = app
        .get("/api/v1/ratings/doctors", &h.admin)
        .await
        .expect(200);
    let mine = r
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["doctor_id"] == d.id.to_string())
        .unwrap()
        .clone();
    assert_eq!(mine["ratings"], 1);
    assert_eq!(mine["stars"], json!([0, 0, 0, 1, 0]));
    assert_eq!(mine["recent_comments"][0]["comment"], "kind and clear");

    // Analytics: one completed appointment, rated 4, counted from the rows made here.
    let a = app
        .get("/api/v1/analytics/hospital", &h.admin)
        .await
        .expect(200);
    assert_eq!(
        a.body["totals"]["appointments"]["completed"], 1,
        "{}",
        a.text
    );
    assert_eq!(a.body["totals"]["ratings"], 1);
    assert_eq!(a.body["totals"]["mean_rating"], 4.0);
    assert_eq!(a.body["totals"]["no_show_rate"], 0.0);
    assert_eq!(a.body["days"].as_array().unwrap().len(), 30);
    assert!(
        a.body["totals"]["median_minutes_to_confirm"].is_number(),
        "{}",
        a.text
    );
    // The other hospital's admin sees none of it.
    let b = app
        .get("/api/v1/analytics/hospital", &other.admin)
        .await
        .expect(200);
    assert_eq!(b.body["totals"]["appointments"], json!({}));
    assert_problem(
        &app.get(
            "/api/v1/analytics/hospital?from=2026-02-01&to=2026-01-01",
            &h.admin,
        )
        .await,
        422,
    );

    // Platform: per hospital counts, no patient data.
    let pl = app
        .get("/api/v1/analytics/platform", &root)
        .await
        .expect(200);
    let ours = pl.body["hospitals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["hospital_id"] == h.id.to_string())
        .unwrap()
        .clone();
    assert_eq!(ours["appointments"]["completed"], 1, "{}", pl.text);
    assert!(
        !pl.text.contains("@"),
        "an email in platform analytics: {}",
        pl.text
    );
    assert_problem(&app.get("/api/v1/analytics/platform", &h.admin).await, 403);
}
