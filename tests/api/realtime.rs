//! Real time over a real WebSocket client: tickets, the socket's life tied to its session,
//! heartbeats, chat (delivery, idempotency, history, receipts, typing, attachments), pushed
//! notifications, the call (waiting room, admission, relay, reconnection, end, record), the
//! isolation of every id-taking call and frame, and two instances sharing PostgreSQL and Redis.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use reqwest::Method;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use tokio_tungstenite::{
    MaybeTlsStream, WebSocketStream, connect_async,
    tungstenite::{self, Message, client::IntoClientRequest},
};
use uuid::Uuid;

use crate::helpers::{
    Hospital, Member, OwnRedis, TestApp, assert_problem, spawn_app, spawn_app_with,
};

/// How long a frame may take to arrive before a test gives up on it.
const WAIT: Duration = Duration::from_secs(5);

/// A socket as a client holds it.
pub struct Ws {
    stream: WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>,
}

/// The status a refused upgrade answered.
async fn refused(app: &TestApp, query: &str, bearer: Option<&str>) -> u16 {
    let mut req = format!("{}/api/v1/ws{query}", app.base.replace("http", "ws"))
        .into_client_request()
        .unwrap();
    if let Some(t) = bearer {
        req.headers_mut()
            .insert("authorization", format!("Bearer {t}").parse().unwrap());
    }
    match connect_async(req).await {
        Err(tungstenite::Error::Http(resp)) => resp.status().as_u16(),
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("the upgrade was accepted"),
    }
}

/// A fresh single-use ticket.
async fn ticket(app: &TestApp, token: &str) -> String {
    let r = app
        .post("/api/v1/ws/tickets", Some(token), json!({}))
        .await
        .expect(201);
    assert!(r.body["expires_at"].is_string());
    r.body["ticket"].as_str().unwrap().to_string()
}

impl Ws {
    /// Opens a socket the way a browser does: with a ticket.
    pub async fn open(app: &TestApp, token: &str) -> Ws {
        let t = ticket(app, token).await;
        Self::with_ticket(app, &t).await
    }

    async fn with_ticket(app: &TestApp, t: &str) -> Ws {
        let url = format!("{}/api/v1/ws?ticket={t}", app.base.replace("http", "ws"));
        let (stream, _) = connect_async(url).await.expect("the socket opens");
        Ws { stream }
    }

    /// Opens a socket with an `Authorization: Bearer` header.
    async fn bearer(app: &TestApp, token: &str) -> Ws {
        let mut req = format!("{}/api/v1/ws", app.base.replace("http", "ws"))
            .into_client_request()
            .unwrap();
        req.headers_mut()
            .insert("authorization", format!("Bearer {token}").parse().unwrap());
        let (stream, _) = connect_async(req).await.expect("the socket opens");
        Ws { stream }
    }

    pub async fn send(&mut self, frame: Value) {
        self.stream
            .send(Message::text(frame.to_string()))
            .await
            .unwrap();
    }

    /// The next frame of type `ty`, skipping others; panics after [`WAIT`].
    pub async fn next(&mut self, ty: &str) -> Value {
        let found = tokio::time::timeout(WAIT, async {
            loop {
                match self.stream.next().await {
                    Some(Ok(Message::Text(t))) => {
                        let v: Value = serde_json::from_str(&t).unwrap();
                        if v["type"] == ty {
                            return v;
                        }
                    }
                    Some(Ok(Message::Close(c))) => panic!("closed ({c:?}) waiting for {ty}"),
                    Some(Ok(_)) => {}
                    other => panic!("socket ended waiting for {ty}: {other:?}"),
                }
            }
        })
        .await;
        found.unwrap_or_else(|_| panic!("no {ty} frame within {WAIT:?}"))
    }

    /// Asserts that no frame of type `ty` arrives within `ms` milliseconds.
    async fn none(&mut self, ty: &str, ms: u64) {
        let got = tokio::time::timeout(Duration::from_millis(ms), self.next(ty)).await;
        assert!(got.is_err(), "unexpected {ty}: {:?}", got.ok());
    }

