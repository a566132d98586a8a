//! `/api/v1/hospitals`: super admins onboard, edit and suspend tenants; members see their own.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use poem::web::Data;
use poem_openapi::{
    ApiResponse, Enum, Object, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    tenancy::users::{NewMember, create_member},
};

pub struct HospitalsApi;

#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[oai(rename_all = "lowercase")]
pub enum PaymentProvider {
    Khalti,
    Stripe,
    None,
}

impl PaymentProvider {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Khalti => "khalti",
            Self::Stripe => "stripe",
            Self::None => "none",
        }
    }
}

/// The hospital's first administrator.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewAdmin {
    pub email: String,
    pub full_name: String,
    #[oai(write_only)]
    pub password: String,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewHospital {
    pub name: String,
    /// Lowercase letters, digits and dashes; used at login and registration.
    pub slug: String,
    /// IANA time zone, e.g. `Asia/Kathmandu`.
    pub timezone: String,
    /// ISO 4217 code, e.g. `NPR`.
    pub currency: String,
    /// In minor units (paisa, cents).
    pub appointment_fee: i64,
    pub payment_provider: PaymentProvider,
    pub admin: NewAdmin,
    /// Appointments wait for a doctor's approval (default true).
    #[oai(nullable)]
    pub approval_required: Option<bool>,
    /// Appointments must be paid before they are confirmed (default: provider is not `none`).
    #[oai(nullable)]
    pub payment_required: Option<bool>,
    /// AI assistance for doctors (default false).
    #[oai(nullable)]
    pub ai_assistance: Option<bool>,
}

/// Changes to a hospital; absent fields stay as they are. `suspended` is the super admin's.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct HospitalPatch {
    #[oai(nullable)]
    pub name: Option<String>,
    #[oai(nullable)]
    pub timezone: Option<String>,
    #[oai(nullable)]
    pub currency: Option<String>,
    #[oai(nullable)]
    pub appointment_fee: Option<i64>,
    #[oai(nullable)]
    pub payment_provider: Option<PaymentProvider>,
    #[oai(nullable)]
    pub approval_required: Option<bool>,
    #[oai(nullable)]
    pub payment_required: Option<bool>,
    #[oai(nullable)]
    pub ai_assistance: Option<bool>,
    /// true ends every session of the hospital and blocks its logins; false lifts it.
    #[oai(nullable)]
    pub suspended: Option<bool>,
    /// How far ahead patients may book (1 to 365 days).
    #[oai(nullable)]
    pub booking_horizon_days: Option<i32>,
    /// How soon a slot may be booked (0 to 10080 minutes ahead).
    #[oai(nullable)]
    pub min_notice_minutes: Option<i32>,
    /// Patients may cancel a confirmed appointment until this many hours before it (0 to 720).
    #[oai(nullable)]
    pub cancellation_window_hours: Option<i32>,
    /// AI sleep staging (when `ai_assistance` is on).
    #[oai(nullable)]
    pub ai_sleep_staging: Option<bool>,
    /// AI chest X-ray triage (when `ai_assistance` is on).
    #[oai(nullable)]
    pub ai_chest_xray: Option<bool>,
    /// AI jobs the hospital may queue per day (0 to 100000).
    #[oai(nullable)]
    pub inference_daily_quota: Option<i32>,
    /// AI jobs of this hospital that may run at once (1 to 64).
    #[oai(nullable)]
    pub inference_concurrency: Option<i32>,
}

#[derive(Object, FromQueryResult)]
pub struct Hospital {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub timezone: String,
    pub currency: String,
    pub appointment_fee: i64,
    pub payment_provider: String,
    pub suspended: bool,
    pub approval_required: bool,
    pub payment_required: bool,
    pub ai_assistance: bool,
    pub booking_horizon_days: i32,
    pub min_notice_minutes: i32,
    pub cancellation_window_hours: i32,
    pub ai_sleep_staging: bool,
    pub ai_chest_xray: bool,
    pub inference_daily_quota: i32,
    pub inference_concurrency: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Object)]
pub struct CreatedHospital {
    #[oai(flatten)]
    pub hospital: Hospital,
    pub admin_user_id: Uuid,
}

#[derive(ApiResponse)]
pub enum CreateAnswer {
    #[oai(status = 201)]
    Created(Json<CreatedHospital>),
}

#[derive(ApiResponse)]
pub enum ListAnswer {
    #[oai(status = 200)]
    Ok(Json<Listing<Hospital>>),
}

#[derive(ApiResponse)]
pub enum HospitalAnswer {
    #[oai(status = 200)]
    Ok(Json<Hospital>),
}

