//! Twilio Programmable Messaging (`POST /2010-04-01/Accounts/{sid}/Messages.json`, form-encoded,
//! HTTP basic auth) and Sparrow SMS v2 (`POST /v2/sms/` with a token in the form) on one
//! server, and a page listing the texts sent, the phone a person can look at in the demo.

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
};

use base64::Engine;
use poem::{
    EndpointExt, Request, Response, Route, get, handler,
    http::StatusCode,
    listener::{Acceptor, Listener, TcpListener},
    post,
    web::{Data, Form, Path},
};
use serde_json::{Value, json};

use crate::notifications::sms::segments;

/// The Twilio account the fake accepts.
pub const TWILIO_ACCOUNT_SID: &str = "AC4f1d9c2b7e8a3065d1c9b8a7f6e5d4c3";
/// The auth token of [`TWILIO_ACCOUNT_SID`].
pub const TWILIO_AUTH_TOKEN: &str = "test-twilio-auth-token";
/// The Sparrow SMS token the fake accepts.
pub const SPARROW_TOKEN: &str = "test-sparrow-token";

/// A text the fake accepted.
#[derive(Clone, Debug)]
pub struct Sent {
    /// "twilio" or "sparrow".
    pub provider: &'static str,
    /// As the provider got it: E.164 for Twilio, 10 digits for Sparrow.
    pub to: String,
    /// The sender as given.
    pub from: String,
    /// The text.
    pub body: String,
}

/// Both providers' fake, with what it was sent.
#[derive(Clone, Default)]
pub struct FakeSms {
    /// Accepted texts, oldest first.
    pub sent: Arc<Mutex<Vec<Sent>>>,
    /// What to configure as SMS_BASE_URL.
    pub base: String,
    failures: Arc<AtomicUsize>,
}

impl FakeSms {
    /// The next `n` requests (either provider) answer 503 (each provider's error body).
    pub fn fail_next(&self, n: usize) {
        self.failures.store(n, Ordering::SeqCst);
    }

    /// The texts sent to `to` (as the provider got it: E.164 for Twilio, 10 digits for
    /// Sparrow), oldest first.
    pub fn to(&self, to: &str) -> Vec<Sent> {
        let sent = self.sent.lock().expect("lock");
        sent.iter().filter(|s| s.to == to).cloned().collect()
    }

    /// Whether this request is one of the injected failures (and counts it).
    fn failing(&self) -> bool {
        self.failures
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
    }

    fn record(&self, provider: &'static str, to: &str, from: &str, body: &str) {
        self.sent.lock().expect("lock").push(Sent {
            provider,
            to: to.to_string(),
            from: from.to_string(),
            body: body.to_string(),
        });
    }
}

fn json_response(status: StatusCode, v: Value) -> Response {
    Response::builder()
        .status(status)
        .content_type("application/json")
        .body(v.to_string())
}

fn twilio_error(status: StatusCode, code: u32, message: &str) -> Response {
    json_response(
        status,
        json!({"code": code, "message": message,
               "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
               "status": status.as_u16()}),
    )
}

/// Whether the basic credentials are the fake's account, and the account of the path.
fn twilio_authorized(req: &Request, sid: &str) -> bool {
    let expected = base64::engine::general_purpose::STANDARD
        .encode(format!("{TWILIO_ACCOUNT_SID}:{TWILIO_AUTH_TOKEN}"));
    sid == TWILIO_ACCOUNT_SID
        && req
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            == Some(&format!("Basic {expected}"))
}

/// `+` then 8 to 15 digits, the first not 0.
fn is_e164(n: &str) -> bool {
    n.strip_prefix('+').is_some_and(|d| {
        (8..=15).contains(&d.len()) && !d.starts_with('0') && d.bytes().all(|b| b.is_ascii_digit())
    })
}

/// `To`, `From` and `Body` of a valid request, or Twilio's error code and message (a 400).
fn twilio_fields(f: &HashMap<String, String>) -> Result<(&str, &str, &str), (u32, String)> {
    let to = f.get("To").map(String::as_str).unwrap_or_default();
    if !is_e164(to) {
        return Err((
            21211,
            format!("The 'To' number {to} is not a valid phone number."),
        ));
    }
    let Some(from) = f.get("From").filter(|v| !v.is_empty()) else {
        return Err((21603, "A 'From' phone number is required.".into()));
    };
    let Some(body) = f.get("Body").filter(|v| !v.is_empty()) else {
        return Err((21602, "Message body is required.".into()));
    };
    Ok((to, from, body))
}

