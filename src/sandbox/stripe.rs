//! Stripe, for what carebridge uses: form-encoded `POST /v1/checkout/sessions`,
//! `GET /v1/checkout/sessions/{id}`, `POST /v1/refunds`, Bearer secret key, `Idempotency-Key`
//! honoured; a checkout page whose "Pay" completes the session and delivers the signed webhook.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use poem::{
    EndpointExt, Request, Response, Route, get, handler,
    http::StatusCode,
    listener::{Acceptor, Listener, TcpListener},
    post,
    web::{Data, Path},
};
use serde_json::{Value, json};

pub const SECRET: &str = "sk_test_fake";
pub const WEBHOOK_SECRET: &str = "whsec_fake";

#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub amount_total: i64,
    pub currency: String,
    pub client_reference_id: String,
    pub status: String,
    pub payment_status: String,
    pub payment_intent: Option<String>,
    pub expires_at: i64,
    pub success_url: String,
}

#[derive(Clone, Default)]
pub struct FakeStripe {
    /// The API base to configure as STRIPE_API_BASE.
    pub base: String,
    /// Where the checkout page delivers webhooks.
    pub webhook_url: Option<String>,
    pub sessions: Arc<Mutex<HashMap<String, Session>>>,
    pub idempotency: Arc<Mutex<HashMap<String, String>>>,
    pub refunds: Arc<Mutex<Vec<String>>>,
}

fn session_json(base: &str, s: &Session) -> Value {
    json!({
        "id": s.id, "object": "checkout.session", "amount_total": s.amount_total, "amount_subtotal": s.amount_total,
        "currency": s.currency, "client_reference_id": s.client_reference_id, "status": s.status,
        "payment_status": s.payment_status, "payment_intent": s.payment_intent, "expires_at": s.expires_at,
        "url": format!("{}/c/pay/{}", base, s.id), "mode": "payment", "livemode": false,
        "created": s.expires_at - 1800, "payment_method_types": ["card"], "shipping_options": [],
        "custom_fields": [], "custom_text": {}, "automatic_tax": {"enabled": false},
    })
}

impl FakeStripe {
    pub fn by_reference(&self, payment_id: &str) -> Session {
        self.sessions
            .lock()
            .expect("sandbox state")
            .values()
            .find(|s| s.client_reference_id == payment_id)
            .cloned()
            .expect("session created")
    }
    /// The customer paid: the session completes with a PaymentIntent.
    pub fn complete(&self, id: &str) {
        let mut m = self.sessions.lock().expect("sandbox state");
        let s = m.get_mut(id).expect("sandbox state");
        s.status = "complete".into();
        s.payment_status = "paid".into();
        s.payment_intent = Some(format!("pi_{}", &id[3..]));
    }
    /// A signed `checkout.session.*` event for the session as it stands (amount overridable).
    pub fn event(
        &self,
        event_id: &str,
        kind: &str,
        id: &str,
        amount: Option<i64>,
    ) -> (String, Vec<u8>) {
        let s = self
            .sessions
            .lock()
            .expect("sandbox state")
            .get(id)
            .cloned()
            .expect("sandbox state");
        let mut object = session_json(&self.base, &s);
        if let Some(a) = amount {
            object["amount_total"] = json!(a);
        }
        let body = json!({"id": event_id, "object": "event", "type": kind, "api_version": "2099-01-01.future",
                          "created": chrono::Utc::now().timestamp(), "data": {"object": object}, "new_field": true});
        let body = serde_json::to_vec(&body).expect("sandbox state");
        (
            crate::payments::stripe::sign(&body, WEBHOOK_SECRET, chrono::Utc::now().timestamp()),
            body,
        )
    }
}

fn authorized(req: &Request) -> bool {
    req.headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        == Some(&format!("Bearer {SECRET}"))
}

fn json_response(v: Value) -> Response {
    Response::builder()
        .content_type("application/json")
        .body(v.to_string())
}

fn form(body: &str) -> HashMap<String, String> {
    body.split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (urlencode_decode(k), urlencode_decode(v)))
        .collect()
}

