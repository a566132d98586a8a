//! Doctors, patients and care teams inside the caller's hospital. Written in the domain layers
//! (see `crate::prescriptions`): `api`, `service`, `store`, `types`.

use uuid::Uuid;

use crate::{
    db::TenantTx,
    error::ApiResult,
    ids::{DoctorId, PatientId},
};

pub mod api;
mod service;
mod store;
pub mod types;

pub use store::{DOCTOR, PATIENT_SELECT};
pub use types::{Doctor, Patient};

/// One doctor the caller may see (404 otherwise), for other domains' reads.
pub async fn doctor(tx: &TenantTx, id: Uuid) -> ApiResult<Doctor> {
    store::doctor(tx, DoctorId::from(id)).await
}

/// One patient the caller may see (404 otherwise), for other domains' reads.
pub async fn patient(tx: &TenantTx, id: Uuid) -> ApiResult<Patient> {
    store::patient(tx, PatientId::from(id)).await
}
