//! The SQL the records' sub-domains share (and other domains reach through `records::service`):
//! whether the caller may see a patient, an appointment of theirs, the caller's doctor profile and
//! a page of a patient's rows. Everything runs in the caller's transaction, under RLS.

use poem_openapi::types::{ParseFromJSON, ToJSON};
use sea_orm::{ConnectionTrait, FromQueryResult};
use uuid::Uuid;

use crate::{
    app::paging::{Listing, Page},
    db::{TenantTx, stmt},
    error::ApiResult,
    ids::{AppointmentId, DoctorId, PatientId, UserId},
    records::service::RowKind,
};

/// Whether the caller may see this patient's records (RLS and `record_access` decide).
pub async fn patient_visible(tx: &TenantTx, patient: PatientId) -> ApiResult<bool> {
    tx.exists(
        "select 1 from patient_in_hospital($1) \
         where record_access(nullif(current_setting('app.hospital_id', true), '')::uuid, $1)",
        patient.uuid(),
    )
    .await
}

/// Whether `appointment` is one of `patient`'s appointments that the caller can see.
pub async fn is_appointment_of(
    tx: &TenantTx,
    appointment: AppointmentId,
    patient: PatientId,
) -> ApiResult<bool> {
    let found = tx
        .conn()
        .query_one_raw(stmt(
            "select 1 from appointment where id = $1 and patient_id = $2",
            [appointment.into(), patient.into()],
        ))
        .await?;
    Ok(found.is_some())
}

#[derive(FromQueryResult)]
struct Id {
    id: Uuid,
}

/// The doctor profile of `user` in this hospital, if they have one.
pub async fn doctor_of(tx: &TenantTx, user: UserId) -> ApiResult<Option<DoctorId>> {
    Ok(Id::find_by_statement(stmt(
        "select id from doctor where user_id = $1",
        [user.into()],
    ))
    .one(tx.conn())
    .await?
    .map(|r| DoctorId::from(r.id)))
}

/// One page of `patient`'s rows of one kind, in id (creation) order.
pub async fn patient_page<T>(
    tx: &TenantTx,
    kind: &RowKind<'_>,
    patient: PatientId,
    page: &Page,
    id: impl Fn(&T) -> Uuid,
) -> ApiResult<Listing<T>>
where
    T: FromQueryResult + ParseFromJSON + ToJSON + Send + Sync,
{
    page.list(
        tx,
        kind.select,
        &format!("{}.id", kind.alias),
        &format!("and {}.patient_id = $3", kind.alias),
        vec![patient.into()],
        id,
    )
    .await
}
