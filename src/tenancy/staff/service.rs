//! The staff domain's rules and transactions: doctors, patients and care teams. Each function
//! takes the request's transaction and the permit casbin gave for what it does, and commits
//! when it is done; the SQL is in `store`.

use crate::{
    app::{
        AppState,
        paging::{Listing, Page},
    },
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::{OneRead, Prepared, TenantTx},
    error::{ApiError, ApiResult},
    ids::{DoctorId, HospitalId, PatientId},
    tenancy::{
        staff::{
            store,
            types::{
                CareTeamMember, CreatedPatient, Doctor, DoctorProfile, Patient, PatientProfile,
                ProfilePatch, TeamDoctor,
            },
        },
        users::{Account, create_member},
    },
};

fn patient_entry(action: &'static str, id: PatientId) -> AuditEntry {
    AuditEntry::new(action, "patient", id.uuid()).patient(id.uuid())
}

/// Adds a doctor: the account (checked and hashed with no transaction open: 422; 409 when the
/// email has an account) and the profile (409 when the licence number is taken). Audited.
#[tracing::instrument(skip_all)]
pub async fn create_doctor(
    state: &AppState,
    tx: TenantTx,
    _: &Permit<perm::Doctor, perm::Create>,
    profile: DoctorProfile,
    account: Account,
) -> ApiResult<Doctor> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let (member, tx) = tx.outside(state, account.checked(state)).await?;
    let user_id = create_member(&tx, hospital, member, "doctor").await?;
    let id = DoctorId::new();
    store::insert_doctor(&tx, hospital, id, user_id, profile).await?;
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("doctor.create", "doctor", id.uuid()),
    )
    .await?;
    let d = store::doctor(&tx, id).await?;
    tx.commit().await?;
    Ok(d)
}

/// A page of the hospital's doctors.
#[tracing::instrument(skip_all)]
pub async fn list_doctors(
    tx: TenantTx,
    _: &Permit<perm::Doctor, perm::List>,
    page: Page,
) -> ApiResult<Listing<Doctor>> {
    tx.caller().hospital()?;
    let listing = store::doctors(&tx, &page).await?;
    tx.commit().await?;
    Ok(listing)
}

/// One doctor of the hospital (404 otherwise).
#[tracing::instrument(skip_all, fields(doctor = %id))]
pub async fn read_doctor(
    tx: TenantTx,
    _: &Permit<perm::Doctor, perm::Read>,
    id: DoctorId,
) -> ApiResult<Doctor> {
    let d = store::doctor(&tx, id).await?;
    tx.commit().await?;
    Ok(d)
}

/// Adds a patient: the account (checked and hashed with no transaction open: 422; 409 when the
/// email has an account) and the profile. Audited.
#[tracing::instrument(skip_all)]
pub async fn create_patient(
    state: &AppState,
    tx: TenantTx,
    _: &Permit<perm::Patient, perm::Create>,
    profile: PatientProfile,
    account: Account,
) -> ApiResult<CreatedPatient> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let (member, tx) = tx.outside(state, account.checked(state)).await?;
    let user_id = create_member(&tx, hospital, member, "patient").await?;
    let id = PatientId::new();
    store::insert_patient(&tx, hospital, id, user_id, profile).await?;
    tx.audit_write(hospital.uuid(), patient_entry("patient.create", id))
        .await?;
    tx.commit().await?;
    Ok(CreatedPatient {
        id: id.uuid(),
        user_id: user_id.uuid(),
    })
}

/// A page of the patients the caller may see; each one listed is recorded as read.
#[tracing::instrument(skip_all)]
pub async fn list_patients(
    mut tx: TenantTx,
    _: &Permit<perm::Patient, perm::List>,
    page: Page,
) -> ApiResult<Listing<Patient>> {
    let hospital = tx.caller().hospital()?;
    let listing = store::patients(&tx, &page).await?;
    for p in &listing.items {
        tx.audit_read(
            hospital,
            patient_entry("patient.list", PatientId::from(p.id)),
        );
    }
    tx.commit().await?;
    Ok(listing)
}

