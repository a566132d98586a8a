//! `/api/v1/patients/{id}/consents` and `/api/v1/patients/{id}/break-glass`: HTTP only. Each
//! handler names the ids it was given, asks casbin for its permit and hands both to `service`.

use chrono::{DateTime, Utc};
use poem_openapi::{ApiResponse, Object, OpenApi, param::Path, payload::Json};
use uuid::Uuid;

use crate::{
    auth::{BearerAuth, permit as perm},
    error::ApiResult,
    ids::{GrantId, PatientId, UserId},
    records::consent::{
        service,
        types::{ConsentRequest, EmergencyRequest, Grant, Scope},
    },
};

pub struct ConsentApi;

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
        let permit = tx.permit::<perm::Consent, perm::Create>().await?;
        let b = body.0;
        let req = ConsentRequest {
            grantee: UserId::from(b.grantee_user_id),
            scope: Scope::parse(&b.scope)?,
            expires_at: b.expires_at,
        };
        let g = service::grant(tx, &permit, PatientId::from(id.0), req).await?;
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
        let tx = auth.0;
        let permit = tx.permit::<perm::Consent, perm::List>().await?;
        let rows = service::list(tx, &permit, PatientId::from(id.0)).await?;
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
        let permit = tx.permit::<perm::Consent, perm::Revoke>().await?;
        let (patient, grant) = (PatientId::from(id.0), GrantId::from(grant_id.0));
        service::revoke(tx, &permit, patient, grant).await?;
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
        let permit = tx.permit::<perm::BreakGlass, perm::Create>().await?;
        let b = body.0;
        let req = EmergencyRequest {
            reason: b.reason,
            minutes: b.minutes,
        };
        let g = service::break_glass(tx, &permit, PatientId::from(id.0), req).await?;
        Ok(GrantCreated::Created(Json(g)))
    }
}