    /// The close code the server sends, waiting up to `within`.
    async fn closed(&mut self, within: Duration) -> u16 {
        let code = tokio::time::timeout(within, async {
            loop {
                match self.stream.next().await {
                    Some(Ok(Message::Close(Some(f)))) => return u16::from(f.code),
                    Some(Ok(Message::Close(None))) | None => return 1005,
                    Some(Err(_)) => return 1006,
                    Some(Ok(_)) => {}
                }
            }
        })
        .await;
        code.unwrap_or_else(|_| panic!("the socket was not closed within {within:?}"))
    }
}

/// The user id behind a token.
async fn user_of(app: &TestApp, token: &str) -> Uuid {
    app.get("/api/v1/auth/me", token).await.expect(200).body["user_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn tickets_open_one_socket_once_while_fresh_and_bearer_works_too() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let t = ticket(&app, &h.admin).await;
    let mut ws = Ws::with_ticket(&app, &t).await;
    ws.send(json!({"type": "ping"})).await;
    ws.next("pong").await;
    // Used once: the same ticket again is refused, as are a forged one and none at all.
    assert_eq!(refused(&app, &format!("?ticket={t}"), None).await, 401);
    assert_eq!(refused(&app, "?ticket=forged-ticket", None).await, 401);
    assert_eq!(refused(&app, "", None).await, 401);
    assert_eq!(refused(&app, "", Some("not-a-token")).await, 401);
    // Expired: a ticket older than its minute is refused.
    let old = ticket(&app, &h.admin).await;
    crate::helpers::admin_conn(&app.db)
        .await
        .execute_unprepared("update ws_ticket set expires_at = now() - interval '1 second'")
        .await
        .unwrap();
    assert_eq!(refused(&app, &format!("?ticket={old}"), None).await, 401);
    // A non-browser client sends its token instead.
    let mut b = Ws::bearer(&app, &h.admin).await;
    b.send(json!({"type": "ping"})).await;
    b.next("pong").await;
    // A frame the server does not know answers an error frame, and the socket stays open.
    b.send(json!({"type": "call.fly"})).await;
    assert_eq!(b.next("error").await["status"], 400);
    b.send(json!({"type": "ping"})).await;
    b.next("pong").await;
}

#[tokio::test]
async fn a_socket_closes_with_4401_within_two_seconds_of_its_session_ending() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    // Logout.
    let mut ws = Ws::open(&app, &p.token).await;
    app.post("/api/v1/auth/logout", Some(&p.token), json!({}))
        .await
        .expect(204);
    assert_eq!(ws.closed(Duration::from_secs(2)).await, 4401);
    // Deactivation by the hospital's admin.
    let mut ws = Ws::open(&app, &d.token).await;
    let uid = user_of(&app, &d.token).await;
    app.request(
        Method::POST,
        &format!("/api/v1/members/{uid}/deactivate"),
        Some(&h.admin),
        None,
    )
    .await
    .expect(204);
    assert_eq!(ws.closed(Duration::from_secs(2)).await, 4401);
    // Suspension of the hospital by the super admin.
    let mut ws = Ws::open(&app, &h.admin).await;
    app.patch(
        &format!("/api/v1/hospitals/{}", h.id),
        &root,
        json!({"suspended": true}),
    )
    .await
    .expect(200);
    assert_eq!(ws.closed(Duration::from_secs(2)).await, 4401);
    // Expiry: the session's absolute end passes.
    let other = app.hospital(&root).await;
    let mut ws = Ws::open(&app, &other.admin).await;
    crate::helpers::admin_conn(&app.db)
        .await
        .execute_unprepared(&format!(
            "update auth_session set expires_at = now() - interval '1 second' \
             where hospital_id = '{}'",
            other.id
        ))
        .await
        .unwrap();
    assert_eq!(ws.closed(Duration::from_secs(2)).await, 4401);
}

