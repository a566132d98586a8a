//! The ratings domain's rules and transactions. SQL is in `store`.

use crate::{
    audit::AuditEntry,
    auth::permit::{self as perm, Permit},
    db::TenantTx,
    error::{ApiError, ApiResult},
    ids::{AppointmentId, HospitalId, UserId},
    scheduling::ratings::{
        store,
        types::{DoctorRatingsView, Rating, RatingRequest},
    },
};

/// Rates the caller's own visit: 404 for an appointment that is not theirs, 422 for a visit
/// not completed or a bad value, 409 when already rated. Audited.
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn rate(
    tx: TenantTx,
    _: &Permit<perm::Rating, perm::Create>,
    id: AppointmentId,
    req: RatingRequest,
) -> ApiResult<Rating> {
    let hospital = HospitalId::from(tx.caller().hospital()?);
    let me = UserId::from(tx.caller().user_id);
    let visit = store::own_visit(&tx, id, me)
        .await?
        .ok_or(ApiError::NotFound)?;
    if visit.status != "completed" {
        return Err(ApiError::unprocessable(
            "only a completed appointment can be rated",
        ));
    }
    let (stars, comment) = req.checked()?;
    if !store::insert(&tx, hospital, id, &visit, me, stars, comment).await? {
        return Err(ApiError::Conflict(
            "this appointment was already rated".into(),
        ));
    }
    let entry = AuditEntry::new("rating.create", "appointment", id).patient(visit.patient_id);
    tx.audit_write(hospital.uuid(), entry).await?;
    let r = store::rating(&tx, id).await?;
    tx.commit().await?;
    Ok(r)
}

/// A visit's rating, for its patient, its doctor and the hospital's admins; 404 when there is
/// none or the visit is not theirs.
#[tracing::instrument(skip_all, fields(appointment = %id))]
pub async fn read(
    tx: TenantTx,
    _: &Permit<perm::Rating, perm::Read>,
    id: AppointmentId,
) -> ApiResult<Rating> {
    let r = store::rating(&tx, id).await?;
    tx.commit().await?;
    Ok(r)
}

/// Every doctor's ratings, for hospital admins.
#[tracing::instrument(skip_all)]
pub async fn by_doctor(
    tx: TenantTx,
    _: &Permit<perm::Rating, perm::List>,
) -> ApiResult<Vec<DoctorRatingsView>> {
    let rows = store::by_doctor(&tx).await?;
    tx.commit().await?;
    Ok(rows.into_iter().map(Into::into).collect())
}
