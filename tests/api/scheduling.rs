//! Availability, slots, the booking lifecycle, no double booking, notifications.

use std::time::Duration;

use chrono::{DateTime, Utc};
use futures_util::future::join_all;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{
    Hospital, Member, Options, TestApp, assert_problem, spawn_app, spawn_app_with,
};

/// Open every day, all day (UTC), 30-minute slots.
async fn always_open(app: &TestApp, h: &Hospital, d: &Member) {
    app.open_all_week(h, d, 30).await;
}

async fn free_slots(
    app: &TestApp,
    token: &str,
    doctor: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<String> {
    let q = format!(
        "/api/v1/doctors/{doctor}/slots?from={}&to={}",
        urlencode(&from.to_rfc3339()),
        urlencode(&to.to_rfc3339())
    );
    let r = app.get(&q, token).await.expect(200);
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start_at"].as_str().unwrap().to_string())
        .collect()
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

fn in_days(d: i64) -> DateTime<Utc> {
    let t = Utc::now() + chrono::Duration::days(d);
    t - chrono::Duration::seconds(t.timestamp() % 86400)
}

async fn book(
    app: &TestApp,
    token: &str,
    doctor: Uuid,
    start: &str,
    reason: &str,
) -> crate::helpers::Resp {
    app.post(
        "/api/v1/appointments",
        Some(token),
        json!({"doctor_id": doctor, "start_at": start, "reason": reason}),
    )
    .await
}

#[tokio::test]
async fn a_booked_slot_disappears_and_the_lifecycle_runs_to_awaiting_payment() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await; // approval and payment required (Khalti)
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    always_open(&app, &h, &d).await;
    let (from, to) = (in_days(2), in_days(3));
    let slots = free_slots(&app, &p.token, d.id, from, to).await;
    assert_eq!(slots.len(), 47, "00:00 to 23:30 in 30-minute slots");
    let start = slots[3].clone();
    let a = book(&app, &p.token, d.id, &start, "persistent headache")
        .await
        .expect(201);
    assert_eq!(a.body["status"], "requested");
    assert_eq!(a.body["fee"], 50000);
    assert_eq!(a.body["currency"], "NPR");
    let id = a.id();
    assert!(
        !free_slots(&app, &p.token, d.id, from, to)
            .await
            .contains(&start)
    );

    // Illegal transitions answer 409; the patient cannot approve at all.
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id}/complete"),
            Some(&d.token),
            json!({}),
        )
        .await,
        409,
    );
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id}/approve"),
            Some(&p.token),
            json!({}),
        )
        .await,
        403,
    );
    let ok = app
        .post(
            &format!("/api/v1/appointments/{id}/approve"),
            Some(&d.token),
            json!({}),
        )
        .await
        .expect(200);
    assert_eq!(ok.body["status"], "awaiting_payment");
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id}/approve"),
            Some(&d.token),
            json!({}),
        )
        .await,
        409,
    );
    // Approval put the doctor on the patient's care team.
    app.get(&format!("/api/v1/patients/{}", p.id), &d.token)
        .await
        .expect(200);
    // Both see it; another patient and another hospital do not.
    app.get(&format!("/api/v1/appointments/{id}"), &p.token)
        .await
        .expect(200);
    let other = app.patient(&h).await;
    assert_problem(
        &app.get(&format!("/api/v1/appointments/{id}"), &other.token)
            .await,
        404,
    );
    let h2 = app.hospital(&root).await;
    assert_problem(
        &app.get(&format!("/api/v1/appointments/{id}"), &h2.admin)
            .await,
        404,
    );
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id}/cancel"),
            Some(&h2.admin),
            json!({}),
        )
        .await,
        404,
    );
    assert_problem(
        &app.get(
            &format!(
                "/api/v1/doctors/{}/slots?from={}&to={}",
                d.id,
                urlencode(&from.to_rfc3339()),
                urlencode(&to.to_rfc3339())
            ),
            &h2.admin,
        )
        .await,
        404,
    );
    let list = app.get("/api/v1/appointments", &p.token).await.expect(200);
    assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn without_approval_or_payment_a_booking_is_confirmed_and_proposals_move_it() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &h.admin,
        json!({"approval_required": false, "payment_required": false}),
    )
    .await
    .expect(200);
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    always_open(&app, &h, &d).await;
    let slots = free_slots(&app, &p.token, d.id, in_days(3), in_days(4)).await;
    let a = book(&app, &p.token, d.id, &slots[0], "check-up")
        .await
        .expect(201);
    assert_eq!(a.body["status"], "confirmed");
    let id = a.id();
    // The doctor proposes another time; the patient accepts; the old slot frees up.
    let r = app
        .post(
            &format!("/api/v1/appointments/{id}/propose"),
            Some(&d.token),
            json!({"start_at": slots[5]}),
        )
        .await
        .expect(200);
    assert_eq!(
        r.body["proposed_start_at"]
            .as_str()
            .map(|s| s.parse::<DateTime<Utc>>().unwrap()),
        Some(slots[5].parse().unwrap())
    );
    let r = app
        .post(
            &format!("/api/v1/appointments/{id}/accept-proposal"),
            Some(&p.token),
            json!({}),
        )
        .await
        .expect(200);
    assert_eq!(
        r.body["start_at"]
            .as_str()
            .unwrap()
            .parse::<DateTime<Utc>>()
            .unwrap(),
        slots[5].parse::<DateTime<Utc>>().unwrap()
    );
    assert!(r.body["proposed_start_at"].is_null());
    let free = free_slots(&app, &p.token, d.id, in_days(3), in_days(4)).await;
    assert!(free.contains(&slots[0]) && !free.contains(&slots[5]));
    // Too early to start; the patient may cancel (days ahead, outside the 24 h window).
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id}/start"),
            Some(&d.token),
            json!({}),
        )
        .await,
        409,
    );
    let r = app
        .post(
            &format!("/api/v1/appointments/{id}/cancel"),
            Some(&p.token),
            json!({"reason": "travelling"}),
        )
        .await
        .expect(200);
    assert_eq!(r.body["status"], "cancelled");
    assert_eq!(r.body["cancelled_by"], "patient");
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id}/cancel"),
            Some(&p.token),
            json!({}),
        )
        .await,
        409,
    );
}