#[tokio::test]
async fn a_peer_that_answers_no_pings_is_dropped() {
    let app = spawn_app_with(crate::helpers::Options {
        tweak: Box::new(|c| c.ws_ping = Duration::from_secs(1)),
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let mut quiet = Ws::open(&app, &h.admin).await;
    let mut alive = Ws::open(&app, &h.admin).await;
    // `alive` keeps reading (its client answers pings); `quiet` reads nothing for 4.5 s.
    let keep = tokio::spawn(async move {
        let deadline = tokio::time::Instant::now() + Duration::from_millis(4500);
        while tokio::time::Instant::now() < deadline {
            if let Ok(Some(Ok(Message::Close(_)))) =
                tokio::time::timeout(Duration::from_millis(200), alive.stream.next()).await
            {
                panic!("a live peer was closed");
            }
        }
        alive
    });
    assert_eq!(sockets(&app).await, 2);
    tokio::time::sleep(Duration::from_millis(4500)).await;
    // The server dropped the quiet peer (its close, 1001, may reach a client that never read
    // only as a reset), and kept the live one.
    assert_eq!(sockets(&app).await, 1);
    let code = quiet.closed(Duration::from_secs(2)).await;
    assert!(code == 1001 || code == 1006, "closed with {code}");
    let mut alive = keep.await.unwrap();
    alive.send(json!({"type": "ping"})).await;
    alive.next("pong").await;
}

/// Open sockets on the instance, from its metrics.
async fn sockets(app: &TestApp) -> u64 {
    let text = app
        .client
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("carebridge_websockets "))
        .and_then(|v| v.trim().parse().ok())
        .expect("the metric is there")
}

/// A doctor and a patient of one care team in hospital `h`.
async fn care_team(app: &TestApp, h: &Hospital) -> (Member, Member) {
    let (d, p) = (app.doctor(h).await, app.patient(h).await);
    app.assign(h, p.id, d.id).await;
    (d, p)
}

/// Opens the conversation as the patient; answers its id.
async fn conversation(app: &TestApp, d: &Member, p: &Member) -> Uuid {
    app.post(
        "/api/v1/conversations",
        Some(&p.token),
        json!({"doctor_id": d.id}),
    )
    .await
    .expect(201)
    .id()
}

#[tokio::test]
async fn chat_reaches_the_other_party_once_with_history_receipts_and_typing() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = care_team(&app, &h).await;
    let c = conversation(&app, &d, &p).await;
    // Opening again, from either side, answers the same conversation.
    let again = app
        .post(
            "/api/v1/conversations",
            Some(&d.token),
            json!({"patient_id": p.id}),
        )
        .await
        .expect(200);
    assert_eq!(again.id(), c);
    let mut dws = Ws::open(&app, &d.token).await;
    let mut pws = Ws::open(&app, &p.token).await;
    let path = format!("/api/v1/conversations/{c}/messages");
    let first = app
        .post(
            &path,
            Some(&p.token),
            json!({"body": "I have a fever", "client_id": "m-1"}),
        )
        .await
        .expect(201);
    let got = dws.next("chat.message").await;
    assert_eq!(got["conversation_id"], c.to_string());
    assert_eq!(got["message"]["body"], "I have a fever");
    assert_eq!(got["message"]["id"], first.body["id"]);
    pws.next("chat.message").await;
    // A retry with the same client_id answers the first message and posts nothing.
    let retry = app
        .post(
            &path,
            Some(&p.token),
            json!({"body": "I have a fever", "client_id": "m-1"}),
        )
        .await
        .expect(200);
    assert_eq!(retry.body["id"], first.body["id"]);
    dws.none("chat.message", 500).await;
    for i in 2..=3 {
        app.post(
            &path,
            Some(&d.token),
            json!({"body": format!("reply {i}"), "client_id": format!("d-{i}")}),
        )
        .await
        .expect(201);
    }
    // History: newest first, two per page.
    let page = app
        .get(&format!("{path}?limit=2"), &p.token)
        .await
        .expect(200);
    let bodies: Vec<&str> = page.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["reply 3", "reply 2"]);
    let cursor = page.body["next_cursor"].as_str().unwrap();
    let older = app
        .get(&format!("{path}?limit=2&cursor={cursor}"), &p.token)
        .await
        .expect(200);
    assert_eq!(older.body["items"][0]["body"], "I have a fever");
    assert!(older.body["next_cursor"].is_null());
    // Unread for the patient: the doctor's two replies; a receipt clears them and is pushed.
    let list = app.get("/api/v1/conversations", &p.token).await.expect(200);
    assert_eq!(list.body["items"][0]["unread"], 2);
    let newest = page.body["items"][0]["id"].as_str().unwrap();
    let r = app
        .post(
            &format!("/api/v1/conversations/{c}/read"),
            Some(&p.token),
            json!({"message_id": newest}),
        )
        .await;
    assert_eq!(r.status.as_u16(), 204, "{}", r.text);
    let receipt = dws.next("chat.read").await;
    assert_eq!(receipt["message_id"], newest);
    let list = app.get("/api/v1/conversations", &p.token).await.expect(200);
    assert_eq!(list.body["items"][0]["unread"], 0);
    // Typing reaches the other party, named.
    pws.send(json!({"type": "chat.typing", "conversation_id": c}))
        .await;
    let typing = dws.next("chat.typing").await;
    assert_eq!(typing["user_id"], user_of(&app, &p.token).await.to_string());
    // Every message posted is in the audit trail.
    let audited = crate::helpers::sql_i64(
        &app,
        "select count(*) from audit_event where action = 'message.create'",
    )
    .await;
    assert_eq!(audited, 3);
}

