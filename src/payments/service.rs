//! Paying for appointments, as requests ask: each function takes the request's transaction and
//! the permit for what it does, checks the domain's rules, audits and commits; the SQL is in
//! `store`. Provider calls happen outside any transaction, and their verdicts are applied on the
//! system pool (`payments/mod.rs`), as provider callbacks are.

use chrono::{DateTime, Duration, Utc};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{AppointmentId, HospitalId, PaymentId},
    money::Money,
    notifications::{self, Event},
    payments::{
        Verdict, apply, check_khalti, check_stripe, khalti,
        store::{self, Payer},
        stripe,
        types::{Payment, Provider, Started},
    },
    scheduling::appointments,
};

/// The provider a hospital's payment goes through, if this server can reach it.
fn provider_for(
    state: &AppState,
    s: &appointments::Settings,
    price: &Money,
) -> ApiResult<Provider> {
    let Some(provider) = Provider::of_setting(&s.payment_provider) else {
        return Err(ApiError::conflict("this hospital takes no payments"));
    };
    match provider {
        Provider::Khalti => {
            if state.khalti.is_none() {
                return Err(ApiError::Unavailable(
                    "Khalti is not configured on this server",
                ));
            }
            if price.minor < khalti::MIN_AMOUNT_PAISA {
                return Err(ApiError::unprocessable(
                    "Khalti takes payments of at least NPR 10 (1000 paisa)",
                ));
            }
        }
        Provider::Stripe => {
            if state.stripe.is_none() {
                return Err(ApiError::Unavailable(
                    "Stripe is not configured on this server",
                ));
            }
        }
    }
    Ok(provider)
}

/// What the provider's checkout is for.
struct Checkout<'a> {
    hospital: HospitalId,
    payment: PaymentId,
    appointment: AppointmentId,
    price: Money,
    payer: &'a Payer,
}

/// Asks the provider for the payment's link: (its reference, the URL, when it expires). A
/// refusal marks the payment failed and answers 503.
async fn open_link(
    state: &AppState,
    provider: Provider,
    c: &Checkout<'_>,
) -> ApiResult<(String, String, DateTime<Utc>)> {
    let base = state.config.public_base_url.trim_end_matches('/');
    let payment_id = c.payment.uuid();
    let link = match (provider, &state.khalti, &state.stripe) {
        (Provider::Khalti, Some(k), _) => k
            .initiate(khalti::Order {
                amount: c.price.minor,
                purchase_order_id: payment_id.to_string(),
                purchase_order_name: "Consultation",
                return_url: format!("{base}/api/v1/payments/khalti/return"),
                website_url: base,
                customer_name: &c.payer.full_name,
                customer_email: &c.payer.email,
            })
            .await
            .map(|i| (i.pidx, i.payment_url, i.expires_at.with_timezone(&Utc))),
        (_, _, Some(st)) => st
            .create_session(stripe::Order {
                payment_id,
                appointment_id: c.appointment.uuid(),
                hospital_id: c.hospital.uuid(),
                amount: c.price.minor,
                currency: c.price.currency.as_str(),
                success_url: format!("{base}/appointments?payment={payment_id}&status=return"),
                cancel_url: format!("{base}/appointments?payment={payment_id}&status=cancelled"),
                customer_email: &c.payer.email,
            })
            .await
            .map(|sess| (sess.id, sess.url, sess.expires_at)),
        _ => Err(anyhow::anyhow!("provider not configured")),
    };
    match link {
        Ok(l) => Ok(l),
        Err(e) => {
            let provider = provider.as_str();
            tracing::warn!(error = %e, payment_id = %payment_id, provider, "payment provider refused to start");
            let failed = format!("start-failed:{payment_id}");
            let verdict = Verdict {
                provider,
                event_id: &failed,
                outcome: "failed",
                amount: 0,
                currency: "",
                payment_ref: None,
            };
            apply(&state.system, c.hospital.uuid(), payment_id, verdict).await?;
            Err(ApiError::Unavailable(
                "the payment provider did not answer; try again shortly",
            ))
        }
    }
}

/// Asks the provider how a stale payment ended and applies the answer.
async fn settle_stale(
    state: &AppState,
    provider: Provider,
    reference: Option<&str>,
) -> ApiResult<()> {
    if let Some(r) = reference {
        match (provider, &state.khalti, &state.stripe) {
            (Provider::Khalti, Some(k), _) => drop(check_khalti(&state.system, k, r).await?),
            (Provider::Stripe, _, Some(st)) => drop(check_stripe(&state.system, st, r).await?),
            _ => {}
        }
    }
    Ok(())
}

/// Only the appointment's patient pays, and only while it awaits payment.
async fn payable(tx: &TenantTx, a: &appointments::Appointment) -> ApiResult<()> {
    if !store::is_patient(tx, AppointmentId::from(a.id)).await? {
        return Err(ApiError::ForbiddenBecause(
            "only the appointment's patient pays for it",
        ));
    }
    if a.status != "awaiting_payment" {
        return Err(ApiError::conflict(format!(
            "the appointment is {}, not awaiting payment",
            a.status
        )));
    }
    Ok(())
}

