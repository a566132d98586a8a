//! The consent domain's SQL, all of it. Every statement runs in the caller's transaction, under
//! RLS: a row the caller may not see does not exist here.

use sea_orm::{FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    ids::{GrantId, HospitalId, PatientId, UserId},
    records::consent::types::{Alert, ConsentRequest, Emergency, Grant},
};

pub const GRANT_SELECT: &str = "select g.id, g.patient_id, g.grantee_user_id, g.kind, g.scope, \
    g.reason, g.created_at, g.expires_at, g.revoked_at, \
    (g.revoked_at is null and (g.expires_at is null or g.expires_at > now())) as active \
    from access_grant g";

/// One grant the caller may see; 404 otherwise.
pub async fn grant(tx: &TenantTx, id: GrantId) -> ApiResult<Grant> {
    Grant::find_by_statement(stmt(
        &format!("{GRANT_SELECT} where g.id = $1"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

/// Up to 200 of a patient's grants the caller may see, newest first.
pub async fn grants_of(tx: &TenantTx, patient: PatientId) -> ApiResult<Vec<Grant>> {
    Ok(Grant::find_by_statement(stmt(
        &format!("{GRANT_SELECT} where g.patient_id = $1 order by g.id desc limit 200"),
        [patient.into()],
    ))
    .all(tx.conn())
    .await?)
}

#[derive(FromQueryResult)]
struct PatientUser {
    patient_user_id: Uuid,
}

/// The user account of a patient of this hospital; 404 for an unknown patient.
pub async fn patient_user(tx: &TenantTx, patient: PatientId) -> ApiResult<UserId> {
    PatientUser::find_by_statement(stmt(
        "select patient_user_id from patient_in_hospital($1)",
        [patient.into()],
    ))
    .one(tx.conn())
    .await?
    .map(|p| UserId::from(p.patient_user_id))
    .ok_or(ApiError::NotFound)
}

/// A member's role in this hospital and whether the membership is active.
#[derive(FromQueryResult)]
pub struct Role {
    pub role: String,
    pub active: bool,
}

pub async fn membership(tx: &TenantTx, user: UserId) -> ApiResult<Option<Role>> {
    Ok(Role::find_by_statement(stmt(
        "select role, active from membership where user_id = $1",
        [user.into()],
    ))
    .one(tx.conn())
    .await?)
}

/// Inserts a consent, made by the patient (`patient_user`) themselves.
pub async fn insert_consent(
    tx: &TenantTx,
    hospital: HospitalId,
    id: GrantId,
    patient: PatientId,
    patient_user: UserId,
    req: &ConsentRequest,
) -> ApiResult<()> {
    tx.conn_execute(
        "insert into access_grant (hospital_id, id, patient_id, patient_user_id, grantee_user_id, kind, scope, created_by, expires_at) \
         values ($1, $2, $3, $4, $5, 'consent', $6, $4, $7)",
        vec![
            Value::from(hospital),
            id.into(),
            patient.into(),
            patient_user.into(),
            req.grantee.into(),
            req.scope.as_str().into(),
            req.expires_at.into(),
        ],
    )
    .await?;
    Ok(())
}

/// Revokes a consent on `patient`'s record (again: the first revocation's time stays); false
/// when there is no such consent.
pub async fn revoke(tx: &TenantTx, patient: PatientId, id: GrantId) -> ApiResult<bool> {
    let n = tx
        .conn_execute(
            "update access_grant set revoked_at = coalesce(revoked_at, now()) where id = $1 and patient_id = $2 and kind = 'consent'",
            vec![id.into(), patient.into()],
        )
        .await?;
    Ok(n == 1)
}

/// Inserts a break-glass grant to `doctor` for the emergency's minutes; the database's clock sets both ends,
/// the same clock the policies compare with.
pub async fn insert_break_glass(
    tx: &TenantTx,
    hospital: HospitalId,
    id: GrantId,
    patient: PatientId,
    patient_user: UserId,
    doctor: UserId,
    emergency: &Emergency,
) -> ApiResult<()> {
    tx.conn_execute(
        "insert into access_grant (hospital_id, id, patient_id, patient_user_id, grantee_user_id, kind, scope, reason, created_by, created_at, expires_at) \
         values ($1, $2, $3, $4, $5, 'break_glass', 'records', $6, $5, now(), now() + make_interval(mins => $7))",
        vec![
            Value::from(hospital),
            id.into(),
            patient.into(),
            patient_user.into(),
            doctor.into(),
            emergency.reason.clone().into(),
            (emergency.minutes as i32).into(),
        ],
    )
    .await?;
    Ok(())
}

/// An active admin of the hospital, to alert.
#[derive(FromQueryResult)]
pub struct Admin {
    pub user_id: Uuid,
    pub email: String,
}

pub async fn admin_contacts(tx: &TenantTx) -> ApiResult<Vec<Admin>> {
    Ok(Admin::find_by_statement(stmt(
        "select user_id, email from hospital_admin_contacts()",
        [],
    ))
    .all(tx.conn())
    .await?)
}

/// Queues the alert's email to `admin` and adds their in-app notification.
pub async fn alert(
    tx: &TenantTx,
    hospital: HospitalId,
    admin: Admin,
    alert: &Alert,
) -> ApiResult<()> {
    tx.conn_execute(
        "insert into outbox (hospital_id, id, recipient, subject, text_body, html_body) values ($1, $2, $3, $4, $5, $6)",
        vec![
            Value::from(hospital),
            Uuid::now_v7().into(),
            admin.email.into(),
            alert.subject.clone().into(),
            alert.text.clone().into(),
            alert.html.clone().into(),
        ],
    )
    .await?;
    tx.conn_execute(
        "insert into notification (hospital_id, id, user_id, kind, title, body) values ($1, $2, $3, 'break_glass', $4, $5)",
        vec![
            Value::from(hospital),
            Uuid::now_v7().into(),
            admin.user_id.into(),
            alert.subject.clone().into(),
            alert.text.clone().into(),
        ],
    )
    .await?;
    Ok(())
}
