//! Paying for appointments. Never trust a redirect: a payment succeeds only after the server's
//! own lookup (Khalti) says so, with the amount and currency we asked for, applied exactly once.

pub mod api;
pub mod khalti;
mod service;
mod store;
pub mod stripe;
pub mod types;

pub use store::SELECT;
pub use types::Payment;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    audit::{AuditEntry, AuditRow},
    db::{RequestMeta, stmt},
    notifications::{AppointmentRef, Event, enqueue},
};

#[derive(FromQueryResult)]
struct PaymentRef {
    hospital_id: Uuid,
    id: Uuid,
    status: String,
}

#[derive(FromQueryResult)]
struct AppointmentTimes {
    start_at: DateTime<Utc>,
}

/// Applies a provider outcome in one transaction under the payment's hospital, with its audit
/// row and, on success, the confirmation notice. Answers the payment's status afterwards.
/// A provider's verified word on a payment.
pub struct Verdict<'a> {
    pub provider: &'a str,
    /// Unique per provider event: a webhook id, or a lookup's pidx and status.
    pub event_id: &'a str,
    /// `succeeded`, `expired` or `failed`.
    pub outcome: &'a str,
    /// What the provider says was paid.
    pub amount: i64,
    pub currency: &'a str,
    /// The provider's id of the money movement (a Stripe PaymentIntent), kept for refunds.
    pub payment_ref: Option<&'a str>,
}

pub async fn apply(
    db: &DatabaseConnection,
    hospital: Uuid,
    payment: Uuid,
    v: Verdict<'_>,
) -> anyhow::Result<String> {
    let Verdict {
        provider,
        event_id,
        outcome,
        amount,
        currency,
        payment_ref,
    } = v;
    let txn = crate::db::system_tx(db, hospital).await?;
    let result: String = txn
        .query_one_raw(stmt(
            "select payment_apply($1, $2, $3, $4, $5, $6, $7, $8) as r",
            [
                Value::from(hospital),
                payment.into(),
                provider.into(),
                event_id.into(),
                outcome.into(),
                amount.into(),
                currency.into(),
                payment_ref.map(str::to_string).into(),
            ],
        ))
        .await?
        .map(|r| r.try_get::<String>("", "r"))
        .transpose()?
        .unwrap_or_default();
    if !["duplicate", "ignored"].contains(&result.as_str()) {
        let action = if result == "succeeded" {
            "payment.succeeded"
        } else {
            "payment.ended"
        };
        let mut entry = AuditEntry::new(action, "payment", payment);
        entry.purpose = Some(format!("{provider}: {outcome}"));
        if result != "succeeded" {
            entry.outcome = "failure";
        }
        AuditRow::by(hospital, None, "system", &RequestMeta::default(), entry)
            .insert(&txn)
            .await
            .map_err(anyhow::Error::new)?;
    }
    if result == "succeeded" {
        notify_patient(&txn, hospital, payment, Event::Confirmed).await?;
    }
    txn.commit().await?;
    Ok(result)
}

/// The payment a provider reference names, in any hospital (provider callbacks have no session).
async fn find_by_ref(
    db: &DatabaseConnection,
    provider: &str,
    reference: &str,
) -> anyhow::Result<Option<PaymentRef>> {
    Ok(PaymentRef::find_by_statement(stmt(
        "select * from payment_by_ref($1, $2)",
        [provider.into(), reference.into()],
    ))
    .one(db)
    .await?)
}

/// Applies a provider's verdict and answers the payment's status afterwards (also when the
/// verdict changed nothing because it was seen before).
async fn settle(
    db: &DatabaseConnection,
    p: &PaymentRef,
    provider: &str,
    reference: &str,
    verdict: Verdict<'_>,
) -> anyhow::Result<Option<(Uuid, String)>> {
    let result = apply(db, p.hospital_id, p.id, verdict).await?;
    if !["duplicate", "ignored"].contains(&result.as_str()) {
        return Ok(Some((p.id, result)));
    }
    let now = find_by_ref(db, provider, reference).await?;
    Ok(Some((
        p.id,
        now.map_or_else(|| p.status.clone(), |x| x.status),
    )))
}