pub(crate) fn check_timezone(tz: &str) -> ApiResult<String> {
    chrono_tz::Tz::from_str(tz.trim())
        .map(|_| tz.trim().to_string())
        .map_err(|_| {
            ApiError::unprocessable("timezone must be an IANA zone such as Asia/Kathmandu")
        })
}

pub(crate) fn check_currency(c: &str) -> ApiResult<String> {
    let c = c.trim().to_uppercase();
    if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()) {
        Ok(c)
    } else {
        Err(ApiError::unprocessable(
            "currency must be an ISO 4217 code such as NPR or USD",
        ))
    }
}

pub(crate) fn check_fee(fee: i64) -> ApiResult<i64> {
    if (0..=10_000_000_000).contains(&fee) {
        Ok(fee)
    } else {
        Err(ApiError::unprocessable(
            "appointment_fee must be a non-negative amount in minor units",
        ))
    }
}

pub(crate) fn check_provider(p: PaymentProvider, currency: &str) -> ApiResult<()> {
    if p == PaymentProvider::Khalti && currency != "NPR" {
        return Err(ApiError::unprocessable("Khalti takes payments in NPR only"));
    }
    Ok(())
}

fn range(field: &str, v: Option<i32>, lo: i32, hi: i32) -> ApiResult<Option<i32>> {
    match v {
        Some(x) if !(lo..=hi).contains(&x) => Err(ApiError::unprocessable(format!(
            "{field} must be between {lo} and {hi}"
        ))),
        other => Ok(other),
    }
}

pub(crate) fn check_name(n: &str) -> ApiResult<String> {
    let n = n.trim();
    if n.is_empty() || n.chars().count() > 200 {
        return Err(ApiError::unprocessable(
            "name must have 1 to 200 characters",
        ));
    }
    Ok(n.to_string())
}

pub(crate) fn check_slug(s: &str) -> ApiResult<String> {
    let s = s.trim().to_lowercase();
    let ok = (2..=63).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-');
    if ok {
        Ok(s)
    } else {
        Err(ApiError::unprocessable(
            "slug must be 2 to 63 lowercase letters, digits or dashes",
        ))
    }
}

const SELECT: &str = "select id, slug, name, timezone, currency, appointment_fee, payment_provider,
    suspended, approval_required, payment_required, ai_assistance, booking_horizon_days,
    min_notice_minutes, cancellation_window_hours, ai_sleep_staging, ai_chest_xray,
    inference_daily_quota, inference_concurrency, created_at, updated_at from hospital";

