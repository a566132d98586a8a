//! The notes domain's SQL, all of it. Every statement runs in the caller's transaction, under
//! RLS: a row the caller may not see does not exist here (private notes included, for admins
//! without the patient's grant).

use sea_orm::{FromQueryResult, Value};

use crate::{
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{DoctorId, EncounterId, HospitalId, NoteId, PatientId, UserId},
    records::notes::types::{Encounter, EncounterRequest, Note, NoteRequest},
};

pub const ENCOUNTER_SELECT: &str = "select e.id, e.patient_id, e.doctor_id, e.appointment_id, \
    e.status, e.reason, e.started_at, e.ended_at from encounter e";

pub const NOTE_SELECT: &str = "select n.id, n.patient_id, n.encounter_id, n.author_user_id, \
    n.private, n.body, n.created_at from clinical_note n";

/// One encounter the caller may see; 404 otherwise.
pub async fn encounter(tx: &TenantTx, id: EncounterId) -> ApiResult<Encounter> {
    Encounter::find_by_statement(stmt(
        &format!("{ENCOUNTER_SELECT} where e.id = $1"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

pub async fn insert_encounter(
    tx: &TenantTx,
    hospital: HospitalId,
    id: EncounterId,
    doctor: DoctorId,
    req: &EncounterRequest,
    reason: String,
) -> ApiResult<()> {
    tx.conn_execute(
        "insert into encounter (hospital_id, id, patient_id, doctor_id, appointment_id, reason) values ($1, $2, $3, $4, $5, $6)",
        vec![
            Value::from(hospital),
            id.into(),
            req.patient.into(),
            doctor.into(),
            req.appointment.map(|a| a.uuid()).into(),
            reason.into(),
        ],
    )
    .await?;
    Ok(())
}

/// One note the caller may see; 404 otherwise.
pub async fn note(tx: &TenantTx, id: NoteId) -> ApiResult<Note> {
    Note::find_by_statement(stmt(&format!("{NOTE_SELECT} where n.id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn insert_note(
    tx: &TenantTx,
    hospital: HospitalId,
    id: NoteId,
    patient: PatientId,
    author: UserId,
    req: &NoteRequest,
    body: String,
) -> ApiResult<()> {
    tx.conn_execute(
        "insert into clinical_note (hospital_id, id, patient_id, encounter_id, author_user_id, private, body) values ($1, $2, $3, $4, $5, $6, $7)",
        vec![
            Value::from(hospital),
            id.into(),
            patient.into(),
            req.encounter.map(|e| e.uuid()).into(),
            author.into(),
            req.private.into(),
            body.into(),
        ],
    )
    .await?;
    Ok(())
}
