//! Khalti ePayment v2: `POST /epayment/initiate/` and `/epayment/lookup/` with `Authorization:
//! Key <secret>`, amounts in paisa (at least 1000), and a payment page.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use poem::{
    EndpointExt, Request, Response, Route, handler,
    http::StatusCode,
    listener::{Acceptor, Listener, TcpListener},
    post,
    web::{Data, Json, Query},
};
use serde::Deserialize;
use serde_json::{Value, json};

pub const SECRET: &str = "test-secret-key";

#[derive(Clone, Debug)]
pub struct Txn {
    pub amount: i64,
    pub purchase_order_id: String,
    pub return_url: String,
    pub status: String,
    pub total_amount: i64,
}

#[derive(Clone, Default)]
pub struct FakeKhalti {
    pub txns: Arc<Mutex<HashMap<String, Txn>>>,
    /// The API base to configure as KHALTI_BASE_URL.
    pub base: String,
}

impl FakeKhalti {
    /// What the next lookups of `pidx` answer.
    pub fn settle(&self, pidx: &str, status: &str, total_amount: Option<i64>) {
        let mut t = self.txns.lock().expect("lock");
        if let Some(txn) = t.get_mut(pidx) {
            txn.status = status.to_string();
            txn.total_amount = total_amount.unwrap_or(txn.amount);
        }
    }

    pub fn pidx_of(&self, order_id: &str) -> String {
        let t = self.txns.lock().expect("lock");
        t.iter()
            .find(|(_, v)| v.purchase_order_id == order_id)
            .map(|(k, _)| k.clone())
            .unwrap_or_default()
    }
}

fn authorized(req: &Request) -> bool {
    req.headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        == Some(&format!("Key {SECRET}"))
}

fn json_response(status: StatusCode, v: Value) -> Response {
    Response::builder()
        .status(status)
        .content_type("application/json")
        .body(v.to_string())
}

#[handler]
fn initiate(req: &Request, body: Json<Value>, fake: Data<&FakeKhalti>) -> Response {
    if !authorized(req) {
        return json_response(
            StatusCode::UNAUTHORIZED,
            json!({"detail": "Invalid token.", "status_code": 401}),
        );
    }
    let amount = body["amount"].as_i64().unwrap_or(0);
    if amount < 1000 {
        return json_response(
            StatusCode::BAD_REQUEST,
            json!({"amount": ["Amount should be greater than Rs. 10, that is 1000 paisa."], "error_key": "validation_error"}),
        );
    }
    let pidx = uuid::Uuid::new_v4().simple().to_string()[..22].to_string();
    let txn = Txn {
        amount,
        purchase_order_id: body["purchase_order_id"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        return_url: body["return_url"].as_str().unwrap_or_default().to_string(),
        status: "Initiated".into(),
        total_amount: amount,
    };
    fake.txns.lock().expect("lock").insert(pidx.clone(), txn);
    let npt = chrono::FixedOffset::east_opt(5 * 3600 + 45 * 60).expect("offset");
    let expires = (chrono::Utc::now() + chrono::Duration::minutes(30)).with_timezone(&npt);
    json_response(
        StatusCode::OK,
        json!({"pidx": pidx, "payment_url": format!("{}/pay/?pidx={pidx}", fake.base), "expires_at": expires.to_rfc3339(), "expires_in": 1800}),
    )
}

#[handler]
fn lookup(req: &Request, body: Json<Value>, fake: Data<&FakeKhalti>) -> Response {
    if !authorized(req) {
        return json_response(StatusCode::UNAUTHORIZED, json!({}));
    }
    let pidx = body["pidx"].as_str().unwrap_or_default();
    let t = fake.txns.lock().expect("lock");
    let Some(txn) = t.get(pidx) else {
        return json_response(
            StatusCode::NOT_FOUND,
            json!({"detail": "Not found.", "error_key": "validation_error"}),
        );
    };
    json_response(
        StatusCode::OK,
        json!({"pidx": pidx, "total_amount": txn.total_amount, "status": txn.status,
               "transaction_id": (txn.status == "Completed").then_some("GFq9PFS7b2iYvL8Lir9oXe"),
               "fee": 0, "refunded": false}),
    )
}

#[derive(Deserialize)]
struct PidxQuery {
    pidx: String,
}

#[handler]
fn pay_page(q: Query<PidxQuery>, fake: Data<&FakeKhalti>) -> Response {
    let t = fake.txns.lock().expect("lock");
    let Some(txn) = t.get(&q.pidx) else {
        return super::page("Khalti (sandbox)", "<p>No such payment.</p>");
    };
    let body = format!(
        "<p>Pay NPR {}.{:02}</p><form method=\"post\"><button name=\"choice\" value=\"pay\">Pay</button> \
         <button name=\"choice\" value=\"cancel\">Cancel</button></form>",
        txn.amount / 100,
        txn.amount % 100
    );
    super::page("Khalti (sandbox)", &body)
}

#[handler]
fn pay(q: Query<PidxQuery>, form: String, fake: Data<&FakeKhalti>) -> Response {
    let cancel = form.contains("choice=cancel");
    let mut t = fake.txns.lock().expect("lock");
    let Some(txn) = t.get_mut(&q.pidx) else {
        return super::page("Khalti (sandbox)", "<p>No such payment.</p>");
    };
    txn.status = if cancel {
        "User canceled".into()
    } else {
        "Completed".into()
    };
    let status = txn.status.replace(' ', "%20");
    let target = format!(
        "{}?pidx={}&status={status}&purchase_order_id={}",
        txn.return_url, q.pidx, txn.purchase_order_id
    );
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header("location", target)
        .finish()
}

pub async fn start() -> anyhow::Result<FakeKhalti> {
    let acceptor = TcpListener::bind("127.0.0.1:0").into_acceptor().await?;
    let port = acceptor.local_addr()[0]
        .as_socket_addr()
        .map(|a| a.port())
        .unwrap_or_default();
    let fake = FakeKhalti {
        base: format!("http://127.0.0.1:{port}/api/v2"),
        ..Default::default()
    };
    let app = Route::new()
        .at("/api/v2/epayment/initiate/", post(initiate))
        .at("/api/v2/epayment/lookup/", post(lookup))
        .at("/api/v2/pay/", poem::get(pay_page).post(pay))
        .data(fake.clone());
    tokio::spawn(poem::Server::new_with_acceptor(acceptor).run(app));
    Ok(fake)
}
