//! `/api/v1/analytics/hospital` and `/api/v1/analytics/platform`: HTTP only.

use chrono::NaiveDate;
use poem_openapi::{ApiResponse, OpenApi, param::Query, payload::Json};

use crate::{
    analytics::{
        service,
        types::{HospitalAnalytics, PlatformAnalytics},
    },
    auth::{BearerAuth, permit as perm},
    error::ApiResult,
};

pub struct AnalyticsApi;

#[derive(ApiResponse)]
pub enum HospitalAnswer {
    #[oai(status = 200)]
    Ok(Json<HospitalAnalytics>),
}
#[derive(ApiResponse)]
pub enum PlatformAnswer {
    #[oai(status = 200)]
    Ok(Json<PlatformAnalytics>),
}

#[OpenApi(
    prefix_path = "/api/v1/analytics",
    tag = "crate::app::server::Tag::Analytics"
)]
impl AnalyticsApi {
    /// The hospital's figures per day and in total (hospital admins).
    ///
    /// Over local dates `from`..=`to` in the hospital's time zone (default: the 30 days to
    /// today; at most 366 days; 422 otherwise): appointments by status (by start date), no-show
    /// rate, revenue per currency, utilisation, median minutes to confirm, calls and their mean
    /// minutes, ratings, inference jobs by kind and status with p50/p95 latency, and the
    /// doctors' agreement with the sleep-staging model. Audited.
    #[oai(path = "/hospital", method = "get", operation_id = "hospitalAnalytics")]
    async fn hospital(
        &self,
        auth: BearerAuth,
        from: Query<Option<NaiveDate>>,
        to: Query<Option<NaiveDate>>,
    ) -> ApiResult<HospitalAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::HospitalAnalytics, perm::Read>().await?;
        let a = service::hospital(tx, &permit, from.0, to.0).await?;
        Ok(HospitalAnswer::Ok(Json(a)))
    }

    /// Every hospital's appointments, revenue and active users (super admins).
    ///
    /// Counts and sums only: never a patient's name, email or record. Over `from`..=`to` (each
    /// hospital's local dates; default the 30 days to today; at most 366 days).
    #[oai(path = "/platform", method = "get", operation_id = "platformAnalytics")]
    async fn platform(
        &self,
        auth: BearerAuth,
        from: Query<Option<NaiveDate>>,
        to: Query<Option<NaiveDate>>,
    ) -> ApiResult<PlatformAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::PlatformAnalytics, perm::Read>().await?;
        let a = service::platform(tx, &permit, from.0, to.0).await?;
        Ok(PlatformAnswer::Ok(Json(a)))
    }
}
