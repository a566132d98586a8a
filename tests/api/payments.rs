//! Khalti payments against a local fake that follows Khalti's documented contract.

use reqwest::redirect::Policy;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    fake_khalti::{self, FakeKhalti},
    helpers::{Hospital, Member, Options, TestApp, assert_problem, spawn_app_with},
};

async fn app_with_khalti() -> (TestApp, FakeKhalti) {
    let fake = fake_khalti::start().await;
    let base = fake.base.clone();
    let app = spawn_app_with(Options {
        tweak: Box::new(move |c| {
            c.khalti_base_url = base;
            c.khalti_secret_key = Some(fake_khalti::SECRET.to_string().into());
            c.run_workers = false;
        }),
        ..Default::default()
    })
    .await;
    (app, fake)
}

/// An approved appointment awaiting payment (NPR 500.00, Khalti).
async fn awaiting_payment(app: &TestApp) -> (Hospital, Member, Member, Uuid) {
    awaiting_payment_via(app, false).await
}

/// The same, at a hospital on Stripe in USD (USD 120.00) when `stripe`.
async fn awaiting_payment_via(app: &TestApp, stripe: bool) -> (Hospital, Member, Member, Uuid) {
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    if stripe {
        app.patch(
            &format!("/api/v1/hospitals/{}", h.id),
            &h.admin,
            json!({"payment_provider": "stripe", "currency": "USD", "appointment_fee": 12000}),
        )
        .await
        .expect(200);
    }
    let (d, p, id) = book_and_approve(app, &h).await;
    (h, d, p, id)
}

/// A new doctor and patient in `h`, and an approved appointment awaiting payment two days ahead
/// (for the clinical reason no notice may carry).
pub(crate) async fn book_and_approve(app: &TestApp, h: &Hospital) -> (Member, Member, Uuid) {
    let (d, p) = (app.doctor(h).await, app.patient(h).await);
    app.open_all_week(h, &d, 30).await;
    let day = |n| {
        (chrono::Utc::now() + chrono::Duration::days(n))
            .format("%Y-%m-%dT00:00:00Z")
            .to_string()
    };
    let q = format!(
        "/api/v1/doctors/{}/slots?from={}&to={}",
        d.id,
        day(2),
        day(3)
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
            json!({"doctor_id": d.id, "start_at": start, "reason": crate::notifications::REASON}),
        )
        .await
        .expect(201);
    let id = a.id();
    let r = app
        .post(
            &format!("/api/v1/appointments/{id}/approve"),
            Some(&d.token),
            json!({}),
        )
        .await
        .expect(200);
    assert_eq!(r.body["status"], "awaiting_payment");
    (d, p, id)
}

/// Starts paying for an appointment as its patient (201).
pub(crate) async fn start_payment(
    app: &TestApp,
    token: &str,
    appointment: Uuid,
) -> crate::helpers::Resp {
    app.post(
        &format!("/api/v1/appointments/{appointment}/payments"),
        Some(token),
        json!({}),
    )
    .await
    .expect(201)
}

