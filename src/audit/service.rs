//! Reading the audit trail: each function takes the request's transaction and the permit for
//! what it reads, and commits; the SQL is in `store`.

use crate::{
    app::paging::Listing,
    audit::{
        AuditEntry, store,
        types::{AccessLogEntry, AuditEvent, EventFilter, NewestFirst},
    },
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::ApiResult,
    ids::PatientId,
    tenancy::staff,
};

/// A page of the trail, newest first: RLS shows admins their hospital's events and super admins
/// platform events.
#[tracing::instrument(skip_all)]
pub async fn events(
    tx: TenantTx,
    _: &Permit<perm::AuditEvent, perm::List>,
    filter: EventFilter,
    page: NewestFirst,
) -> ApiResult<Listing<AuditEvent>> {
    let rows = store::events(&tx, filter, &page).await?;
    tx.commit().await?;
    Ok(page.finish(rows, |e| e.id))
}

/// A page of who accessed a patient's record (404 for a patient the caller may not see); reading
/// it is audited.
#[tracing::instrument(skip_all, fields(patient = %patient))]
pub async fn access_log(
    mut tx: TenantTx,
    _: &Permit<perm::AccessLog, perm::Read>,
    patient: PatientId,
    page: NewestFirst,
) -> ApiResult<Listing<AccessLogEntry>> {
    let hospital = tx.caller().hospital()?;
    let patient = PatientId::from(staff::patient(&tx, patient.uuid()).await?.id);
    let rows = store::access_log(&tx, patient, &page).await?;
    tx.audit_read(
        hospital,
        AuditEntry::new("access_log.read", "patient", patient).patient(patient.uuid()),
    );
    tx.commit().await?;
    Ok(page.finish(rows, |e| e.id))
}
