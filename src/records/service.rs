//! The rules the records' sub-domains share, and other domains use: a patient the caller may
//! see (else 404), an appointment of that patient (else 422), the caller's doctor profile (else
//! 403), and one audited page of a patient's rows. The SQL is in `records::store`.

use poem_openapi::types::{ParseFromJSON, ToJSON};
use sea_orm::FromQueryResult;
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    audit::AuditEntry,
    auth::permit::{Allows, List, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{AppointmentId, DoctorId, HospitalId, PatientId, UserId},
    records::store,
};

/// 404 unless the caller may see this patient's records (RLS decides).
pub async fn require_patient(tx: &TenantTx, patient: impl Into<PatientId>) -> ApiResult<()> {
    if store::patient_visible(tx, patient.into()).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// 422 unless `appointment` is one of `patient`'s appointments that the caller can see.
pub async fn require_appointment_of(
    tx: &TenantTx,
    appointment: impl Into<AppointmentId>,
    patient: impl Into<PatientId>,
) -> ApiResult<()> {
    if !store::is_appointment_of(tx, appointment.into(), patient.into()).await? {
        return Err(ApiError::unprocessable(
            "appointment_id is not this patient's appointment",
        ));
    }
    Ok(())
}

/// The caller's doctor profile id in this hospital; 403 for anyone without one.
pub async fn caller_doctor(tx: &TenantTx) -> ApiResult<DoctorId> {
    store::doctor_of(tx, UserId::from(tx.caller().user_id))
        .await?
        .ok_or(ApiError::ForbiddenBecause(
            "only doctors with a profile can do this",
        ))
}

/// One kind of a patient's rows: those of `select` (aliased `alias`, with `id` and `patient_id`
/// columns), audited as `action` when listed.
pub struct RowKind<'a> {
    pub action: &'static str,
    pub select: &'a str,
    pub alias: &'a str,
}

/// What [`list_for_patient`] lists: rows of `select` (aliased `alias`, with `id` and
/// `patient_id` columns), gated by casbin's `{object}:list`, audited as `action`.
pub struct PatientRows<'a, O> {
    /// What casbin must allow the caller to list.
    pub object: O,
    pub action: &'static str,
    pub select: &'a str,
    pub alias: &'a str,
}

/// One page of a patient's rows of one kind: permission, the patient visible to the caller
/// (else 404), the page, the audited read, the commit.
pub async fn list_for_patient<T, O: Allows<List>>(
    tx: TenantTx,
    rows: PatientRows<'_, O>,
    patient: Uuid,
    limit: Option<u32>,
    cursor: Option<Uuid>,
    id: impl Fn(&T) -> Uuid,
) -> ApiResult<Listing<T>>
where
    T: FromQueryResult + ParseFromJSON + ToJSON + Send + Sync,
{
    let PatientRows {
        object,
        action,
        select,
        alias,
    } = rows;
    tx.permit_to(object, List).await?;
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let patient = PatientId::from(patient);
    require_patient(&tx, patient).await?;
    let page = Page::parse(limit, cursor)?;
    let kind = RowKind {
        action,
        select,
        alias,
    };
    listed(tx, hospital, &kind, patient, page, id).await
}

/// [`list_for_patient`] for a caller already holding the permit: the patient visible to the
/// caller (else 404), the page, the audited read, the commit.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn list_patient_rows<T, O: Allows<List>>(
    tx: TenantTx,
    _: &Permit<O, List>,
    kind: RowKind<'_>,
    patient: PatientId,
    page: Page,
    id: impl Fn(&T) -> Uuid,
) -> ApiResult<Listing<T>>
where
    T: FromQueryResult + ParseFromJSON + ToJSON + Send + Sync,
{
    let hospital = HospitalId::from(tx.caller().hospital()?);
    require_patient(&tx, patient).await?;
    listed(tx, hospital, &kind, patient, page, id).await
}

async fn listed<T>(
    mut tx: TenantTx,
    hospital: HospitalId,
    kind: &RowKind<'_>,
    patient: PatientId,
    page: Page,
    id: impl Fn(&T) -> Uuid,
) -> ApiResult<Listing<T>>
where
    T: FromQueryResult + ParseFromJSON + ToJSON + Send + Sync,
{
    let listing = store::patient_page(&tx, kind, patient, &page, id).await?;
    tx.audit_read(
        hospital.uuid(),
        AuditEntry::new(kind.action, "patient", patient).patient(patient.uuid()),
    );
    tx.commit().await?;
    Ok(listing)
}
