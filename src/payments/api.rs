//! Paying for appointments over HTTP: starting, reading and marking refunds (with the caller's
//! permit, through `service`), Stripe's webhook and Khalti's return (no caller: verified with
//! the provider and applied on the system pool). HTTP only.

use poem::web::Data;
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    app::AppState,
    auth::BearerAuth,
    auth::permit as perm,
    error::{ApiError, ApiResult},
    ids::{AppointmentId, PaymentId},
    payments::{Payment, service, types::Started},
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
        let permit = tx.permit::<perm::Payment, perm::Create>().await?;
        let appointment = AppointmentId::from(id.0);
        Ok(
            match service::start(tx, &permit, &state, appointment).await? {
                Started::Created(p) => PaymentStarted::Created(Json(p)),
                Started::Existing(p) => PaymentStarted::Existing(Json(p)),
            },
        )
    }

    /// One payment (whoever sees its appointment).
    ///
    /// The appointment's patient, its doctor and hospital admins; 404 for anyone else or another
    /// hospital's id. Shows provider, status, amount and currency, and while pending the
    /// `redirect_url` and its expiry.
    #[oai(path = "/payments/:id", method = "get", operation_id = "getPayment")]
    async fn get(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<PaymentAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Payment, perm::Read>().await?;
        let p = service::read(tx, &permit, PaymentId::from(id.0)).await?;
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
        let permit = tx.permit::<perm::Payment, perm::Refund>().await?;
        let p = service::mark_refunded(tx, &permit, PaymentId::from(id.0)).await?;
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
        service::stripe_webhook(&state.system, secret.expose_secret(), &signature.0, &raw.0)
            .await?;
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
        let k = state.khalti.as_ref().ok_or(ApiError::Unavailable(
            "Khalti is not configured on this server",
        ))?;
        let target = match service::khalti_return(&state.system, k, &pidx.0).await? {
            Some((id, status)) => format!("{base}/appointments?payment={id}&status={status}"),
            None => format!("{base}/appointments?payment=unknown"),
        };
        Ok(Redirect::SeeOther(target))
    }
}