/// Looks a Khalti payment up and applies what the lookup says. Answers the payment's status.
pub async fn check_khalti(
    db: &DatabaseConnection,
    khalti: &khalti::Khalti,
    pidx: &str,
) -> anyhow::Result<Option<(Uuid, String)>> {
    let Some(p) = find_by_ref(db, "khalti", pidx).await? else {
        return Ok(None);
    };
    if p.status != "pending" {
        return Ok(Some((p.id, p.status)));
    }
    let l = khalti.lookup(pidx).await?;
    let Some(outcome) = khalti::outcome(&l.status) else {
        return Ok(Some((p.id, p.status)));
    };
    let event = format!("lookup:{pidx}:{}", l.status);
    // Khalti settles in NPR only; the amount is what its lookup says was paid.
    let verdict = Verdict {
        provider: "khalti",
        event_id: &event,
        outcome,
        amount: l.total_amount,
        currency: "NPR",
        payment_ref: None,
    };
    settle(db, &p, "khalti", pidx, verdict).await
}

/// Retrieves a Stripe Checkout Session and applies what it says.
pub async fn check_stripe(
    db: &DatabaseConnection,
    stripe: &stripe::Stripe,
    session_id: &str,
) -> anyhow::Result<Option<(Uuid, String)>> {
    let Some(p) = find_by_ref(db, "stripe", session_id).await? else {
        return Ok(None);
    };
    if p.status != "pending" {
        return Ok(Some((p.id, p.status)));
    }
    let s = stripe.retrieve(session_id).await?;
    let outcome = if s.complete && s.paid {
        "succeeded"
    } else if s.expired {
        "expired"
    } else {
        return Ok(Some((p.id, p.status)));
    };
    let event = format!("retrieve:{session_id}:{outcome}");
    let currency = s.currency.unwrap_or_default();
    let verdict = Verdict {
        provider: "stripe",
        event_id: &event,
        outcome,
        amount: s.amount_total.unwrap_or(0),
        currency: &currency,
        payment_ref: s.payment_intent.as_deref(),
    };
    settle(db, &p, "stripe", session_id, verdict).await
}

/// The reconciler: re-checks pending payments whose redirect or webhook may have been lost,
/// sends Stripe refunds that are owed, and releases slots whose payment window ended.
pub async fn reconcile(
    db: &DatabaseConnection,
    khalti: Option<&khalti::Khalti>,
    stripe: Option<&stripe::Stripe>,
) -> anyhow::Result<usize> {
    let mut n = 0;
    let due = db
        .query_all_raw(stmt(
            "select provider, provider_ref from payments_to_reconcile($1, $2)",
            [Value::from(30), Value::from(50)],
        ))
        .await?;
    for row in due {
        let provider: String = row.try_get("", "provider")?;
        let reference: String = row.try_get("", "provider_ref")?;
        let checked = match (provider.as_str(), khalti, stripe) {
            ("khalti", Some(k), _) => check_khalti(db, k, &reference).await,
            ("stripe", _, Some(s)) => check_stripe(db, s, &reference).await,
            _ => continue,
        };
        match checked {
            Ok(_) => n += 1,
            Err(e) => tracing::warn!(error = %e, provider, "payment check failed; will retry"),
        }
    }
    if let Some(s) = stripe {
        let owed = db
            .query_all_raw(stmt(
                "select * from payments_to_refund($1)",
                [Value::from(20)],
            ))
            .await?;
        for row in owed {
            let (hospital, id): (Uuid, Uuid) =
                (row.try_get("", "hospital_id")?, row.try_get("", "id")?);
            let intent: String = row.try_get("", "provider_payment_ref")?;
            match s.refund(&intent, id).await {
                Ok(()) => {
                    refunded(db, hospital, id).await?;
                    n += 1;
                }
                Err(e) => {
                    tracing::warn!(error = %e, payment_id = %id, "Stripe refund failed; will retry")
                }
            }
        }
    }
    db.execute_unprepared("select appointment_release_expired_holds()")
        .await?;
    Ok(n)
}

