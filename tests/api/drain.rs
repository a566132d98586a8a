//! Graceful drain of the real `carebridge serve` process: SIGTERM with a request in flight, a
//! socket open and an outbox message claimed.

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use tokio_tungstenite::{connect_async, tungstenite::Message};

use crate::{
    helpers::{Options, PASSWORD, TestApp, admin_conn, spawn_app_with},
    process::Process,
};

/// An SMTP server that accepts connections and never says a word: a send to it hangs (until
/// lettre's 15 s timeout), so the outbox message stays claimed while the test acts.
async fn silent_smtp() -> (u16, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let task = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((s, _)) = listener.accept().await {
            held.push(s);
        }
    });
    (port, task)
}

/// Polls `sql` (one bigint) on the owner's connection until it is positive, up to `within`.
async fn until_positive(app: &TestApp, sql: &str, within: Duration) {
    let start = Instant::now();
    while crate::helpers::sql_i64(app, sql).await <= 0 {
        assert!(start.elapsed() < within, "never true: {sql}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A free slot of `doctor` two days ahead.
async fn a_slot(app: &TestApp, doctor: uuid::Uuid, token: &str) -> String {
    let day = |n: i64| {
        let t = chrono::Utc::now() + chrono::Duration::days(n);
        (t - chrono::Duration::seconds(t.timestamp() % 86400))
            .to_rfc3339()
            .replace('+', "%2B")
    };
    let slots = app
        .get(
            &format!(
                "/api/v1/doctors/{doctor}/slots?from={}&to={}",
                day(2),
                day(3)
            ),
            token,
        )
        .await
        .expect(200);
    slots.body["items"][0]["start_at"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn sigterm_fails_readiness_finishes_requests_closes_sockets_releases_leases_and_exits_0() {
    // The in-process app only sets the scene: its workers are off, so every claim is the
    // process's.
    let app = spawn_app_with(Options {
        tweak: Box::new(|c| c.run_workers = false),
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let d = app.doctor(&h).await;
    let email = format!("drain-{}@{}.test", uuid::Uuid::new_v4().simple(), h.slug);
    app.post(
        "/api/v1/patients",
        Some(&h.admin),
        json!({"email": email, "full_name": "Pat Drain", "password": PASSWORD}),
    )
    .await
    .expect(201);
    let patient = app.login(&email, Some(&h.slug)).await;
    app.open_all_week(&h, &d, 30).await;
    let slot = a_slot(&app, d.id, &patient).await;

    let (smtp, _smtp_task) = silent_smtp().await;
    let mut proc = Process::serve(
        &app,
        &[
            ("SMTP_URL", format!("smtp://127.0.0.1:{smtp}")),
            ("SHUTDOWN_GRACE_SECONDS", "10".into()),
            ("SHUTDOWN_NOTICE_SECONDS", "1".into()),
        ],
    )
    .await;
    let client = reqwest::Client::new();
    let ready = client
        .get(format!("{}/readyz", proc.base))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status().as_u16(), 200, "{:?}", ready.text().await);

    // An outbox message this process has claimed and is sending (to an SMTP server that
    // never answers).
    client
        .post(format!("{}/api/v1/auth/password-reset", proc.base))
        .json(&json!({"email": email}))
        .send()
        .await
        .unwrap();
    until_positive(
        &app,
        "select count(*) from outbox where status = 'pending' and locked_until > now()",
        Duration::from_secs(10),
    )
    .await;

    // An open socket.
    let ticket: serde_json::Value = client
        .post(format!("{}/api/v1/ws/tickets", proc.base))
        .bearer_auth(&patient)
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ws_url = format!(
        "{}/api/v1/ws?ticket={}",
        proc.base.replace("http", "ws"),
        ticket["ticket"].as_str().unwrap()
    );
    let (mut socket, _) = connect_async(ws_url).await.expect("the socket opens");

    // A booking held in flight: the test locks the table it inserts into.
    let owner = admin_conn(&app.db).await;
    let lock = owner.begin().await.unwrap();
    lock.execute_unprepared("lock table appointment in share mode")
        .await
        .unwrap();
    let booking = {
        let req = client
            .post(format!("{}/api/v1/appointments", proc.base))
            .bearer_auth(&patient)
            .json(&json!({"doctor_id": d.id, "start_at": slot, "reason": "drain"}));
        tokio::spawn(req.send())
    };
    until_positive(
        &app,
        "select count(*) from pg_stat_activity where datname = current_database() \
         and usename = 'carebridge_app' and wait_event_type = 'Lock'",
        Duration::from_secs(10),
    )
    .await;

    proc.terminate();
    let signalled = Instant::now();
    // Readiness fails at once, while the server still answers.
    loop {
        let r = client
            .get(format!("{}/readyz", proc.base))
            .send()
            .await
            .unwrap();
        if r.status().as_u16() == 503 {
            let body: serde_json::Value = r.json().await.unwrap();
            assert_eq!(body["status"], "draining");
            break;
        }
        assert!(
            signalled.elapsed() < Duration::from_millis(500),
            "readyz still 200"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // The socket is closed with 1012 (service restart), and no new one is admitted.
    let code = tokio::time::timeout(Duration::from_secs(3), async {
        loop {
            match socket.next().await {
                Some(Ok(Message::Close(Some(f)))) => return u16::from(f.code),
                Some(Ok(_)) => {}
                other => panic!("the socket ended without a close frame: {other:?}"),
            }
        }
    })
    .await
    .expect("the socket is closed at once");
    assert_eq!(code, 1012);
    let refused = client
        .post(format!("{}/api/v1/ws/tickets", proc.base))
        .bearer_auth(&patient)
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap();
    let again = format!(
        "{}/api/v1/ws?ticket={}",
        proc.base.replace("http", "ws"),
        refused["ticket"].as_str().unwrap()
    );
    match connect_async(again).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(r)) => {
            assert_eq!(r.status().as_u16(), 503)
        }
        other => panic!("a socket was admitted while draining: {:?}", other.is_ok()),
    }

    // The in-flight booking finishes once its lock is free, past the notice (the listener
    // has closed by now).
    tokio::time::sleep(Duration::from_millis(1500)).await;
    lock.commit().await.unwrap();
    let booked = booking.await.unwrap().expect("the booking is answered");
    assert_eq!(booked.status().as_u16(), 201, "{:?}", booked.text().await);

    let (status, _) = proc.exit(Duration::from_secs(10)).await;
    assert!(status.success(), "exit status {status:?}");
    assert!(
        signalled.elapsed() < Duration::from_secs(10),
        "exited {:?} after SIGTERM, past the grace",
        signalled.elapsed()
    );
    // The claimed message was handed back: claimable now, its attempt undone.
    assert_eq!(
        crate::helpers::sql_i64(
            &app,
            "select count(*) from outbox where locked_until is not null or attempts > 0"
        )
        .await,
        0
    );
    assert_eq!(
        crate::helpers::sql_i64(&app, "select count(*) from appointment").await,
        1
    );
}
