use chrono::{Duration, Utc};
use poem::web::Data;
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    app::AppState,
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    db::stmt,
    error::{ApiError, ApiResult},
    payments::{Payment, SELECT, check_khalti, check_stripe, khalti, stripe},
    scheduling::appointments,
};

pub struct PaymentsApi;

#[derive(ApiResponse)]
pub enum PaymentStarted {
    /// A new payment; send the patient to `redirect_url`.
    #[oai(status = 201)]
    Created(Json<Payment>),
    /// The payment already under way (calling again is safe).
    #[oai(status = 200)]
    Existing(Json<Payment>),
}

#[derive(ApiResponse)]
pub enum PaymentAnswer {
    #[oai(status = 200)]
    Ok(Json<Payment>),
}

#[derive(ApiResponse)]
pub enum Redirect {
    /// To the web app's result page.
    #[oai(status = 303)]
    SeeOther(#[oai(header = "Location")] String),
}

/// The raw webhook body: verified byte for byte, so it is taken unparsed.
#[derive(poem_openapi::ApiRequest)]
pub enum WebhookBody {
    #[oai(content_type = "application/json")]
    Json(poem_openapi::payload::Binary<Vec<u8>>),
}

#[derive(ApiResponse)]
pub enum WebhookAnswer {
    /// Received (also for events that change nothing, and for replays).
    #[oai(status = 200)]
    Received,
}

#[derive(FromQueryResult)]
struct Patient {
    full_name: String,
    email: String,
}

/// The provider a hospital's payment goes through, if this server can reach it.
fn provider_for(state: &AppState, s: &appointments::Settings, fee: i64) -> ApiResult<&'static str> {
    Ok(match s.payment_provider.as_str() {
        "khalti" => {
            if state.khalti.is_none() {
                return Err(ApiError::Unavailable(
                    "Khalti is not configured on this server",
                ));
            }
            if fee < khalti::MIN_AMOUNT_PAISA {
                return Err(ApiError::unprocessable(
                    "Khalti takes payments of at least NPR 10 (1000 paisa)",
                ));
            }
            "khalti"
        }
        "stripe" => {
            if state.stripe.is_none() {
                return Err(ApiError::Unavailable(
                    "Stripe is not configured on this server",
                ));
            }
            "stripe"
        }
        _ => return Err(ApiError::conflict("this hospital takes no payments")),
    })
}

/// Asks the provider for the payment's link: (its reference, the URL, when it expires). A
/// refusal marks the payment failed and answers 503.
async fn open_link(
    state: &AppState,
    provider: &'static str,
    hospital: Uuid,
    payment_id: Uuid,
    a: &appointments::Appointment,
    patient: &Patient,
) -> ApiResult<(String, String, chrono::DateTime<Utc>)> {
    let base = state.config.public_base_url.trim_end_matches('/');
    let link = match (provider, &state.khalti, &state.stripe) {
        ("khalti", Some(k), _) => k
            .initiate(khalti::Order {
                amount: a.fee,
                purchase_order_id: payment_id.to_string(),
                purchase_order_name: "Consultation",
                return_url: format!("{base}/api/v1/payments/khalti/return"),
                website_url: base,
                customer_name: &patient.full_name,
                customer_email: &patient.email,
            })
            .await
            .map(|i| (i.pidx, i.payment_url, i.expires_at.with_timezone(&Utc))),
        (_, _, Some(st)) => st
            .create_session(stripe::Order {
                payment_id,
                appointment_id: a.id,
                hospital_id: hospital,
                amount: a.fee,
                currency: &a.currency,
                success_url: format!("{base}/#payment={payment_id}&status=return"),
                cancel_url: format!("{base}/#payment={payment_id}&status=cancelled"),
                customer_email: &patient.email,
            })
            .await
            .map(|sess| (sess.id, sess.url, sess.expires_at)),
        _ => Err(anyhow::anyhow!("provider not configured")),
    };
    match link {
        Ok(l) => Ok(l),
        Err(e) => {
            tracing::warn!(error = %e, payment_id = %payment_id, provider, "payment provider refused to start");
            let failed = format!("start-failed:{payment_id}");
            let verdict = crate::payments::Verdict {
                provider,
                event_id: &failed,
                outcome: "failed",
                amount: 0,
                currency: "",
                payment_ref: None,
            };
            crate::payments::apply(&state.system, hospital, payment_id, verdict).await?;
            Err(ApiError::Unavailable(
                "the payment provider did not answer; try again shortly",
            ))
        }
    }
}

/// The provider's reference of the appointment's pending payment whose link expired, if there
/// is one (`Some(None)`: it never got a link).
async fn stale_reference(
    tx: &crate::db::TenantTx,
    appointment: Uuid,
) -> ApiResult<Option<Option<String>>> {
    let row = tx
        .conn()
        .query_one_raw(stmt(
            "select provider_ref from payment where appointment_id = $1 and status = 'pending'",
            [appointment.into()],
        ))
        .await?;
    Ok(match row {
        Some(r) => Some(r.try_get("", "provider_ref")?),
        None => None,
    })
}