#[tokio::test]
async fn bad_messages_are_refused_and_attachments_are_the_patients_documents() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = care_team(&app, &h).await;
    let c = conversation(&app, &d, &p).await;
    let path = format!("/api/v1/conversations/{c}/messages");
    for bad in [
        json!({"body": " ", "client_id": "x"}),
        json!({"body": "hi", "client_id": ""}),
        json!({"body": "x".repeat(4001), "client_id": "x"}),
    ] {
        assert_problem(&app.post(&path, Some(&p.token), bad).await, 422);
    }
    assert_problem(
        &app.post(
            &path,
            Some(&p.token),
            json!({"body": "x", "client_id": "x", "extra": 1}),
        )
        .await,
        400,
    );
    let doc = crate::records::upload(&app, &p.token, p.id, b"scan".to_vec(), "lab_report")
        .await
        .expect(201)
        .id();
    let r = app
        .post(
            &path,
            Some(&p.token),
            json!({"body": "", "client_id": "a1", "document_id": doc}),
        )
        .await
        .expect(201);
    assert_eq!(r.body["document_id"], doc.to_string());
    // The doctor of the care team can open the attachment.
    app.get(&format!("/api/v1/documents/{doc}/content"), &d.token)
        .await
        .expect(200);
    // Another patient's document is not attachable (404), and nothing was posted.
    let other = app.patient(&h).await;
    let theirs = crate::records::upload(&app, &other.token, other.id, b"x".to_vec(), "lab_report")
        .await
        .expect(201)
        .id();
    let r = app
        .post(
            &path,
            Some(&p.token),
            json!({"body": "", "client_id": "a2", "document_id": theirs}),
        )
        .await;
    assert_problem(&r, 404);
    // Off the care team, the doctor can no longer write or read the conversation.
    app.request(
        Method::DELETE,
        &format!("/api/v1/patients/{}/care-team/{}", p.id, d.id),
        Some(&h.admin),
        None,
    )
    .await
    .expect(204);
    assert_problem(
        &app.post(
            &path,
            Some(&d.token),
            json!({"body": "still there?", "client_id": "z"}),
        )
        .await,
        404,
    );
    assert_problem(
        &app.post(
            &path,
            Some(&p.token),
            json!({"body": "hello?", "client_id": "z"}),
        )
        .await,
        409,
    );
    app.get(&path, &p.token).await.expect(200);
}