/// Records a provider-confirmed refund, with its audit row and the patient's notice.
async fn refunded(db: &DatabaseConnection, hospital: Uuid, payment: Uuid) -> anyhow::Result<()> {
    let txn = crate::db::system_tx(db, hospital).await?;
    let done = txn
        .query_one_raw(stmt(
            "select payment_refund_done($1, $2) as ok",
            [Value::from(hospital), payment.into()],
        ))
        .await?
        .map(|r| r.try_get::<bool>("", "ok"))
        .transpose()?
        .unwrap_or(false);
    if done {
        AuditRow::by(
            hospital,
            None,
            "system",
            &RequestMeta::default(),
            AuditEntry::new("payment.refunded", "payment", payment),
        )
        .insert(&txn)
        .await
        .map_err(anyhow::Error::new)?;
        notify_patient(&txn, hospital, payment, Event::Refunded).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Applies a verified Stripe event. Only sessions we created, whose amount and currency match,
/// change anything; every event id changes state at most once.
pub async fn stripe_event(
    db: &DatabaseConnection,
    event: &serde_json::Value,
) -> anyhow::Result<()> {
    let (Some(event_id), Some(kind)) = (event["id"].as_str(), event["type"].as_str()) else {
        return Ok(());
    };
    let outcome = match kind {
        "checkout.session.completed" | "checkout.session.async_payment_succeeded" => {
            if event["data"]["object"]["payment_status"].as_str() != Some("paid") {
                return Ok(()); // an async payment method: wait for its own event
            }
            "succeeded"
        }
        "checkout.session.expired" => "expired",
        "checkout.session.async_payment_failed" => "failed",
        _ => return Ok(()),
    };
    let object = &event["data"]["object"];
    let Some(session_id) = object["id"].as_str() else {
        return Ok(());
    };
    let Some(p) = find_by_ref(db, "stripe", session_id).await? else {
        return Ok(()); // not a session of ours
    };
    if object["client_reference_id"].as_str() != Some(p.id.to_string().as_str()) {
        tracing::warn!(payment_id = %p.id, "Stripe event names another client reference; ignored");
        return Ok(());
    }
    let currency = object["currency"]
        .as_str()
        .unwrap_or_default()
        .to_uppercase();
    let verdict = Verdict {
        provider: "stripe",
        event_id,
        outcome,
        amount: object["amount_total"].as_i64().unwrap_or(0),
        currency: &currency,
        payment_ref: object["payment_intent"].as_str(),
    };
    apply(db, p.hospital_id, p.id, verdict).await?;
    Ok(())
}

/// Tells the patient (and whoever else the event concerns) about their payment's appointment,
/// in the transaction of the change; the context is the payment's hospital as 'system'.
async fn notify_patient(
    txn: &sea_orm::DatabaseTransaction,
    hospital: Uuid,
    payment: Uuid,
    event: Event,
) -> anyhow::Result<()> {
    let appointment = txn
        .query_one_raw(stmt(
            "select appointment_id from payment_by_id($1, $2)",
            [Value::from(hospital), payment.into()],
        ))
        .await?
        .map(|r| r.try_get::<Uuid>("", "appointment_id"))
        .transpose()?;
    let Some(appointment_id) = appointment else {
        return Ok(());
    };
    let Some(t) = AppointmentTimes::find_by_statement(stmt(
        "select start_at from appointment_start($1, $2)",
        [Value::from(hospital), appointment_id.into()],
    ))
    .one(txn)
    .await?
    else {
        return Ok(());
    };
    let r = AppointmentRef {
        id: appointment_id,
        start_at: t.start_at,
        proposed_start_at: None,
    };
    enqueue(txn, hospital, &r, event, None)
        .await
        .map_err(anyhow::Error::new)
}