pub(crate) async fn khalti_return(app: &TestApp, query: &str) -> String {
    let client = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    let r = client
        .get(format!(
            "{}/api/v1/payments/khalti/return?{query}",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    r.headers()["location"].to_str().unwrap().to_string()
}

async fn appointment_status(app: &TestApp, token: &str, id: Uuid) -> String {
    app.get(&format!("/api/v1/appointments/{id}"), token)
        .await
        .expect(200)
        .body["status"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn paying_with_khalti_confirms_only_after_the_servers_own_lookup_and_only_once() {
    let (app, fake) = app_with_khalti().await;
    let (_h, d, p, id) = awaiting_payment(&app).await;
    let started = start_payment(&app, &p.token, id).await;
    let payment_id = started.body["payment_id"].as_str().unwrap().to_string();
    assert_eq!(started.body["status"], "pending");
    assert_eq!(started.body["amount"], 50000);
    let pidx = fake.pidx_of(&payment_id);
    assert!(
        started.body["redirect_url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("pidx={pidx}"))
    );
    // Calling again returns the same payment.
    let again = app
        .post(
            &format!("/api/v1/appointments/{id}/payments"),
            Some(&p.token),
            json!({}),
        )
        .await
        .expect(200);
    assert_eq!(again.body["payment_id"], payment_id.as_str());

    // A forged success redirect: Khalti's lookup still says Pending, so nothing changes.
    fake.settle(&pidx, "Pending", None);
    let loc = khalti_return(
        &app,
        &format!("pidx={pidx}&status=Completed&total_amount=50000&purchase_order_id={payment_id}"),
    )
    .await;
    assert!(
        loc.ends_with(&format!(
            "/appointments?payment={payment_id}&status=pending"
        )),
        "{loc}"
    );
    assert_eq!(
        appointment_status(&app, &p.token, id).await,
        "awaiting_payment"
    );

    // Paid for real: confirmed, and replays change nothing.
    fake.settle(&pidx, "Completed", None);
    let loc = khalti_return(&app, &format!("pidx={pidx}")).await;
    assert!(loc.ends_with("status=succeeded"), "{loc}");
    assert_eq!(appointment_status(&app, &d.token, id).await, "confirmed");
    let replays = futures_util::future::join_all((0..5).map(|_| {
        let q = format!("pidx={pidx}");
        let app = &app;
        async move { khalti_return(app, &q).await }
    }))
    .await;
    assert!(replays.iter().all(|l| l.ends_with("status=succeeded")));
    let pay = app
        .get(&format!("/api/v1/payments/{payment_id}"), &p.token)
        .await
        .expect(200);
    assert_eq!(pay.body["status"], "succeeded");
    let events = crate::helpers::admin_conn(&app.db)
        .await
        .query_one_raw(carebridge::db::stmt(
            "select count(*) as n from payment_event",
            [],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(events, 1, "the completed lookup was applied exactly once");
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id}/payments"),
            Some(&p.token),
            json!({}),
        )
        .await,
        409,
    );
}

#[tokio::test]
async fn a_wrong_amount_never_confirms_and_another_tenant_sees_nothing() {
    let (app, fake) = app_with_khalti().await;
    let (_h, _d, p, id) = awaiting_payment(&app).await;
    let started = start_payment(&app, &p.token, id).await;
    let payment_id = started.body["payment_id"].as_str().unwrap().to_string();
    let pidx = fake.pidx_of(&payment_id);
    fake.settle(&pidx, "Completed", Some(1000));
    let loc = khalti_return(&app, &format!("pidx={pidx}")).await;
    assert!(loc.ends_with("status=failed"), "{loc}");
    assert_eq!(
        appointment_status(&app, &p.token, id).await,
        "awaiting_payment"
    );
    // Other hospitals, other patients: 404.
    let root = app.super_admin().await;
    let other = app.hospital(&root).await;
    assert_problem(
        &app.get(&format!("/api/v1/payments/{payment_id}"), &other.admin)
            .await,
        404,
    );
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id}/payments"),
            Some(&other.admin),
            json!({}),
        )
        .await,
        403,
    );
    let stranger = app.patient(&_h).await;
    assert_problem(
        &app.get(&format!("/api/v1/payments/{payment_id}"), &stranger.token)
            .await,
        404,
    );
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id}/payments"),
            Some(&stranger.token),
            json!({}),
        )
        .await,
        404,
    );
    // An unknown pidx leads nowhere.
    assert!(
        khalti_return(&app, "pidx=not-a-real-pidx")
            .await
            .ends_with("/appointments?payment=unknown")
    );
}

#[tokio::test]
async fn the_reconciler_confirms_a_payment_whose_redirect_was_lost() {
    let (app, fake) = app_with_khalti().await;
    let (_h, _d, p, id) = awaiting_payment(&app).await;
    let started = start_payment(&app, &p.token, id).await;
    let pidx = fake.pidx_of(started.body["payment_id"].as_str().unwrap());
    fake.settle(&pidx, "Completed", None);
    // The browser never came back. The reconciler looks at payments untouched for 30 s.
    crate::helpers::admin_conn(&app.db)
        .await
        .execute_unprepared("update payment set updated_at = now() - interval '1 minute'")
        .await
        .unwrap();
    let k = carebridge::payments::khalti::Khalti::new(
        &fake.base,
        fake_khalti::SECRET.to_string().into(),
    )
    .unwrap();
    let db = app.system_conn().await;
    assert_eq!(
        carebridge::payments::reconcile(&db, Some(&k), None)
            .await
            .unwrap(),
        1
    );
    assert_eq!(appointment_status(&app, &p.token, id).await, "confirmed");
}