#[tokio::test]
async fn other_tenants_and_strangers_get_404_on_every_conversation_call_and_frame() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p) = care_team(&app, &h).await;
    let c = conversation(&app, &d, &p).await;
    let msg = app
        .post(
            &format!("/api/v1/conversations/{c}/messages"),
            Some(&p.token),
            json!({"body": "private", "client_id": "1"}),
        )
        .await
        .expect(201)
        .id();
    let other = app.hospital(&root).await;
    let (od, op) = care_team(&app, &other).await;
    let stranger_doctor = app.doctor(&h).await;
    let stranger_patient = app.patient(&h).await;
    for token in [
        &od.token,
        &op.token,
        &stranger_doctor.token,
        &stranger_patient.token,
    ] {
        assert_problem(
            &app.get(&format!("/api/v1/conversations/{c}/messages"), token)
                .await,
            404,
        );
        assert_problem(
            &app.post(
                &format!("/api/v1/conversations/{c}/messages"),
                Some(token),
                json!({"body": "x", "client_id": "s"}),
            )
            .await,
            404,
        );
        assert_problem(
            &app.post(
                &format!("/api/v1/conversations/{c}/read"),
                Some(token),
                json!({"message_id": msg}),
            )
            .await,
            404,
        );
        let list = app.get("/api/v1/conversations", token).await.expect(200);
        assert!(!list.text.contains(&c.to_string()));
        let mut ws = Ws::open(&app, token).await;
        ws.send(json!({"type": "chat.typing", "conversation_id": c}))
            .await;
        assert_eq!(ws.next("error").await["status"], 404);
    }
    // Opening a conversation with someone else's patient or doctor: 404.
    for (token, body) in [
        (&od.token, json!({"patient_id": p.id})),
        (&op.token, json!({"doctor_id": d.id})),
        (&stranger_doctor.token, json!({"patient_id": p.id})),
        (&stranger_patient.token, json!({"doctor_id": d.id})),
    ] {
        assert_problem(
            &app.post("/api/v1/conversations", Some(token), body).await,
            404,
        );
    }
    // A receipt for a message of another conversation: 404.
    let oc = conversation(&app, &od, &op).await;
    assert_problem(
        &app.post(
            &format!("/api/v1/conversations/{oc}/read"),
            Some(&op.token),
            json!({"message_id": msg}),
        )
        .await,
        404,
    );
    // Admins do not chat (403); a doctor naming a doctor is told what to send (422).
    assert_problem(&app.get("/api/v1/conversations", &h.admin).await, 403);
    assert_problem(
        &app.post(
            "/api/v1/conversations",
            Some(&d.token),
            json!({"doctor_id": d.id}),
        )
        .await,
        422,
    );
}

#[tokio::test]
async fn notifications_are_pushed_over_the_socket_as_they_are_created() {
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
    let mut dws = Ws::open(&app, &d.token).await;
    let mut pws = Ws::open(&app, &p.token).await;
    let a = app.confirmed_appointment(&d, &p, &h).await;
    let pushed = dws.next("notification").await;
    assert_eq!(pushed["notification"]["appointment_id"], a.to_string());
    let listed = app.get("/api/v1/notifications", &d.token).await.expect(200);
    assert_eq!(pushed["notification"]["id"], listed.body["items"][0]["id"]);
    pws.next("notification").await;
    // Each notification is pushed once.
    dws.none("notification", 800).await;
}

/// Joins `ws` to the call of appointment `a`.
async fn join(ws: &mut Ws, a: Uuid) {
    ws.send(json!({"type": "call.join", "appointment_id": a}))
        .await;
}

