//! The consent domain's rules and transactions: a patient's consents, and a doctor's emergency
//! access. Each function takes the request's transaction and the permit casbin gave for what it
//! does, and commits when it is done; the SQL is in `store`.

use chrono::Utc;

use crate::{
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{GrantId, HospitalId, PatientId, UserId},
    records::{
        consent::{
            store,
            types::{Alert, ConsentRequest, EmergencyRequest, Grant},
        },
        require_patient,
    },
};

/// A patient grants access to their own record (404 for any other patient's). The grantee
/// must be an active member with the scope's role and `expires_at`, when given, in the future
/// (422). Audited.
#[tracing::instrument(skip_all, fields(patient = %patient, grantee = %req.grantee))]
pub async fn grant(
    tx: TenantTx,
    _: &Permit<perm::Consent, perm::Create>,
    patient: PatientId,
    req: ConsentRequest,
) -> ApiResult<Grant> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    require_patient(&tx, patient).await?;
    let patient_user = store::patient_user(&tx, patient).await?;
    if patient_user != UserId::from(tx.caller().user_id) {
        return Err(ApiError::NotFound);
    }
    let wanted = req.scope.grantee_role();
    let role = store::membership(&tx, req.grantee).await?;
    if !role.is_some_and(|r| r.active && r.role == wanted) {
        return Err(ApiError::unprocessable(format!(
            "grantee_user_id must be an active {} of this hospital for scope {}",
            wanted.replace('_', " "),
            req.scope.as_str()
        )));
    }
    if req.expires_at.is_some_and(|t| t <= Utc::now()) {
        return Err(ApiError::unprocessable("expires_at must be in the future"));
    }
    let id = GrantId::new();
    store::insert_consent(&tx, hospital, id, patient, patient_user, &req).await?;
    tx.audit_write(
        hospital.uuid(),
        AuditEntry::new("consent.grant", "access_grant", id).patient(patient.uuid()),
    )
    .await?;
    let g = store::grant(&tx, id).await?;
    tx.commit().await?;
    Ok(g)
}

/// The grants on a patient's record that the caller may see (RLS: doctors only their own),
/// newest first; 404 for a patient the caller may not see. Audited.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn list(
    mut tx: TenantTx,
    _: &Permit<perm::Consent, perm::List>,
    patient: PatientId,
) -> ApiResult<Vec<Grant>> {
    let hospital = tx.caller().hospital()?;
    require_patient(&tx, patient).await?;
    let rows = store::grants_of(&tx, patient).await?;
    tx.audit_read(
        hospital,
        AuditEntry::new("consent.list", "patient", patient).patient(patient.uuid()),
    );
    tx.commit().await?;
    Ok(rows)
}

/// Revokes a consent on the patient's record (404 for any other grant, break-glass included);
/// revoking it again succeeds again. Audited.
#[tracing::instrument(skip_all, fields(patient = %patient, grant = %id))]
pub async fn revoke(
    tx: TenantTx,
    _: &Permit<perm::Consent, perm::Revoke>,
    patient: PatientId,
    id: GrantId,
) -> ApiResult<()> {
    let hospital = tx.caller().hospital()?;
    if !store::revoke(&tx, patient, id).await? {
        return Err(ApiError::NotFound);
    }
    tx.audit_write(
        hospital,
        AuditEntry::new("consent.revoke", "access_grant", id).patient(patient.uuid()),
    )
    .await?;
    tx.commit().await
}

/// Opens emergency access for the calling doctor to any patient of this hospital (404 for an
/// unknown one): a reason of 10 to 500 characters and 1 to 60 minutes (422). Audited as
/// `break_glass.open`, and every active admin is alerted in the same transaction.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn break_glass(
    tx: TenantTx,
    _: &Permit<perm::BreakGlass, perm::Create>,
    patient: PatientId,
    req: EmergencyRequest,
) -> ApiResult<Grant> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let patient_user = store::patient_user(&tx, patient).await?;
    let emergency = req.checked()?;
    let id = GrantId::new();
    let doctor = UserId::from(tx.caller().user_id);
    store::insert_break_glass(&tx, hospital, id, patient, patient_user, doctor, &emergency).await?;
    let mut entry = AuditEntry::new("break_glass.open", "access_grant", id).patient(patient.uuid());
    entry.purpose = Some("emergency".into());
    tx.audit_write(hospital.uuid(), entry).await?;
    let g = store::grant(&tx, id).await?;
    alert_admins(&tx, hospital, &g, emergency.minutes).await?;
    tx.commit().await?;
    Ok(g)
}

/// In-app notification and email to every active admin of the hospital, in the transaction
/// that opens the access. Names no patient: the admin follows the id into the audit trail.
async fn alert_admins(
    tx: &TenantTx,
    hospital: HospitalId,
    grant: &Grant,
    minutes: i64,
) -> ApiResult<()> {
    let admins = store::admin_contacts(tx).await?;
    let alert = Alert::break_glass(&tx.caller().full_name, grant, minutes);
    for a in admins {
        store::alert(tx, hospital, a, &alert).await?;
    }
    Ok(())
}
