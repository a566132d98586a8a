//! Khalti ePayment v2 over HTTP: initiate, then a server-side lookup by pidx.
//! Amounts are paisa. The base URL is configuration (the sandbox is https://dev.khalti.com/api/v2).

use anyhow::{Context, bail};
use chrono::DateTime;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::json;

/// Khalti refuses less than Rs 10.
pub const MIN_AMOUNT_PAISA: i64 = 1000;

#[derive(Clone)]
pub struct Khalti {
    http: reqwest::Client,
    base: String,
    secret: SecretString,
}

#[derive(Debug, Deserialize)]
pub struct Initiated {
    pub pidx: String,
    pub payment_url: String,
    pub expires_at: DateTime<chrono::FixedOffset>,
}

/// What a lookup tells; unknown fields are ignored so newer responses still parse.
#[derive(Debug, Deserialize)]
pub struct Lookup {
    pub pidx: String,
    pub total_amount: i64,
    pub status: String,
}

pub struct Order<'a> {
    pub amount: i64,
    pub purchase_order_id: String,
    pub purchase_order_name: &'a str,
    pub return_url: String,
    pub website_url: &'a str,
    pub customer_name: &'a str,
    pub customer_email: &'a str,
}

impl Khalti {
    pub fn new(base: &str, secret: SecretString) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(15))
            .build()?;
        Ok(Self {
            http,
            base: base.trim_end_matches('/').to_string(),
            secret,
        })
    }

    fn auth(&self) -> String {
        format!("Key {}", self.secret.expose_secret())
    }

    pub async fn initiate(&self, o: Order<'_>) -> anyhow::Result<Initiated> {
        let r = self
            .http
            .post(format!("{}/epayment/initiate/", self.base))
            .header("Authorization", self.auth())
            .json(&json!({
                "return_url": o.return_url,
                "website_url": o.website_url,
                "amount": o.amount,
                "purchase_order_id": o.purchase_order_id,
                "purchase_order_name": o.purchase_order_name,
                "customer_info": {"name": o.customer_name, "email": o.customer_email},
            }))
            .send()
            .await
            .context("Khalti initiate")?;
        let status = r.status();
        let body = r.text().await?;
        if !status.is_success() {
            bail!("Khalti initiate answered {status}: {body}");
        }
        serde_json::from_str(&body).context("Khalti initiate response")
    }

    pub async fn lookup(&self, pidx: &str) -> anyhow::Result<Lookup> {
        let r = self
            .http
            .post(format!("{}/epayment/lookup/", self.base))
            .header("Authorization", self.auth())
            .json(&json!({ "pidx": pidx }))
            .send()
            .await
            .context("Khalti lookup")?;
        let status = r.status();
        let body = r.text().await?;
        if !status.is_success() {
            bail!("Khalti lookup answered {status}: {body}");
        }
        let l: Lookup = serde_json::from_str(&body).context("Khalti lookup response")?;
        if l.pidx != pidx {
            bail!("Khalti lookup answered for another pidx");
        }
        Ok(l)
    }
}

/// Maps a lookup status to an outcome; None while the payment is still open.
pub fn outcome(status: &str) -> Option<&'static str> {
    match status {
        "Completed" => Some("succeeded"),
        "Expired" => Some("expired"),
        "User canceled" => Some("failed"),
        _ => None, // Initiated, Pending, Refunded, Partially Refunded: nothing to apply here
    }
}