#[tokio::test]
async fn the_waiting_room_admits_only_through_the_doctor_and_signals_flow_only_after() {
    let app = spawn_app_with(crate::helpers::Options {
        tweak: Box::new(|c| {
            c.turn.urls = vec![
                "stun:127.0.0.1:3478".into(),
                "turn:127.0.0.1:3478?transport=udp".into(),
            ];
            c.turn.secret = Some("turn-test-secret".to_string().into());
        }),
        ..Default::default()
    })
    .await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p, a) = app.open_call(&h).await;
    let (du, pu) = (user_of(&app, &d.token).await, user_of(&app, &p.token).await);
    let call = app
        .get(&format!("/api/v1/appointments/{a}/call"), &p.token)
        .await
        .expect(200);
    assert_eq!(call.body["state"], "open");
    let turn = &call.body["ice_servers"][1];
    let username = turn["username"].as_str().unwrap();
    assert!(username.ends_with(&format!(":{pu}")), "{username}");
    assert_eq!(
        turn["credential"].as_str().unwrap(),
        carebridge::realtime::turn::credential("turn-test-secret", username)
    );
    let mut dws = Ws::open(&app, &d.token).await;
    let mut pws = Ws::open(&app, &p.token).await;
    // The patient waits; the doctor is told; nothing passes before admission.
    join(&mut pws, a).await;
    let waiting = dws.next("call.waiting").await;
    assert_eq!(waiting["user_id"], pu.to_string());
    pws.send(
        json!({"type": "call.signal", "appointment_id": a, "to": du, "data": {"sdp": "offer"}}),
    )
    .await;
    assert_eq!(pws.next("error").await["status"], 403);
    pws.send(json!({"type": "call.admit", "appointment_id": a, "user_id": pu}))
        .await;
    assert_eq!(pws.next("error").await["status"], 403);
    dws.send(json!({"type": "call.admit", "appointment_id": a, "user_id": pu}))
        .await;
    assert_eq!(
        dws.next("error").await["status"],
        409,
        "the doctor must join first"
    );
    join(&mut dws, a).await;
    dws.next("call.admitted").await;
    dws.send(json!({"type": "call.admit", "appointment_id": a, "user_id": pu}))
        .await;
    pws.next("call.admitted").await;
    assert_eq!(pws.next("call.peer").await["user_id"], du.to_string());
    assert_eq!(dws.next("call.peer").await["user_id"], pu.to_string());
    let appt = app
        .get(&format!("/api/v1/appointments/{a}"), &d.token)
        .await
        .expect(200);
    assert_eq!(appt.body["status"], "in_progress");
    // Offer and answer are relayed between the two, marked with the sender.
    pws.send(
        json!({"type": "call.signal", "appointment_id": a, "to": du, "data": {"sdp": "offer-1"}}),
    )
    .await;
    let s = dws.next("call.signal").await;
    assert_eq!(
        (s["from"].as_str(), s["data"]["sdp"].as_str()),
        (Some(pu.to_string().as_str()), Some("offer-1"))
    );
    dws.send(json!({"type": "call.signal", "appointment_id": a, "to": pu, "data": {"sdp": "answer-1", "screen": true}})).await;
    assert_eq!(pws.next("call.signal").await["data"]["sdp"], "answer-1");
    // Screen sharing is the doctor's.
    pws.send(
        json!({"type": "call.signal", "appointment_id": a, "to": du, "data": {"screen": true}}),
    )
    .await;
    assert_eq!(pws.next("error").await["status"], 403);
    // Reconnection: the patient drops and rejoins without a second admission.
    drop(pws);
    let gone = dws.next("call.peer").await;
    assert_eq!(
        (gone["user_id"].as_str(), gone["present"].as_bool()),
        (Some(pu.to_string().as_str()), Some(false))
    );
    let mut pws = Ws::open(&app, &p.token).await;
    join(&mut pws, a).await;
    pws.next("call.admitted").await;
    assert_eq!(dws.next("call.peer").await["present"], true);
    dws.none("call.waiting", 300).await;
    pws.send(json!({"type": "call.quality", "appointment_id": a, "rtt_ms": 85, "packet_loss": 0.01, "bitrate_kbps": 900})).await;
    pws.send(json!({"type": "call.quality", "appointment_id": a, "rtt_ms": -5, "packet_loss": 0.01, "bitrate_kbps": 900})).await;
    assert_eq!(pws.next("error").await["status"], 422);
    // Only the doctor ends it; then nobody joins again.
    pws.send(json!({"type": "call.end", "appointment_id": a}))
        .await;
    assert_eq!(pws.next("error").await["status"], 403);
    dws.send(json!({"type": "call.end", "appointment_id": a}))
        .await;
    pws.next("call.ended").await;
    dws.next("call.ended").await;
    join(&mut pws, a).await;
    assert_eq!(pws.next("error").await["status"], 409);
    let call = app
        .get(&format!("/api/v1/appointments/{a}/call"), &d.token)
        .await
        .expect(200);
    assert_eq!(call.body["state"], "ended");
    let record = app
        .get(&format!("/api/v1/appointments/{a}/call/events"), &p.token)
        .await
        .expect(200);
    let kinds: Vec<&str> = record.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "joined", "waiting", "joined", "admitted", "started", "left", "joined", "quality",
            "ended"
        ]
    );
    let quality = &record.body["items"][7];
    assert_eq!(
        (quality["rtt_ms"].as_i64(), quality["bitrate_kbps"].as_i64()),
        (Some(85), Some(900))
    );
    assert!(record.body["duration_seconds"].as_i64().unwrap() >= 0);
    assert!(record.body["started_at"].is_string() && record.body["ended_at"].is_string());
}

