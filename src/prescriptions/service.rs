//! The prescription domain's rules and transactions. Each function takes the request's
//! transaction and the permit casbin gave for what it does, and commits when it is done; the SQL
//! is in `store`.

use sea_orm::DatabaseConnection;

use crate::{
    app::paging::{Listing, Page},
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{DoctorId, HospitalId, PrescriptionId, UserId},
    prescriptions::{
        printout::printed,
        store,
        types::{
            Filter, Issue, Lang, Prescription, Status, Verification, normalize_code,
            verification_code,
        },
    },
    records::{notes::caller_doctor, require_appointment_of, require_patient},
};

fn entry(action: &'static str, p: &Prescription) -> AuditEntry {
    AuditEntry::new(action, "prescription", p.id).patient(p.patient_id)
}

/// A code no prescription of any hospital carries yet.
async fn unused_code(tx: &TenantTx) -> ApiResult<String> {
    for _ in 0..5 {
        let code = verification_code();
        if !store::code_taken(tx, &code).await? {
            return Ok(code);
        }
    }
    Err(ApiError::Internal(anyhow::anyhow!(
        "no unused verification code after 5 draws"
    )))
}

/// Issues a prescription: the caller must be a doctor with a profile who may see the patient
/// (404 otherwise), and the appointment, when named, one of this patient's (422). Audited.
#[tracing::instrument(skip_all)]
pub async fn issue(
    tx: TenantTx,
    _: &Permit<perm::Prescription, perm::Create>,
    issue: Issue,
) -> ApiResult<Prescription> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    require_patient(&tx, issue.patient.uuid()).await?;
    let doctor = caller_doctor(&tx).await?;
    if let Some(a) = issue.appointment {
        require_appointment_of(&tx, a.uuid(), issue.patient.uuid()).await?;
    }
    let id = PrescriptionId::new();
    let code = unused_code(&tx).await?;
    store::insert(&tx, hospital, id, doctor, &issue, &code).await?;
    let p = store::find(&tx, id).await?;
    tx.audit_write(hospital.uuid(), entry("prescription.create", &p))
        .await?;
    tx.commit().await?;
    Ok(p)
}

/// A page of the prescriptions the caller may see; each one listed is recorded as read.
#[tracing::instrument(skip_all)]
pub async fn list(
    mut tx: TenantTx,
    _: &Permit<perm::Prescription, perm::List>,
    filter: Filter,
    page: Page,
) -> ApiResult<Listing<Prescription>> {
    let hospital = tx.caller().hospital()?;
    let items = store::page(&tx, &filter, &page).await?;
    for p in &items {
        tx.audit_read(hospital, entry("prescription.list", p));
    }
    tx.commit().await?;
    Ok(page.finish(items, |p| p.id))
}

/// One prescription; audited as read.
#[tracing::instrument(skip_all, fields(prescription = %id))]
pub async fn read(
    mut tx: TenantTx,
    _: &Permit<perm::Prescription, perm::Read>,
    id: PrescriptionId,
) -> ApiResult<Prescription> {
    let hospital = tx.caller().hospital()?;
    let p = store::find(&tx, id).await?;
    tx.audit_read(hospital, entry("prescription.read", &p));
    tx.commit().await?;
    Ok(p)
}

/// The printed copy (PDF), labelled in `lang`, with its public check address; audited as a print.
#[tracing::instrument(skip_all, fields(prescription = %id))]
pub async fn print(
    mut tx: TenantTx,
    _: &Permit<perm::Prescription, perm::Read>,
    id: PrescriptionId,
    lang: Lang,
    public_base_url: &str,
) -> ApiResult<(Prescription, Vec<u8>)> {
    let hospital = tx.caller().hospital()?;
    let p = store::find(&tx, id).await?;
    let facts = store::print_facts(&tx, id).await?;
    tx.audit_read(hospital, entry("prescription.print", &p));
    tx.commit().await?;
    let url = format!(
        "{}/api/v1/prescription-verifications/{}",
        public_base_url.trim_end_matches('/'),
        p.verification_code
    );
    let bytes = printed(&p, &facts, &url, lang).map_err(ApiError::Internal)?;
    Ok((p, bytes))
}

/// Moves an active prescription to `to`; 409 from any other state. Audited.
async fn leave_active(
    tx: TenantTx,
    id: PrescriptionId,
    to: Status,
    action: &'static str,
) -> ApiResult<Prescription> {
    let hospital = tx.caller().hospital()?;
    let current = store::find(&tx, id).await?;
    let by = UserId::from(tx.caller().user_id);
    if !store::leave_active(&tx, id, to, by).await? {
        return Err(ApiError::conflict(format!(
            "the prescription is {}, not active",
            current.status
        )));
    }
    let p = store::find(&tx, id).await?;
    tx.audit_write(hospital, entry(action, &p)).await?;
    tx.commit().await?;
    Ok(p)
}

/// Dispenses an active prescription (a pharmacist's permit).
#[tracing::instrument(skip_all, fields(prescription = %id))]
pub async fn dispense(
    tx: TenantTx,
    _: &Permit<perm::Prescription, perm::Dispense>,
    id: PrescriptionId,
) -> ApiResult<Prescription> {
    leave_active(tx, id, Status::Dispensed, "prescription.dispense").await
}

/// Cancels an active prescription; only its prescriber may (403 for anyone else).
#[tracing::instrument(skip_all, fields(prescription = %id))]
pub async fn cancel(
    tx: TenantTx,
    _: &Permit<perm::Prescription, perm::Cancel>,
    id: PrescriptionId,
) -> ApiResult<Prescription> {
    let current = store::find(&tx, id).await?;
    let caller = UserId::from(tx.caller().user_id);
    if !store::is_doctor(&tx, DoctorId::from(current.doctor_id), caller).await? {
        return Err(ApiError::ForbiddenBecause(
            "only the prescriber may cancel a prescription",
        ));
    }
    leave_active(tx, id, Status::Cancelled, "prescription.cancel").await
}

/// The public facts of a printed code (case and dashes do not matter); 404 for an unknown or
/// malformed one.
pub async fn verify(db: &DatabaseConnection, code: &str) -> ApiResult<Verification> {
    let code = normalize_code(code).ok_or(ApiError::NotFound)?;
    store::verification(db, &code)
        .await?
        .ok_or(ApiError::NotFound)
}