#[handler]
fn twilio_send(
    req: &Request,
    Path(sid): Path<String>,
    Form(f): Form<HashMap<String, String>>,
    fake: Data<&FakeSms>,
) -> Response {
    if fake.failing() {
        let message = "Service Unavailable";
        return twilio_error(StatusCode::SERVICE_UNAVAILABLE, 20503, message);
    }
    if !twilio_authorized(req, &sid) {
        return twilio_error(StatusCode::UNAUTHORIZED, 20003, "Authenticate");
    }
    let (to, from, body) = match twilio_fields(&f) {
        Ok(fields) => fields,
        Err((code, message)) => {
            return twilio_error(StatusCode::BAD_REQUEST, code, &message);
        }
    };
    fake.record("twilio", to, from, body);
    let msid = format!("SM{}", uuid::Uuid::new_v4().simple());
    let now = chrono::Utc::now()
        .format("%a, %d %b %Y %H:%M:%S %z")
        .to_string();
    let uri = format!("/2010-04-01/Accounts/{sid}/Messages/{msid}");
    json_response(
        StatusCode::CREATED,
        json!({
            "account_sid": sid, "api_version": "2010-04-01", "body": body,
            "date_created": now, "date_sent": null, "date_updated": now,
            "direction": "outbound-api", "error_code": null, "error_message": null,
            "from": from, "messaging_service_sid": null, "num_media": "0",
            "num_segments": segments(body).count.to_string(), "price": null, "price_unit": "USD",
            "sid": msid, "status": "queued", "to": to, "uri": format!("{uri}.json"),
            "subresource_uris": {"media": format!("{uri}/Media.json")},
        }),
    )
}

fn sparrow_answer(status: StatusCode, code: u16, response: &str) -> Response {
    json_response(status, json!({"response_code": code, "response": response}))
}

/// Sparrow's receivers: 10 digits starting with 9, comma-separated.
fn sparrow_receivers(to: &str) -> Option<Vec<&str>> {
    to.split(',')
        .map(str::trim)
        .map(|n| {
            (n.len() == 10 && n.starts_with('9') && n.bytes().all(|b| b.is_ascii_digit()))
                .then_some(n)
        })
        .collect()
}