#[tokio::test]
async fn many_patients_racing_for_one_slot_get_exactly_one_booking() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    always_open(&app, &h, &d).await;
    let mut patients = Vec::new();
    for _ in 0..12 {
        patients.push(app.patient(&h).await);
    }
    let slot = free_slots(&app, &h.admin, d.id, in_days(2), in_days(3)).await[10].clone();
    let results = join_all(
        patients
            .iter()
            .map(|p| book(&app, &p.token, d.id, &slot, "race")),
    )
    .await;
    let created = results.iter().filter(|r| r.status.as_u16() == 201).count();
    let conflicts = results.iter().filter(|r| r.status.as_u16() == 409).count();
    assert_eq!(
        (created, conflicts),
        (1, 11),
        "{:?}",
        results.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    // A patient cannot hold two overlapping appointments with different doctors either.
    let d2 = app.doctor(&h).await;
    always_open(&app, &h, &d2).await;
    let winner = patients
        .iter()
        .zip(&results)
        .find(|(_, r)| r.status.as_u16() == 201)
        .unwrap()
        .0;
    assert_problem(
        &book(&app, &winner.token, d2.id, &slot, "double").await,
        409,
    );
}

#[tokio::test]
async fn availability_is_checked_and_only_the_doctor_or_an_admin_sets_it() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, other, p) = (
        app.doctor(&h).await,
        app.doctor(&h).await,
        app.patient(&h).await,
    );
    let put = |token: String, doctor: Uuid, body: Value| {
        let app = &app;
        async move {
            app.request(
                reqwest::Method::PUT,
                &format!("/api/v1/doctors/{doctor}/availability"),
                Some(&token),
                Some(body),
            )
            .await
        }
    };
    let good = json!({"timezone": "Asia/Kathmandu", "slot_minutes": 20, "rules": [{"weekday": 1, "start": "09:00", "end": "12:00"}]});
    put(d.token.clone(), d.id, good.clone()).await.expect(200);
    assert_problem(&put(other.token.clone(), d.id, good.clone()).await, 403);
    assert_problem(&put(p.token.clone(), d.id, good.clone()).await, 403);
    let bad = json!({"timezone": "Asia/Kathmandu", "slot_minutes": 20, "rules": [{"weekday": 8, "start": "09:00", "end": "12:00"}]});
    assert_problem(&put(d.token.clone(), d.id, bad).await, 422);
    let overlap = json!({"timezone": "UTC", "slot_minutes": 20, "rules": [{"weekday": 1, "start": "09:00", "end": "12:00"}, {"weekday": 1, "start": "11:00", "end": "13:00"}]});
    assert_problem(&put(d.token.clone(), d.id, overlap).await, 422);
    let h2 = app.hospital(&root).await;
    assert_problem(&put(h2.admin.clone(), d.id, good).await, 404);
    // Slots: at most 31 days per query; off-grid starts are refused.
    let r = app
        .get(
            &format!(
                "/api/v1/doctors/{}/slots?from={}&to={}",
                d.id,
                urlencode(&in_days(1).to_rfc3339()),
                urlencode(&in_days(40).to_rfc3339())
            ),
            &p.token,
        )
        .await;
    assert_problem(&r, 422);
    let slots = free_slots(&app, &p.token, d.id, in_days(1), in_days(9)).await;
    assert!(!slots.is_empty());
    let first: DateTime<Utc> = slots[0].parse().unwrap();
    // Mondays 09:00 in Kathmandu is 03:15 UTC.
    assert_eq!(first.format("%H:%M").to_string(), "03:15");
    let off_grid = (first + chrono::Duration::minutes(7)).to_rfc3339();
    assert_problem(&book(&app, &p.token, d.id, &off_grid, "x").await, 422);
}