/// The read of one patient that travels with the session check ([`read_patient`] shows it).
pub fn patient_read(id: PatientId) -> Prepared {
    store::patient_by_id(id)
}

/// The patient [`patient_read`] found, shown only with casbin's permit (404 when the caller may
/// not see them); the read is recorded before it is answered.
#[tracing::instrument(skip_all)]
pub async fn read_patient(
    read: OneRead,
    permit: &Permit<perm::Patient, perm::Read>,
) -> ApiResult<Patient> {
    let hospital = read.caller().hospital()?;
    let p: Patient = read.one(permit)?.ok_or(ApiError::NotFound)?;
    read.audit(
        hospital,
        patient_entry("patient.read", PatientId::from(p.id)),
    )
    .await?;
    Ok(p)
}

/// The right a profile patch was checked for: the whole profile, or the contact details only.
pub enum ProfileRight {
    Whole(Permit<perm::Patient, perm::Update>),
    Contact(Permit<perm::Patient, perm::UpdateContact>),
}

/// Applies a profile patch (404 for a patient the caller may not see; 403 for a patch beyond
/// the contact details under the contact right). Audited.
#[tracing::instrument(skip_all, fields(patient = %id))]
pub async fn update_patient(
    tx: TenantTx,
    right: &ProfileRight,
    id: PatientId,
    patch: ProfilePatch,
) -> ApiResult<Patient> {
    if matches!(right, ProfileRight::Contact(_)) && !patch.contact_only {
        return Err(ApiError::Forbidden);
    }
    let hospital = tx.caller().hospital()?;
    store::update_patient(&tx, id, patch).await?;
    tx.audit_write(hospital, patient_entry("patient.update", id))
        .await?;
    let p = store::patient(&tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// Puts a doctor on a patient's care team (404 unless both are here, 409 when already on it).
/// Audited.
#[tracing::instrument(skip_all, fields(patient = %patient, doctor = %doctor))]
pub async fn assign(
    tx: TenantTx,
    _: &Permit<perm::CareTeam, perm::Assign>,
    patient: PatientId,
    doctor: DoctorId,
) -> ApiResult<CareTeamMember> {
    let hospital = tx.caller().hospital()?;
    store::assign(&tx, patient, doctor).await?;
    tx.audit_write(
        hospital,
        AuditEntry::new("care_team.assign", "doctor", doctor.uuid()).patient(patient.uuid()),
    )
    .await?;
    tx.commit().await?;
    Ok(CareTeamMember {
        patient_id: patient.uuid(),
        doctor_id: doctor.uuid(),
    })
}

/// The doctors on a patient's care team (404 for a patient the caller may not see); audited as a
/// read of the patient's record.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn team(
    mut tx: TenantTx,
    _: &Permit<perm::CareTeam, perm::List>,
    patient: PatientId,
) -> ApiResult<Vec<TeamDoctor>> {
    let hospital = tx.caller().hospital()?;
    crate::records::require_patient(&tx, patient).await?;
    let team = store::team(&tx, patient).await?;
    tx.audit_read(hospital, patient_entry("care_team.list", patient));
    tx.commit().await?;
    Ok(team)
}

/// Takes a doctor off a patient's care team (404 when not on it). Audited.
#[tracing::instrument(skip_all, fields(patient = %patient, doctor = %doctor))]
pub async fn remove(
    tx: TenantTx,
    _: &Permit<perm::CareTeam, perm::Remove>,
    patient: PatientId,
    doctor: DoctorId,
) -> ApiResult<()> {
    let hospital = tx.caller().hospital()?;
    store::remove(&tx, patient, doctor).await?;
    tx.audit_write(
        hospital,
        AuditEntry::new("care_team.remove", "doctor", doctor.uuid()).patient(patient.uuid()),
    )
    .await?;
    tx.commit().await
}
