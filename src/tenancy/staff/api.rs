//! `/api/v1/doctors`, `/api/v1/patients` and care teams, inside the caller's hospital: HTTP
//! only. Each handler names the ids it was given, asks casbin for its permit and hands both to
//! `service`.

use poem::web::Data;
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    auth::permit as perm,
    auth::{BearerAuth, BearerRead},
    error::ApiResult,
    ids::{DoctorId, PatientId},
    tenancy::staff::{
        service,
        service::ProfileRight,
        types::{
            CareTeamAssignment, CareTeamMember, CreatedPatient, Doctor, DoctorProfile, NewDoctor,
            NewPatient, Patient, PatientPatch, PatientProfile, ProfilePatch, TeamDoctor,
        },
    },
};

pub struct StaffApi;

#[derive(ApiResponse)]
pub enum DoctorCreated {
    #[oai(status = 201)]
    Created(Json<Doctor>),
}
#[derive(ApiResponse)]
pub enum DoctorList {
    #[oai(status = 200)]
    Ok(Json<Listing<Doctor>>),
}
#[derive(ApiResponse)]
pub enum DoctorAnswer {
    #[oai(status = 200)]
    Ok(Json<Doctor>),
}
#[derive(ApiResponse)]
pub enum PatientCreated {
    #[oai(status = 201)]
    Created(Json<CreatedPatient>),
}
#[derive(ApiResponse)]
pub enum PatientList {
    #[oai(status = 200)]
    Ok(Json<Listing<Patient>>),
}
#[derive(ApiResponse)]
pub enum PatientAnswer {
    #[oai(status = 200)]
    Ok(Json<Patient>),
}
#[derive(ApiResponse)]
pub enum CareTeamAnswer {
    /// Assigned.
    #[oai(status = 201)]
    Created(Json<CareTeamMember>),
}
#[derive(ApiResponse)]
pub enum CareTeamList {
    #[oai(status = 200)]
    Ok(Json<Vec<TeamDoctor>>),
}
#[derive(ApiResponse)]
pub enum CareTeamRemoved {
    /// Removed.
    #[oai(status = 204)]
    Done,
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Staff")]
impl StaffApi {
    /// Add a doctor to the hospital (hospital admin).
    ///
    /// Hospital admins only. Creates the doctor's account, which signs in with the given password,
    /// and profile. 422 for an invalid email, name or password, or a specialization, licence
    /// number, languages or bio out of bounds; 409 when the email already has an account (in any
    /// hospital) or the licence number is taken here; audited.
    #[oai(path = "/doctors", method = "post", operation_id = "createDoctor")]
    async fn create_doctor(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<NewDoctor>,
    ) -> ApiResult<DoctorCreated> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Doctor, perm::Create>().await?;
        let (profile, account) = DoctorProfile::parse(body.0)?;
        let d = service::create_doctor(&state, tx, &permit, profile, account).await?;
        Ok(DoctorCreated::Created(Json(d)))
    }

    /// The hospital's doctors (any member).
    ///
    /// Hospital admins, doctors and patients of the hospital (403 for a super admin). Profiles in
    /// creation order, paged with `limit` and `cursor`.
    #[oai(path = "/doctors", method = "get", operation_id = "listDoctors")]
    async fn list_doctors(
        &self,
        auth: BearerAuth,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<DoctorList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Doctor, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = service::list_doctors(tx, &permit, page).await?;
        Ok(DoctorList::Ok(Json(listing)))
    }

    /// One doctor.
    ///
    /// Hospital admins, doctors and patients of the hospital. 404 for an unknown id or another
    /// hospital's doctor.
    #[oai(path = "/doctors/:id", method = "get", operation_id = "getDoctor")]
    async fn get_doctor(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<DoctorAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Doctor, perm::Read>().await?;
        let d = service::read_doctor(tx, &permit, DoctorId::from(id.0)).await?;
        Ok(DoctorAnswer::Ok(Json(d)))
    }