#[tokio::test]
async fn booking_emails_go_through_the_outbox_to_smtp_without_the_reason() {
    let (smtp, sink) = crate::smtp::start().await;
    let app = spawn_app_with(Options {
        tweak: Box::new(move |c| c.smtp_url = Some(smtp.into())),
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    always_open(&app, &h, &d).await;
    let patient_email = app.get("/api/v1/auth/me", &p.token).await.body["email"]
        .as_str()
        .unwrap()
        .to_string();
    let doctor_email = app.get("/api/v1/auth/me", &d.token).await.body["email"]
        .as_str()
        .unwrap()
        .to_string();
    let slot = free_slots(&app, &p.token, d.id, in_days(2), in_days(3)).await[0].clone();
    book(&app, &p.token, d.id, &slot, "embarrassing symptom xyzzy")
        .await
        .expect(201);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while sink.to(&patient_email).is_empty() || sink.to(&doctor_email).is_empty() {
        assert!(std::time::Instant::now() < deadline, "no emails arrived");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let to_patient = &sink.to(&patient_email)[0];
    assert!(
        to_patient.data.contains("Subject: Appointment requested"),
        "{}",
        to_patient.data
    );
    assert!(to_patient.data.contains("Dr Test"));
    assert!(to_patient.data.contains("text/html") && to_patient.data.contains("text/plain"));
    let to_doctor = &sink.to(&doctor_email)[0];
    assert!(to_doctor.data.contains("Subject: New appointment request"));
    for m in [to_patient, to_doctor] {
        assert!(!m.data.contains("xyzzy"), "the reason leaked into an email");
    }
    // In-app notifications for the patient, marked read one by one.
    let list = app
        .get("/api/v1/notifications?unread=true", &p.token)
        .await
        .expect(200);
    let items = list.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let nid = items[0]["id"].as_str().unwrap();
    let r = app
        .request(
            reqwest::Method::POST,
            &format!("/api/v1/notifications/{nid}/read"),
            Some(&p.token),
            None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 204);
    assert!(
        app.get("/api/v1/notifications?unread=true", &p.token)
            .await
            .body["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // Another user's notification id answers 404.
    let r = app
        .request(
            reqwest::Method::POST,
            &format!("/api/v1/notifications/{nid}/read"),
            Some(&d.token),
            None,
        )
        .await;
    assert_problem(&r, 404);
    let sent = app
        .get("/api/v1/outbox?status=sent", &h.admin)
        .await
        .expect(200);
    assert_eq!(sent.body["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn an_unreachable_mail_server_leaves_messages_pending_with_the_error_for_admins() {
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.smtp_url = Some("smtp://127.0.0.1:9".to_string().into())),
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    always_open(&app, &h, &d).await;
    let slot = free_slots(&app, &p.token, d.id, in_days(2), in_days(3)).await[0].clone();
    book(&app, &p.token, d.id, &slot, "x").await.expect(201);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let r = app.get("/api/v1/outbox", &h.admin).await.expect(200);
        let items = r.body["items"].as_array().unwrap().clone();
        // Attempts count at claim time; the error is recorded once the send has failed.
        if items.len() == 2 && items.iter().all(|m| m["last_error"].is_string()) {
            assert!(
                items
                    .iter()
                    .all(|m| m["status"] == "pending" && m["attempts"].as_i64() >= Some(1)),
                "{items:?}"
            );
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "messages were not attempted: {}",
            r.text
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_problem(&app.get("/api/v1/outbox", &d.token).await, 403);
}

#[tokio::test]
async fn hospital_settings_bound_how_soon_and_how_far_ahead_patients_book() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    always_open(&app, &h, &d).await;
    let slot = free_slots(&app, &p.token, d.id, in_days(2), in_days(3)).await[0].clone();
    let path = format!("/api/v1/hospitals/{}", h.id);
    assert_problem(
        &app.patch(&path, &h.admin, json!({"booking_horizon_days": 0}))
            .await,
        422,
    );
    app.patch(&path, &h.admin, json!({"min_notice_minutes": 7 * 24 * 60}))
        .await
        .expect(200);
    assert!(
        free_slots(&app, &p.token, d.id, in_days(2), in_days(3))
            .await
            .is_empty()
    );
    assert_problem(&book(&app, &p.token, d.id, &slot, "x").await, 422);
    app.patch(
        &path,
        &h.admin,
        json!({"min_notice_minutes": 60, "booking_horizon_days": 1}),
    )
    .await
    .expect(200);
    assert_problem(&book(&app, &p.token, d.id, &slot, "x").await, 422);
    app.patch(&path, &h.admin, json!({"booking_horizon_days": 30}))
        .await
        .expect(200);
    book(&app, &p.token, d.id, &slot, "x").await.expect(201);
}

#[tokio::test]
async fn an_admin_books_on_a_patients_behalf_and_never_for_another_hospitals_patient() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    always_open(&app, &h, &d).await;
    let slots = free_slots(&app, &h.admin, d.id, in_days(2), in_days(3)).await;
    let missing = app
        .post(
            "/api/v1/appointments",
            Some(&h.admin),
            json!({"doctor_id": d.id, "start_at": slots[0], "reason": "x"}),
        )
        .await;
    assert_problem(&missing, 422);
    let h2 = app.hospital(&root).await;
    let foreign = app.patient(&h2).await;
    let r = app
        .post("/api/v1/appointments", Some(&h.admin), json!({"doctor_id": d.id, "start_at": slots[0], "reason": "x", "patient_id": foreign.id}))
        .await;
    assert_problem(&r, 404);
    let ok = app
        .post(
            "/api/v1/appointments",
            Some(&h.admin),
            json!({"doctor_id": d.id, "start_at": slots[0], "reason": "x", "patient_id": p.id}),
        )
        .await
        .expect(201);
    assert_eq!(ok.body["patient_id"], p.id.to_string());
    // The patient sees it as theirs; a patient cannot book in someone else's name.
    app.get(&format!("/api/v1/appointments/{}", ok.id()), &p.token)
        .await
        .expect(200);
    let other = app.patient(&h).await;
    let r = app
        .post(
            "/api/v1/appointments",
            Some(&other.token),
            json!({"doctor_id": d.id, "start_at": slots[1], "reason": "x", "patient_id": p.id}),
        )
        .await;
    assert_problem(&r, 404);
}

#[tokio::test]
async fn exceptions_close_a_day_and_open_extra_hours_for_slots_and_booking() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    let midnight = |d: i64| {
        in_days(d)
            .date_naive()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc()
    };
    let (off, extra) = (midnight(3), midnight(4));
    let rules: Vec<Value> = (1..=7)
        .map(|w| json!({"weekday": w, "start": "09:00", "end": "11:00"}))
        .collect();
    app.request(
        reqwest::Method::PUT,
        &format!("/api/v1/doctors/{}/availability", d.id),
        Some(&h.admin),
        Some(
            json!({"timezone": "UTC", "slot_minutes": 60, "rules": rules, "exceptions": [
            {"date": off.date_naive()},
            {"date": extra.date_naive(), "start": "14:00", "end": "15:30"}]}),
        ),
    )
    .await
    .expect(200);
    let at = |day: DateTime<Utc>, hour: i64| day + chrono::Duration::hours(hour);
    let slots: Vec<DateTime<Utc>> = free_slots(&app, &p.token, d.id, off, midnight(5))
        .await
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    // The day off has none; the next day has its two rule slots and one extra-hours slot.
    assert_eq!(slots, vec![at(extra, 9), at(extra, 10), at(extra, 14)]);
    // Booking reads the same availability: the extra hour books, the day off does not.
    let r = book(&app, &p.token, d.id, &at(extra, 14).to_rfc3339(), "x").await;
    r.expect(201);
    assert_problem(
        &book(&app, &p.token, d.id, &at(off, 9).to_rfc3339(), "x").await,
        422,
    );
    let slots = free_slots(&app, &p.token, d.id, off, midnight(5)).await;
    assert_eq!(slots.len(), 2, "the booked extra hour is gone: {slots:?}");
}

#[tokio::test]
async fn a_request_names_the_patient_to_its_doctor_before_the_care_team_and_to_no_other_doctor() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p, other) = (
        app.doctor(&h).await,
        app.patient(&h).await,
        app.doctor(&h).await,
    );
    app.open_all_week(&h, &d, 30).await;
    let from = chrono::Utc::now() + chrono::Duration::days(2);
    let slots = app
        .get(
            &format!(
                "/api/v1/doctors/{}/slots?from={}&to={}",
                d.id,
                from.format("%Y-%m-%dT%H:%M:%SZ"),
                (from + chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M:%SZ")
            ),
            &p.token,
        )
        .await
        .expect(200);
    let booked = app
        .post(
            "/api/v1/appointments",
            Some(&p.token),
            json!({"doctor_id": d.id, "start_at": slots.body["items"][0]["start_at"], "reason": "x"}),
        )
        .await
        .expect(201);
    assert_eq!(booked.body["status"], "requested");
    assert_eq!(
        (
            booked.body["doctor_name"].as_str(),
            booked.body["patient_name"].as_str()
        ),
        (Some("Dr Test"), Some("Pat Test"))
    );
    let queue = app.get("/api/v1/appointments", &d.token).await.expect(200);
    assert_eq!(queue.body["items"][0]["patient_name"], "Pat Test");
    // The doctor sees the name, not the patient's profile: that waits for the care team.
    let profile = app
        .get(&format!("/api/v1/patients/{}", p.id), &d.token)
        .await;
    assert_problem(&profile, 404);
    // Another doctor of the hospital does not see the appointment.
    let theirs = app
        .get("/api/v1/appointments", &other.token)
        .await
        .expect(200);
    assert_eq!(theirs.body["items"].as_array().unwrap().len(), 0);
    let root_view = app.get("/api/v1/appointments", &h.admin).await.expect(200);
    assert_eq!(root_view.body["items"][0]["patient_name"], "Pat Test");
}
