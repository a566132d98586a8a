//! `/api/v1/patients/{id}/vitals`, `/api/v1/alerts`: HTTP only. Each handler names the ids it
//! was given, asks casbin for its permit and hands both to `service`.

use chrono::{DateTime, Utc};
use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    auth::{BearerAuth, permit as perm},
    error::ApiResult,
    ids::{AlertId, PatientId},
    records::vitals::{
        service::{self, AlertQuery},
        types::{Alert, Vitals, VitalsRequest},
    },
};

pub struct VitalsApi;

/// A set of vital signs to score with NEWS2.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewVitals {
    /// Breaths per minute (1–80).
    #[oai(validator(maximum(value = "65535")))]
    pub respiratory_rate: u32,
    /// Oxygen saturation, % (50–100).
    #[oai(validator(maximum(value = "65535")))]
    pub spo2: u32,
    /// 1, or 2 for a patient with hypercapnic respiratory failure (target 88–92%).
    #[oai(validator(maximum(value = "65535")))]
    pub spo2_scale: u32,
    /// Breathing supplemental oxygen (otherwise air).
    pub on_oxygen: bool,
    /// Systolic blood pressure, mmHg (40–300).
    #[oai(validator(maximum(value = "65535")))]
    pub systolic_bp: u32,
    /// Pulse, beats per minute (20–250).
    #[oai(validator(maximum(value = "65535")))]
    pub heart_rate: u32,
    /// ACVPU: `A` alert, `C` new confusion, `V` voice, `P` pain, `U` unresponsive.
    pub consciousness: String,
    /// °C (30.0–45.0), read to one decimal.
    #[oai(validator(minimum(value = "-1000"), maximum(value = "1000")))]
    pub temperature_c: f64,
    /// When measured (default now); not in the future, at most 30 days back.
    #[oai(nullable)]
    pub measured_at: Option<DateTime<Utc>>,
}

#[derive(ApiResponse)]
pub enum VitalsCreated {
    #[oai(status = 201)]
    Created(Json<Vitals>),
}
#[derive(ApiResponse)]
pub enum VitalsList {
    #[oai(status = 200)]
    Ok(Json<Listing<Vitals>>),
}
#[derive(ApiResponse)]
pub enum AlertList {
    #[oai(status = 200)]
    Ok(Json<Listing<Alert>>),
}
#[derive(ApiResponse)]
pub enum AlertAnswer {
    #[oai(status = 200)]
    Ok(Json<Alert>),
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Records")]
impl VitalsApi {
    /// Record a set of vital signs; it is scored with NEWS2 (RCP 2017).
    ///
    /// The patient, a doctor of the care team (or with an active grant), or a custom role the
    /// hospital granted `vitals:create` (a nurse); 404 for any other patient. Impossible values
    /// answer 422. A risk other than `low` raises an alert for the care team (pushed as a
    /// notification; emailed for `high`). `news2.rising` flags a score that rose at each of the
    /// patient's last three sets. Audited.
    #[oai(
        path = "/patients/:id/vitals",
        method = "post",
        operation_id = "recordVitals"
    )]
    async fn record(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<NewVitals>,
    ) -> ApiResult<VitalsCreated> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Vitals, perm::Create>().await?;
        let b = body.0;
        let req = VitalsRequest {
            respiratory_rate: b.respiratory_rate,
            spo2: b.spo2,
            spo2_scale: b.spo2_scale,
            on_oxygen: b.on_oxygen,
            systolic_bp: b.systolic_bp,
            heart_rate: b.heart_rate,
            consciousness: b.consciousness,
            temperature_c: b.temperature_c,
            measured_at: b.measured_at,
        };
        let v = service::record(tx, &permit, PatientId::from(id.0), req).await?;
        Ok(VitalsCreated::Created(Json(v)))
    }

    /// A patient's vital signs, newest measurement first.
    ///
    /// The patient, hospital admins, doctors of the care team (or with an active grant), custom
    /// roles granted `vitals:list`; 404 for any other patient. Paged with `limit` and `cursor`;
    /// audited.
    #[oai(
        path = "/patients/:id/vitals",
        method = "get",
        operation_id = "listVitals"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<VitalsList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Vitals, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let l = service::list(tx, &permit, PatientId::from(id.0), page).await?;
        Ok(VitalsList::Ok(Json(l)))
    }

    /// The care team's deterioration alerts, newest first.
    ///
    /// Doctors see the alerts of the patients on their care teams; custom roles granted
    /// `alert:list` see the hospital's. Open ones only unless `all=true`; `patient_id` narrows
    /// to one patient. Paged with `limit` and `cursor`; audited.
    #[oai(path = "/alerts", method = "get", operation_id = "listAlerts")]
    async fn alerts(
        &self,
        auth: BearerAuth,
        all: Query<Option<bool>>,
        patient_id: Query<Option<Uuid>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<AlertList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Alert, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let q = AlertQuery {
            all: all.0.unwrap_or(false),
            patient: patient_id.0.map(PatientId::from),
        };
        let l = service::alerts(tx, &permit, q, page).await?;
        Ok(AlertList::Ok(Json(l)))
    }

    /// Acknowledge an alert (someone of the care team is on it).
    ///
    /// An alert of the caller's care teams (404 otherwise, also for another hospital's id);
    /// 409 when it was already acknowledged. Audited.
    #[oai(
        path = "/alerts/:id/acknowledge",
        method = "post",
        operation_id = "acknowledgeAlert"
    )]
    async fn acknowledge(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<AlertAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Alert, perm::Acknowledge>().await?;
        let a = service::acknowledge(tx, &permit, AlertId::from(id.0)).await?;
        Ok(AlertAnswer::Ok(Json(a)))
    }
}
