//! The outbox and its jobs: password reset emails, reminders, no-shows, leases, parking.

use std::time::Duration;

use carebridge::notifications::dispatcher::{Courier, enqueue_reminders, mark_no_shows, send_due};
use sea_orm::ConnectionTrait;
use serde_json::json;

use crate::helpers::{
    Options, PASSWORD, TestApp, admin_conn, assert_problem, spawn_app_with, sql_i64,
};

async fn quiet_app(smtp: Option<String>) -> TestApp {
    spawn_app_with(Options {
        tweak: Box::new(move |c| {
            c.run_workers = false;
            c.smtp_url = smtp.map(Into::into);
        }),
        ..Default::default()
    })
    .await
}

/// A confirmed appointment `hours_ahead` from now, with its doctor and patient.
async fn confirmed_soon(
    app: &TestApp,
    hours_ahead: i64,
) -> (
    crate::helpers::Hospital,
    crate::helpers::Member,
    crate::helpers::Member,
    uuid::Uuid,
) {
    let (h, d, p) = booking_hospital(app).await;
    let id = book_soon(app, &d, &p, hours_ahead).await;
    (h, d, p, id)
}

/// A hospital that confirms bookings at once (no approval, no payment), with a doctor open
/// all week and a patient.
pub(crate) async fn booking_hospital(
    app: &TestApp,
) -> (
    crate::helpers::Hospital,
    crate::helpers::Member,
    crate::helpers::Member,
) {
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
    app.open_all_week(&h, &d, 15).await;
    (h, d, p)
}

/// The reason every booking here gives: clinical words no email or text may carry.
pub(crate) const REASON: &str = "chest pain and fever since Monday";

/// The patient books the doctor's first free slot `hours_ahead` from now; answers the
/// appointment's id.
pub(crate) async fn book_soon(
    app: &TestApp,
    d: &crate::helpers::Member,
    p: &crate::helpers::Member,
    hours_ahead: i64,
) -> uuid::Uuid {
    let from = chrono::Utc::now() + chrono::Duration::hours(hours_ahead);
    let to = from + chrono::Duration::hours(1);
    let q = format!(
        "/api/v1/doctors/{}/slots?from={}&to={}",
        d.id,
        from.format("%Y-%m-%dT%H:%M:%SZ"),
        to.format("%Y-%m-%dT%H:%M:%SZ")
    );
    let slots = app.get(&q, &p.token).await.expect(200);
    let start = slots.body["items"][0]["start_at"]
        .as_str()
        .unwrap()
        .to_string();
    let a = app
        .post(
            "/api/v1/appointments",
            Some(&p.token),
            json!({"doctor_id": d.id, "start_at": start, "reason": REASON}),
        )
        .await
        .expect(201);
    assert_eq!(a.body["status"], "confirmed");
    a.id()
}

#[tokio::test]
async fn a_password_reset_link_works_once_and_ends_every_session() {
    let (smtp, sink) = crate::smtp::start().await;
    let app = quiet_app(Some(smtp)).await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let p = app.patient(&h).await;
    let email = app.get("/api/v1/auth/me", &p.token).await.body["email"]
        .as_str()
        .unwrap()
        .to_string();
    let known = app
        .post("/api/v1/auth/password-reset", None, json!({"email": email}))
        .await;
    let unknown = app
        .post(
            "/api/v1/auth/password-reset",
            None,
            json!({"email": "nobody@nowhere.test"}),
        )
        .await;
    assert_eq!((known.status.as_u16(), unknown.status.as_u16()), (202, 202));
    assert_eq!(known.text, unknown.text);
    let courier = Courier::new(&app.config).unwrap();
    let db = app.system_conn().await;
    assert_eq!(
        send_due(&db, &courier).await.unwrap(),
        1,
        "one email, for the known address only"
    );
    let mail = &sink.to(&email)[0];
    let token = mail
        .data
        .split("#reset=")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect::<String>();
    assert_eq!(token.len(), 43);
    let weak = app
        .post(
            "/api/v1/auth/password-reset/complete",
            None,
            json!({"token": token, "new_password": "short"}),
        )
        .await;
    assert_problem(&weak, 422);
    app.post(
        "/api/v1/auth/password-reset/complete",
        None,
        json!({"token": token, "new_password": "a fresh long secret"}),
    )
    .await
    .expect(204);
    assert_problem(&app.get("/api/v1/auth/me", &p.token).await, 401);
    let again = app
        .post(
            "/api/v1/auth/password-reset/complete",
            None,
            json!({"token": token, "new_password": "yet another secret"}),
        )
        .await;
    assert_problem(&again, 422);
    app.post(
        "/api/v1/auth/login",
        None,
        json!({"email": email, "password": "a fresh long secret"}),
    )
    .await
    .expect(200);
    assert_problem(
        &app.post(
            "/api/v1/auth/login",
            None,
            json!({"email": email, "password": PASSWORD}),
        )
        .await,
        401,
    );
}

