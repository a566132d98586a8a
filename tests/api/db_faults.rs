//! Database faults: a connection cut in the middle of a write (the test holds a lock the
//! transaction needs, then terminates the backend waiting for it) answers 503 with Retry-After,
//! leaves nothing of the write behind, and the pool heals on its own.

use std::time::{Duration, Instant};

use reqwest::redirect::Policy;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{
    Options, TestApp, admin_conn, assert_problem, spawn_app, spawn_app_with, sql_i64,
};

/// Locks `table` against writes (SHARE: reads go on) in a transaction of the owner's, so a
/// write that reaches it waits there.
async fn hold(owner: &DatabaseConnection, table: &str) -> sea_orm::DatabaseTransaction {
    let lock = owner.begin().await.unwrap();
    lock.execute_unprepared(&format!("lock table {table} in share mode"))
        .await
        .unwrap();
    lock
}

/// Waits until a backend of `role` is blocked in a statement matching `like`, then terminates
/// it: the connection is cut in the middle of that transaction, as a failover or an
/// administrator would cut it.
async fn cut_when_waiting(owner: &DatabaseConnection, role: &str, like: &str) {
    let start = Instant::now();
    loop {
        let row = owner
            .query_one_raw(carebridge::db::stmt(
                "select count(pg_terminate_backend(pid)) as n from pg_stat_activity \
                 where datname = current_database() and usename = $1 \
                 and wait_event_type = 'Lock' and query like $2",
                [role.into(), like.into()],
            ))
            .await
            .unwrap()
            .unwrap();
        if row.try_get::<i64>("", "n").unwrap() > 0 {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no {role} backend ever waited in {like}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[track_caller]
fn assert_retry_later(r: &crate::helpers::Resp) {
    assert_problem(r, 503);
    assert_eq!(
        r.headers.get("retry-after").and_then(|v| v.to_str().ok()),
        Some("1"),
        "503 without Retry-After"
    );
}

/// A hospital without approval or payment, a doctor open all week, a patient and a free slot.
async fn bookable(app: &TestApp) -> (crate::helpers::Member, Uuid, String) {
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
    app.open_all_week(&h, &d, 30).await;
    let day = |n: i64| {
        (chrono::Utc::now() + chrono::Duration::days(n))
            .format("%Y-%m-%dT00:00:00Z")
            .to_string()
    };
    let slots = app
        .get(
            &format!(
                "/api/v1/doctors/{}/slots?from={}&to={}",
                d.id,
                day(2),
                day(3)
            ),
            &p.token,
        )
        .await
        .expect(200);
    let start = slots.body["items"][0]["start_at"]
        .as_str()
        .unwrap()
        .to_string();
    (p, d.id, start)
}

/// Everything applying a payment writes (or changes), counted behind the API's back.
async fn payment_rows(app: &TestApp) -> [i64; 5] {
    [
        sql_i64(
            app,
            "select count(*) from payment where status = 'succeeded'",
        )
        .await,
        sql_i64(app, "select count(*) from payment_event").await,
        sql_i64(
            app,
            "select count(*) from appointment where status = 'confirmed'",
        )
        .await,
        sql_i64(app, "select count(*) from outbox").await,
        sql_i64(
            app,
            "select count(*) from audit_event where action = 'payment.succeeded'",
        )
        .await,
    ]
}

/// Everything a booking writes, counted behind the API's back.
async fn booking_rows(app: &TestApp) -> [i64; 4] {
    [
        sql_i64(app, "select count(*) from appointment").await,
        sql_i64(
            app,
            "select count(*) from audit_event where action like 'appointment.%'",
        )
        .await,
        sql_i64(app, "select count(*) from outbox").await,
        sql_i64(app, "select count(*) from notification").await,
    ]
}

#[tokio::test]
async fn a_booking_cut_at_its_audit_or_its_outbox_row_leaves_nothing_and_the_pool_heals() {
    let app = spawn_app().await;
    let (p, doctor, start) = bookable(&app).await;
    let owner = admin_conn(&app.db).await;
    let book = json!({"doctor_id": doctor, "start_at": start, "reason": "fault"});
    for (table, statement) in [
        ("audit_event", "%insert into audit_event%"),
        ("outbox", "%insert into outbox%"),
    ] {
        let before = booking_rows(&app).await;
        let lock = hold(&owner, table).await;
        let request = {
            let (client, base, token, body) = (
                app.client.clone(),
                app.base.clone(),
                p.token.clone(),
                book.clone(),
            );
            tokio::spawn(async move {
                client
                    .post(format!("{base}/api/v1/appointments"))
                    .bearer_auth(token)
                    .json(&body)
                    .send()
                    .await
                    .unwrap()
            })
        };
        cut_when_waiting(&owner, crate::helpers::RUNTIME_ROLE, statement).await;
        lock.rollback().await.unwrap();
        let r = crate::helpers::Resp::read(request.await.unwrap()).await;
        assert_retry_later(&r);
        assert_eq!(
            booking_rows(&app).await,
            before,
            "a booking cut at {table} left rows behind"
        );
    }
    // Every idle connection of the pool is cut too: requests answer 503 (never 500) until the
    // pool has replaced them, within seconds.
    owner
        .execute_unprepared(
            "select pg_terminate_backend(pid) from pg_stat_activity \
             where datname = current_database() and usename = 'carebridge_app'",
        )
        .await
        .unwrap();
    let healed = Instant::now();
    loop {
        let r = app
            .post("/api/v1/appointments", Some(&p.token), book.clone())
            .await;
        if r.status.as_u16() == 201 {
            assert_eq!(r.body["status"], "confirmed");
            break;
        }
        assert_retry_later(&r);
        assert!(
            healed.elapsed() < Duration::from_secs(5),
            "the pool did not heal"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(sql_i64(&app, "select count(*) from appointment").await, 1);
}

#[tokio::test]
async fn a_payment_cut_while_it_is_applied_stays_pending_whole_and_applies_once_on_retry() {
    let fake = crate::fake_khalti::start().await;
    let base = fake.base.clone();
    let app = spawn_app_with(Options {
        tweak: Box::new(move |c| {
            c.khalti_base_url = base;
            c.khalti_secret_key = Some(crate::fake_khalti::SECRET.to_string().into());
            c.run_workers = false;
        }),
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (doctor, p) = (app.doctor(&h).await, app.patient(&h).await);
    app.open_all_week(&h, &doctor, 30).await;
    let day = |n: i64| {
        (chrono::Utc::now() + chrono::Duration::days(n))
            .format("%Y-%m-%dT00:00:00Z")
            .to_string()
    };
    let slots = app
        .get(
            &format!(
                "/api/v1/doctors/{}/slots?from={}&to={}",
                doctor.id,
                day(2),
                day(3)
            ),
            &p.token,
        )
        .await
        .expect(200);
    let start = slots.body["items"][0]["start_at"]
        .as_str()
        .unwrap()
        .to_string();
    let id = app
        .post(
            "/api/v1/appointments",
            Some(&p.token),
            json!({"doctor_id": doctor.id, "start_at": start, "reason": "x"}),
        )
        .await
        .expect(201)
        .id();
    app.post(
        &format!("/api/v1/appointments/{id}/approve"),
        Some(&doctor.token),
        json!({}),
    )
    .await
    .expect(200);
    let started = app
        .post(
            &format!("/api/v1/appointments/{id}/payments"),
            Some(&p.token),
            json!({}),
        )
        .await
        .expect(201);
    let payment = started.body["payment_id"].as_str().unwrap().to_string();
    let pidx = fake.pidx_of(&payment);
    fake.settle(&pidx, "Completed", None);

    let before = payment_rows(&app).await;
    let owner = admin_conn(&app.db).await;
    let lock = hold(&owner, "outbox").await;
    let client = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    let url = format!("{}/api/v1/payments/khalti/return?pidx={pidx}", app.base);
    let request = tokio::spawn(client.get(url.clone()).send());
    cut_when_waiting(&owner, crate::helpers::SYSTEM_ROLE, "%insert into outbox%").await;
    lock.rollback().await.unwrap();
    let r = crate::helpers::Resp::read(request.await.unwrap().unwrap()).await;
    assert_retry_later(&r);
    assert_eq!(
        payment_rows(&app).await,
        before,
        "a payment cut mid-apply left rows behind"
    );

    // Khalti's redirect retried (or the reconciler's pass) applies it, once.
    let healed = Instant::now();
    loop {
        let r = client.get(url.clone()).send().await.unwrap();
        if r.status().as_u16() == 303 {
            let to = r.headers()["location"].to_str().unwrap().to_string();
            assert!(to.ends_with("status=succeeded"), "{to}");
            break;
        }
        assert_eq!(r.status().as_u16(), 503);
        assert!(
            healed.elapsed() < Duration::from_secs(5),
            "the pool did not heal"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let after = payment_rows(&app).await;
    assert_eq!(&after[..3], &[1, 1, 1], "applied exactly once: {after:?}");
    assert_eq!(after[4], 1, "audited once: {after:?}");
    assert!(
        after[3] > before[3],
        "the confirmation's messages were written with it"
    );
}
