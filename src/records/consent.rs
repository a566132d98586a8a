//! Consent (a patient grants or revokes access) and break-glass (a doctor opens emergency
//! access to a patient outside the care team for at most 60 minutes; admins are alerted).

use chrono::{DateTime, Utc};
use poem_openapi::{ApiResponse, Object, OpenApi, param::Path, payload::Json};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

use crate::{
    audit::AuditEntry,
    auth::BearerAuth,
    auth::permit as perm,
    db::{TenantTx, stmt},
    error::{ApiError, ApiResult},
    records::{require_patient, text},
};

pub struct ConsentApi;

/// A grant of access to one patient's records.
#[derive(Object, FromQueryResult, Debug, Clone)]
pub struct Grant {
    pub id: Uuid,
    pub patient_id: Uuid,
    pub grantee_user_id: Uuid,
    /// `consent` (from the patient) or `break_glass` (emergency access by a doctor).
    pub kind: String,
    /// `records` (a doctor outside the care team) or `private_notes` (a hospital admin).
    pub scope: String,
    #[oai(nullable)]
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
    #[oai(nullable)]
    pub expires_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub revoked_at: Option<DateTime<Utc>>,
    /// Unexpired and not revoked.
    pub active: bool,
}

pub const GRANT_SELECT: &str = "select g.id, g.patient_id, g.grantee_user_id, g.kind, g.scope, \
    g.reason, g.created_at, g.expires_at, g.revoked_at, \
    (g.revoked_at is null and (g.expires_at is null or g.expires_at > now())) as active \
    from access_grant g";

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct NewConsent {
    /// A doctor of this hospital (scope `records`) or a hospital admin (scope `private_notes`).
    pub grantee_user_id: Uuid,
    pub scope: String,
    /// Open-ended when absent.
    #[oai(nullable)]
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct BreakGlass {
    /// Why emergency access is needed (recorded and shown to admins).
    pub reason: String,
    /// 1 to 60; default 60.
    #[oai(nullable)]
    pub minutes: Option<i64>,
}

#[derive(ApiResponse)]
pub enum GrantCreated {
    #[oai(status = 201)]
    Created(Json<Grant>),
}
#[derive(ApiResponse)]
pub enum GrantList {
    #[oai(status = 200)]
    Ok(Json<Vec<Grant>>),
}
#[derive(ApiResponse)]
pub enum GrantRevoked {
    #[oai(status = 204)]
    Done,
}

#[derive(FromQueryResult)]
struct Role {
    role: String,
    active: bool,
}

#[derive(FromQueryResult)]
struct PatientUser {
    patient_user_id: Uuid,
}

#[derive(FromQueryResult)]
struct Admin {
    user_id: Uuid,
    email: String,
}

async fn grant(tx: &TenantTx, id: Uuid) -> ApiResult<Grant> {
    Grant::find_by_statement(stmt(
        &format!("{GRANT_SELECT} where g.id = $1"),
        [id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or(ApiError::NotFound)
}

async fn patient_user(tx: &TenantTx, patient: Uuid) -> ApiResult<Uuid> {
    PatientUser::find_by_statement(stmt(
        "select patient_user_id from patient_in_hospital($1)",
        [patient.into()],
    ))
    .one(tx.conn())
    .await?
    .map(|p| p.patient_user_id)
    .ok_or(ApiError::NotFound)
}

/// In-app notification and email to every active admin of the hospital, in the transaction
/// that opens the access. Names no patient: the admin follows the id into the audit trail.
async fn alert_admins(tx: &TenantTx, hospital: Uuid, grant: &Grant, minutes: i64) -> ApiResult<()> {
    let admins = Admin::find_by_statement(stmt(
        "select user_id, email from hospital_admin_contacts()",
        [],
    ))
    .all(tx.conn())
    .await?;
    let doctor = &tx.caller().full_name;
    let subject = "Emergency access opened".to_string();
    let body = format!(
        "{doctor} opened emergency (break-glass) access to patient record {} for {minutes} minutes.\n\
         Grant {} expires at {}. Review the reason in the audit trail.",
        grant.patient_id,
        grant.id,
        grant.expires_at.map(|t| t.to_rfc3339()).unwrap_or_default()
    );
    let html = format!(
        "<p>{}</p>",
        body.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('\n', "<br>")
    );
    for a in admins {
        tx.conn()
            .execute_raw(stmt(
                "insert into outbox (hospital_id, id, recipient, subject, text_body, html_body) values ($1, $2, $3, $4, $5, $6)",
                vec![Value::from(hospital), Uuid::now_v7().into(), a.email.into(), subject.clone().into(), body.clone().into(), html.clone().into()],
            ))
            .await?;
        tx.conn()
            .execute_raw(stmt(
                "insert into notification (hospital_id, id, user_id, kind, title, body) values ($1, $2, $3, 'break_glass', $4, $5)",
                vec![Value::from(hospital), Uuid::now_v7().into(), a.user_id.into(), subject.clone().into(), body.clone().into()],
            ))
            .await?;
    }
    Ok(())
}

#[OpenApi(prefix_path = "/api/v1", tag = "crate::app::server::Tag::Records")]
impl ConsentApi {
    /// Grant a doctor (`records`) or an admin (`private_notes`) access to your record (patients).
    ///
    /// The patient only, on their own record (404 for any other patient id). `grantee_user_id` must
    /// be an active doctor of this hospital for `records` or an active hospital admin for
    /// `private_notes` (422 otherwise); `expires_at`, when given, must be in the future, and
    /// without it the grant lasts until revoked. Audited.
    #[oai(
        path = "/patients/:id/consents",
        method = "post",
        operation_id = "grantConsent"
    )]
    async fn grant_consent(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<NewConsent>,
    ) -> ApiResult<GrantCreated> {
        let tx = auth.0;
        tx.permit::<perm::Consent, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        require_patient(&tx, id.0).await?;
        let patient_user = patient_user(&tx, id.0).await?;
        if patient_user != tx.caller().user_id {
            return Err(ApiError::NotFound);
        }
        let b = body.0;
        let wanted = match b.scope.as_str() {
            "records" => "doctor",
            "private_notes" => "hospital_admin",
            _ => {
                return Err(ApiError::unprocessable(
                    "scope must be records or private_notes",
                ));
            }
        };
        let role = Role::find_by_statement(stmt(
            "select role, active from membership where user_id = $1",
            [b.grantee_user_id.into()],
        ))
        .one(tx.conn())
        .await?;
        if !role.is_some_and(|r| r.active && r.role == wanted) {
            return Err(ApiError::unprocessable(format!(
                "grantee_user_id must be an active {} of this hospital for scope {}",
                wanted.replace('_', " "),
                b.scope
            )));
        }
        if b.expires_at.is_some_and(|t| t <= Utc::now()) {
            return Err(ApiError::unprocessable("expires_at must be in the future"));
        }
        let gid = Uuid::now_v7();
        tx.conn_execute(
            "insert into access_grant (hospital_id, id, patient_id, patient_user_id, grantee_user_id, kind, scope, created_by, expires_at) \
             values ($1, $2, $3, $4, $5, 'consent', $6, $4, $7)",
            vec![Value::from(hospital), gid.into(), id.0.into(), patient_user.into(), b.grantee_user_id.into(), b.scope.into(), b.expires_at.into()],
        )
        .await?;
        tx.audit_write(
            hospital,
            AuditEntry::new("consent.grant", "access_grant", gid).patient(id.0),
        )
        .await?;
        let g = grant(&tx, gid).await?;
        tx.commit().await?;
        Ok(GrantCreated::Created(Json(g)))
    }

    /// Grants on a patient's record (consents and break-glass), as the caller may see them.
    ///
    /// The patient and hospital admins see every grant on the record, doctors only grants made to
    /// themselves; 404 for a patient the caller may not see. Up to 200, newest first, each with
    /// `active` (unexpired and not revoked); the read is audited.
    #[oai(
        path = "/patients/:id/consents",
        method = "get",
        operation_id = "listConsents"
    )]
    async fn list_consents(&self, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<GrantList> {
        let mut tx = auth.0;
        tx.permit::<perm::Consent, perm::List>().await?;
        let hospital = tx.caller().hospital()?;
        require_patient(&tx, id.0).await?;
        let rows = Grant::find_by_statement(stmt(
            &format!("{GRANT_SELECT} where g.patient_id = $1 order by g.id desc limit 200"),
            [id.0.into()],
        ))
        .all(tx.conn())
        .await?;
        tx.audit_read(
            hospital,
            AuditEntry::new("consent.list", "patient", id.0).patient(id.0),
        );
        tx.commit().await?;
        Ok(GrantList::Ok(Json(rows)))
    }

    /// Revoke a consent (patients); access ends at once.
    ///
    /// The patient only, for a consent on their own record; break-glass grants cannot be revoked
    /// here, and an unknown or another patient's grant answers 404. Revoking an already revoked
    /// consent answers 204 again; audited.
    #[oai(
        path = "/patients/:id/consents/:grant_id",
        method = "delete",
        operation_id = "revokeConsent"
    )]
    async fn revoke_consent(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        grant_id: Path<Uuid>,
    ) -> ApiResult<GrantRevoked> {
        let tx = auth.0;
        tx.permit::<perm::Consent, perm::Revoke>().await?;
        let hospital = tx.caller().hospital()?;
        let n = tx
            .conn_execute(
                "update access_grant set revoked_at = coalesce(revoked_at, now()) where id = $1 and patient_id = $2 and kind = 'consent'",
                vec![grant_id.0.into(), id.0.into()],
            )
            .await?;
        if n != 1 {
            return Err(ApiError::NotFound);
        }
        tx.audit_write(
            hospital,
            AuditEntry::new("consent.revoke", "access_grant", grant_id.0).patient(id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(GrantRevoked::Done)
    }

    /// Emergency access (doctors) to a patient outside the care team, for at most 60 minutes.
    ///
    /// Doctors only, for any patient of this hospital (404 for an unknown id). `reason` must have
    /// 10 to 500 characters and `minutes` be 1 to 60 (default 60), else 422; until it expires the
    /// doctor has the same access as the care team. Audited as `break_glass.open` (shown in the
    /// patient's access log), and every active admin of the hospital gets an in-app notification
    /// and an email with the patient's id, not their name.
    #[oai(
        path = "/patients/:id/break-glass",
        method = "post",
        operation_id = "breakGlass"
    )]
    async fn break_glass(
        &self,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<BreakGlass>,
    ) -> ApiResult<GrantCreated> {
        let tx = auth.0;
        tx.permit::<perm::BreakGlass, perm::Create>().await?;
        let hospital = tx.caller().hospital()?;
        let patient_user = patient_user(&tx, id.0).await?;
        let b = body.0;
        let reason = text("reason", &b.reason, 500)?;
        if reason.chars().count() < 10 {
            return Err(ApiError::unprocessable(
                "reason must explain the emergency (at least 10 characters)",
            ));
        }
        let minutes = b.minutes.unwrap_or(60);
        if !(1..=60).contains(&minutes) {
            return Err(ApiError::unprocessable("minutes must be between 1 and 60"));
        }
        let gid = Uuid::now_v7();
        // The database's clock sets both ends, the same clock the policies compare with.
        tx.conn_execute(
            "insert into access_grant (hospital_id, id, patient_id, patient_user_id, grantee_user_id, kind, scope, reason, created_by, created_at, expires_at) \
             values ($1, $2, $3, $4, $5, 'break_glass', 'records', $6, $5, now(), now() + make_interval(mins => $7))",
            vec![Value::from(hospital), gid.into(), id.0.into(), patient_user.into(), tx.caller().user_id.into(), reason.into(), (minutes as i32).into()],
        )
        .await?;
        let mut entry = AuditEntry::new("break_glass.open", "access_grant", gid).patient(id.0);
        entry.purpose = Some("emergency".into());
        tx.audit_write(hospital, entry).await?;
        let g = grant(&tx, gid).await?;
        alert_admins(&tx, hospital, &g, minutes).await?;
        tx.commit().await?;
        Ok(GrantCreated::Created(Json(g)))
    }
}