#[tokio::test]
async fn an_expired_payment_releases_the_slot_once_the_hold_ends_and_small_fees_are_refused() {
    let (app, fake) = app_with_khalti().await;
    let (h, d, p, id) = awaiting_payment(&app).await;
    let started = start_payment(&app, &p.token, id).await;
    let pidx = fake.pidx_of(started.body["payment_id"].as_str().unwrap());
    fake.settle(&pidx, "Expired", None);
    assert!(
        khalti_return(&app, &format!("pidx={pidx}"))
            .await
            .ends_with("status=expired")
    );
    // The hold still runs: the patient may pay again.
    assert_eq!(
        appointment_status(&app, &p.token, id).await,
        "awaiting_payment"
    );
    app.post(
        &format!("/api/v1/appointments/{id}/payments"),
        Some(&p.token),
        json!({}),
    )
    .await
    .expect(201);
    // The hold ends and the new link has expired too: the slot is released.
    let admin = crate::helpers::admin_conn(&app.db).await;
    admin
        .execute_unprepared("update appointment set hold_until = now() - interval '1 minute'")
        .await
        .unwrap();
    admin
        .execute_unprepared(
            "update payment set expires_at = now() - interval '1 minute' where status = 'pending'",
        )
        .await
        .unwrap();
    let db = app.system_conn().await;
    carebridge::payments::reconcile(&db, None, None)
        .await
        .unwrap();
    assert_eq!(appointment_status(&app, &d.token, id).await, "cancelled");
    // Fees under NPR 10 cannot go to Khalti.
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &h.admin,
        json!({"appointment_fee": 500}),
    )
    .await
    .expect(200);
    let (_d2, p2, id2) = book_and_approve(&app, &h).await;
    assert_problem(
        &app.post(
            &format!("/api/v1/appointments/{id2}/payments"),
            Some(&p2.token),
            json!({}),
        )
        .await,
        422,
    );
}

#[tokio::test]
async fn cancelling_a_paid_appointment_owes_a_refund_that_an_admin_records() {
    let (app, fake) = app_with_khalti().await;
    let (h, d, p, id) = awaiting_payment(&app).await;
    let started = start_payment(&app, &p.token, id).await;
    let payment_id = started.body["payment_id"].as_str().unwrap().to_string();
    fake.settle(&fake.pidx_of(&payment_id), "Completed", None);
    khalti_return(&app, &format!("pidx={}", fake.pidx_of(&payment_id))).await;
    assert_eq!(appointment_status(&app, &p.token, id).await, "confirmed");
    // The doctor cancels: the payment is owed back (Khalti refunds are made by hand).
    app.post(
        &format!("/api/v1/appointments/{id}/cancel"),
        Some(&d.token),
        json!({"reason": "unwell"}),
    )
    .await
    .expect(200);
    let pay = app
        .get(&format!("/api/v1/payments/{payment_id}"), &p.token)
        .await
        .expect(200);
    assert_eq!(pay.body["status"], "pending_manual");
    assert_problem(
        &app.request(
            reqwest::Method::POST,
            &format!("/api/v1/payments/{payment_id}/refunded"),
            Some(&d.token),
            None,
        )
        .await,
        403,
    );
    let r = app
        .request(
            reqwest::Method::POST,
            &format!("/api/v1/payments/{payment_id}/refunded"),
            Some(&h.admin),
            None,
        )
        .await
        .expect(200);
    assert_eq!(r.body["status"], "refunded");
    assert_problem(
        &app.request(
            reqwest::Method::POST,
            &format!("/api/v1/payments/{payment_id}/refunded"),
            Some(&h.admin),
            None,
        )
        .await,
        409,
    );
    let notes = app.get("/api/v1/notifications", &p.token).await.expect(200);
    assert!(
        notes.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["title"] == "Payment refunded")
    );

    // A patient's late cancellation (inside the refund window) keeps the payment.
    let (_h2, _d2, p2, id2) = awaiting_payment(&app).await;
    let started = start_payment(&app, &p2.token, id2).await;
    let pay2 = started.body["payment_id"].as_str().unwrap().to_string();
    fake.settle(&fake.pidx_of(&pay2), "Completed", None);
    khalti_return(&app, &format!("pidx={}", fake.pidx_of(&pay2))).await;
    crate::helpers::admin_conn(&app.db)
        .await
        .execute_unprepared("update hospital set refund_window_hours = 100")
        .await
        .unwrap();
    app.post(
        &format!("/api/v1/appointments/{id2}/cancel"),
        Some(&p2.token),
        json!({}),
    )
    .await
    .expect(200);
    let kept = app
        .get(&format!("/api/v1/payments/{pay2}"), &p2.token)
        .await
        .expect(200);
    assert_eq!(kept.body["status"], "succeeded");
}