pub async fn fetch(tx: &TenantTx, id: Uuid) -> ApiResult<Hospital> {
    Hospital::find_by_statement(stmt(&format!("{SELECT} where id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

/// The checked values of a settings patch, in the order of `update`'s statement ($1 is the
/// id); None leaves a setting as it is.
fn patch_values(id: Uuid, p: &HospitalPatch, currency: Option<String>) -> ApiResult<Vec<Value>> {
    Ok(vec![
        id.into(),
        p.name.as_deref().map(check_name).transpose()?.into(),
        p.timezone
            .as_deref()
            .map(check_timezone)
            .transpose()?
            .into(),
        currency.into(),
        p.appointment_fee.map(check_fee).transpose()?.into(),
        p.payment_provider.map(|x| x.as_str().to_string()).into(),
        p.approval_required.into(),
        p.payment_required.into(),
        p.ai_assistance.into(),
        p.suspended.into(),
        range("booking_horizon_days", p.booking_horizon_days, 1, 365)?.into(),
        range("min_notice_minutes", p.min_notice_minutes, 0, 10080)?.into(),
        range(
            "cancellation_window_hours",
            p.cancellation_window_hours,
            0,
            720,
        )?
        .into(),
        p.ai_sleep_staging.into(),
        p.ai_chest_xray.into(),
        range("inference_daily_quota", p.inference_daily_quota, 0, 100_000)?.into(),
        range("inference_concurrency", p.inference_concurrency, 1, 64)?.into(),
    ])
}

#[OpenApi(
    prefix_path = "/api/v1/hospitals",
    tag = "crate::app::server::Tag::Hospitals"
)]
impl HospitalsApi {
    /// Onboard a hospital with its first administrator (super admin).
    ///
    /// Super admins only. Creates the hospital and a `hospital_admin` account that signs in with
    /// the given password; `approval_required` defaults to true, `payment_required` to true unless
    /// the provider is `none`, and `ai_assistance` to false. 422 for an invalid name, slug, time
    /// zone, currency, fee or admin field, or Khalti with a currency other than NPR; 409 when the
    /// slug or the admin's email is taken; audited.
    #[oai(path = "/", method = "post", operation_id = "createHospital")]
    async fn create(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<NewHospital>,
    ) -> ApiResult<CreateAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Hospital, perm::Create>().await?;
        let b = body.0;
        let currency = check_currency(&b.currency)?;
        check_provider(b.payment_provider, &currency)?;
        let (name, slug, tz, fee) = (
            check_name(&b.name)?,
            check_slug(&b.slug)?,
            check_timezone(&b.timezone)?,
            check_fee(b.appointment_fee)?,
        );
        let (admin, tx) = tx
            .outside(
                &state,
                NewMember::parse(&state, &b.admin.email, &b.admin.full_name, b.admin.password),
            )
            .await?;
        let id = Uuid::now_v7();
        let res = tx
            .conn()
            .execute_raw(stmt(
                "insert into hospital (id, slug, name, timezone, currency, appointment_fee,
                   payment_provider, approval_required, payment_required, ai_assistance)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                [
                    Value::from(id),
                    slug.into(),
                    name.into(),
                    tz.into(),
                    currency.into(),
                    fee.into(),
                    b.payment_provider.as_str().into(),
                    b.approval_required.unwrap_or(true).into(),
                    b.payment_required
                        .unwrap_or(b.payment_provider != PaymentProvider::None)
                        .into(),
                    b.ai_assistance.unwrap_or(false).into(),
                ],
            ))
            .await;
        res?;
        let admin_user_id = create_member(&tx, id, admin, "hospital_admin").await?;
        tx.audit_write(id, AuditEntry::new("hospital.create", "hospital", id))
            .await?;
        let hospital = fetch(&tx, id).await?;
        tx.commit().await?;
        Ok(CreateAnswer::Created(Json(CreatedHospital {
            hospital,
            admin_user_id,
        })))
    }

    /// List hospitals: all for a super admin, one's own for everyone else.
    ///
    /// Super admins, hospital admins, doctors and patients. In creation order, paged with `limit`
    /// (1 to 200, default 50) and `cursor` (the previous page's `next_cursor`).
    #[oai(path = "/", method = "get", operation_id = "listHospitals")]
    async fn list(
        &self,
        auth: BearerAuth,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<ListAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Hospital, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = page
            .list(&tx, SELECT, "id", "", vec![], |h: &Hospital| h.id)
            .await?;
        tx.commit().await?;
        Ok(ListAnswer::Ok(Json(listing)))
    }

    /// One hospital (404 for another tenant's id unless super admin).
    ///
    /// Super admins read any hospital; hospital admins, doctors and patients only their own.
    /// Answers its settings: payment, booking rules, AI switches and quota, and whether it is
    /// suspended.
    #[oai(path = "/:id", method = "get", operation_id = "getHospital")]
    async fn get(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<HospitalAnswer> {
        let tx = auth.0;
        tx.permit::<perm::Hospital, perm::Read>().await?;
        let h = fetch(&tx, id.0).await?;
        tx.commit().await?;
        Ok(HospitalAnswer::Ok(Json(h)))
    }

    /// Change settings; a super admin may also suspend or reinstate.
    ///
    /// Super admins for any hospital, hospital admins for their own (404 for another's id); fields
    /// left out stay as they are, and setting `suspended` is for super admins only (403 otherwise).
    /// 422 for an invalid or out-of-range value, e.g. Khalti with a currency other than NPR.
    /// Audited; suspending ends every session of the hospital and blocks its sign-ins until it is
    /// reinstated.
    #[oai(path = "/:id", method = "patch", operation_id = "updateHospital")]
    async fn update(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<HospitalPatch>,
    ) -> ApiResult<HospitalAnswer> {
        let tx = auth.0;
        let id = id.0;
        let p = body.0;
        tx.permit::<perm::Hospital, perm::Update>().await?;
        if p.suspended.is_some() {
            tx.permit::<perm::Hospital, perm::Suspend>().await?;
        }
        let current = fetch(&tx, id).await?;
        let currency = p.currency.as_deref().map(check_currency).transpose()?;
        let provider = p.payment_provider;
        check_provider(
            provider.unwrap_or(match current.payment_provider.as_str() {
                "khalti" => PaymentProvider::Khalti,
                "stripe" => PaymentProvider::Stripe,
                _ => PaymentProvider::None,
            }),
            currency.as_deref().unwrap_or(&current.currency),
        )?;
        let values = patch_values(id, &p, currency)?;
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
               updated_at = now()
             where id = $1",
            values,
        )
        .await?;
        let action = match p.suspended {
            // The hospital's sessions end in the same statement (trigger, migrations/0013).
            Some(true) if !current.suspended => "hospital.suspend",
            Some(false) if current.suspended => "hospital.reinstate",
            _ => "hospital.update",
        };
        tx.audit_write(id, AuditEntry::new(action, "hospital", id))
            .await?;
        let h = fetch(&tx, id).await?;
        tx.commit().await?;
        Ok(HospitalAnswer::Ok(Json(h)))
    }
}