#[tokio::test]
async fn strangers_and_other_tenants_cannot_see_or_join_a_call() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    let (d, p, a) = app.open_call(&h).await;
    let du = user_of(&app, &d.token).await;
    let other = app.hospital(&root).await;
    let outsiders = [
        app.doctor(&h).await.token,
        app.patient(&h).await.token,
        app.doctor(&other).await.token,
        app.patient(&other).await.token,
    ];
    let mut dws = Ws::open(&app, &d.token).await;
    join(&mut dws, a).await;
    dws.next("call.admitted").await;
    for token in &outsiders {
        assert_problem(
            &app.get(&format!("/api/v1/appointments/{a}/call"), token)
                .await,
            404,
        );
        assert_problem(
            &app.get(&format!("/api/v1/appointments/{a}/call/events"), token)
                .await,
            404,
        );
        let mut ws = Ws::open(&app, token).await;
        let me = user_of(&app, token).await;
        for frame in [
            json!({"type": "call.join", "appointment_id": a}),
            json!({"type": "call.signal", "appointment_id": a, "to": du, "data": {"sdp": "x"}}),
            json!({"type": "call.admit", "appointment_id": a, "user_id": me}),
            json!({"type": "call.leave", "appointment_id": a}),
            json!({"type": "call.end", "appointment_id": a}),
            json!({"type": "call.quality", "appointment_id": a, "rtt_ms": 1, "packet_loss": 0, "bitrate_kbps": 1}),
        ] {
            ws.send(frame).await;
            assert_eq!(ws.next("error").await["status"], 404);
        }
    }
    dws.none("call.waiting", 300).await;
    dws.none("call.signal", 100).await;
    // The doctor cannot signal or admit anyone but the appointment's patient.
    let stranger = user_of(&app, &outsiders[1]).await;
    dws.send(json!({"type": "call.signal", "appointment_id": a, "to": stranger, "data": {}}))
        .await;
    assert_eq!(dws.next("error").await["status"], 404);
    dws.send(json!({"type": "call.admit", "appointment_id": a, "user_id": stranger}))
        .await;
    assert_eq!(dws.next("error").await["status"], 404);
    // Admins read the appointment but not its call (403).
    assert_problem(
        &app.get(&format!("/api/v1/appointments/{a}/call"), &h.admin)
            .await,
        403,
    );
    app.get(&format!("/api/v1/appointments/{a}/call"), &p.token)
        .await
        .expect(200);
}

