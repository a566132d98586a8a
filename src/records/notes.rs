//! Encounters and consultation notes. Doctors write; patients and admins read (admins never
//! see private notes unless the patient grants it).

use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    app::paging::Listing,
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    records::{PatientRows, list_for_patient, require_patient, text},
};

pub struct NotesApi;

#[derive(Object, FromQueryResult, Debug, Clone)]
pub struct Encounter {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub doctor_id: Uuid,
    #[oai(nullable)]
    pub appointment_id: Option<Uuid>,
    /// `in_progress` or `finished`.
    pub status: String,
    pub reason: String,
    pub started_at: chrono::DateTime<chrono::Utc>,
    #[oai(nullable)]
    pub ended_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub const ENCOUNTER_SELECT: &str = "select e.id, e.patient_id, e.doctor_id, e.appointment_id, \
    e.status, e.reason, e.started_at, e.ended_at from encounter e";

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewEncounter {
    pub patient_id: Uuid,
    /// The appointment this visit belongs to (one encounter per appointment).
    #[oai(nullable)]
    pub appointment_id: Option<Uuid>,
    #[oai(nullable)]
    pub reason: Option<String>,
}

#[derive(Object, FromQueryResult, Debug, Clone)]
pub struct Note {
    pub id: Uuid,
    pub patient_id: Uuid,
    #[oai(nullable)]
    pub encounter_id: Option<Uuid>,
    pub author_user_id: Uuid,
    /// Hidden from hospital admins unless the patient grants them access.
    pub private: bool,
    pub body: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

pub const NOTE_SELECT: &str = "select n.id, n.patient_id, n.encounter_id, n.author_user_id, \
    n.private, n.body, n.created_at from clinical_note n";

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewNote {
    pub body: String,
    #[oai(default)]
    pub private: bool,
    #[oai(nullable)]
    pub encounter_id: Option<Uuid>,
}

#[derive(ApiResponse)]
pub enum EncounterCreated {
    #[oai(status = 201)]
    Created(Json<Encounter>),
}
#[derive(ApiResponse)]
pub enum EncounterAnswer {
    #[oai(status = 200)]
    Ok(Json<Encounter>),
}
#[derive(ApiResponse)]
pub enum EncounterList {
    #[oai(status = 200)]
    Ok(Json<Listing<Encounter>>),
}
#[derive(ApiResponse)]
pub enum NoteCreated {
    #[oai(status = 201)]
    Created(Json<Note>),
}
#[derive(ApiResponse)]
pub enum NoteAnswer {
    #[oai(status = 200)]
    Ok(Json<Note>),
}
#[derive(ApiResponse)]
pub enum NoteList {
    #[oai(status = 200)]
    Ok(Json<Listing<Note>>),
}

#[derive(FromQueryResult)]
struct Id {
    id: Uuid,
}

/// The caller's doctor profile id in this hospital.
pub async fn caller_doctor(tx: &TenantTx) -> ApiResult<Uuid> {
    Id::find_by_statement(stmt(
        "select id from doctor where user_id = $1",
        [tx.caller().user_id.into()],
    ))
    .one(tx.conn())
    .await?
    .map(|r| r.id)
    .ok_or(ApiError::ForbiddenBecause(
        "only doctors with a profile can do this",
    ))
}

pub async fn encounter(tx: &TenantTx, id: Uuid) -> ApiResult<Encounter> {
    Encounter::find_by_statement(stmt(
        &format!("{ENCOUNTER_SELECT} where e.id = $1"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Records")]
impl NotesApi {
    /// Open an encounter (a visit's clinical record) for a patient on the caller's care team.
    ///
    /// Doctors with a profile in this hospital (403 otherwise), for a patient on their care team or
    /// who gave them an active grant (404 for any other patient); it starts `in_progress`.
    /// `appointment_id`, when given, must be one of this patient's appointments the doctor can see
    /// (422) and may have only one encounter (409); `reason` has at most 500 characters. Audited.
    #[oai(
        path = "/encounters",
        method = "post",
        operation_id = "createEncounter"
    )]
    async fn create_encounter(
        &self,
        auth: BearerAuth,
        body: Json<NewEncounter>,
    ) -> ApiResult<EncounterCreated> {
        let tx = auth.0;
        tx.permit::<perm::Encounter, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        let b = body.0;
        require_patient(&tx, b.patient_id).await?;
        let doctor = caller_doctor(&tx).await?;
        if let Some(a) = b.appointment_id {
            crate::records::require_appointment_of(&tx, a, b.patient_id).await?;
        }
        let reason = b.reason.unwrap_or_default();
        if reason.chars().count() > 500 {
            return Err(ApiError::unprocessable(
                "reason must have at most 500 characters",
            ));
        }
        let id = Uuid::now_v7();
        tx.conn()
            .execute_raw(stmt(
                "insert into encounter (hospital_id, id, patient_id, doctor_id, appointment_id, reason) values ($1, $2, $3, $4, $5, $6)",
                vec![Value::from(hospital), id.into(), b.patient_id.into(), doctor.into(), b.appointment_id.into(), reason.into()],
            ))
            .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("encounter.create", "encounter", id).patient(b.patient_id),
        )
        .await?;
        let e = encounter(&tx, id).await?;
        tx.commit().await?;
        Ok(EncounterCreated::Created(Json(e)))
    }

    /// A patient's encounters.
    ///
    /// For the patient named by `patient_id`: the patient, hospital admins, and doctors on the care
    /// team or holding an active grant (404 for any other patient). In creation order, paged with
    /// `limit` and `cursor`; the read is audited.
    #[oai(path = "/encounters", method = "get", operation_id = "listEncounters")]
    async fn list_encounters(
        &self,
        auth: BearerAuth,
        patient_id: Query<Uuid>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<EncounterList> {
        let rows = PatientRows {
            object: perm::Encounter,
            action: "encounter.list",
            select: ENCOUNTER_SELECT,
            alias: "e",
        };
        let listing = list_for_patient(
            auth.0,
            rows,
            patient_id.0,
            limit.0,
            cursor.0,
            |e: &Encounter| e.id,
        )
        .await?;
        Ok(EncounterList::Ok(Json(listing)))
    }

    /// One encounter.
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant; 404
    /// otherwise, also for another hospital's id. The read is audited.
    #[oai(
        path = "/encounters/:id",
        method = "get",
        operation_id = "getEncounter"
    )]
    async fn get_encounter(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<EncounterAnswer> {
        let mut tx = auth.0;
        tx.permit::<perm::Encounter, perm::Read>().await?;
        let hospital = tx.caller().hospital()?;
        let e = encounter(&tx, id.0).await?;
        tx.audit_read(
            hospital,
            AuditEntry::new("encounter.read", "encounter", e.id).patient(e.patient_id),
        );
        tx.commit().await?;
        Ok(EncounterAnswer::Ok(Json(e)))
    }

    /// Write a consultation note (doctors on the patient's care team or with granted access).
    ///
    /// Doctors only; 404 for a patient the caller may not see. `body` must have 1 to 20000
    /// characters and `encounter_id`, when given, must be one of this patient's encounters (422). A
    /// `private` note is hidden from hospital admins unless the patient grants them
    /// `private_notes`; audited.
    #[oai(
        path = "/patients/:id/notes",
        method = "post",
        operation_id = "createNote"
    )]
    async fn create_note(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<NewNote>,
    ) -> ApiResult<NoteCreated> {
        let tx = auth.0;
        tx.permit::<perm::Note, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        require_patient(&tx, id.0).await?;
        let b = body.0;
        let text = text("body", &b.body, 20_000)?;
        if let Some(e) = b.encounter_id {
            let enc = encounter(&tx, e).await.map_err(|_| {
                ApiError::unprocessable("encounter_id is not one of this patient's encounters")
            })?;
            if enc.patient_id != id.0 {
                return Err(ApiError::unprocessable(
                    "encounter_id is not one of this patient's encounters",
                ));
            }
        }
        let note = Uuid::now_v7();
        tx.conn_execute(
            "insert into clinical_note (hospital_id, id, patient_id, encounter_id, author_user_id, private, body) values ($1, $2, $3, $4, $5, $6, $7)",
            vec![Value::from(hospital), note.into(), id.0.into(), b.encounter_id.into(), tx.caller().user_id.into(), b.private.into(), text.into()],
        )
        .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("note.create", "clinical_note", note).patient(id.0),
        )
        .await?;
        let n = Note::find_by_statement(stmt(
            &format!("{NOTE_SELECT} where n.id = $1"),
            [note.into()],
        ))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)?;
        tx.commit().await?;
        Ok(NoteCreated::Created(Json(n)))
    }

    /// A patient's notes (private ones only for those allowed to see them).
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant (404
    /// for any other patient). Private notes are left out for hospital admins without the patient's
    /// `private_notes` grant. Oldest first, paged with `limit` and `cursor`; the read is audited.
    #[oai(
        path = "/patients/:id/notes",
        method = "get",
        operation_id = "listNotes"
    )]
    async fn list_notes(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<NoteList> {
        let rows = PatientRows {
            object: perm::Note,
            action: "note.list",
            select: NOTE_SELECT,
            alias: "n",
        };
        let listing =
            list_for_patient(auth.0, rows, id.0, limit.0, cursor.0, |n: &Note| n.id).await?;
        Ok(NoteList::Ok(Json(listing)))
    }

    /// One note.
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant; 404
    /// otherwise, and for a private note to an admin without the patient's `private_notes` grant.
    /// The read is audited.
    #[oai(path = "/notes/:id", method = "get", operation_id = "getNote")]
    async fn get_note(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<NoteAnswer> {
        let mut tx = auth.0;
        tx.permit::<perm::Note, perm::Read>().await?;
        let hospital = tx.caller().hospital()?;
        let n = Note::find_by_statement(stmt(
            &format!("{NOTE_SELECT} where n.id = $1"),
            [id.0.into()],
        ))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)?;
        tx.audit_read(
            hospital,
            AuditEntry::new("note.read", "clinical_note", n.id).patient(n.patient_id),
        );
        tx.commit().await?;
        Ok(NoteAnswer::Ok(Json(n)))
    }
}
