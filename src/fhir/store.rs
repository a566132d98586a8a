//! The SQL the FHIR view runs, all of it reached from here: the REST API's own SELECTs and
//! readers, filtered by patient or id, at most 500 rows a search. Every statement runs in the
//! caller's transaction, under RLS: a row the caller may not see does not exist here.

use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    db::{TenantTx, stmt},
    error::ApiResult,
    ids::{
        AppointmentId, DoctorId, DocumentId, EncounterId, GrantId, PatientId, PrescriptionId,
        VitalsId,
    },
    prescriptions::{self, Prescription},
    records::{
        consent::{GRANT_SELECT, Grant},
        documents::{DOCUMENT_SELECT, Document},
        notes::{self, ENCOUNTER_SELECT, Encounter},
        vitals::{VITALS_SELECT, types::VitalsRow},
    },
    scheduling::appointments::{self, Appointment},
    tenancy::staff::{self, Doctor, Patient},
};

const LIMIT: &str = " order by 1 limit 500";

async fn rows<T: FromQueryResult>(
    tx: &TenantTx,
    select: &str,
    filter: &str,
    id: Uuid,
) -> ApiResult<Vec<T>> {
    Ok(T::find_by_statement(stmt(
        &format!("{select} where {filter} = $1{LIMIT}"),
        [id.into()],
    ))
    .all(tx.conn())
    .await?)
}

async fn prescriptions_where(
    tx: &TenantTx,
    filter: &str,
    id: Uuid,
) -> ApiResult<Vec<Prescription>> {
    rows::<prescriptions::Row>(tx, prescriptions::SELECT, filter, id)
        .await?
        .into_iter()
        .map(Prescription::try_from)
        .collect()
}

/// One patient the caller may see; 404 otherwise.
pub async fn patient(tx: &TenantTx, id: PatientId) -> ApiResult<Patient> {
    staff::patient(tx, id.uuid()).await
}

/// One doctor of this hospital; 404 otherwise.
pub async fn doctor(tx: &TenantTx, id: DoctorId) -> ApiResult<Doctor> {
    staff::doctor(tx, id.uuid()).await
}

/// One appointment the caller may see; 404 otherwise.
pub async fn appointment(tx: &TenantTx, id: AppointmentId) -> ApiResult<Appointment> {
    appointments::get(tx, id.uuid()).await
}

/// One encounter the caller may see; 404 otherwise.
pub async fn encounter(tx: &TenantTx, id: EncounterId) -> ApiResult<Encounter> {
    notes::encounter(tx, id).await
}

pub async fn appointments_of(tx: &TenantTx, patient: PatientId) -> ApiResult<Vec<Appointment>> {
    rows(tx, appointments::SELECT, "patient_id", patient.uuid()).await
}

pub async fn encounters_of(tx: &TenantTx, patient: PatientId) -> ApiResult<Vec<Encounter>> {
    rows(tx, ENCOUNTER_SELECT, "e.patient_id", patient.uuid()).await
}

pub async fn prescriptions_of(tx: &TenantTx, patient: PatientId) -> ApiResult<Vec<Prescription>> {
    prescriptions_where(tx, "p.patient_id", patient.uuid()).await
}

/// The prescription `id` (none when the caller may not see it).
pub async fn prescription(tx: &TenantTx, id: PrescriptionId) -> ApiResult<Vec<Prescription>> {
    prescriptions_where(tx, "p.id", id.uuid()).await
}

pub async fn documents_of(tx: &TenantTx, patient: PatientId) -> ApiResult<Vec<Document>> {
    rows(tx, DOCUMENT_SELECT, "d.patient_id", patient.uuid()).await
}

/// The document `id` (none when the caller may not see it).
pub async fn document(tx: &TenantTx, id: DocumentId) -> ApiResult<Vec<Document>> {
    rows(tx, DOCUMENT_SELECT, "d.id", id.uuid()).await
}

pub async fn grants_of(tx: &TenantTx, patient: PatientId) -> ApiResult<Vec<Grant>> {
    rows(tx, GRANT_SELECT, "g.patient_id", patient.uuid()).await
}

/// The grant `id` (none when the caller may not see it).
pub async fn grant(tx: &TenantTx, id: GrantId) -> ApiResult<Vec<Grant>> {
    rows(tx, GRANT_SELECT, "g.id", id.uuid()).await
}

pub async fn vitals_of(tx: &TenantTx, patient: PatientId) -> ApiResult<Vec<VitalsRow>> {
    rows(tx, VITALS_SELECT, "v.patient_id", patient.uuid()).await
}

/// The set of vital signs `id`; 404 when the caller may not see it.
pub async fn vitals(tx: &TenantTx, id: VitalsId) -> ApiResult<VitalsRow> {
    crate::records::vitals::vitals(tx, id).await
}
