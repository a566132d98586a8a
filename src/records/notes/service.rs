//! The notes domain's rules and transactions. Each function takes the request's transaction
//! and the permit casbin gave for what it does, and commits when it is done; the SQL is in
//! `store`.

use crate::{
    app::paging::{Listing, Page},
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{EncounterId, HospitalId, NoteId, PatientId, UserId},
    records::{
        RowKind, caller_doctor, list_patient_rows,
        notes::{
            store::{self, ENCOUNTER_SELECT, NOTE_SELECT},
            types::{Encounter, EncounterRequest, Note, NoteRequest},
        },
        require_appointment_of, require_patient,
    },
};

/// Opens an encounter: the patient visible to the caller (404), the caller a doctor with a
/// profile (403), the appointment, when named, this patient's (422), the reason at most 500
/// characters (422). Audited.
#[tracing::instrument(skip_all, fields(patient = %req.patient))]
pub async fn open_encounter(
    tx: TenantTx,
    _: &Permit<perm::Encounter, perm::Create>,
    req: EncounterRequest,
) -> ApiResult<Encounter> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    require_patient(&tx, req.patient).await?;
    let doctor = caller_doctor(&tx).await?;
    if let Some(a) = req.appointment {
        require_appointment_of(&tx, a, req.patient).await?;
    }
    let reason = req.checked_reason()?;
    let id = EncounterId::new();
    store::insert_encounter(&tx, hospital, id, doctor, &req, reason).await?;
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("encounter.create", "encounter", id).patient(req.patient.uuid()),
    )
    .await?;
    let e = store::encounter(&tx, id).await?;
    tx.commit().await?;
    Ok(e)
}

/// A page of a patient's encounters (404 for a patient the caller may not see); audited.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn list_encounters(
    tx: TenantTx,
    permit: &Permit<perm::Encounter, perm::List>,
    patient: PatientId,
    page: Page,
) -> ApiResult<Listing<Encounter>> {
    let kind = RowKind {
        action: "encounter.list",
        select: ENCOUNTER_SELECT,
        alias: "e",
    };
    list_patient_rows(tx, permit, kind, patient, page, |e: &Encounter| e.id).await
}

/// One encounter; audited as read.
#[tracing::instrument(skip_all, fields(encounter = %id))]
pub async fn read_encounter(
    mut tx: TenantTx,
    _: &Permit<perm::Encounter, perm::Read>,
    id: EncounterId,
) -> ApiResult<Encounter> {
    let hospital = tx.caller().hospital()?;
    let e = store::encounter(&tx, id).await?;
    tx.audit_read(
        hospital,
        AuditEntry::new("encounter.read", "encounter", e.id).patient(e.patient_id),
    );
    tx.commit().await?;
    Ok(e)
}

/// 422 unless `encounter` is one of `patient`'s encounters that the caller can see.
async fn require_encounter_of(
    tx: &TenantTx,
    encounter: EncounterId,
    patient: PatientId,
) -> ApiResult<()> {
    let not_theirs =
        || ApiError::unprocessable("encounter_id is not one of this patient's encounters");
    let enc = store::encounter(tx, encounter)
        .await
        .map_err(|_| not_theirs())?;
    if enc.patient_id != patient.uuid() {
        return Err(not_theirs());
    }
    Ok(())
}

/// Writes a note: the patient visible to the caller (404), the body 1 to 20000 characters and
/// the encounter, when named, this patient's (422). Audited.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn write_note(
    tx: TenantTx,
    _: &Permit<perm::Note, perm::Create>,
    patient: PatientId,
    req: NoteRequest,
) -> ApiResult<Note> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    require_patient(&tx, patient).await?;
    let body = req.checked_body()?;
    if let Some(e) = req.encounter {
        require_encounter_of(&tx, e, patient).await?;
    }
    let id = NoteId::new();
    let author = UserId::from(tx.caller().user_id);
    store::insert_note(&tx, hospital, id, patient, author, &req, body).await?;
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("note.create", "clinical_note", id).patient(patient.uuid()),
    )
    .await?;
    let n = store::note(&tx, id).await?;
    tx.commit().await?;
    Ok(n)
}

/// A page of a patient's notes, private ones left out for admins without the patient's grant
/// (RLS); 404 for a patient the caller may not see. Audited.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn list_notes(
    tx: TenantTx,
    permit: &Permit<perm::Note, perm::List>,
    patient: PatientId,
    page: Page,
) -> ApiResult<Listing<Note>> {
    let kind = RowKind {
        action: "note.list",
        select: NOTE_SELECT,
        alias: "n",
    };
    list_patient_rows(tx, permit, kind, patient, page, |n: &Note| n.id).await
}

/// One note; audited as read.
#[tracing::instrument(skip_all, fields(note = %id))]
pub async fn read_note(
    mut tx: TenantTx,
    _: &Permit<perm::Note, perm::Read>,
    id: NoteId,
) -> ApiResult<Note> {
    let hospital = tx.caller().hospital()?;
    let n = store::note(&tx, id).await?;
    tx.audit_read(
        hospital,
        AuditEntry::new("note.read", "clinical_note", n.id).patient(n.patient_id),
    );
    tx.commit().await?;
    Ok(n)
}