#[tokio::test]
async fn a_call_opens_only_when_confirmed_and_inside_its_window() {
    let app = spawn_app().await;
    let root = app.super_admin().await;
    let h = app.hospital(&root).await;
    // The hospital's defaults: approval and payment required. Requested is not yet paid.
    let (d, p) = (app.doctor(&h).await, app.patient(&h).await);
    app.open_all_week(&h, &d, 30).await;
    let day = |n: i64| {
        let t = chrono::Utc::now() + chrono::Duration::days(n);
        (t - chrono::Duration::seconds(t.timestamp() % 86400))
            .to_rfc3339()
            .replace('+', "%2B")
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
    let start = slots.body["items"][0]["start_at"].as_str().unwrap();
    let a = app
        .post(
            "/api/v1/appointments",
            Some(&p.token),
            json!({"doctor_id": d.id, "start_at": start, "reason": ""}),
        )
        .await
        .expect(201)
        .id();
    app.move_appointment_to_now(a).await;
    assert_problem(
        &app.get(&format!("/api/v1/appointments/{a}/call"), &p.token)
            .await,
        409,
    );
    let mut ws = Ws::open(&app, &p.token).await;
    join(&mut ws, a).await;
    assert_eq!(ws.next("error").await["status"], 409);
    // Confirmed but two days ahead: not open yet.
    let h2 = app.hospital(&root).await;
    let (_, p2, a2) = app.open_call(&h2).await;
    crate::helpers::admin_conn(&app.db)
        .await
        .execute_unprepared(&format!(
            "update appointment set start_at = now() + interval '2 days', \
             end_at = now() + interval '2 days 30 minutes' where id = '{a2}'"
        ))
        .await
        .unwrap();
    let call = app
        .get(&format!("/api/v1/appointments/{a2}/call"), &p2.token)
        .await
        .expect(200);
    assert_eq!(call.body["state"], "not_open");
    assert!(
        call.body["ice_servers"].as_array().unwrap().is_empty(),
        "no TURN configured"
    );
    let mut ws = Ws::open(&app, &p2.token).await;
    join(&mut ws, a2).await;
    assert_eq!(ws.next("error").await["status"], 409);
}

#[tokio::test]
async fn two_instances_carry_chat_and_the_call_between_parties_on_either() {
    let a_app = spawn_app().await;
    let b_app = a_app.twin().await;
    let root = a_app.super_admin().await;
    let h = a_app.hospital(&root).await;
    let (d, p, a) = a_app.open_call(&h).await;
    let (du, pu) = (
        user_of(&a_app, &d.token).await,
        user_of(&a_app, &p.token).await,
    );
    let mut dws = Ws::open(&a_app, &d.token).await;
    let mut pws = Ws::open(&b_app, &p.token).await;
    // Chat posted on instance B reaches the doctor's socket on instance A, and back.
    let c = b_app
        .post(
            "/api/v1/conversations",
            Some(&p.token),
            json!({"doctor_id": d.id}),
        )
        .await
        .expect(201)
        .id();
    b_app
        .post(
            &format!("/api/v1/conversations/{c}/messages"),
            Some(&p.token),
            json!({"body": "across", "client_id": "x1"}),
        )
        .await
        .expect(201);
    assert_eq!(dws.next("chat.message").await["message"]["body"], "across");
    a_app
        .post(
            &format!("/api/v1/conversations/{c}/messages"),
            Some(&d.token),
            json!({"body": "back", "client_id": "y1"}),
        )
        .await
        .expect(201);
    assert_eq!(pws.next("chat.message").await["message"]["body"], "across");
    assert_eq!(pws.next("chat.message").await["message"]["body"], "back");
    // The call: waiting room, admission and relay across the two instances.
    join(&mut dws, a).await;
    dws.next("call.admitted").await;
    join(&mut pws, a).await;
    dws.next("call.waiting").await;
    dws.send(json!({"type": "call.admit", "appointment_id": a, "user_id": pu}))
        .await;
    pws.next("call.admitted").await;
    pws.send(
        json!({"type": "call.signal", "appointment_id": a, "to": du, "data": {"candidate": "c1"}}),
    )
    .await;
    assert_eq!(dws.next("call.signal").await["data"]["candidate"], "c1");
    // Each frame arrives once, though both instances are subscribed to Redis.
    dws.none("call.signal", 500).await;
}

#[tokio::test]
async fn a_redis_outage_pauses_pushes_across_instances_but_not_the_api_and_they_resume() {
    let port = crate::helpers::free_port();
    let mut redis = OwnRedis::start(port);
    let a_app = spawn_app_with(crate::helpers::Options {
        tweak: Box::new(move |c| c.redis_url = format!("redis://127.0.0.1:{port}").into()),
        ..Default::default()
    })
    .await;
    let b_app = a_app.twin().await;
    let root = a_app.super_admin().await;
    let h = a_app.hospital(&root).await;
    let (d, p) = care_team(&a_app, &h).await;
    let c = conversation(&a_app, &d, &p).await;
    let mut dws = Ws::open(&a_app, &d.token).await;
    let mut pws = Ws::open(&b_app, &p.token).await;
    let path = format!("/api/v1/conversations/{c}/messages");
    let post = |app: &TestApp, token: &str, body: String| {
        let req = app
            .client
            .post(format!("{}{path}", app.base))
            .bearer_auth(token)
            .json(&json!({"body": body, "client_id": body}));
        async move { req.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(post(&b_app, &p.token, "before".into()).await, 201);
    assert_eq!(dws.next("chat.message").await["message"]["body"], "before");
    assert_eq!(pws.next("chat.message").await["message"]["body"], "before");
    redis.stop();
    // The API serves, and a push to a socket on the same instance still arrives.
    assert_eq!(post(&a_app, &p.token, "during".into()).await, 201);
    assert_eq!(dws.next("chat.message").await["message"]["body"], "during");
    assert_eq!(app_get_status(&a_app, &path, &d.token).await, 200);
    pws.none("chat.message", 300).await;
    // Redis returns on the same port: the instances resubscribe and pushes cross again.
    let _redis = OwnRedis::start(port);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let mut n = 0;
    loop {
        n += 1;
        assert_eq!(post(&b_app, &p.token, format!("after-{n}")).await, 201);
        let got = tokio::time::timeout(Duration::from_millis(700), dws.next("chat.message")).await;
        if let Ok(m) = got {
            assert_eq!(m["message"]["body"], format!("after-{n}"));
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "pushes did not resume"
        );
    }
    drop(redis);
}

async fn app_get_status(app: &TestApp, path: &str, token: &str) -> u16 {
    app.get(path, token).await.status.as_u16()
}