/// Starts paying for an appointment that awaits payment (its patient only), or answers the
/// pending payment while its link is valid. An expired link is settled with the provider first
/// (409). The payment row is written and audited before the provider is asked for its link.
#[tracing::instrument(skip_all, fields(appointment = %appointment))]
pub async fn start(
    tx: TenantTx,
    _: &Permit<perm::Payment, perm::Create>,
    state: &AppState,
    appointment: AppointmentId,
) -> ApiResult<Started> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let a = appointments::get(&tx, appointment.uuid()).await?;
    let appointment = AppointmentId::from(a.id);
    payable(&tx, &a).await?;
    if let Some(p) = store::pending(&tx, appointment).await?
        && p.expires_at.is_none_or(|e| e > Utc::now())
    {
        tx.commit().await?;
        return Ok(Started::Existing(p));
    }
    let s = appointments::settings(&tx).await?;
    let price = Money::stored(a.fee, &a.currency)?;
    let provider = provider_for(state, &s, &price)?;
    // A stale pending payment (its link expired) must be checked with the provider before a
    // new one starts, so that nobody pays twice.
    if let Some(reference) = store::pending_reference(&tx, appointment).await? {
        tx.commit().await?;
        settle_stale(state, provider, reference.as_deref()).await?;
        return Err(ApiError::conflict(
            "the previous payment link expired and is being settled; try again",
        ));
    }
    let payer = store::payer(&tx, appointment).await?;
    let payment = PaymentId::new();
    store::insert(&tx, hospital, payment, appointment, provider, &price).await?;
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("payment.start", "payment", payment).patient(a.patient_id),
    )
    .await?;
    tx.commit().await?;
    // The provider call happens outside any transaction; the row exists first, so a crash
    // in between leaves a pending payment without a link, which the next call replaces.
    let checkout = Checkout {
        hospital,
        payment,
        appointment,
        price,
        payer: &payer,
    };
    let (reference, url, expires) = open_link(state, provider, &checkout).await?;
    let expires = expires.min(Utc::now() + Duration::hours(2));
    store::set_link(&state.system, hospital, payment, reference, &url, expires).await?;
    Ok(Started::Created(Payment::started(
        payment,
        appointment,
        provider,
        price,
        url,
        expires,
    )))
}

/// One payment whose appointment the caller sees; 404 otherwise.
#[tracing::instrument(skip_all, fields(payment = %id))]
pub async fn read(
    tx: TenantTx,
    _: &Permit<perm::Payment, perm::Read>,
    id: PaymentId,
) -> ApiResult<Payment> {
    let p = store::find(&tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// Records that a refund owed by hand (`pending_manual`, 409 otherwise) was paid back; audited,
/// and the patient is notified.
#[tracing::instrument(skip_all, fields(payment = %id))]
pub async fn mark_refunded(
    tx: TenantTx,
    _: &Permit<perm::Payment, perm::Refund>,
    id: PaymentId,
) -> ApiResult<Payment> {
    let hospital = tx.caller().hospital()?;
    let p = store::find(&tx, id).await?;
    if !store::mark_refunded(&tx, id).await? {
        return Err(ApiError::conflict(format!(
            "the payment is {}, not owed back",
            p.status
        )));
    }
    tx.audit_write(hospital, AuditEntry::new("payment.refunded", "payment", id))
        .await?;
    let a = appointments::get(&tx, p.appointment_id).await?;
    notifications::appointment_event(&tx, &a, Event::Refunded).await?;
    let p = store::find(&tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// A Stripe webhook call: the signature is verified on the raw body before anything is parsed
/// (400 when it or the JSON is invalid), then the event is applied on the system pool.
#[tracing::instrument(skip_all)]
pub async fn stripe_webhook(
    system: &DatabaseConnection,
    secret: &str,
    signature: &str,
    body: &[u8],
) -> ApiResult<()> {
    stripe::verify_signature(signature, body, secret, Utc::now().timestamp())
        .map_err(|e| ApiError::BadRequest(format!("Stripe-Signature: {e}")))?;
    let event: serde_json::Value = serde_json::from_slice(body)
        .map_err(|_| ApiError::BadRequest("the body is not JSON".into()))?;
    crate::payments::stripe_event(system, &event)
        .await
        .map_err(ApiError::from)
}

/// Khalti's return: the payment `pidx` names, looked up with Khalti and its verified outcome
/// applied once; its id and status afterwards (`None`: no payment of ours).
#[tracing::instrument(skip_all)]
pub async fn khalti_return(
    system: &DatabaseConnection,
    khalti: &khalti::Khalti,
    pidx: &str,
) -> ApiResult<Option<(PaymentId, String)>> {
    let outcome = check_khalti(system, khalti, pidx)
        .await
        .map_err(ApiError::from)?;
    Ok(outcome.map(|(id, status): (Uuid, String)| (PaymentId::from(id), status)))
}