#[tokio::test]
async fn reminders_go_out_once_in_each_recipients_language() {
    let app = quiet_app(None).await;
    let (h, _d, p, _id) = confirmed_soon(&app, 5).await;
    app.patch("/api/v1/auth/me", &p.token, json!({"language": "ne"}))
        .await
        .expect(200);
    let before = sql_i64(&app, "select count(*) from outbox").await;
    let db = app.system_conn().await;
    assert_eq!(
        enqueue_reminders(&db).await.unwrap(),
        1,
        "the 24-hour reminder of one appointment"
    );
    assert_eq!(
        enqueue_reminders(&db).await.unwrap(),
        0,
        "each reminder once"
    );
    assert_eq!(
        sql_i64(&app, "select count(*) from outbox").await,
        before + 2
    );
    let ne = sql_i64(
        &app,
        "select count(*) from outbox where subject = 'भोलि अपोइन्टमेन्ट'",
    )
    .await;
    let en = sql_i64(
        &app,
        "select count(*) from outbox where subject = 'Appointment tomorrow'",
    )
    .await;
    assert_eq!((ne, en), (1, 1));
    let _ = h;
}

#[tokio::test]
async fn a_confirmed_appointment_nobody_started_becomes_a_no_show() {
    let app = quiet_app(None).await;
    let (h, d, _p, id) = confirmed_soon(&app, 3).await;
    let db = app.system_conn().await;
    assert_eq!(mark_no_shows(&db).await.unwrap(), 0);
    // Let its time pass.
    admin_conn(&app.db)
        .await
        .execute_unprepared(&format!("update appointment set start_at = now() - interval '3 hours', end_at = now() - interval '165 minutes' where id = '{id}'"))
        .await
        .unwrap();
    assert_eq!(mark_no_shows(&db).await.unwrap(), 1);
    let a = app
        .get(&format!("/api/v1/appointments/{id}"), &d.token)
        .await
        .expect(200);
    assert_eq!(a.body["status"], "no_show");
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id}/start"),
            Some(&d.token),
            json!({}),
        )
        .await,
        409,
    );
    let _ = h;
}

#[tokio::test]
async fn a_message_claimed_by_a_sender_that_died_is_sent_after_its_lease() {
    let (smtp, sink) = crate::smtp::start().await;
    let app = quiet_app(Some(smtp)).await;
    let (_h, _d, _p, _id) = confirmed_soon(&app, 30).await;
    let db = app.system_conn().await;
    // A sender claims everything with a one-second lease and dies before reporting.
    let claimed = db
        .query_all_raw(carebridge::db::stmt(
            "select * from outbox_claim(100, 1, array['email', 'sms'])",
            [],
        ))
        .await
        .unwrap();
    assert_eq!(claimed.len(), 2);
    let courier = Courier::new(&app.config).unwrap();
    assert_eq!(
        send_due(&db, &courier).await.unwrap(),
        0,
        "leased messages are not sent twice at once"
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(send_due(&db, &courier).await.unwrap(), 2);
    assert_eq!(sink.mails.lock().unwrap().len(), 2);
    assert_eq!(
        sql_i64(
            &app,
            "select count(*) from outbox where status = 'sent' and attempts = 2"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn a_message_that_keeps_failing_is_parked_as_failed_for_admins() {
    let app = quiet_app(Some("smtp://127.0.0.1:9".into())).await;
    let (h, _d, _p, _id) = confirmed_soon(&app, 30).await;
    let db = app.system_conn().await;
    let courier = Courier::new(&app.config).unwrap();
    admin_conn(&app.db)
        .await
        .execute_unprepared("update outbox set attempts = 3")
        .await
        .unwrap();
    send_due(&db, &courier).await.unwrap();
    let r = app
        .get("/api/v1/outbox?status=pending", &h.admin)
        .await
        .expect(200);
    assert_eq!(
        r.body["items"].as_array().unwrap().len(),
        2,
        "attempt 4 of 5 retries later"
    );
    admin_conn(&app.db)
        .await
        .execute_unprepared("update outbox set next_attempt_at = now()")
        .await
        .unwrap();
    send_due(&db, &courier).await.unwrap();
    let failed = app
        .get("/api/v1/outbox?status=failed", &h.admin)
        .await
        .expect(200);
    let items = failed.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert!(
        items
            .iter()
            .all(|m| m["attempts"] == 5 && m["last_error"].is_string())
    );
}