async fn app_with_stripe() -> (TestApp, crate::fake_stripe::FakeStripe) {
    let fake = crate::fake_stripe::start().await;
    let base = fake.base.clone();
    let app = spawn_app_with(Options {
        tweak: Box::new(move |c| {
            c.stripe_api_base = base;
            c.stripe_secret_key = Some(crate::fake_stripe::SECRET.to_string().into());
            c.stripe_webhook_secret = Some(crate::fake_stripe::WEBHOOK_SECRET.to_string().into());
            c.run_workers = false;
        }),
        ..Default::default()
    })
    .await;
    (app, fake)
}

async fn webhook(app: &TestApp, signature: &str, body: Vec<u8>) -> crate::helpers::Resp {
    let r = app
        .client
        .post(format!("{}/api/v1/payments/stripe/webhook", app.base))
        .header("stripe-signature", signature)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    let text = r.text().await.unwrap();
    crate::helpers::Resp {
        status,
        headers,
        body: serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        text,
    }
}

async fn stripe_events(app: &TestApp) -> i64 {
    crate::helpers::admin_conn(&app.db)
        .await
        .query_one_raw(carebridge::db::stmt(
            "select count(*) as n from payment_event where provider = 'stripe'",
            [],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap()
}

#[tokio::test]
async fn stripe_confirms_only_through_a_verified_webhook_applied_once() {
    let (app, fake) = app_with_stripe().await;
    let (_h, d, p, id) = awaiting_payment_via(&app, true).await;
    let started = start_payment(&app, &p.token, id).await;
    let payment_id = started.body["payment_id"].as_str().unwrap().to_string();
    assert_eq!(
        (
            started.body["provider"].as_str(),
            started.body["amount"].as_i64(),
            started.body["currency"].as_str()
        ),
        (Some("stripe"), Some(12000), Some("USD"))
    );
    let session = fake.by_reference(&payment_id);
    assert_eq!(
        (session.amount_total, session.currency.as_str()),
        (12000, "usd")
    );
    assert!(
        started.body["redirect_url"]
            .as_str()
            .unwrap()
            .ends_with(&session.id)
    );
    fake.complete(&session.id);

    let (good, body) = fake.event("evt_1", "checkout.session.completed", &session.id, None);
    // A bad signature, a tampered body and a stale timestamp are refused before parsing.
    assert_problem(
        &webhook(&app, &good.replace("v1=", "v1=00"), body.clone()).await,
        400,
    );
    let mut tampered = body.clone();
    tampered.extend_from_slice(b" ");
    assert_problem(&webhook(&app, &good, tampered).await, 400);
    let stale = carebridge::payments::stripe::sign(
        &body,
        crate::fake_stripe::WEBHOOK_SECRET,
        chrono::Utc::now().timestamp() - 400,
    );
    assert_problem(&webhook(&app, &stale, body.clone()).await, 400);
    assert_eq!(
        appointment_status(&app, &p.token, id).await,
        "awaiting_payment"
    );

    // The real delivery, then replays and concurrent duplicates: 200 each, one change.
    webhook(&app, &good, body.clone()).await.expect(200);
    assert_eq!(appointment_status(&app, &d.token, id).await, "confirmed");
    let dupes =
        futures_util::future::join_all((0..5).map(|_| webhook(&app, &good, body.clone()))).await;
    assert!(dupes.iter().all(|r| r.status.as_u16() == 200));
    assert_eq!(stripe_events(&app).await, 1);
    let pay = app
        .get(&format!("/api/v1/payments/{payment_id}"), &p.token)
        .await
        .expect(200);
    assert_eq!(pay.body["status"], "succeeded");
}

#[tokio::test]
async fn a_stripe_event_with_the_wrong_amount_or_for_a_foreign_session_changes_nothing_good() {
    let (app, fake) = app_with_stripe().await;
    let (_h, _d, p, id) = awaiting_payment_via(&app, true).await;
    let started = start_payment(&app, &p.token, id).await;
    let session = fake.by_reference(started.body["payment_id"].as_str().unwrap());
    fake.complete(&session.id);
    let (sig, body) = fake.event(
        "evt_wrong",
        "checkout.session.completed",
        &session.id,
        Some(100),
    );
    webhook(&app, &sig, body).await.expect(200);
    assert_eq!(
        appointment_status(&app, &p.token, id).await,
        "awaiting_payment"
    );
    let pay = app
        .get(
            &format!(
                "/api/v1/payments/{}",
                started.body["payment_id"].as_str().unwrap()
            ),
            &p.token,
        )
        .await
        .expect(200);
    assert_eq!(pay.body["status"], "failed");
    // A session we never created: acknowledged, ignored.
    fake.sessions.lock().unwrap().insert(
        "cs_test_foreign".into(),
        crate::fake_stripe::Session {
            id: "cs_test_foreign".into(),
            amount_total: 12000,
            currency: "usd".into(),
            client_reference_id: Uuid::now_v7().to_string(),
            status: "complete".into(),
            payment_status: "paid".into(),
            payment_intent: None,
            expires_at: 0,
            success_url: String::new(),
        },
    );
    let (sig, body) = fake.event(
        "evt_foreign",
        "checkout.session.completed",
        "cs_test_foreign",
        None,
    );
    webhook(&app, &sig, body).await.expect(200);
    assert_eq!(
        stripe_events(&app).await,
        1,
        "only the wrong-amount event was applied"
    );
}

#[tokio::test]
async fn a_lost_stripe_webhook_is_recovered_and_a_cancellation_is_refunded_through_the_api() {
    let (app, fake) = app_with_stripe().await;
    let (_h, d, p, id) = awaiting_payment_via(&app, true).await;
    let started = start_payment(&app, &p.token, id).await;
    let payment_id = started.body["payment_id"].as_str().unwrap().to_string();
    let session = fake.by_reference(&payment_id);
    fake.complete(&session.id);
    crate::helpers::admin_conn(&app.db)
        .await
        .execute_unprepared("update payment set updated_at = now() - interval '1 minute'")
        .await
        .unwrap();
    let stripe = carebridge::payments::stripe::Stripe::new(
        &fake.base,
        &crate::fake_stripe::SECRET.to_string().into(),
    )
    .unwrap();
    let db = app.system_conn().await;
    carebridge::payments::reconcile(&db, None, Some(&stripe))
        .await
        .unwrap();
    assert_eq!(appointment_status(&app, &p.token, id).await, "confirmed");
    // The doctor cancels: Stripe refunds the PaymentIntent, once, and the patient is told.
    app.post(
        &format!("/api/v1/appointments/{id}/cancel"),
        Some(&d.token),
        json!({}),
    )
    .await
    .expect(200);
    assert_eq!(
        app.get(&format!("/api/v1/payments/{payment_id}"), &p.token)
            .await
            .body["status"],
        "refund_pending"
    );
    carebridge::payments::reconcile(&db, None, Some(&stripe))
        .await
        .unwrap();
    carebridge::payments::reconcile(&db, None, Some(&stripe))
        .await
        .unwrap();
    assert_eq!(
        app.get(&format!("/api/v1/payments/{payment_id}"), &p.token)
            .await
            .body["status"],
        "refunded"
    );
    assert_eq!(
        *fake.refunds.lock().unwrap(),
        vec![format!("refund-{payment_id}")]
    );
    let notes = app.get("/api/v1/notifications", &p.token).await.expect(200);
    assert!(
        notes.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["title"] == "Payment refunded")
    );
}
