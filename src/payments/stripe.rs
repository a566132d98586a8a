//! Stripe through async-stripe: Checkout Sessions in payment mode, session retrieval for the
//! reconciler, refunds. Webhooks are verified here, on the raw body, before anything is parsed.

use anyhow::Context;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;
use stripe::Client;
use stripe::{IdempotencyKey, RequestStrategy, StripeRequest};
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionLineItems, CreateCheckoutSessionLineItemsPriceData,
    ProductData, RetrieveCheckoutSession,
};
use uuid::Uuid;

/// Signatures older than this are refused (replays of captured requests).
pub const TOLERANCE_SECONDS: i64 = 300;

#[derive(Clone)]
pub struct Stripe {
    client: Client,
}

pub struct Session {
    pub id: String,
    pub url: String,
    pub expires_at: DateTime<Utc>,
}

/// What a retrieved session says.
pub struct SessionState {
    pub complete: bool,
    pub paid: bool,
    pub expired: bool,
    pub amount_total: Option<i64>,
    pub currency: Option<String>,
    pub payment_intent: Option<String>,
}

pub struct Order<'a> {
    pub payment_id: Uuid,
    pub appointment_id: Uuid,
    pub hospital_id: Uuid,
    pub amount: i64,
    pub currency: &'a str,
    pub success_url: String,
    pub cancel_url: String,
    pub customer_email: &'a str,
}

fn idempotent(key: &str) -> anyhow::Result<RequestStrategy> {
    Ok(RequestStrategy::Idempotent(
        IdempotencyKey::new(key).map_err(|e| anyhow::anyhow!("{e:?}"))?,
    ))
}

impl Stripe {
    pub fn new(api_base: &str, secret: &SecretString) -> anyhow::Result<Self> {
        let client = stripe::ClientBuilder::new(secret.expose_secret())
            .url(api_base)
            .build()
            .map_err(|e| anyhow::anyhow!("Stripe client: {e}"))?;
        Ok(Self { client })
    }

    pub async fn create_session(&self, o: Order<'_>) -> anyhow::Result<Session> {
        let currency = o
            .currency
            .to_lowercase()
            .parse::<stripe_types::Currency>()
            .map_err(|_| anyhow::anyhow!("currency"))?;
        let mut price = CreateCheckoutSessionLineItemsPriceData::new(currency);
        price.unit_amount = Some(o.amount);
        price.product_data = Some(ProductData::new("Consultation"));
        let mut item = CreateCheckoutSessionLineItems::new();
        item.price_data = Some(price);
        item.quantity = Some(1);
        let metadata = [
            ("payment_id".to_string(), o.payment_id.to_string()),
            ("appointment_id".to_string(), o.appointment_id.to_string()),
            ("hospital_id".to_string(), o.hospital_id.to_string()),
        ]
        .into_iter()
        .collect::<std::collections::HashMap<_, _>>();
        let expires = Utc::now() + chrono::Duration::minutes(30);
        let session = CreateCheckoutSession::new()
            .mode(stripe_shared::CheckoutSessionMode::Payment)
            .line_items(vec![item])
            .client_reference_id(o.payment_id.to_string())
            .metadata(metadata)
            .customer_email(o.customer_email)
            .success_url(o.success_url)
            .cancel_url(o.cancel_url)
            .expires_at(expires.timestamp())
            .customize()
            .request_strategy(idempotent(&format!("checkout-{}", o.payment_id))?)
            .send(&self.client)
            .await
            .context("Stripe: create Checkout Session")?;
        Ok(Session {
            id: session.id.to_string(),
            url: session
                .url
                .context("Stripe answered a session without url")?,
            expires_at: DateTime::from_timestamp(session.expires_at, 0).unwrap_or(expires),
        })
    }

    pub async fn retrieve(&self, id: &str) -> anyhow::Result<SessionState> {
        let s = RetrieveCheckoutSession::new(id)
            .send(&self.client)
            .await
            .context("Stripe: retrieve session")?;
        let status = s.status.map(|x| x.as_str().to_string()).unwrap_or_default();
        Ok(SessionState {
            complete: status == "complete",
            expired: status == "expired",
            paid: s.payment_status.as_str() == "paid",
            amount_total: s.amount_total,
            currency: s.currency.map(|c| c.to_string().to_uppercase()),
            payment_intent: s.payment_intent.map(|p| p.id().to_string()),
        })
    }

    /// Refunds a PaymentIntent in full; the idempotency key makes a retried call safe.
    pub async fn refund(&self, payment_intent: &str, payment_id: Uuid) -> anyhow::Result<()> {
        stripe_core::refund::CreateRefund::new()
            .payment_intent(payment_intent)
            .customize()
            .request_strategy(idempotent(&format!("refund-{payment_id}"))?)
            .send(&self.client)
            .await
            .context("Stripe: create refund")?;
        Ok(())
    }
}

/// Verifies a `Stripe-Signature` header (`t=…,v1=…[,v1=…]`) over the raw body: HMAC-SHA256 of
/// `t.body` with the endpoint secret, any `v1` may match, compared in constant time, and `t`
/// within the tolerance of `now`.
pub fn verify_signature(
    header: &str,
    body: &[u8],
    secret: &str,
    now: i64,
) -> Result<(), &'static str> {
    let mut t = None;
    let mut sigs = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = v.parse::<i64>().ok(),
            Some(("v1", v)) => sigs.extend(hex::decode(v).ok()),
            _ => {}
        }
    }
    let t = t.ok_or("the signature has no timestamp")?;
    if (now - t).abs() > TOLERANCE_SECONDS {
        return Err("the signature's timestamp is outside the tolerance");
    }
    for sig in sigs {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(secret.as_bytes()).map_err(|_| "bad secret")?;
        mac.update(t.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        if mac.verify_slice(&sig).is_ok() {
            return Ok(());
        }
    }
    Err("no signature matches")
}

/// Signs like Stripe does (for tests and local tools).
pub fn sign(body: &[u8], secret: &str, t: i64) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_checked_on_the_raw_body_with_a_time_tolerance() {
        let body = br#"{"id":"evt_1"}"#;
        let now = 1_800_000_000;
        let header = sign(body, "whsec_test", now);
        assert_eq!(
            verify_signature(&header, body, "whsec_test", now + 10),
            Ok(())
        );
        // Any v1 may match (secret rotation sends two).
        let two = format!(
            "t={now},v1={},{}",
            "00".repeat(32),
            header.split(',').nth(1).unwrap()
        );
        assert_eq!(verify_signature(&two, body, "whsec_test", now), Ok(()));
        assert!(verify_signature(&header, br#"{"id":"evt_2"}"#, "whsec_test", now).is_err());
        assert!(verify_signature(&header, body, "whsec_other", now).is_err());
        assert!(verify_signature(&header, body, "whsec_test", now + 301).is_err());
        assert!(verify_signature("v1=abcd", body, "whsec_test", now).is_err());
    }
}
