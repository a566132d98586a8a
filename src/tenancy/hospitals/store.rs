//! The hospital domain's SQL, all of it. Statements run in the caller's transaction, under RLS:
//! members see only their own hospital, super admins every one.

use sea_orm::{ConnectionTrait, FromQueryResult, Value};

use crate::{
    app::paging::{Listing, Page},
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::HospitalId,
    tenancy::hospitals::types::{Hospital, Onboarding, Settings},
};

const SELECT: &str = "select id, slug, name, timezone, currency, appointment_fee, payment_provider,
    suspended, approval_required, payment_required, ai_assistance, booking_horizon_days,
    min_notice_minutes, cancellation_window_hours, refund_window_hours, payment_window_minutes,
    ai_sleep_staging, ai_chest_xray, ai_specialty_suggestion,
    inference_daily_quota, inference_concurrency, totp_required, created_at, updated_at from hospital";

/// One hospital the caller may see; 404 otherwise.
pub async fn fetch(tx: &TenantTx, id: HospitalId) -> ApiResult<Hospital> {
    Hospital::find_by_statement(stmt(&format!("{SELECT} where id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

/// One page of the hospitals the caller may see, in creation order.
pub async fn page(tx: &TenantTx, page: &Page) -> ApiResult<Listing<Hospital>> {
    page.list(tx, SELECT, "id", "", vec![], |h: &Hospital| h.id)
        .await
}

/// A new hospital (409 when the slug is taken).
pub async fn insert(tx: &TenantTx, id: HospitalId, h: &Onboarding) -> ApiResult<()> {
    let res = tx
        .conn()
        .execute_raw(stmt(
            "insert into hospital (id, slug, name, timezone, currency, appointment_fee,
                   payment_provider, approval_required, payment_required, ai_assistance)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            [
                Value::from(id),
                h.slug.clone().into(),
                h.name.clone().into(),
                h.timezone.clone().into(),
                h.currency.clone().into(),
                h.appointment_fee.into(),
                h.payment_provider.as_str().into(),
                h.approval_required.into(),
                h.payment_required.into(),
                h.ai_assistance.into(),
            ],
        ))
        .await;
    res?;
    Ok(())
}

/// Applies the settings and, when given, the suspension; 404 for a hospital the caller may not
/// see. Suspending revokes the hospital's sessions in the same statement (trigger).
pub async fn update(
    tx: &TenantTx,
    id: HospitalId,
    s: &Settings,
    suspended: Option<bool>,
) -> ApiResult<()> {
    tx.execute_one(
        "update hospital set
               name = coalesce($2, name), timezone = coalesce($3, timezone),
               currency = coalesce($4, currency), appointment_fee = coalesce($5, appointment_fee),
               payment_provider = coalesce($6, payment_provider),
               approval_required = coalesce($7, approval_required),
               payment_required = coalesce($8, payment_required),
               ai_assistance = coalesce($9, ai_assistance),
               suspended = coalesce($10, suspended),
               booking_horizon_days = coalesce($11, booking_horizon_days),
               min_notice_minutes = coalesce($12, min_notice_minutes),
               cancellation_window_hours = coalesce($13, cancellation_window_hours),
               ai_sleep_staging = coalesce($14, ai_sleep_staging),
               ai_chest_xray = coalesce($15, ai_chest_xray),
               inference_daily_quota = coalesce($16, inference_daily_quota),
               inference_concurrency = coalesce($17, inference_concurrency),
               totp_required = coalesce($18, totp_required),
               refund_window_hours = coalesce($19, refund_window_hours),
               payment_window_minutes = coalesce($20, payment_window_minutes),
               ai_specialty_suggestion = coalesce($21, ai_specialty_suggestion),
               updated_at = now()
             where id = $1",
        vec![
            id.into(),
            s.name.clone().into(),
            s.timezone.clone().into(),
            s.currency.clone().into(),
            s.appointment_fee.into(),
            s.payment_provider.map(|x| x.as_str().to_string()).into(),
            s.approval_required.into(),
            s.payment_required.into(),
            s.ai_assistance.into(),
            suspended.into(),
            s.booking_horizon_days.into(),
            s.min_notice_minutes.into(),
            s.cancellation_window_hours.into(),
            s.ai_sleep_staging.into(),
            s.ai_chest_xray.into(),
            s.inference_daily_quota.into(),
            s.inference_concurrency.into(),
            s.totp_required.into(),
            s.refund_window_hours.into(),
            s.payment_window_minutes.into(),
            s.ai_specialty_suggestion.into(),
        ],
    )
    .await
}
