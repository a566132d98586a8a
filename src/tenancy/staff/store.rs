//! The staff domain's SQL, all of it. Statements run in the caller's transaction, under RLS:
//! a doctor or patient the caller may not see does not exist here (404).

use std::sync::LazyLock;

use sea_orm::{ConnectionTrait, FromQueryResult, Value};

use crate::{
    app::paging::{Listing, Page},
    db::{NamedStatement, Prepared, TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{DoctorId, HospitalId, PatientId, UserId},
    tenancy::staff::types::{
        Doctor, DoctorProfile, Patient, PatientProfile, ProfilePatch, TeamDoctor,
    },
};

pub const DOCTOR: &str = "select d.id, d.user_id, u.full_name, d.specialization, d.license_number,
    d.languages, d.bio, d.created_at from doctor d join app_user u on u.id = d.user_id";

pub const PATIENT_SELECT: &str =
    "select p.id, p.user_id, u.full_name, u.email, p.date_of_birth, p.phone,
    p.sex, p.blood_type, p.allergies, p.medical_history, p.emergency_contact,
    p.notification_channels, p.created_at
    from patient p join app_user u on u.id = p.user_id";

/// One patient by id, for reads answered in one message.
static PATIENT_BY_ID: LazyLock<NamedStatement> =
    LazyLock::new(|| NamedStatement::by_id(PATIENT_SELECT, "p.id"));

/// The one-message read of patient `id` (it travels with the session check).
pub fn patient_by_id(id: PatientId) -> Prepared {
    PATIENT_BY_ID.with_id(id.uuid())
}

/// One doctor the caller may see; 404 otherwise.
pub async fn doctor(tx: &TenantTx, id: DoctorId) -> ApiResult<Doctor> {
    Doctor::find_by_statement(stmt(&format!("{DOCTOR} where d.id = $1"), [id.into()]))
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound)
}

/// One patient the caller may see; 404 otherwise.
pub async fn patient(tx: &TenantTx, id: PatientId) -> ApiResult<Patient> {
    Patient::find_by_statement(stmt(
        &format!("{PATIENT_SELECT} where p.id = $1"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

/// One page of the hospital's doctors, in creation order.
pub async fn doctors(tx: &TenantTx, page: &Page) -> ApiResult<Listing<Doctor>> {
    page.list(tx, DOCTOR, "d.id", "", vec![], |d: &Doctor| d.id)
        .await
}

/// One page of the patients the caller may see, in creation order.
pub async fn patients(tx: &TenantTx, page: &Page) -> ApiResult<Listing<Patient>> {
    page.list(tx, PATIENT_SELECT, "p.id", "", vec![], |p: &Patient| p.id)
        .await
}

/// A doctor's profile for the account `user` (409 when the licence number is taken here).
pub async fn insert_doctor(
    tx: &TenantTx,
    hospital: HospitalId,
    id: DoctorId,
    user: UserId,
    d: DoctorProfile,
) -> ApiResult<()> {
    let res = tx
        .conn()
        .execute_raw(stmt(
            "insert into doctor (hospital_id, id, user_id, specialization, license_number, languages, bio)
                 values ($1, $2, $3, $4, $5, array(select jsonb_array_elements_text($6::jsonb)), $7)",
            [
                Value::from(hospital),
                id.into(),
                user.into(),
                d.specialization.into(),
                d.license_number.into(),
                serde_json::json!(d.languages).into(),
                d.bio.into(),
            ],
        ))
        .await;
    res?;
    Ok(())
}

/// A patient's profile for the account `user`.
pub async fn insert_patient(
    tx: &TenantTx,
    hospital: HospitalId,
    id: PatientId,
    user: UserId,
    p: PatientProfile,
) -> ApiResult<()> {
    tx.conn()
        .execute_raw(stmt(
            "insert into patient (hospital_id, id, user_id, date_of_birth, phone) values ($1, $2, $3, $4, $5)",
            [Value::from(hospital), id.into(), user.into(), p.date_of_birth.into(), p.phone.into()],
        ))
        .await?;
    Ok(())
}

/// Applies a profile patch; 404 for a patient the caller may not see.
pub async fn update_patient(tx: &TenantTx, id: PatientId, p: ProfilePatch) -> ApiResult<()> {
    tx.execute_one(
        "update patient set date_of_birth = coalesce($2, date_of_birth), phone = coalesce($3, phone),
               sex = coalesce($4, sex), blood_type = coalesce($5, blood_type),
               allergies = coalesce($6, allergies), medical_history = coalesce($7, medical_history),
               emergency_contact = coalesce($8, emergency_contact),
               notification_channels = coalesce($9, notification_channels)
             where id = $1",
        vec![
            id.into(),
            p.date_of_birth.into(),
            p.phone.into(),
            p.sex.map(|s| s.as_str().to_string()).into(),
            p.blood_type.map(|b| b.as_str().to_string()).into(),
            p.allergies.into(),
            p.medical_history.into(),
            p.emergency_contact.into(),
            p.notification_channels.into(),
        ],
    )
    .await
}

/// Puts the doctor on the patient's care team: 404 unless both are in this hospital, 409 when
/// the doctor is already on it.
pub async fn assign(tx: &TenantTx, patient: PatientId, doctor: DoctorId) -> ApiResult<()> {
    tx.execute_one(
        "insert into care_team (hospital_id, patient_id, doctor_id, patient_user_id, doctor_user_id)
                 select p.hospital_id, p.id, d.id, p.user_id, d.user_id
                   from patient p join doctor d on d.hospital_id = p.hospital_id
                  where p.id = $1 and d.id = $2",
        vec![patient.into(), doctor.into()],
    )
    .await
}

/// The doctors on the patient's care team, longest-standing first (RLS: the patient, their
/// team's doctors, the hospital's admins).
pub async fn team(tx: &TenantTx, patient: PatientId) -> ApiResult<Vec<TeamDoctor>> {
    Ok(TeamDoctor::find_by_statement(stmt(
        "select d.id as doctor_id, u.full_name, d.specialization, ct.created_at as since
           from care_team ct join doctor d on d.id = ct.doctor_id
           join app_user u on u.id = d.user_id
          where ct.patient_id = $1 order by ct.created_at, d.id",
        [patient.into()],
    ))
    .all(tx.conn())
    .await?)
}

/// Takes the doctor off the patient's care team; 404 when they are not on it.
pub async fn remove(tx: &TenantTx, patient: PatientId, doctor: DoctorId) -> ApiResult<()> {
    tx.execute_one(
        "delete from care_team where patient_id = $1 and doctor_id = $2",
        vec![patient.into(), doctor.into()],
    )
    .await
}
