//! Paying for appointments. Never trust a redirect: a payment succeeds only after the server's
//! own lookup (Khalti) says so, with the amount and currency we asked for, applied exactly once.

pub mod api;
pub mod khalti;

use chrono::{DateTime, Utc};
use poem_openapi::Object;
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, TransactionTrait, Value};
use uuid::Uuid;

use crate::{
    audit::{AuditEntry, AuditRow},
    db::{RequestMeta, stmt},
    notifications::{AppointmentRef, Event, enqueue},
};

/// A payment as its appointment's patient, doctor and admins see it.
#[derive(Object, FromQueryResult, Debug)]
pub struct Payment {
    pub payment_id: Uuid,
    pub appointment_id: Uuid,
    /// `khalti` or `stripe`.
    pub provider: String,
    /// `pending`, `succeeded`, `failed`, `expired` or `refunded`.
    pub status: String,
    /// Minor units.
    pub amount: i64,
    pub currency: String,
    /// Where to send the patient to pay (while pending).
    pub redirect_url: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
}

pub const SELECT: &str =
    "select id as payment_id, appointment_id, provider, status, amount, currency,
    redirect_url, expires_at from payment";

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
    } = v;
    let txn = db.begin().await?;
    txn.execute_raw(stmt(
        "select set_config('app.hospital_id', $1, true), set_config('app.role', 'system', true)",
        [Value::from(hospital.to_string())],
    ))
    .await?;
    let result: String = txn
        .query_one_raw(stmt(
            "select payment_apply($1, $2, $3, $4, $5, $6, $7) as r",
            [
                Value::from(hospital),
                payment.into(),
                provider.into(),
                event_id.into(),
                outcome.into(),
                amount.into(),
                currency.into(),
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
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    if result == "succeeded" {
        let appt = txn
            .query_one_raw(stmt(
                "select appointment_id from payment_by_id($1, $2)",
                [Value::from(hospital), payment.into()],
            ))
            .await?
            .map(|r| r.try_get::<Uuid>("", "appointment_id"))
            .transpose()?;
        if let Some(appointment_id) = appt
            && let Some(t) = AppointmentTimes::find_by_statement(stmt(
                "select start_at from appointment_start($1, $2)",
                [Value::from(hospital), appointment_id.into()],
            ))
            .one(&txn)
            .await?
        {
            let r = AppointmentRef {
                id: appointment_id,
                start_at: t.start_at,
                proposed_start_at: None,
            };
            enqueue(&txn, hospital, &r, Event::Confirmed, None)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
        }
    }
    txn.commit().await?;
    Ok(result)
}

/// Looks a Khalti payment up and applies what the lookup says. Answers the payment's status.
pub async fn check_khalti(
    db: &DatabaseConnection,
    khalti: &khalti::Khalti,
    pidx: &str,
) -> anyhow::Result<Option<(Uuid, String)>> {
    let Some(p) = PaymentRef::find_by_statement(stmt(
        "select * from payment_by_ref('khalti', $1)",
        [pidx.into()],
    ))
    .one(db)
    .await?
    else {
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
    };
    let result = apply(db, p.hospital_id, p.id, verdict).await?;
    let status = if ["duplicate", "ignored"].contains(&result.as_str()) {
        PaymentRef::find_by_statement(stmt(
            "select * from payment_by_ref('khalti', $1)",
            [pidx.into()],
        ))
        .one(db)
        .await?
        .map_or(p.status, |x| x.status)
    } else {
        result
    };
    Ok(Some((p.id, status)))
}

/// The reconciler: re-checks pending payments whose redirect may have been lost, and releases
/// slots whose payment window ended.
pub async fn reconcile(
    db: &DatabaseConnection,
    khalti: Option<&khalti::Khalti>,
) -> anyhow::Result<usize> {
    let mut n = 0;
    if let Some(k) = khalti {
        let due = db
            .query_all_raw(stmt(
                "select provider_ref from payments_to_reconcile($1, $2) where provider = 'khalti'",
                [Value::from(30), Value::from(50)],
            ))
            .await?;
        for row in due {
            let pidx: String = row.try_get("", "provider_ref")?;
            match check_khalti(db, k, &pidx).await {
                Ok(_) => n += 1,
                Err(e) => tracing::warn!(error = %e, "payment lookup failed; will retry"),
            }
        }
    }
    db.execute_unprepared("select appointment_release_expired_holds()")
        .await?;
    Ok(n)
}