fn urlencode_decode(s: &str) -> String {
    let s = s.replace('+', " ");
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(x) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(x);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[handler]
fn create_session(req: &Request, body: String, fake: Data<&FakeStripe>) -> Response {
    if !authorized(req) {
        return Response::builder()
            .status(StatusCode::UNAUTHORIZED)
            .body(r#"{"error":{"type":"invalid_request_error","message":"Invalid API Key"}}"#);
    }
    let key = req
        .headers()
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Some(k) = &key
        && let Some(id) = fake.idempotency.lock().expect("sandbox state").get(k)
    {
        return json_response(session_json(
            &fake.base,
            &fake.sessions.lock().expect("sandbox state")[id],
        ));
    }
    let f = form(&body);
    let (Some(mode), Some(amount), Some(currency)) = (
        f.get("mode"),
        f.get("line_items[0][price_data][unit_amount]")
            .and_then(|a| a.parse::<i64>().ok()),
        f.get("line_items[0][price_data][currency]"),
    ) else {
        return Response::builder().status(StatusCode::BAD_REQUEST).body(
            r#"{"error":{"type":"invalid_request_error","message":"Missing required param"}}"#,
        );
    };
    if mode != "payment" {
        return Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .body(r#"{"error":{"type":"invalid_request_error","message":"Only payment mode is supported here"}}"#);
    }
    let id = format!("cs_test_{}", uuid::Uuid::new_v4().simple());
    let s = Session {
        id: id.clone(),
        amount_total: amount,
        currency: currency.clone(),
        client_reference_id: f.get("client_reference_id").cloned().unwrap_or_default(),
        status: "open".into(),
        payment_status: "unpaid".into(),
        payment_intent: None,
        expires_at: f
            .get("expires_at")
            .and_then(|e| e.parse().ok())
            .unwrap_or(0),
        success_url: f.get("success_url").cloned().unwrap_or_default(),
    };
    let out = session_json(&fake.base, &s);
    fake.sessions
        .lock()
        .expect("sandbox state")
        .insert(id.clone(), s);
    if let Some(k) = key {
        fake.idempotency
            .lock()
            .expect("sandbox state")
            .insert(k, id);
    }
    json_response(out)
}

#[handler]
fn retrieve_session(req: &Request, Path(id): Path<String>, fake: Data<&FakeStripe>) -> Response {
    if !authorized(req) {
        return Response::builder()
            .status(StatusCode::UNAUTHORIZED)
            .body("{}");
    }
    match fake.sessions.lock().expect("sandbox state").get(&id) {
        Some(s) => json_response(session_json(&fake.base, s)),
        None => Response::builder().status(StatusCode::NOT_FOUND).body(
            r#"{"error":{"type":"invalid_request_error","message":"No such checkout.session"}}"#,
        ),
    }
}

#[handler]
fn create_refund(req: &Request, body: String, fake: Data<&FakeStripe>) -> Response {
    if !authorized(req) {
        return Response::builder()
            .status(StatusCode::UNAUTHORIZED)
            .body("{}");
    }
    let f = form(&body);
    let pi = f.get("payment_intent").cloned().unwrap_or_default();
    let key = req
        .headers()
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let mut refunds = fake.refunds.lock().expect("sandbox state");
    if !refunds.contains(&key) {
        refunds.push(key);
    }
    let amount = fake
        .sessions
        .lock()
        .expect("sandbox state")
        .values()
        .find(|s| s.payment_intent.as_deref() == Some(pi.as_str()))
        .map_or(0, |s| s.amount_total);
    json_response(
        json!({"id": format!("re_{}", uuid::Uuid::new_v4().simple()), "object": "refund", "amount": amount,
                         "currency": "usd", "created": chrono::Utc::now().timestamp(), "payment_intent": pi, "status": "succeeded"}),
    )
}

pub async fn start(webhook_url: Option<String>) -> anyhow::Result<FakeStripe> {
    let acceptor = TcpListener::bind("127.0.0.1:0").into_acceptor().await?;
    let port = acceptor.local_addr()[0]
        .as_socket_addr()
        .map(|a| a.port())
        .unwrap_or_default();
    let fake = FakeStripe {
        base: format!("http://127.0.0.1:{port}"),
        webhook_url,
        ..Default::default()
    };
    let app = Route::new()
        .at("/v1/checkout/sessions", post(create_session))
        .at("/v1/checkout/sessions/:id", get(retrieve_session))
        .at("/v1/refunds", post(create_refund))
        .at("/c/pay/:id", get(pay_page).post(pay))
        .data(fake.clone());
    tokio::spawn(poem::Server::new_with_acceptor(acceptor).run(app));
    Ok(fake)
}

#[handler]
fn pay_page(Path(id): Path<String>, fake: Data<&FakeStripe>) -> Response {
    let sessions = fake.sessions.lock().expect("lock");
    let Some(s) = sessions.get(&id) else {
        return super::page("Stripe Checkout (sandbox)", "<p>No such session.</p>");
    };
    let body = format!(
        "<p>Pay {} {}.{:02}</p><form method=\"post\"><button>Pay</button></form>",
        s.currency.to_uppercase(),
        s.amount_total / 100,
        s.amount_total % 100
    );
    super::page("Stripe Checkout (sandbox)", &body)
}

#[handler]
async fn pay(Path(id): Path<String>, fake: Data<&FakeStripe>) -> Response {
    let success = {
        let sessions = fake.sessions.lock().expect("lock");
        match sessions.get(&id) {
            Some(s) => s.success_url.clone(),
            None => return super::page("Stripe Checkout (sandbox)", "<p>No such session.</p>"),
        }
    };
    fake.complete(&id);
    if let Some(url) = &fake.webhook_url {
        let (signature, body) = fake.event(
            &format!("evt_{}", uuid::Uuid::new_v4().simple()),
            "checkout.session.completed",
            &id,
            None,
        );
        let sent = reqwest::Client::new()
            .post(url)
            .header("stripe-signature", signature)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await;
        if let Err(e) = sent {
            tracing::warn!(error = %e, "sandbox webhook delivery failed");
        }
    }
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header("location", success)
        .finish()
}
