//! `/api/v1/encounters` and `/api/v1/patients/{id}/notes`, `/api/v1/notes/{id}`: HTTP only.
//! Each handler names the ids it was given, asks casbin for its permit and hands both to
//! `service`.

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
    ids::{AppointmentId, EncounterId, NoteId, PatientId},
    records::notes::{
        service,
        types::{Encounter, EncounterRequest, Note, NoteRequest},
    },
};

pub struct NotesApi;

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
        let permit = tx.permit::<perm::Encounter, perm::Create>().await?;
        let b = body.0;
        let req = EncounterRequest {
            patient: PatientId::from(b.patient_id),
            appointment: b.appointment_id.map(AppointmentId::from),
            reason: b.reason,
        };
        let e = service::open_encounter(tx, &permit, req).await?;
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
        let tx = auth.0;
        let permit = tx.permit::<perm::Encounter, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let patient = PatientId::from(patient_id.0);
        let listing = service::list_encounters(tx, &permit, patient, page).await?;
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
        let tx = auth.0;
        let permit = tx.permit::<perm::Encounter, perm::Read>().await?;
        let e = service::read_encounter(tx, &permit, EncounterId::from(id.0)).await?;
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
        let permit = tx.permit::<perm::Note, perm::Create>().await?;
        let b = body.0;
        let req = NoteRequest {
            body: b.body,
            private: b.private,
            encounter: b.encounter_id.map(EncounterId::from),
        };
        let n = service::write_note(tx, &permit, PatientId::from(id.0), req).await?;
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
        let tx = auth.0;
        let permit = tx.permit::<perm::Note, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = service::list_notes(tx, &permit, PatientId::from(id.0), page).await?;
        Ok(NoteList::Ok(Json(listing)))
    }

    /// One note.
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant; 404
    /// otherwise, and for a private note to an admin without the patient's `private_notes` grant.
    /// The read is audited.
    #[oai(path = "/notes/:id", method = "get", operation_id = "getNote")]
    async fn get_note(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<NoteAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Note, perm::Read>().await?;
        let n = service::read_note(tx, &permit, NoteId::from(id.0)).await?;
        Ok(NoteAnswer::Ok(Json(n)))
    }
}