    /// Add a patient (hospital admin).
    ///
    /// Hospital admins only. Creates the patient's account, which signs in with the given password,
    /// and profile. 422 for an invalid email, name, password, date of birth (1900-01-01 to today)
    /// or phone; 409 when the email already has an account (in any hospital); audited.
    #[oai(path = "/patients", method = "post", operation_id = "createPatient")]
    async fn create_patient(
        &self,
        state: Data<&AppState>,
        auth: BearerAuth,
        body: Json<NewPatient>,
    ) -> ApiResult<PatientCreated> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Patient, perm::Create>().await?;
        let (profile, account) = PatientProfile::parse(body.0)?;
        let created = service::create_patient(&state, tx, &permit, profile, account).await?;
        Ok(PatientCreated::Created(Json(created)))
    }

    /// Patients the caller may see: all (admin), the care team's (doctor), oneself (patient).
    ///
    /// Doctors see the patients on their care teams and those who gave them an active consent or
    /// break-glass grant. Paged with `limit` and `cursor`; every patient on the page is recorded in
    /// the audit trail as read.
    #[oai(path = "/patients", method = "get", operation_id = "listPatients")]
    async fn list_patients(
        &self,
        auth: BearerAuth,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] limit: Query<Option<u32>>,
        cursor: Query<Option<Uuid>>,
    ) -> ApiResult<PatientList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::Patient, perm::List>().await?;
        let page = Page::parse(limit.0, cursor.0)?;
        let listing = service::list_patients(tx, &permit, page).await?;
        Ok(PatientList::Ok(Json(listing)))
    }

    /// One patient's profile (audited read).
    ///
    /// The patient, hospital admins, and doctors on the care team or holding an active grant; 404
    /// for any other patient, including another hospital's. The read is recorded before the answer
    /// is sent and shows in the patient's access log.
    #[oai(path = "/patients/:id", method = "get", operation_id = "getPatient")]
    async fn get_patient(&self, auth: BearerRead, id: Path<Uuid>) -> ApiResult<PatientAnswer> {
        let read = auth
            .0
            .read(&service::patient_read(PatientId::from(id.0)))
            .await?;
        let permit = read.permit::<perm::Patient, perm::Read>().await?;
        let p = service::read_patient(read, &permit).await?;
        Ok(PatientAnswer::Ok(Json(p)))
    }

    /// Update a patient's profile (hospital admin; the patient their own contact details).
    ///
    /// Hospital admins change any field. A patient changes their own `phone`,
    /// `notification_channels` and `emergency_contact` (403 for any other field). Fields left out
    /// stay as they are and the answer is the updated profile. 404 for a patient of another
    /// hospital (or, for a patient, anyone else); 422 for an invalid date of birth or phone (E.164),
    /// a `sex` or `blood_type` outside the listed values, allergies, medical history or
    /// emergency contact over their length limits, or channels other than `email` and `sms`; 409
    /// for SMS without a phone number. Audited.
    #[oai(
        path = "/patients/:id",
        method = "patch",
        operation_id = "updatePatient"
    )]
    async fn update_patient(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<PatientPatch>,
    ) -> ApiResult<PatientAnswer> {
        let tx = auth.0;
        let right = if body.0.contact_only() {
            ProfileRight::Contact(tx.permit::<perm::Patient, perm::UpdateContact>().await?)
        } else {
            ProfileRight::Whole(tx.permit::<perm::Patient, perm::Update>().await?)
        };
        let patch = ProfilePatch::parse(body.0)?;
        let p = service::update_patient(tx, &right, PatientId::from(id.0), patch).await?;
        Ok(PatientAnswer::Ok(Json(p)))
    }

    /// Put a doctor on a patient's care team (hospital admin).
    ///
    /// Hospital admins only. The doctor can then read the patient's profile and records, write
    /// notes and encounters, and prescribe. 404 when the patient or doctor is not in this hospital,
    /// 409 when the doctor is already on the team; audited.
    #[oai(
        path = "/patients/:id/care-team",
        method = "post",
        operation_id = "assignCareTeam"
    )]
    async fn assign(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<CareTeamAssignment>,
    ) -> ApiResult<CareTeamAnswer> {
        let tx = auth.0;
        let permit = tx.permit::<perm::CareTeam, perm::Assign>().await?;
        let (patient, doctor) = (PatientId::from(id.0), DoctorId::from(body.0.doctor_id));
        let member = service::assign(tx, &permit, patient, doctor).await?;
        Ok(CareTeamAnswer::Created(Json(member)))
    }

    /// The doctors on a patient's care team.
    ///
    /// The patient (their own) and hospital admins; doctors get 403, another patient's or
    /// hospital's id 404. Longest-standing first; audited as a read of the patient's record.
    #[oai(
        path = "/patients/:id/care-team",
        method = "get",
        operation_id = "listCareTeam"
    )]
    async fn team(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<CareTeamList> {
        let tx = auth.0;
        let permit = tx.permit::<perm::CareTeam, perm::List>().await?;
        let team = service::team(tx, &permit, PatientId::from(id.0)).await?;
        Ok(CareTeamList::Ok(Json(team)))
    }

    /// Take a doctor off a patient's care team (hospital admin).
    ///
    /// Hospital admins only. The doctor's access through the care team ends; a consent or
    /// break-glass grant they hold is not affected. 404 when the doctor is not on this patient's
    /// team; audited.
    #[oai(
        path = "/patients/:id/care-team/:doctor_id",
        method = "delete",
        operation_id = "removeCareTeam"
    )]
    async fn remove(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        doctor_id: Path<Uuid>,
    ) -> ApiResult<CareTeamRemoved> {
        let tx = auth.0;
        let permit = tx.permit::<perm::CareTeam, perm::Remove>().await?;
        let (patient, doctor) = (PatientId::from(id.0), DoctorId::from(doctor_id.0));
        service::remove(tx, &permit, patient, doctor).await?;
        Ok(CareTeamRemoved::Done)
    }
}