/// Form fields for POST, query parameters for GET, as the real API takes either.
#[handler]
fn sparrow_send(Form(f): Form<HashMap<String, String>>, fake: Data<&FakeSms>) -> Response {
    let forbidden = StatusCode::FORBIDDEN;
    if fake.failing() {
        let unavailable = StatusCode::SERVICE_UNAVAILABLE;
        return sparrow_answer(unavailable, 503, "Service Unavailable");
    }
    if f.get("token").map(String::as_str) != Some(SPARROW_TOKEN) {
        return sparrow_answer(forbidden, 1002, "Invalid Token");
    }
    let (Some(from), Some(to), Some(text)) = (f.get("from"), f.get("to"), f.get("text")) else {
        return sparrow_answer(forbidden, 1000, "Required Field Missing");
    };
    let Some(receivers) = sparrow_receivers(to) else {
        return sparrow_answer(forbidden, 1007, "Invalid Receiver");
    };
    if text.is_empty() {
        return sparrow_answer(forbidden, 1010, "Text cannot be empty");
    }
    for n in &receivers {
        fake.record("sparrow", n, from, text);
    }
    let count = receivers.len();
    json_response(
        StatusCode::OK,
        json!({"count": count, "response_code": 200,
               "response": format!("{count} mesages has been queued for delivery")}),
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[handler]
fn inbox(fake: Data<&FakeSms>) -> Response {
    let sent = fake.sent.lock().expect("lock");
    if sent.is_empty() {
        return super::page("SMS (sandbox)", "<p>No texts sent yet.</p>");
    }
    let items: String = sent
        .iter()
        .rev()
        .map(|s| {
            format!(
                "<li style=\"margin-bottom:1rem\"><b>To {}</b> from {} via {}\
                 <div style=\"white-space:pre-wrap\">{}</div></li>",
                escape(&s.to),
                escape(&s.from),
                s.provider,
                escape(&s.body)
            )
        })
        .collect();
    let body = format!("<p>Texts sent, newest first.</p><ul>{items}</ul>");
    super::page("SMS (sandbox)", &body)
}

/// Starts the fake on a free loopback port.
pub async fn start() -> anyhow::Result<FakeSms> {
    let acceptor = TcpListener::bind("127.0.0.1:0").into_acceptor().await?;
    let port = acceptor.local_addr()[0]
        .as_socket_addr()
        .map(|a| a.port())
        .unwrap_or_default();
    let fake = FakeSms {
        base: format!("http://127.0.0.1:{port}"),
        ..Default::default()
    };
    let app = Route::new()
        .at("/", get(inbox))
        .at("/2010-04-01/Accounts/:sid/Messages.json", post(twilio_send))
        .at("/v2/sms/", get(sparrow_send).post(sparrow_send))
        .data(fake.clone());
    tokio::spawn(poem::Server::new_with_acceptor(acceptor).run(app));
    Ok(fake)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_well_formed() {
        let hex = TWILIO_ACCOUNT_SID.strip_prefix("AC").expect("AC");
        assert_eq!(hex.len(), 32);
        assert!(hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
        assert!(is_e164("+9779841234567") && is_e164("+14155550100"));
        assert!(!is_e164("+0123456789") && !is_e164("+1234567") && !is_e164("9841234567"));
    }

    #[tokio::test]
    async fn answers_like_twilio() {
        let fake = start().await.expect("fake");
        let http = reqwest::Client::new();
        let url = format!(
            "{}/2010-04-01/Accounts/{TWILIO_ACCOUNT_SID}/Messages.json",
            fake.base
        );
        let r = http
            .post(&url)
            .basic_auth(TWILIO_ACCOUNT_SID, Some(TWILIO_AUTH_TOKEN))
            .form(&[
                ("To", "+9779841234567"),
                ("From", "+15005550006"),
                ("Body", "<b>hi</b> & bye"),
            ])
            .send()
            .await
            .expect("twilio");
        assert_eq!(r.status().as_u16(), 201);
        let m: Value = r.json().await.expect("json");
        assert_eq!(m["status"], "queued");
        assert_eq!(m["num_segments"], "1");
        assert!(
            m["sid"]
                .as_str()
                .is_some_and(|s| s.len() == 34 && s.starts_with("SM"))
        );
        assert!(
            chrono::DateTime::parse_from_rfc2822(m["date_created"].as_str().expect("date")).is_ok()
        );

        let r = http
            .post(&url)
            .basic_auth(TWILIO_ACCOUNT_SID, Some(TWILIO_AUTH_TOKEN))
            .form(&[("To", "+9779841234567"), ("From", "+15005550006")])
            .send()
            .await
            .expect("twilio");
        assert_eq!(r.status().as_u16(), 400);
        assert_eq!(r.json::<Value>().await.expect("json")["code"], 21602);
        let page = http.get(&fake.base).send().await.expect("page");
        let page = page.text().await.expect("text");
        assert!(page.contains("&lt;b&gt;hi&lt;/b&gt; &amp; bye"), "escaped");
        assert_eq!(fake.sent.lock().expect("lock").len(), 1);
    }

    #[tokio::test]
    async fn answers_like_sparrow() {
        let fake = start().await.expect("fake");
        let http = reqwest::Client::new();
        fake.record("twilio", "+9779841234567", "+15005550006", "first");
        let q = format!(
            "{}/v2/sms/?token={SPARROW_TOKEN}&from=CB&to=9841234567,9801234567&text=x",
            fake.base
        );
        let a: Value = http
            .get(&q)
            .send()
            .await
            .expect("sparrow")
            .json()
            .await
            .expect("json");
        assert_eq!(
            a,
            json!({"count": 2, "response_code": 200, "response": "2 mesages has been queued for delivery"})
        );
        let r = http
            .post(format!("{}/v2/sms/", fake.base))
            .form(&[
                ("token", SPARROW_TOKEN),
                ("from", "CB"),
                ("to", "14155550"),
                ("text", "x"),
            ])
            .send()
            .await
            .expect("sparrow");
        assert_eq!(r.status().as_u16(), 403);
        assert_eq!(
            r.json::<Value>().await.expect("json")["response_code"],
            1007
        );

        let page = http
            .get(&fake.base)
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("text");
        assert!(
            page.find("9801234567") < page.find("+9779841234567"),
            "newest first"
        );
        assert_eq!(fake.sent.lock().expect("lock").len(), 3);
    }
}
