//! The SQL that requests about payments run: in the caller's transaction under RLS, except
//! recording a provider's link, which runs on the system pool after the request's transaction
//! committed (the provider call happens outside any transaction). Applying provider verdicts is
//! the system side, in `payments/mod.rs`.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, FromQueryResult, Value};

use crate::{
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{AppointmentId, HospitalId, PaymentId},
    money::Money,
    payments::types::{Payment, Provider},
};

pub const SELECT: &str =
    "select id as payment_id, appointment_id, provider, status, amount, currency,
    redirect_url, expires_at from payment";

/// Who pays: the appointment's patient, as the provider's checkout shows them.
#[derive(FromQueryResult)]
pub struct Payer {
    pub full_name: String,
    pub email: String,
}

/// One payment the caller may see; 404 otherwise.
pub async fn find(tx: &TenantTx, id: PaymentId) -> ApiResult<Payment> {
    Payment::find_by_statement(stmt(&format!("{SELECT} where id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

/// The appointment's pending payment, if there is one.
pub async fn pending(tx: &TenantTx, appointment: AppointmentId) -> ApiResult<Option<Payment>> {
    Ok(Payment::find_by_statement(stmt(
        &format!("{SELECT} where appointment_id = $1 and status = 'pending'"),
        [appointment.into()],
    ))
    .one(tx.conn())
    .await?)
}

/// Whether the caller is the appointment's patient.
pub async fn is_patient(tx: &TenantTx, appointment: AppointmentId) -> ApiResult<bool> {
    tx.exists("select 1 from appointment where id = $1 and patient_user_id = nullif(current_setting('app.user_id', true), '')::uuid", appointment.uuid()).await
}

/// The provider's reference of the appointment's pending payment, if there is one
/// (`Some(None)`: it never got a link).
pub async fn pending_reference(
    tx: &TenantTx,
    appointment: AppointmentId,
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

pub async fn payer(tx: &TenantTx, appointment: AppointmentId) -> ApiResult<Payer> {
    Payer::find_by_statement(stmt("select u.full_name, u.email from appointment a join app_user u on u.id = a.patient_user_id where a.id = $1", [appointment.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn insert(
    tx: &TenantTx,
    hospital: HospitalId,
    id: PaymentId,
    appointment: AppointmentId,
    provider: Provider,
    price: &Money,
) -> ApiResult<()> {
    tx.conn_execute(
        "insert into payment (hospital_id, id, appointment_id, provider, amount, currency) values ($1, $2, $3, $4, $5, $6)",
        vec![hospital.into(), id.into(), appointment.into(), provider.as_str().into(), price.minor.into(), price.currency.as_str().into()],
    )
    .await?;
    Ok(())
}

/// Records the provider's link for a payment (system pool: the request's transaction has ended).
pub async fn set_link(
    system: &DatabaseConnection,
    hospital: HospitalId,
    id: PaymentId,
    reference: String,
    url: &str,
    expires: DateTime<Utc>,
) -> ApiResult<()> {
    system
        .execute_raw(stmt(
            "select payment_set_link($1, $2, $3, $4, $5)",
            [
                Value::from(hospital),
                id.into(),
                reference.into(),
                url.into(),
                expires.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// Marks a payment owed back by hand (`pending_manual`) refunded; false in any other state.
pub async fn mark_refunded(tx: &TenantTx, id: PaymentId) -> ApiResult<bool> {
    Ok(tx
        .conn()
        .query_one_raw(stmt("select payment_mark_refunded($1) as ok", [id.into()]))
        .await?
        .map(|r| r.try_get::<bool>("", "ok"))
        .transpose()?
        .unwrap_or(false))
}
