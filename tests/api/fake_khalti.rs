//! A local Khalti ePayment v2 server that follows the documented contract: `Authorization: Key`,
//! amounts in paisa (at least 1000), initiate answers pidx/payment_url/expires_at, lookup answers
//! pidx/total_amount/status. Tests set what a lookup will say.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use poem::{
    EndpointExt, Route, handler,
    http::StatusCode,
    listener::{Acceptor, Listener, TcpListener},
    post,
    web::{Data, Json},
};
use serde_json::{Value, json};

pub const SECRET: &str = "test-secret-key";

#[derive(Clone, Debug)]
pub struct Txn {
    pub amount: i64,
    pub purchase_order_id: String,
    pub status: String,
    pub total_amount: i64,
}

#[derive(Clone, Default)]
pub struct FakeKhalti {
    pub txns: Arc<Mutex<HashMap<String, Txn>>>,
    pub base: String,
}

impl FakeKhalti {
    /// What the next lookups of `pidx` answer.
    pub fn settle(&self, pidx: &str, status: &str, total_amount: Option<i64>) {
        let mut t = self.txns.lock().unwrap();
        let txn = t.get_mut(pidx).expect("known pidx");
        txn.status = status.to_string();
        txn.total_amount = total_amount.unwrap_or(txn.amount);
    }
    pub fn pidx_of(&self, order_id: &str) -> String {
        let t = self.txns.lock().unwrap();
        t.iter()
            .find(|(_, v)| v.purchase_order_id == order_id)
            .map(|(k, _)| k.clone())
            .expect("initiated")
    }
}

fn authorized(req: &poem::Request) -> bool {
    req.headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        == Some(&format!("Key {SECRET}"))
}

#[handler]
fn initiate(req: &poem::Request, body: Json<Value>, fake: Data<&FakeKhalti>) -> poem::Response {
    if !authorized(req) {
        return poem::Response::builder()
            .status(StatusCode::UNAUTHORIZED)
            .body(r#"{"detail":"Invalid token.","status_code":401}"#);
    }
    let amount = body["amount"].as_i64().unwrap_or(0);
    if amount < 1000 {
        return poem::Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .body(r#"{"amount":["Amount should be greater than Rs. 10, that is 1000 paisa."],"error_key":"validation_error"}"#);
    }
    let pidx = uuid::Uuid::new_v4().simple().to_string()[..22].to_string();
    fake.txns.lock().unwrap().insert(
        pidx.clone(),
        Txn {
            amount,
            purchase_order_id: body["purchase_order_id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            status: "Initiated".into(),
            total_amount: amount,
        },
    );
    let expires = (chrono::Utc::now() + chrono::Duration::minutes(30))
        .with_timezone(&chrono::FixedOffset::east_opt(5 * 3600 + 45 * 60).unwrap());
    let out = json!({"pidx": pidx, "payment_url": format!("{}/pay/?pidx={pidx}", fake.base), "expires_at": expires.to_rfc3339(), "expires_in": 1800});
    poem::Response::builder()
        .content_type("application/json")
        .body(out.to_string())
}

#[handler]
fn lookup(req: &poem::Request, body: Json<Value>, fake: Data<&FakeKhalti>) -> poem::Response {
    if !authorized(req) {
        return poem::Response::builder()
            .status(StatusCode::UNAUTHORIZED)
            .body("{}");
    }
    let pidx = body["pidx"].as_str().unwrap_or_default();
    let t = fake.txns.lock().unwrap();
    let Some(txn) = t.get(pidx) else {
        return poem::Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(r#"{"detail":"Not found.","error_key":"validation_error"}"#);
    };
    let out = json!({"pidx": pidx, "total_amount": txn.total_amount, "status": txn.status,
                     "transaction_id": if txn.status == "Completed" { Some("GFq9PFS7b2iYvL8Lir9oXe") } else { None },
                     "fee": 0, "refunded": false, "extra_field_from_a_newer_api": 1});
    poem::Response::builder()
        .content_type("application/json")
        .body(out.to_string())
}

pub async fn start() -> FakeKhalti {
    let acceptor = TcpListener::bind("127.0.0.1:0")
        .into_acceptor()
        .await
        .unwrap();
    let port = acceptor.local_addr()[0].as_socket_addr().unwrap().port();
    let fake = FakeKhalti {
        base: format!("http://127.0.0.1:{port}/api/v2"),
        ..Default::default()
    };
    let app = Route::new()
        .at("/api/v2/epayment/initiate/", post(initiate))
        .at("/api/v2/epayment/lookup/", post(lookup))
        .data(fake.clone());
    tokio::spawn(poem::Server::new_with_acceptor(acceptor).run(app));
    fake
}