/// Asks the provider how a stale payment ended and applies the answer.
async fn settle_stale(state: &AppState, provider: &str, reference: Option<&str>) -> ApiResult<()> {
    if let Some(r) = reference {
        match (provider, &state.khalti, &state.stripe) {
            ("khalti", Some(k), _) => drop(check_khalti(&state.system, k, r).await?),
            ("stripe", _, Some(st)) => drop(check_stripe(&state.system, st, r).await?),
            _ => {}
        }
    }
    Ok(())
}

/// Only the appointment's patient pays, and only while it awaits payment.
async fn payable(tx: &crate::db::TenantTx, a: &appointments::Appointment) -> ApiResult<()> {
    if !tx.exists("select 1 from appointment where id = $1 and patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid", a.id).await? {
        return Err(ApiError::ForbiddenBecause("only the appointment's patient pays for it"));
    }
    if a.status != "awaiting_payment" {
        return Err(ApiError::conflict(format!(
            "the appointment is {}, not awaiting payment",
            a.status
        )));
    }
    Ok(())
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Payments")]
impl PaymentsApi {
    /// Start paying for an appointment that awaits payment (its patient).
    ///
    /// 409 unless the appointment is `awaiting_payment` or when the hospital takes no payments; 422
    /// for a Khalti fee under 1000 paisa; 503 when the provider is not configured or does not
    /// answer. Answers 201 with the provider's `redirect_url`, or 200 with the pending payment
    /// while its link is valid; once that link has expired, the call checks it with the provider
    /// and answers 409, and a later call starts a new payment. Audited; only the provider's
    /// verified outcome confirms the appointment.
    #[oai(
        path = "/appointments/:id/payments",
        method = "post",
        operation_id = "startPayment"
    )]
    async fn start(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<PaymentStarted> {
        let tx = auth.0;
        tx.permit::<perm::Payment, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        let a = appointments::get(&tx, id.0).await?;
        payable(&tx, &a).await?;
        if let Some(p) = Payment::find_by_statement(stmt(
            &format!("{SELECT} where appointment_id = $1 and status = 'pending'"),
            [a.id.into()],
        ))
        .one(tx.conn())
        .await?
            && p.expires_at.is_none_or(|e| e > Utc::now())
        {
            tx.commit().await?;
            return Ok(PaymentStarted::Existing(Json(p)));
        }
        let s = appointments::settings(&tx).await?;
        let provider = provider_for(&state, &s, a.fee)?;
        // A stale pending payment (its link expired) must be checked with the provider before a
        // new one starts, so that nobody pays twice.
        if let Some(reference) = stale_reference(&tx, a.id).await? {
            tx.commit().await?;
            settle_stale(&state, provider, reference.as_deref()).await?;
            return Err(ApiError::conflict(
                "the previous payment link expired and is being settled; try again",
            ));
        }
        let patient = Patient::find_by_statement(stmt("select u.full_name, u.email from appointment a join app_user u on u.id = a.patient_user_id where a.id = $1", [a.id.into()]))
            .one(tx.conn())
            .await?
            .ok_or(ApiError::NotFound)?;
        let payment_id = Uuid::now_v7();
        tx.conn()
            .execute_raw(stmt(
                "insert into payment (hospital_id, id, appointment_id, provider, amount, currency) values ($1, $2, $3, $4, $5, $6)",
                [Value::from(hospital), payment_id.into(), a.id.into(), provider.into(), a.fee.into(), a.currency.clone().into()],
            ))
            .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("payment.start", "payment", payment_id).patient(a.patient_id),
        )
        .await?;
        tx.commit().await?;
        // The provider call happens outside any transaction; the row exists first, so a crash
        // in between leaves a pending payment without a link, which the next call replaces.
        let (reference, url, expires) =
            open_link(&state, provider, hospital, payment_id, &a, &patient).await?;
        let expires = expires.min(Utc::now() + Duration::hours(2));
        state
            .system
            .execute_raw(stmt(
                "select payment_set_link($1, $2, $3, $4, $5)",
                [
                    Value::from(hospital),
                    payment_id.into(),
                    reference.into(),
                    url.clone().into(),
                    expires.into(),
                ],
            ))
            .await?;
        Ok(PaymentStarted::Created(Json(Payment {
            payment_id,
            appointment_id: a.id,
            provider: provider.into(),
            status: "pending".into(),
            amount: a.fee,
            currency: a.currency,
            redirect_url: Some(url),
            expires_at: Some(expires),
        })))
    }

    /// One payment (whoever sees its appointment).
    ///
    /// The appointment's patient, its doctor and hospital admins; 404 for anyone else or another
    /// hospital's id. Shows provider, status, amount and currency, and while pending the
    /// `redirect_url` and its expiry.
    #[oai(path = "/payments/:id", method = "get", operation_id = "getPayment")]
    async fn get(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<PaymentAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Payment, perm::Read>().await?;
        let p = Payment::find_by_statement(stmt(&format!("{SELECT} where id = $1"), [id.0.into()]))
            .one(tx.conn())
            .await?
            .ok_or(ApiError::NotFound)?;
        tx.commit().await?;
        Ok(PaymentAnswer::Ok(Json(p)))
    }

    /// Record that an owed refund (`pending_manual`) was paid back by hand (hospital admin).
    ///
    /// Hospital admins only, for Khalti payments owed back after a cancellation (Stripe refunds are
    /// sent automatically); 404 for another hospital's payment, 409 unless it is `pending_manual`.
    /// It becomes `refunded`, the patient is notified by email and in-app, and the change is
    /// audited.
    #[oai(
        path = "/payments/:id/refunded",
        method = "post",
        operation_id = "markPaymentRefunded"
    )]
    async fn refunded(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<PaymentAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Payment, perm::Refund>().await?;
        let hospital = tx.caller().hospital()?;
        let p = Payment::find_by_statement(stmt(&format!("{SELECT} where id = $1"), [id.0.into()]))
            .one(tx.conn())
            .await?
            .ok_or(ApiError::NotFound)?;
        let done = tx
            .conn()
            .query_one_raw(stmt(
                "select payment_mark_refunded($1) as ok",
                [id.0.into()],
            ))
            .await?
            .map(|r| r.try_get::<bool>("", "ok"))
            .transpose()?
            .unwrap_or(false);
        if !done {
            return Err(ApiError::conflict(format!(
                "the payment is {}, not owed back",
                p.status
            )));
        }
        tx.audit_write(
            hospital,
            AuditEntry::new("payment.refunded", "payment", id.0),
        )
        .await?;
        let a = appointments::get(&tx, p.appointment_id).await?;
        crate::notifications::appointment_event(&tx, &a, crate::notifications::Event::Refunded)
            .await?;
        let p = Payment::find_by_statement(stmt(&format!("{SELECT} where id = $1"), [id.0.into()]))
            .one(tx.conn())
            .await?
            .ok_or(ApiError::NotFound)?;
        tx.commit().await?;
        Ok(PaymentAnswer::Ok(Json(p)))
    }

    /// Stripe's webhook.
    ///
    /// Called by Stripe, without a bearer token; 503 when `STRIPE_WEBHOOK_SECRET` is not set.
    /// `Stripe-Signature` is verified on the raw body before anything is parsed (400 when it or the
    /// JSON is invalid); Checkout Session events of sessions this server created confirm or end the
    /// payment, each event id at most once, and a success whose amount or currency differs fails
    /// it. Other verified events and replays answer 200 and change nothing; a confirmation notifies
    /// the patient and every change is audited.
    #[oai(
        path = "/payments/stripe/webhook",
        method = "post",
        operation_id = "stripeWebhook"
    )]
    async fn stripe_webhook(
        &self,
        state: Data<&AppState>,
        #[oai(name = "Stripe-Signature")] signature: poem_openapi::param::Header<String>,
        body: WebhookBody,
    ) -> ApiResult<WebhookAnswer> {
        let WebhookBody::Json(raw) = body;
        let secret = state
            .config
            .stripe_webhook_secret
            .as_ref()
            .ok_or(ApiError::Unavailable(
                "Stripe webhooks are not configured on this server",
            ))?;
        use secrecy::ExposeSecret;
        stripe::verify_signature(
            &signature.0,
            &raw.0,
            secret.expose_secret(),
            Utc::now().timestamp(),
        )
        .map_err(|e| ApiError::BadRequest(format!("Stripe-Signature: {e}")))?;
        let event: serde_json::Value = serde_json::from_slice(&raw.0)
            .map_err(|_| ApiError::BadRequest("the body is not JSON".into()))?;
        crate::payments::stripe_event(&state.system, &event)
            .await
            .map_err(ApiError::Internal)?;
        Ok(WebhookAnswer::Received)
    }

    /// Khalti's redirect target.
    ///
    /// Opened by the patient's browser, without a bearer token; 503 when Khalti is not configured.
    /// The query string is not trusted: the server looks `pidx` up with Khalti and applies the
    /// verified outcome once (a completed payment of the amount asked confirms the appointment, an
    /// expired or cancelled one ends the payment), then answers 303 to the web app with the
    /// payment's id and status.
    #[oai(
        path = "/payments/khalti/return",
        method = "get",
        operation_id = "khaltiReturn"
    )]
    async fn khalti_return(
        &self,
        state: Data<&AppState>,
        pidx: Query<String>,
    ) -> ApiResult<Redirect> {
        let base = state.config.public_base_url.trim_end_matches('/');
        let k = state.khalti.clone().ok_or(ApiError::Unavailable(
            "Khalti is not configured on this server",
        ))?;
        let outcome = check_khalti(&state.system, &k, &pidx.0)
            .await
            .map_err(ApiError::Internal)?;
        let target = match outcome {
            Some((id, status)) => format!("{base}/#payment={id}&status={status}"),
            None => format!("{base}/#payment=unknown"),
        };
        Ok(Redirect::SeeOther(target))
    }
}
